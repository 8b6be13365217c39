"""Rendering speed: documents and printed pages per second, for HTML and for text.

    .venv/bin/python bench/bench_render.py [--seconds 3]

Input: the seed and the sample texts, converted once (not timed), plus the Office of the
Historian's TEI of the samples. Timed: ``render(tree, fmt)`` only, with the stylesheet already
compiled (the first call compiles it; that cost is reported apart). A document's printed pages
are its header's page range (biblScope from–to), else its page breaks + 1.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tei import convert_file
from tei.render import FORMATS, _cache, render, stylesheet

TEI = "{http://www.tei-c.org/ns/1.0}"


def printed_pages(tree: etree._ElementTree) -> int:
    """TEI tree → number of printed pages it spans."""
    scope = tree.find(f".//{TEI}teiHeader//{TEI}biblScope[@unit='page']")
    if scope is not None and scope.get("from", "").isdigit() and scope.get("to", "").isdigit():
        return int(scope.get("to", "0")) - int(scope.get("from", "0")) + 1
    return sum(1 for _ in tree.iter(f"{TEI}pb")) + 1


def corpus() -> list[tuple[str, etree._ElementTree]]:
    """(name, TEI tree) for every bundled document: converted texts and the OH TEI."""
    documents = []
    for path in [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests" / "samples").glob("*.txt"))]:
        documents.append((path.stem, etree.ElementTree(convert_file(path).tree)))
    for path in sorted((ROOT / "tests" / "samples").glob("*.xml")):
        documents.append((f"{path.stem} (OH TEI)", etree.parse(str(path))))
    return documents


def bench(documents: list[tuple[str, etree._ElementTree]], fmt: str, seconds: float) -> tuple[float, float, float]:
    """Render the corpus round after round for about ``seconds`` → (docs/s, pages/s, best ms per doc)."""
    pages = sum(printed_pages(tree) for _, tree in documents)
    rounds: list[float] = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or len(rounds) < 3:
        start = time.perf_counter()
        for _, tree in documents:
            render(tree, fmt)
        rounds.append(time.perf_counter() - start)
    median = statistics.median(rounds)
    return len(documents) / median, pages / median, min(rounds) / len(documents) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per format (default 3)")
    args = parser.parse_args()
    documents = corpus()
    pages = sum(printed_pages(tree) for _, tree in documents)
    print(f"corpus: {len(documents)} documents, {pages} printed pages "
          f"({', '.join(f'{name}: {printed_pages(tree)}' for name, tree in documents)})")
    for fmt in sorted(FORMATS):
        _cache.clear()
        start = time.perf_counter()
        stylesheet(fmt)
        compile_ms = (time.perf_counter() - start) * 1000
        docs_per_s, pages_per_s, best_ms = bench(documents, fmt, args.seconds)
        print(f"{fmt:5} {docs_per_s:8.1f} documents/s {pages_per_s:9.1f} printed pages/s "
              f"(best {best_ms:.2f} ms/document; compiling the stylesheet {compile_ms:.1f} ms)")


if __name__ == "__main__":
    main()
