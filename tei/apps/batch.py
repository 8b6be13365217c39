"""Batch conversion: a folder of plain-text memoranda → a folder of TEI, HTML and text.

    INPUT_DIR/**/*.txt ──(N worker processes, in chunks)──▶ read → convert → validate → render → write
                                                             OUTPUT_DIR/NAME.tei.xml, NAME.html, NAME.txt
                       ──(main process, in input order)───▶ index.html, report.json, progress
                       ──(main process, after the run)────▶ the teiCorpus file (``--corpus``)

**What goes where.** A worker gets a few paths at a time (:class:`Task`), reads each file,
converts, validates and renders it, writes its outputs itself and sends back a small
:class:`Outcome` (status, messages, timings, title and date; the persons, for a corpus). No
document text or tree crosses a process boundary, and at most four chunks per worker are
queued or waiting to be read (:func:`imap_bounded`), so the main process stays the same size
whatever the size of the collection. ``index.html`` and
``report.json`` are written as the outcomes arrive, in input order; the corpus, which needs
every document's persons before the first document can be written, is written after the
run, one document at a time (see :mod:`tei.apps.corpus`).

**Failures.** A file that cannot be converted (:class:`~tei.errors.ConversionError`, an
error diagnostic), whose TEI is invalid, or that cannot be rendered is *failed*: it is
reported with its errors, nothing is written for it (outputs left by an earlier run are
removed, so the index never links a stale page), and the run goes on. So is a file whose
output would replace a file the run writes itself (``index.txt`` → ``index.html``). Any other exception
in a worker is a bug in tei; it fails that one file too rather than a run of thousands.

**Formats.** ``tei`` is the converter's output; ``html`` and ``text`` are renderings
(:mod:`tei.render`). A rendering whose stylesheet is missing or broken is dropped from the
run with one warning (:attr:`BatchPlan.skipped`), not reported once per file.
"""

from __future__ import annotations

import html
import json
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path, PurePosixPath
from typing import IO, TypeVar
from urllib.parse import quote

from lxml import etree

from tei import __version__
from tei.errors import BatchError, Level, TeiError
from tei.namespaces import XML_ID, tei

__all__ = ["FORMATS", "BatchError", "BatchPlan", "Outcome", "Progress", "Summary", "Task", "parse_formats",
           "plan_batch", "process_file", "run_batch"]

#: Output format → the suffix that replaces ``.txt`` in the output file's name.
FORMATS: dict[str, str] = {"tei": ".tei.xml", "html": ".html", "text": ".txt"}
# What people type for these formats.
_ALIASES = {"xml": "tei", "txt": "text"}
DEFAULT_FORMATS = ("tei", "html", "text")


T = TypeVar("T")
R = TypeVar("R")




# ---------------------------------------------------------------------------- what a worker gets and gives


@dataclass(frozen=True)
class Task:
    """One input file: its path as the user will read it, and its output name.

    ``name`` is the path relative to the input folder, POSIX style, without ``.txt``:
    ``INPUT/vol01/d001.txt`` → ``vol01/d001`` → ``OUTPUT/vol01/d001.tei.xml``.
    """

    index: int
    source: str
    name: str


@dataclass(frozen=True)
class Settings:
    """What every task of a run shares (sent with each chunk: a few hundred bytes)."""

    output_dir: str
    formats: tuple[str, ...]
    # Where the TEI goes when the corpus needs it but it is not one of the outputs.
    tei_dir: str | None = None
    persons: bool = False
    # Files the run itself writes (index.html, report.json, the corpus): no output may be one.
    reserved: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PersonRecord:
    """A ``person`` of a document's header, as the corpus needs it to merge persons.

    ``pers_name`` is the serialized ``persName`` (or empty); ``surname`` is empty for a
    person named by an office only ("The Secretary").
    """

    id: str
    surname: str
    forename: str
    pers_name: bytes


