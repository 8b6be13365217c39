"""The section rules, one decision at a time: ``heading`` (a line is a heading or not) and
``section-break`` (two blank lines open a section without a head).

Each case is a memorandum's body under a title and two participants (Able, Baker); the
rule's decision about the line marked ``>>`` is what ``tei convert --explain`` prints.
"""

from __future__ import annotations

import pytest

from tei.converter import Converter, convert
from tei.recognize import build_recognizers
from tei.rules import Decision

PREAMBLE = "1. Memorandum of Conversation\n\n    • Ambassador Able\n    • Mr. Baker\n\n"


def decisions(body: str, rule: str) -> dict[str, Decision]:
    """The decisions of ``rule`` on the body, by the text of the line decided on."""
    text = PREAMBLE + body.replace(">> ", "")
    lines = text.split("\n")
    found: dict[str, Decision] = {}
    for explanation in convert(text, "m.txt", explain=True).explanations:
        if explanation.rule == rule and explanation.decision is not None and explanation.line:
            found[lines[explanation.line - 1].strip()] = explanation.decision
    return found


def marked(body: str) -> str:
    [line] = [line[3:] for line in body.split("\n") if line.startswith(">> ")]
    return line


HEADINGS = {
    "a short capitalized line between paragraphs":
        "Able opened the talks.\n\n>> Trade Questions\n\nBaker said trade was on the agenda.\n",
    "a numbered line":
        "Able opened the talks.\n\n>> 2. Trade\n\nBaker said trade was on the agenda.\n",
    "a short line with a date written with slashes":
        "Able opened the talks.\n\n>> Talks of 3/14\n\nBaker said trade was on the agenda.\n",
    "a numbered heading with a footnote number glued to it":
        "Able opened the talks.\n\n>> Trade Questions3\n\nBaker said trade was on the agenda.\n",
    "an agenda item's number and a colon before its title":
        "Able opened the talks.\n\n>> Issue 1: Trade Questions\n\nMr. Baker: Trade is on the agenda.\n",
    "a line in capitals naming another kind of record than the title's":
        "Able opened the talks.\n\n>> SUMMARY OF CONCLUSIONS\n\nBaker said trade was on the agenda.\n",
    "an agenda item numbered in roman numerals":
        "Able opened the talks.\n\n>> Item II: Fisheries\n\nBaker said fish were on the agenda.\n",
    "a dated line above a paragraph that is not a quotation":
        "Able opened the talks.\n\n>> Meeting of March 9, 1967\n\nBaker said trade was on the agenda.\n",
}

NOT_HEADINGS = {
    "a sentence, ending with its full stop":
        ("Able opened the talks.\n\n>> Baker agreed.\n\nAble went on.\n", "punctuation"),
    "a line starting in lower case":
        ("Able opened the talks.\n\n>> and then the talks resumed\n\nAble went on.\n", "capital"),
    "a line of more than twelve words":
        (("Able opened the talks.\n\n>> The two sides then turned to the questions of trade and of the "
         "fisheries in the north\n\nAble went on.\n"), "more than 12 words"),
    "a line holding a page marker":
        ("Able opened the talks.\n\n>> Trade [Page 5] Questions\n\nAble went on.\n", "page marker"),
    "a labelled line":
        ("Able opened the talks.\n\n>> Place: The Minister’s Office\n\nAble went on.\n", "labelled"),
    "the record's own kind in capitals, as the title names it (its caption)":
        ("Able opened the talks.\n\n>> MEMORANDUM OF CONVERSATION\n\nAble went on.\n", "own kind"),
    "a labelled line whose label holds no number":
        ("Able opened the talks.\n\n>> Item: Trade Questions\n\nAble went on.\n", "labelled"),
    "a document's reference code":
        ("Able opened the talks.\n\n>> SecDel MC/33\n\nAble went on.\n", "reference code"),
    "a reference code of slashed parts":
        ("Able opened the talks.\n\n>> US/MC/7\n\nAble went on.\n", "reference code"),
    "a dated line above a quotation (the source of the words quoted)":
        ("Able read his statements.\n\n>> Press Conference of March 9, 1967\n\n“We are ready,” he said.\n",
         "source of the words quoted"),
    "a dated line above a quotation, a note's number glued to the year":
        ("Able read his statements.\n\n>> Riverton, August 19, 19682\n\n“We are ready.”\n",
         "source of the words quoted"),
    "one of a run of heading-shaped lines":
        ("Able opened the talks.\n\n>> Trade Questions\n\nFisheries Questions\n\nAble went on.\n",
         "heading-shaped too"),
    "a subject and a verb of acting, the full stop missing (a stage direction)":
        ("Able opened the talks.\n\n>> Carr, Dorn joined the group later\n\nAble went on.\n", "a sentence without"),
    "a point of a numbered list, another point of which closes with a full stop":
        (("Able opened the talks.\n\n>> 1. On Briefing\n\nCall them all.\n\n2. Announcement\n\nApproved.\n\n"
         "3. Talk to Baker.\n\nAble went on.\n"), "numbered list"),
    "a point of the outer list, where a list inside starts again at 1":
        (("Able opened the talks.\n\n1. Briefing\n\nCall them.\n\n2. Terms.\n\n1. No attacks.\n\n2. No abuse.\n\n"
         ">> 3. Backgrounders\n\nAble went on.\n"), "numbered list"),
}


