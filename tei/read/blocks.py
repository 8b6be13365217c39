"""blocks: :class:`~tei.read.reader.Source` → list of :class:`Block`.

A block is a run of non-blank lines. The blank lines before it are counted,
because in a memorandum the blank-line structure carries meaning: one blank line
separates paragraphs, two mark a section break.

    "Title\\n\\nPara one.\\n\\n\\nPara two."
    → [Block(lines=["Title"], blank_before=0),
       Block(lines=["Para one."], blank_before=1),
       Block(lines=["Para two."], blank_before=2)]

A manual line break (U+000B) inside a line splits it into two lines of the block, with the
same line number.
"""

from __future__ import annotations

from typing import Final

from tei.read.controls import MANUAL_LINE_BREAK
from tei.read.reader import Source


class Line:
    __slots__ = ("number", "text")

    def __init__(self, number: int, text: str) -> None:
        self.number: Final = number
        self.text: Final = text


class Block:
    __slots__ = ("blank_before", "lines")

    def __init__(self, lines: tuple[Line, ...], blank_before: int) -> None:
        self.lines: Final = lines
        self.blank_before: Final = blank_before

    @property
    def line(self) -> int:
        """The line number where the block starts."""
        return self.lines[0].number

    @property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines]


def split_blocks(source: Source) -> list[Block]:
    blocks: list[Block] = []
    current: list[Line] = []
    blanks = 0
    pending_blanks = 0
    for number, text in enumerate(source.lines, start=1):
        if text.strip():
            if not current:
                pending_blanks = blanks
            # A manual line break (Word's Shift+Enter) splits the line, which keeps its number.
            current.extend(Line(number, piece.rstrip()) for piece in text.split(MANUAL_LINE_BREAK) if piece.strip())
            blanks = 0
        else:
            if current:
                blocks.append(Block(tuple(current), pending_blanks))
                current = []
            blanks += 1
    if current:
        blocks.append(Block(tuple(current), pending_blanks))
    return blocks
