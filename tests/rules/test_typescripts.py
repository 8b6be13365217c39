"""The conventions of typescript memoranda and transcripts, one rule at a time.

Each case is a short memorandum in the layout of an archival typescript (made-up names);
the assertions are on the model the recognizers build and on the decisions they record.
"""

from __future__ import annotations

import pytest

from tei.converter import convert
from tei.model import Closing, Marking, NoteRef, PageBreak, Paragraph, PersName, Said, Section, plain_text

TYPESCRIPT = """SECRET

MEMORANDUM OF CONVERSATION

SUBJECT: Fishing Limits

PARTICIPANTS: The Secretary
              Foreign Minister Ødegaard
              Mr. Carr, EUR

DATE AND TIME: March 3, 1975, 10:00 a.m.
PLACE: The Secretary's Office
COPIES TO: S/S, EUR

The Secretary welcomed the Minister.

SECRET

- 2 -

SECRET

The Minister agreed to send a paper.

Drafted by: EUR:JCarr

SECRET
"""


def test_an_unnumbered_title_is_the_head_and_no_number_is_invented() -> None:
    document = convert(TYPESCRIPT, "t.txt").document
    assert document.number == ""
    assert document.head == ["MEMORANDUM OF CONVERSATION"]
    assert convert(TYPESCRIPT, "t.txt").xml.count(b'<div type="document" xml:id="doc">') == 1


def test_no_675_above_the_title_is_the_number_and_both_lines_are_the_head() -> None:
    document = convert("No. 675\n\nMemorandum of Conversation, by Mr. Able\n\nThey met.\n", "t.txt").document
    assert document.number == "675"
    assert plain_text(document.head) == "No. 675Memorandum of Conversation, by Mr. Able"


def test_a_first_line_that_is_no_known_title_is_kept_as_the_title_with_a_warning() -> None:
    # (A head naming a sender and a recipient, "The Ambassador (Able) to the Secretary", is a known title.)
    result = convert("Ruritanian Fishing Limits Once More\n\nTalks resumed.\n", "t.txt")
    assert result.document.head == ["Ruritanian Fishing Limits Once More"]
    assert [d.rule for d in result.diagnostics] == ["title-first-line"]


def test_header_fields_go_to_their_places_whatever_their_order() -> None:
    document = convert(TYPESCRIPT, "t.txt").document
    assert [line[0] for line in document.argument] == ["SUBJECT: Fishing Limits"]
    assert [(f.kind, f.when) for f in document.fields] == [
        ("date", "1975-03-03T10:00:00"), ("place", None), ("distribution", None)]
    assert [person.name for person in document.participants] == [
        "The Secretary", "Foreign Minister Ødegaard", "Mr. Carr"]


def test_inline_participants_are_separated_by_semicolons() -> None:
    text = "Memorandum of Conversation\n\nParticipants: Ambassador Able; Mr. Baker, EUR\n\nThey met.\n"
    assert [p.name for p in convert(text, "t.txt").document.participants] == ["Ambassador Able", "Mr. Baker"]


def test_classification_lines_are_markings_and_the_page_number_a_page_break() -> None:
    body = convert(TYPESCRIPT, "t.txt").document.body
    kinds = [type(block).__name__ for block in body]
    assert kinds == ["Paragraph", "Marking", "PageBreak", "Marking", "Paragraph", "Closing", "Marking"]
    page = body[2]
    assert isinstance(page, PageBreak) and page.n == "2"
    assert isinstance(body[-2], Closing) and body[-2].kind == "drafting"
    assert isinstance(convert(TYPESCRIPT, "t.txt").document.markings[0], Marking)


@pytest.mark.parametrize("line", ["- 2 -", "-2-", "Page 2 of 5", "PAGE 2", "2"])
def test_typescript_page_numbers(line: str) -> None:
    text = f"MEMORANDUM FOR THE RECORD\n\nThe first page ends.\n\n{line}\n\nThe second page begins.\n"
    pages = [block for block in convert(text, "t.txt").document.body if isinstance(block, PageBreak)]
    assert [page.n for page in pages] == ["2"]


