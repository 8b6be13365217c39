"""Running a batch: a :class:`~tei.apps.batch.plan.BatchPlan` → outputs, the site, ``report.json``.

    tasks ──(N worker processes, in chunks: tei.apps.batch.work)──▶ Outcomes, in input order
          ──(main process)──▶ report entries, the site's records, progress
          ──(at the end, or on an interruption)──▶ report.json, the site's pages, the corpus

**Memory.** A worker gets a few paths at a time and sends back a small Outcome; at most four
chunks per worker are queued or waiting to be read (:class:`OrderedPool`), so the main process
stays small whatever the size of the collection.

**Interruptions.** Ctrl-C and SIGTERM stop the run the same way: the chunks not yet started
are dropped, the ones running are finished and their outcomes listed, then ``report.json``
and the site are written for what was done (``"complete": false``). Every file is written
through a rename, so a run killed outright (SIGKILL, power) leaves each file either as it was
or complete. One run at a time may write into an output folder (:class:`~tei.apps.files.OutputLock`).
"""

from __future__ import annotations

import os
import signal
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import partial
from itertools import islice
from pathlib import Path
from types import FrameType
from typing import Generic, TypeVar

from tei.apps.batch.plan import RESERVED, BatchError, BatchPlan, Task, jobs_for
from tei.apps.batch.report import ReportWriter, Summary
from tei.apps.batch.work import Outcome, Settings, process_chunk, process_file, warm_up
from tei.apps.files import OutputLock, remove_stale

__all__ = ["OrderedPool", "iter_outcomes", "run_batch"]

T = TypeVar("T")
R = TypeVar("R")


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class OrderedPool(Generic[T, R]):
    """``multiprocessing``'s ``imap`` for an executor: results in input order, as they come,
    with at most ``window`` chunks submitted and not yet consumed.

    ``Executor.map`` submits every item at once and keeps each result until it is consumed;
    the window keeps the main process flat. After an interruption, :meth:`drain` gives the
    results not yet consumed of the chunks that had started (their files are written); a
    result handed out just as the interruption came may be given again.
    """

    def __init__(self, executor: ProcessPoolExecutor, function: Callable[[list[T]], list[R]],
                 items: Iterable[T], chunksize: int, window: int) -> None:
        self.executor, self.function = executor, function
        self.chunks = _chunks(items, chunksize)
        self.window = window
        self.pending: deque[Future[list[R]]] = deque()
        self.current: deque[R] = deque()

    def __iter__(self) -> Iterator[R]:
        for chunk in self.chunks:
            self.pending.append(self.executor.submit(self.function, chunk))
            if len(self.pending) >= self.window:
                yield from self._next_chunk()
        while self.pending:
            yield from self._next_chunk()

    def _next_chunk(self) -> Iterator[R]:
        self.current = deque(self.pending[0].result())
        self.pending.popleft()
        while self.current:
            # Removed once consumed: an interruption in between leaves it for drain().
            yield self.current[0]
            self.current.popleft()

    def drain(self) -> Iterator[R]:
        """Cancel what has not started; the rest → its results, in order (waiting for them)."""
        yield from self.current
        self.current.clear()
        for future in self.pending:
            future.cancel()
        for future in self.pending:
            if not future.cancelled():
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    break
        self.pending.clear()


