"""What every resolve pass is: a function that rewrites the document in place and reports."""

from __future__ import annotations

from collections.abc import Callable

from tei.errors import Reporter
from tei.model import Document

Pass = Callable[[Document, Reporter], None]
