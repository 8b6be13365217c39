"""The title-participants pass, alone: an older record names its writer, and the other party, in its title."""

from __future__ import annotations

import pytest
from lxml import etree
from passkit import run_pass

from tei import convert
from tei.resolve.title_participants import between_parties, title_persons, title_writer

NS = {"t": "http://www.tei-c.org/ns/1.0"}
WITH_COUNSELOR = ("Memorandum by Mr. Ann Q. Able, of the Division of Western Affairs, of a Conversation With the "
                  "Counselor of the Ruritanian Embassy (Baker)")


@pytest.mark.parametrize(("title", "persons"), [
    ("Memorandum by the Under Secretary of State (Able)", [("Able", "Under Secretary of State")]),
    ("Memorandum of Conversation, by the Ambassador in Ruritania (Baker)", [("Baker", "Ambassador in Ruritania")]),
    ("Memorandum of a Conversation, by the Chief of the Division of Western Affairs (Carr)",
     [("Carr", "Chief of the Division of Western Affairs")]),
    ("Memorandum Prepared by the President's Assistant for National Security Affairs (Dorn)",
     [("Dorn", "President's Assistant for National Security Affairs")]),
    (WITH_COUNSELOR,
     [("Mr. Ann Q. Able", None), ("Baker", "Counselor of the Ruritanian Embassy")]),
])
def test_the_title_names_the_writer_and_the_other_party(title: str, persons: list[tuple[str, str | None]]) -> None:
    assert title_persons(title) == persons


@pytest.mark.parametrize(("title", "why"), [
    ("Memorandum of Conversation, by the Secretary of State", "an office without a name"),
    ("Memorandum by the Director of the Office of Western Affairs (Able) to Mr. Ann Baker",
     "a memorandum to someone"),
    ("Memorandum of Conversation", "no writer"),
    ("The Ambassador in Ruritania (Able) to the Secretary of State", "a letter, not a memorandum"),
])
def test_other_titles_name_nobody(title: str, why: str) -> None:
    assert title_persons(title) == [], why
    assert title_writer(title) is None, why


def test_without_a_list_the_persons_of_the_title_are_the_participants() -> None:
    run = run_pass("participants.title", WITH_COUNSELOR + "\n\n"
                   "Mr. Baker asked Mr. Able about the note. Mr. Able replied that it was ready.\n")
    assert [person.id for person in run.document.participants] == ["able", "baker"]
    assert run.document.participants[1].role_names == ["Counselor", "of", "the", "Ruritanian", "Embassy"]
    assert run.document.participants_from_title
    title = "'Memorandum by Mr. Ann Q. Able, of the Division of…'"
    assert run.decisions == [f"1: participants.title: {title}: participant #able",
                             f"1: participants.title: {title}: participant #baker"]


def test_a_list_in_the_text_is_left_as_it_is() -> None:
    run = run_pass("participants.title", "Memorandum of Conversation, by the Ambassador in Ruritania (Baker)\n\n"
                   "    • Mr. Carr\n    • Ambassador Baker\n\nMr. Carr said no.\n")
    assert run.diff == "" and [person.id for person in run.document.participants] == ["carr", "baker"]


def test_the_participants_go_to_the_header_and_speak_but_no_list_is_added_to_the_text() -> None:
    result = convert("Memorandum by the Under Secretary of State (Able)\n\n"
                     "The Ruritanian Minister called. I said that the note was ready.\n\nAnn Able\n", validate=True)
    assert result.valid, result.validation
    tree = etree.fromstring(result.xml)
    # (the Minister who called is a participant too: participants.caller)
    assert tree.xpath("//t:particDesc//t:person/@xml:id", namespaces=NS) == ["able", "ruritanian-minister"]
    assert tree.xpath("//t:particDesc//t:forename/text()", namespaces=NS) == ["Ann"]  # from the signature
    assert tree.xpath("//t:body//t:list[@type='participants']", namespaces=NS) == []
    assert tree.xpath("//t:said/@who", namespaces=NS) == ["#able"]
    assert tree.xpath("string(//t:signed/t:persName)", namespaces=NS) == "Ann Able"


