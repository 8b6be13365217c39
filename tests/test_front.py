"""Front matter: dates in the forms memoranda use, and where the subject lines end."""

from __future__ import annotations

import pytest

from tei import convert
from tei.model import plain_text
from tei.recognize.front import is_front_line, parse_date


@pytest.mark.parametrize(("line", "when"), [
    ("July 26, 1986", "1986-07-26"),
    ("Washington, July 26, 1986", "1986-07-26"),
    ("June 1985", "1985-06"),
    ("June 15, 1965, 5:30 p.m.", "1965-06-15T17:30:00"),
    ("January 3, 1962, 12:15 a.m.", "1962-01-03T00:15:00"),
    ("Sometime in 1986", None),
    ("July 32, 1986", None),
])
def test_parse_date(line: str, when: str | None) -> None:
    assert parse_date(line) == when


@pytest.mark.parametrize(("line", "front"), [
    ("Visit of Deputy Foreign Minister Alpha", True),
    ("SUBJECT: Discussion on Broad Policy Aspects", True),
    ("The cable reports on the talks.1", False),
    ("A a. [Page 3]", False),
    ("He said so.", False),
    ("No. 442", True),
    ("No. 442 was sent.", False),
])
def test_front_lines(line: str, front: bool) -> None:
    assert is_front_line(line) is front


LONG_TITLE = ("Memorandum From Ann Able (Deputy Assistant Secretary of State for Public Affairs) Through Bo Baker "
              "(Chief of the Western Hemisphere, African, and Middle Eastern Division) and Cy Carr (General Editor) "
              "to Dee Dorn (Director of the Historian’s Office)")


@pytest.mark.parametrize(("title", "number", "rule"), [
    ("12. Memorandum of Conversation", "12", "title-numbered"),
    ("MEMORANDUM OF CONVERSATION", "", "title-kind"),
    ("Memorandum for the Record", "", "title-kind"),
    ("Telephone Conversation Between the President and Ambassador Able", "", "title-kind"),
    ("Telegram From the Embassy in Ruritania to the Department of State", "", "title-kind"),
    ("Letter From Ambassador Able to Secretary Baker", "", "title-kind"),
    (LONG_TITLE, "", "title-kind"),
    ("Ann Able to Bo Baker", "", "title-first-line"),
    ("The Secretary of State to the Embassy in Ruritania", "", "title-correspondents"),
    ("The Ambassador in Ruritania (Able) to the Secretary of State", "", "title-correspondents"),
    ("President Able to Prime Minister Baker", "", "title-correspondents"),
    ("The Minister went to Ruritania", "", "title-first-line"),
])
def test_the_first_line_is_the_title(title: str, number: str, rule: str) -> None:
    from tei.converter import convert

    result = convert(f"{title}\n\nMay 3, 1981\n\nAble said the meeting would begin.\n", explain=True)
    assert (result.document.number, plain_text(result.document.head)) == (number, title)
    assert rule in {explanation.rule for explanation in result.explanations}
    warned = [diagnostic for diagnostic in result.diagnostics if "no title recognized" in str(diagnostic)]
    assert bool(warned) == (rule == "title-first-line")


@pytest.mark.parametrize(("text", "title"), [
    ("190. Transcript of Telephone Conversation Between President Nixon and his Assistant (Kissinger)1",
     "Transcript of Telephone Conversation Between President Nixon and his Assistant (Kissinger)"),
    ("President Roosevelt to Prime Minister Churchill", "President Roosevelt to Prime Minister Churchill"),
    ("No. 634\nMemorandum of Conversation, by Ann Q. Able, Special Assistant",
     "Memorandum of Conversation, by Ann Q. Able, Special Assistant"),
])
def test_the_title_keeps_the_names_of_the_head(text: str, title: str) -> None:
    """The header's title is the head's words, the names the persons pass tags in it included."""
    from tei.converter import convert

    result = convert(f"{text}\n\nPresident Nixon said the meeting would begin.\n\n  1. Source: a file.\n")
    assert result.document.title == title


