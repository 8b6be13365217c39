"""Clauses: where a sentence's main clause begins, and who its subject is.

    "In answer to a question from Dorn, Baker said …" → the subject is Baker
    "Carr asked if it applied, and Baker answered …" → two clauses, two speakers
"""

from __future__ import annotations

import functools
import re

from tei.lexicon import lazy_pattern
from tei.model import Inline
from tei.resolve.speakers.patterns import (
    ACTOR,
    CLAUSE_OPENING,
    FIRST_PERSON,
    LEADING_CLAUSE,
    NAMED,
    PERSON_NUMBER,
    PRONOUN,
)
from tei.resolve.speakers.sentences import masked

CONNECTOR = lazy_pattern(r",(?P<connector>\s+(?:and|but|while|whereupon)\s+)")


def new_speaker_clauses(sentence: list[Inline], roles: dict[str, str] | None = None, *,
                        masked_text: tuple[str, list[str | None]] | None = None) -> list[tuple[list[Inline], bool]]:
    """Cut a sentence where ", and" opens a clause with another person speaking.

    ``"Carr asked if it applied, and Baker answered that it did."`` → ``"Carr asked if it
    applied,"`` (Carr's), ``" and "`` (a connector: nobody's), ``"Baker answered that it did."``
    (Baker's). ``"Baker said no, but Baker personally believes …"`` stays whole. Pieces come
    with True when they are the connector; a cut whose two sides turn out to have the same
    speaker ("He said …, but Baker personally believes") is joined again by the pass.
    ``masked_text``: ``masked(sentence, roles)``, when the caller has it already.
    """
    if not any(isinstance(item, str) and CONNECTOR.search(item) for item in sentence):
        return [(sentence, False)]  # most sentences: no ", and" where the cut below looks for one
    text, refs = masked_text if masked_text is not None else masked(sentence, roles)
    first = named_match(text)
    pronoun = next((match for match in PRONOUN.finditer(text) if opens_clause(text, 0, match.start())), None)
    if pronoun is not None and (first is None or pronoun.start() < first.start()):
        first_ref: str | None = "he or she"  # the sentence opens with a pronoun: any name differs
    elif first is not None:
        first_ref = refs[int(first.group("first"))]
    else:
        return [(sentence, False)]
    for index, item in enumerate(sentence):
        if not isinstance(item, str):
            continue
        for match in CONNECTOR.finditer(item):
            rest, rest_refs = masked([item[match.end():], *sentence[index + 1:]], roles)
            named = NAMED.match(rest)
            if named is None or named.group("more"):
                continue
            ref = rest_refs[int(named.group("first"))]
            if ref is None or ref == first_ref:
                continue
            head = [*sentence[:index], item[:match.start("connector")]]
            tail = [piece for piece in (item[match.end():], *sentence[index + 1:]) if piece != ""]
            return [(head, False), ([match.group("connector")], True), *new_speaker_clauses(tail, roles)]
    return [(sentence, False)]


class Subject:
    """What the main clause of a sentence says about its speaker."""

    __slots__ = ("kind", "others", "pronoun", "refs")

    def __init__(self, kind: str, refs: list[str | None] | None = None, pronoun: str = "",
                 others: list[int] | None = None) -> None:
        self.kind = kind  # "named", "pronoun"
        self.refs = [] if refs is None else refs
        self.pronoun = pronoun  # "he" or "she"
        self.others = [] if others is None else others  # of a pronoun: persons named after it (by index)


def main_clause_start(text: str) -> int:
    """Where the main clause of a masked sentence begins: after a leading subordinate clause.

    ``"In answer to a question from Dorn, Baker said …"`` → the offset of "Baker";
    ``"When the Minister replied, Dorn said"`` → the offset of "Dorn"; otherwise 0.
    """
    match = LEADING_CLAUSE.match(text)
    return match.end() if match else 0


def named_subject(text: str, refs: list[str | None]) -> Subject | None:
    """A person (or persons joined by "and") as the subject of a verb of saying or thinking.

    ``"\uE0000\uE001 then asked whether …"`` → ``Subject("named", [refs[0]])``. The subject must
    open a clause (see :func:`opens_clause`): in "The text calls for what Shore had mentioned",
    Shore is not the one speaking.
    """
    match = named_match(text)
    if match is None:
        return None
    indexes = [int(match.group("first"))]
    if match.group("more"):
        more = PERSON_NUMBER.findall(match.group("more"))
        indexes += [int(number) for number in more]
    return Subject("named", [refs[index] for index in indexes])


@functools.lru_cache(maxsize=1024)
def named_match(text: str) -> re.Match[str] | None:
    """The first "<person> … <verb of saying>" that opens a clause of the masked ``text``.
    Remembered: a sentence is asked about when learning genders, cutting and attributing."""
    start = main_clause_start(text)
    for match in NAMED.finditer(text, start):
        if opens_clause(text, start, match.start()):
            return match
    return _opening_subject(text, start) if start else None


def _opening_subject(text: str, end: int) -> re.Match[str] | None:
    """A subject opening the sentence inside what was taken for a leading clause: "Following this
    talk Able told Baker that …, and …" has no comma after its phrase of time, and the comma found
    later does not end a leading clause."""
    for match in NAMED.finditer(text, 0, end):
        if opens_clause(text, 0, match.start()):
            return match
    return None


def actor_subject(text: str, refs: list[str | None]) -> str | None:
    """The person opening a clause of the masked ``text`` as the subject of a verb that is not one of
    saying ("The Ambassador called at his own request …" → the Ambassador's id), if any."""
    start = main_clause_start(text)
    for match in ACTOR.finditer(text, start):
        if opens_clause(text, start, match.start()):
            return refs[int(match.group("first"))]
    return None


def opens_clause(text: str, start: int, position: int) -> bool:
    """Does ``position`` open a main clause: the sentence start, or after an introductory phrase?

    ``"However, he said"``, ``"…, and he conveyed"``, ``"Saying she wanted"`` → yes;
    ``"… as Baker had explained"``, ``"… what Shore had said"`` → no.
    """
    return position == start or CLAUSE_OPENING.search(text, start, position) is not None


def pronoun_subject(text: str) -> Subject | None:
    """"He"/"She" as the subject of a verb of saying.

    ``"She recalled …"`` → ``Subject("pronoun", pronoun="she")``.

    Only when it opens a clause and comes before any named subject; "Baker said he …"
    is Baker's.
    """
    start = main_clause_start(text)
    for match in PRONOUN.finditer(text, start):
        if not opens_clause(text, start, match.start()):
            continue
        named = named_match(text)
        if named is not None and named.start() < match.start():
            return None
        # "He had spoken with Baker": a person the clause names after its pronoun is someone else.
        others = [int(number) for number in PERSON_NUMBER.findall(text, match.end())]
        return Subject("pronoun", pronoun=match.group("pronoun").lower(), others=others)
    return None




def first_person_subject(text: str) -> bool:
    """"I", the writer, as the subject of a verb of saying, opening a clause before any named subject.

    ``"I then indicated that …"``, ``"After lunch, I told him …"`` → True; ``"Baker said I was
    right"``, ``"What I said was …"`` → False.
    """
    start = main_clause_start(text)
    for match in FIRST_PERSON.finditer(text, start):
        if not opens_clause(text, start, match.start()):
            continue
        named = named_match(text)
        return named is None or named.start() > match.start()
    return False
