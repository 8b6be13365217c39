"""Footnote list: the numbered lines at the end of the text → :class:`~tei.model.Footnote`.

    "  1. Source: Department of State, …"  →  Footnote(n="1", kind="source", …)
    "  12a. See Document 3."               →  Footnote(n="12a", …)

Only the trailing blocks whose lines all look like footnotes are taken; a line
without a number inside such a block continues the note before it. Where the notes
are referenced is decided later, by :func:`tei.resolve.attach_footnotes`.
"""

from __future__ import annotations

import re

from tei.errors import Reporter
from tei.model import Footnote, Inline, LineBreak
from tei.read.blocks import Block as TextBlock
from tei.recognize.inline import parse_inline

FOOTNOTE_LINE = re.compile(r"^\s+(?:(?P<n>\d+[a-z]?)\.|\[(?P<bracketed>\d+[a-z]?)\])\s+(?P<text>\S.*)$")
SOURCE_NOTE = re.compile(r"^Source:", re.IGNORECASE)


def is_footnote_block(block: TextBlock) -> bool:
    """A block of footnotes starts with an indented numbered line."""
    return bool(FOOTNOTE_LINE.match(block.lines[0].text))


def split_footnote_blocks(blocks: list[TextBlock]) -> tuple[list[TextBlock], list[TextBlock]]:
    """(body blocks, trailing footnote blocks)."""
    end = len(blocks)
    while end > 1 and is_footnote_block(blocks[end - 1]):
        end -= 1
    return blocks[:end], blocks[end:]


def read_footnotes(blocks: list[TextBlock], reporter: Reporter) -> list[Footnote]:
    notes: list[Footnote] = []
    for block in blocks:
        for line in block.lines:
            match = FOOTNOTE_LINE.match(line.text)
            if match:
                text = match.group("text")
                kind = "source" if SOURCE_NOTE.match(text) else None
                notes.append(Footnote(match.group("n") or match.group("bracketed"), parse_inline([(line.number, text)]), line.number, kind))
            else:
                continuation: list[Inline] = [LineBreak(line.number), *parse_inline([(line.number, line.text.strip())])]
                notes[-1].content.extend(continuation)
    seen: set[str] = set()
    for note in notes:
        if note.n in seen:
            reporter.warning(f"footnote {note.n} is numbered twice; each footnote needs its own number",
                             note.line, "footnote-number")
        seen.add(note.n)
    return notes
