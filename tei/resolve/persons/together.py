"""Names written together: a list of names, a pair joined by a slash.

=============================  ==============================================================
rule                           proposes
=============================  ==============================================================
persons.listed-with-a-person   "Able, Baker and Carr" where one of them is a person
persons.listed-names           "Able, Baker and Carr": three names or more, none of them a
                               place, an organization or a common word
persons.slash-pair             "the Able/Dorn talks", where one of them is a person
persons.joint-subject          "Able and Dorn say", "Able and Dorn think": two names joined
                               by "and", the subject of a verb of saying or thinking in the
                               plural
=============================  ==============================================================

Both read what the rules of :mod:`~tei.resolve.persons.mentions` found first: a name stands
for a person here when a person stands beside it.
"""

from __future__ import annotations

from collections.abc import Iterator

from tei.lexicon import alternation, lazy_pattern, words
from tei.lexicon.names import NAME, NAME_END
from tei.model import Inline
from tei.resolve.persons.candidate import Candidate
from tei.resolve.persons.exclusions import not_a_name
from tei.resolve.persons.gates import and_before_a_name
from tei.resolve.persons.shapes import (
    ARTICLE_BEFORE,
    ORGANIZATION_WORDS,
    SURNAME,
    SURNAME_AT_START,
    at_sentence_start,
)

LIST = lazy_pattern(rf"(?P<items>{SURNAME_AT_START}(?:,\s+{SURNAME})*,?\s+and\s+{SURNAME}){NAME_END}")
LIST_ITEM = lazy_pattern(SURNAME)
ORGANIZATION_OF = lazy_pattern(r"(\w+)\s+of\s+\Z")
LISTED_NAMES = 3  # names listed without a person known among them: "Able, Baker and Carr"
# A name right after the list's last name: that last name is a given name ("… and Frank Eck").
SURNAME_AFTER = lazy_pattern(rf"[ \t]+(?P<surname>{NAME}){NAME_END}")
# "Able and Dorn say": a verb in the plural, its base form, after two names. Read from " and "
# (a literal the engine finds fast), the first name then looked for just before it.
AND_SUBJECT = lazy_pattern(
    rf" and\s+(?P<second>{SURNAME}){NAME_END}\s+(?:(?:{alternation(words('adverbs'))})\s+){{0,2}}"
    rf"(?P<verb>{alternation(words('say-base-forms') | words('think-base-forms'))})(?![\w’'])")
FIRST_OF_TWO = lazy_pattern(rf"(?P<first>{SURNAME_AT_START})\Z")
CAPITALIZED_BEFORE = lazy_pattern(r"[A-Z]\w*\s+\Z")
SLASH_PAIR = lazy_pattern(rf"(?<![\w’'\-/])(?P<first>{NAME})/(?P<second>{NAME})(?![\w/\-])")


def paired(texts: list[tuple[list[Inline], int]], persons: set[str]) -> Iterator[tuple[Candidate, str]]:
    """persons.slash-pair: "the Able/Baker conversation", where one of the two is a person, names
    the other too (a slash keeps other names apart: "EUR/SOV", "State/Defense")."""
    for content, line in texts:
        for text in (item for item in content if isinstance(item, str) and "/" in item):
            for match in SLASH_PAIR.finditer(text):
                first, second = match.group("first"), match.group("second")
                other = second if first in persons else first if second in persons else None
                if other is not None:
                    yield Candidate(other, rule="persons.slash-pair", reason="written as a pair with a person",
                                    line=line), text


def _names_a_thing(text: str, start: int) -> bool:
    """"the Able, Baker and Carr report", "the law firm of Able, Baker and Carr": names after an
    article, or after an organization's word and "of", make the name of a thing."""
    if ARTICLE_BEFORE.search(text, max(0, start - 5), start):
        return True
    before = ORGANIZATION_OF.search(text, max(0, start - 30), start)
    return before is not None and before.group(1).capitalize() in ORGANIZATION_WORDS


def _full_last(text: str, end: int, last: str, places: set[str]) -> tuple[str, str] | None:
    """(given name, surname) where the list's last name is followed by another ("… and Frank
    Eck": "Frank" is the given name of Eck), else None."""
    after = SURNAME_AFTER.match(text, end)
    if after is None or not_a_name(last, False, places) or not_a_name(after.group("surname"), False, places):
        return None  # "… and General Carr": a title is no given name
    return last, after.group("surname")


def listed(text: str, persons: set[str], places: set[str], line: int) -> Iterator[Candidate]:
    """persons.listed-with-a-person: "Able, Baker and Carr" where one of them is a person;
    persons.listed-names: three names or more listed, every one of them possibly a name (none a
    place, an organization or a common word), where they do not name a thing (:func:`_names_a_thing`)."""
    if not and_before_a_name(text):
        return  # every list ends with "and" and a name
    for match in LIST.finditer(text):
        items = [item.group() for item in LIST_ITEM.finditer(match.group("items"))]
        if _names_a_thing(text, match.start()):
            continue
        if any(item in persons for item in items):
            last = _full_last(text, match.end(), items[-1], places)
            for item in items[:-1] if last else items:
                if item not in persons:
                    yield Candidate(item, rule="persons.listed-with-a-person", reason="listed with a person", line=line)
            if last:
                yield Candidate(last[1], given=last[0], rule="persons.listed-with-a-person",
                                reason="listed with a person: a given name and a surname", line=line)
        elif len(items) >= LISTED_NAMES and not any(not_a_name(item, False, places) for item in items):
            for item in items:
                yield Candidate(item, rule="persons.listed-names", reason=f"one of {len(items)} names listed together",
                                line=line)


class JointSubject:
    """Two names joined by "and", the subject of a verb of saying or thinking in the plural:
    "Able and Dorn say", "Able and Dorn think" (a place or a people is refused by the exclusions)."""

    name = "persons.joint-subject"

    def find(self, text: str) -> Iterator[Candidate]:
        if " and " not in text or not and_before_a_name(text):
            return  # most texts: the pattern would be tried at every capitalized word
        for match in AND_SUBJECT.finditer(text):
            first = FIRST_OF_TWO.search(text, max(0, match.start() - 40), match.start())
            if first is None:
                continue
            start = first.start()
            if ARTICLE_BEFORE.search(text, max(0, start - 5), start) or (
                    CAPITALIZED_BEFORE.search(text, max(0, start - 40), start) and not at_sentence_start(text, start)):
                continue  # "the Able and Dorn report", "Procter Able and Dorn say": the name of a thing
            reason = f"the subject of '{match.group('verb')}', with another name"
            for name in (first.group("first"), match.group("second")):
                yield Candidate(name, rule=self.name, reason=reason, strong=True)
