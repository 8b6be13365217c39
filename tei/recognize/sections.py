"""Sections: a heading line, or two blank lines, open a new :class:`~tei.model.Section`.

    "Arms Control" (one short line, no closing punctuation)  heading        → Section(head=…)
    "2. Trade" (a numbered line)                             heading        → Section(head=…)
    "Issue 1: Arms Control" (an agenda item's number, colon) heading        → Section(head=…)
    "3. Budget" where "4. Travel." is of its list            not a heading: a numbered point
    "Able, Baker joined the group later"                     not a heading: a subject and its verb
    "MINUTES OF MEETING" under "Minutes of a Meeting"        not a heading: the record's own caption
    "Press Conference, May 2, 1967" above “Q. …”             not a heading: the source of a quotation
    a block after two blank lines, not a heading             section-break  → Section(head=None),
                                                                              then the block is read as usual

The ``heading`` rule comes first, so that a heading after two blank lines is one section
with its head, not an empty section followed by a heading. The ``section-break`` rule opens
the section and hands the block on; every recognizer of a block that may follow a section
break must therefore have a lower priority than ``section-break``.
"""

from __future__ import annotations

import re
from functools import cache

from tei.lexicon import alternation, lazy_pattern, stored, words
from tei.model import PageBreak, Section, plain_text
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import BULLET, ParseState, Recognizers, excerpt, lines_of
from tei.recognize.classification import marking_kind
from tei.recognize.name_lines import person_name_reason
from tei.recognize.page_breaks import PAGE_MARKER, SECTION_BREAK_BLANK_LINES
from tei.recognize.title import KIND_TITLE
from tei.recognize.transcript import is_turn
from tei.recognize.typescript_pages import DASHED, PAGE_OF

HEADING_END = lazy_pattern(r"[.,;:!?”\"’')\]]$")
NUMBERED_HEADING = lazy_pattern(r"^\d+[A-Za-z]?\.\s+\S")
# "Issue 1: Arms Control", "Item II: Trade": minutes title their agenda items with a word and a
# number before a colon; a label ("Subject:", "Mr. Able:") has no number.
ITEM_HEADING = lazy_pattern(r"^[A-Z][a-z]+\s+(?:\d+[A-Za-z]?|[IVX]+)\s?:\s+[A-Z0-9]")
# "… are there any other problems that we --": a sentence interrupted, as transcripts write it.
BROKEN_OFF = lazy_pattern(r"(?:--|[—–]|\s-)$")
HEADING_MAX_WORDS = 12
# "News Conference of March 9, 1967", "Detroit, August 19, 19683": a line ending with a full date
# (a note's number may be glued to the year).
ENDS_WITH_DATE = lazy_pattern(r"\b(?:January|February|March|April|May|June|July|August|September|October"
                              r"|November|December)\s+\d{1,2},\s+\d{4}\d{0,3}$")
OPENS_QUOTATION = lazy_pattern(r"^[“‘\"]")
# "SecDel MC/33", "US/MC/7": the file or series number a delegation gives its memoranda, a line alone
# under the title. Letters, a slash, a number: a reference, not a title of what follows.
DOCUMENT_CODE = lazy_pattern(r"^(?:[A-Za-z]+\s+){0,2}[A-Za-z]+(?:/[A-Za-z]+)*/\d+[A-Za-z]?$")


@cache
def subject_and_verb() -> re.Pattern[str]:
    """A capitalized word, then a verb of saying or acting in lower case: "Baker joined", "Able
    said". Such a line is a sentence whose full stop is missing (a stage direction of minutes)."""
    verbs = alternation(words("say-verbs") | words("action-verbs"))
    return stored.compile(r"\b[A-Z][\w’'-]*\s+" + verbs + r"(?![\w’'-])", 0)


