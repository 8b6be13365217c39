"""``tei convert --explain`` and ``--list-rules``: every decision named, located and explained."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from teitext import ROOT

from tei.cli import main
from tei.converter import Converter, convert, convert_file
from tei.errors import Level, Reporter
from tei.model import Document
from tei.recognize import build_recognizers
from tei.resolve import build_passes

SEED = ROOT / "seeds" / "frus1981-88v05-d256.txt"

MEMO = """\
12. Memorandum of Conversation1

Visit of the Minister
Washington, March 3, 1975

    • Ambassador Able
    • Mr. Baker

Able said the talks of March 2 went well.2 He was glad.

Trade Questions

Baker said trade was on the agenda.

[Page 5]

Baker asked about dates.


Able answered that it would end soon.


  1. Source: A made-up file.
  2. See a made-up document.
"""

# file:line: info: rule: subject: verdict (reason)
EXPLANATION = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): info: (?P<rule>[\w.-]+): (?P<subject>.+?): "
                         r"(?P<verdict>[^:]+?)(?: \((?P<reason>.+)\))?$")


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def memo(tmp_path: Path) -> Path:
    path = tmp_path / "memo.txt"
    path.write_text(MEMO, encoding="utf-8")
    return path


def explained(memo: Path) -> list[re.Match[str]]:
    code, stdout, _ = run("convert", "--explain", str(memo))
    assert code == 0
    matches = [EXPLANATION.match(line) for line in stdout.splitlines()]
    assert all(matches), stdout
    return [match for match in matches if match]


def decision(matches: list[re.Match[str]], rule: str, line: int) -> re.Match[str]:
    [found] = [m for m in matches if m["rule"] == rule and int(m["line"]) == line]
    return found


# ---------------------------------------------------------------------------- --explain


def test_explain_prints_one_line_per_decision_in_the_diagnostic_format_instead_of_the_tei(memo: Path) -> None:
    code, stdout, _ = run("convert", "--explain", str(memo))
    assert code == 0
    assert "<TEI" not in stdout
    assert all(EXPLANATION.match(line) for line in stdout.splitlines()), stdout
    lines = [int(EXPLANATION.match(line)["line"]) for line in stdout.splitlines()]  # type: ignore[index]
    assert lines == sorted(lines)


def test_explain_names_the_rule_of_each_heading_and_section_break(memo: Path) -> None:
    matches = explained(memo)
    assert decision(matches, "heading", 11)["verdict"] == "heading"
    not_heading = decision(matches, "heading", 13)
    assert not_heading["verdict"] == "not a heading" and "punctuation" in not_heading["reason"]
    assert decision(matches, "section-break", 20)["verdict"] == "section break, no heading"


def test_explain_says_which_digits_are_a_note_reference_and_why_others_are_not(memo: Path) -> None:
    matches = [m for m in explained(memo) if m["rule"] == "footnote-ref"]
    verdicts = [(int(m["line"]), m["verdict"]) for m in matches]
    assert verdicts == [(1, "reference to footnote 1"), (9, "not a reference to footnote 2"),
                        (9, "reference to footnote 2")]
    assert "' ' stands before the digits" in matches[1]["reason"]


def test_explain_names_page_breaks_front_matter_and_footnotes_at_their_lines(memo: Path) -> None:
    matches = explained(memo)
    assert decision(matches, "page-break", 15)["verdict"] == "page break 5"
    assert decision(matches, "page-sequence", 15)["verdict"] == "the first page"
    assert decision(matches, "title-numbered", 1)["verdict"] == "title, number 12"
    assert decision(matches, "header-lines", 3)["verdict"] == "subject"
    assert decision(matches, "header-lines", 4)["verdict"] == "dateline, when=1975-03-03"
    assert decision(matches, "participants", 6)["verdict"] == "participant #able, group 1"
    assert decision(matches, "front-matter-end", 9)["verdict"] == "the body begins"
    assert decision(matches, "footnote-list", 24)["verdict"] == "footnote 2"


def test_explain_writes_the_tei_only_to_a_named_output(memo: Path, tmp_path: Path) -> None:
    out = tmp_path / "memo.xml"
    code, stdout, _ = run("convert", "--explain", str(memo), "-o", str(out))
    assert code == 0 and "info: heading:" in stdout
    assert out.read_bytes() == convert(MEMO, str(memo)).xml


def test_explain_as_json_gives_each_decision_its_parts(memo: Path) -> None:
    code, stdout, _ = run("convert", "--explain", "--format", "json", str(memo))
    assert code == 0
    report = json.loads(stdout)
    assert report["file"] == str(memo) and report["diagnostics"] == []
    [heading] = [d for d in report["decisions"] if d["rule"] == "heading" and d["line"] == 11]
    assert heading == {"file": str(memo), "line": 11, "column": None, "rule": "heading", "level": "info",
                       "message": heading["message"], "subject": "'Trade Questions'", "verdict": "heading",
                       "reason": heading["reason"]}
    assert heading["message"].startswith("'Trade Questions': heading (")


def test_format_json_without_explain_is_a_usage_error(memo: Path) -> None:
    code, _, stderr = run("convert", "--format", "json", str(memo))
    assert code == 2 and "--explain" in stderr


def test_explaining_does_not_change_the_tei() -> None:
    assert convert_file(SEED, explain=True).xml == convert_file(SEED).xml


def test_without_explain_no_decision_is_kept() -> None:
    assert convert_file(SEED).explanations == []


def test_a_decision_recorded_by_any_pass_is_explained() -> None:
    def judge(document: Document, reporter: Reporter) -> None:
        reporter.decide("judge.title", "the title", f"number {document.number}", "made up for this test", 1)

    passes = build_passes()
    passes.register(judge, "judge", 1)
    [explanation] = [e for e in Converter(build_recognizers(), passes).convert(MEMO, "m.txt", explain=True)
                     .explanations if e.rule == "judge.title"]
    assert explanation.level is Level.INFO
    assert str(explanation) == "m.txt:1: info: judge.title: the title: number 12 (made up for this test)"


# ---------------------------------------------------------------------------- --list-rules


def test_list_rules_prints_every_registry_in_order_without_an_input() -> None:
    code, stdout, _ = run("convert", "--list-rules")
    assert code == 0
    kinds = [line.split(" (")[0] for line in stdout.splitlines() if line and not line.startswith(" ")]
    assert kinds[:6] == ["layout rules", "front-matter recognizers", "block recognizers", "inline recognizers",
                         "back-matter recognizers", "resolve passes"]
    entries = [line.split() for line in stdout.splitlines() if line.startswith(" ")]
    names = [entry[1] for entry in entries]
    assert names.index("heading") < names.index("section-break") < names.index("paragraph")
    assert names.index("footnotes") < names.index("page-sequence")
    assert names.index("layout.line-per-paragraph") < names.index("layout.indented-paragraphs") < names.index("heading")
    assert all(len(entry) > 2 for entry in entries), "every item has a one-line description"


def test_list_rules_shows_a_registered_rule_with_its_priority() -> None:
    code, stdout, _ = run("convert", "--list-rules")
    assert code == 0
    [line] = [line for line in stdout.splitlines() if line.split()[1:2] == ["section-break"]]
    assert line.split()[0] == "90" and "Two blank lines" in line
