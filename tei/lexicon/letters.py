"""Letters by case, as the insides of regular-expression classes, and their ASCII forms.

Python's ``re`` has no ``\\p{Lu}``: a name pattern spells out every upper or lower case letter
of the Latin, Greek and Cyrillic blocks (about 410 ranges and letters each), and ``re``
parses each such class and turns it into a bitmap of the basic plane whenever a pattern
holding it is compiled, about 0.4 ms a class. On a text whose letters are all ASCII, ``A-Z``
and ``a-z`` find exactly the same matches, also inside larger and negated classes, so a
pattern can be compiled in that narrow form for such texts:

    >>> ascii_form(f"[{UPPER}][^{LOWER}0-9]")
    '[A-Z][^a-z0-9]'
    >>> has_non_ascii_letter("Able’s “view” – 1980"), has_non_ascii_letter("Ødegaard")
    (False, True)
"""

from __future__ import annotations

import re
import unicodedata

from tei.lexicon import stored

_BLOCKS = (range(0x41, 0x530), range(0x1E00, 0x2000))


def _letter_class(test: str) -> str:
    # The case test first, on whole blocks (str methods: no call of ours per code point). A
    # letter stands for itself in a class (``re.escape`` leaves it as it is).
    codes = [ord(char) for block in _BLOCKS for char in filter(getattr(str, test), map(chr, block))
             if unicodedata.category(char).startswith("L")]
    ranges: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        ranges.append(chr(start) if start == previous else f"{chr(start)}-{chr(previous)}")
        start = previous = code
    return "".join(ranges)


UPPER = _letter_class("isupper")
LOWER = _letter_class("islower")
# Each class starts with its ASCII range, the part that stays.
_ASCII_FORMS = ((UPPER, "A-Z"), (LOWER, "a-z"))


# Case-insensitive patterns keep their classes: a combining mark may fold to a Greek capital.
_CASE_INSENSITIVE = stored.compile(r"\(\?[a-zA-Z-]*i")


def ascii_form(source: str, flags: int = 0) -> str:
    """``source`` with every upper and lower case class narrowed to ASCII: the same matches on
    any text without a letter beyond ASCII (:func:`has_non_ascii_letter`). A case-insensitive
    pattern is returned as it is."""
    if flags & re.IGNORECASE or _CASE_INSENSITIVE.search(source):
        return source
    for letters, ascii_letters in _ASCII_FORMS:
        source = source.replace(letters, ascii_letters)
    return source


def letter_classes(source: str) -> int:
    """How many upper and lower case classes ``source`` holds."""
    return sum(source.count(letters) for letters, _ in _ASCII_FORMS)


# A word character beyond ASCII, the non-ASCII test first, so that ``re`` passes over ASCII
# characters in its fast loop. Wider than the classes (any letter or numeral, of any script):
# a text it finds one in gets the pattern as written, which is right for every text.
_NON_ASCII_LETTER = stored.compile(r"[^\x00-\x7f](?<=\w)")
# The last texts asked about and the answers: many patterns are tried on the same text in turn,
# with short strings in between (a name, a word), and an answer costs a pass over the text when
# it holds curly quotes or dashes. A short text is searched again, as cheaply as it is remembered.
_recent: list[tuple[str, bool]] = []
RECENT = 4
SHORT = 256


def has_non_ascii_letter(text: str) -> bool:
    """Whether ``text`` holds a letter beyond ASCII ("Ø", "ł", "в"), or a numeral ("½");
    quotation marks and dashes are no letters."""
    if text.isascii():
        return False
    if len(text) < SHORT:
        return _NON_ASCII_LETTER.search(text) is not None
    for known, answer in _recent:
        if known is text:
            return answer
    answer = _NON_ASCII_LETTER.search(text) is not None
    _recent.insert(0, (text, answer))
    del _recent[RECENT:]
    return answer
