"""Planning a batch: folders and formats → a :class:`BatchPlan`, or a refusal before anything is written.

    INPUT_DIR, OUTPUT_DIR, formats, corpus → inputs (``*.txt``, sorted) → checks → BatchPlan

A run is refused (:class:`BatchUsageError`, exit 2) when it would destroy an input: the
output folder is the input folder and text is rendered, an input lies inside the output
folder (``tei batch in -o in/vol2`` with ``in/vol2/a.txt``), or ``--corpus`` names an input
or a file the run writes. Symbolic links that lead out of the input folder are skipped with a
warning (:attr:`BatchPlan.warnings`): a folder of memoranda should not make the run read
``/etc/passwd``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from tei.apps.files import printable
from tei.errors import BatchError, BatchUsageError, TeiError

__all__ = ["DEFAULT_FORMATS", "FORMATS", "RESERVED", "BatchError", "BatchPlan", "BatchUsageError", "Task",
           "jobs_for", "output_path", "parse_formats", "plan_batch"]

#: Output format → the suffix that replaces ``.txt`` in the output file's name.
FORMATS: dict[str, str] = {"tei": ".tei.xml", "html": ".html", "text": ".txt"}
# What people type for these formats.
_ALIASES = {"xml": "tei", "txt": "text"}
DEFAULT_FORMATS = ("tei", "html", "text")
#: What the run writes itself in the output folder (files, and folders ending in "/").
RESERVED = ("index.html", "by-date.html", "persons.html", "search.html", "report.json", "persons/", "_site/")


@dataclass(frozen=True)
class Task:
    """One input file: its path as the user will read it, and its output name.

    ``name`` is the path relative to the input folder, POSIX style, without ``.txt``:
    ``INPUT/vol01/d001.txt`` → ``vol01/d001`` → ``OUTPUT/vol01/d001.tei.xml``.
    """

    index: int
    source: str
    name: str
    # The names of the documents before and after it, for the site's links.
    previous: str = ""
    next: str = ""


@dataclass
class BatchPlan:
    """A run, decided before it starts: the inputs in order, the formats that can be made,
    those that were asked for but cannot (format → why), and warnings about skipped inputs."""

    input_dir: Path
    output_dir: Path
    tasks: list[Task]
    formats: tuple[str, ...]
    skipped: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def output_path(output_dir: str | Path, name: str, fmt: str) -> Path:
    """Output folder, name, format → file: ``("out", "vol01/d001", "html")`` → ``out/vol01/d001.html``."""
    return Path(output_dir, *PurePosixPath(name).parts[:-1], PurePosixPath(name).name + FORMATS[fmt])


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


def _is_inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _earlier_outputs(target: Path) -> set[Path]:
    """The files an earlier run listed in ``target/report.json`` (absolute paths)."""
    try:
        report = json.loads((target / "report.json").read_text(encoding="utf-8"))
        return {(target / path).resolve() for entry in report["files"] for path in entry["outputs"].values()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return set()


def _find_inputs(source_root: Path, target_abs: Path, warnings: list[str]) -> list[tuple[str, Path]]:
    """Every ``*.txt`` under the input folder that is an input: not an earlier run's output,
    not a link leading out of the folder. Refuses an input the run could overwrite."""
    source_abs = source_root.resolve()
    separate = source_abs != target_abs
    earlier: set[Path] | None = None
    found = []
    for path in source_root.rglob("*.txt"):
        resolved = path.resolve()
        if not _is_inside(resolved, source_abs):
            warnings.append(f"warning: {printable(str(path))}: skipped: a link to {printable(str(resolved))}, "
                            "outside the input folder")
            continue
        if not path.is_file():
            continue
        if separate and (_is_inside(path.absolute(), target_abs) or _is_inside(resolved, target_abs)):
            if earlier is None:
                earlier = _earlier_outputs(target_abs)
            if resolved not in earlier:
                raise BatchUsageError(f"{printable(str(path))}: this input lies inside the output folder "
                                      f"{target_abs}, where the run could overwrite it; choose an output "
                                      "folder that holds no input")
            continue  # an earlier run's text rendering, not a memorandum
        found.append((path.relative_to(source_root).with_suffix("").as_posix(), path))
    found.sort()
    return found


def _check_corpus(corpus: Path, tasks: list[Task], target_abs: Path, formats: Iterable[str]) -> None:
    """``--corpus`` must not name an input or a file the run writes."""
    where = corpus.resolve()
    written = {(target_abs / name).resolve() for name in RESERVED if not name.endswith("/")}
    inputs = {Path(task.source).resolve() for task in tasks}
    outputs = {output_path(target_abs, task.name, fmt).resolve() for task in tasks for fmt in formats}
    if where in inputs:
        raise BatchUsageError(f"--corpus {corpus}: this is one of the inputs; choose another file")
    if where in written or where in outputs or any(where.parent == (target_abs / name).resolve()
                                                   for name in RESERVED if name.endswith("/")):
        raise BatchUsageError(f"--corpus {corpus}: the run writes this file itself; choose another file")
    if where.is_dir():
        raise BatchUsageError(f"--corpus {corpus}: this is a folder; name a file")


def plan_batch(input_dir: str | Path, output_dir: str | Path, formats: Iterable[str] = DEFAULT_FORMATS,
               corpus: str | Path | None = None) -> BatchPlan:
    """Folders and formats → a :class:`BatchPlan`; raises :class:`BatchError` when the run cannot
    be made and :class:`BatchUsageError` when it would destroy an input.

    Every ``*.txt`` under ``input_dir`` is an input, sorted by its relative path; the text
    renderings of an earlier run into a folder inside the input are not.
    """
    from tei.render import stylesheet

    source_root, target_root = Path(input_dir), Path(output_dir)
    if not source_root.is_dir():
        raise BatchError(f"{source_root}: not a folder")
    source_abs, target_abs = source_root.resolve(), target_root.resolve()
    wanted = tuple(formats)
    if source_abs == target_abs and "text" in wanted:
        raise BatchUsageError(f"{target_root}: the output folder is the input folder, so the text renderings "
                              "(NAME.txt) would overwrite the inputs; choose another output folder")
    warnings: list[str] = []
    found = _find_inputs(source_root, target_abs, warnings)
    names = [name for name, _ in found]
    tasks = [Task(index, str(path), name, names[index - 1] if index else "",
                  names[index + 1] if index + 1 < len(names) else "") for index, (name, path) in enumerate(found)]
    if corpus is not None:
        _check_corpus(Path(corpus), tasks, target_abs, wanted)
    usable, skipped = [], {}
    for fmt in wanted:
        if fmt != "tei":
            try:
                stylesheet(fmt)
            except TeiError as error:
                skipped[fmt] = str(error)
                continue
        usable.append(fmt)
    return BatchPlan(source_root, target_root, tasks, tuple(usable), skipped, warnings)


def jobs_for(plan: BatchPlan, wanted: int | None) -> int:
    """Worker processes for a run: what was asked (or one per CPU), never more than the CPUs
    or the files — a worker more than either only adds start-up and switching."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(wanted or cpus, cpus, len(plan.tasks)))
