"""Reporting a batch: ``report.json``, the totals, and the progress shown while it runs.

    Outcome ─add()─▶ report entries (small dicts, in input order) ─close(Summary)─▶ report.json
    Outcome ─Progress()─▶ a progress bar on a terminal (click's), plain lines elsewhere

``report.json`` is written once, at the end of the run (an interrupted run included), with
``json.dump`` through a temporary file and a rename: it always parses, and a run killed
before its end leaves the previous report in place.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, TextIO, cast

import click

from tei import __version__
from tei.apps.batch.plan import BatchPlan
from tei.apps.batch.work import Outcome
from tei.apps.files import atomic_writer, printable

__all__ = ["Progress", "ReportWriter", "Summary"]


@dataclass
class Summary:
    """The totals of a run."""

    files: int = 0
    ok: int = 0
    failed: int = 0
    warnings: int = 0
    bytes_in: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    corpus: str | None = None
    corpus_persons: int = 0
    corpus_problems: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        """Files processed: fewer than ``files`` when the run was interrupted."""
        return self.ok + self.failed

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds > 0 else 0.0

    def count(self, outcome: Outcome) -> None:
        if outcome.ok:
            self.ok += 1
        else:
            self.failed += 1
        self.warnings += len(outcome.warnings)
        self.bytes_in += outcome.bytes_in


class ReportWriter:
    """``report.json``: the run's settings, each file's entry, the totals."""

    def __init__(self, path: Path, plan: BatchPlan, jobs: int) -> None:
        self.path = path
        self.head: dict[str, Any] = {
            "tool": f"tei {__version__}", "input": str(plan.input_dir), "output": str(plan.output_dir),
            "formats": list(plan.formats), "skipped_formats": plan.skipped, "jobs": jobs}
        self.files: list[dict[str, object]] = []

    def add(self, outcome: Outcome) -> None:
        self.files.append(outcome.report())

    def close(self, summary: Summary) -> None:
        totals: dict[str, object] = asdict(summary)
        totals.update(seconds=round(summary.seconds, 3), done=summary.done, complete=summary.done == summary.files,
                      documents_per_second=round(summary.rate, 1))
        with atomic_writer(self.path) as stream:
            json.dump({**self.head, "files": self.files, "summary": totals}, stream, ensure_ascii=False, indent=1)
            stream.write("\n")


def status_line(outcome: Outcome) -> str:
    """``in/a.txt: ok (2 warnings)`` or ``in/b.txt: failed: …``, control characters escaped."""
    if outcome.ok:
        count = len(outcome.warnings)
        warnings = f" ({count} warning{'s' if count != 1 else ''})" if count else ""
        return printable(f"{outcome.source}: ok{warnings}")
    return printable(f"{outcome.source}: failed: {outcome.first_error()}")


class Progress:
    """Shows a run's progress on ``stream``.

    On a terminal: click's progress bar (count, bar, percentage, ETA), with each failure
    printed above it. Elsewhere (a log, a pipe): one plain line per file. With ``quiet``,
    anywhere: one plain line per failure, nothing else.
    """

    def __init__(self, total: int, stream: IO[str] | None = None, *, quiet: bool = False) -> None:
        self.total, self.done = total, 0
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.digits = len(str(total))
        self.bar: Any = None
        if not quiet and self.stream.isatty() and total:
            self.bar = click.progressbar(length=total, file=cast(TextIO, self.stream), label="converting", show_pos=True, show_percent=True,
                                         show_eta=True, width=24)
            self.bar.render_progress()

    def __call__(self, outcome: Outcome) -> None:
        self.done += 1
        if self.bar is None:
            if not self.quiet or not outcome.ok:
                self.stream.write(f"[{self.done:>{self.digits}}/{self.total}] {status_line(outcome)}\n")
                self.stream.flush()
            return
        if not outcome.ok:
            # Over the bar's line, then the bar again below.
            width = max(self.bar.max_width or 0, 0)
            self.stream.write("\r" + " " * width + "\r" + status_line(outcome) + "\n")
        self.bar.update(1)

    def close(self) -> None:
        """End the progress bar's line."""
        if self.bar is not None:
            self.bar.render_finish()
            self.bar = None
