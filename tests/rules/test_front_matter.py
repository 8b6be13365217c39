"""The front-matter rules, one decision at a time: page markers above the title, the title,
the header lines under it, the participants, and where the body begins.

Each case is the start of a memorandum; the decisions are those ``tei convert --explain``
prints, by rule and line.
"""

from __future__ import annotations

from tei.converter import convert
from tei.model import Document

BODY = "Able opened the talks.\n"


def front(text: str) -> tuple[Document, list[tuple[int, str, str]]]:
    """The document, and the (line, rule, verdict) of every front-matter decision."""
    conversion = convert(text, "m.txt", explain=True)
    rules = {"page-break-before-title", "title-numbered", "header-lines", "page-break-in-header", "participants",
             "front-matter-end"}
    return conversion.document, [(e.line or 0, e.rule or "", e.decision.verdict) for e in conversion.explanations
                                 if e.rule in rules and e.decision is not None]


def test_a_page_marker_above_the_title_is_the_page_the_document_starts_on() -> None:
    document, decisions = front("[Page 5]\n\n12. Memorandum of Conversation\n\n" + BODY)
    assert decisions[:2] == [(1, "page-break-before-title", "page break 5"), (3, "title-numbered", "title, number 12")]
    assert [page.n for page in document.leading] == ["5"]


def test_the_lines_under_the_title_are_its_subject_and_its_dateline() -> None:
    document, decisions = front("12. Memorandum of Conversation\n\nVisit of the Minister\n"
                                "Washington, March 3, 1975\n\n" + BODY)
    assert decisions[1:3] == [(3, "header-lines", "subject"), (4, "header-lines", "dateline, when=1975-03-03")]
    assert document.dateline is not None and document.dateline.place == "Washington"


def test_a_page_marker_among_the_header_lines_is_a_page_turning_in_the_header() -> None:
    document, decisions = front("12. Memorandum of Conversation\n\nVisit of the Minister\n\n[Page 6]\n\n"
                                "March 3, 1975\n\n" + BODY)
    assert (5, "page-break-in-header", "page break 6") in decisions
    assert [page.n for page in document.front_breaks] == ["6"]
    assert document.dateline is not None


def test_each_block_of_bullets_is_one_group_of_participants() -> None:
    document, decisions = front("12. Memorandum of Conversation\n\n    • Ambassador Able\n    • Mr. Baker\n\n"
                                "    • Minister Carr\n\n" + BODY)
    assert [d for d in decisions if d[1] == "participants"] == [
        (3, "participants", "participant #able, group 1"), (4, "participants", "participant #baker, group 1"),
        (6, "participants", "participant #carr, group 2")]
    assert [[person.id for person in group] for group in document.groups] == [["able", "baker"], ["carr"]]


def test_the_body_begins_at_the_first_block_no_front_matter_rule_takes() -> None:
    _, decisions = front("12. Memorandum of Conversation\n\nVisit of the Minister\n\n" + BODY)
    assert decisions[-1] == (5, "front-matter-end", "the body begins")


def test_two_blank_lines_end_the_header_even_before_a_short_line() -> None:
    document, decisions = front("12. Memorandum of Conversation\n\nVisit of the Minister\n\n\n"
                                "Trade Questions\n\n" + BODY)
    assert decisions[-1] == (6, "front-matter-end", "the body begins")
    assert len(document.argument) == 1


def test_a_header_line_may_hold_an_abbreviation_with_its_full_stop_in_capitals_too() -> None:
    """"TELEPHONE CALL TO AMB. ABLE": the stop closes "Amb.", no sentence; the line is a header line."""
    for line in ("TELEPHONE CALL TO AMB. ABLE", "Visit of Mr. Able"):
        _, decisions = front("12. Memorandum of Conversation\n\n" + line + "\n\n" + BODY)
        assert decisions[1] == (3, "header-lines", "subject")


def test_a_full_stop_after_a_word_that_is_no_abbreviation_makes_the_line_a_sentence() -> None:
    _, decisions = front("12. Memorandum of Conversation\n\nAble called. Baker answered\n\n" + BODY)
    assert (3, "header-lines", "subject") not in decisions


def test_an_editors_bracketed_line_under_the_title_is_the_bodys_not_a_subject_line() -> None:
    """"[Here follows …]" right under the title is the editors' word on what is left out: the body begins."""
    document, decisions = front("12. Memorandum of a Telephone Conversation\n\n"
                                "[Here follows discussion of other subjects.]\n\n" + BODY)
    assert document.argument == []
    assert (3, "front-matter-end", "the body begins") in decisions