def heading_verdict(text: str) -> tuple[bool, str]:
    """(whether one line of text is a heading, why)."""
    # Digits glued to the end are a footnote reference ("…Able.1"), not part of the shape.
    if PAGE_MARKER.search(text):
        return False, "it holds a page marker"
    # Patterns anchored at the end are searched from there (re would try every position).
    shape = text.rstrip("0123456789")
    if HEADING_END.search(shape, max(0, len(shape) - 2)):
        return False, "it ends with punctuation, like a sentence"
    if BROKEN_OFF.search(text, max(0, len(text) - 3)):
        return False, "it ends with a dash: speech broken off, not a title"
    if DOCUMENT_CODE.match(text):
        return False, "it is a document's reference code ('MC/33'), not a title"
    if not (text[0].isupper() or NUMBERED_HEADING.match(text)):
        return False, "it starts neither with a capital nor with a number"
    if len(text.split()) > HEADING_MAX_WORDS:
        return False, f"it has more than {HEADING_MAX_WORDS} words"
    if subject_and_verb().search(text):
        return False, "a subject and a verb of saying or acting: a sentence without its full stop"
    if NUMBERED_HEADING.match(text) or ITEM_HEADING.match(text):
        return True, "a numbered line alone, without closing punctuation"
    return True, f"a line alone, of at most {HEADING_MAX_WORDS} words, capitalized, without closing punctuation"


# "DATE AND TIME: …", "Dr. Able : …", "K: …": a label of at most four words, then a colon.
LABELLED = lazy_pattern(r"^[A-Za-z][\w'’.&/-]*(?:\s+[\w'’.&/-]+){0,3}\s?:\s+\S")


def _is_layout(block: TextBlock) -> bool:
    """A block that marks the page rather than the text: a page marker or number, a classification line."""
    text = block.lines[0].text.strip()
    return marking_kind(block) is not None or (len(block.lines) == 1 and bool(
        PAGE_MARKER.fullmatch(text) or DASHED.match(text) or PAGE_OF.match(text) or text.isdigit()))


def _looks_like_heading(block: TextBlock) -> bool:
    return len(block.lines) == 1 and heading_verdict(block.lines[0].text.strip())[0]


def _context_block(state: ParseState, step: int) -> TextBlock | None:
    """The nearest body block before (step -1) or after (+1) the current one that is text, not layout."""
    offset = step
    while (block := state.neighbour(offset)) is not None and _is_layout(block):
        offset += step
    return block


TITLE_NUMBER = lazy_pattern(r"^\s*\d+[A-Za-z]?\.\s*")


def _names_own_kind(text: str, state: ParseState) -> bool:
    """A line in capitals naming the kind of record the title names ("MINUTES OF MEETING" in
    "Minutes of a Council Meeting"): the caption of the record's first page, copied with it."""
    kind = KIND_TITLE.match(text) if text.isupper() else None
    if kind is None:
        return False
    own = KIND_TITLE.match(TITLE_NUMBER.sub("", plain_text(state.document.head)))
    return own is not None and own.group().casefold() == kind.group().casefold()


NUMBER = lazy_pattern(r"^(?P<n>\d+)\.\s")
POINTS = "numbered-points"


def numbered_points(state: ParseState) -> set[int]:
    """The lines of the text that are points of a numbered list, not headings (computed once).

    Notes of a meeting number their points, "1. On Travel", "2. Budget", "3. Talk to Able.":
    the short numbered lines that go on from one another (1, 2, 3, …; a list inside may start again
    at 1) form one list, and where one of its points closes with a full stop, they are all points."""
    lines: set[int] | None = state.memo.get(POINTS)
    if lines is not None:
        return lines
    runs: list[list[tuple[int, bool]]] = []  # each list's points: (line, closed by a full stop)
    ending: dict[int, list[list[tuple[int, bool]]]] = {}  # the lists whose last point has that number
    for block in state.body:
        text = block.lines[0].text.strip()
        number = NUMBER.match(text)
        if number is None or len(block.lines) != 1 or len(text.split()) > HEADING_MAX_WORDS:
            continue
        n = int(number.group("n"))
        before = ending.get(n - 1)
        run = before.pop() if before else None
        if run is None:
            run = []
            runs.append(run)
        run.append((block.line, text.rstrip("0123456789").endswith(".")))
        ending.setdefault(n, []).append(run)
    lines = {line for points in runs if len(points) > 1 and any(closed for _, closed in points)
             for line, _ in points}
    state.memo[POINTS] = lines
    return lines


