"""Benchmark of one memorandum's whole edition against the XML work that cannot be avoided.

Usage: ``python bench/bench_edition.py [--count 200] [--sizes 10,100,1000,10000] [--peers] [--json]``

Five measurements, each in a fresh Python process (``ru_maxrss`` only ever grows):

``edition``   per memorandum of a generated collection (bench/generate.py), in-process: convert,
              validate, HTML and text, against the **physical limit**: parsing the TEI bytes,
              serializing the tree and applying both stylesheets — the XML work any
              implementation of the same edition must do. The ratio is the figure to watch.
``scaling``   convert + validate of one memorandum of 10 KB … 10 MB (the generated memoranda of
              one volume joined into one body, so page and footnote numbers stay in order), then
              HTML and text: ms per KB for each stage and size, and peak memory.
``startup``   CPU time (user + system) of ``tei --help`` and of ``tei convert`` on a tiny file,
              each a new process, median of 10.
``collection``CPU per memorandum of the in-process edition for 100 and 400 memoranda: flat
              when nothing grows with the collection.
``peers``     (``--peers``) the same work done by the field's tools where installed: pandoc
              (text → TEI), the TEI Consortium's Stylesheets through saxonche (TEI → HTML),
              jing and xmlschema (validation).

Numbers are medians; the load average is printed with each, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate

STYLESHEETS = Path(os.environ.get("TEI_STYLESHEETS", ROOT.parent / "shared" / "tei-stylesheets"))


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def collection(count: int) -> list[bytes]:
    return [text.encode("utf-8") for _name, text in generate(count=count, seed=1)]


def edition_per_document(texts: list[bytes]) -> dict[str, float]:
    """ms per memorandum: the edition, and the physical limit on the same documents."""
    from lxml import etree

    from tei import convert_bytes
    from tei.render import render, stylesheet

    html, text = stylesheet("html"), stylesheet("text")
    outputs = [convert_bytes(data, validate=True).xml for data in texts[:5]]  # warm caches
    del outputs
    start = _cpu()
    produced = []
    for data in texts:
        conversion = convert_bytes(data, validate=True)
        render(conversion.tree, "html")
        render(conversion.tree, "text")
        produced.append(conversion.xml)
    edition = (_cpu() - start) * 1000 / len(texts)
    start = _cpu()
    for xml in produced:
        tree = etree.fromstring(xml)
        etree.tostring(tree, encoding="utf-8")
        bytes(html(tree))
        str(text(tree))
    limit = (_cpu() - start) * 1000 / len(texts)
    return {"edition_ms": edition, "limit_ms": limit, "ratio": edition / limit, "documents": len(texts),
            "peak_mb": _peak_mb()}


def joined_memorandum(kilobytes: int) -> bytes:
    """One memorandum of about ``kilobytes`` KB: one volume's memoranda as the sections of one body.

    The first memorandum gives the title, participants and footnotes (kept at the end); the
    others give their bodies without footnote numbers, with pages renumbered to keep increasing.
    """
    texts = generate(count=100_000, seed=1, per_volume=100_000)
    _name, first = next(texts)
    body, notes = _split_notes(first)
    parts = [body]
    size = len(first)
    page = max((int(n) for n in re.findall(r"\[Page (\d+)\]", body)), default=1)
    for _name, text in texts:
        if size >= kilobytes * 1024:
            break
        more, page = _renumber(_strip_references(_split_notes(_body_of(text))[0]), page)
        parts.append(more)
        size += len(more)
    return ("\n\n\n".join(parts) + "\n\n" + notes).encode("utf-8")


def _split_notes(text: str) -> tuple[str, str]:
    """(text before the footnote lines at the end, the footnote lines)."""
    lines = text.rstrip("\n").split("\n")
    end = len(lines)
    while end > 0 and (re.match(r"\s+\d+\. ", lines[end - 1]) or not lines[end - 1].strip()):
        end -= 1
    return "\n".join(lines[:end]), "\n".join(lines[end:]).strip("\n") + "\n"


def _body_of(text: str) -> str:
    """What follows the participants: from the first page marker or section break on."""
    index = text.find("\n\n\n")
    return text[index + 3:] if index >= 0 else text


def _strip_references(body: str) -> str:
    return re.sub(r"(?<=[a-z.,;”])\d{1,2}(?=\s|$)", "", body)


def _renumber(body: str, page: int) -> tuple[str, int]:
    def next_page(_match: re.Match[str]) -> str:
        nonlocal page
        page += 1
        return f"[Page {page}]"

    return re.sub(r"\[Page \d+\]", next_page, body), page


def scaling(path: str) -> dict[str, float]:
    from tei import convert_bytes
    from tei.render import render

    data = Path(path).read_bytes()
    start = _cpu()
    conversion = convert_bytes(data, validate=False)
    convert_s = _cpu() - start
    from tei.converter import validate_conversion

    start = _cpu()
    problems = validate_conversion(conversion)
    validate_s = _cpu() - start
    start = _cpu()
    render(conversion.tree, "html")
    html_s = _cpu() - start
    start = _cpu()
    render(conversion.tree, "text")
    text_s = _cpu() - start
    size = len(data) / 1024
    return {"kb": round(size), "convert_ms_per_kb": convert_s * 1000 / size,
            "validate_ms_per_kb": validate_s * 1000 / size, "html_ms_per_kb": html_s * 1000 / size,
            "text_ms_per_kb": text_s * 1000 / size, "convert_validate_s": convert_s + validate_s,
            "problems": len(problems), "peak_mb": _peak_mb()}


def startup(runs: int = 10) -> dict[str, float]:
    tei = shutil.which("tei") or str(Path(sys.executable).parent / "tei")
    with tempfile.TemporaryDirectory() as folder:
        tiny = Path(folder) / "tiny.txt"
        tiny.write_text("1. Memorandum of Conversation\n\nWashington, May 1, 1980\n\nAble said hello.\n",
                        encoding="utf-8")
        figures = {}
        for label, command in (("help", [tei, "--help"]), ("convert", [tei, "convert", str(tiny), "-q"])):
            times = []
            for _ in range(runs):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                times.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
            figures[f"{label}_cpu_ms"] = statistics.median(times)
    return figures


def peers(texts: list[bytes]) -> dict[str, float]:
    """The field's tools on the same work, where they are installed (ms per memorandum)."""
    from tei import convert_bytes

    figures: dict[str, float] = {}
    sample = texts[:20]
    xml = [convert_bytes(data).xml for data in sample]
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, (data, tei_bytes) in enumerate(zip(sample, xml)):
            (Path(folder) / f"{index}.txt").write_bytes(data)
            (Path(folder) / f"{index}.xml").write_bytes(tei_bytes)
            paths.append(Path(folder) / f"{index}")
        if shutil.which("pandoc"):
            start = time.perf_counter()
            for path in paths:
                subprocess.run(["pandoc", "-f", "markdown", "-t", "tei", str(path) + ".txt"], check=True,
                               stdout=subprocess.DEVNULL)
            figures["pandoc_text_to_tei_ms"] = (time.perf_counter() - start) * 1000 / len(paths)
        if shutil.which("jing"):
            start = time.perf_counter()
            subprocess.run(["jing", str(ROOT / "schemas" / "tei_all.rng") if (ROOT / "schemas" / "tei_all.rng")
                            .exists() else str(ROOT.parent / "shared" / "tei-all" / "tei_all.rng"),
                            *[str(path) + ".xml" for path in paths]], check=False, stdout=subprocess.DEVNULL)
            figures["jing_tei_all_ms"] = (time.perf_counter() - start) * 1000 / len(paths)
        try:
            import xmlschema

            schema = xmlschema.XMLSchema10(str(ROOT / "schemas" / "memo.xsd"))
            start = time.perf_counter()
            for path in paths:
                schema.is_valid(str(path) + ".xml")
            figures["xmlschema_memo_ms"] = (time.perf_counter() - start) * 1000 / len(paths)
        except Exception as error:  # noqa: BLE001 - a peer that fails is reported, not fatal
            figures["xmlschema_error"] = str(error)  # type: ignore[assignment]
        figures.update(_stylesheets(paths))
    return figures


