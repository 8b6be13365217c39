"""Front matter: the title line, the subject and date lines under it.

    "256. Memorandum of Conversation1"   → Document(number="256", head=[…])
    "Visit of Deputy Foreign Minister X" → Document.argument
    "SUBJECT: Discussion of …"           → Document.argument (label kept)
    "July 26, 1986"                      → Dateline(when="1986-07-26")
"""

from __future__ import annotations

import re

from tei.errors import ConversionError
from tei.model import Dateline, Document
from tei.read.blocks import Block as TextBlock
from tei.recognize.inline import PAGE_MARKER, parse_inline

TITLE_LINE = re.compile(r"^(?P<n>\d+[A-Za-z]?)\.\s+(?P<title>\S.*)$")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
DATE_LINE = re.compile(
    r"^(?:(?P<place>[A-Z][\w .’'-]*?),\s+)?(?P<month>" + "|".join(MONTHS) + r")\s+(?:(?P<day>\d{1,2}),\s+)?(?P<year>\d{4})"
    r"(?:,\s+(?P<time>\d{1,2}(?::\d{2})?\s*[ap]\.\s*m\.))?\s*\.?$")
LABELLED_LINE = re.compile(r"^[A-Z][A-Z ]+:\s")


def read_title(block: TextBlock, path: str) -> Document:
    line = block.lines[0]
    match = TITLE_LINE.match(line.text.strip())
    if not match:
        raise ConversionError(
            f"no title line: expected the document's numbered title first (like '12. Memorandum of "
            f"Conversation'), found {line.text.strip()[:60]!r}", path, line.number)
    return Document(path=path, number=match.group("n"), head=parse_inline([(line.number, line.text.strip())]),
                    line=line.number)


def parse_date(text: str) -> str | None:
    """ "July 26, 1986" → "1986-07-26"; "June 1985" → "1985-06";
    "June 15, 1965, 5:30 p.m." → "1965-06-15T17:30:00"; anything else → None."""
    match = DATE_LINE.match(text.strip())
    if not match:
        return None
    month = MONTHS.index(match.group("month")) + 1
    if match.group("day") is None:
        return f"{match.group('year')}-{month:02d}"
    day = int(match.group("day"))
    if not 1 <= day <= 31:
        return None
    date = f"{match.group('year')}-{month:02d}-{day:02d}"
    time = re.match(r"(\d{1,2})(?::(\d{2}))?\s*([ap])", match.group("time") or "")
    if time:
        hour, minute = int(time.group(1)) % 12 + (12 if time.group(3) == "p" else 0), int(time.group(2) or 0)
        if hour < 24 and minute < 60:
            return f"{date}T{hour:02d}:{minute:02d}:00"
    return date


FRONT_LINE_MAX = 100


def is_front_line(text: str) -> bool:
    """A line that can stand between the title and the participants: a date, a ``LABEL:`` line,
    or a short line that is not a sentence (a subject such as "Visit of the Minister")."""
    text = text.strip()
    if parse_date(text) or LABELLED_LINE.match(text):
        return True
    # Digits glued to the end are a footnote reference, and page markers are not text: neither
    # is part of the line's shape. A sentence inside the line makes it a paragraph.
    shape = PAGE_MARKER.sub("", text).strip().rstrip("0123456789")
    return len(text) <= FRONT_LINE_MAX and not shape.endswith((".", "?", "!", "”", ":", ";")) and not re.search(
        r"[.?!]\s", shape)


def read_front_block(block: TextBlock, document: Document) -> None:
    for line in block.lines:
        text = line.text.strip()
        match = DATE_LINE.match(text)
        when = parse_date(text)
        if match and when and document.dateline is None:
            place = match.group("place")
            document.dateline = Dateline(text[match.end("place") + 1:].lstrip() if place else text, when,
                                         line.number, place or None)
        else:
            if not document.argument:
                document.argument_line = line.number
            document.argument.append(parse_inline([(line.number, text)]))
