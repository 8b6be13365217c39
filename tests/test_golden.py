"""Whole documents against reviewed golden files.

A case is a folder ``tests/golden/<case>/`` with ``expected.tei.xml`` and, optionally,
``expected.diagnostics`` (the warnings, one per line). Its input is ``input.txt`` in the
folder, or else the text of the same name in ``seeds/`` or ``tests/samples/``.

On a mismatch the actual output is written beside the expected file as ``actual.*``
(ignored by git). To accept new output deliberately: ``TEI_UPDATE_GOLDEN=1 pytest
tests/test_golden.py``, then review ``git diff tests/golden``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from teitext import ROOT

from tei import convert_file

GOLDEN = ROOT / "tests" / "golden"
CASES = sorted(path for path in GOLDEN.iterdir() if path.is_dir())
UPDATE = os.environ.get("TEI_UPDATE_GOLDEN") == "1"


def input_of(case: Path) -> Path:
    for candidate in (case / "input.txt", ROOT / "seeds" / f"{case.name}.txt",
                      ROOT / "tests" / "samples" / f"{case.name}.txt"):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"no input for golden case {case.name}")


def _check(case: Path, name: str, actual: str) -> None:
    expected_path = case / f"expected.{name}"
    actual_path = case / f"actual.{name}"
    if UPDATE:
        expected_path.write_text(actual, encoding="utf-8")
        return
    expected = expected_path.read_text(encoding="utf-8") if expected_path.exists() else ""
    if actual != expected:
        actual_path.write_text(actual, encoding="utf-8")
    elif actual_path.exists():
        actual_path.unlink()
    assert actual == expected, f"{case.name}: output differs from {expected_path.name}; see {actual_path}"


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_golden(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the conversion date in revisionDesc: 1970-01-01
    monkeypatch.chdir(ROOT)
    source = input_of(case).relative_to(ROOT)
    result = convert_file(source)
    _check(case, "tei.xml", result.xml.decode("utf-8"))
    diagnostics = "".join(f"{diagnostic}\n" for diagnostic in result.diagnostics)
    if diagnostics or (case / "expected.diagnostics").exists():
        _check(case, "diagnostics", diagnostics)
