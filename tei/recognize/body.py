"""Body block recognizers: one class per kind of block, tried in priority order.

    "[Page 12]"                    PageBreakBlockRecognizer  → PageBreak
    "[NOTE: At this point …]"      EditorialBlockRecognizer  → EditorialBlock
    "Arms Control" / "2. Trade"  HeadingBlockRecognizer    → Section(head=…)
    "    • item" lines             BulletListBlockRecognizer → BulletList
    anything else                  ParagraphBlockRecognizer  → Paragraph

Two blank lines before a block open a new section even without a heading; that is
decided in :func:`tei.recognize.open_section_break`, before the block is recognized.
"""

from __future__ import annotations

import re

from tei.model import BulletList, EditorialBlock, EditorialNote, PageBreak, Paragraph, Section
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import ParseState, bullet_text, is_bullet_block, join_lines, lines_of
from tei.recognize.inline import EDITORIAL_OPEN, PAGE_MARKER, _balanced_end, parse_inline


def read_page_breaks(block: TextBlock) -> list[PageBreak] | None:
    """A block of ``[Page N]`` lines → its page breaks; any other block → None."""
    matches = [PAGE_MARKER.fullmatch(line.text.strip()) for line in block.lines]
    if not all(matches):
        return None
    return [PageBreak(match.group("n"), line.number) for match, line in zip(matches, block.lines) if match]


class PageBreakBlockRecognizer:
    """A block of ``[Page N]`` lines → one PageBreak per line, between blocks."""

    name = "page-break"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return read_page_breaks(block) is not None

    def run(self, block: TextBlock, state: ParseState) -> None:
        state.target.extend(read_page_breaks(block) or [])


class EditorialBlockRecognizer:
    """A block that is one bracketed ``NOTE:`` → EditorialBlock, brackets kept."""

    name = "editorial-block"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        text = " ".join(block.texts).strip()
        return len(block.lines) == 1 and bool(EDITORIAL_OPEN.match(text)) and _balanced_end(text, 0) == len(text)

    def run(self, block: TextBlock, state: ParseState) -> None:
        content = parse_inline(lines_of(block))
        note = content[0] if len(content) == 1 and isinstance(content[0], EditorialNote) else \
            EditorialNote(content, block.line)
        state.target.append(EditorialBlock(note, block.line))


HEADING_END = re.compile(r"[.,;:!?”\"’')\]]$")
NUMBERED_HEADING = re.compile(r"^\d+[A-Za-z]?\.\s+\S")


class HeadingBlockRecognizer:
    """A short single line without closing punctuation, or a numbered one ("2. Trade") → a new Section."""

    name = "heading"
    max_words = 12

    def test(self, block: TextBlock, state: ParseState) -> bool:
        if len(block.lines) != 1:
            return False
        text = block.lines[0].text.strip()
        # Digits glued to the end are a footnote reference ("…Nixon.1"), not part of the shape.
        if PAGE_MARKER.search(text) or is_bullet_block(block) or HEADING_END.search(text.rstrip("0123456789")):
            return False
        first = text[0]
        return (first.isupper() or bool(NUMBERED_HEADING.match(text))) and len(text.split()) <= self.max_words

    def run(self, block: TextBlock, state: ParseState) -> None:
        head = parse_inline(lines_of(block))
        opened = state.section
        if opened is not None and opened.head is None and opened.blocks and all(
                isinstance(child, PageBreak) for child in opened.blocks):
            # "\n\n\n[Page 6]\n\nHeading": the section opened by the two blank lines is this heading's.
            opened.breaks_before_head = [child for child in opened.blocks if isinstance(child, PageBreak)]
            opened.head, opened.blocks = head, []
            return
        section = Section(head=head, blocks=[], line=block.line, space_before=block.blank_before >= 2)
        state.document.body.append(section)
        state.section = section


class BulletListBlockRecognizer:
    name = "bullet-list"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return is_bullet_block(block)

    def run(self, block: TextBlock, state: ParseState) -> None:
        items = [parse_inline([(line.number, bullet_text(line.text))]) for line in block.lines]
        state.target.append(BulletList(items, block.line))


class ParagraphBlockRecognizer:
    """The fallback: any block is a paragraph; its lines are joined with line breaks."""

    name = "paragraph"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return True

    def run(self, block: TextBlock, state: ParseState) -> None:
        lines = lines_of(block)
        parts = [parse_inline([line]) for line in lines]
        state.target.append(Paragraph(join_lines(parts, [number for number, _ in lines]), block.line))
