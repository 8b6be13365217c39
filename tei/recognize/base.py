"""What every recognizer shares: the registries, the parse state and the recognizer protocols."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Protocol

from tei.errors import Reporter
from tei.lexicon import lazy_pattern
from tei.model import Block, Document, Inline, LineBreak, Section
from tei.read.blocks import Block as TextBlock
from tei.rules import Registry

BULLET = lazy_pattern(r"^\s*[•\u2022\u25cf\u25aa\-\*·]\s+(?P<text>\S.*)$")

# The parts of the front matter, in the order they come: page markers and the title
# ("lead"), the lines under the title ("header"), the participants.
LEAD, HEADER, PARTICIPANTS = "lead", "header", "participants"


def is_bullet_block(block: TextBlock) -> bool:
    return all(BULLET.match(text) for text in block.texts)


def bullet_text(text: str) -> str:
    match = BULLET.match(text)
    return match.group("text") if match else text.strip()


def excerpt(text: str, width: int = 50) -> str:
    """A line as the subject of a decision: stripped, quoted, cut at ``width`` characters."""
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


class BlockRecognizer(Protocol):
    """Recognizes one kind of block and builds its model nodes into ``state``.

    ``test`` says whether the recognizer takes the block; ``run`` builds. ``run`` returning
    ``False`` hands the block on to the next recognizer (a section break opens a section,
    then the block itself is read by whatever recognizes it).
    """

    name: str

    def test(self, block: TextBlock, state: ParseState) -> bool: ...

    def run(self, block: TextBlock, state: ParseState) -> bool | None: ...


InlineRecognizer = Callable[[list[Inline], int, "ParseState"], list[Inline]]


class Recognizers:
    """The recognizer registries of a converter, one per part of a memorandum.

    ``layouts`` re-cut the blocks where paragraphs are not set apart by blank lines
    (:mod:`tei.recognize.layouts`), ``back`` takes blocks from the end (the footnote list), ``front`` the blocks from the
    start (title, header lines, participants) until none of its recognizers takes one,
    ``blocks`` the body (first match wins), ``inline`` the text of every line.
    """

    def __init__(self) -> None:
        self.layouts: Registry[Any] = Registry("layout rules")
        self.back: Registry[BlockRecognizer] = Registry("back-matter recognizers")
        self.front: Registry[BlockRecognizer] = Registry("front-matter recognizers")
        self.blocks: Registry[BlockRecognizer] = Registry("block recognizers")
        self.inline: Registry[InlineRecognizer] = Registry("inline recognizers")

    def registries(self) -> list[Registry[Any]]:
        """In the order they read a memorandum (the back matter is taken off first, though)."""
        return [self.layouts, self.front, self.blocks, self.inline, self.back]


class ParseState:
    """What the recognizers build into: the document, the part being read, the open section."""

    def __init__(self, document: Document, reporter: Reporter, recognizers: Recognizers) -> None:
        self.document = document
        self.reporter = reporter
        self.recognizers = recognizers
        self.part = LEAD  # of the front matter: LEAD, HEADER or PARTICIPANTS
        self.section: Section | None = None
        # Per-document bookkeeping of a recognizer, under its name (recognizers are shared by
        # every document a converter reads, so they keep nothing themselves).
        self.memo: dict[str, Any] = {}
        # The blocks and the index of the one being read (while the front matter is read, all
        # blocks; then the body's): rules that decide by context (a heading must head something,
        # a signature ends the text, a label stands above its list) look at the blocks around it.
        self.body: list[TextBlock] = []
        self.index = 0
        # How many blocks after the one being read its front-matter recognizer took with it.
        self.taken = 0

    def neighbour(self, offset: int) -> TextBlock | None:
        """The block ``offset`` places from the one being read, if there is one."""
        position = self.index + offset
        return self.body[position] if 0 <= position < len(self.body) else None

    def following(self) -> Iterator[TextBlock]:
        """The blocks after the one being read, in order, read where they stand (a rule that
        stops at the first block it rejects costs nothing more, however long the body)."""
        return (self.body[position] for position in range(self.index + 1, len(self.body)))

    @property
    def target(self) -> list[Block]:
        """The block list new blocks go into: the open section, or the document body."""
        return self.section.blocks if self.section is not None else self.document.body

    def parse_inline(self, lines: list[tuple[int, str]]) -> list[Inline]:
        """The lines of one block → inline content, lines joined by line breaks."""
        recognizers = self.recognizers.inline.ordered()
        content: list[Inline] = []
        for position, (number, text) in enumerate(lines):
            if position:
                content.append(LineBreak(number))
            part: list[Inline] = [text]
            for recognizer in recognizers:
                part = recognizer(part, number, self)
            content.extend(part)
        return content


def lines_of(block: TextBlock) -> list[tuple[int, str]]:
    return [(line.number, line.text.strip()) for line in block.lines]


def join_lines(parts: list[list[Inline]], lines: list[int]) -> list[Inline]:
    """Join the inline content of several lines with line breaks between them."""
    content: list[Inline] = []
    for index, part in enumerate(parts):
        if index:
            content.append(LineBreak(lines[index]))
        content.extend(part)
    return content
