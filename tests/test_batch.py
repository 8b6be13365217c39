"""tei batch: a folder of memoranda → outputs, index.html, report.json, a teiCorpus; failures reported, not fatal.

Small inputs only (the bundled memoranda, a few generated ones); the measurements are in bench/.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner
from lxml import etree
from teitext import ROOT

from tei import convert_file
from tei import render as render_module
from tei.apps.batch import Outcome, Progress, plan_batch, run_batch
from tei.cli import main

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SEED = ROOT / "seeds" / "frus1981-88v05-d256.txt"
SAMPLES = ROOT / "tests" / "samples"


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    # The TEI records the day it was converted; two runs must not straddle midnight.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    """Three memoranda (one in a subfolder) and a file that is not a memorandum."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(SAMPLES / "frus1981-88v05_d257.txt", folder / "sub" / "frus1981-88v05_d257.txt")
    shutil.copy(SAMPLES / "frus1964-68v14_d114.txt", folder / "sub" / "frus1964-68v14_d114.txt")
    (folder / "broken.txt").write_bytes(b"\x00\x01 not a memorandum")
    return folder


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr


def load_report(folder: Path) -> dict[str, object]:
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert isinstance(report, dict)
    return report


def files_of(report: dict[str, object]) -> dict[str, dict[str, object]]:
    files = report["files"]
    assert isinstance(files, list)
    return {entry["name"]: entry for entry in files}


