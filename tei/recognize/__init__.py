"""recognize: :class:`~tei.read.reader.Source` → :class:`~tei.model.Document`.

The order in which the parts of a memorandum are recognized, in one place:

=========================  ====================================================
stage                      recognizer (module)
=========================  ====================================================
footnote list (at end)     :func:`footnotes.read_footnotes`
page markers before title  :class:`body.PageBreakBlockRecognizer`
title line                 :func:`front.read_title`
subject and date lines     :func:`front.read_front_block`
participants               :func:`participants.read_participants`
body blocks                :data:`BODY_RECOGNIZERS`, first match wins
inline text                :data:`inline.INLINE_RECOGNIZERS`
=========================  ====================================================

Adding a feature: a model class (``model.py``) → a recognizer here (+ a resolve pass if
it needs the whole document) → ``encode_<node>`` in ``encode.py`` → ``schemas/memo.xsd`` →
the templates in ``transforms/html`` and ``transforms/text`` → tests.
"""

from __future__ import annotations

from tei.errors import ConversionError, Reporter
from tei.model import Document, PageBreak, Section
from tei.read.blocks import Block as TextBlock
from tei.read.blocks import split_blocks
from tei.read.reader import Source
from tei.recognize.base import BlockRecognizer, ParseState, is_bullet_block
from tei.recognize.body import (
    BulletListBlockRecognizer,
    EditorialBlockRecognizer,
    HeadingBlockRecognizer,
    PageBreakBlockRecognizer,
    ParagraphBlockRecognizer,
    read_page_breaks,
)
from tei.recognize.footnotes import read_footnotes, split_footnote_blocks
from tei.recognize.front import is_front_line, read_front_block, read_title
from tei.recognize.participants import read_participants

BODY_RECOGNIZERS: tuple[BlockRecognizer, ...] = (
    PageBreakBlockRecognizer(),
    EditorialBlockRecognizer(),
    HeadingBlockRecognizer(),
    BulletListBlockRecognizer(),
    ParagraphBlockRecognizer(),
)

SECTION_BREAK_BLANK_LINES = 2


def recognize(source: Source, reporter: Reporter) -> Document:
    blocks = split_blocks(source)
    if not blocks:
        raise ConversionError("the file has no text", source.path)
    blocks, note_blocks = split_footnote_blocks(blocks)
    footnotes = read_footnotes(note_blocks, reporter)

    # Page markers may stand before the title line.
    position = 0
    leading: list[PageBreak] = []
    while position < len(blocks) and (pages := read_page_breaks(blocks[position])) is not None:
        leading += pages
        position += 1
    if position >= len(blocks):
        raise ConversionError("no title line: the file holds only page markers", source.path)

    title_block = blocks[position]
    document = read_title(title_block, source.path)
    document.leading = leading
    document.footnotes = footnotes
    position += 1
    if len(title_block.lines) > 1:
        read_front_block(TextBlock(title_block.lines[1:], 0), document)

    position = _read_front_and_participants(blocks, position, document)
    _read_body(blocks[position:], document, reporter)
    return document


def _read_front_and_participants(blocks: list[TextBlock], position: int, document: Document) -> int:
    """Subject and date blocks, then the participants; returns the index of the first body block."""
    front_end = position
    # The front matter is what follows the title closely: two blank lines end it.
    while front_end < len(blocks) and not is_bullet_block(blocks[front_end]) and \
            blocks[front_end].blank_before < SECTION_BREAK_BLANK_LINES:
        block = blocks[front_end]
        pages = read_page_breaks(block)
        if pages is not None:
            document.front_breaks += pages  # a page turning among the subject and date lines
        elif all(is_front_line(text) for text in block.texts):
            read_front_block(block, document)
        else:
            break
        front_end += 1
    end = front_end
    while end < len(blocks) and is_bullet_block(blocks[end]):
        end += 1
    document.groups = read_participants(blocks[front_end:end])
    return end


def _read_body(blocks: list[TextBlock], document: Document, reporter: Reporter) -> None:
    state = ParseState(document, reporter)
    for block in blocks:
        recognizer = next(r for r in BODY_RECOGNIZERS if r.test(block, state))
        if block.blank_before >= SECTION_BREAK_BLANK_LINES and not isinstance(recognizer, HeadingBlockRecognizer):
            open_section_break(block, state)
        recognizer.run(block, state)


def open_section_break(block: TextBlock, state: ParseState) -> None:
    """Two blank lines without a heading: a new section without a head (never invented text)."""
    section = Section(head=None, blocks=[], line=block.line, space_before=True)
    state.document.body.append(section)
    state.section = section


__all__ = ["BODY_RECOGNIZERS", "recognize"]
