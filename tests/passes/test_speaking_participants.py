"""The speaking-participants pass, alone: minutes that list nobody name each speaker where a paragraph opens."""

from __future__ import annotations

import pytest
from lxml import etree
from passkit import run_pass

from tei import convert
from tei.resolve.speaking_participants import bare_surname, speaker_name

NS = {"t": "http://www.tei-c.org/ns/1.0"}
MINUTES = ("Minutes of the First Meeting\n\n"
           "The Prime Minister, at the President’s request, opened the discussion. He said that the "
           "campaign had gone well.\n\n"
           "The President said that the credit was shared.\n\n"
           "The Prime Minister, continuing, said that the fleet was ready.\n\n"
           "Admiral Able replied that the ships would be needed in the spring.\n\n"
           "Baker asked whether the ports were open.\n\n"
           "The Prime Minister enquired whether the offer was accepted.\n\n"
           "Sir Ann Carr agreed that this was so.\n")


@pytest.mark.parametrize(("subject", "name"), [
    ("The Prime Minister", "The Prime Minister"),
    ("The President", "The President"),
    ("Admiral Able", "Admiral Able"),
    ("Admiral King", "Admiral King"),  # "King" heads titles too, but stands here as a surname
    ("Sir Ann Carr", "Sir Ann Carr"),
    ("Mr. Dorn", "Mr. Dorn"),
    ("The Combined Chiefs", None),  # no title's head word
    ("Secretary General", None),  # an office, no name
    ("The Committee", None),
    ("Able", None),  # a surname alone: see bare_surname
])
def test_a_speaker_is_named_by_role_or_by_title_and_name(subject: str, name: str | None) -> None:
    assert speaker_name(subject) == name


@pytest.mark.parametrize(("subject", "surname"), [
    ("Baker", "Baker"),
    ("Hanoi", None),  # a place
    ("CIA", None),  # an agency's initials
    ("Everyone", None),  # a common word
])
def test_a_surname_alone_is_not_a_place_an_agency_or_a_common_word(subject: str, surname: str | None) -> None:
    assert bare_surname(subject) == surname


def test_the_speakers_who_open_paragraphs_are_the_participants() -> None:
    run = run_pass("participants.speakers", MINUTES)
    assert [person.id for person in run.document.participants] == [
        "president", "prime-minister", "able", "carr", "baker"]
    assert run.document.participants_from_speech and not run.document.participants_from_title
    assert "5: participants.speakers: 'The President': participant #president" in run.decisions


def test_one_person_opening_paragraphs_is_not_minutes() -> None:
    run = run_pass("participants.speakers", "Memorandum for the Record\n\n"
                   "The Ambassador said that the talks would resume.\n\n"
                   "The Ambassador added that nothing was settled.\n\nBaker said the same.\n")
    assert run.document.participants == [] and run.decisions == []


def test_a_list_in_the_text_is_left_as_it_is() -> None:
    run = run_pass("participants.speakers", "Memorandum of Conversation\n\n    • Mr. Carr\n    • Ambassador Baker\n\n"
                   "Mr. Carr said no.\n\nAmbassador Baker said yes.\n\nAdmiral Able said nothing.\n")
    assert [person.id for person in run.document.participants] == ["carr", "baker"]


def test_a_role_and_the_one_titled_name_that_holds_it_are_one_speaker() -> None:
    run = run_pass("participants.speakers", "Memorandum for the Record\n\n"
                   "The President welcomed the Minister and asked for his views.\n\n"
                   "Minister Dorn said that the harvest was poor.\n\n"
                   "President Able then asked what was needed.\n\nThe President said he would help.\n")
    assert [person.id for person in run.document.participants] == ["dorn", "able"]


ROLE_AND_SURNAME = ("Telegram\n\n2. Foreign Minister Dorn called on the Secretary. General Able also sat in.\n\n"
                    "3. Dorn said that the talks would resume.\n\n4. The FonMin continued that it was urgent.\n\n"
                    "5. The Secretary asked why.\n\n6. Able said the talks would help.\n")


def test_a_role_the_text_gives_to_one_speaker_by_surname_is_that_speaker() -> None:
    run = run_pass("participants.speakers", ROLE_AND_SURNAME)
    assert [person.id for person in run.document.participants] == ["secretary", "dorn", "able"]
    assert run.document.participants[1].role_names == ["Foreign", "Minister"]
    tree = etree.fromstring(convert(ROLE_AND_SURNAME).xml)
    assert tree.xpath("//t:said/@who", namespaces=NS) == ["#dorn", "#dorn", "#secretary", "#able"]


def test_a_role_the_text_gives_to_a_name_who_opens_no_paragraph_stays_a_speaker_of_its_own() -> None:
    text = ROLE_AND_SURNAME.replace("Foreign Minister Dorn called", "Foreign Minister Eck called")
    run = run_pass("participants.speakers", text)
    assert [person.id for person in run.document.participants] == ["fonmin", "secretary", "dorn", "able"]


def test_the_speakers_speak_and_no_list_is_added_to_the_text() -> None:
    result = convert(MINUTES, validate=True)
    assert result.valid, result.validation
    tree = etree.fromstring(result.xml)
    assert tree.xpath("//t:body//t:list[@type='participants']", namespaces=NS) == []
    assert tree.xpath("//t:particDesc//t:person/@xml:id", namespaces=NS) == [
        "president", "prime-minister", "able", "carr", "baker"]
    assert [said.get("who") for said in tree.xpath("//t:said", namespaces=NS)] == [
        "#prime-minister", "#president", "#prime-minister", "#able", "#baker", "#prime-minister", "#carr"]


def test_a_president_the_minutes_mention_by_name_is_not_the_president_who_speaks() -> None:
    result = convert("Minutes of the Second Meeting\n\nThe President said that President Dorn had written.\n\n"
                     "General Able said the letter was clear.\n\nThe President agreed.\n")
    tree = etree.fromstring(result.xml)
    assert tree.xpath("//t:said/@who", namespaces=NS) == ["#president", "#able", "#president"]


@pytest.mark.parametrize(("turn", "why"), [
    ("Dorn, continuing, said that the plan was sound.", "an aside between the subject and the verb"),
    ("Dorn, interrupting, asked why.", "an aside between the subject and the verb"),
    ("Dorn enquired whether the plan was sound.", "the British spelling of a verb of saying"),
])
def test_the_speaker_rules_read_the_wording_of_minutes(turn: str, why: str) -> None:
    result = convert("Memorandum of Conversation\n\n    • Mr. Carter\n    • Mr. Dorn\n\nMr. Carter said no.\n\n"
                     f"{turn}\n")
    assert etree.fromstring(result.xml).xpath("//t:said/@who", namespaces=NS) == ["#carter", "#dorn"], why


def test_a_dated_source_line_above_a_quotation_is_nobody_s_and_ends_the_turn() -> None:
    result = convert("Notes of Meeting\n\n    • Mr. Carter\n    • Mr. Dorn\n\nCarter: Here is what I said before.\n\n"
                     "Press Conference of March 9, 1967\n\n“We are ready to talk.”\n\nDorn: Good.\n")
    tree = etree.fromstring(result.xml)
    assert tree.xpath("//t:said/@who", namespaces=NS) == ["#carter", "#dorn"]
    assert tree.xpath("//t:head", namespaces=NS)[1:] == []  # the source line is no section's head
