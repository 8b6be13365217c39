"""The line-break-in-word pass, alone: a line break inside a hyphenated word is marked, the text kept."""

from __future__ import annotations

from passkit import run_pass


def test_a_word_hyphenated_at_the_end_of_a_line_goes_on_across_the_break() -> None:
    run = run_pass("line-break-in-word", "12. Memorandum\n\nAble said the nego-\ntiations would go on.\n")
    assert run.diff == "-         LineBreak line=4\n+         LineBreak line=4 in_word=true\n"
    assert run.decisions == ["4: line-break-in-word: 'nego-tiations': lb break=\"no\""]
    assert run.warnings == []


def test_a_compound_broken_at_its_hyphen_goes_on_too_and_keeps_its_hyphen() -> None:
    run = run_pass("line-break-in-word", "12. Memorandum\n\nThe cease-\nfire held.\n")
    assert "in_word=true" in run.after
    assert '"The cease-"' in run.after


def test_dashes_numbers_and_capitals_keep_an_ordinary_break() -> None:
    text = "12. Memorandum\n\nA dash --\nhere, the years 1980-\n1981, a well-\nKnown name, a space -\nthere.\n"
    run = run_pass("line-break-in-word", text)
    assert run.diff == ""
    assert run.decisions == []
