"""page-sequence pass: page numbers that skip or go back are reported (the TEI keeps them as they stand)."""

from __future__ import annotations

from tei.errors import Reporter
from tei.model import Document, PageBreak
from tei.resolve.base import Pass
from tei.rules import Registry

RULE = "page-sequence"


def check_page_sequence(document: Document, reporter: Reporter) -> None:
    """Page numbers must increase by one; a skip or a step back is reported."""
    previous: PageBreak | None = None
    for page in document.page_breaks():
        if reporter.explaining:
            _explain(reporter, previous, page)
        if previous is not None and previous.n.isdigit() and page.n.isdigit():
            if int(page.n) <= int(previous.n):
                reporter.warning(f"page {page.n} follows page {previous.n}: page numbers must increase",
                                 page.line, RULE)
            elif int(page.n) > int(previous.n) + 1:
                first, last = int(previous.n) + 1, int(page.n) - 1
                missing = f"page {first} is" if first == last else f"pages {first}–{last} are"
                reporter.warning(f"page {page.n} follows page {previous.n}: {missing} missing", page.line, RULE)
        previous = page


def _explain(reporter: Reporter, previous: PageBreak | None, page: PageBreak) -> None:
    if previous is None:
        verdict, reason = "the first page", "no page break before it"
    elif not (previous.n.isdigit() and page.n.isdigit()):
        verdict, reason = f"after page {previous.n}, not checked", "only page numbers in digits are compared"
    elif int(page.n) == int(previous.n) + 1:
        verdict, reason = f"follows page {previous.n}", "the next number"
    else:
        verdict, reason = f"follows page {previous.n}, out of sequence", "reported as a warning; kept as it stands"
    reporter.decide(RULE, f"page {page.n}", verdict, reason, page.line)


def register(passes: Registry[Pass]) -> None:
    passes.register(check_page_sequence, "page-sequence", 20)
