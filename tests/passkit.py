"""Run one resolve pass on a model and compare the dumps before and after (docutils' way).

    run = run_pass("footnotes", "12. Memorandum\\n\\nAble said so.1\\n\\n  1. A note.\\n")
    assert run.diff == '''...'''   # the lines of Document.dump() the pass removed (-) and added (+)

The text is recognized and resolved by every default pass that comes before the one
tested, so that the pass sees the model it sees in a conversion; nothing after it runs.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from tei.errors import Reporter
from tei.model import Document
from tei.read import read
from tei.recognize import recognize
from tei.resolve import default_passes


@dataclass
class PassRun:
    before: str
    after: str
    document: Document
    reporter: Reporter

    @property
    def diff(self) -> str:
        """The changed lines of the dump, each change's ``-`` lines (before) then ``+`` lines (after)."""
        lines = difflib.unified_diff(self.before.splitlines(), self.after.splitlines(), n=0, lineterm="")
        return "".join(f"{line[0]} {line[1:]}\n" for line in lines
                       if line[:1] in "-+" and line[:3] not in ("---", "+++"))

    @property
    def warnings(self) -> list[str]:
        return [f"{d.line}: {d.rule}: {d.message}" for d in self.reporter.diagnostics]

    @property
    def decisions(self) -> list[str]:
        return [f"{d.line}: {d.rule}: {d.subject}: {d.verdict}" for d in self.reporter.decisions]


def model(text: str, *, before: str | None = None, path: str = "m.txt") -> tuple[Document, Reporter]:
    """``text`` recognized, then resolved by the default passes that run before ``before``."""
    reporter = Reporter(path)
    document = recognize(read(text.encode("utf-8"), path, reporter), reporter)
    for name, run in default_passes().items():
        if name == before:
            break
        run(document, reporter)
    return document, reporter


def run_pass(name: str, text: str) -> PassRun:
    """Pass ``name`` of the default converter run alone on the model of ``text``."""
    document, _ = model(text, before=name)
    before = document.dump()
    reporter = Reporter("m.txt", explaining=True)
    default_passes()[name](document, reporter)
    return PassRun(before, document.dump(), document, reporter)
