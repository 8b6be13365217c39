"""The command line, through click's CliRunner: exit codes, messages, standard streams."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from teitext import ROOT

from tei.cli import main

SEED = ROOT / "seeds" / "frus1981-88v05-d256.txt"


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_convert_writes_tei_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "out" / "d256.xml"
    code, _, _ = run("convert", str(SEED), "-o", str(out))
    assert code == 0
    assert out.read_bytes().startswith(b"<?xml")
    assert b'<pb n="1041"' in out.read_bytes()


def test_convert_reads_stdin_and_writes_stdout() -> None:
    code, stdout, _ = run("convert", "-", input=SEED.read_bytes())
    assert code == 0
    assert '<div type="document" n="256"' in stdout


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty"),
    (b"\x00\x01\x02binary", "binary file"),
    (b"12. Memorandum\n\nCaf\x81 talk.", "not UTF-8"),
    (b"Just a paragraph without a title line.\n", "no title line"),
    (b"[Page 3]\n", "only page markers"),
], ids=["empty", "binary", "undecodable", "no-title", "only-markers"])
def test_bad_input_exits_1_with_one_line_naming_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "memo.txt"
    path.write_bytes(content)
    code, stdout, stderr = run("convert", str(path))
    assert code == 1
    assert stdout == ""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: {path}")
    assert message in lines[0]
    assert "Traceback" not in stderr


def test_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    code, _, stderr = run("convert", str(tmp_path / "nope.txt"))
    assert code == 1
    assert "cannot read the file" in stderr


def test_usage_error_exits_2() -> None:
    code, _, _ = run("convert")
    assert code == 2


def test_warnings_go_to_stderr_and_strict_makes_them_fatal(tmp_path: Path) -> None:
    path = tmp_path / "memo.txt"
    path.write_text("5. Memorandum of Conversation\n\nText without a reference.\n\n  1. A note.\n", encoding="utf-8")
    code, stdout, stderr = run("convert", str(path))
    assert code == 0
    assert f"{path}:5: warning: footnote-unreferenced: footnote 1 is never referenced" in stderr
    assert "<note" in stdout
    code, stdout, stderr = run("convert", "--strict", str(path))
    assert code == 1
    assert stdout == ""
    code, _, stderr = run("convert", "--quiet", str(path))
    assert code == 0 and stderr == ""


def test_version() -> None:
    code, stdout, _ = run("--version")
    assert code == 0 and "tei" in stdout


def test_convert_refuses_to_write_invalid_tei(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lxml import etree

    from tei import converter

    def broken(document: object) -> etree._Element:
        return etree.fromstring(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><oops/></TEI>')

    monkeypatch.setattr(converter, "encode", broken)
    out = tmp_path / "d256.xml"
    code, _, stderr = run("convert", str(SEED), "-o", str(out))
    assert code == 1
    assert not out.exists()
    assert f"{out}:3:3: error: schema: /TEI: Unexpected child" in stderr and "not valid" in stderr
    code, _, stderr = run("convert", "--no-validate", str(SEED), "-o", str(out))
    assert code == 0 and out.exists()
    assert "without validation" in stderr


def test_windows_1252_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "memo.txt"
    path.write_bytes("12. Memorandum of Conversation\n\nThe caf\u00e9 said \u201cyes.\u201d\n".encode("cp1252"))
    code, stdout, stderr = run("convert", str(path))
    assert code == 0
    assert "café" in stdout and "“" in stdout and ">yes.</q>" in stdout  # the marks are q's renditions
    assert f"{path}:3: warning: encoding: the text is not UTF-8" in stderr


@pytest.mark.parametrize("name", ['=HYPERLINK("http://example.org","x")', "+1", "-2+3", "@SUM(A1)", "\tTab"])
def test_speakers_csv_cells_never_start_a_spreadsheet_formula(name: str) -> None:
    import csv
    import io

    from tei.apps.stats import SpeakerCount, format_speakers

    text = format_speakers([SpeakerCount("able", name, 1, 2, ["=section"])], "csv", "memo.xml")
    [_, row] = list(csv.reader(io.StringIO(text)))
    assert row == ["able", f"'{name}", "1", "2", "'=section"]


def test_speakers_on_many_sections_counts_each_section_once() -> None:
    from lxml import etree

    from tei.apps.stats import count_speakers

    sections = "".join(f'<div type="section"><head>Part {i % 3}</head><p><said who="#able">Yes.</said></p></div>'
                       for i in range(6))
    root = etree.fromstring(f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>{sections}</body></text></TEI>')
    [count] = count_speakers(root)
    assert count.sentences == 6
    assert count.sections == [f"Part {i % 3} (section {i + 1})" for i in range(6)]
