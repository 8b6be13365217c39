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
    items = list(content)
    after = _closing_marks_after(items)
    result: list[Inline] = []
    index, offset = 0, 0  # the item being read, and where in it when it is a string
    while index < len(items):
        item = items[index]
        if isinstance(item, EditorialNote):
            item.content = recognize_quotations(item.content, line, state)
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


def register(recognizers: Recognizers) -> None:
    recognizers.inline.register(recognize_quotations, "quotation", 80)
