"""Inline recognizers: the text of one line → a list of :data:`~tei.model.Inline`.

Each recognizer takes the inline list built so far and returns a new one; they run in
the order of the converter's ``inline`` registry (:meth:`ParseState.parse_inline
<tei.recognize.base.ParseState.parse_inline>`). Page markers go first, so that a
quotation or an editorial note can hold a page break.

    'It [Page 12] was “fine.” (NOTE: x)'
    → ['It ', PageBreak('12'), 'was ', Quote(['“fine.”']), ' ', EditorialNote(['(NOTE: x)'])]
"""

from __future__ import annotations

from tei.model import EditorialNote, Inline, LineBreak, Quote
from tei.recognize.base import ParseState, Recognizers

QUOTE_PAIRS = (("“", "”"),)


def recognize_quotations(content: list[Inline], line: int, state: ParseState | None = None) -> list[Inline]:
    """“…” → Quote, across page breaks; an unclosed quotation mark stays text."""
    result: list[Inline] = []
    index = 0
    items = list(content)
    while index < len(items):
        item = items[index]
        if isinstance(item, EditorialNote):
            item.content = recognize_quotations(item.content, line, state)
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


def register(recognizers: Recognizers) -> None:
    recognizers.inline.register(recognize_quotations, "quotation", 80)
