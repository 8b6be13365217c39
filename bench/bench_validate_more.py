"""The tei_all and scaling parts of ``bench/bench_validate.py`` (run through it: ``--tei-all``, ``--scaling``)."""

from __future__ import annotations

import copy
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tei.namespaces import XML_ID, tei
from tei.validate import resolve, validate_bytes
from tei.validate.rules import Document, run_checks
from tei.xmlsafe import parse

SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()), ROOT.parent / "shared")
RNG = ROOT / "schemas" / "tei_all" / "tei_all.rng"
MEMO = ROOT / "tests" / "golden" / "frus1981-88v05-d256" / "expected.tei.xml"
PLAY = SHARED / "tei-wild" / "stylesheets-test-test14.xml"
TEI = str(Path(sys.executable).parent / "tei")


def seconds(run: Callable[[], object], repeat: int = 1) -> float:
    """Wall seconds of the fastest of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def process(*args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run(list(args), check=False, capture_output=True, env={**os.environ, **(env or {})})


def line(label: str, value: float) -> None:
    print(f"  {label:<62} {value:8.3f} s")


def tei_all_options(repeat: int, slow: bool, commands_only: bool = False) -> None:
    """Every way to check a memorandum (41 KB) and a book (560 KB) against tei_all."""
    import xmlschema

    if commands_only:
        _commands(repeat)
        return
    xsd = resolve("tei_all").path
    memo, play = parse(MEMO, collect_ids=False), parse(PLAY, collect_ids=False)
    print(f"tei_all: memorandum {MEMO.stat().st_size / 1e3:.0f} KB, book {PLAY.stat().st_size / 1e3:.0f} KB")
    for name, path in (("memorandum", MEMO), ("book", PLAY)):
        line(f"jing tei_all.rng, one process per file ({name})", seconds(lambda path=path: process("jing", str(RNG), str(path)), repeat))
    compiled: list[etree.XMLSchema] = []
    line("libxml2: compile trang's tei_all.xsd", seconds(lambda: compiled.append(etree.XMLSchema(etree.parse(str(xsd))))))
    line("libxml2: validate the memorandum", seconds(lambda: compiled[0].validate(memo), repeat))
    line("libxml2: validate the book", seconds(lambda: compiled[0].validate(play), repeat))
    built: list[xmlschema.XMLSchema10] = []
    line("xmlschema: build tei_all.xsd", seconds(lambda: built.append(xmlschema.XMLSchema10(str(xsd)))))
    sys.setrecursionlimit(20_000)
    data = pickle.dumps(built[0], protocol=pickle.HIGHEST_PROTOCOL)
    line(f"xmlschema: load the pickle ({len(data) / 1e6:.1f} MB)", seconds(lambda: pickle.loads(data), repeat))
    line("xmlschema: validate the memorandum", seconds(lambda: built[0].is_valid(memo), repeat))
    line("xmlschema: validate the book", seconds(lambda: built[0].is_valid(play), repeat))
    if slow:
        line("lxml RelaxNG: compile tei_all.rng", seconds(lambda: etree.RelaxNG(etree.parse(str(RNG)))))
    _commands(repeat)


def _commands(repeat: int) -> None:
    """``tei validate`` as a user runs it: a process, cold cache and warm, one file and a batch."""
    wild = sorted(str(p) for p in (SHARED / "tei-wild").glob("*.xml"))
    with tempfile.TemporaryDirectory() as cache:
        env = {"TEI_CACHE_DIR": cache}
        line("tei validate --schema tei_all memorandum (in memo, so valid TEI: no tei_all engine)",
             seconds(lambda: process(TEI, "validate", "--schema", "tei_all", str(MEMO), env=env)))
        line("tei validate --schema tei_all memorandum, again",
             seconds(lambda: process(TEI, "validate", "--schema", "tei_all", str(MEMO), env=env), repeat))
        other = SHARED / "tei-wild" / "stylesheets-test-test12.xml"
        line(f"tei validate --schema tei_all, TEI outside memo ({other.stat().st_size / 1e3:.0f} KB, no cached copy: jing)",
             seconds(lambda: process(TEI, "validate", "--schema", "tei_all", str(other), env={"TEI_CACHE_DIR": cache + "/x"})))
        line("tei validate --schema tei_all, the same, again",
             seconds(lambda: process(TEI, "validate", "--schema", "tei_all", str(other), env={"TEI_CACHE_DIR": cache + "/x"}),
                     repeat))
        line("tei validate memorandum (written by tei: memo customization)",
             seconds(lambda: process(TEI, "validate", str(MEMO), env=env), repeat))
        line(f"tei validate --schema tei_all, {len(wild)} TEI Consortium test files (0.8 MB)",
             seconds(lambda: process(TEI, "validate", "--schema", "tei_all", *wild, env=env)))
        line(f"tei validate --schema tei_all, the same {len(wild)} files twice (1.6 MB: one libxml2 compile)",
             seconds(lambda: process(TEI, "validate", "--schema", "tei_all", *wild, *wild, env=env)))
        line(f"jing tei_all.rng, the same {len(wild)} files in one process",
             seconds(lambda: process("jing", str(RNG), *wild)))


def memorandum_of(size: int, template: etree._Element) -> bytes:
    """A memorandum of about ``size`` bytes: the template's header, and its paragraphs repeated
    (ids dropped, pointers to the participants kept), with a page break every 20 paragraphs."""
    root = copy.deepcopy(template)
    body = root.find(f"{tei('text')}/{tei('body')}")
    assert body is not None
    paragraphs = [copy.deepcopy(p) for p in body.iter(tei("p"))]
    for p in paragraphs:
        for element in list(p.iter()):
            element.attrib.pop(XML_ID, None)
        for note in list(p.iter(tei("note"))):
            note.getparent().remove(note)  # type: ignore[union-attr]
    for child in list(body):
        body.remove(child)
    div = etree.SubElement(body, tei("div"), type="document")
    head = etree.SubElement(div, tei("head"))
    head.text = "Memorandum"
    count = 0
    while len(etree.tostring(root)) < size:
        for p in paragraphs[:50]:
            if count % 20 == 0:
                etree.SubElement(div, tei("pb"), n=str(count // 20 + 1))
            div.append(copy.deepcopy(p))
            count += 1
        if size < 50_000 and len(etree.tostring(root)) > size:
            break
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def scaling(template: etree._Element, repeat: int) -> None:
    """Time per KB of each stage of validation, 10 KB to 10 MB: linear means a flat column."""
    print("scaling (ms per KB; the XPath union is what the pointer rule ran before one walk):")
    print(f"  {'size':>9} {'parse':>8} {'libxml2':>8} {'rules':>8} {'union':>8} {'validate':>9}")
    union = "|".join(f"//@{name}" for name in ("ref", "who", "corresp", "target"))
    for size in (10_000, 100_000, 1_000_000, 10_000_000):
        data = memorandum_of(size, template)
        tree = parse(data, collect_ids=False)
        times = [seconds(lambda data=data: parse(data, collect_ids=False), repeat),
                 seconds(lambda tree=tree: __import__("tei.validate", fromlist=["x"]).libxml2_schema(
                     resolve("memo").path).validate(tree), repeat),
                 seconds(lambda tree=tree: run_checks(Document(tree)), repeat),
                 seconds(lambda tree=tree: tree.xpath(union), 1 if size > 1_000_000 else repeat),
                 seconds(lambda data=data: validate_bytes(data), repeat)]
        kilobytes = len(data) / 1000
        print(f"  {kilobytes:>7.0f}KB " + " ".join(f"{t * 1000 / kilobytes:8.3f}" for t in times[:4])
              + f" {times[4] * 1000 / kilobytes:9.3f}")
