"""Batch conversion: a folder of plain-text memoranda → a folder of TEI, HTML and text, as an edition site.

    plan  (plan.py)    INPUT_DIR, OUTPUT_DIR, formats → BatchPlan (inputs in order), or a refusal
    work  (work.py)    one Task → read → convert → validate → render → write → Outcome  (in N workers)
    run   (run.py)     the pool, in input order, with a bounded window; Ctrl-C and SIGTERM; the lock
    finish (finish.py) Outcomes → report entries, the site's records, the corpus's members → files
    report (report.py) report.json, the totals (Summary), the progress bar

**Formats.** ``tei`` is the converter's output; ``html`` and ``text`` are renderings
(:mod:`tei.render`); with ``html``, the pages are the site's document pages and the run
writes the site's own pages (:mod:`tei.apps.site`). A rendering whose stylesheet is missing
or broken is dropped from the run with one warning (:attr:`BatchPlan.skipped`), not
reported once per file.
"""

from __future__ import annotations

from tei.apps.batch.plan import (
    DEFAULT_FORMATS,
    FORMATS,
    BatchError,
    BatchPlan,
    BatchUsageError,
    Task,
    jobs_for,
    output_path,
    parse_formats,
    plan_batch,
)
from tei.apps.batch.report import Progress, Summary
from tei.apps.batch.run import iter_outcomes, run_batch
from tei.apps.batch.work import Outcome, PersonRecord, Settings, process_file, warm_up

__all__ = ["DEFAULT_FORMATS", "FORMATS", "BatchError", "BatchPlan", "BatchUsageError", "Outcome", "PersonRecord",
           "Progress", "Settings", "Summary", "Task", "iter_outcomes", "jobs_for", "output_path", "parse_formats",
           "plan_batch", "process_file", "run_batch", "warm_up"]
