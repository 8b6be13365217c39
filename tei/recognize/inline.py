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


def recognize_editorial_notes(content: list[Inline], line: int) -> list[Inline]:
    """``[NOTE: …]`` and ``(NOTE: …)`` within one stretch of text."""

    def split(text: str) -> list[Inline]:
        pieces: list[Inline] = []
        position = 0
        for match in EDITORIAL_OPEN.finditer(text):
            if match.start() < position:
                continue
            end = _balanced_end(text, match.start())
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
    result: list[Inline] = []
    index = 0
    items = list(content)
    while index < len(items):
        item = items[index]
        if isinstance(item, EditorialNote):
            item.content = recognize_quotations(item.content, line)
        if not isinstance(item, str) or "“" not in item:
            result.append(item)
            index += 1
            continue
        start = item.index("“")
        # Look for the closing mark in this string or a later one at this level.
        closing_at = None
        for later in range(index, len(items)):
            candidate = items[later]
            if isinstance(candidate, str):
                offset = start + 1 if later == index else 0
                found = candidate.find("”", offset)
                if found != -1:
                    closing_at = (later, found)
                    break
            elif isinstance(candidate, LineBreak):
                break  # a quotation does not run over a line break
        if closing_at is None:
            # No closing mark: keep the opening mark as text and look further on.
            result.append(item[: start + 1])
            rest = item[start + 1:]
            items[index] = rest
            if not rest:
                index += 1
            continue
        later, found = closing_at
        result.append(item[:start])
        if later == index:
            inner: list[Inline] = [item[start:found + 1]]
            rest = item[found + 1:]
        else:
            inner = [item[start:], *items[index + 1:later], items[later][: found + 1]]  # type: ignore[index]
            rest = items[later][found + 1:]  # type: ignore[index]
        result.append(Quote([piece for piece in inner if piece != ""]))
        items[later] = rest
        index = later
        if rest == "":
            index += 1
    return [piece for piece in result if piece != ""]


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