def test_a_writer_named_by_office_alone_is_named_by_the_signature() -> None:
    # "by the Secretary of State": the signature that ends the record names him, letters the
    # editors supplied in brackets read as the name.
    text = ("Memorandum of Conversation, by the Secretary of State\n\n"
            "The Ruritanian Ambassador called. I replied that the note was ready.\n\nC[arl] A[ble]\n")
    run = run_pass("participants.title", text)
    (writer,) = run.document.participants
    assert (writer.id, writer.forenames, writer.surname, writer.role_names) == (
        "able", ["Carl"], "Able", ["Secretary", "of", "State"])
    result = convert(text, validate=True)
    assert result.valid, result.validation
    assert etree.fromstring(result.xml).xpath("//t:said/@who", namespaces=NS) == ["#able"]


@pytest.mark.parametrize(("ending", "why"), [
    ("CA", "initials are no name"),
    ("The note was delivered.", "no signature"),
])
def test_without_a_signed_full_name_an_office_alone_names_nobody(ending: str, why: str) -> None:
    run = run_pass("participants.title", "Memorandum of Conversation, by the Secretary of State\n\n"
                   f"The Ambassador called. I replied that the note was ready.\n\n{ending}\n")
    assert run.document.participants == [], why


UNDER_SECRETARY = "Memorandum by the Under Secretary of State (Able)\n\n"


@pytest.mark.parametrize(("opening", "role"), [
    ("The Ruritanian Ambassador called on his own request.", "Ruritanian Ambassador"),
    ("The Minister of Ruritania told me that the note was ready.", "Minister of Ruritania"),
    ("The Ruritanian Chargé d’Affaires came in to see me.", None),  # "d’Affaires" is no title head
    ("The Ruritanian Ambassador has left the capital.", None),  # neither a call nor words to the writer
    ("The Ruritanian Government called for talks.", None),  # a government is no person
])
def test_the_office_that_opens_the_record_is_the_other_party(opening: str, role: str | None) -> None:
    run = run_pass("participants.caller", UNDER_SECRETARY + opening + " I said that I was glad.\n")
    roles = [" ".join(person.role_names) for person in run.document.participants if person.role_only]
    assert roles == ([role] if role else [])


def test_the_caller_speaks_and_is_he_after_his_call() -> None:
    # "The Ambassador" is the Finnish Ambassador who called: the one participant in that office.
    result = convert(UNDER_SECRETARY + "The Finnish Ambassador called. He said that the note was ready.\n\n"
                     "I replied that I was glad.\n\nThe Ambassador asked me whether the talks would go on.\n", validate=True)
    assert result.valid, result.validation
    assert etree.fromstring(result.xml).xpath("//t:said/@who", namespaces=NS) == [
        "#finnish-ambassador", "#able", "#finnish-ambassador"]


def test_a_record_with_a_list_of_participants_gets_no_caller() -> None:
    run = run_pass("participants.caller", UNDER_SECRETARY + "    • Mr. Carr\n    • Mr. Able\n\n"
                   "The Ruritanian Ambassador called.\n")
    assert run.diff == ""


@pytest.mark.parametrize(("subject", "party"), [
    ("Conversation with Dorn—July 23, 1970", "dorn"),
    ("Conversation With Ambassador Ann Dorn", "dorn"),
    ("Conversations on the Treaty", None),
])
def test_a_subject_line_conversation_with_names_the_other_party(subject: str, party: str | None) -> None:
    run = run_pass("participants.subject", "Memorandum Prepared by the President's Assistant (Able)\n\n"
                   f"{subject}\n\nDorn asked me about the treaty. I said that it was ready.\n")
    assert [person.id for person in run.document.participants] == ["able"] + ([party] if party else [])


CONFERENCE = ("12. Memorandum of a Conference With the President, White House, Washington, May 4, 1956\n\n"
              "    • Admiral Able\n    • General Baker\n\n"
              "The President said the plan was sound. Admiral Able said the Chiefs were divided.\n")


def test_a_conference_with_the_president_makes_him_a_participant_beside_the_others_present() -> None:
    run = run_pass("participants.conference-with", CONFERENCE)
    assert [person.id for person in run.document.participants] == ["president", "able", "baker"]
    assert run.decisions == [("1: participants.conference-with: 'Memorandum of a Conference With the "
                             "President, Wh…': participant #president")]


