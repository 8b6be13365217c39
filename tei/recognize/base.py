"""What every block recognizer shares: the parse state and the recognizer protocol."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from tei.errors import Reporter
from tei.model import Block, Document, Inline, LineBreak, Section
from tei.read.blocks import Block as TextBlock

BULLET = re.compile(r"^\s*[•\u2022\u25cf\u25aa\-\*·]\s+(?P<text>\S.*)$")


def is_bullet_block(block: TextBlock) -> bool:
    return all(BULLET.match(text) for text in block.texts)


def bullet_text(text: str) -> str:
    match = BULLET.match(text)
    return match.group("text") if match else text.strip()


@dataclass
class ParseState:
    """What the body recognizers build into: the document and the section being filled."""

    document: Document
    reporter: Reporter
    section: Section | None = None

    @property
    def target(self) -> list[Block]:
        """The block list new blocks go into: the open section, or the document body."""
        return self.section.blocks if self.section is not None else self.document.body


class BlockRecognizer(Protocol):
    """Recognizes one kind of body block and appends its model node to ``state``."""

    name: str

    def test(self, block: TextBlock, state: ParseState) -> bool: ...

    def run(self, block: TextBlock, state: ParseState) -> None: ...


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