def _chunksize(total: int, jobs: int) -> int:
    # Small enough that the last chunks end together and the progress bar moves; large
    # enough that a chunk (~10 ms per file) outweighs the cost of sending it (~0.2 ms).
    return max(1, min(8, total // (jobs * 16)))


def _initialize_worker(formats: tuple[str, ...], site: bool) -> None:
    # Ctrl-C reaches every process of the terminal's group, and SIGTERM may: the main
    # process stops the run and cancels what is queued; a worker only finishes its chunk.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    warm_up(formats, site)


class _Results:
    """The outcomes of a run's tasks, in input order: from a pool of ``jobs`` workers, or from
    this process (``jobs=1``: no pool)."""

    def __init__(self, tasks: list[Task], jobs: int, settings: Settings) -> None:
        # Compiled here first, so that forked workers inherit them and the bad ones are known.
        warm_up(settings.formats, settings.site)
        self.tasks, self.settings = tasks, settings
        self.executor: ProcessPoolExecutor | None = None
        self.pool: OrderedPool[Task, Outcome] | None = None
        if jobs > 1:
            self.executor = ProcessPoolExecutor(max_workers=jobs, initializer=_initialize_worker,
                                                initargs=(settings.formats, settings.site))
            self.pool = OrderedPool(self.executor, partial(process_chunk, settings), tasks,
                                    _chunksize(len(tasks), jobs), window=jobs * 4)

    def __iter__(self) -> Iterator[Outcome]:
        if self.pool is None:
            for task in self.tasks:
                yield process_file(task, self.settings)
            return
        try:
            yield from self.pool
        except BrokenProcessPool as error:
            raise BatchError(f"a worker process died ({error}); the run was stopped") from error

    def drain(self) -> Iterator[Outcome]:
        """After an interruption: the outcomes of the chunks that had started."""
        if self.pool is not None:
            yield from self.pool.drain()

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)


def iter_outcomes(tasks: list[Task], jobs: int, settings: Settings) -> Iterator[Outcome]:
    """Tasks → their outcomes in input order, with ``jobs`` worker processes (1: in this process)."""
    results = _Results(tasks, jobs, settings)
    try:
        yield from results
    finally:
        results.close()


class _Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM, raised where the run can stop cleanly."""


class _Signals:
    """Ctrl-C and SIGTERM stop the run, but not in the middle of recording an outcome: there
    they are held until the outcome is recorded (:meth:`held`).

    With worker processes (``deferred``) they are only ever acted on there, after an outcome:
    raised anywhere else, they could land between submitting a chunk and keeping its future,
    and that chunk's files would be written and listed nowhere. The main process waits for
    the started chunks after an interruption anyway, so nothing is lost in responsiveness.
    """

    def __init__(self, deferred: bool = False) -> None:
        self.holding = self.requested = False
        self.deferred = deferred

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True
        if not (self.holding or self.deferred):
            raise _Interrupted()

    @contextmanager
    def held(self) -> Iterator[None]:
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
        if self.requested:
            raise _Interrupted()


def run_batch(plan: BatchPlan, *, jobs: int | None = None, corpus: str | Path | None = None,
              on_outcome: Callable[[Outcome], None] | None = None, site: bool = True,
              persons: str | Path | None = None, persons_prefix: str | None = None) -> Summary:
    """Run a planned batch: the files, the site (``index.html`` …) and ``report.json`` in the
    output folder, and the teiCorpus file at ``corpus`` when given. ``on_outcome`` sees each
    outcome as it arrives (for progress). With ``persons``, the editor's personography, every
    document's persons are linked to it. Returns the totals; a failed file does not raise.
    An interruption (Ctrl-C, SIGTERM) writes the report and the site for what was done, then
    raises :class:`KeyboardInterrupt` with ``summary`` set on it."""
    jobs = jobs_for(plan, jobs)
    try:
        plan.output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BatchError(f"{error.filename or plan.output_dir}: cannot write there ({error.strerror})") from error
    signals = _Signals(deferred=jobs > 1)
    previous = {signum: signal.signal(signum, signals) for signum in (signal.SIGINT, signal.SIGTERM)
                } if _main_thread() else {}
    try:
        with OutputLock(plan.output_dir):
            remove_stale(plan.output_dir)
            return _run_locked(plan, jobs, corpus, on_outcome, site, signals,
                               (str(persons) if persons is not None else None, persons_prefix))
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _run_locked(plan: BatchPlan, jobs: int, corpus: str | Path | None,
                on_outcome: Callable[[Outcome], None] | None, site: bool, signals: _Signals,
                persons: tuple[str | None, str | None] = (None, None)) -> Summary:
    from tei.apps.batch.finish import Finisher

    summary = Summary(files=len(plan.tasks))
    report = ReportWriter(plan.output_dir / "report.json", plan, jobs)
    scratch: tempfile.TemporaryDirectory[str] | None = None
    tei_dir = None
    if corpus is not None and "tei" not in plan.formats:
        # The corpus is made from the TEI files; they are kept only for as long as that takes.
        scratch = tempfile.TemporaryDirectory(prefix="tei-corpus-")
        tei_dir = scratch.name
    reserved = {os.path.abspath(plan.output_dir / name) + ("/" if name.endswith("/") else "") for name in RESERVED}
    if corpus is not None:
        reserved.add(os.path.abspath(corpus))
    settings = Settings(str(plan.output_dir), plan.formats, tei_dir, persons=corpus is not None,
                        reserved=frozenset(reserved), site=site,
                        persons_file=persons[0], persons_prefix=persons[1])
    finisher = Finisher(plan, settings, summary, report, corpus)
    started = time.perf_counter()
    results = _Results(plan.tasks, jobs, settings)
    try:
        for outcome in results:
            with signals.held():
                finisher.add(outcome)
                if on_outcome is not None:
                    on_outcome(outcome)
        summary.seconds = time.perf_counter() - started
        with signals.held():
            finisher.close(complete=True, pool=results.executor)
    except KeyboardInterrupt as interruption:
        # A second Ctrl-C while the done work is recorded is held: the record must be whole.
        signals.holding = True
        for outcome in results.drain():
            finisher.add(outcome)
        summary.interrupted = True
        summary.seconds = time.perf_counter() - started
        finisher.close(complete=False)
        interruption.summary = summary  # type: ignore[attr-defined]
        raise
    finally:
        results.close()
        if scratch is not None:
            scratch.cleanup()
    return summary
