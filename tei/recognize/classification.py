"""Markings of the page: classification and handling lines, declassification stamps → :class:`~tei.model.Marking`.

A typescript repeats its classification at the top and bottom of every page ("SECRET",
"LIMITED OFFICIAL USE", "TOP SECRET/NODIS"); a released copy carries a declassification
stamp. They mark the paper, not the conversation: they are kept, as typed notes, and are
never read as headings, header lines or paragraphs.

=========================  ==========  =====================================================
recognizer                 registry    input → model
=========================  ==========  =====================================================
``marking-front``          front       "SECRET" above or under the title → ``Document.markings``
``marking``                blocks      "CONFIDENTIAL" between paragraphs → Marking in the body
=========================  ==========  =====================================================

    "SECRET"                                 → Marking("classification", ["SECRET"])
    "TOP SECRET/SENSITIVE\\nEYES ONLY"        → one Marking, the lines joined by a line break
    "DECLASSIFIED\\nAuthority NND 123\\nBy …"  → Marking("declassification", …)
"""

from __future__ import annotations

from tei.lexicon import lazy_pattern
from tei.model import Marking
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import HEADER, LEAD, ParseState, Recognizers, excerpt, lines_of
from tei.recognize.front import read_front_block

# The words of US classification and handling markings (Executive Orders 10501 to 12356 and the
# Department of State's caveats); a marking line holds nothing else.
MARKING_WORDS = frozenset(["TOP", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "RESTRICTED", "LIMITED", "OFFICIAL", "USE", "ONLY", "EYES", "NODIS", "EXDIS", "LIMDIS", "NOFORN", "NOCONTRACT", "ORCON", "SENSITIVE", "PERSONAL", "AND", "PRIVATE", "FOR", "ADMINISTRATIVELY", "CODEWORD", "SECURITY", "INFORMATION", "XGDS", "GDS", "CLASSIFIED", "PRIORITY", "IMMEDIATE", "NIACT", "FLASH", "ROUTINE", "CONTAINS"])
# A line is a marking only if it holds one of these: "PRIORITY" or "PERSONAL" alone is not one.
CORE_WORDS = frozenset(["SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "RESTRICTED", "NODIS", "EXDIS", "LIMDIS", "NOFORN", "SENSITIVE", "EYES", "LIMITED", "CODEWORD"])
MARKING_SEPARATORS = lazy_pattern(r"[\s/–—\-,;:()]+")
MARKING_MAX_WORDS = 8
DECLASSIFICATION = lazy_pattern(r"^(?:DECLASSIFIED|Declassified|SANITIZED|Sanitized|Approved [Ff]or Release)\b")


def is_marking_line(text: str) -> bool:
    """ "SECRET", "Top Secret—Eyes Only", "LIMITED OFFICIAL USE" → True; "Secret talks began." → False."""
    # At most MARKING_MAX_WORDS + 1 splits: a longer line (a paragraph) keeps its rest in the
    # last piece, which holds a separator and so is no marking word; the verdict is the same.
    words = []
    for piece in MARKING_SEPARATORS.split(text.strip(), MARKING_MAX_WORDS + 1):
        if piece:
            word = piece.upper()
            if word not in MARKING_WORDS:
                return False  # most lines: their first word is no marking word
            words.append(word)
    return 0 < len(words) <= MARKING_MAX_WORDS and any(word in CORE_WORDS for word in words)


def marking_kind(block: TextBlock) -> str | None:
    """ "classification" if every line is a marking line, "declassification" if the block opens
    with a declassification stamp (its other lines are the stamp's), else None."""
    if DECLASSIFICATION.match(block.lines[0].text.strip()):
        return "declassification"
    if all(is_marking_line(line.text) for line in block.lines):
        return "classification"
    return None


def read_marking(block: TextBlock, kind: str, state: ParseState, rule: str) -> Marking:
    if state.reporter.explaining:
        state.reporter.decide(rule, excerpt(" / ".join(block.texts)), f"{kind} marking",
                              "a line of classification or handling words only" if kind == "classification"
                              else "a block that opens with a declassification stamp", block.line)
    return Marking(kind, state.parse_inline(lines_of(block)), block.line)


class FrontMarkingRecognizer:
    """A classification line or stamp above the title or among the header lines → ``Document.markings``;
    under the title, header lines may follow the classification in the same block ("secret" above
    the dateline)."""

    name = "marking-front"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        if state.part == LEAD:
            return marking_kind(block) is not None
        return state.part == HEADER and (marking_kind(block) is not None or is_marking_line(block.lines[0].text))

    def run(self, block: TextBlock, state: ParseState) -> None:
        kind = marking_kind(block)
        if kind is not None:
            state.document.markings.append(read_marking(block, kind, state, self.name))
            return
        count = next(index for index, line in enumerate(block.lines) if not is_marking_line(line.text))
        marks = TextBlock(block.lines[:count], block.blank_before)
        state.document.markings.append(read_marking(marks, "classification", state, self.name))
        read_front_block(lines_of(TextBlock(block.lines[count:], 0)), state)


class MarkingBlockRecognizer:
    """A classification line or stamp in the body (the top or bottom of a page) → Marking, where it stands."""

    name = "marking"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return marking_kind(block) is not None

    def run(self, block: TextBlock, state: ParseState) -> None:
        state.target.append(read_marking(block, marking_kind(block) or "classification", state, self.name))


def register(recognizers: Recognizers) -> None:
    recognizers.front.register(FrontMarkingRecognizer(), "marking-front", 95)
    recognizers.blocks.register(MarkingBlockRecognizer(), "marking", 120)
