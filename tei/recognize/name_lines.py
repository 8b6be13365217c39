"""A person's name alone on a line between paragraphs: a signature or initials, never a heading.

A name has the shape of a heading (a short capitalized line without closing punctuation),
so shape cannot tell them apart; the memorandum can. A line is a person's name where

    "John Q. Baker"   has a middle initial between two name words            → a name
    "J. Q. Baker"     ends in the surname of a person of the memorandum        → a name
                      (a participant, or written "Mr. Baker", "Ambassador Baker" in the text)
    "JQB", "J.Q.B."   are the initials of such a person (John Q. Baker, named in the text)
    "Arms Control"    none of these                                            → shape decides

The sections' ``heading`` rule asks :func:`person_name_reason` before it takes a line as a
heading. The persons of the memorandum are collected once per document, on first use.
"""

from __future__ import annotations

from collections.abc import Iterator

from tei.lexicon import alternation, lazy_pattern
from tei.lexicon.letters import UPPER
from tei.lexicon.names import INITIAL, NAME, NAME_TAIL, TITLE_HEADS, is_name_word, is_title_word
from tei.recognize.base import ParseState

MEMO = "name-lines"  # the persons of the memorandum: surname → the initials it may be signed with
NAME_OR_INITIAL = lazy_pattern(rf"^(?:{NAME}|{INITIAL}|[A-Z]{{2,}})$")
MIDDLE_INITIAL = lazy_pattern(rf"^{NAME} {INITIAL} {NAME}$")
INITIALS = lazy_pattern(r"^(?:[A-Z]{2,4}|(?:[A-Z]\.\s?){2,4})$")
# A title and a surname; the title must not end a longer word, which _titled_surnames checks
# (a look-behind first in the pattern made re try it at every character of the text).
TITLED = lazy_pattern(rf"(?:{alternation(TITLE_HEADS)})\s+(?P<surname>{NAME})(?![\w’'-])")
NOT_BEFORE_TITLE = lazy_pattern(r"[\w’']")
# One or two name words or initials, then the surname: "(?:(?:NAME|INITIAL)\s+){1,2}" written
# to start with the capital they share, so that re skips ahead to the next capital instead of
# trying the whole pattern at every character of the text (6× faster, the same matches).
_GIVEN_WORD = rf"[{UPPER}](?:{NAME_TAIL}|\.)"
FULL_NAME = lazy_pattern(rf"(?P<given>{_GIVEN_WORD}\s+(?:{_GIVEN_WORD}\s+)?)(?P<surname>{NAME})(?![\w’'-])")
NAME_WORDS = 5


def _persons(state: ParseState) -> dict[str, set[str]]:
    """Surname (case folded) → the initials of the full names it is written with, for the
    participants and the persons the text names with a title."""
    persons: dict[str, set[str]] | None = state.memo.get(MEMO)
    if persons is not None:
        return persons
    persons = {}
    for person in state.document.participants:
        if person.surname:
            persons.setdefault(person.surname.casefold(), set()).add(
                "".join(name[0] for name in [*person.forenames, person.surname]))
    text = "\n".join(text for block in state.body for text in block.texts)
    for surname in _titled_surnames(text):
        persons.setdefault(surname.casefold(), set())
    if persons:
        # "John Q. Baker" written in full somewhere: its initials sign for Baker.
        for match in FULL_NAME.finditer(text):
            initials = persons.get(match.group("surname").casefold())
            if initials is not None:
                initials.add("".join(word[0] for word in match.group("given").split()) + match.group("surname")[0])
    state.memo[MEMO] = persons
    return persons


def _titled_surnames(text: str) -> Iterator[str]:
    r"""The surnames written after a title ("Ambassador Baker"), as ``finditer`` of the pattern
    with ``(?<![\w’'])`` before the title would find them: a match after a letter is passed
    over, and the search goes on from its next character."""
    position = 0
    while match := TITLED.search(text, position):
        start = match.start()
        if start and NOT_BEFORE_TITLE.match(text, start - 1):
            position = start + 1
            continue
        yield match.group("surname")
        position = match.end()


def person_name_reason(text: str, state: ParseState) -> str | None:
    """Why the line is a person's name (a signature, initials), or None when it is not one."""
    words = text.rstrip("0123456789").split()  # a footnote number glued to the signature
    if not words or len(words) > NAME_WORDS or not all(NAME_OR_INITIAL.match(word) for word in words):
        return None
    if any(is_title_word(word) and not INITIALS.match(word) for word in words):
        return None  # "Ambassador Able", "Deputy Director": a title may head a section
    if MIDDLE_INITIAL.match(" ".join(words)) and is_name_word(words[0]) and is_name_word(words[-1]):
        return "a name with a middle initial"
    persons = _persons(state)
    if words[-1].casefold() in persons and all(is_name_word(word) for word in words):
        return f"{words[-1]!r} is the surname of a person of this memorandum"
    letters = "".join(char for char in text if char.isalpha())
    if INITIALS.match(text.strip()) and any(letters in initials for initials in persons.values()):
        return f"the initials of a person of this memorandum ({letters})"
    return None
