"""The title line: the first block that is not a page marker.

    "256. Memorandum of Conversation1"   → Document(number="256", head=[…])

Lines under the title in the same block are header lines (subject, date), read by
:func:`tei.recognize.front.read_front_block`. A memorandum whose first block no title
recognizer takes is refused (see :func:`tei.recognize.recognize`).
"""

from __future__ import annotations

import re

from tei.read.blocks import Block as TextBlock
from tei.recognize.base import HEADER, LEAD, ParseState, Recognizers, excerpt, lines_of
from tei.recognize.front import read_front_block

TITLE_LINE = re.compile(r"^(?P<n>\d+[A-Za-z]?)\.\s+(?P<title>\S.*)$")


class NumberedTitleRecognizer:
    """A numbered first line, "12. Memorandum of Conversation" → the document's number and head."""

    name = "title-numbered"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return state.part == LEAD and bool(TITLE_LINE.match(block.lines[0].text.strip()))

    def run(self, block: TextBlock, state: ParseState) -> None:
        line = block.lines[0]
        text = line.text.strip()
        match = TITLE_LINE.match(text)
        document = state.document
        document.number = match.group("n") if match else ""
        document.head = state.parse_inline([(line.number, text)])
        document.line = line.number
        state.reporter.decide(self.name, excerpt(text), f"title, number {document.number}",
                              "the first line of text, a number and a full stop before it", line.number)
        state.part = HEADER
        if len(block.lines) > 1:
            read_front_block(lines_of(block)[1:], state)


def register(recognizers: Recognizers) -> None:
    recognizers.front.register(NumberedTitleRecognizer(), "title-numbered", 90)
