"""Minutes that label each turn with a name and an em dash ("Able—We agree."), and the principal's
turns with his initials ("RN—") where the list names him by his office alone.

Rules: the transcript label ``DASH_LABEL`` (``transcript-turn``) and ``labels.unnamed-initials``.
"""

from __future__ import annotations

from tei.converter import convert
from tei.model import Said, iter_inlines

MINUTES = ("20. Minutes of a Meeting\n\n    • The President\n    • Secretary of State Able\n"
           "    • Henry B. Baker, Director\n\n")


def turns(text: str) -> list[tuple[str, bool]]:
    """(speaker, direct) of every turn, in order."""
    document = convert(text, "m.txt").document
    return [(" ".join(item.who), item.direct) for content in document.text_lists()
            for item in iter_inlines(content) if isinstance(item, Said)]


def test_a_name_and_an_em_dash_open_a_turn_of_that_participant() -> None:
    text = MINUTES + "Able—We have three choices.\n\nBaker—(Summarized the paper.)\n\nAble—Yes.\n"
    assert turns(text) == [("able", True), ("baker", True), ("able", True)]


def test_a_dash_clause_after_a_name_is_no_label() -> None:
    """What follows a label opens a sentence; "Able—who had just come—said" is narrative."""
    text = MINUTES + "Able—who had just come—said he agreed.\n\nAble—as before—said no.\n"
    assert all(not direct for _, direct in turns(text))


def test_a_word_before_a_dash_once_and_naming_nobody_is_no_label() -> None:
    text = MINUTES + "Rhodesia—A peculiar place. Able said so.\n"
    assert turns(text) == [("able", False)]


def test_initials_no_named_person_has_label_the_participant_listed_by_office_alone() -> None:
    text = MINUTES + "RN—What is the total?\n\nAble—About $100 million.\n\nRN—And trade?\n"
    assert turns(text) == [("president", True), ("able", True), ("president", True)]
    label = convert(text, "m.txt").document
    assert "RN" not in {person.surname for person in label.mentioned}


def test_initials_that_may_be_a_named_persons_are_not_the_principals() -> None:
    """"HB" may be Henry B. Baker's: he is not the one the office alone lists."""
    text = MINUTES + "HB—What is the total?\n\nAble—About $100 million.\n\nHB—And trade?\n"
    assert "president" not in {who for who, _ in turns(text)}


def test_initials_go_to_nobody_where_two_participants_are_listed_by_office_alone() -> None:
    text = ("20. Minutes of a Meeting\n\n    • The President\n    • The Vice President\n    • Secretary Able\n\n"
            "RN—What is the total?\n\nAble—About $100 million.\n\nRN—And trade?\n")
    assert "president" not in {who for who, _ in turns(text)}