def test_numbered_headings_none_of_which_closes_with_a_full_stop_stay_headings() -> None:
    body = ("Able opened the talks.\n\n1. Trade\n\nBaker said trade was on the agenda.\n\n2. Fisheries\n\n"
            "Able said so.\n\n3. Closing Remarks\n\nThey parted.\n")
    verdicts = {line: decision.verdict for line, decision in decisions(body, "heading").items()}
    assert [verdicts[line] for line in ("1. Trade", "2. Fisheries", "3. Closing Remarks")] == ["heading"] * 3


@pytest.mark.parametrize("body", HEADINGS.values(), ids=HEADINGS.keys())
def test_a_line_is_a_heading(body: str) -> None:
    decision = decisions(body, "heading")[marked(body)]
    assert decision.verdict == "heading"
    assert decision.reason


@pytest.mark.parametrize(("body", "why"), NOT_HEADINGS.values(), ids=NOT_HEADINGS.keys())
def test_a_line_is_not_a_heading_and_the_reason_says_why(body: str, why: str) -> None:
    decision = decisions(body, "heading")[marked(body)]
    assert decision.verdict == "not a heading"
    assert why in decision.reason


def test_a_block_of_several_lines_is_never_considered_for_a_heading() -> None:
    body = "Able opened the talks.\n\nTrade Questions\nand Fisheries\n\nBaker agreed.\n"
    assert "Trade Questions" not in decisions(body, "heading")


# ---------------------------------------------------------------------------- section-break


def test_two_blank_lines_before_a_paragraph_open_a_section_without_a_head() -> None:
    body = "Able opened the talks.\n\n\n>> Baker said trade was on the agenda.\n"
    decision = decisions(body, "section-break")[marked(body)]
    assert decision.verdict == "section break, no heading"
    assert "2 blank lines" in decision.reason
    [section] = convert(PREAMBLE + body.replace(">> ", "")).document.body[1:]
    assert section.head is None  # type: ignore[union-attr]


def test_one_blank_line_is_a_paragraph_break_not_a_section_break() -> None:
    assert decisions("Able opened the talks.\n\nBaker said trade was on the agenda.\n", "section-break") == {}


def test_a_heading_after_two_blank_lines_opens_one_section_with_its_head() -> None:
    body = "Able opened the talks.\n\n\nTrade Questions\n\nBaker said trade was on the agenda.\n"
    assert decisions(body, "section-break") == {}
    assert decisions(body, "heading")["Trade Questions"].verdict == "heading"


def test_a_page_break_between_the_blank_lines_and_the_heading_belongs_to_the_heading_s_section() -> None:
    body = "Able opened the talks.\n\n\n[Page 6]\n\nTrade Questions\n\nBaker said trade was on the agenda.\n"
    dump = convert(PREAMBLE + body).document.dump()
    assert """\
    Section line=9 space_before=true
      head:
        "Trade Questions"
      blocks:
""" in dump
    assert 'breaks_before_head:\n        PageBreak n="6" line=9' in dump


def test_without_the_section_break_rule_two_blank_lines_are_a_paragraph_break() -> None:
    recognizers = build_recognizers()
    recognizers.blocks.deregister("section-break")
    body = "Able opened the talks.\n\n\nBaker said trade was on the agenda.\n"
    document = Converter(recognizers).convert(PREAMBLE + body).document
    assert [type(block).__name__ for block in document.body] == ["Paragraph", "Paragraph"]
