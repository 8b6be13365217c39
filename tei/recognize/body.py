"""Body blocks that are neither headings, page markers nor editorial notes.

    "    • item" lines   BulletListBlockRecognizer → BulletList
    "    • 1." then "    • text"   the same, the bullet "1." marked as the label of the next item
    "• point" paragraphs one after another   one BulletList, a paragraph an item
    anything else        ParagraphBlockRecognizer  → Paragraph (the fallback, lowest priority)
"""

from __future__ import annotations

from tei.lexicon import lazy_pattern
from tei.model import BulletList, Paragraph
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import (
    ParseState,
    Recognizers,
    bullet_text,
    excerpt,
    is_bullet_block,
    join_lines,
    lines_of,
)
from tei.recognize.page_breaks import SECTION_BREAK_BLANK_LINES

# "1.", "a.", "iv.", "2)", "(b)": a list label alone, as a web page copies a numbered list whose
# labels stand in a column of their own: one bullet for the label, one for the item.
LIST_LABEL = lazy_pattern(r"^(?:(?:\d{1,3}|[A-Za-z]|[ivxlc]{1,6})[.)]|\((?:\d{1,3}|[A-Za-z]|[ivxlc]{1,6})\))$")


def label_items(texts: list[str]) -> list[int]:
    """The indices of the bullets that are labels of the item after them: only in a list whose
    first bullet is a label and where some label is followed by text (a labelled list), never in
    a list of names or points that merely starts with a short one."""
    labels = [index for index, text in enumerate(texts) if LIST_LABEL.match(text.strip())]
    if not labels or labels[0] != 0 or not any(index + 1 < len(texts) and index + 1 not in labels
                                               for index in labels):
        return []
    return labels


class BulletListBlockRecognizer:
    """A block whose every line starts with a bullet → BulletList, one item per line; bullets
    that are only a label ("1.") are marked as the labels of the items after them."""

    name = "bullet-list"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return is_bullet_block(block)

    def run(self, block: TextBlock, state: ParseState) -> None:
        texts = [bullet_text(line.text) for line in block.lines]
        items = [state.parse_inline([(line.number, text)]) for line, text in zip(block.lines, texts)]
        labels = label_items(texts)
        previous = state.target[-1] if state.target else None
        if isinstance(previous, BulletList) and len(block.lines) == 1 and not labels and not previous.labels \
                and block.blank_before < SECTION_BREAK_BLANK_LINES:
            # Points typed as paragraphs, each opening with its bullet: the items of one list.
            previous.items.extend(items)
            if state.reporter.explaining:
                state.reporter.decide(self.name, excerpt(texts[0]), f"item {len(previous.items)} of the list above",
                                      "a paragraph opening with a bullet right after a list goes on with it",
                                      block.line)
            return
        state.target.append(BulletList(items, block.line, labels))


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
