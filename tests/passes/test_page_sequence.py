"""The page-sequence pass, alone: page numbers checked, never changed."""

from __future__ import annotations

from passkit import run_pass


def test_pages_in_sequence_pass_without_a_warning_and_the_model_is_unchanged() -> None:
    run = run_pass("page-sequence", "12. Memorandum\n\n[Page 3]\n\nAble said so.\n\nBaker [Page 4] agreed.\n")
    assert run.diff == ""
    assert run.warnings == []
    assert run.decisions == ["3: page-sequence: page 3: the first page",
                             "7: page-sequence: page 4: follows page 3"]


def test_a_missing_page_is_reported_at_the_page_after_the_gap() -> None:
    run = run_pass("page-sequence", "12. Memorandum\n\n[Page 3]\n\nAble said so.\n\n[Page 5]\n\nBaker agreed.\n")
    assert run.diff == ""
    assert run.warnings == ["7: page-sequence: page 5 follows page 3: page 4 is missing"]


def test_several_missing_pages_are_named_as_a_range() -> None:
    run = run_pass("page-sequence", "12. Memorandum\n\n[Page 3]\n\nAble said so.\n\n[Page 7]\n\nBaker agreed.\n")
    assert run.warnings == ["7: page-sequence: page 7 follows page 3: pages 4–6 are missing"]


def test_a_page_going_back_is_reported_and_kept_as_it_stands() -> None:
    run = run_pass("page-sequence", "12. Memorandum\n\n[Page 5]\n\nAble said so.\n\nBaker [Page 4] agreed.\n")
    assert run.diff == ""
    assert run.warnings == ["7: page-sequence: page 4 follows page 5: page numbers must increase"]
    assert 'PageBreak n="4" line=7' in run.after


def test_pages_numbered_in_roman_numerals_are_not_compared() -> None:
    run = run_pass("page-sequence", "12. Memorandum\n\n[Page iv]\n\nAble said so.\n\n[Page 2]\n\nBaker agreed.\n")
    assert run.warnings == []
    assert run.decisions[1] == "7: page-sequence: page 2: after page iv, not checked"