def test_a_broken_file_is_reported_and_the_others_are_written(collection: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stderr = run("batch", str(collection), "-o", str(out), "--jobs", "2")
    assert code == 1
    assert "broken.txt: failed: " in stderr and "binary file" in stderr
    assert "4 files" in stderr and "3 converted, 1 failed" in stderr
    report = files_of(load_report(out))
    assert list(report) == ["broken", "frus1981-88v05-d256", "sub/frus1964-68v14_d114", "sub/frus1981-88v05_d257"]
    broken = report["broken"]
    assert broken["status"] == "failed" and broken["outputs"] == {}
    assert any("binary file" in error for error in broken["errors"])  # type: ignore[union-attr]
    assert not list(out.glob("broken*"))
    for name in ("frus1981-88v05-d256", "sub/frus1964-68v14_d114", "sub/frus1981-88v05_d257"):
        entry = report[name]
        assert entry["status"] == "ok" and entry["errors"] == []
        assert set(entry["timings_ms"]) >= {"convert", "validate", "render_html", "render_text", "write"}  # type: ignore[arg-type]
        for suffix in (".tei.xml", ".html", ".txt"):
            assert (out / (name + suffix)).stat().st_size > 0
    assert load_report(out)["summary"]["failed"] == 1  # type: ignore[index]


def test_home_page_links_every_document_and_its_outputs(collection: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("batch", str(collection), "-o", str(out), "--jobs", "1")
    index = (out / "index.html").read_text(encoding="utf-8")
    links = [link for link in re.findall(r'href="([^"]+)"', index) if not link.startswith("data:")]
    for name in ("frus1981-88v05-d256", "sub/frus1964-68v14_d114", "sub/frus1981-88v05_d257"):
        assert f"{name}.html" in links
        # The document's page links its other formats.
        page = (out / f"{name}.html").read_text(encoding="utf-8")
        base = name.rsplit("/", 1)[-1]
        assert f'href="{base}.tei.xml"' in page and f'href="{base}.txt"' in page
    assert all((out / link.split("#")[0].split("?")[0]).is_file() for link in links)
    # Each row: the document's title and date, as the TEI has them.
    tree = etree.parse(str(out / "frus1981-88v05-d256.tei.xml"))
    title = tree.findtext(f"{TEI}teiHeader/{TEI}sourceDesc/{TEI}bibl/{TEI}title") or tree.findtext(
        f".//{TEI}sourceDesc//{TEI}title")
    date = tree.find(f".//{TEI}settingDesc//{TEI}date")
    assert title and date is not None
    row = next(line for line in index.split("<tr") if "frus1981-88v05-d256.html" in line)
    assert title in row and f'datetime="{date.get("when")}"' in row
    # The file that gave no document is named, with why.
    assert "<b>broken</b>: " in index and "binary file" in index


def test_jobs_1_and_2_give_the_same_outputs(collection: Path, tmp_path: Path) -> None:
    outputs = {}
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        summary = run_batch(plan_batch(collection, out), jobs=jobs)
        assert (summary.ok, summary.failed) == (3, 1)
        outputs[jobs] = {path.relative_to(out).as_posix(): path.read_bytes()
                         for path in sorted(out.rglob("*")) if path.is_file() and path.name != "report.json"}
    assert outputs[1] == outputs[2]
    documents = [name for name in outputs[1] if name.endswith((".tei.xml", ".txt")) or
                 name.endswith(".html") and "/" in name and not name.startswith("persons/")]
    assert len(documents) == 3 * 3 - 1  # two of the three in sub/, plus the HTML of the one at the top
    assert len([name for name in outputs[1] if name.endswith(".html") and "persons/" not in name]) == 3 + 4

    def stable(folder: Path) -> list[dict[str, object]]:
        entries = list(files_of(load_report(folder)).values())
        return [{k: v for k, v in entry.items() if k != "timings_ms"} for entry in entries]

    assert stable(tmp_path / "out1") == stable(tmp_path / "out2")


def persons_by_surname(tree: etree._ElementTree, where: str) -> dict[str, list[etree._Element]]:
    found: dict[str, list[etree._Element]] = {}
    for person in tree.iterfind(where):
        for surname in {s.text or "" for s in person.iterfind(f"{TEI}persName/{TEI}surname")}:
            found.setdefault(surname, []).append(person)
    return found


def test_corpus_has_one_person_for_a_person_of_two_documents(collection: Path, tmp_path: Path) -> None:
    (collection / "broken.txt").unlink()
    (collection / "sub" / "frus1964-68v14_d114.txt").unlink()
    out = tmp_path / "out"
    corpus = tmp_path / "corpus.xml"
    summary = run_batch(plan_batch(collection, out, ["tei"]), jobs=2, corpus=corpus)
    assert summary.ok == 2 and summary.corpus_problems == []

    # The persons the two documents share, by their own headers.
    headers = [etree.parse(str(path)) for path in sorted(out.rglob("*.tei.xml"))]
    per_document = [persons_by_surname(tree, f".//{TEI}particDesc//{TEI}person") for tree in headers]
    shared = set(per_document[0]) & set(per_document[1])
    assert len(shared) >= 3

    tree = etree.parse(str(corpus))
    assert tree.getroot().tag == f"{TEI}teiCorpus" and len(tree.findall(f"{TEI}TEI")) == 2
    entries = persons_by_surname(tree, f"{TEI}teiHeader//{TEI}listPerson/{TEI}person")
    ids = {element.get(XML_ID) for element in tree.iter() if element.get(XML_ID)}
    for surname in shared:
        assert len(entries[surname]) == 1, surname
        corpus_id = entries[surname][0].get(XML_ID)
        # Each document keeps a pointer to the entry, and its mentions point there too.
        for document in tree.iterfind(f"{TEI}TEI"):
            stubs = [p for p in document.iterfind(f".//{TEI}particDesc//{TEI}person")
                     if p.get("corresp") == f"#{corpus_id}"]
            assert len(stubs) == 1
            assert document.find(f".//{TEI}text//*[@ref='#{corpus_id}']") is not None
    # No person is described inside a document any more, and every pointer resolves.
    assert not tree.findall(f"{TEI}TEI//{TEI}person[@{XML_ID}]")
    pointers = {value[1:] for element in tree.iter() for attribute in ("ref", "who", "corresp")
                for value in (element.get(attribute) or "").split() if value.startswith("#")}
    assert pointers <= ids


def test_corpus_of_two_documents_with_the_same_ids_renames_the_second(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for volume in ("v1", "v2"):
        (folder / volume).mkdir(parents=True)
        shutil.copy(SAMPLES / "frus1964-68v14_d114.txt", folder / volume / "d114.txt")
    summary = run_batch(plan_batch(folder, tmp_path / "out", ["tei"]), jobs=1, corpus=tmp_path / "corpus.xml")
    assert summary.corpus_problems == []
    tree = etree.parse(str(tmp_path / "corpus.xml"))
    first, second = tree.findall(f"{TEI}TEI")
    assert first.find(f".//{TEI}div[@type='document']").get(XML_ID) == "d114"  # type: ignore[union-attr]
    assert second.find(f".//{TEI}div[@type='document']").get(XML_ID) == "v2-d114-d114"  # type: ignore[union-attr]


def test_corpus_is_valid_against_tei_all(collection: Path, tmp_path: Path, tei_all: etree.RelaxNG) -> None:
    (collection / "broken.txt").unlink()
    corpus = tmp_path / "corpus.xml"
    run_batch(plan_batch(collection, tmp_path / "out", ["tei"]), jobs=2, corpus=corpus)
    assert tei_all.validate(etree.parse(str(corpus))), tei_all.error_log


def test_an_unavailable_rendering_is_skipped_once_and_the_rest_is_made(
        collection: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(render_module.FORMATS, "html", "html/no-such-stylesheet.xsl")
    monkeypatch.setattr(render_module, "_cache", {})
    out = tmp_path / "out"
    code, stderr = run("batch", str(collection), "-o", str(out), "--jobs", "1")
    assert code == 1  # the broken file
    assert stderr.count("html is not made in this run") == 1
    assert (out / "sub" / "frus1964-68v14_d114.txt").is_file()
    assert not list(out.glob("sub/*.html")) and not list(out.glob("frus*.html"))
    skipped = load_report(out)["skipped_formats"]
    assert isinstance(skipped, dict) and list(skipped) == ["html"] and "missing" in skipped["html"]
    # Without pages, the home page links the TEI.
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="sub/frus1964-68v14_d114.tei.xml"' in index


def test_output_folder_equal_to_the_input_is_refused(collection: Path) -> None:
    code, stderr = run("batch", str(collection), "-o", str(collection))
    assert code == 2 and "would overwrite the inputs" in stderr


def test_output_inside_the_input_is_not_read_as_input(collection: Path) -> None:
    out = collection / "out"
    run("batch", str(collection), "-o", str(out), "--jobs", "1")
    assert (out / "sub" / "frus1964-68v14_d114.txt").is_file()
    assert len(plan_batch(collection, out).tasks) == 4


def test_unknown_format_is_a_usage_error(collection: Path, tmp_path: Path) -> None:
    code, stderr = run("batch", str(collection), "-o", str(tmp_path / "out"), "--to", "tei,pdf")
    assert code == 2 and "Unknown format 'pdf'. Use one of: tei, html, text." in stderr


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_is_a_bar_with_failures_above_it() -> None:
    stream = Terminal()
    progress = Progress(2, stream)
    progress(Outcome(0, "a.txt", "a"))
    progress(Outcome(1, "b\x1b[2J.txt", "b", status="failed", errors=["b\x1b[2J.txt: cannot read the file"]))
    progress.close()
    text = stream.getvalue()
    # The name's escape sequence is shown, not obeyed.
    assert "b\\x1b[2J.txt: failed: cannot read the file\n" in text and "\x1b[2J" not in text
    last = text.split("\r")[-1]
    assert re.search(r"\[#{24}\]\s+2/2\s+100%", last), last


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_generated_memoranda_are_deterministic_and_accepted(tmp_path: Path) -> None:
    generate = load_generator()
    first = list(generate.generate(count=6, seed=7, per_volume=4))
    assert first == list(generate.generate(count=6, seed=7, per_volume=4))
    assert [path for path, _ in first] == ["vol01/d001.txt", "vol01/d002.txt", "vol01/d003.txt", "vol01/d004.txt",
                                           "vol02/d001.txt", "vol02/d002.txt"]
    for path, text in first:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    assert generate.check(tmp_path, [path for path, _ in first]) == []


def test_an_input_whose_output_would_replace_the_index_fails_alone(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "frus1964-68v14_d114.txt", folder / "index.txt")
    shutil.copy(SAMPLES / "frus1964-68v14_d114.txt", folder / "other.txt")
    summary = run_batch(plan_batch(folder, tmp_path / "out"), jobs=1)
    assert (summary.ok, summary.failed) == (1, 1)
    assert "rename the file" in files_of(load_report(tmp_path / "out"))["index"]["errors"][0]  # type: ignore[index]
    assert (tmp_path / "out" / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_corpus_validation_streams_and_reports_like_validate(tmp_path: Path) -> None:
    from tei.apps.corpus import validate_corpus
    from tei.validate import validate_file

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "frus1964-68v14_d114.txt", folder / "a.txt")
    shutil.copy(SAMPLES / "frus1961-63v05_d150.txt", folder / "b.txt")
    corpus = tmp_path / "corpus.xml"
    run_batch(plan_batch(folder, tmp_path / "out", ["tei"]), jobs=1, corpus=corpus)
    assert validate_corpus(corpus) == []
    text = corpus.read_text(encoding="utf-8")
    person = re.search(r'<person xml:id="([^"]+)"', text)
    assert person is not None
    broken = tmp_path / "broken.xml"
    # A dangling pointer, and an id of the first document used again in the second.
    first_id = re.findall(r'<div type="document" n="\d+" xml:id="([^"]+)"', text)[0]
    last = text.rindex('<div type="document"')
    broken.write_text(text.replace(f'"#{person.group(1)}"', '"#nobody"'), encoding="utf-8")
    expected = [(d.line, d.rule) for d in validate_file(broken)]
    assert expected and [(d.line, d.rule) for d in validate_corpus(broken)] == expected
    broken.write_text(text[:last] + re.sub(r'xml:id="[^"]+"', f'xml:id="{first_id}"', text[last:], count=1),
                      encoding="utf-8")
    assert [d.rule for d in validate_corpus(broken)] == ["unique-id"]


def test_progress_elsewhere_writes_plain_lines() -> None:
    stream = io.StringIO()
    progress = Progress(2, stream)
    progress(Outcome(0, "a.txt", "a", warnings=["a.txt:3: warning: x"]))
    progress(Outcome(1, "b.txt", "b", status="failed", errors=["boom"]))
    assert stream.getvalue() == "[1/2] a.txt: ok (1 warning)\n[2/2] b.txt: failed: boom\n"


def test_quiet_progress_shows_failures_only_even_on_a_terminal() -> None:
    stream = Terminal()
    progress = Progress(2, stream, quiet=True)
    progress(Outcome(0, "a.txt", "a"))
    progress(Outcome(1, "b.txt", "b", status="failed", errors=["boom"]))
    progress.close()
    assert stream.getvalue() == "[2/2] b.txt: failed: boom\n"


def test_batch_corpus_and_bench_code_name_no_person_or_heading_of_any_memorandum() -> None:
    """The generator finds names through the converter, the corpus merges them by rule: none is written in."""
    from tei import convert_file

    words: set[str] = set()
    for path in [SEED, *sorted(SAMPLES.glob("*.txt"))]:
        document = convert_file(path).document
        words |= {person.surname for person in [*document.participants, *document.mentioned] if person.surname}
        for line in path.read_text(encoding="utf-8").splitlines():
            heading = re.fullmatch(r"(?:\d+\. )?([A-Z][A-Za-z’' -]{2,60})", line.strip())
            if heading and not line.strip().endswith("Memorandum of Conversation"):
                words.add(heading.group(1))
    files = [*sorted((ROOT / "tei" / "apps").rglob("*.py")), *sorted((ROOT / "transforms" / "site").glob("*")),
             ROOT / "bench" / "generate.py", ROOT / "bench" / "bench_batch.py"]
    for path in files:
        relative = path.relative_to(ROOT).as_posix()
        source = path.read_text(encoding="utf-8")
        assert sorted(word for word in words if re.search(rf"\b{re.escape(word)}\b", source)) == [], relative


def test_site_pages_are_html5_small_and_request_nothing_from_elsewhere(collection: Path, tmp_path: Path) -> None:
    import html5lib

    (collection / "broken.txt").unlink()
    out = tmp_path / "out"
    assert run("batch", str(collection), "-o", str(out), "--jobs", "1")[0] == 0
    pages = sorted(out.rglob("*.html"))
    assert {"index.html", "by-date.html", "persons.html", "search.html"} <= {p.name for p in pages}
    assert len(list((out / "persons").glob("*.html"))) > 10
    for page in pages:
        data = page.read_bytes()
        assert len(data) < 200_000, page
        html5lib.HTMLParser(strict=True).parse(data)  # raises on a parse error
        # Scripts, styles, images: only files of the site.
        for source in re.findall(rb'<(?:script|img|link)[^>]*(?:src|href)="([^"]+)"', data):
            assert not re.match(rb"[a-z]+://|//", source), (page, source)


def test_the_main_command_builds_one_site_of_the_bundled_memorandum_and_the_samples() -> None:
    import subprocess

    tei = Path(sys.executable).parent / "tei"
    result = subprocess.run(["bash", str(ROOT / "scripts" / "edition")], env={**os.environ, "TEI": str(tei)},
                            capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stderr
    report = load_report(ROOT / "out")
    names = [entry["name"] for entry in report["files"]]  # type: ignore[union-attr, index]
    assert len(names) == 1 + len(list(SAMPLES.glob("*.txt"))) and report["summary"]["failed"] == 0  # type: ignore[index]
    index = (ROOT / "out" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{name}.html"' in index for name in names)
    assert (ROOT / "out" / "persons.html").is_file() and list((ROOT / "out" / "reference").glob("*.html"))


def test_site_persons_linked_to_the_editors_personography_are_its_entries(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for volume in ("v1", "v2"):
        (folder / volume).mkdir(parents=True)
        shutil.copy(SAMPLES / "frus1964-68v14_d114.txt", folder / volume / "d114.txt")
    document = convert_file(SAMPLES / "frus1964-68v14_d114.txt").document
    person = next(p for p in document.participants if p.surname and p.forenames)
    persons = tmp_path / "persons.csv"
    persons.write_text(f"id,name\nq17,{' '.join([*person.forenames, person.surname])}\n", encoding="utf-8")
    out = tmp_path / "out"
    code, stderr = run("batch", str(folder), "-o", str(out), "--persons", str(persons))
    assert code == 0, stderr
    page = (out / "persons" / "q17.html").read_text(encoding="utf-8")
    assert page.count('href="v1/d114.html#m-') + page.count('href="v2/d114.html#m-') >= 2
    assert not (out / "persons" / f"{person.id}.html").exists()