@dataclass
class Outcome:
    """What one file gave: ``status`` is ``"ok"`` or ``"failed"``; ``outputs`` maps format → path
    relative to the output folder; ``timings`` maps stage → milliseconds."""

    index: int
    source: str
    name: str
    status: str = "ok"
    title: str = ""
    date: str = ""
    number: str = ""
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    bytes_in: int = 0
    tei_path: str = ""  # where the TEI was written (for the corpus), even when it is not an output
    persons: list[PersonRecord] | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def first_error(self) -> str:
        """The first error, without the file name most messages start with (it is shown beside them)."""
        error = self.errors[0] if self.errors else "unknown error"
        return error.removeprefix(self.source + ": ")

    def report(self) -> dict[str, object]:
        """The file's entry in ``report.json``."""
        return {"input": self.source, "name": self.name, "status": self.status, "title": self.title,
                "date": self.date, "number": self.number, "outputs": self.outputs, "warnings": self.warnings,
                "errors": self.errors, "bytes": self.bytes_in,
                "timings_ms": {stage: round(ms, 3) for stage, ms in self.timings.items()}}


def output_path(output_dir: str | Path, name: str, fmt: str) -> Path:
    """Output folder, name, format → file: ``("out", "vol01/d001", "html")`` → ``out/vol01/d001.html``."""
    return Path(output_dir, *PurePosixPath(name).parts[:-1], PurePosixPath(name).name + FORMATS[fmt])


def _text(element: etree._Element) -> str:
    """An element's text, whitespace collapsed: ``<title> A\n  <hi>B</hi></title>`` → ``"A B"``."""
    return " ".join("".join(str(part) for part in element.itertext()).split())


def _describe(tree: etree._Element, outcome: Outcome) -> None:
    """TEI tree → the index's title, date and document number, put on ``outcome``."""
    header = tree.find(tei("teiHeader"))
    if header is None:
        return
    title = header.find(f"{tei('fileDesc')}/{tei('titleStmt')}/{tei('title')}")
    outcome.title = _text(title) if title is not None else ""
    date = header.find(f".//{tei('settingDesc')}//{tei('date')}")
    if date is not None:
        outcome.date = date.get("when") or _text(date)
    number = header.find(f".//{tei('sourceDesc')}//{tei('idno')}[@type='document']")
    if number is not None:
        outcome.number = (number.text or "").strip()


def _persons(tree: etree._Element) -> list[PersonRecord]:
    """TEI tree → the persons of its header that have an ``xml:id``, in document order."""
    records = []
    for person in tree.iterfind(f"{tei('teiHeader')}//{tei('particDesc')}//{tei('person')}"):
        person_id = person.get(XML_ID)
        if not person_id:
            continue
        name = person.find(tei("persName"))
        surname = forename = ""
        serialized = b""
        if name is not None:
            surname = " ".join(_text(part) for part in name.iter(tei("surname")))
            first = name.find(tei("forename"))
            forename = _text(first) if first is not None else ""
            serialized = etree.tostring(name, encoding="utf-8", with_tail=False)
        records.append(PersonRecord(person_id, surname, forename, serialized))
    return records


