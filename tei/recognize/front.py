"""Header lines: the subject and date lines between the title and the participants.

    "Visit of Deputy Foreign Minister X" → Document.argument
    "SUBJECT: Discussion of …"           → Document.argument (label kept)
    "July 26, 1986"                      → Dateline(when="1986-07-26")
    "No. 442"                            → HeaderField("number"): the number a despatch bears

The header is what follows the title closely: a block after two blank lines, a bullet
block or a block holding a sentence ends it.
"""

from __future__ import annotations

import re
from functools import cache

from tei.lexicon import lazy_pattern, words
from tei.model import Dateline, HeaderField, PageBreak
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import HEADER, ParseState, Recognizers, excerpt, is_bullet_block, lines_of
from tei.recognize.page_breaks import PAGE_MARKER, SECTION_BREAK_BLANK_LINES

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
DATE_LINE = lazy_pattern(
    r"^(?:(?P<place>[A-Z][\w .’'-]*?),\s+)?(?P<month>" + "|".join(MONTHS) + r")\s+(?:(?P<day>\d{1,2}),\s+)?(?P<year>\d{4})"
    r"(?:,\s+(?P<time>\d{1,2}(?::\d{2})?\s*[ap]\.\s*m\.))?\s*\.?$")
LABELLED_LINE = lazy_pattern(r"^[A-Z][A-Z ]+:\s")
# "No. 675": a line that is only a number. Above the title it is the document's number; under it,
# the number the despatch or note itself bears ("No. 442" under "The Ambassador … to the Secretary").
NUMBER_LINE = lazy_pattern(r"^No\.\s*(?P<n>\d+[A-Za-z]?)\.?$")
# The day first, as British and military typescripts write it: "15 May 1961", "Washington, 15 May, 1961".
DAY_FIRST_LINE = lazy_pattern(
    r"^(?:(?P<place>[A-Z][\w .’'-]*?),\s+)?(?P<day>\d{1,2})\s+(?P<month>" + "|".join(MONTHS) + r"),?\s+(?P<year>\d{4})"
    r"\s*\.?$")


def match_date_line(text: str) -> re.Match[str] | None:
    """A line that is a date, month or day first, with an optional place before it: its match
    (groups ``place``, ``month``, ``day``, ``year``, and ``time`` where the month comes first)."""
    return DATE_LINE.match(text.strip()) or DAY_FIRST_LINE.match(text.strip())


def parse_date(text: str) -> str | None:
    """ "July 26, 1986" → "1986-07-26"; "June 1985" → "1985-06"; "15 May 1961" → "1961-05-15";
    "June 15, 1965, 5:30 p.m." → "1965-06-15T17:30:00"; anything else → None."""
    match = match_date_line(text)
    if not match:
        return None
    month = MONTHS.index(match.group("month")) + 1
    if match.group("day") is None:
        return f"{match.group('year')}-{month:02d}"
    day = int(match.group("day"))
    if not 1 <= day <= 31:
        return None
    date = f"{match.group('year')}-{month:02d}-{day:02d}"
    time = re.match(r"(\d{1,2})(?::(\d{2}))?\s*([ap])", match.groupdict().get("time") or "")
    if time:
        hour, minute = int(time.group(1)) % 12 + (12 if time.group(3) == "p" else 0), int(time.group(2) or 0)
        if hour < 24 and minute < 60:
            return f"{date}T{hour:02d}:{minute:02d}:00"
    return date


FRONT_LINE_MAX = 100
# A line wholly in square brackets: "[Here follows discussion of other subjects.]".
BRACKETED_LINE = lazy_pattern(r"\[[^\[\]]+\][0-9]*")
# A full stop, question or exclamation mark inside a line, and the word it closes.
INNER_STOP = lazy_pattern(r"(?P<word>\S*)[.?!]\s")


def holds_sentence_end(shape: str) -> bool:
    """Whether a stop inside the line ends a sentence: none after an abbreviation does, in
    capitals too ("TELEPHONE CALL TO AMB. DORN", "Visit of Mr. Able")."""
    return any(f"{match.group('word')}.".casefold() not in _abbreviations() for match in INNER_STOP.finditer(shape))


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(word.casefold() for word in words("abbreviations"))


def is_front_line(text: str) -> bool:
    """A line that can stand between the title and the participants: a date, a ``LABEL:`` line,
    or a short line that is not a sentence (a subject such as "Visit of the Minister")."""
    text = text.strip()
    if BRACKETED_LINE.fullmatch(text):
        return False  # the editors' words in the text ("[Here follows …]"), not a subject line
    if parse_date(text) or LABELLED_LINE.match(text) or NUMBER_LINE.match(text):
        return True
    # Digits glued to the end are a footnote reference, and page markers are not text: neither
    # is part of the line's shape. A sentence inside the line makes it a paragraph.
    shape = PAGE_MARKER.sub("", text).strip().rstrip("0123456789")
    return len(text) <= FRONT_LINE_MAX and not shape.endswith((".", "?", "!", "”", ":", ";")) \
        and not holds_sentence_end(shape)


def read_front_block(lines: list[tuple[int, str]], state: ParseState) -> None:
    """The first date line is the dateline; every other line is part of the subject."""
    document = state.document
    for number, text in lines:
        page = PAGE_MARKER.fullmatch(text)
        if page:  # a page turning among the header lines
            document.front_breaks.append(PageBreak(page.group("n"), number))
            continue
        if NUMBER_LINE.match(text.strip()):
            document.fields.append(HeaderField("number", "No.", state.parse_inline([(number, text)]), number))
            state.reporter.decide("header-lines", excerpt(text), "number", "'No.' and a number alone under the "
                                  "title: the number the despatch bears", number)
            continue
        match = match_date_line(text)
        when = parse_date(text)
        if match and when and document.dateline is None:
            place = match.group("place")
            document.dateline = Dateline(text[match.end("place") + 1:].lstrip() if place else text, when,
                                         number, place or None)
            state.reporter.decide("header-lines", excerpt(text), f"dateline, when={when}",
                                  "the first line under the title that is a date", number)
        else:
            if not document.argument:
                document.argument_line = number
            document.argument.append(state.parse_inline([(number, text)]))
            document.argument_lines.append(number)
            state.reporter.decide("header-lines", excerpt(text), "subject", "a header line that is not the date",
                                  number)


class HeaderLinesRecognizer:
    """Dates, ``LABEL:`` lines and short lines that are not sentences, under the title → subject and dateline."""

    name = "header-lines"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        # Under labelled fields ("SUBJECT: …"), an unlabelled line is no longer a header line,
        # except the memorandum's date standing alone.
        if state.part != HEADER or block.blank_before >= SECTION_BREAK_BLANK_LINES or is_bullet_block(block):
            return False
        if state.memo.get("header-fields"):
            return state.document.dateline is None and all(parse_date(text) for text in block.texts)
        return all(is_front_line(text) for text in block.texts) and not _opens_turn(block, state)

    def run(self, block: TextBlock, state: ParseState) -> None:
        read_front_block(lines_of(block), state)


def _opens_turn(block: TextBlock, state: ParseState) -> bool:
    # Imported here: transcript reads header_fields, which reads this module.
    from tei.recognize.transcript import opens_repeated_turn

    return opens_repeated_turn(block, state)


def register(recognizers: Recognizers) -> None:
    recognizers.front.register(HeaderLinesRecognizer(), "header-lines", 70)
