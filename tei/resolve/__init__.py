"""resolve: passes over the whole :class:`~tei.model.Document`, run in order.

Each pass needs more than one block to decide: where the footnotes are referenced,
which words are persons, whether the page numbers make sense. They rewrite the model
in place and report problems; none of them drops text.
"""

from __future__ import annotations

from collections.abc import Callable

from tei.errors import Reporter
from tei.model import Document
from tei.resolve.footnotes import attach_footnotes
from tei.resolve.pages import check_page_sequence
from tei.resolve.persons import link_persons
from tei.resolve.speakers import attribute_speakers

Pass = Callable[[Document, Reporter], None]
PASSES: tuple[tuple[str, Pass], ...] = (
    ("footnotes", attach_footnotes),
    ("persons", link_persons),
    ("speakers", attribute_speakers),
    ("page-sequence", check_page_sequence),
)


def resolve(document: Document, reporter: Reporter) -> Document:
    for _name, run in PASSES:
        run(document, reporter)
    return document


__all__ = ["PASSES", "resolve"]