@pytest.mark.parametrize(("block", "title", "subject", "references"), [
    # broken off long, mid-phrase: the title goes on
    ("228. Memorandum of Discussion at the 424th Meeting of the Board of the\nRuritanian Council1",
     "Memorandum of Discussion at the 424th Meeting of the Board of the Ruritanian Council", [], ["1"]),
    # broken off at a comma, before the time of day: "1:15" is not footnote 1
    ("104. Memorandum of Conversation, Washington, January 29, 1973,\n1:15-2:20 p.m.1 2",
     "Memorandum of Conversation, Washington, January 29, 1973, 1:15-2:20 p.m.", [], ["1", "2"]),
    # a title that ends with its note number is whole: the line under it is the subject
    ("7. Memorandum of Conversation Between Ambassador Able and Mr. Baker1\nTrade Talks",
     "Memorandum of Conversation Between Ambassador Able and Mr. Baker", ["Trade Talks"], ["1"]),
    # a short title is whole
    ("MEMORANDUM FOR THE RECORD\nTrade Talks", "MEMORANDUM FOR THE RECORD", ["Trade Talks"], []),
    # a labelled field under a long title is a field
    ("Memorandum of Conversation Between Ambassador Able and Mr. Baker of State\nSUBJECT: Trade",
     "Memorandum of Conversation Between Ambassador Able and Mr. Baker of State", ["SUBJECT: Trade"], []),
])
def test_a_title_wrapped_onto_more_lines_is_one_head(block: str, title: str, subject: list[str],
                                                     references: list[str]) -> None:
    from tei.converter import convert

    result = convert(f"{block}\n\nAble said the meeting would begin.\n\n  1. Source: a file.\n  2. Time.\n",
                     explain=True)
    assert result.document.title == title
    assert [plain_text(line) for line in result.document.argument] == subject
    wrapped = [explanation for explanation in result.explanations if explanation.rule == "title-wrapped"]
    assert len(wrapped) == block.count("\n") - len(subject)
    assert [note.n for note in result.document.footnotes if note.referenced] == references


def test_a_number_line_under_the_title_is_the_number_the_despatch_bears() -> None:
    # "No. 442" under "The Ambassador … to the Secretary": the despatch's own number, in the opener,
    # neither a heading nor the subject; the document's number stays its own.
    from lxml import etree

    result = convert("The Ambassador in Ruritania (Able) to the Secretary of State\n\nNo. 442\n\n"
                     "Sir: I have the honor to report that the note was delivered.\n", validate=True)
    assert result.valid, result.validation
    assert [(f.kind, plain_text(f.content)) for f in result.document.fields] == [("number", "No. 442")]
    assert result.document.number == "" and not result.document.argument
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    tree = etree.fromstring(result.xml)
    assert tree.xpath("//t:body//t:opener/text()", namespaces=ns) == ["No. 442"]
    assert tree.xpath("//t:body//t:div[@type='section']", namespaces=ns) == []


PLACE_AFTER_PARTICIPANTS = ("1. Memorandum of Conversation\n\n\n    • President Able\n    • Chancellor Baker\n\n\n"
                            "    • {place}\n\nAble said hello.\n")


@pytest.mark.parametrize("place", ["The President’s Study", "Oval Office", "Cabinet Room, White House",
                                   "The Soviet Embassy"])
def test_a_bullet_line_alone_naming_a_room_is_the_place_not_a_participant(place: str) -> None:
    result = convert(PLACE_AFTER_PARTICIPANTS.format(place=place), validate=True)
    assert result.valid, result.validation
    document = result.document
    assert [person.id for person in document.participants] == ["able", "baker"]
    assert [(field.kind, plain_text(field.content)) for field in document.fields] == [("place", place)]


@pytest.mark.parametrize("entry", ["Ambassador Hall", "Mr. House", "Ann Able, Embassy"])
def test_a_person_whose_name_or_affiliation_ends_like_a_building_stays_a_participant(entry: str) -> None:
    document = convert(PLACE_AFTER_PARTICIPANTS.format(place=entry)).document
    assert len(document.participants) == 3
    assert document.fields == []
