"""Inline recognizers: the text of one block → a list of :data:`~tei.model.Inline`.

Each recognizer takes the inline list built so far and returns a new one; they run
in the order of :data:`INLINE_RECOGNIZERS`. Page markers go first, so that a
quotation or an editorial note can hold a page break.

    'It [Page 12] was “fine.” (NOTE: x)'
    → ['It ', PageBreak('12'), 'was ', Quote(['“fine.”']), ' ', EditorialNote(['(NOTE: x)'])]
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tei.model import EditorialNote, Inline, LineBreak, PageBreak, Quote, map_text

PAGE_MARKER = re.compile(r"\[[Pp]age\s+(?P<n>[0-9]+[A-Za-z]?|[ivxlcdm]+)\]")
# A marker inside running text takes the space after it: "X [Page 5] Y" → "X ", pb, "Y".
PAGE_MARKER_INLINE = re.compile(PAGE_MARKER.pattern + r" ?")
EDITORIAL_OPEN = re.compile(r"[\[(]\s*note\s*:", re.IGNORECASE)
CLOSING = {"[": "]", "(": ")"}


def recognize_page_markers(content: list[Inline], line: int) -> list[Inline]:
    def split(text: str) -> list[Inline]:
        pieces: list[Inline] = []
        position = 0
        for match in PAGE_MARKER_INLINE.finditer(text):
            pieces.append(text[position:match.start()])
            pieces.append(PageBreak(match.group("n"), line))
            position = match.end()
        pieces.append(text[position:])
        return pieces

    return map_text(content, split)


def _balanced_end(text: str, start: int) -> int | None:
    """Index just past the bracket that closes the one at ``start``, or None."""
    opening = text[start]
    closing = CLOSING[opening]
    depth = 0
    for index in range(start, len(text)):
        if text[index] == opening:
            depth += 1
        elif text[index] == closing:
            depth -= 1
            if depth == 0:
                return index + 1
    return None


_BRACKETS = {opening: re.compile(re.escape(opening) + "|" + re.escape(closing))
             for opening, closing in CLOSING.items()}


def balanced_ends(text: str, opening: str) -> dict[int, int]:
    """For every ``opening`` bracket of ``text`` that is closed: its index → the index just past
    its closing bracket. One pass over the text, however many brackets stay open."""
    ends: dict[int, int] = {}
    open_at: list[int] = []
    for match in _BRACKETS[opening].finditer(text):
        if match.group() == opening:
            open_at.append(match.start())
        elif open_at:
            ends[open_at.pop()] = match.end()
    return ends


def recognize_editorial_notes(content: list[Inline], line: int) -> list[Inline]:
    """``[NOTE: …]`` and ``(NOTE: …)`` within one stretch of text."""

    def split(text: str) -> list[Inline]:
        pieces: list[Inline] = []
        position = 0
        ends: dict[str, dict[int, int]] = {}
        for match in EDITORIAL_OPEN.finditer(text):
            if match.start() < position:
                continue
            opening = text[match.start()]
            if opening not in ends:
                ends[opening] = balanced_ends(text, opening)
            end = ends[opening].get(match.start())
            if end is None:
                continue
            pieces.append(text[position:match.start()])
            pieces.append(EditorialNote([text[match.start():end]], line))
            position = end
        pieces.append(text[position:])
        return pieces

    return map_text(content, split)


QUOTE_PAIRS = (("“", "”"),)


def recognize_quotations(content: list[Inline], line: int) -> list[Inline]:
    """“…” → Quote, across page breaks; an unclosed quotation mark stays text."""
    items = list(content)
    after = _closing_marks_after(items)
    result: list[Inline] = []
    index, offset = 0, 0  # the item being read, and where in it when it is a string
    while index < len(items):
        item = items[index]
        if isinstance(item, EditorialNote):
            item.content = recognize_quotations(item.content, line)
        if not isinstance(item, str) or (start := item.find("“", offset)) == -1:
            result.append(item[offset:] if isinstance(item, str) else item)
            index, offset = index + 1, 0
            continue
        found = item.find("”", start + 1)
        closing_at = (index, found) if found != -1 else after[index]
        if closing_at is None:
            # No closing mark before the line ends: none of this string's opening marks closes.
            result.append(item[offset:])
            index, offset = index + 1, 0
            continue
        later, found = closing_at
        result.append(item[offset:start])
        closing = items[later]
        assert isinstance(closing, str)
        if later == index:
            inner: list[Inline] = [item[start:found + 1]]
        else:
            inner = [item[start:], *items[index + 1:later], closing[: found + 1]]
        result.append(Quote([piece for piece in inner if piece != ""]))
        index, offset = later, found + 1
    return [piece for piece in result if piece != ""]


def _closing_marks_after(items: list[Inline]) -> list[tuple[int, int] | None]:
    """For each item: the first closing mark in a later string before a line break, as
    (item, index in it); None when there is none. One pass from the end."""
    after: list[tuple[int, int] | None] = [None] * len(items)
    following: tuple[int, int] | None = None
    for index in range(len(items) - 1, -1, -1):
        after[index] = following
        item = items[index]
        if isinstance(item, LineBreak):
            following = None  # a quotation does not run over a line break
        elif isinstance(item, str) and (found := item.find("”")) != -1:
            following = (index, found)
    return after


InlineRecognizer = Callable[[list[Inline], int], list[Inline]]
INLINE_RECOGNIZERS: tuple[tuple[str, InlineRecognizer], ...] = (
    ("page-marker", recognize_page_markers),
    ("editorial-note", recognize_editorial_notes),
    ("quotation", recognize_quotations),
)


def parse_inline(lines: list[tuple[int, str]]) -> list[Inline]:
    """The lines of one block → inline content, lines joined by line breaks."""
    content: list[Inline] = []
    for position, (number, text) in enumerate(lines):
        if position:
            content.append(LineBreak(number))
        part: list[Inline] = [text]
        for _name, recognizer in INLINE_RECOGNIZERS:
            part = recognizer(part, number)
        content.extend(part)
    return content