def heading_context_verdict(block: TextBlock, state: ParseState) -> tuple[bool, str]:
    """A line shaped like a heading is one only in a heading's place: it heads text that follows
    and does not stand in a run of labelled or heading-shaped lines (a letterhead, a memorandum's
    header copied into the text). Numbered headings may follow each other (an outline)."""
    text = block.lines[0].text.strip()
    if LABELLED.match(text) and not ITEM_HEADING.match(text):
        return False, "it is a labelled line ('LABEL: …'), a header field or a speaker's turn"
    if _names_own_kind(text, state):
        return False, "it names the record's own kind, as the title does: its caption, not a section"
    name = person_name_reason(text, state)
    if name:
        return False, f"a person's name alone (a signature or initials), not a heading: {name}"
    numbered = bool(NUMBERED_HEADING.match(text) or ITEM_HEADING.match(text))
    if numbered and block.line in numbered_points(state):
        return False, "a point of a numbered list, one of whose points closes with a full stop"
    following = _context_block(state, +1)
    if following is None:
        return False, "nothing follows it: a heading heads text"
    if ENDS_WITH_DATE.search(text) and OPENS_QUOTATION.match(following.lines[0].text.strip()):
        return False, "a dated line above a quotation: the source of the words quoted, not a title"
    for neighbour, where in ((following, "the block after it"), (_context_block(state, -1), "the block before it")):
        if neighbour is None:
            continue
        other = neighbour.lines[0].text.strip()
        if LABELLED.match(other) and len(neighbour.lines) == 1 and len(other.split()) <= HEADING_MAX_WORDS \
                and not is_turn(other, state):
            return False, f"{where} is a labelled header line: this is header material, not a heading"
        if _looks_like_heading(neighbour) and not (numbered and (NUMBERED_HEADING.match(other)
                                                                  or ITEM_HEADING.match(other))):
            return False, f"{where} is heading-shaped too: a run of short lines (a letterhead, a signature)"
    return True, "shaped like a heading, and it heads a text"


class HeadingBlockRecognizer:
    """A short single line without closing punctuation, or a numbered one ("2. Trade") → a new Section."""

    name = "heading"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        if len(block.lines) != 1:
            return False  # a heading is one line: a longer block is never one
        text = block.lines[0].text.strip()
        if BULLET.match(text):
            return False
        heading, reason = heading_verdict(text)
        if heading:
            heading, reason = heading_context_verdict(block, state)
        if state.reporter.explaining and not PAGE_MARKER.fullmatch(text):
            state.reporter.decide(self.name, excerpt(text), "heading" if heading else "not a heading", reason,
                                  block.line)
        return heading

    def run(self, block: TextBlock, state: ParseState) -> None:
        head = state.parse_inline(lines_of(block))
        opened = state.section
        if opened is not None and opened.head is None and opened.blocks and all(
                isinstance(child, PageBreak) for child in opened.blocks):
            # "\n\n\n[Page 6]\n\nHeading": the section opened by the two blank lines is this heading's.
            opened.breaks_before_head = [child for child in opened.blocks if isinstance(child, PageBreak)]
            opened.head, opened.blocks = head, []
            return
        section = Section(head=head, blocks=[], line=block.line,
                          space_before=block.blank_before >= SECTION_BREAK_BLANK_LINES)
        state.document.body.append(section)
        state.section = section


class SectionBreakBlockRecognizer:
    """Two blank lines before a block that is not a heading → a new section without a head (never invented text)."""

    name = "section-break"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return block.blank_before >= SECTION_BREAK_BLANK_LINES

    def run(self, block: TextBlock, state: ParseState) -> bool:
        if state.reporter.explaining:
            state.reporter.decide(self.name, excerpt(block.lines[0].text), "section break, no heading",
                                  f"{block.blank_before} blank lines before it, and it is not a heading", block.line)
        section = Section(head=None, blocks=[], line=block.line, space_before=True)
        state.document.body.append(section)
        state.section = section
        return False  # the block itself is read by the recognizers below


def register(recognizers: Recognizers) -> None:
    recognizers.blocks.register(HeadingBlockRecognizer(), "heading", 100)
    recognizers.blocks.register(SectionBreakBlockRecognizer(), "section-break", 90)
