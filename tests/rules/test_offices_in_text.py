"""Offices the list of participants does not give: the one called on, and a title the text uses.

``participants.visited-office``: a subject line "Call on the King of Ruritania" names, by office
alone, a party the list (of one side only) leaves out; "The King said …" is his. A participant the
list gives only an honorific ("The Honorable Ann Able") and the text a title ("Governor Able") is
"the Governor" of the text.
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
