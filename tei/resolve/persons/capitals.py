"""Names in lines written in capitals: "TELEPHONE CALL TO AMB DORN".

Rule ``persons.titled-name-in-capitals``: typed headings, and the lines a telephone note or a
cable writes in capitals, name a person after a title in capitals ("AMB", "SECRETARY",
"FOREIGN MINISTER"). The words in capitals after the title, one to three, are the name, where
they end the line or stand before a comma, a bracket or "AND"; they are read in title case
("EICK DE CARR" → "Eick de Carr"), and the capitals, as written, become a form of that
person's surname, so that the line links to the person the rest of the text names.

    "TELEPHONE CALL TO AMB DORN" → Candidate("Dorn", title "Amb"); "DORN" a form of #dorn
    "MEETING WITH AMBASSADOR DORN ON TRADE" → nothing (a word follows the name)
"""

from __future__ import annotations

from collections.abc import Iterator

from tei.lexicon import alternation, lazy_pattern, words
from tei.lexicon.letters import LOWER, UPPER
from tei.lexicon.names import PARTICLES, TITLE_HEADS, TITLE_MODIFIERS, split_name
from tei.model import Document
from tei.resolve.persons.candidate import Candidate
from tei.resolve.persons.identity import Identities
from tei.resolve.persons.shapes import line_runs, texts_with_lines

RULE = "persons.titled-name-in-capitals"
_TITLE = alternation({word.upper().rstrip(".") for word in TITLE_HEADS | TITLE_MODIFIERS if len(word) > 1})
_PARTICLE = alternation({particle.upper() for particle in PARTICLES})
# Words in capitals that are no name: the small words of a heading, and words of meeting.
_NOT_NAMES = alternation({"A", "AN", "AND", "AT", "BY", "FOR", "FROM", "IN", "OF", "ON", "THE", "TO", "WITH"}
                         | {word.upper() for word in words("exchange-words")})
_WORD = rf"(?!(?:{_NOT_NAMES}|{_TITLE})\b)[A-Z][A-Z’'\-]+"
TITLED_IN_CAPITALS = lazy_pattern(
    rf"(?<![\w.])(?P<title>(?:{_TITLE})\.?(?:\s+(?:{_TITLE})\.?)*)\s+"
    rf"(?P<name>{_WORD}(?:\s+(?:(?:{_PARTICLE})\s+)?{_WORD}){{0,2}})(?=\s*(?:$|[,;:(\[]|\s+AND\s))")


def _title_case(words: str) -> str:
    """"EICK DE CARR" → "Eick de Carr": particles in lower case, other words capitalized."""
    return " ".join(word.lower() if word.lower() in PARTICLES else word.capitalize() for word in words.split())


# The first lower-case letter ends the test: most texts have one among their first characters.
_LOWER = lazy_pattern(rf"[{LOWER}]")
_UPPER = lazy_pattern(rf"[{UPPER}]")


def _in_capitals(text: str) -> bool:
    return _LOWER.search(text) is None and _UPPER.search(text) is not None


def titled_names_in_capitals(text: str) -> Iterator[tuple[str, str, str]]:
    """(title, name as written, name in title case) of each titled name in a text in capitals."""
    if not _in_capitals(text):
        return
    for match in TITLED_IN_CAPITALS.finditer(text):
        title = _title_case(match.group("title").replace(".", ""))
        if title.split()[-1] not in PLURAL_TITLES:  # "FOREIGN MINISTERS MEETING": a meeting
            yield title, match.group("name"), _title_case(match.group("name"))


# "Ministers", "Secretaries": a plural head names several persons, or a meeting of them.
PLURAL_TITLES = frozenset(word for word in TITLE_HEADS if len(word) > 4 and (
    word.endswith("s") and word[:-1] in TITLE_HEADS or word.endswith("ies") and word[:-3] + "y" in TITLE_HEADS))


class TitledNameInCapitals:
    """A title in capitals and the name after it, ending a line written in capitals."""

    name = RULE

    def find(self, text: str) -> Iterator[Candidate]:
        for title, _written, name in titled_names_in_capitals(text):
            given, surname = split_name(name.split())
            yield Candidate(surname, title, " ".join(given), RULE, f"after the title '{title}', in capitals",
                            strong=True)


def add_capital_forms(document: Document, table: Identities) -> None:
    """Each titled name in capitals whose title-case surname names a known person: the capitals,
    as written ("DORN", "EICK DE CARR"), are a form of that person's surname."""
    for content, _line in texts_with_lines(document):
        for text in line_runs(content):
            for _title, written, name in titled_names_in_capitals(text):
                surname = name.split()[-1]
                person = table.find(name) or table.find(surname)
                words = written.split()
                form = " ".join(words[-len(person.surname.split()):]) if person and person.surname else ""
                if person is not None and form and form not in table.forms:
                    table.forms[form] = [person]
