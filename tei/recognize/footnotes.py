"""Footnote list: the numbered lines at the end of the text → :class:`~tei.model.Footnote`.

    "  1. Source: Department of State, …"  →  Footnote(n="1", kind="source", …)
    "  12a. See Document 3."               →  Footnote(n="12a", …)

Only the trailing blocks whose lines all look like footnotes are taken; a line
without a number inside such a block continues the note before it. Where the notes
are referenced is decided later, by :func:`tei.resolve.attach_footnotes`.
"""

from __future__ import annotations

import re

from tei.model import Footnote, Inline, LineBreak
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import ParseState, Recognizers, excerpt

# "  12. text", "  [12] text", and keys that are symbols: "  *. text", "  † text". Four digits at
# most: a note number; a longer one begins a line of text, not a footnote.
FOOTNOTE_LINE = re.compile(r"^\s+(?:(?P<n>\d{1,4}[a-z]?)\.|\[(?P<bracketed>\d{1,4}[a-z]?)\]|(?P<symbol>[*†‡§¶]+)\.?)"
                           r"\s+(?P<text>\S.*)$")
SOURCE_NOTE = re.compile(r"^Source:", re.IGNORECASE)


class FootnoteListRecognizer:
    """Trailing blocks that start with an indented numbered line → one Footnote per numbered line."""

    name = "footnote-list"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        match = FOOTNOTE_LINE.match(block.lines[0].text)
        if not match:
            return False
        # "  * text" is also how a bullet list is typed: it is a note only in a list of notes
        # (another key beside it), or written "*." as a key.
        if match.group("symbol") == "*" and not block.lines[0].text.lstrip().startswith("*."):
            keys = {m.group("n") or m.group("bracketed") or m.group("symbol")
                    for line in block.lines if (m := FOOTNOTE_LINE.match(line.text))}
            return len(keys) > 1
        return True

    def run(self, block: TextBlock, state: ParseState) -> None:
        notes = state.document.footnotes
        numbers: set[str] = state.memo.setdefault(self.name, set())
        for line in block.lines:
            match = FOOTNOTE_LINE.match(line.text)
            if match:
                n = match.group("n") or match.group("bracketed") or match.group("symbol")
                text = match.group("text")
                if n in numbers:
                    state.reporter.warning(f"footnote {n} is numbered twice; each footnote needs its own number",
                                           line.number, "footnote-number")
                numbers.add(n)
                kind = "source" if SOURCE_NOTE.match(text) else None
                notes.append(Footnote(n, state.parse_inline([(line.number, text)]), line.number, kind))
                state.reporter.decide(self.name, excerpt(line.text), f"footnote {n}",
                                      "an indented numbered line in the list at the end", line.number)
            else:
                continuation: list[Inline] = [LineBreak(line.number),
                                              *state.parse_inline([(line.number, line.text.strip())])]
                notes[-1].content.extend(continuation)


def register(recognizers: Recognizers) -> None:
    recognizers.back.register(FootnoteListRecognizer(), "footnote-list", 50)
