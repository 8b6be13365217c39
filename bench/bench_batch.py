"""Benchmark of tei on a generated collection: each stage and the whole batch, with 1 and 2 jobs.

Usage: ``python bench/bench_batch.py [--count 500] [--seed 1] [--jobs 1,2] [--repeat 3]
[--sizes 500,2000] [--corpus] [--site-cost] [--batch-only] [--profile] [--keep DIR]``

    generate the collection (bench/generate.py) → make its TEI once (untimed, for the stages that read TEI)
    → for each stage and each --jobs: one fresh Python process measures it → a Markdown table on stdout

Stages (each reads its input files, as the command that does it would):

=================  =====================================================================
``convert``        ``*.txt`` → ``convert_bytes`` (text → TEI tree and bytes, not validated)
``validate``       ``*.tei.xml`` → ``validate_bytes`` (parse, libxml2 XSD, the rules)
``render-html``    ``*.tei.xml`` → ``render_file(…, "html")`` (parse, XSLT)
``render-text``    ``*.tei.xml`` → ``render_file(…, "text")``
``batch``          ``tei batch IN -o OUT`` through the CLI: convert + validate + HTML + text,
                   writing every output, the edition site and report.json
``batch-without-`` the same run through ``run_batch(…, site=False)`` (``--site-cost``): plain
``site``           HTML pages, no site pages, no search data — what the site costs is the difference
=================  =====================================================================

For each: documents/s and MB/s of input over the wall-clock time (process start-up, pool and
stylesheet compilation included), CPU ms per document (user + system of the process and its
workers: the figure that does not depend on what else the machine runs), and peak resident
memory (``ru_maxrss``) of the measuring process and of its largest worker. Each measurement
runs in its own process because ``ru_maxrss`` only ever grows. The load average is printed:
this is a shared machine. ``tei --help`` is timed as a cold command (median of 10).

``--profile`` prints where the time goes: the CPU time of each step of the conversion (and
each resolve pass), validation and rendering, on 200 documents without a profiler; then
cProfile over one worker's work (``tei.apps.batch.process_file``) on 100 documents, by module and
by function (the profiler slows Python code more than C, so its shares overstate Python).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STAGES = ("convert", "validate", "render-html", "render-text")


# ---------------------------------------------------------------------------- one measurement (child process)


def _convert(path: str) -> int:
    from tei.converter import convert_bytes

    data = Path(path).read_bytes()
    convert_bytes(data, path)
    return len(data)


def _validate(path: str) -> int:
    from tei.validate import validate_bytes

    data = Path(path).read_bytes()
    if validate_bytes(data, path):
        raise RuntimeError(f"{path}: not valid")
    return len(data)


def _render(path: str, to: str) -> int:
    from tei.render import render_file

    data = Path(path).read_bytes()
    render_file(data, to, path)
    return len(data)


def _render_html(path: str) -> int:
    return _render(path, "html")


def _render_text(path: str) -> int:
    return _render(path, "text")


STAGE_FUNCTIONS: dict[str, Callable[[str], int]] = {
    "convert": _convert, "validate": _validate, "render-html": _render_html, "render-text": _render_text}


def _usage() -> dict[str, float]:
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu": me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime,
            "rss_self_mb": me.ru_maxrss / 1024, "rss_children_mb": children.ru_maxrss / 1024}


def measure_stage(stage: str, files: list[str], jobs: int) -> dict[str, object]:
    """One stage over the files with ``jobs`` processes → the figures (see the module docstring)."""
    function = STAGE_FUNCTIONS[stage]
    started, cpu = time.perf_counter(), _usage()["cpu"]
    if jobs == 1:
        total = sum(function(path) for path in files)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            total = sum(pool.map(function, files, chunksize=8))
    wall = time.perf_counter() - started
    usage = _usage()
    return {"stage": stage, "jobs": jobs, "documents": len(files), "bytes": total, "seconds": wall,
            "cpu_seconds": usage["cpu"] - cpu, "rss_self_mb": usage["rss_self_mb"],
            "rss_children_mb": usage["rss_children_mb"], "load": os.getloadavg()[0]}


def measure_batch(source: str, target: str, jobs: int, corpus: str | None, site: bool = True) -> dict[str, object]:
    """``tei batch`` through the CLI, in this process → the figures. Without ``site``: the same
    run through the library with the site left out (plain HTML pages, no site pages), to
    measure what the site costs."""
    from tei.apps.batch import plan_batch, run_batch
    from tei.cli import main

    files = list(Path(source).rglob("*.txt"))
    size = sum(path.stat().st_size for path in files)
    arguments = ["batch", source, "-o", target, "--jobs", str(jobs), "-q"]
    if corpus:
        arguments += ["--corpus", corpus]
    started, cpu = time.perf_counter(), _usage()["cpu"]
    stderr, sys.stderr = sys.stderr, io.StringIO()
    try:
        if site:
            code = main(arguments, standalone_mode=False)
        else:
            summary = run_batch(plan_batch(source, target), jobs=jobs, site=False)
            code = 1 if summary.failed else 0
    finally:
        sys.stderr = stderr
    wall = time.perf_counter() - started
    usage = _usage()
    report = json.loads((Path(target) / "report.json").read_text(encoding="utf-8"))
    stage = "batch+corpus" if corpus else "batch" if site else "batch-without-site"
    return {"stage": stage, "jobs": jobs, "documents": len(files), "bytes": size,
            "seconds": wall, "cpu_seconds": usage["cpu"] - cpu, "rss_self_mb": usage["rss_self_mb"],
            "rss_children_mb": usage["rss_children_mb"], "load": os.getloadavg()[0], "exit": code,
            "failed": report["summary"]["failed"]}


# ---------------------------------------------------------------------------- the driver


def _child(*arguments: str) -> dict[str, object]:
    """Run one measurement in a fresh interpreter → its figures."""
    output = subprocess.run([sys.executable, __file__, *arguments], check=True, capture_output=True, text=True)
    result = json.loads(output.stdout.strip().splitlines()[-1])
    assert isinstance(result, dict)
    return result


def _row(result: dict[str, object]) -> str:
    documents, seconds = float(result["documents"]), float(result["seconds"])  # type: ignore[arg-type]
    megabytes = float(result["bytes"]) / 1e6  # type: ignore[arg-type]
    cpu_ms = float(result["cpu_seconds"]) / documents * 1000  # type: ignore[arg-type]
    workers = float(result["rss_children_mb"])  # type: ignore[arg-type]
    return (f"| {result['stage']} | {result['jobs']} | {int(documents)} | {documents / seconds:.1f} | "
            f"{megabytes / seconds:.2f} | {cpu_ms:.1f} | {float(result['rss_self_mb']):.0f} | "  # type: ignore[arg-type]
            f"{'–' if workers == 0 else f'{workers:.0f}'} | {float(result['load']):.1f} |")  # type: ignore[arg-type]


HEADER = ("| stage | jobs | docs | docs/s | MB/s | CPU ms/doc | peak MB (main) | peak MB (worker) | load |\n"
          "|---|---|---|---|---|---|---|---|---|")


def startup(runs: int = 10) -> tuple[float, float]:
    """``tei --help`` as a fresh command, ``runs`` times → (median, best) in seconds."""
    command = [str(Path(sys.executable).parent / "tei"), "--help"]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def steps(files: list[str]) -> str:
    """CPU time of each step of the conversion and of each resolve pass, without a profiler → a table.

    The profiler's overhead falls mostly on Python code, so its shares overstate it; these
    figures are the steps' own cost (``time.process_time`` around each call).
    """
    from tei import converter as conversion
    from tei.render import render
    from tei.resolve import build_passes
    from tei.validate import validate_bytes

    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: object, **kwargs: object) -> object:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - started
        return wrapper

    originals = {name: getattr(conversion, name) for name in ("read", "recognize", "encode", "indent")}
    passes = build_passes()
    for name, priority, _summary in passes.listing():
        passes.register(timed(f"convert: resolve: {name}", passes[name]), name, priority)
    timed_converter = conversion.Converter(passes=passes)
    try:
        for name, function in originals.items():
            setattr(conversion, name, timed(f"convert: {name}", function))
        datas = [(path, Path(path).read_bytes()) for path in files]
        timed_converter.convert_bytes(datas[0][1])
        spent.clear()
        for path, data in datas:
            result = timed_converter.convert_bytes(data, path)
            started = time.process_time()
            xml = result.xml
            spent["serialize"] += time.process_time() - started
            started = time.process_time()
            validate_bytes(xml, path)
            spent["validate"] += time.process_time() - started
            for to in ("html", "text"):
                started = time.process_time()
                render(result.tree, to)
                spent[f"render {to}"] += time.process_time() - started
    finally:
        for name, function in originals.items():
            setattr(conversion, name, function)
    total = sum(spent.values())
    lines = [f"CPU time by step, {len(files)} documents, no profiler ({total / len(files) * 1000:.1f} ms/doc):", ""]
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        lines.append(f"  {seconds / total:6.1%}  {seconds / len(files) * 1000:6.2f} ms/doc  {name}")
    return "\n".join(lines)


def profile(files: list[str], top: int = 25) -> str:
    """cProfile over ``process_file`` (convert, validate, render, write) → where the time goes."""
    from tei.apps.batch import Settings, Task, process_file, warm_up

    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings(scratch, ("tei", "html", "text"))
        warm_up(settings.formats)
        # CPU time, not wall time: the machine may be busy with other work.
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for index, path in enumerate(files):
            process_file(Task(index, path, f"d{index}"), settings)
        profiler.disable()
    stats = pstats.Stats(profiler)
    by_module: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "/tei/" in filename:
            key = "tei/" + filename.split("/tei/")[-1]
        elif filename.startswith("~") or filename == "<built-in>":
            key = "builtins and C (re, lxml, libxslt)"
        else:
            key = "stdlib: " + "/".join(Path(filename).parts[-2:])  # re/_parser.py, not _parser.py
        by_module[key] += tottime
    total = sum(by_module.values())
    lines = [f"Own time by module, {len(files)} documents, {total:.2f} s under the profiler:", ""]
    for key, seconds in sorted(by_module.items(), key=lambda item: -item[1])[:15]:
        lines.append(f"  {seconds / total:6.1%}  {seconds / len(files) * 1000:6.2f} ms/doc  {key}")
    out = io.StringIO()
    stats.stream = out  # type: ignore[attr-defined]
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return "\n".join(lines) + "\n\n" + out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=500, help="memoranda in the collection (default 500)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", default="1,2", help="comma-separated job counts (default 1,2)")
    parser.add_argument("--sizes", default="", help="also run the whole batch (2 jobs) on collections of these sizes")
    parser.add_argument("--corpus", action="store_true", help="also run the batch with --corpus (2 jobs)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the per-file work")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the whole batch this many times per --jobs (a shared machine's load varies)")
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    parser.add_argument("--site-cost", action="store_true",
                        help="also run the batch without the site (2 jobs), alternating with --repeat runs with it")
    parser.add_argument("--batch-only", action="store_true", help="skip the per-stage measurements")
    # One measurement, in a child process (used by the driver).
    parser.add_argument("--measure-stage", help=argparse.SUPPRESS)
    parser.add_argument("--measure-batch", nargs=2, metavar=("IN", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--files", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--with-corpus", help=argparse.SUPPRESS)
    parser.add_argument("--without-site", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.measure_stage:
        files = args.files.read_text(encoding="utf-8").split("\n")
        print(json.dumps(measure_stage(args.measure_stage, files, int(args.jobs))))
        return 0
    if args.measure_batch:
        source, target = args.measure_batch
        print(json.dumps(measure_batch(source, target, int(args.jobs), args.with_corpus, not args.without_site)))
        return 0

    sys.path.insert(0, str(HERE))
    import generate

    jobs_list = [int(j) for j in args.jobs.split(",")]
    work = args.keep or Path(tempfile.mkdtemp(prefix="tei-bench-"))

    def make_collection(count: int) -> Path:
        folder = work / f"in-{count}"
        if not folder.is_dir():
            for relative, text in generate.generate(count, args.seed):
                (folder / relative).parent.mkdir(parents=True, exist_ok=True)
                (folder / relative).write_text(text, encoding="utf-8")
        return folder

    source = make_collection(args.count)
    texts = sorted(str(p) for p in source.rglob("*.txt"))
    size = sum(Path(p).stat().st_size for p in texts)
    print(f"collection: {len(texts)} memoranda, {size / 1e6:.2f} MB ({size / len(texts) / 1000:.1f} kB each), "
          f"seed {args.seed}, in {source}", file=sys.stderr)
    tei_dir = work / f"tei-{args.count}"
    if not tei_dir.is_dir():
        _child("--measure-batch", str(source), str(tei_dir), "--jobs", "2")
    teis = sorted(str(p) for p in tei_dir.rglob("*.tei.xml"))
    lists = {"txt": work / "texts.list", "tei": work / "teis.list"}
    lists["txt"].write_text("\n".join(texts), encoding="utf-8")
    lists["tei"].write_text("\n".join(teis), encoding="utf-8")

    results = []
    for stage in () if args.batch_only else STAGES:
        for jobs in jobs_list:
            listing = lists["txt"] if stage == "convert" else lists["tei"]
            results.append(_child("--measure-stage", stage, "--files", str(listing), "--jobs", str(jobs)))
            print(_row(results[-1]), file=sys.stderr)
    for _ in range(args.repeat):
        for jobs in jobs_list:
            out = work / f"out-{args.count}-{jobs}"
            if out.exists():
                shutil.rmtree(out)  # every run writes everything
            results.append(_child("--measure-batch", str(source), str(out), "--jobs", str(jobs)))
            print(_row(results[-1]), file=sys.stderr)
        if args.site_cost:
            out = work / f"out-{args.count}-no-site"
            if out.exists():
                shutil.rmtree(out)
            results.append(_child("--measure-batch", str(source), str(out), "--jobs", "2", "--without-site"))
            print(_row(results[-1]), file=sys.stderr)
    if args.corpus:
        out = work / f"out-{args.count}-corpus"
        results.append(_child("--measure-batch", str(source), str(out), "--jobs", "2",
                              "--with-corpus", str(out / "corpus.xml")))
        print(_row(results[-1]), file=sys.stderr)
    for count in (int(c) for c in args.sizes.split(",") if c):
        folder = make_collection(count)
        results.append(_child("--measure-batch", str(folder), str(work / f"out-{count}-2"), "--jobs", "2"))
        print(_row(results[-1]), file=sys.stderr)

    median, best = startup()
    print(HEADER)
    for result in results:
        print(_row(result))
    print(f"\n`tei --help`: median {median * 1000:.0f} ms, best {best * 1000:.0f} ms (10 runs)")
    failed = [r for r in results if r.get("failed")]
    if failed:
        print(f"\nWARNING: files failed in {len(failed)} batch runs", file=sys.stderr)
    if args.profile:
        print("\n" + steps(texts[:200]))
        print("\n" + profile(texts[:100]))
    if args.keep is None:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