def process_file(task: Task, settings: Settings) -> Outcome:
    """One input file → its outputs on disk, and what happened as an :class:`Outcome`.

    Never raises for a problem of the file: a failed file is an outcome with
    ``status="failed"`` and its ``errors``.
    """
    from tei.pipeline import convert_bytes, validate_conversion
    from tei.render import render

    outcome = Outcome(task.index, task.source, task.name)
    for fmt in settings.formats:
        taken = os.path.abspath(output_path(settings.output_dir, task.name, fmt))
        if taken in settings.reserved:
            # An input named index.txt would be rendered over the index.
            return _fail(outcome, settings, f"{task.source}: its {fmt} output would replace {taken}, "
                         "which this run writes itself; rename the file", remove=False)
    timings = outcome.timings
    clock = time.perf_counter
    started = clock()
    try:
        try:
            data = Path(task.source).read_bytes()
        except OSError as error:
            return _fail(outcome, settings, f"{task.source}: cannot read the file ({error.strerror})")
        outcome.bytes_in = len(data)
        timings["read"] = (clock() - started) * 1000

        # The problems are located in the file written, as `tei convert` reports them.
        tei_file = output_path(settings.tei_dir or settings.output_dir, task.name, "tei")
        mark = clock()
        try:
            conversion = convert_bytes(data, task.source)
        except TeiError as error:
            timings["convert"] = (clock() - mark) * 1000
            return _fail(outcome, settings, str(error))
        timings["convert"] = (clock() - mark) * 1000
        outcome.warnings = [str(d) for d in conversion.diagnostics if d.level == Level.WARNING]
        errors = [str(d) for d in conversion.diagnostics if d.level >= Level.ERROR]
        _describe(conversion.tree, outcome)
        if errors:
            return _fail(outcome, settings, *errors)

        mark = clock()
        problems = validate_conversion(conversion, str(tei_file))
        timings["validate"] = (clock() - mark) * 1000
        if problems:
            return _fail(outcome, settings, *(str(p) for p in problems),
                         f"{task.source}: the TEI converted from it is not valid (this is a bug in tei)")

        results: dict[str, bytes] = {}
        if "tei" in settings.formats or settings.tei_dir:
            results["tei"] = conversion.xml
        for fmt in settings.formats:
            if fmt == "tei":
                continue
            mark = clock()
            try:
                results[fmt] = render(conversion.tree, fmt)
            except TeiError as error:
                timings[f"render_{fmt}"] = (clock() - mark) * 1000
                return _fail(outcome, settings, f"{task.source}: cannot render {fmt}: {error}")
            timings[f"render_{fmt}"] = (clock() - mark) * 1000

        if settings.persons:
            outcome.persons = _persons(conversion.tree)

        mark = clock()
        for fmt, content in results.items():
            target = tei_file if fmt == "tei" else output_path(settings.output_dir, task.name, fmt)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                target.write_bytes(content)
            except OSError as error:
                return _fail(outcome, settings, f"{target}: cannot write the file ({error.strerror})")
            if fmt in settings.formats:
                outcome.outputs[fmt] = output_path(".", task.name, fmt).as_posix()
        outcome.tei_path = str(tei_file)
        timings["write"] = (clock() - mark) * 1000
    except Exception as error:  # noqa: BLE001
        # A bug on one file must not end a run over thousands: it is reported as that
        # file's failure, with what is needed to reproduce it.
        return _fail(outcome, settings, f"{task.source}: internal error: {type(error).__name__}: {error}. "
                     "Please report this bug.")
    finally:
        timings["total"] = (clock() - started) * 1000
    return outcome


def _fail(outcome: Outcome, settings: Settings, *errors: str, remove: bool = True) -> Outcome:
    """Mark ``outcome`` failed and remove this name's outputs left by an earlier run."""
    outcome.status = "failed"
    outcome.errors.extend(errors)
    outcome.outputs.clear()
    outcome.persons = None
    if not remove:
        return outcome
    for fmt in settings.formats:
        output_path(settings.output_dir, outcome.name, fmt).unlink(missing_ok=True)
    if settings.tei_dir:
        output_path(settings.tei_dir, outcome.name, "tei").unlink(missing_ok=True)
    return outcome


def process_chunk(settings: Settings, tasks: list[Task]) -> list[Outcome]:
    """A worker's unit of work: a few tasks → their outcomes, in order."""
    return [process_file(task, settings) for task in tasks]


def _warm_up(formats: tuple[str, ...]) -> None:
    """Import the converter, compile the schema and stylesheets: once per process, before the
    first file is timed. Done in the main process first, forked workers inherit all of it."""
    import tei.pipeline  # noqa: F401
    from tei.render import stylesheet
    from tei.resources import schema_path
    from tei.validate import libxml2_schema

    # The cache key is the resolved path, as validate_bytes() computes it.
    libxml2_schema(schema_path().resolve())
    for fmt in formats:
        if fmt != "tei":
            stylesheet(fmt)


