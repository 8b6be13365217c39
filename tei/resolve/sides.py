"""Sides: a group of participants the text does not name is named from its members' affiliations.

    group 1: "Ambassador Able, Soviet Ambassador", "Mr. Baker, Counselor, Soviet Embassy", "Mr. Carr"
    group 2: "Secretary Dorn, U.S. Secretary of State", "Mr. Eck"
    → Document.affiliated_sides == ["Soviet Side", "U.S. Side"]

Rule ``sides.affiliation``: a group is named by the country its members' titles, offices and
affiliations name, where that is clear:

* each member names at most one country (a demonym such as "Soviet", a country such as
  "France", a code such as "U.S." or "USSR"), a country after "to", "in" or "at" being the
  member's post, not the member's own ("Soviet Ambassador to the U.S." is Soviet);
* the members who name one name the same, and they are at least half of the group;
* no other group is named the same.

The name is the country's ("France"), or its adjective or code with "Side" ("Soviet Side",
"U.S. Side"), as records name the sides of a table.

A group the text names ("U.S. Side") keeps that name; where the affiliation is not clear the
group keeps the neutral label. The name goes to the TEI header's list of participants only:
the text's own list shows what the text says.
"""

from __future__ import annotations

from tei.errors import Reporter
from tei.lexicon import lazy_pattern, words
from tei.lexicon.names import PEOPLES
from tei.model import Document, Person
from tei.recognize.group_names import COUNTRY_CODE
from tei.resolve.base import Pass
from tei.rules import Registry

RULE = "sides.affiliation"
COUNTRIES = words("places")
TOKEN = lazy_pattern(r"[^\s,;:()\[\]]+")
POSTED = frozenset(["to", "in", "at"])  # "Ambassador to the U.S.": the country of the post


def countries_of(person: Person) -> set[str]:
    """The countries (as written) that a participant's title, offices and affiliations name."""
    found: set[str] = set()
    for text in (" ".join(person.role_names), *person.occupations, *person.affiliations):
        tokens = TOKEN.findall(text)
        for index, token in enumerate(tokens):
            before = [word.lower() for word in tokens[max(0, index - 2):index] if word.lower() != "the"]
            if before and before[-1] in POSTED:
                continue
            if token in PEOPLES or token in COUNTRIES or COUNTRY_CODE.match(token):
                found.add(token)
    return found


def affiliation(group: list[Person]) -> str | None:
    """The name of a group whose members are clearly of one country, else None."""
    named = [countries_of(person) for person in group]
    named = [countries for countries in named if countries]
    if not named or 2 * len(named) < len(group) or any(len(countries) != 1 for countries in named):
        return None
    (country,) = named[0]
    if any(countries != {country} for countries in named):
        return None
    return country if country in COUNTRIES and not COUNTRY_CODE.match(country) and not country.isupper() \
        else f"{country} Side"


def name_sides(document: Document, reporter: Reporter) -> None:
    """Fill ``document.affiliated_sides``: each group's name from its members' affiliations, or ""."""
    if len(document.groups) < 2:
        return
    given = [document.sides[index] if index < len(document.sides) else "" for index in range(len(document.groups))]
    names = [None if given[index] else affiliation(group) for index, group in enumerate(document.groups)]
    taken = [name for name in names + given if name]
    document.affiliated_sides = [name if name and taken.count(name) == 1 else "" for name in names]
    if reporter.explaining:
        for number, name in enumerate(document.affiliated_sides, start=1):
            if name:
                reporter.decide(RULE, f"group {number}", repr(name),
                                "its members' offices and affiliations name that country",
                                document.groups[number - 1][0].line)


def register(passes: Registry[Pass]) -> None:
    passes.register(name_sides, "sides", 90)
