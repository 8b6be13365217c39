"""Names in a document's frame: the signature that ends it, the lines that address it.

=============================  ==============================================================
rule                           proposes
=============================  ==============================================================
persons.signer                 a signature line ("Ann Dorn", "McG. Dorn") at the end of a document
persons.addressed              the name ending an address line ("FROM: EUR - Ann Dorn")
=============================  ==============================================================
"""

from __future__ import annotations

from collections.abc import Iterator

from tei.lexicon import lazy_pattern
from tei.lexicon.names import INITIAL, NAME, is_name_word
from tei.model import Block, Closing, Document, Section, plain_text
from tei.resolve.persons.candidate import Candidate
from tei.resolve.persons.shapes import ABBREVIATED_GIVEN, SURNAME

ADDRESS_KINDS = frozenset(["from", "to", "info", "through"])
OFFICE_DASH = lazy_pattern(r"\s+[-–—]\s+|\s*—\s*")  # "EUR - Ann Dorn": the office, then the name
ADDRESSED = lazy_pattern(rf"(?P<given>(?:(?:{NAME}|{INITIAL})\s+){{1,3}})(?P<surname>{SURNAME})")
SIGNATURE = lazy_pattern(rf"(?P<given>(?:(?:{NAME}|{INITIAL}|{ABBREVIATED_GIVEN})\s+){{0,3}})(?P<surname>{SURNAME})")


def addressed(document: Document) -> Iterator[tuple[Candidate, str]]:
    """persons.addressed: the name that ends an address line, after the office it stands for
    ("FROM: EUR - Ann Dorn", "TO: Ann B. Dorn"): a given name or initials and a surname."""
    for header_field in document.fields:
        if header_field.kind not in ADDRESS_KINDS:
            continue
        value = plain_text(header_field.content).split(":", 1)[-1]
        match = ADDRESSED.fullmatch(OFFICE_DASH.split(value)[-1].strip())
        if match and all(is_name_word(word) for word in match.group("given").split()):
            yield Candidate(match.group("surname"), "", match.group("given").strip(), "persons.addressed",
                            "the name of an address line", header_field.line, strong=True), value


def signatures(document: Document) -> Iterator[tuple[Candidate, str]]:
    """persons.signer: a signature that is a name and nothing else ("Ann Dorn", "A. B. Dorn")."""
    for block in closings(document.body):
        if block.kind != "signed":
            continue
        text = "".join(item for item in block.content if isinstance(item, str)).strip()
        match = SIGNATURE.fullmatch(text)
        if match and all(is_name_word(word) for word in match.group("given").split()):
            yield Candidate(match.group("surname"), "", match.group("given").strip(), "persons.signer",
                            "the signature at the end of the document", block.line, strong=True), text


def closings(blocks: list[Block]) -> Iterator[Closing]:
    """The closings of the body, in its sections too (a signature ends the last section)."""
    for block in blocks:
        if isinstance(block, Closing):
            yield block
        elif isinstance(block, Section):
            yield from closings(block.blocks)
