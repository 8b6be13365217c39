"""Letterheads: the printed name of the office a typescript was written on → :class:`~tei.model.Marking`.

Paper of a department, an embassy or the White House carries its name, often with its place,
above the title ("DEPARTMENT OF STATE", "THE WHITE HOUSE / WASHINGTON", "Embassy of the United
States of America / Paris"). It marks the paper, as a classification line does: it is kept as a
typed note before the head (``note type="letterhead"``), never taken for the title.

=======================  ==========  ======================================================
rule                     registry    input → model
=======================  ==========  ======================================================
``layout.letterhead``    layouts     a first block that goes on from the letterhead to the
                                     title → two blocks
``letterhead``           front       letterhead lines above the title → ``Document.markings``
=======================  ==========  ======================================================

    "DEPARTMENT OF STATE\\n   Memorandum of Conversation"  → Marking("letterhead", …), head
    "THE WHITE HOUSE\\nWASHINGTON" then "MEMORANDUM FOR THE PRESIDENT" → the same
    "THE WHITE HOUSE", "WASHINGTON", "SECRET", "MEMORANDUM …" (blocks)   → one letterhead, the marking

Only a block right above a title (a numbered line, "No. 12", or the name of a kind of record,
classification lines between them aside) is a letterhead: an office's name anywhere else is text.
"""

from __future__ import annotations

import functools

from tei.errors import Reporter
from tei.lexicon import lazy_pattern, words
from tei.model import LineBreak, Marking
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import LEAD, ParseState, Recognizers, excerpt, lines_of
from tei.recognize.classification import is_marking_line, marking_kind
from tei.recognize.front import NUMBER_LINE
from tei.recognize.title import KIND_TITLE, TITLE_LINE

# "Department of State", "Office of the Secretary of Defense", "Embassy of the United States",
# "U.S. Mission to the United Nations": an office's word, then "of", "for", "to" or "on" and its name.
OFFICE_OF = lazy_pattern(
    r"^(?:the )?(?:united states |u\. ?s\. |american )?(?:department|office|embassy|legation|consulate(?: general)?|"
    r"bureau|mission|delegation|ministry|secretariat|headquarters|(?:under |deputy |assistant )?secretary|director|"
    r"administrator|chairman|joint chiefs|committee|commission|council|board) (?:of|for|to|on) (?:the )?[a-z][a-z .,&'’-]*$")
# "CENTRAL INTELLIGENCE AGENCY", "The White House", "National Security Council": capitalized words
# ending in an institution's word.
NAMED_BODY = lazy_pattern(r"^(?:the )?(?:[a-z][a-z.'’-]* (?:of |for |and |on )?){1,6}(?P<last>[a-z]+)$")
# "WASHINGTON", "Washington, D.C.", "WASHINGTON 25, D. C.", "Paris": where the office is, under its name.
PLACE_LINE = lazy_pattern(r"^[A-Z][A-Za-z.’'-]+(?: [A-Z][A-Za-z.’'-]+){0,2}(?: \d{1,3})?(?:, ?D\. ?C\.)?$")
LETTERHEAD_MAX_LINES = 4


def is_office_line(text: str) -> bool:
    """ "DEPARTMENT OF STATE", "The White House", "CIA" → True; "Memorandum for the Record" → False."""
    text = " ".join(text.split()).rstrip(".")
    tokens = text.split()
    if not tokens or KIND_TITLE.match(text) or is_marking_line(text) or \
            any(token[0].islower() and token not in _JOINING_WORDS for token in tokens):
        return False  # an office's name is capitalized, or in capitals
    lowered = text.lower()
    if lowered.removeprefix("the ") in _lowered("agencies"):
        return True
    if OFFICE_OF.match(lowered):
        return True
    body = NAMED_BODY.match(lowered)
    return body is not None and body.group("last") in _lowered("office-words")


_JOINING_WORDS = frozenset(["of", "for", "and", "on", "the", "to"])


@functools.cache
def _lowered(list_name: str) -> frozenset[str]:
    return frozenset(entry.lower() for entry in words(list_name))


def letterhead_size(lines: list[str]) -> int:
    """How many of the lines open with a letterhead: an office's name, then its names or its place."""
    if not lines or not is_office_line(lines[0]):
        return 0
    size = 1
    while size < min(len(lines), LETTERHEAD_MAX_LINES) and \
            (is_office_line(lines[size]) or _is_place_line(lines[size])):
        size += 1
    return size


def _is_place_line(text: str) -> bool:
    return bool(PLACE_LINE.match(text.strip())) and not is_marking_line(text) and not is_title_line(text)


def is_title_line(text: str) -> bool:
    """A line a title recognizer takes for the title: numbered, "No. 12", or a kind of record."""
    text = text.strip()
    return bool(TITLE_LINE.match(text) or NUMBER_LINE.match(text) or KIND_TITLE.match(text))


def _title_follows(blocks: list[TextBlock], index: int) -> bool:
    """Whether the first block after ``index`` that is no classification line, nor the letterhead's
    place, opens with a title."""
    for block in blocks[index + 1:]:
        texts = [line.text for line in block.lines]
        if marking_kind(block) is None and not all(map(_is_place_line, texts)):
            return is_title_line(texts[0])
    return False


class LetterheadLayout:
    """A first block that goes on from the letterhead to the title → cut before the title."""

    name = "layout.letterhead"

    def split(self, blocks: list[TextBlock], reporter: Reporter) -> list[TextBlock]:
        first = next((index for index, block in enumerate(blocks) if marking_kind(block) is None), None)
        if first is None:
            return blocks
        block = blocks[first]
        texts = [line.text for line in block.lines]
        size = letterhead_size(texts)
        if not size or size == len(texts) or not is_title_line(texts[size]):
            return blocks
        title = block.lines[size]
        reporter.decide(self.name, excerpt(title.text.strip()), "the title starts here",
                        "the lines above it are a letterhead (an office's name, its place)", title.number)
        return [*blocks[:first], TextBlock(block.lines[:size], block.blank_before),
                TextBlock(block.lines[size:], 1), *blocks[first + 1:]]


class LetterheadRecognizer:
    """Letterhead lines above the title → ``Document.markings``, kind "letterhead"."""

    name = "letterhead"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        if state.part != LEAD or state.document.head:
            return False
        texts = [line.text for line in block.lines]
        whole = letterhead_size(texts) == len(texts) or \
            (self._continued(state) is not None and all(map(_is_place_line, texts)))
        return whole and _title_follows(state.body, state.index)

    def run(self, block: TextBlock, state: ParseState) -> None:
        lines = lines_of(block)
        state.reporter.decide(self.name, excerpt(" / ".join(text for _, text in lines)), "letterhead",
                              "an office's name (and its place) right above the title", block.line)
        content = state.parse_inline(lines)
        continued = self._continued(state)
        if continued is not None:  # "THE WHITE HOUSE", a blank line, "WASHINGTON": one letterhead
            continued.content += [LineBreak(block.line), *content]
        else:
            state.document.markings.append(Marking("letterhead", content, block.line))

    @staticmethod
    def _continued(state: ParseState) -> Marking | None:
        """The letterhead read from the block just before this one, if it was."""
        markings = state.document.markings
        before = state.neighbour(-1)
        if markings and markings[-1].kind == "letterhead" and before is not None and \
                markings[-1].line == before.line:
            return markings[-1]
        return None


def register(recognizers: Recognizers) -> None:
    recognizers.layouts.register(LetterheadLayout(), LetterheadLayout.name, 30)
    recognizers.front.register(LetterheadRecognizer(), LetterheadRecognizer.name, 94)