def test_a_bare_number_is_a_page_number_only_where_one_is_expected() -> None:
    text = "MEMORANDUM FOR THE RECORD\n\nThe first page ends.\n\n7\n\nThe text goes on.\n"
    assert not any(isinstance(block, PageBreak) for block in convert(text, "t.txt").document.body)


def is_turn(paragraph: Paragraph) -> bool:
    """A labelled turn: direct speech opening with its label (reported speech is not one)."""
    first = paragraph.content[0]
    return isinstance(first, Said) and first.direct and isinstance(first.content[0], PersName)


TRANSCRIPT = """TELEPHONE CONVERSATION BETWEEN THE SECRETARY AND AMBASSADOR DORN

D: Mr. Secretary, I have just come from the Ministry.

K: Well—

D: They will not sign.

Comment: The Ambassador called back later.

K: Thank you.
"""


def test_labelled_turns_are_direct_speech_with_the_label_as_a_name() -> None:
    body = convert(TRANSCRIPT, "t.txt").document.body
    first = body[0]
    assert isinstance(first, Paragraph)
    [said] = first.content
    assert isinstance(said, Said) and said.direct
    # "D" is Ambassador Dorn, whom the heading in capitals names (persons.titled-name-in-capitals)
    assert said.content[:2] == [PersName("D", "dorn"), ": "]


def test_a_turn_ending_in_a_dash_is_never_a_heading_and_run_in_words_are_no_speakers() -> None:
    body = convert(TRANSCRIPT, "t.txt").document.body
    assert not any(isinstance(block, Section) for block in body)
    comment = body[3]
    assert isinstance(comment, Paragraph) and not is_turn(comment)


def test_a_label_used_once_is_a_speaker_only_if_it_names_a_participant() -> None:
    text = ("Memorandum of Conversation\n\nPARTICIPANTS: Ambassador Able\n              Mr. Baker\n\n"
            "Baker: We should begin.\n\nNote: the room was cold.\n")
    body = convert(text, "t.txt").document.body
    assert isinstance(body[0], Paragraph) and is_turn(body[0])
    assert isinstance(body[1], Paragraph) and not is_turn(body[1])


@pytest.mark.parametrize(("ending", "kind"), [
    ("JFD", "signed"), ("Harold Fenwick", "signed"), ("JOHN A. ABLE\nColonel, USA", "signed"),
    ("Approved:\nR. Carr", "signed"), ("A[nn] B. C[arr]", "signed"), ("Drafted by: EUR/WE:ABaker:jb", "drafting"),
    ("EUR/WE:ABaker:jb", "drafting"), ("S/S:JCarr:mb 3/5/65", "drafting"),
    ("Distribution:\n  Mr. Able\n  File", "distribution"),
])
def test_endings(ending: str, kind: str) -> None:
    text = f"MEMORANDUM FOR THE RECORD\n\nThe meeting ended at noon.\n\n{ending}\n"
    last = convert(text, "t.txt").document.body[-1]
    assert isinstance(last, Closing) and last.kind == kind


def test_a_name_alone_in_the_middle_of_the_text_is_no_ending() -> None:
    text = "MEMORANDUM FOR THE RECORD\n\nThe meeting began.\n\nHarold Fenwick\n\nThe meeting ended.\n"
    body = convert(text, "t.txt").document.body
    assert not any(isinstance(block, Closing) for block in body)


def test_a_name_and_initials_between_colons_in_the_text_are_no_drafting_line() -> None:
    text = "MEMORANDUM FOR THE RECORD\n\nThe meeting ended at noon.\n\nNote: Able said:no\n"
    assert not isinstance(convert(text, "t.txt").document.body[-1], Closing)


