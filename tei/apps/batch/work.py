"""A worker's job: one input file → its outputs on disk and an :class:`Outcome`.

    Task ──read → convert → validate → render → write (each file through a rename)──▶ Outcome

No document text or tree crosses a process boundary except what the site needs: the
:class:`~tei.apps.site.DocumentRecord` (title, date, persons, what each said, where each is
mentioned, the paragraphs' text for the search), taken from the model and the tree in hand.

**Failures.** A file that cannot be converted (:class:`~tei.errors.ConversionError`, an
error diagnostic), whose TEI is invalid, or that cannot be rendered is *failed*: it is
reported with its errors, nothing is written for it (outputs left by an earlier run are
removed, so the site never links a stale page), and the run goes on. So is a file whose
output would replace a file the run writes itself (``index.txt`` → ``index.html``). Any other
exception is a bug in tei; it fails that one file too rather than a run of thousands.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from tei.apps.batch.plan import Task, output_path
from tei.apps.files import atomic_write
from tei.apps.site import Anchors, DocumentRecord, describe, mark_anchors, site_params
from tei.errors import Level, TeiError
from tei.namespaces import XML_ID, tei

if TYPE_CHECKING:
    from tei.converter import Conversion

__all__ = ["Outcome", "PersonRecord", "Settings", "process_chunk", "process_file", "warm_up"]


@dataclass(frozen=True)
class Settings:
    """What every task of a run shares (sent with each chunk: a few hundred bytes)."""

    output_dir: str
    formats: tuple[str, ...]
    # Where the TEI goes when the corpus needs it but it is not one of the outputs.
    tei_dir: str | None = None
    persons: bool = False
    # Files the run itself writes (index.html, report.json, the corpus) and its folders
    # (ending in "/"): no output may be one of them or lie in one of them.
    reserved: frozenset[str] = frozenset()
    site: bool = True
    # The editor's personography (``--persons``) and the start of the pointers to it.
    persons_file: str | None = None
    persons_prefix: str | None = None


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
    record: DocumentRecord | None = None  # for the site

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


def _text(element: etree._Element) -> str:
    return " ".join("".join(str(part) for part in element.itertext()).split())


def _persons(tree: etree._Element) -> list[PersonRecord]:
    """TEI tree → the persons of its header that have an ``xml:id``, with their ``persName``
    as encoded (the corpus keeps the names' markup)."""
    records = []
    for person in tree.iterfind(f"{tei('teiHeader')}//{tei('person')}"):
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


def _reserved(settings: Settings, task: Task) -> str | None:
    """The file of the run's own that an output of ``task`` would replace, if any."""
    for fmt in settings.formats:
        taken = os.path.abspath(output_path(settings.output_dir, task.name, fmt))
        for reserved in settings.reserved:
            if taken == reserved or reserved.endswith("/") and taken.startswith(reserved):
                return taken
    return None


def process_file(task: Task, settings: Settings) -> Outcome:
    """One input file → its outputs on disk, and what happened as an :class:`Outcome`.

    Never raises for a problem of the file: a failed file is an outcome with
    ``status="failed"`` and its ``errors``.
    """
    outcome = Outcome(task.index, task.source, task.name)
    taken = _reserved(settings, task)
    if taken:
        # An input named index.txt would be rendered over the home page.
        return _fail(outcome, settings, f"{task.source}: its output would replace {taken}, "
                     "which this run writes itself; rename the file", remove=False)
    started = time.perf_counter()
    try:
        _convert_and_write(task, settings, outcome)
    except _Failed as failure:
        return _fail(outcome, settings, *failure.errors)
    except KeyboardInterrupt:
        # Stopped half-way (one process, Ctrl-C): what was written of this file goes, as it
        # would not be listed anywhere.
        _fail(outcome, settings, "interrupted")
        raise
    except Exception as error:  # noqa: BLE001
        # A bug on one file must not end a run over thousands: it is reported as that
        # file's failure, with what is needed to reproduce it.
        return _fail(outcome, settings, f"{task.source}: internal error: {type(error).__name__}: {error}. "
                     "Please report this bug.")
    finally:
        outcome.timings["total"] = (time.perf_counter() - started) * 1000
    return outcome


class _Failed(Exception):
    def __init__(self, *errors: str) -> None:
        super().__init__(errors[0])
        self.errors = errors


@functools.lru_cache(maxsize=2)
def _with_personography(path: str, prefix: str | None) -> Callable[[bytes, str], Conversion]:
    """The conversion that links to the personography at ``path``, read once per process."""
    from tei.converter import Converter, default_converter
    from tei.resolve import build_passes
    from tei.resolve.persons.personography import read_personography, with_personography

    converter = Converter(default_converter().recognizers,
                          with_personography(build_passes(), read_personography(path, prefix)))

    def convert(data: bytes, source: str) -> Conversion:
        return converter.convert_bytes(data, source)
    return convert


def _convert_and_write(task: Task, settings: Settings, outcome: Outcome) -> None:
    """One memorandum: read → convert and validate → render each format → write each output."""
    tei_file = output_path(settings.tei_dir or settings.output_dir, task.name, "tei")
    conversion = _convert(_read(task, outcome), task, settings, outcome, tei_file)
    results, anchors = _render(conversion, task, settings, outcome)
    if settings.site:
        outcome.record = describe(conversion.document, task.name, anchors)
    _write(results, task, settings, outcome, tei_file)


def _read(task: Task, outcome: Outcome) -> bytes:
    mark = time.perf_counter()
    try:
        data = Path(task.source).read_bytes()
    except OSError as error:
        raise _Failed(f"{task.source}: cannot read the file ({error.strerror})") from error
    outcome.bytes_in = len(data)
    outcome.timings["read"] = (time.perf_counter() - mark) * 1000
    return data


def _convert(data: bytes, task: Task, settings: Settings, outcome: Outcome, tei_file: Path) -> Conversion:
    """The conversion, validated; its problems located in the file written, as `tei convert` reports them."""
    from tei.converter import convert_bytes, validate_conversion

    timings, clock = outcome.timings, time.perf_counter
    mark = clock()
    try:
        conversion = (_with_personography(settings.persons_file, settings.persons_prefix)(data, task.source)
                      if settings.persons_file else convert_bytes(data, task.source))
    except TeiError as error:
        raise _Failed(str(error)) from error
    finally:
        timings["convert"] = (clock() - mark) * 1000
    document = conversion.document
    outcome.title = document.title + (f", {document.dateline.text}" if document.dateline else "")
    outcome.date = document.dateline.when or "" if document.dateline else ""
    outcome.number = document.number
    outcome.warnings = [str(d) for d in conversion.diagnostics if d.level == Level.WARNING]
    errors = [str(d) for d in conversion.diagnostics if d.level >= Level.ERROR]
    if errors:
        raise _Failed(*errors)

    mark = clock()
    problems = validate_conversion(conversion, str(tei_file))
    timings["validate"] = (clock() - mark) * 1000
    if problems:
        raise _Failed(*(str(p) for p in problems),
                      f"{task.source}: the TEI converted from it is not valid (this is a bug in tei)")
    if settings.persons:
        outcome.persons = _persons(conversion.tree)
    return conversion


def _render(conversion: Conversion, task: Task, settings: Settings,
            outcome: Outcome) -> tuple[dict[str, bytes], Anchors | None]:
    """Each output format's bytes (the TEI as converted), and the page's anchors when a site is made."""
    from tei.render import render, render_wrapped

    results: dict[str, bytes] = {}
    if "tei" in settings.formats or settings.tei_dir:
        results["tei"] = conversion.xml
    anchors = None
    for fmt in settings.formats:
        if fmt == "tei":
            continue
        mark = time.perf_counter()
        try:
            if fmt == "html" and settings.site:
                # The TEI bytes are made: marking the tree for the page's anchors changes no output but the page.
                anchors = mark_anchors(conversion.tree)
                results[fmt] = render_wrapped(conversion.tree, "site/document.xsl", "html",
                                              **site_params(task.name, settings.formats, task.previous, task.next))
            else:
                results[fmt] = render(conversion.tree, fmt)
        except TeiError as error:
            raise _Failed(f"{task.source}: cannot render {fmt}: {error}") from error
        finally:
            outcome.timings[f"render_{fmt}"] = (time.perf_counter() - mark) * 1000
    return results, anchors


def _write(results: dict[str, bytes], task: Task, settings: Settings, outcome: Outcome, tei_file: Path) -> None:
    mark = time.perf_counter()
    for fmt, content in results.items():
        target = tei_file if fmt == "tei" else output_path(settings.output_dir, task.name, fmt)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            atomic_write(target, content)
        except OSError as error:
            raise _Failed(f"{target}: cannot write the file ({error.strerror})") from error
        if fmt in settings.formats:
            outcome.outputs[fmt] = output_path(".", task.name, fmt).as_posix()
    outcome.tei_path = str(tei_file)
    outcome.timings["write"] = (time.perf_counter() - mark) * 1000


def _fail(outcome: Outcome, settings: Settings, *errors: str, remove: bool = True) -> Outcome:
    """Mark ``outcome`` failed and remove this name's outputs left by an earlier run."""
    outcome.status = "failed"
    outcome.errors.extend(errors)
    outcome.outputs.clear()
    outcome.persons = None
    outcome.record = None
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


def warm_up(formats: tuple[str, ...], site: bool = True) -> None:
    """Import the converter, compile the schema and stylesheets: once per process, before the
    first file is timed. Done in the main process first, forked workers inherit all of it."""
    import tei.converter  # noqa: F401
    from tei.render import stylesheet, stylesheet_at
    from tei.resources import schema_path
    from tei.validate import libxml2_schema

    # The cache key is the resolved path, as validate_bytes() computes it.
    libxml2_schema(schema_path().resolve())
    for fmt in formats:
        if fmt != "tei":
            stylesheet_at("site/document.xsl") if fmt == "html" and site else stylesheet(fmt)
