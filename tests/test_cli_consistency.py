"""Every command behaves the same way: exit codes, -q/--quiet, -v/--verbose (click's CliRunner).

The rule (README, "Commands"): exit 0 success; 1 invalid or failed input, a missing or
unreadable input included; 2 usage error. ``-q`` prints errors only; ``-v`` also prints
what was read and written and how long it took; the output itself is the same with either.
The tests run one table of commands, each with the arguments for a good input, an input
that gives a warning (where the command has warnings), a broken input, a missing one and
one that cannot be read (a folder where a file is expected, or the reverse).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from teitext import ROOT

import tei.converter
from tei.cli import main

SEED = ROOT / "seeds" / "frus1981-88v05-d256.txt"
MINIMAL = ROOT / "tests" / "valid" / "minimal.xml"

Args = Callable[[Path, Path], list[str]]  # (workspace with the inputs, folder for outputs) → arguments


@dataclass(frozen=True)
class Case:
    name: str
    good: Args
    broken: Args
    missing: Args
    unreadable: Args
    warning: Args | None = None


def _w(path: Path, name: str) -> str:
    return str(path / name)


CASES = [
    Case("convert",
         good=lambda w, o: ["convert", _w(w, "memo.txt"), "-o", _w(o, "memo.tei.xml")],
         warning=lambda w, o: ["convert", _w(w, "warn.txt"), "-o", _w(o, "warn.tei.xml")],
         broken=lambda w, o: ["convert", _w(w, "binary.txt")],
         missing=lambda w, o: ["convert", _w(w, "nope.txt")],
         unreadable=lambda w, o: ["convert", _w(w, "in")]),
    Case("validate",
         good=lambda w, o: ["validate", _w(w, "memo.xml")],
         broken=lambda w, o: ["validate", _w(w, "broken.xml")],
         missing=lambda w, o: ["validate", _w(w, "nope.xml")],
         unreadable=lambda w, o: ["validate", _w(w, "in")]),
    Case("render",
         good=lambda w, o: ["render", _w(w, "memo.xml"), "--to", "text", "-o", _w(o, "memo.txt")],
         broken=lambda w, o: ["render", _w(w, "broken.xml"), "--to", "html"],
         missing=lambda w, o: ["render", _w(w, "nope.xml"), "--to", "html"],
         unreadable=lambda w, o: ["render", _w(w, "in"), "--to", "html"]),
    Case("speakers",
         good=lambda w, o: ["speakers", _w(w, "memo.xml")],
         warning=lambda w, o: ["speakers", _w(w, "minimal.xml")],
         broken=lambda w, o: ["speakers", _w(w, "broken.xml")],
         missing=lambda w, o: ["speakers", _w(w, "nope.xml")],
         unreadable=lambda w, o: ["speakers", _w(w, "in")]),
    Case("batch",
         good=lambda w, o: ["batch", _w(w, "in"), "-o", _w(o, "batch"), "--jobs", "1", "--to", "tei"],
         warning=lambda w, o: ["batch", _w(w, "warn"), "-o", _w(o, "batch"), "--jobs", "1", "--to", "tei"],
         broken=lambda w, o: ["batch", _w(w, "bad"), "-o", _w(o, "batch"), "--jobs", "1", "--to", "tei"],
         missing=lambda w, o: ["batch", _w(w, "nope"), "-o", _w(o, "batch")],
         unreadable=lambda w, o: ["batch", _w(w, "memo.txt"), "-o", _w(o, "batch")]),
]
IDS = [case.name for case in CASES]
WITH_WARNINGS = [case for case in CASES if case.warning is not None]

WARNING_TEXT = "5. Memorandum of Conversation\n\nText without a reference.\n\n  1. A note.\n"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The inputs, shared by the tests (never written to)."""
    w = tmp_path_factory.mktemp("inputs")
    shutil.copy(SEED, w / "memo.txt")
    (w / "warn.txt").write_text(WARNING_TEXT, encoding="utf-8")
    (w / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (w / "memo.xml").write_bytes(tei.converter.convert_bytes(SEED.read_bytes(), "memo.txt").xml)
    shutil.copy(MINIMAL, w / "minimal.xml")
    (w / "broken.xml").write_bytes(b"<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>")
    for folder, files in {"in": ["memo.txt"], "warn": ["warn.txt"], "bad": ["memo.txt", "binary.txt"]}.items():
        (w / folder).mkdir()
        for name in files:
            shutil.copy(w / name, w / folder / name)
    return w


def invoke(args: list[str], *extra: str) -> Result:
    return CliRunner().invoke(main, [args[0], *extra, *args[1:]])


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def assert_no_traceback(result: Result) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_success_exits_0_and_quiet_prints_nothing(case: Case, workspace: Path, tmp_path: Path) -> None:
    result = invoke(case.good(workspace, tmp_path))
    assert result.exit_code == 0, result.output
    quiet = invoke(case.good(workspace, tmp_path / "q"), "-q")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert quiet.stdout == result.stdout


@pytest.mark.parametrize("case", WITH_WARNINGS, ids=[case.name for case in WITH_WARNINGS])
def test_warnings_are_shown_and_quiet_hides_them(case: Case, workspace: Path, tmp_path: Path) -> None:
    assert case.warning is not None
    result = invoke(case.warning(workspace, tmp_path))
    assert result.exit_code == 0, result.output
    assert "warning" in result.stderr or "nothing is attributed" in result.stderr
    quiet = invoke(case.warning(workspace, tmp_path / "q"), "--quiet")
    assert quiet.exit_code == 0 and quiet.stderr == ""


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_verbose_says_what_was_done_and_how_long_it_took(case: Case, workspace: Path, tmp_path: Path) -> None:
    plain = invoke(case.good(workspace, tmp_path / "plain"))
    verbose = invoke(case.good(workspace, tmp_path / "verbose"), "-v")
    assert verbose.exit_code == 0, verbose.output
    assert verbose.stdout == plain.stdout  # informational lines go to standard error only
    lines = error_lines(verbose)
    assert re.fullmatch(rf"tei {case.name}: \d+\.\d\d s", lines[-1]), lines
    assert len(lines) > len(error_lines(plain)) + 1  # more than the timing: what was read, written, found


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_quiet_and_verbose_together_is_a_usage_error(case: Case, workspace: Path, tmp_path: Path) -> None:
    result = invoke(case.good(workspace, tmp_path), "-q", "-v")
    assert result.exit_code == 2 and "exclude each other" in result.stderr


@pytest.mark.parametrize("quiet", [False, True], ids=["normal", "quiet"])
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_broken_input_exits_1_with_the_file_named(case: Case, quiet: bool, workspace: Path, tmp_path: Path) -> None:
    result = invoke(case.broken(workspace, tmp_path), *(["-q"] if quiet else []))
    assert result.exit_code == 1, result.output
    assert_no_traceback(result)
    # validate prints its findings on standard output, the others on standard error
    reported = result.stdout if case.name == "validate" else result.stderr
    assert "broken.xml" in reported or "binary.txt" in reported, reported
    if quiet:
        assert "warning:" not in result.stderr


@pytest.mark.parametrize("kind", ["missing", "unreadable"])
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_missing_or_unreadable_input_exits_1_with_one_line(case: Case, kind: str, workspace: Path,
                                                              tmp_path: Path) -> None:
    args = getattr(case, kind)(workspace, tmp_path)
    result = invoke(args, "-q")
    assert result.exit_code == 1, result.output
    assert_no_traceback(result)
    [line] = error_lines(result)
    assert args[1] in line and "error" in line.lower(), line
    assert result.stdout == ""


@pytest.mark.parametrize("args", [
    [], ["--bogus"], ["render", str(MINIMAL), "--to", "pdf"], ["batch", str(ROOT), "-o", "x", "--to", "pdf"],
    ["validate", "--format", "yaml", str(MINIMAL)], ["speakers", "--format", "yaml", str(MINIMAL)],
    ["convert", "--bogus", str(SEED)],
], ids=["no-argument", "unknown-option", "render-format", "batch-format", "validate-format",
        "speakers-format", "convert-option"])
def test_usage_errors_exit_2(args: list[str]) -> None:
    if not args or args[0] not in main.commands:  # type: ignore[attr-defined]
        for name in IDS:
            result = CliRunner().invoke(main, [name, *args])
            assert result.exit_code == 2, (name, result.output)
        return
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert_no_traceback(result)


def test_every_command_has_the_same_two_options() -> None:
    """One implementation (tei.cli.command): the same flags and help on every command."""
    seen = set()
    for name in IDS:
        params = {param.name: param for param in main.commands[name].params}  # type: ignore[attr-defined]
        quiet, verbose = params["quiet"], params["verbose"]
        assert (quiet.opts, verbose.opts) == (["-q", "--quiet"], ["-v", "--verbose"])
        seen.add((quiet.help, verbose.help))  # type: ignore[attr-defined]
    assert len(seen) == 1


@pytest.mark.parametrize("case", [c for c in CASES if c.name in ("convert", "render")], ids=["convert", "render"])
def test_an_output_that_cannot_be_written_exits_1(case: Case, workspace: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    args = case.good(workspace, blocker)  # the output would go inside a file
    result = invoke(args)
    assert result.exit_code == 1, result.output
    assert_no_traceback(result)
    [line] = error_lines(result)
    assert line.startswith("Error: ") and "a-file" in line


def test_a_bug_is_one_line_and_verbose_shows_where(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("something\nunexpected")

    monkeypatch.setattr(tei.converter.Converter, "convert_bytes", broken)
    result = invoke(["convert", str(workspace / "memo.txt")])
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert line == ("Error: internal error: ValueError: something unexpected. "
                    "Please report this bug (-v shows where it happened).")
    verbose = invoke(["convert", str(workspace / "memo.txt")], "-v")
    assert verbose.exit_code == 1 and "Traceback" in verbose.stderr
