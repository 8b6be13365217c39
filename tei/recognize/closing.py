"""Endings: what follows the last paragraph → :class:`~tei.model.Closing`.

    "JFA" / "Able" / "JOHN A. ABLE\\nColonel, USA"   → Closing("signed")       → closer/signed
    "A[nn] B. C[arr]" (letters supplied in brackets)   → Closing("signed")
    "Drafted by: EUR/NOR:JCarr:mb 3/4/75"              → Closing("drafting")     → note type="drafting"
    "EUR/NOR:JCarr:mb" (the drafting symbol alone)     → Closing("drafting")
    "Distribution:\\n  Mr. Able\\n  File"               → Closing("distribution") → note type="distribution"
    "Approved:\\nR. Carr"                               → Closing("signed")

A block is an ending only where the text ends: every block after it is an ending too (or a
classification line or page number), and it is not the first block of the body. A name
alone in the middle of a memorandum stays text; a signature is never a heading.
"""

from __future__ import annotations

import re

from tei.lexicon import lazy_pattern
from tei.model import BulletList, Closing, Paragraph
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import ParseState, Recognizers, excerpt, lines_of
from tei.recognize.classification import marking_kind
from tei.recognize.typescript_pages import DASHED, PAGE_OF

DRAFTING = lazy_pattern(r"^(?:Drafted|Prepared|Cleared|Clearances?|Concurrences?|Typed|Dictated)\b", re.IGNORECASE)
DISTRIBUTION = lazy_pattern(r"^(?:Distribution|Copies(?: to)?|Copy(?: to)?|cc|bcc|Addressees)\s*:", re.IGNORECASE)
# The drafting symbol typed at the foot of a memorandum: the drafting office, the drafter's name
# run into his initials, the typist's initials, perhaps the date ("S/S:JSmith:jd 3/5/65").
DRAFTING_SYMBOL = lazy_pattern(r"^[A-Z][A-Z0-9]*(?:[/-][A-Z0-9]+)*:[A-Z][A-Za-z'’.-]*[a-z][A-Za-z'’.-]*:"
                               r"[a-z]{1,4}(?:\s+[\d/.-]+)*$")
APPROVAL = lazy_pattern(r"^(?:Approved|Noted|Seen)\s*:?\s*$", re.IGNORECASE)
NAME_TOKEN = lazy_pattern(r"^(?:[A-Z][A-Za-z'’-]*\.?,?|[A-Z]\.(?:[A-Z]\.)*,?|[A-Z]{2,5}|Jr\.,?|USA|USN|USAF|USMC)$")
SUPPLIED = lazy_pattern(r"(?<=\w)\[(\w+)\]")
SIGNATURE_MAX_WORDS = 6
SIGNATURE_MAX_LINES = 4


def is_signature_line(text: str) -> bool:
    """A name, initials or a rank as typed under a text: "JFA2", "William P. Able", "Colonel, USA"."""
    text = text.strip().rstrip("0123456789")  # a footnote number glued to the signature
    # Most lines are a paragraph's: counted first, they are not searched for brackets.
    if not 0 < len(text.split()) <= SIGNATURE_MAX_WORDS:
        return False
    # Letters an editor supplied in brackets are part of the name: "F[ranklin] D. R[oosevelt]"
    # (taking the brackets out joins no words).
    if "[" in text:
        text = SUPPLIED.sub(r"\1", text)
    return all(NAME_TOKEN.match(word) for word in text.split()) and \
        not (text.endswith(".") and not re.search(r"\b(?:[A-Z]|Jr)\.$", text))


def closing_kind(block: TextBlock) -> str | None:
    """What kind of ending the block would be, judged by itself."""
    texts = [line.text.strip() for line in block.lines]
    if DRAFTING.match(texts[0]) or DRAFTING_SYMBOL.match(texts[0]):
        return "drafting"
    if DISTRIBUTION.match(texts[0]):
        return "distribution"
    if APPROVAL.match(texts[0]) and len(texts) > 1 and all(is_signature_line(text) for text in texts[1:]):
        return "signed"
    if len(texts) <= SIGNATURE_MAX_LINES and all(is_signature_line(text) for text in texts):
        return "signed"
    return None


def is_trailer(block: TextBlock) -> bool:
    """A block that may follow an ending: another ending, a classification line, a page number."""
    text = block.lines[0].text.strip()
    return closing_kind(block) is not None or marking_kind(block) is not None or \
        (len(block.lines) == 1 and bool(DASHED.match(text) or PAGE_OF.match(text)))


class ClosingBlockRecognizer:
    """A signature, initials, a drafting line or a distribution list where the text ends → Closing."""

    name = "closing"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        if state.index == 0 or closing_kind(block) is None:
            return False
        # An ending closes text: the division it goes into must already hold some (TEI has no
        # division of a closer alone).
        closes_text = any(isinstance(child, (Paragraph, BulletList, Closing)) for child in state.target) or \
            (state.section is None and bool(state.document.groups))
        return closes_text and all(is_trailer(later) for later in state.following())

    def run(self, block: TextBlock, state: ParseState) -> None:
        kind = closing_kind(block) or "signed"
        lines = lines_of(block)
        content = state.parse_inline(lines)
        state.target.append(Closing(kind, content, block.line))
        state.reporter.decide(self.name, excerpt(lines[0][1]), f"ending: {kind}",
                              "a name, initials, a drafting or distribution line, and only endings after it",
                              block.line)


def register(recognizers: Recognizers) -> None:
    recognizers.blocks.register(ClosingBlockRecognizer(), "closing", 115)
