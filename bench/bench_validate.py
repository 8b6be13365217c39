"""Validation benchmark: xmlschema vs libxml2 on schemas/memo.xsd, on one memo and on a large corpus;
the ways to validate against tei_all; the scaling of validation from 10 KB to 10 MB.

Usage::

    .venv/bin/python bench/bench_validate.py [--copies 300] [--repeat 5] [--tei-all] [--scaling] [--slow]

``--tei-all`` measures every way to check a document against tei_all (jing per run; libxml2
compiling trang's XSD; xmlschema building it, pickling it, loading the pickle; ``tei validate``
as a process, cold and with the cache; a batch of the TEI Consortium's test files); ``--slow``
adds lxml's RelaxNG of tei_all.rng. ``--scaling`` validates memoranda of 10 KB to 10 MB and
prints the time per KB of each stage, with the XPath union the pointer rule used to run.

Builds a ``teiCorpus`` of COPIES memoranda (the converter's TEI of the bundled memo and the
samples, in turn; every ``xml:id`` and ``#pointer`` renamed per copy so the corpus stays
valid), then reports, for the same XSD:

- schema compile time, xmlschema and libxml2 (``lxml.etree.XMLSchema``);
- validation time and ms per MB, for one memorandum and for the corpus, both engines;
- the semantic rules alone, and ``tei validate``'s own path (``validate_bytes``: libxml2
  decides, xmlschema explains only when invalid), on a valid corpus and on one with a
  single error near the end.

Times are the best of REPEAT runs (wall clock, ``time.perf_counter``). A script, not a test.
"""

from __future__ import annotations

import argparse
import copy
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import xmlschema
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tei.validate import RULES, XML_ID, Document, tei, validate_bytes
from tei.xmlsafe import parse

XSD = ROOT / "schemas" / "memo.xsd"
TEXTS = [ROOT / "seeds" / "frus1981-88v05-d256.txt", *sorted((ROOT / "tests" / "samples").glob("*.txt"))]
POINTERS = ("ref", "who", "corresp", "target")


def best(run: Callable[[], object], repeat: int) -> float:
    """Seconds of the fastest of ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def memoranda() -> list[etree._Element]:
    """The TEI roots to copy: the converter's output when it runs, else the hand-made contract example."""
    try:
        from tei import convert_bytes

        return [parse(convert_bytes(p.read_bytes(), p.name).xml).getroot() for p in TEXTS]
    except Exception as error:  # noqa: BLE001 - any converter failure: fall back, and say so
        print(f"(converter unavailable: {error}; using tests/valid/contract.xml)")
        return [parse(ROOT / "tests" / "valid" / "contract.xml").getroot()]


def renamed(root: etree._Element, prefix: str) -> etree._Element:
    """A copy of a TEI root with every xml:id and #pointer prefixed, so copies do not clash."""
    twin = copy.deepcopy(root)
    for element in twin.iter():
        if not isinstance(element.tag, str):
            continue
        if element.get(XML_ID):
            element.set(XML_ID, prefix + element.get(XML_ID, ""))
        for name in POINTERS:
            if element.get(name):
                element.set(name, re.sub(r"#(\S+)", rf"#{prefix}\1", element.get(name, "")))
    return twin


def corpus(units: list[etree._Element], copies: int) -> bytes:
    """COPIES memoranda in one teiCorpus, serialized (UTF-8)."""
    root = etree.Element(tei("teiCorpus"), nsmap={None: "http://www.tei-c.org/ns/1.0"})
    root.append(copy.deepcopy(units[0].find(tei("teiHeader"))))
    for k in range(copies):
        root.append(renamed(units[k % len(units)], f"c{k}-"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def row(label: str, seconds: float, size: int) -> None:
    megabytes = size / 1e6
    print(f"  {label:<44} {seconds * 1000:10.1f} ms   {seconds * 1000 / megabytes:9.1f} ms/MB")


def run_rules(tree: etree._ElementTree) -> list[list[object]]:
    """The six rules over one tree, sharing one Document (as validate_tree does)."""
    document = Document(tree)
    return [list(rule.check(document)) for rule in RULES]


def measure(label: str, data: bytes, fast: etree.XMLSchema, slow: xmlschema.XMLSchema10, repeat: int) -> None:
    """Print the time of each engine and stage on one valid input."""
    tree = parse(data, collect_ids=False)
    assert fast.validate(tree), fast.error_log
    print(f"{label}:")
    row("parse (xmlsafe)", best(lambda: parse(data, collect_ids=False), repeat), len(data))
    row("libxml2 XMLSchema.validate", best(lambda: fast.validate(tree), repeat), len(data))
    row("xmlschema iter_errors (all errors)", best(lambda: list(slow.iter_errors(tree)), repeat), len(data))
    row("semantic rules (all six)", best(lambda: run_rules(tree), repeat), len(data))
    row("tei validate path, valid file", best(lambda: validate_bytes(data), repeat), len(data))
    row("tei validate path, xmlschema forced", best(lambda: validate_bytes(data, engine="xmlschema"), repeat),
        len(data))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--tei-all", action="store_true", help="measure the ways to validate against tei_all")
    parser.add_argument("--scaling", action="store_true", help="validate 10 KB ... 10 MB memoranda")
    parser.add_argument("--slow", action="store_true", help="with --tei-all: also lxml's RelaxNG (10-20 s)")
    parser.add_argument("--commands", action="store_true", help="with --tei-all: only tei validate as a process")
    args = parser.parse_args()
    if args.tei_all or args.scaling:
        from bench_validate_more import scaling, tei_all_options

        if args.tei_all:
            tei_all_options(args.repeat, args.slow, args.commands)
        if args.scaling:
            scaling(memoranda()[0], args.repeat)
        return

    print(f"xmlschema {xmlschema.__version__}, lxml {etree.__version__} (libxml2 "
          f"{'.'.join(map(str, etree.LIBXML_VERSION))}), Python {sys.version.split()[0]}")
    compile_xmlschema = [best(lambda: xmlschema.XMLSchema10(str(XSD)), 1) for _ in range(args.repeat)]
    compile_libxml2 = [best(lambda: etree.XMLSchema(etree.parse(str(XSD))), 1) for _ in range(args.repeat)]
    print("schema compile (memo.xsd + xml.xsd), best / median:")
    print(f"  xmlschema  {min(compile_xmlschema) * 1000:8.1f} / {statistics.median(compile_xmlschema) * 1000:.1f} ms")
    print(f"  libxml2    {min(compile_libxml2) * 1000:8.2f} / {statistics.median(compile_libxml2) * 1000:.2f} ms")

    slow = xmlschema.XMLSchema10(str(XSD))
    fast = etree.XMLSchema(etree.parse(str(XSD)))
    units = memoranda()
    one = etree.tostring(units[0], xml_declaration=True, encoding="UTF-8")
    big = corpus(units, args.copies)
    invalid = big[: big.rindex(b"<p>")] + b'<p rend="nonsense">' + big[big.rindex(b"<p>") + 3:]

    measure(f"one memorandum ({len(one) / 1e3:.0f} KB)", one, fast, slow, args.repeat)
    measure(f"corpus of {args.copies} ({len(big) / 1e6:.2f} MB)", big, fast, slow, args.repeat)
    diagnostics = validate_bytes(invalid)
    assert [d.rule for d in diagnostics] == ["schema"], diagnostics
    print(f"corpus with one error near the end: {diagnostics[0].message[:70]}…")
    row("tei validate path (libxml2, then xmlschema)", best(lambda: validate_bytes(invalid), args.repeat), len(big))


if __name__ == "__main__":
    main()