@pytest.mark.parametrize("lead", [
    "DEPARTMENT OF STATE\n    Memorandum of Conversation\n",
    "DEPARTMENT OF STATE\n\nMemorandum of Conversation\n",
    "THE WHITE HOUSE\nWASHINGTON\n\nMEMORANDUM OF CONVERSATION\n",
    "THE WHITE HOUSE\n\nWASHINGTON\n\nSECRET/SENSITIVE\n\nMEMORANDUM OF CONVERSATION\n",
    "Embassy of the United States of America\nParis\n\nSECRET\n\nMemorandum of Conversation\n",
    "CENTRAL INTELLIGENCE AGENCY\nWashington, D.C.\n\n12. Memorandum for the Record\n",
])
def test_a_letterhead_above_the_title_is_a_marking_not_the_title(lead: str) -> None:
    result = convert(lead + "\nSUBJECT: Fishing Limits\n\nAble opened the talk.\n", "t.txt")
    document = result.document
    assert plain_text(document.head) in ("Memorandum of Conversation", "MEMORANDUM OF CONVERSATION",
                                         "12. Memorandum for the Record")
    letterheads = [marking for marking in document.markings if marking.kind == "letterhead"]
    assert len(letterheads) == 1 and plain_text(letterheads[0].content).split()[0] in ("DEPARTMENT", "THE",
                                                                                         "Embassy", "CENTRAL")
    assert "title-first-line" not in [d.rule for d in result.diagnostics]
    assert b'<note type="letterhead">' in convert(lead + "\nAble opened the talk.\n", "t.txt", validate=True).xml


@pytest.mark.parametrize("lead", [
    "DEPARTMENT OF STATE\n\nSUBJECT: Fishing Limits\n",       # no title under it: the first line is the title
    "Department of State Policy Paper\n\nSUBJECT: Fishing\n",  # a title that names an office
])
def test_an_office_name_with_no_title_under_it_is_the_title(lead: str) -> None:
    document = convert(lead + "\nAble opened the talk.\n", "t.txt").document
    assert plain_text(document.head) == lead.split("\n")[0]
    assert not document.markings


def test_a_participants_line_indented_under_the_names_goes_on_with_the_entry_above() -> None:
    text = ("MEMORANDUM OF CONVERSATION\n\nPARTICIPANTS:     President Gerald Able\n"
            "                  Brent Carr, Assistant to the President for National\n"
            "                    Security Affairs\n                  Mr. Dorn\n\nAble said hello.\n")
    people = convert(text, "t.txt").document.participants
    assert [person.id for person in people] == ["able", "carr", "dorn"]
    assert people[1].occupations == ["Assistant to the President for National Security Affairs"]


def test_persons_indented_under_a_side_in_a_participants_field_are_not_its_continuation() -> None:
    text = ("MEMORANDUM OF CONVERSATION\n\nPARTICIPANTS:  United States\n                 Secretary Able\n"
            "                 Mr. Baker\n               USSR\n                 Ambassador Dorn\n"
            "                 Mr. Carr, Counselor of\n                   the Embassy\n\nAble said hello.\n")
    document = convert(text, "t.txt").document
    assert [[person.id for person in group] for group in document.groups] == [["able", "baker"],
                                                                                    ["dorn", "carr"]]
    assert document.participants[-1].occupations == ["Counselor of the Embassy"]


@pytest.mark.parametrize(("line", "ids"), [
    ("Mr. Able, Mr. Baker, General Carr", ["able", "baker", "carr"]),    # titled names: a series without "and"
    ("Mr. Able, Deputy Director", ["able"]),                              # a name and its office
    ("Able, Baker", ["able"]),                                            # bare names: maybe a name and a place
])
def test_a_series_of_titled_names_on_a_present_line_is_one_person_each(line: str, ids: list[str]) -> None:
    text = f"MEMORANDUM FOR THE RECORD\n\nPRESENT:  {line}\n\nThe Group met.\n"
    assert [person.id for person in convert(text, "t.txt").document.participants] == ids


def test_a_participant_entry_that_goes_on_as_a_sentence_keeps_only_the_name() -> None:
    text = ("MEMORANDUM FOR THE RECORD\n\nPRESENT:  Mr. Able\n          Mr. Evans and Colonel Fay were present "
            "for Item 2.\n\nThe Group met.\n")
    result = convert(text, "t.txt")
    fay = result.document.participants[-1]
    assert (fay.id, fay.name, fay.tail.strip()) == ("fay", "Colonel Fay", "were present for Item 2.")
    assert b"were present for Item 2." in result.xml


