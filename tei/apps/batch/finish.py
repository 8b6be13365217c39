"""The end of a batch: the outcomes, as they arrive → report entries, the site's records, the
corpus's members; at the end (or on an interruption) → ``report.json``, the site's pages, the corpus.

A document page links to its neighbours in input order, decided before the run; when a
neighbour failed, the link is moved to the next document that did not (:meth:`Finisher._relink`).
"""

from __future__ import annotations

import os
import re
from concurrent.futures import Executor
from pathlib import Path

from tei.apps.batch.plan import BatchError, BatchPlan, output_path
from tei.apps.batch.report import ReportWriter, Summary
from tei.apps.batch.work import Outcome, Settings
from tei.apps.files import atomic_write
from tei.apps.site import href

__all__ = ["Finisher"]


class Finisher:
    """What the main process does with each outcome, and once the outcomes end."""

    def __init__(self, plan: BatchPlan, settings: Settings, summary: Summary, report: ReportWriter,
                 corpus: str | Path | None) -> None:
        from tei.apps.site.write import SiteWriter

        self.plan, self.settings, self.summary, self.report, self.corpus = plan, settings, summary, report, corpus
        self.members: list[Outcome] = []
        self.status: list[bool] = []  # ok or not, by task index, for the neighbours' links
        self.site = SiteWriter(plan.output_dir, "Memoranda of conversation", plan.input_dir.resolve().name
                               ) if settings.site else None

    def add(self, outcome: Outcome) -> None:
        """Record one outcome (once: one given again after an interruption is ignored)."""
        if outcome.index < len(self.status):
            return
        self.summary.count(outcome)
        self.report.add(outcome)
        self.status.append(outcome.ok)
        if self.site is not None:
            if outcome.record is not None:
                self.site.add(outcome.record, outcome.outputs)
            else:
                self.site.add_failure(outcome.name, outcome.first_error())
        if self.corpus is not None and outcome.ok:
            # Only what the corpus needs: the path of the TEI and the persons.
            self.members.append(Outcome(outcome.index, outcome.source, outcome.name, tei_path=outcome.tei_path,
                                        persons=outcome.persons))

    def close(self, complete: bool, pool: Executor | None = None) -> None:
        """Write the corpus (a complete run only), the site and the report, in that order: the
        report says what the others made. ``pool``: worker processes the site may use."""
        try:
            if self.corpus is not None and complete:
                self._write_corpus(Path(self.corpus))
            if self.site is not None:
                self._relink()
                self.site.close(complete, pool)
        finally:
            self.report.close(self.summary)

    def _write_corpus(self, path: Path) -> None:
        from tei.apps.corpus import write_corpus

        try:
            result = write_corpus(path, self.members, title=f"Memoranda of conversation from the folder "
                                  f"{self.plan.input_dir.resolve().name}")
        except OSError as error:
            raise BatchError(f"{path}: cannot write the corpus ({error.strerror})") from error
        self.summary.corpus_persons = result.persons
        self.summary.corpus_problems = [str(p) for p in result.problems]
        try:
            self.summary.corpus = Path(os.path.relpath(path.resolve(), self.plan.output_dir.resolve())).as_posix()
        except ValueError:  # another drive
            self.summary.corpus = str(path.resolve())

    def _relink(self) -> None:
        """Pages whose neighbour failed (or was never made) link past it."""
        done = [index for index, ok in enumerate(self.status) if ok]
        if len(done) == len(self.plan.tasks):
            return
        tasks = self.plan.tasks
        for position, index in enumerate(done):
            task = tasks[index]
            wanted = {"prev": tasks[done[position - 1]].name if position > 0 else "",
                      "next": tasks[done[position + 1]].name if position + 1 < len(done) else ""}
            planned = {"prev": task.previous, "next": task.next}
            if wanted == planned:
                continue
            page = output_path(self.plan.output_dir, task.name, "html")
            try:
                html = page.read_text(encoding="utf-8")
            except OSError:
                continue
            for rel, target in wanted.items():
                label = "← Previous document" if rel == "prev" else "Next document →"
                link = f'<a href="{href(task.name, target + ".html")}" rel="{rel}">{label}</a>' if target else ""
                html = re.sub(f'<a href="[^"]*" rel="{rel}">[^<]*</a>', link.replace("\\", "\\\\"), html)
            atomic_write(page, html.encode("utf-8"))
