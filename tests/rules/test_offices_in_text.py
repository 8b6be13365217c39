"""Offices the list of participants does not give: the one called on, and a title the text uses.

``participants.visited-office``: a subject line "Call on the King of Ruritania" names, by office
alone, a party the list (of one side only) leaves out; "The King said …" is his. A participant the
list gives only an honorific ("The Honorable Ann Able") and the text a title ("Governor Able") is
"the Governor" of the text. A list of those present in one entry, "Mr. Dorn vice Mr. Fay" among
them, gives each present (``participants-series``), and an opening sentence "… were present" adds
its persons (``participants.also-present``).
"""

from __future__ import annotations

from tei.converter import convert
from tei.model import Said, iter_inlines

HEAD = "12. Memorandum of Conversation\n\nSUBJECT: Call on the King of Ruritania\n\n"
LIST = "    • The Honorable Ann Able\n    • Mr. Ben Baker, Deputy Chief of Protocol\n\n"


def speakers(text: str) -> list[str]:
    document = convert(text, "m.txt").document
    return [" ".join(item.who) for content in document.text_lists() for item in iter_inlines(content)
            if isinstance(item, Said)]


def decisions(text: str, rule: str) -> list[str]:
    return [e.decision.verdict for e in convert(text, "m.txt", explain=True).explanations
            if e.rule == rule and e.decision is not None]


def test_the_office_a_subject_line_calls_on_is_a_participant_who_speaks() -> None:
    text = HEAD + LIST + "Governor Able met the King for an hour.\n\nThe King said he was pleased. He hoped to visit.\n"
    assert decisions(text, "participants.visited-office") == ["participant #king"]
    assert speakers(text) == ["king"]


def test_no_participant_is_added_for_an_office_the_list_gives() -> None:
    text = HEAD + "    • King Carr\n    • Mr. Ben Baker\n\nThe King said he was pleased.\n"
    assert decisions(text, "participants.visited-office") == []


def test_a_title_the_text_gives_a_participant_listed_with_an_honorific_names_him() -> None:
    text = (HEAD + LIST + "Governor Able met the King for an hour.\n\n"
            "The Governor said that the talks had gone well.\n")
    assert speakers(text) == ["able"]
    person = next(p for p in convert(text, "m.txt").document.participants if p.id == "able")
    assert person.role_names == ["Honorable"] and person.forenames == ["Ann"]


def test_a_talk_that_turns_to_a_subject_is_no_person() -> None:
    text = HEAD + LIST + "Talk turned to the coming conference.\n"
    assert [p.id for p in convert(text, "m.txt").document.mentioned] == []


MINUTES = "12. Memorandum for the Record\n\nSUBJECT: Minutes of the Meeting of the Group\n\n"


def test_a_present_list_in_one_entry_with_vice_gives_each_person_present() -> None:
    """"Mr. Dorn vice Mr. Fay": Dorn attends in Fay's place; Fay is no participant."""
    text = (MINUTES + "    • Governor Able, Admiral Baker, Mr. Carr, Mr. Dorn vice Mr. Fay\n\n"
            "Mr. Dorn said the report was ready.\n")
    assert [p.id for p in convert(text, "m.txt").document.participants] == ["able", "baker", "carr", "dorn"]


def test_persons_an_opening_sentence_says_were_present_are_participants_who_speak() -> None:
    text = (MINUTES + "    • Governor Able, Admiral Baker\n\n"
            "Ambassador Eck and Messrs. Gale and Hart were present for the meeting.\n\n"
            "Mr. Gale reviewed the report. He said it was ready.\n")
    document = convert(text, "m.txt").document
    assert [p.id for p in document.participants] == ["able", "baker", "eck", "gale", "hart"]
    assert speakers(text) == ["gale"]
    assert decisions(text, "participants.also-present") == ["#eck #gale #hart"]


def test_a_person_present_at_another_time_later_in_the_text_is_no_participant() -> None:
    text = (MINUTES + "    • Governor Able, Admiral Baker\n\n" + "Able said the talks went well.\n\n" * 3
            + "Mr. Gale was present at the talks in May.\n")
    assert [p.id for p in convert(text, "m.txt").document.participants] == ["able", "baker"]


def test_participants_the_text_adds_are_the_headers_and_not_written_into_the_texts_list() -> None:
    text = (MINUTES + "    • Governor Able, Admiral Baker\n\n"
            "Ambassador Eck was present for the meeting.\n\nThe King said he was pleased.\n")
    body = convert(HEAD + text[len(MINUTES):], "m.txt").xml.decode().split("<body>")[1]
    assert "Eck" in body and body.count("Eck") == 1  # the sentence's, not a list item's
    assert "<persName ref=\"#king\">The King</persName>" not in body.split("</list>")[0]