# ---------------------------------------------------------------------------- planning


def parse_formats(value: str) -> tuple[str, ...]:
    """``"tei,html,text"`` → ``("tei", "html", "text")`` (aliases ``xml``, ``txt``; duplicates dropped).

    Raises :class:`BatchError` naming the valid choices for an unknown format.
    """
    formats: list[str] = []
    for part in value.split(","):
        name = _ALIASES.get(part.strip().lower(), part.strip().lower())
        if not name:
            continue
        if name not in FORMATS:
            raise BatchError(f"Unknown format {part.strip()!r}. Use one of: {', '.join(FORMATS)}.")
        if name not in formats:
            formats.append(name)
    if not formats:
        raise BatchError(f"No output format given. Use one or more of: {', '.join(FORMATS)}.")
    return tuple(formats)


@dataclass
class BatchPlan:
    """A run, decided before it starts: the inputs in order, the formats that can be made,
    and those that were asked for but cannot (format → why)."""

    input_dir: Path
    output_dir: Path
    tasks: list[Task]
    formats: tuple[str, ...]
    skipped: dict[str, str] = field(default_factory=dict)


def _is_inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def plan_batch(input_dir: str | Path, output_dir: str | Path,
               formats: Iterable[str] = DEFAULT_FORMATS) -> BatchPlan:
    """Folders and formats → a :class:`BatchPlan`; raises :class:`BatchError` when the run cannot be made.

    Every ``*.txt`` under ``input_dir`` is an input, sorted by its relative path; files
    under ``output_dir`` are not, so a second run into a folder inside the input does not
    take the first run's text renderings for memoranda.
    """
    from tei.render import stylesheet

    source_root, target_root = Path(input_dir), Path(output_dir)
    if not source_root.is_dir():
        raise BatchError(f"{source_root}: not a folder")
    source_abs, target_abs = source_root.resolve(), target_root.resolve()
    wanted = tuple(formats)
    if source_abs == target_abs and "text" in wanted:
        raise BatchError(f"{target_root}: the output folder is the input folder, so the text renderings "
                         "(NAME.txt) would overwrite the inputs; choose another output folder")
    found = []
    for path in source_root.rglob("*.txt"):
        if not path.is_file() or (source_abs != target_abs and _is_inside(path.resolve(), target_abs)):
            continue
        found.append((path.relative_to(source_root).with_suffix("").as_posix(), path))
    found.sort()
    tasks = [Task(index, str(path), name) for index, (name, path) in enumerate(found)]
    usable, skipped = [], {}
    for fmt in wanted:
        if fmt != "tei":
            try:
                stylesheet(fmt)
            except TeiError as error:
                skipped[fmt] = str(error)
                continue
        usable.append(fmt)
    return BatchPlan(source_root, target_root, tasks, tuple(usable), skipped)


# ---------------------------------------------------------------------------- running


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def imap_bounded(executor: ProcessPoolExecutor, function: Callable[[list[T]], list[R]], items: Iterable[T],
                 chunksize: int, window: int) -> Iterator[R]:
    """``multiprocessing``'s ``imap`` for an executor: results in input order, as they come,
    with at most ``window`` chunks submitted and not yet consumed.

    ``Executor.map`` submits every item at once and keeps each result until it is
    consumed; the window is what keeps the main process flat on a collection of any size.
    """
    pending: deque[Future[list[R]]] = deque()
    for chunk in _chunks(items, chunksize):
        pending.append(executor.submit(function, chunk))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def default_jobs() -> int:
    return os.cpu_count() or 1


