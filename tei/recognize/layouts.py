"""Layouts: where a text marks its paragraphs otherwise than by blank lines, its blocks are re-cut.

The recognizers read blocks, and a block is a run of lines between blank lines
(:func:`tei.read.blocks.split_blocks`). Not every source leaves blank lines between paragraphs:

``layout.line-per-paragraph``
    A word processor's plain-text export, or a copy from some viewers, puts each paragraph
    on one line and no blank line between them. The lines are the paragraphs where the text
    has no blank line at all, or where lines that could end a paragraph (an ended sentence, or
    a line longer than :data:`TYPED_LINE` characters, too long to have been typed) run into a
    line that could open one (a word at the margin) more than twice as often as they end at a
    blank line; but never where lines break sentences as often (a text broken into lines of
    typed length). Then every line is a block, except a list's lines (bulleted, or indented
    where most lines are not) and the lines indented under a field line ("PARTICIPANTS: …"),
    which stay with the line above them::

        "Title\\nFirst paragraph … (300 characters)\\nSecond paragraph …\\n  1. Source: …"
        → four blocks

``layout.indented-paragraphs``
    A typed page breaks its paragraphs into lines and indents the first line of each; a
    transcription keeps those lines. In a block that opens with an indented line and goes
    on with lines at the margin, an indented line after a line at the margin opens the next
    paragraph::

        "     First paragraph,\\nits second line.\\n     Second paragraph."
        → two blocks

Each rule is tried on the whole text, in priority order, and records what it decided.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Protocol

from tei.errors import Reporter
from tei.lexicon import lazy_pattern
from tei.read.blocks import Block as TextBlock
from tei.read.blocks import Line
from tei.recognize.base import BULLET, Recognizers, excerpt

#: Longer than a line typed on a page (a typewriter's line is 60–80 characters): a line this
#: long is a paragraph that nobody broke into lines.
TYPED_LINE = 100
INDENT = lazy_pattern(r"^(?: {2,}|\t)\S")
# What a paragraph opens with at the margin: a letter or a number, or a quotation mark or bracket
# before one (indented lines, a list's, are not evidence either way).
PARAGRAPH_START = lazy_pattern(r"^[“‘\"(\[]?\w")
SENTENCE_END = lazy_pattern(r"[.?!…—–\"”’)\]]$")
FIELD_LINE = lazy_pattern(r"^[A-Za-z][A-Za-z ,&/]{0,30}:")


class LayoutRule(Protocol):
    """Re-cuts the blocks of a text whose paragraphs are marked otherwise than by blank lines."""

    name: str

    def split(self, blocks: list[TextBlock], reporter: Reporter) -> list[TextBlock]: ...


def _could_end_paragraph(line: Line) -> bool:
    """Too long to have been typed, or a sentence of three words or more, ended."""
    return len(line.text) > TYPED_LINE or bool(SENTENCE_END.search(line.text) and len(line.text.split()) >= 3)


def _indented(line: Line) -> bool:
    return bool(INDENT.match(line.text))


def _cut(block: TextBlock, starts: list[int]) -> list[TextBlock]:
    """``block`` cut before each line index in ``starts`` (the first piece keeps its blank lines)."""
    if not starts:
        return [block]
    bounds = [0, *starts, len(block.lines)]
    return [TextBlock(block.lines[begin:end], block.blank_before if not index else 1)
            for index, (begin, end) in enumerate(pairwise(bounds))]


class LinePerParagraph:
    """One line a paragraph, no blank lines between them → one block a line (lists kept whole)."""

    name = "layout.line-per-paragraph"

    def split(self, blocks: list[TextBlock], reporter: Reporter) -> list[TextBlock]:
        reason = self._evidence(blocks)
        if reason is None:
            return blocks
        first = blocks[0].lines[0]
        reporter.decide(self.name, excerpt(first.text), "each line is a paragraph", reason, first.number)
        # Where most lines are indented, indenting is how paragraphs are set, not what marks a list.
        lines = [line for block in blocks for line in block.lines]
        indented_lists = 2 * sum(map(_indented, lines)) < len(lines)
        return [piece for block in blocks for piece in _cut(block, self._starts(block, indented_lists))]

    @classmethod
    def _evidence(cls, blocks: list[TextBlock]) -> str | None:
        """Why the text's lines are its paragraphs, or None if they are not."""
        by_newline, by_blank, wrapped = cls._paragraph_ends(blocks)
        if wrapped >= max(1, len(by_newline)):
            return None
        if len(blocks) == 1 and len(blocks[0].lines) >= 3:
            return f"no blank line in the text, and {wrapped} lines break a sentence"
        if by_newline and len(by_newline) > 2 * by_blank:
            return (f"{len(by_newline)} lines that could end a paragraph run into the next line, "
                    f"{by_blank} end at a blank line, {wrapped} lines break a sentence")
        return None

    @staticmethod
    def _paragraph_ends(blocks: list[TextBlock]) -> tuple[list[Line], int, int]:
        """The evidence: lines that could end a paragraph and run into a line that could open one;
        those that end a block (a blank line follows); line breaks inside a sentence (the next line
        goes on in lower case, for three words or more: not a marking such as "top secret"), which
        only a text that breaks its paragraphs into lines has."""
        by_newline: list[Line] = []
        by_blank = wrapped = 0
        for index, block in enumerate(blocks):
            lines = block.lines
            for line, following in pairwise(lines):
                if _could_end_paragraph(line) and PARAGRAPH_START.match(following.text):
                    by_newline.append(line)
                elif following.text.lstrip()[:1].islower() and len(following.text.split()) >= 3:
                    wrapped += 1
            if index + 1 < len(blocks) and _could_end_paragraph(lines[-1]):
                by_blank += 1
        return by_newline, by_blank, wrapped

    @staticmethod
    def _starts(block: TextBlock, indented_lists: bool) -> list[int]:
        starts = []
        field = False
        for position, line in enumerate(block.lines):
            previous = block.lines[position - 1] if position else None
            list_goes_on = previous is not None and (
                bool(BULLET.match(previous.text) and BULLET.match(line.text))
                or (indented_lists and _indented(previous) and _indented(line)))
            field_goes_on = (field and _indented(line) and len(line.text) <= TYPED_LINE
                             and not BULLET.match(line.text))
            if position and not list_goes_on and not field_goes_on:
                starts.append(position)
                field = False
            if not field_goes_on:
                field = bool(FIELD_LINE.match(line.text)) and len(line.text) <= TYPED_LINE
        return starts


