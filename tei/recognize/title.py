"""The title line: the first block that is not a page marker or a classification line.

    "256. Memorandum of Conversation1"   → Document(number="256", head=[…])     title-numbered
    "No. 675" then "Memorandum of …"     → Document(number="675", head=[both])  title-number-line
    "MEMORANDUM OF CONVERSATION"         → Document(number="", head=[…])        title-kind
    "Telephone Conversation Between …"   → (no number is ever invented)
    "The Ambassador (Able) to …"         → head=[…], with a warning              title-first-line

A title line that breaks off long, without the punctuation or note number a title ends with, goes
on onto the next line of its block (``title-wrapped``): "…at the Meeting of the National⏎Security
Council1" is one title. Other lines under the title in the same block are header lines (subject, date), read by
:func:`tei.recognize.front.read_front_block`. A memorandum whose first block no title
recognizer takes is refused (see :func:`tei.recognize.recognize`).
"""

from __future__ import annotations

import re

from tei.lexicon import lazy_pattern
from tei.lexicon.names import TITLE_WORDS
from tei.model import LineBreak
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import HEADER, LEAD, ParseState, Recognizers, excerpt, lines_of
from tei.recognize.front import NUMBER_LINE, match_date_line, read_front_block
from tei.recognize.header_fields import FIELD_LINE

TITLE_LINE = lazy_pattern(r"^(?P<n>\d+[A-Za-z]?)\.\s+(?P<title>\S.*)$")


class NumberedTitleRecognizer:
    """A numbered first line, "12. Memorandum of Conversation" → the document's number and head."""

    name = "title-numbered"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return state.part == LEAD and bool(TITLE_LINE.match(block.lines[0].text.strip()))

    def run(self, block: TextBlock, state: ParseState) -> None:
        match = TITLE_LINE.match(block.lines[0].text.strip())
        state.document.number = match.group("n") if match else ""
        take_title(block, state, self.name, f"title, number {state.document.number}",
                   "the first line of text, a number and a full stop before it")

# The words a title of a record of conversation or meeting starts with (the kinds of such records).
KIND_TITLE = lazy_pattern(
    r"^(?:(?:Draft|Verbatim|Summary|Informal|Brief|Revised)\s+)?(?:Memorandum|Memo|Memcon|Telcon|Minutes|Transcript|"
    r"Record|Summary|Notes?|Telephone|Conversation|Meeting|Discussion|Talking Points|Report|Telegram|Letter|"
    r"Despatch|Dispatch|Airgram|Cable|Message|Circular)\b", re.IGNORECASE)
# A title line names its writer and addressees with their offices in parentheses ("Memorandum From
# the Director (Able) Through … to …"): long, but one line without a full stop.
KIND_TITLE_MAX_WORDS = 60
# Lines are wrapped at 60 to 80 characters: a shorter title line is whole.
WRAPPED_LINE_MIN_LENGTH = 50
# What a whole title line ends with: a full stop, a colon, or its note number(s) ("…Council1",
# "…(Dorn)1 2").
TITLE_END = lazy_pattern(r"(?:[.:;!?]|(?:[^\W\d_]|[)\]’”])\d{1,3}(?:\s+\d{1,3})*)$")


def take_title(block: TextBlock, state: ParseState, rule: str, verdict: str, reason: str) -> None:
    """The block's first line, and the lines it is wrapped onto, become the head (after a number
    line, if one was read); its other lines are header lines."""
    lines = lines_of(block)
    size = title_size(lines, state)
    document = state.document
    head = [*state.parse_inline(lines[:1])]
    for number, text in lines[1:size]:
        head += [LineBreak(number), *state.parse_inline([(number, text)])]
    if document.head:  # "No. 675" before: one head, two lines
        document.head += [LineBreak(lines[0][0]), *head]
    else:
        document.head = head
        document.line = lines[0][0]
    state.reporter.decide(rule, excerpt(lines[0][1]), verdict, reason, lines[0][0])
    state.part = HEADER
    if len(lines) > size:
        read_front_block(lines[size:], state)


def title_size(lines: list[tuple[int, str]], state: ParseState) -> int:
    """How many of the block's lines the title takes: the first, and each line it goes on onto."""
    size = 1
    while size < len(lines) and title_goes_on(lines[size - 1][1], lines[size][1]):
        state.reporter.decide("title-wrapped", excerpt(lines[size][1]), "title, continued", "the line above "
                              "breaks off long, without the punctuation or note number that end a title",
                              lines[size][0])
        size += 1
    return size


def title_goes_on(line: str, following: str) -> bool:
    """Whether a title line is wrapped onto the line that follows it: it breaks off long (as lines
    wrap), without the full stop, colon or note number a title ends with, and the next line is
    neither a labelled field nor a date of its own (unless the title breaks off at a comma)."""
    line = line.rstrip()
    if len(line) < WRAPPED_LINE_MIN_LENGTH or TITLE_END.search(line) or FIELD_LINE.match(following):
        return False
    return line.endswith(",") or not match_date_line(following.strip())

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


# One party of a letter or telegram: an office or a titled name, capitalized words joined by small
# ones, the person's name in parentheses after an office ("the Ambassador in Ruritania (Able)").
PARTY = (r"(?:[Tt]he\s+)?[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|of|the|in|at|for|on|and|\(\s*[A-Z][^()]*?\s*\)))*")
# "The Secretary of State to the Embassy in Ruritania", "President Able to Prime Minister Baker1":
# the head of a letter, despatch or telegram names its sender and its recipient, not a kind of record.
CORRESPONDENTS_TITLE = lazy_pattern(rf"^{PARTY}\s+to\s+{PARTY}(?:\d{{1,3}}(?:\s+\d{{1,3}})*)?$")
CORRESPONDENTS_MAX_WORDS = 30


def _is_party(text: str) -> bool:
    first = text.split()[0]
    return first in ("The", "the") or first in TITLE_WORDS


class CorrespondentsTitleRecognizer:
    """An unnumbered first line naming a sender and a recipient ("The Secretary of State to the
    Ambassador in Ruritania (Able)", "President Able to Prime Minister Baker") → head."""

    name = "title-correspondents"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        text = block.lines[0].text.strip()
        if state.part != LEAD or len(text.split()) > CORRESPONDENTS_MAX_WORDS or not CORRESPONDENTS_TITLE.match(text):
            return False
        # Each party is an office ("the Embassy …") or a titled name ("President Able"): two bare
        # names ("Ann Able to Bo Baker") may be anything.
        return all(_is_party(party) for party in re.split(r"\s+to\s+", text, maxsplit=1))

    def run(self, block: TextBlock, state: ParseState) -> None:
        take_title(block, state, self.name, "title, no number",
                   "the first line of text names a sender and a recipient, as the head of a letter or "
                   "telegram does")


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
    recognizers.front.register(CorrespondentsTitleRecognizer(), "title-correspondents", 86)
    recognizers.front.register(FirstLineTitleRecognizer(), "title-first-line", 1)