def test_a_letterhead_copied_into_the_text_gives_no_headings() -> None:
    text = ("12. Memorandum of Conversation\n\n    • Ambassador Able\n\nMEMORANDUM\n\nTHE WHITE HOUSE\n\n"
            "WASHINGTON\n\nMEMORANDUM OF CONVERSATION\n\nDATE AND TIME: Monday, January 29, 1973\n\n"
            "PLACE: The Office\n\nThe Annex\n\nAble opened the talk.\n")
    assert not any(isinstance(block, Section) for block in convert(text, "t.txt").document.body)


def test_every_typescript_converts_to_valid_tei() -> None:
    result = convert(TYPESCRIPT, "t.txt", validate=True)
    assert result.validation == []


@pytest.mark.parametrize(("sentence", "before"), [
    ("They met on May 251 and parted.", "They met on May 25"),
    ("The treaty of July 29, 19551 lapsed.", "The treaty of July 29, 1955"),
    ("He saw Mr. Baker 1 and left.", "He saw Mr. Baker "),
])
def test_references_glued_to_a_date_or_set_off_after_a_name(sentence: str, before: str) -> None:
    # Golden TEI cannot hold these forms: rendered back to text, the number is glued on again.
    text = f"12. Memorandum of Conversation\n\n{sentence}\n\n  1. A note.\n"
    [paragraph] = convert(text, "t.txt").document.body
    assert isinstance(paragraph, Paragraph)
    texts = [plain_text([item]) if not isinstance(item, NoteRef) else "|" for item in paragraph.content]
    assert "".join(texts).startswith(before + "|")


@pytest.mark.parametrize("sentence", ["The talks of July 25 were long.", "See Document 1 for the text."])
def test_a_day_or_a_thing_s_own_number_is_no_reference(sentence: str) -> None:
    text = f"12. Memorandum of Conversation\n\n{sentence}\n\n  1. A note.\n"
    assert not convert(text, "t.txt").document.footnotes[0].referenced


def decisions_of(text: str, rule: str) -> list[str]:
    """The verdicts, with their subjects, of one rule in the conversion of ``text``."""
    return [f"{e.decision.subject}: {e.decision.verdict}" for e in convert(text, "t.txt", explain=True).explanations
            if e.rule == rule and e.decision is not None]


NAMED_BODY = ("MEMORANDUM FOR THE RECORD\n\nPARTICIPANTS: Ambassador Carr; Mr. Baker\n\n"
              "John Q. Baker and Ambassador Carr met at noon.\n\n{line}\n\nThe talks went on.\n")


@pytest.mark.parametrize("line", ["Harold Q. Fenwick", "J. Carr", "Carr", "JQB", "J.Q.B."])
def test_a_name_or_initials_alone_between_paragraphs_is_no_heading(line: str) -> None:
    document = convert(NAMED_BODY.format(line=line), "t.txt").document
    assert not any(isinstance(block, Section) for block in document.body)
    assert [plain_text(block.content) for block in document.body if isinstance(block, Paragraph)][1] == line


@pytest.mark.parametrize("line", ["Trade Questions", "Ambassador Carr", "Annex Baker", "NATO"])
def test_a_line_that_names_no_person_of_the_memorandum_may_still_be_a_heading(line: str) -> None:
    document = convert(NAMED_BODY.format(line=line), "t.txt").document
    assert [plain_text(block.head or []) for block in document.body if isinstance(block, Section)] == [line]


@pytest.mark.parametrize("header", [
    "15 May 1961\n\nSUBJECT: Airlift Planning", "SUBJECT: Airlift Planning\n15 May 1961",
    "SUBJECT: Airlift Planning\n\n15 May 1961", "Washington, 15 May, 1961\nSUBJECT: Airlift Planning",
])
def test_a_date_line_under_the_title_is_the_date_of_the_memorandum_not_its_subject(header: str) -> None:
    document = convert(f"MEMORANDUM FOR THE RECORD\n\n{header}\n\nThe meeting began.\n", "t.txt").document
    assert document.dateline is not None and document.dateline.when == "1961-05-15"
    assert [plain_text(line) for line in document.argument] == ["SUBJECT: Airlift Planning"]