def test_the_president_of_a_conference_speaks_and_the_list_keeps_its_own_lines() -> None:
    result = convert(CONFERENCE, validate=True)
    assert result.valid, result.validation
    tree = etree.fromstring(result.xml)
    assert tree.xpath("//t:particDesc//t:person/@xml:id", namespaces=NS) == ["president", "able", "baker"]
    assert tree.xpath("//t:body//t:list[@type='participants']//t:persName/text()", namespaces=NS) == [
        "Admiral Able", "General Baker"]
    assert tree.xpath("//t:said/@who", namespaces=NS) == ["#president", "#able"]


def test_a_conference_with_a_named_president_makes_him_the_participant_of_that_name() -> None:
    run = run_pass("participants.conference-with", CONFERENCE.replace("a Conference With the President",
                                                                      "Conference With President Carr"))
    assert [person.id for person in run.document.participants] == ["carr", "able", "baker"]


@pytest.mark.parametrize(("title", "parties"), [
    (("Memorandum of a Telephone Conversation Between the President and the Secretary of State, Washington, "
     "May 4, 1956, 10:15 a.m."), [("president", None), ("secretary-of-state", None)]),
    (("Memorandum of a Telephone Conversation Between the Secretary of State in Washington and the Representative at "
     "the United Nations (Able) in New York, May 4, 1956"), [("secretary-of-state", None), ("able", "Able")]),
    (("Memorandum of a Telephone Conversation Between President Able in Washington and Prime Minister Baker in "
     "Ruritania, May 4, 1956"), [("able", "Able"), ("baker", "Baker")]),
    (("Transcript of Telephone Conversation Between President Able and his Assistant for National Security Affairs "
     "(Carr)"), [("able", "Able"), ("carr", "Carr")]),
    ("Telephone Conversation Between President Able and Secretary of Defense Baker", [("able", "Able"),
                                                                                      ("baker", "Baker")]),
    (("Memorandum of Conversation Between the President's Advisor on Disarmament (Able) and the Ruritanian "
     "Ambassador (Baker)"), [("able", "Able"), ("baker", "Baker")]),
])
def test_a_conversation_between_two_parties_names_both(title: str, parties: list[tuple[str, str | None]]) -> None:
    assert [(person.id, person.surname) for person in between_parties(title)] == parties


@pytest.mark.parametrize(("title", "why"), [
    ("Memorandum of Conversation Between the United States and Ruritania", "countries, not persons"),
    ("Telephone Conversation Between the Secretary and the two Ambassadors", "a party of several persons"),
    ("Minutes of a Meeting Between the Ruritanian and Ecklandic Delegations", "delegations, not persons"),
    ("Telephone Conversation Between President Able and President Able", "one person twice"),
])
def test_other_parties_name_nobody(title: str, why: str) -> None:
    run = run_pass("participants.between", f"{title}\n\nThe President said no.\n")
    assert run.document.participants == [], why


BETWEEN = ("7. Memorandum of a Telephone Conversation Between the Secretary of State in Washington and the "
           "Representative at the United Nations (Able) in New York, May 4, 1956, 10:21 a.m.\n\n"
           "Able returned the call. The Secretary said the plan was sound. Able said he would go ahead.\n")


def test_the_parties_of_a_conversation_between_them_are_its_participants_and_speakers() -> None:
    run = run_pass("participants.between", BETWEEN)
    assert [person.id for person in run.document.participants] == ["secretary-of-state", "able"]
    result = convert(BETWEEN, validate=True)
    assert result.valid, result.validation
    tree = etree.fromstring(result.xml)
    assert tree.xpath("//t:particDesc//t:person/@xml:id", namespaces=NS) == ["secretary-of-state", "able"]
    assert tree.xpath("//t:body//t:list[@type='participants']", namespaces=NS) == []
    assert tree.xpath("//t:said/@who", namespaces=NS) == ["#secretary-of-state", "#able"]


def test_a_list_of_participants_comes_before_the_parties_of_the_title() -> None:
    run = run_pass("participants.between", BETWEEN.replace("\n\nAble returned", "\n\n    • Mr. Carr\n\nAble returned"))
    assert [person.id for person in run.document.participants] == ["carr"]
