"""Gates: cheap tests that a mention rule's pattern cannot match a text, so it need not read it.

Each gate is a necessary condition of its pattern, never a decision: where it says "maybe",
the rule reads the text as before; where it says "no", the pattern would find nothing.

    has_any_word("he told Able", ("told", "urged"))                 → True (a substring test)
    may_hold_capitalized("Then Able left.", frozenset({"Ambassador"})) → False
    and_before_a_name("Able and Baker met")                          → True
    and_before_a_name("Able and the others")                         → False
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from tei.lexicon.names import PARTICLES

# A capitalized word of ASCII letters and what follows it of word characters: in an ASCII text
# each word of a list that begins with a capital, standing as a whole word, begins one of these.
_CAPITALIZED = re.compile(r"[A-Z]\w*")
_WORD = re.compile(r"\w+")

@lru_cache(maxsize=1)
def capitalized_words(text: str) -> frozenset[str]:
    """The capitalized words of an ASCII ``text`` (the rules ask for one text after another: the
    last answer is kept)."""
    return frozenset(_CAPITALIZED.findall(text))


def first_words(entries: Iterable[str]) -> frozenset[str]:
    """Each entry's first run of word characters ("Mr." → "Mr"): what the text holds as a whole
    word where the entry stands with no word character before it and none after that run."""
    return frozenset(match.group() for entry in entries if (match := _WORD.match(entry)))


def may_hold_capitalized(text: str, keys: frozenset[str]) -> bool:
    """Whether ``text`` may hold, as a whole word, a word of a list whose entries all begin with an
    ASCII capital (``keys``: :func:`first_words` of the list). A text beyond ASCII: maybe."""
    return not text.isascii() or not keys.isdisjoint(capitalized_words(text))


def first_segments(words: Iterable[str]) -> tuple[str, ...]:
    """Each word's first segment before a space, which the pattern of a list matches literally."""
    return tuple(sorted({word.split(" ", 1)[0] for word in words}))


def has_any_word(text: str, segments: tuple[str, ...]) -> bool:
    """Whether any of ``segments`` (:func:`first_segments` of a list) stands in ``text`` at all."""
    return any(map(text.__contains__, segments))


@lru_cache(maxsize=1)
def and_before_a_name(text: str) -> bool:
    """Whether "and", between white space, stands before what may begin a surname: no lower-case
    ASCII letter, or a particle and white space ("and de Carr"). Lists and joint subjects need one
    (the last answer is kept: both ask of the same text)."""
    position = text.find("and", 1)
    while position > 0:
        after = position + 3
        if text[position - 1].isspace() and after < len(text) and text[after].isspace():
            while after < len(text) and text[after].isspace():
                after += 1
            if after < len(text) and _may_begin_surname(text, after):
                return True
        position = text.find("and", position + 1)
    return False


def _may_begin_surname(text: str, position: int) -> bool:
    char = text[position]
    if not (char.isascii() and char.islower()):
        return True
    # A particle, then white space: the word up to the white space is the particle.
    end = position + 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return end < len(text) and text[position:end] in PARTICLES
