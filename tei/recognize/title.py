"""The title line: the first block that is not a page marker or a classification line.

    "256. Memorandum of Conversation1"   → Document(number="256", head=[…])     title-numbered
    "No. 675" then "Memorandum of …"     → Document(number="675", head=[both])  title-number-line
    "MEMORANDUM OF CONVERSATION"         → Document(number="", head=[…])        title-kind
    "Telephone Conversation Between …"   → (no number is ever invented)
    "The Ambassador (Able) to …"         → head=[…], with a warning              title-first-line

Lines under the title in the same block are header lines (subject, date), read by
:func:`tei.recognize.front.read_front_block`. A memorandum whose first block no title
recognizer takes is refused (see :func:`tei.recognize.recognize`).
"""

from __future__ import annotations

import re

from tei.lexicon import lazy_pattern
from tei.model import LineBreak
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import HEADER, LEAD, ParseState, Recognizers, excerpt, lines_of
from tei.recognize.front import read_front_block

TITLE_LINE = lazy_pattern(r"^(?P<n>\d+[A-Za-z]?)\.\s+(?P<title>\S.*)$")


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


NUMBER_LINE = lazy_pattern(r"^No\.\s*(?P<n>\d+[A-Za-z]?)\.?$")
# The words a title of a record of conversation or meeting starts with (the kinds of such records).
KIND_TITLE = lazy_pattern(
    r"^(?:(?:Draft|Verbatim|Summary|Informal|Brief|Revised)\s+)?(?:Memorandum|Memo|Memcon|Telcon|Minutes|Transcript|"
    r"Record|Summary|Notes?|Telephone|Conversation|Meeting|Discussion|Talking Points|Report|Telegram|Letter|"
    r"Despatch|Dispatch|Airgram|Cable|Message|Circular)\b", re.IGNORECASE)
# A title line names its writer and addressees with their offices in parentheses ("Memorandum From
# the Director (Able) Through … to …"): long, but one line without a full stop.
KIND_TITLE_MAX_WORDS = 60


def take_title(block: TextBlock, state: ParseState, rule: str, verdict: str, reason: str) -> None:
    """The block's first line becomes the head (after a number line, if one was read); its
    other lines are header lines."""
    line = block.lines[0]
    text = line.text.strip()
    document = state.document
    if document.head:  # "No. 675" before: one head, two lines
        document.head += [LineBreak(line.number), *state.parse_inline([(line.number, text)])]
    else:
        document.head = state.parse_inline([(line.number, text)])
        document.line = line.number
    state.reporter.decide(rule, excerpt(text), verdict, reason, line.number)
    state.part = HEADER
    if len(block.lines) > 1:
        read_front_block(lines_of(block)[1:], state)


class NumberLineTitleRecognizer:
    """A line "No. 675" alone above the title → the document's number; the title follows it."""

    name = "title-number-line"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return state.part == LEAD and not state.document.head and \
            bool(NUMBER_LINE.match(block.lines[0].text.strip()))

    def run(self, block: TextBlock, state: ParseState) -> None:
        line = block.lines[0]
        text = line.text.strip()
        match = NUMBER_LINE.match(text)
        state.document.number = match.group("n") if match else ""
        state.document.head = state.parse_inline([(line.number, text)])
        state.document.line = line.number
        state.reporter.decide(self.name, excerpt(text), f"document number {state.document.number}",
                              "'No.' and a number alone on the first line", line.number)
        if len(block.lines) > 1:
            take_title(TextBlock(block.lines[1:], 0), state, self.name, "title",
                       "the line under the number line")


class KindTitleRecognizer:
    """An unnumbered first line that names a kind of record ("MEMORANDUM OF CONVERSATION",
    "Memorandum for the Record", "Minutes of …", "Telephone Conversation Between …") → head."""

    name = "title-kind"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        text = block.lines[0].text.strip()
        return state.part == LEAD and bool(KIND_TITLE.match(text)) and len(text.split()) <= KIND_TITLE_MAX_WORDS

    def run(self, block: TextBlock, state: ParseState) -> None:
        take_title(block, state, self.name, "title, no number",
                   "the first line of text names a kind of record (memorandum, minutes, transcript …)")


class FirstLineTitleRecognizer:
    """Any other first line of text → head, with a warning: the title is not what was expected,
    but the memorandum is read, never refused for its first line."""

    name = "title-first-line"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        if state.part != LEAD:
            return False
        # A sentence is text, not a title: a memorandum that opens with one has no title line.
        text = block.lines[0].text.strip().rstrip("0123456789")
        return not text.endswith((".", "?", "!")) and len(text.split()) <= KIND_TITLE_MAX_WORDS

    def run(self, block: TextBlock, state: ParseState) -> None:
        line = block.lines[0]
        if not state.document.head:
            state.reporter.warning(
                f"no title recognized: {excerpt(line.text)} is neither numbered ('12. Memorandum of "
                "Conversation') nor the name of a kind of record ('Memorandum of Conversation'); it is kept "
                "as the title", line.number, self.name)
        take_title(block, state, self.name, "title", "the first line of text (no other title rule took it)")


def register(recognizers: Recognizers) -> None:
    recognizers.front.register(NumberedTitleRecognizer(), "title-numbered", 90)
    recognizers.front.register(NumberLineTitleRecognizer(), "title-number-line", 92)
    recognizers.front.register(KindTitleRecognizer(), "title-kind", 88)
    recognizers.front.register(FirstLineTitleRecognizer(), "title-first-line", 1)
