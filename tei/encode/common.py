"""Helpers shared by the header and body encoders: element building, ids, dates."""

from __future__ import annotations

import datetime
import os

from lxml import etree

from tei.model import Dateline, Document, HeaderField, plain_text
from tei.namespaces import tei


def sub(parent: etree._Element, name: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, tei(name), attributes)
    if text is not None:
        element.text = text
    return element


def append_text(parent: etree._Element, text: str) -> None:
    """Add text after the last child of ``parent`` (or as its text when it has none)."""
    if not text:
        return
    # len(parent) walks every child: on a long paragraph, asking it for each string was quadratic.
    last = next(parent.iterchildren(reversed=True), None)
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def line_break(parent: etree._Element, in_word: bool = False) -> None:
    """End a line of the source inside ``parent``: a newline, then ``lb``.

    The newline keeps the words on either side apart for every reader of the text content
    (a search index, a word count), not only for those that know ``lb`` ends a word; and it
    puts each ``lb`` at the start of the line it opens, as the source has it. A line that
    breaks inside a word gets ``lb break="no"`` and no newline: the word reads as one.
    """
    if in_word:
        sub(parent, "lb").set("break", "no")
        return
    append_text(parent, "\n")
    sub(parent, "lb")


def conversion_date() -> datetime.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.date.today()


# Header fields of the address, and the TEI correspondence action each stands for.
CORRESP_ACTIONS = {"from": "sent", "to": "received", "info": "received", "through": "transmitted"}
ADDRESS_KINDS = frozenset(CORRESP_ACTIONS)


def field_value(header_field: HeaderField) -> str:
    """The text of a header field after its label, on one line."""
    return " ".join(plain_text(header_field.content)[len(header_field.label):].split())


def field_dateline(document: Document) -> Dateline | None:
    """The date and place of a typescript's header fields, as the dateline of the TEI header."""
    dates = [f for f in document.fields if f.kind == "date" and f.when]
    if not dates:
        return None
    places = [f for f in document.fields if f.kind == "place"]

    def value(header_field: HeaderField) -> str:
        return plain_text(header_field.content)[len(header_field.label):].strip()

    return Dateline(value(dates[0]), dates[0].when, dates[0].line, value(places[0]) if places else None)


SYMBOL_NAMES = {"*": "star", "†": "dagger", "‡": "ddagger", "§": "section", "¶": "pilcrow"}


def id_part(key: str) -> str:
    """A note key or page number as part of an xml:id: "*" → "star", "12a" → "12a"."""
    if key.isalnum() and key.isascii():
        return key
    return "-".join(SYMBOL_NAMES.get(char, f"u{ord(char):x}") if not (char.isascii() and char.isalnum()) else char
                    for char in key)


def side(document: Document, number: int) -> str:
    """The name the text gives group ``number`` ("U.S. Side"), or ""."""
    return document.sides[number - 1] if number <= len(document.sides) else ""


def header_side(document: Document, number: int) -> str:
    """The name of group ``number`` for the header: the text's, else the one its members'
    affiliations give (the text's own list shows only what the text says), or ""."""
    affiliated = document.affiliated_sides[number - 1] if number <= len(document.affiliated_sides) else ""
    return side(document, number) or affiliated


def page_range(pages: list[str]) -> tuple[str, str] | None:
    """The printed pages a document covers: it starts on the page before its first marker."""
    numbers = [page for page in pages if page.isdigit()]
    if not numbers:
        return None
    first = str(int(numbers[0]) - 1) if int(numbers[0]) > 1 else numbers[0]
    return first, numbers[-1]
