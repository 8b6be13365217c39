"""Body blocks that are neither headings, page markers nor editorial notes.

    "    • item" lines   BulletListBlockRecognizer → BulletList
    anything else        ParagraphBlockRecognizer  → Paragraph (the fallback, lowest priority)
"""

from __future__ import annotations

from tei.model import BulletList, Paragraph
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import ParseState, Recognizers, bullet_text, is_bullet_block, join_lines, lines_of


class BulletListBlockRecognizer:
    """A block whose every line starts with a bullet → BulletList, one item per line."""

    name = "bullet-list"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return is_bullet_block(block)

    def run(self, block: TextBlock, state: ParseState) -> None:
        items = [state.parse_inline([(line.number, bullet_text(line.text))]) for line in block.lines]
        state.target.append(BulletList(items, block.line))


class ParagraphBlockRecognizer:
    """The fallback: any block is a paragraph; its lines are joined with line breaks."""

    name = "paragraph"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return True

    def run(self, block: TextBlock, state: ParseState) -> None:
        lines = lines_of(block)
        parts = [state.parse_inline([line]) for line in lines]
        state.target.append(Paragraph(join_lines(parts, [number for number, _ in lines]), block.line))


def register(recognizers: Recognizers) -> None:
    recognizers.blocks.register(BulletListBlockRecognizer(), "bullet-list", 60)
    recognizers.blocks.register(ParagraphBlockRecognizer(), "paragraph", 0)
