"""Typescript page numbers: a page number standing alone between blocks → :class:`~tei.model.PageBreak`.

A typescript numbers its pages from the second on, centred at the top: "- 2 -", "-2-",
"Page 2 of 5", or a bare "2". The number is the break's ``n``; the classification lines
that stand with it in the same block are kept as markings, in their order.

    "- 2 -"                  → PageBreak("2")
    "Page 3 of 5"            → PageBreak("3")
    "SECRET\\n-4-"           → Marking("classification", ["SECRET"]), PageBreak("4")
    "5"                      → PageBreak("5") only if page 4 was the last page seen (or it is page 2):
                               a bare number is a page number only where one is expected
"""

from __future__ import annotations

from tei.lexicon import lazy_pattern
from tei.model import Block, Marking, PageBreak
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import ParseState, Recognizers, excerpt
from tei.recognize.classification import is_marking_line

DASHED = lazy_pattern(r"^[-–—]\s*(?P<n>\d{1,3})\s*[-–—]$")
PAGE_OF = lazy_pattern(r"^[Pp](?:age|AGE)\s+(?P<n>\d{1,3})(?:\s+of\s+\d{1,3})?\.?$")
BARE = lazy_pattern(r"^(?P<n>\d{1,3})$")
LAST_PAGE = "typescript-page"


def page_number(text: str, state: ParseState) -> tuple[str, str] | None:
    """(the page number, why) for a page-number line, else None."""
    text = text.strip()
    for pattern, why in ((DASHED, "a number between dashes"), (PAGE_OF, "'Page N' or 'Page N of M'")):
        match = pattern.match(text)
        if match:
            return match.group("n"), why
    match = BARE.match(text)
    if match:
        last = state.memo.get(LAST_PAGE)
        expected = last + 1 if isinstance(last, int) else 2
        if int(match.group("n")) == expected:
            return match.group("n"), f"a bare number, the page expected after page {expected - 1}"
    return None


class TypescriptPageRecognizer:
    """A block of page-number lines (with classification lines) → PageBreak(s) and Marking(s)."""

    name = "typescript-page"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        numbers = [page_number(line.text, state) for line in block.lines]
        return any(numbers) and all(number is not None or is_marking_line(line.text)
                                    for number, line in zip(numbers, block.lines))

    def run(self, block: TextBlock, state: ParseState) -> None:
        nodes: list[Block] = []
        for line in block.lines:
            found = page_number(line.text, state)
            if found is None:
                nodes.append(Marking("classification", state.parse_inline([(line.number, line.text.strip())]),
                                     line.number))
                continue
            n, why = found
            state.memo[LAST_PAGE] = int(n)
            nodes.append(PageBreak(n, line.number))
            state.reporter.decide(self.name, excerpt(line.text), f"page break {n}", why, line.number)
        state.target.extend(nodes)


def register(recognizers: Recognizers) -> None:
    recognizers.blocks.register(TypescriptPageRecognizer(), "typescript-page", 125)