def _stylesheets(paths: list[Path]) -> dict[str, float]:
    entry = STYLESHEETS / "html" / "html.xsl"
    try:
        from saxonche import PySaxonProcessor
    except ImportError:
        return {}
    if not entry.exists():
        return {}
    with PySaxonProcessor(license=False) as processor:
        xslt = processor.new_xslt30_processor()
        executable = xslt.compile_stylesheet(stylesheet_file=str(entry))
        executable.transform_to_string(source_file=str(paths[0]) + ".xml")
        start = time.perf_counter()
        for path in paths:
            executable.transform_to_string(source_file=str(path) + ".xml")
        return {"tei_stylesheets_html_ms": (time.perf_counter() - start) * 1000 / len(paths)}


def _child(measurement: str, argument: str) -> dict[str, object]:
    output = subprocess.run([sys.executable, __file__, "--child", measurement, argument],
                            check=True, capture_output=True, text=True).stdout
    result: dict[str, object] = json.loads(output)
    result["load"] = round(os.getloadavg()[0], 2)
    return result


def run_child(measurement: str, argument: str) -> dict[str, object]:
    if measurement == "edition":
        return dict(edition_per_document(collection(int(argument))))
    if measurement == "scaling":
        return dict(scaling(argument))
    if measurement == "peers":
        return dict(peers(collection(int(argument))))
    raise SystemExit(f"unknown measurement {measurement}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--sizes", default="10,100,1000,10000", help="KB, comma-separated")
    parser.add_argument("--peers", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        print(json.dumps(run_child(*options.child)))
        return 0
    results: dict[str, object] = {"edition": _child("edition", str(options.count))}
    results["collection"] = [_child("edition", str(n)) for n in (100, 400)]
    with tempfile.TemporaryDirectory() as folder:
        results["scaling"] = []
        for size in options.sizes.split(","):
            path = Path(folder) / f"{size}.txt"
            path.write_bytes(joined_memorandum(int(size)))
            results["scaling"].append(_child("scaling", str(path)))  # type: ignore[attr-defined]
    results["startup"] = startup()
    if options.peers:
        results["peers"] = _child("peers", "20")
    print(json.dumps(results, indent=2) if options.json else _markdown(results))
    return 0


def _markdown(results: dict[str, object]) -> str:
    edition = results["edition"]
    assert isinstance(edition, dict)
    lines = ["| measure | value |", "|---|---|",
             f"| edition per memorandum (convert+validate+HTML+text) | {edition['edition_ms']:.2f} ms |",
             f"| physical limit (parse+serialize+both stylesheets) | {edition['limit_ms']:.2f} ms |",
             f"| ratio | **{edition['ratio']:.2f}×** (target ≤ 2×) |"]
    for row in results["collection"]:  # type: ignore[attr-defined]
        lines.append(f"| edition, collection of {row['documents']} | {row['edition_ms']:.2f} ms/doc, "
                     f"peak {row['peak_mb']:.0f} MB |")
    for key, value in results["startup"].items():  # type: ignore[attr-defined]
        lines.append(f"| {key} | {value:.0f} |")
    lines += ["", "| KB | convert ms/KB | validate ms/KB | HTML ms/KB | text ms/KB | convert+validate s | peak MB |",
              "|---|---|---|---|---|---|---|"]
    for row in results["scaling"]:  # type: ignore[attr-defined]
        lines.append(f"| {row['kb']} | {row['convert_ms_per_kb']:.3f} | {row['validate_ms_per_kb']:.3f} | "
                     f"{row['html_ms_per_kb']:.3f} | {row['text_ms_per_kb']:.3f} | "
                     f"{row['convert_validate_s']:.2f} | {row['peak_mb']:.0f} |")
    if "peers" in results:
        lines += ["", "| peer | ms per memorandum |", "|---|---|"]
        lines += [f"| {key} | {value} |" for key, value in results["peers"].items()]  # type: ignore[attr-defined]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
