"""Participants: bullet blocks after the front matter → :class:`~tei.model.Person` per line.

Each block of bullets is one group (in a memorandum of conversation, one side of the
table). A line is parsed into role names, name parts and what follows the name:

    "Ambassador Able"                        → role "Ambassador", surname "Able"
    "Second Secretary Ivan Carr"                → role "Second Secretary", forename "Ivan"
    "Ann Bell (SOV) (notetaker)"                → affiliation "SOV", occupation "notetaker"
    "Mr. Alex Dorn, Editor-in-Chief, X"   → role "Mr.", occupation …, affiliation "X"
    "The President"                             → role only: mentions of "the President" are this person
"""

from __future__ import annotations

import re

from tei.lexicon.names import ABBREVIATION, PARTICLES, is_title_word, slug
from tei.model import Person
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import (
    HEADER,
    PARTICIPANTS,
    ParseState,
    Recognizers,
    bullet_text,
    excerpt,
    is_bullet_block,
)

ARTICLES = frozenset({"The", "the"})
TRAILING_GROUP = re.compile(r"\s*\((?P<text>[^()]*)\)\s*$")


def _surname(tokens: list[str]) -> tuple[str | None, list[str]]:
    """The surname and forenames of a name's words: the last word, or the compound a particle
    makes with the word before it ("Ann Carr de Dorn" → "Carr de Dorn", ["Ann"])."""
    if not tokens:
        return None, []
    particle = next((index for index, token in enumerate(tokens) if index and token in PARTICLES), None)
    if particle is None or particle == len(tokens) - 1:
        return tokens[-1], tokens[:-1]
    start = particle - 1
    return " ".join(tokens[start:]), tokens[:start]


def parse_participant(text: str, line: int, group: int) -> Person:
    rest = text.strip()
    extras: list[str] = []
    while (match := TRAILING_GROUP.search(rest)) and match.start() > 0:
        extras.insert(0, match.group("text").strip())
        rest = rest[: match.start()]
    name_part, *descriptors = [part.strip() for part in rest.split(",")]
    tokens = name_part.split()
    article = tokens[:1] if tokens and tokens[0] in ARTICLES else []
    tokens = tokens[len(article):]
    roles: list[str] = []
    while len(tokens) > 1 and is_title_word(tokens[0]):
        roles.append(tokens.pop(0))
    role_only = bool(tokens) and all(is_title_word(token) for token in tokens) and (bool(article) or not roles)
    surname: str | None = None
    forenames: list[str] = []
    if role_only:
        roles = roles + tokens
    else:
        surname, forenames = _surname(tokens)
    affiliations: list[str] = []
    occupations: list[str] = []
    for position, descriptor in enumerate(descriptors + extras):
        last_of_several = position == len(descriptors) - 1 and len(descriptors) > 1
        if ABBREVIATION.match(descriptor.split()[0] if descriptor else "") or last_of_several:
            affiliations.append(descriptor)
        else:
            occupations.append(descriptor)
    name = name_part
    lead = ""
    start = text.find(name)
    tail = text[start + len(name):] if start >= 0 else ""
    if start > 0:
        lead = text[:start]
    key = " ".join(roles) if role_only else (surname or name)
    return Person(id=slug(key), name=name, surname=surname, forenames=forenames, role_names=roles,
                  affiliations=affiliations, occupations=occupations, group=group, line=line,
                  role_only=role_only, tail=tail, lead=lead)


def read_participants(block: TextBlock, group: int, used: dict[str, int]) -> list[Person]:
    """One block of bullets → one group; a person id given before gets a number ("able-2")."""
    return read_participant_lines([(line.number, bullet_text(line.text)) for line in block.lines], group, used)


def read_participant_lines(lines: list[tuple[int, str]], group: int, used: dict[str, int]) -> list[Person]:
    """(line number, one participant as written) → one group of persons; ids are made unique
    across groups through ``used``. Other recognizers that find participants (a ``PARTICIPANTS:``
    header field) hand their lines here."""
    persons = [parse_participant(text, number, group) for number, text in lines]
    for person in persons:
        base = person.id
        # "Mr. Able", "Dr. Able", "Mr. Able-2": the number given to the second may be the third's own id.
        while person.id in used:
            used[base] = used.get(base, 1) + 1
            person.id = f"{base}-{used[base]}"
        used[person.id] = 1
    return persons


class ParticipantsRecognizer:
    """Blocks of bullet lines after the header → one group of participants per block."""

    name = "participants"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return state.part in (HEADER, PARTICIPANTS) and is_bullet_block(block)

    def run(self, block: TextBlock, state: ParseState) -> None:
        state.part = PARTICIPANTS
        group = read_participants(block, len(state.document.groups) + 1, state.memo.setdefault(self.name, {}))
        state.document.groups.append(group)
        if state.reporter.explaining:
            for person in group:
                state.reporter.decide(self.name, excerpt(person.name), f"participant #{person.id}, group {person.group}",
                                      "a bullet line after the header", person.line)


def register(recognizers: Recognizers) -> None:
    recognizers.front.register(ParticipantsRecognizer(), "participants", 60)