class IndentedParagraphs:
    """Paragraphs broken into lines, each opening indented → a block per paragraph."""

    name = "layout.indented-paragraphs"

    def split(self, blocks: list[TextBlock], reporter: Reporter) -> list[TextBlock]:
        result: list[TextBlock] = []
        for block in blocks:
            starts = self._starts(block)
            if starts:
                reporter.decide(self.name, excerpt(block.lines[starts[0]].text), "opens a paragraph",
                                "an indented line after a line at the margin, in a block that opens indented",
                                block.lines[starts[0]].number)
            result += _cut(block, starts)
        return result

    @staticmethod
    def _starts(block: TextBlock) -> list[int]:
        lines = block.lines
        if len(lines) < 3 or not _indented(lines[0]) or BULLET.match(lines[0].text):
            return []
        return [position for position in range(2, len(lines))
                if _indented(lines[position]) and not _indented(lines[position - 1])]


def split_layout(blocks: list[TextBlock], rules: tuple[LayoutRule, ...], reporter: Reporter) -> list[TextBlock]:
    """The blocks re-cut by each layout rule in turn."""
    for rule in rules:
        blocks = rule.split(blocks, reporter)
    return blocks


def register(recognizers: Recognizers) -> None:
    recognizers.layouts.register(LinePerParagraph(), LinePerParagraph.name, 20)
    recognizers.layouts.register(IndentedParagraphs(), IndentedParagraphs.name, 10)
