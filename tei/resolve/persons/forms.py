"""Where a document's surname forms stand in a text, each as a whole name.

    FormFinder(["Able", "de Carr"]).find("Ableton met Able and de  Carr.")
    → [(12, 16), (21, 29)]: "Able", "de  Carr"

The same as ``finditer`` of ``(?P<surname>{alternation(forms, not_after=NAME_NOT_AFTER)}){NAME_END}``
(a space of a form matches any run of white space; at one position the longest form that ends
a name wins; matches do not overlap), found with ``str.find``: a document's cast is its own, and
compiling that pattern costs more than reading the document's texts this way.
"""

from __future__ import annotations

from collections.abc import Iterable

# Besides letters, digits and "_" (``\w``): what may not stand right before a name (NAME_NOT_AFTER).
_NOT_BEFORE = frozenset("’'-/")
# Besides ``\w``, what ends a name's word after it (NAME_END): "ʼ" is a word character, yet
# ends a name in the possessive ("Ablesʼ").
_POSSESSIVE = "ʼ"


def _word_character(char: str) -> bool:
    """``\\w`` of ``re`` on a ``str`` pattern."""
    return char.isalnum() or char == "_"


def name_ends_at(text: str, end: int) -> bool:
    """NAME_END at ``end``: no word character follows (but "ʼ"), nor a hyphen or a slash and one."""
    if end >= len(text):
        return True
    after = text[end]
    if after in "-/":
        return end + 1 >= len(text) or not _word_character(text[end + 1])
    return after == _POSSESSIVE or not _word_character(after)


def _pieces(form: str) -> tuple[list[str], list[int]]:
    """"de Carr" → (["de", "Carr"], [1]): the form's words and the spaces between each two."""
    words = form.split(" ")
    literals, spaces = [words[0]], []
    for word in words[1:]:
        if word:
            literals.append(word)
            spaces.append(1)
        else:
            spaces[-1:] = [spaces[-1] + 1] if spaces else [1]
    return literals, spaces


class FormFinder:
    """The whole-name occurrences of any of ``forms`` in a text, as ``(start, end)``."""

    def __init__(self, forms: Iterable[str]) -> None:
        # The forms by their first word, looked for once ("Baker", "Baker de Carr").
        self.forms: dict[str, list[tuple[list[str], list[int]]]] = {}
        for form in sorted(set(forms)):
            if form and not form[0].isspace():
                literals, spaces = _pieces(form)
                self.forms.setdefault(literals[0], []).append((literals, spaces))

    def find(self, text: str) -> list[tuple[int, int]]:
        longest: dict[int, int] = {}
        for first, forms in self.forms.items():
            position = text.find(first)
            while position >= 0:
                if position == 0 or not (_word_character(text[position - 1]) or text[position - 1] in _NOT_BEFORE):
                    for literals, spaces in forms:
                        end = _rest_at(text, position + len(first), literals, spaces)
                        if end >= 0 and name_ends_at(text, end) and end > longest.get(position, -1):
                            longest[position] = end
                position = text.find(first, position + 1)
        found: list[tuple[int, int]] = []
        last_end = 0
        for start in sorted(longest):
            if start >= last_end:
                last_end = longest[start]
                found.append((start, last_end))
        return found


def _rest_at(text: str, position: int, literals: list[str], spaces: list[int]) -> int:
    """Where the form ends when its first word ends at ``position``, or -1: each further word after
    at least as many characters of white space as the form has spaces there."""
    for word, count in zip(literals[1:], spaces):
        start = position
        while position < len(text) and text[position].isspace():
            position += 1
        if position - start < count or not text.startswith(word, position):
            return -1
        position += len(word)
    return position