def _chunksize(total: int, jobs: int) -> int:
    # Small enough that the last chunks end together and the progress bar moves; large
    # enough that a chunk (~10 ms per file) outweighs the cost of sending it (~0.2 ms).
    return max(1, min(8, total // (jobs * 16)))


def _initialize_worker(formats: tuple[str, ...]) -> None:
    # Ctrl-C reaches every process of the terminal's group: the main process stops the
    # run and cancels what is queued; a worker only finishes its chunk.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm_up(formats)


def iter_outcomes(plan: BatchPlan, jobs: int, settings: Settings) -> Iterator[Outcome]:
    """Run the plan: its tasks → their outcomes in input order, with ``jobs`` worker processes
    (``jobs=1``: in this process, no pool)."""
    jobs = min(jobs, len(plan.tasks))
    if jobs <= 1:
        _warm_up(settings.formats)
        for task in plan.tasks:
            yield process_file(task, settings)
        return
    # Compiled here first, so that forked workers inherit them and the bad ones are known.
    _warm_up(settings.formats)
    executor = ProcessPoolExecutor(max_workers=jobs, initializer=_initialize_worker, initargs=(settings.formats,))
    try:
        yield from imap_bounded(executor, partial(process_chunk, settings), plan.tasks,
                                _chunksize(len(plan.tasks), jobs), window=jobs * 4)
    except BrokenProcessPool as error:
        raise BatchError(f"a worker process died ({error}); the run was stopped") from error
    finally:
        # On an interruption, the chunks not yet started are dropped rather than run.
        executor.shutdown(wait=True, cancel_futures=True)


@dataclass
class Summary:
    """The totals of a run."""

    files: int = 0
    ok: int = 0
    failed: int = 0
    warnings: int = 0
    bytes_in: int = 0
    seconds: float = 0.0
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


class _ReportWriter:
    """``report.json``, written as the outcomes arrive: the run's settings, then each file,
    then the summary. Memory stays flat however many files there are."""

    def __init__(self, path: Path, plan: BatchPlan, jobs: int) -> None:
        self.stream = path.open("w", encoding="utf-8")
        head = {"tool": f"tei {__version__}", "input": str(plan.input_dir), "output": str(plan.output_dir),
                "formats": list(plan.formats), "skipped_formats": plan.skipped, "jobs": jobs}
        self.stream.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "files": [')
        self.first = True

    def add(self, outcome: Outcome) -> None:
        self.stream.write(("\n    " if self.first else ",\n    ")
                          + json.dumps(outcome.report(), ensure_ascii=False))
        self.first = False

    def close(self, summary: Summary) -> None:
        totals = {key: value for key, value in asdict(summary).items()}
        totals["seconds"] = round(summary.seconds, 3)
        totals["done"] = summary.done
        totals["complete"] = summary.done == summary.files
        totals["documents_per_second"] = round(summary.rate, 1)
        self.stream.write(("\n  ]" if not self.first else "]") + ',\n  "summary": '
                          + json.dumps(totals, ensure_ascii=False) + "\n}\n")
        self.stream.close()


_INDEX_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: Georgia, serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }}
td.files a {{ margin-right: .5rem; font-size: .9em; }}
.failed {{ color: #a00; }}
.warnings {{ color: #850; }}
</style>
</head>
<body>
<h1>{title}</h1>
<table>
<thead><tr><th>File</th><th>Document</th><th>Date</th><th>Status</th><th>Formats</th></tr></thead>
<tbody>
"""

_LABELS = {"html": "HTML", "tei": "TEI", "text": "text"}


class _IndexWriter:
    """``index.html``: one row per input, in input order, linking the outputs that were made."""

    def __init__(self, path: Path, plan: BatchPlan) -> None:
        self.stream = path.open("w", encoding="utf-8")
        title = f"Index of {len(plan.tasks)} memoranda in {plan.input_dir.name or plan.input_dir}"
        self.stream.write(_INDEX_HEAD.format(title=html.escape(title)))

    def add(self, outcome: Outcome) -> None:
        e = html.escape
        # The reading page is what a reader wants; the TEI when there is no page.
        main = outcome.outputs.get("html") or outcome.outputs.get("tei") or outcome.outputs.get("text")
        title = e(outcome.title or outcome.name)
        document = f'<a href="{e(quote(main))}">{title}</a>' if main else title
        if outcome.ok:
            count = len(outcome.warnings)
            # The warnings themselves show on hover; report.json has them all.
            status = (f'<span class="warnings" title="{e(chr(10).join(outcome.warnings))}">ok, {count} warning'
                      f'{"s" if count != 1 else ""}</span>' if count else "ok")
        else:
            first = outcome.first_error()
            status = f'<span class="failed" title="{e(first)}">failed: {e(_shorten(first))}</span>'
        files = " ".join(f'<a href="{e(quote(path))}">{_LABELS[fmt]}</a>' for fmt, path in outcome.outputs.items())
        self.stream.write(f"<tr><td>{e(outcome.name)}</td><td>{document}</td><td>{e(outcome.date)}</td>"
                          f'<td>{status}</td><td class="files">{files}</td></tr>\n')

    def close(self, summary: Summary) -> None:
        corpus = ""
        if summary.corpus:
            corpus = f' Corpus: <a href="{html.escape(quote(summary.corpus))}">{html.escape(summary.corpus)}</a>.'
        self.stream.write(f"</tbody>\n</table>\n<p>{summary.ok} of {summary.files} converted, "
                          f"{summary.failed} failed, {summary.warnings} warnings.{corpus}</p>\n"
                          f"<p>Made by tei {__version__}.</p>\n</body>\n</html>\n")
        self.stream.close()


def _shorten(message: str, limit: int = 120) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"


def run_batch(plan: BatchPlan, *, jobs: int | None = None, corpus: str | Path | None = None,
              on_outcome: Callable[[Outcome], None] | None = None) -> Summary:
    """Run a planned batch: the files, ``index.html`` and ``report.json`` in the output folder,
    and the teiCorpus file at ``corpus`` when given. ``on_outcome`` sees each outcome as it
    arrives (for progress). Returns the totals; a failed file does not raise."""
    import tempfile

    jobs = jobs or default_jobs()
    summary = Summary(files=len(plan.tasks))
    try:
        plan.output_dir.mkdir(parents=True, exist_ok=True)
        report = _ReportWriter(plan.output_dir / "report.json", plan, jobs)
        index = _IndexWriter(plan.output_dir / "index.html", plan)
    except OSError as error:
        raise BatchError(f"{error.filename or plan.output_dir}: cannot write there ({error.strerror})") from error
    scratch: tempfile.TemporaryDirectory[str] | None = None
    tei_dir = None
    if corpus is not None and "tei" not in plan.formats:
        # The corpus is made from the TEI files; they are kept only for as long as that takes.
        scratch = tempfile.TemporaryDirectory(prefix="tei-corpus-")
        tei_dir = scratch.name
    reserved = {os.path.abspath(plan.output_dir / "index.html"), os.path.abspath(plan.output_dir / "report.json")}
    if corpus is not None:
        reserved.add(os.path.abspath(corpus))
    settings = Settings(str(plan.output_dir), plan.formats, tei_dir, persons=corpus is not None,
                        reserved=frozenset(reserved))
    members: list[Outcome] = []
    started = time.perf_counter()
    try:
        for outcome in iter_outcomes(plan, jobs, settings):
            if outcome.ok:
                summary.ok += 1
            else:
                summary.failed += 1
            summary.warnings += len(outcome.warnings)
            summary.bytes_in += outcome.bytes_in
            report.add(outcome)
            index.add(outcome)
            if corpus is not None and outcome.ok:
                # Only what the corpus needs: the path of the TEI and the persons.
                members.append(Outcome(outcome.index, outcome.source, outcome.name, tei_path=outcome.tei_path,
                                       persons=outcome.persons))
            if on_outcome is not None:
                on_outcome(outcome)
        summary.seconds = time.perf_counter() - started
        if corpus is not None:
            from tei.apps.corpus import write_corpus

            corpus_path = Path(corpus)
            try:
                result = write_corpus(corpus_path, members, title=f"Memoranda of conversation from the folder "
                                      f"{plan.input_dir.resolve().name}")
            except OSError as error:
                raise BatchError(f"{corpus_path}: cannot write the corpus ({error.strerror})") from error
            summary.corpus_persons = result.persons
            summary.corpus_problems = [str(p) for p in result.problems]
            try:
                summary.corpus = Path(os.path.relpath(corpus_path.resolve(), plan.output_dir.resolve())).as_posix()
            except ValueError:  # another drive
                summary.corpus = str(corpus_path.resolve())
    finally:
        if not summary.seconds:
            summary.seconds = time.perf_counter() - started
        report.close(summary)
        index.close(summary)
        if scratch is not None:
            scratch.cleanup()
    return summary


# ---------------------------------------------------------------------------- progress


class Progress:
    """Shows a run's progress on ``stream``.

    On a terminal: one line redrawn with ``\\r`` (count, bar, rate, ETA), at most ten times a
    second, with each failure printed above it. Elsewhere (a log, a pipe): one plain line
    per file. With ``quiet``, anywhere: one plain line per failure, nothing else.
    """

    def __init__(self, total: int, stream: IO[str] | None = None, *, tty: bool | None = None,
                 quiet: bool = False, width: int = 24) -> None:
        self.total, self.done, self.failed = total, 0, 0
        self.stream = stream if stream is not None else sys.stderr
        # Quiet: no bar either, the failures only, as plain lines.
        self.tty = (self.stream.isatty() if tty is None else tty) and not quiet
        self.quiet, self.width = quiet, width
        self.started = time.monotonic()
        self.last_draw = 0.0
        self.drawn = 0  # length of the progress line on the screen
        self.digits = len(str(total))

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        """``  120/500  24% [#####               ] 96.1 files/s ETA 0:04``"""
        fraction = self.done / self.total if self.total else 1.0
        filled = int(fraction * self.width)
        rate = self.rate()
        eta = (self.total - self.done) / rate if rate > 0 else 0.0
        failed = f", {self.failed} failed" if self.failed else ""
        return (f"{self.done:>{self.digits}}/{self.total} {fraction:4.0%} [{'#' * filled}{' ' * (self.width - filled)}]"
                f" {rate:5.1f} files/s ETA {int(eta) // 60}:{int(eta) % 60:02d}{failed}")

    def __call__(self, outcome: Outcome) -> None:
        self.done += 1
        self.failed += not outcome.ok
        if not self.tty:
            if not self.quiet or not outcome.ok:
                self.stream.write(f"[{self.done:>{self.digits}}/{self.total}] {self._status(outcome)}\n")
                self.stream.flush()
            return
        if not outcome.ok:
            self._draw(self._status(outcome) + "\n")
        now = time.monotonic()
        if not outcome.ok or now - self.last_draw >= 0.1 or self.done == self.total:
            self._draw(self.line())
            self.last_draw = now

    def _draw(self, text: str) -> None:
        # Plain "\r" and spaces, no terminal escapes: what is left of a longer line is blanked.
        line = text.rstrip("\n")
        self.stream.write("\r" + line + " " * (self.drawn - len(line)) + text[len(line):])
        self.drawn = 0 if text.endswith("\n") else len(line)
        self.stream.flush()

    def close(self) -> None:
        """End the progress line (drawn for the last time if the run stopped early)."""
        if self.tty and self.total:
            if self.done != self.total:
                self._draw(self.line())
            self.stream.write("\n")
            self.stream.flush()

    @staticmethod
    def _status(outcome: Outcome) -> str:
        if outcome.ok:
            count = len(outcome.warnings)
            warnings = f" ({count} warning{'s' if count != 1 else ''})" if count else ""
            return f"{outcome.source}: ok{warnings}"
        return f"{outcome.source}: failed: {outcome.first_error()}"
