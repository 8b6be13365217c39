"""The footnotes pass, alone: each footnote attached where its number stands in the text."""

from __future__ import annotations

from passkit import run_pass

NOTES = "\n\n  1. Source: A made-up file.\n  2. See a made-up document.\n"


def test_a_number_glued_to_a_word_becomes_the_reference_of_its_footnote() -> None:
    run = run_pass("footnotes", "12. Memorandum of Conversation1\n\nAble said so.2 Then he left." + NOTES)
    assert run.diff == """\
-     "12. Memorandum of Conversation1"
+     "12. Memorandum of Conversation"
+     NoteRef n="1" line=1
-         "Able said so.2 Then he left."
+         "Able said so."
+         NoteRef n="2" line=3
+         " Then he left."
-     Footnote n="1" line=5 kind="source"
+     Footnote n="1" line=5 kind="source" referenced=true
-     Footnote n="2" line=6
+     Footnote n="2" line=6 referenced=true
"""
    assert run.warnings == []


def test_a_number_after_a_space_is_not_a_reference_and_the_next_glued_one_is() -> None:
    run = run_pass("footnotes", "12. Memorandum of Conversation1\n\nThey met on June 2 and agreed.2" + NOTES)
    assert """\
+         "They met on June 2 and agreed."
+         NoteRef n="2" line=3
""" in run.diff
    assert run.decisions[1:] == ["3: footnote-ref: 'They met on June 2': not a reference to footnote 2",
                                 "3: footnote-ref: 'on June 2 and agreed.2': reference to footnote 2"]


def test_references_in_brackets_and_in_superscript_are_taken_too() -> None:
    run = run_pass("footnotes", "12. Memorandum of Conversation[1]\n\nAble agreed.² Baker too." + NOTES)
    assert """\
-         "Able agreed.² Baker too."
+         "Able agreed."
+         NoteRef n="2" line=3
+         " Baker too."
""" in run.diff
    assert [d.reason.split(",")[0] for d in run.reporter.decisions] == [
        "its number in brackets", "its number in superscript"]


def test_a_footnote_never_referenced_stays_at_the_end_and_is_reported_at_its_own_line() -> None:
    run = run_pass("footnotes", "12. Memorandum of Conversation1\n\nAble said nothing more." + NOTES)
    assert "NoteRef n=\"2\"" not in run.after
    assert "Footnote n=\"2\" line=6\n" in run.after
    assert run.warnings == [("6: footnote-unreferenced: footnote 2 is never referenced in the text (no '2' glued "
                            "to a word after footnote 1); it is kept at the end of the document")]
    assert run.decisions[-1] == "6: footnote-ref: footnote 2: not referenced"


def test_a_reference_out_of_order_is_left_as_text_and_reported_where_it_stands() -> None:
    run = run_pass("footnotes", "12. Memorandum of Conversation\n\nAble said so.2\n\nBaker said so.1" + NOTES)
    assert """\
-         "Baker said so.1"
+         "Baker said so."
+         NoteRef n="1" line=5
""" in run.diff
    assert "Able said so.2" in run.after
    assert run.warnings[-1].startswith("3: footnote-undefined: 'Able said so.2' looks like a reference to footnote 2")


NOTES_3 = NOTES + "  3. See another made-up document.\n"


def test_a_number_glued_to_another_number_is_the_reference_the_notes_list_expects_between_its_neighbours() -> None:
    run = run_pass("footnotes", "12. Telegram1\n\nYour 4052 and mine.3 Able agrees." + NOTES_3)
    assert """\
-         "Your 4052 and mine.3 Able agrees."
+         "Your 405"
+         NoteRef n="2" line=3
+         " and mine."
+         NoteRef n="3" line=3
+         " Able agrees."
""" in run.diff
    assert run.warnings == []
    assert "3: footnote-ref-glued-number: 'Your 4052': reference to footnote 2" in run.decisions


def test_the_last_footnote_may_be_glued_to_a_number_before_the_end_of_the_text() -> None:
    run = run_pass("footnotes", "12. Telegram1\n\nAble said so.2 It costs $1,000,0003 in all." + NOTES_3)
    assert """\
+         " It costs $1,000,000"
+         NoteRef n="3" line=3
+         " in all."
""" in run.diff
    assert run.decisions[-1] == "3: footnote-ref-glued-number: 'It costs $1,000,0003': reference to footnote 3"


def test_two_numbers_ending_in_the_digits_leave_the_footnote_unreferenced() -> None:
    run = run_pass("footnotes", "12. Telegram1\n\nYour 4052 and 3172 arrived.3" + NOTES_3)
    assert "Your 4052 and 3172 arrived." in run.after
    assert run.warnings == [("6: footnote-unreferenced: footnote 2 is never referenced in the text (no '2' glued "
                            "to a word after footnote 1); it is kept at the end of the document")]
    assert "6: footnote-ref-glued-number: footnote 2: not referenced" in run.decisions


def test_the_number_that_opens_a_paragraph_is_its_own_number_not_a_reference() -> None:
    run = run_pass("footnotes", "12. Telegram1\n\n42. Able arrived." + NOTES)
    assert "42. Able arrived." in run.after
    assert run.warnings[0].startswith("6: footnote-unreferenced: footnote 2 is never referenced")


def test_a_number_set_off_after_an_ellipsis_before_a_new_sentence_is_a_reference() -> None:
    run = run_pass("footnotes", "12. Memorandum of Conversation1\n\nAble gave it to Norway, Peru … 2 Baker asked why."
                   + NOTES)
    assert """\
+         "Able gave it to Norway, Peru … "
+         NoteRef n="2" line=3
+         " Baker asked why."
""" in run.diff
    assert run.decisions[-1] == "3: footnote-ref: 'it to Norway, Peru … 2': reference to footnote 2"


def test_a_number_after_an_ellipsis_that_goes_on_with_the_sentence_is_not_a_reference() -> None:
    run = run_pass("footnotes", "12. Memorandum of Conversation1\n\nAble waited … 2 more days." + NOTES)
    assert "NoteRef n=\"2\"" not in run.diff


def test_a_number_set_off_after_a_name_with_a_capital_inside_is_a_reference() -> None:
    """Titles of telephone transcripts end "… and Secretary of Defense McDorn 1": the spaced number after a
    name written with a capital inside it ("Mc", "Mac", "De") is the source note's reference, as after "Able 1"."""
    run = run_pass("footnotes", "12. Telephone Conversation Between President Able and Secretary McDorn 1\n\n"
                   "Able: Hello.2" + NOTES)
    assert """\
+     "12. Telephone Conversation Between President Able and Secretary McDorn "
+     NoteRef n="1" line=1
""" in run.diff
    assert run.warnings == []


def test_a_number_glued_to_a_year_after_for_is_a_reference() -> None:
    run = run_pass("footnotes", "12. Memorandum of Conversation1\n\nAble had the plan for 19602 before him." + NOTES)
    assert """\
+         "Able had the plan for 1960"
+         NoteRef n="2" line=3
+         " before him."
""" in run.diff