@pytest.mark.parametrize("participants", [
    "PARTICIPANTS: The Secretary\n              Ambassador Able", "PARTICIPANTS: The Secretary; Ambassador Able",
    "PARTICIPANTS:\n\nThe Secretary\nAmbassador Able", "PARTICIPANTS:\n\n    • The Secretary\n    • Ambassador Able",
])
def test_the_participants_label_heads_their_list_and_is_no_participant(participants: str) -> None:
    result = convert(f"MEMORANDUM OF CONVERSATION\n\n{participants}\n\nThe Secretary opened the talks.\n", "t.txt",
                     explain=True)
    document = result.document
    assert document.participants_head == "PARTICIPANTS:"
    assert [(person.lead, person.name) for person in document.participants] == [
        ("", "The Secretary"), ("", "Ambassador Able")]
    assert b"<head>PARTICIPANTS:</head>" in result.xml


def test_a_participants_label_with_no_names_under_it_is_kept_as_a_header_line() -> None:
    result = convert("MEMORANDUM OF CONVERSATION\n\nPARTICIPANTS:\n\nDATE: March 3, 1975\n\nThey met.\n", "t.txt")
    assert [plain_text(line) for line in result.document.argument] == ["PARTICIPANTS:"]
    assert [d.rule for d in result.diagnostics] == ["participants-label"]


@pytest.mark.parametrize(("line", "names"), [
    ("Ambassador Able, Mr. Baker, and Dr. Carr", ["Ambassador Able", "Mr. Baker", "Dr. Carr"]),
    ("The Secretary, Ambassador Able and Ann Carr de Dorn", ["The Secretary", "Ambassador Able", "Ann Carr de Dorn"]),
    ("Able, Baker, and Carr", ["Able", "Baker", "Carr"]),
    ("Mr. Able, Minister of Trade and Industry", ["Mr. Able"]),
    ("Mr. Able, Deputy Director, Policy and Planning", ["Mr. Able"]),
    # The name of an office (its last word an office's: "Staff", "Council") describes the person.
    ("Mr. Ann B. Able, NSC Staff", ["Mr. Ann B. Able"]),
    ("Dr. Baker, Policy Planning Council", ["Dr. Baker"]),
    ("Mr. Able, Mr. House and Dr. Carr", ["Mr. Able", "Mr. House", "Dr. Carr"]),
])
def test_a_series_of_names_on_the_participants_line_is_one_person_each(line: str, names: list[str]) -> None:
    text = f"Memorandum of Conversation\n\nParticipants: {line}\n\nThey met.\n"
    assert [p.name for p in convert(text, "t.txt").document.participants] == names
    assert bool(decisions_of(text, "participants-series")) == (len(names) > 1)


def test_the_address_lines_are_the_opener_and_the_correspondence_of_the_header_not_the_subject() -> None:
    text = ("MEMORANDUM\n\nTO: The Secretary\nTHROUGH: S/S - Mr. Baker\nFROM: EUR - Ann Q. Able\n"
            "SUBJECT: Visit of the Foreign Minister\n\nThe Minister arrives on Monday.\n")
    result = convert(text, "t.txt", validate=True)
    assert [plain_text(line) for line in result.document.argument] == ["SUBJECT: Visit of the Foreign Minister"]
    assert [field.kind for field in result.document.fields] == ["to", "through", "from"]
    xml = result.xml.decode()
    assert "<opener>TO: The Secretary\n<lb/>THROUGH: S/S - " in xml and "\n<lb/>FROM: EUR - <persName ref=\"#able\">Ann Q. Able</persName></opener>" in xml
    assert ['<correspAction type="received">', '<correspAction type="transmitted">', '<correspAction type="sent">'] \
        == [line.strip() for line in xml.splitlines() if "<correspAction" in line]
    assert "<name>EUR - Ann Q. Able</name>" in xml
    assert result.validation == []

