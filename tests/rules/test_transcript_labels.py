"""Telephone transcripts in one-letter labels: who speaks a turn labelled "P:" or "C:".

Two conventions of such records, one decision at a time: a key that gives each party's label in
parentheses (``participants-label-key``, then ``labels.key``), and one-letter labels matched to the
listed participants together, by surname or by office (``labels.role-initial``).
"""

from __future__ import annotations

from tei.converter import convert
from tei.model import Said, iter_inlines

TITLE = "12. Memorandum of Conversation\n\n"
TURNS = "P: Good morning.\n\nB: Good morning to you.\n\nP: Goodbye.\n\nB: Goodbye.\n"


def speakers(text: str) -> list[str]:
    """The speaker of every labelled turn, in order."""
    document = convert(text, "m.txt").document
    return [" ".join(item.who) for content in document.text_lists() for item in iter_inlines(content)
            if isinstance(item, Said) and item.direct]


def decisions(text: str, rule: str) -> list[str]:
    return [e.decision.verdict for e in convert(text, "m.txt", explain=True).explanations
            if e.rule == rule and e.decision is not None]


def test_a_key_of_the_labels_makes_each_line_a_participant_who_speaks_under_that_label() -> None:
    text = TITLE + "President Able (P)\n\nMinister Baker (B)\n\n" + TURNS
    assert speakers(text) == ["able", "baker", "able", "baker"]
    assert decisions(text, "participants-label-key") == ["participant #able, label 'P'",
                                                         "participant #baker, label 'B'"]
    assert decisions(text, "labels.key")[:2] == ["said by #able", "said by #baker"]


def test_the_key_lines_form_one_group_and_the_lines_after_them_are_the_body() -> None:
    document = convert(TITLE + "President Able (P)\nMinister Baker (B)\n\nHello there\n\n" + TURNS, "m.txt").document
    assert [[person.id for person in group] for group in document.groups] == [["able", "baker"]]
    assert document.argument == []


def test_a_name_with_capitals_in_parentheses_is_no_key_where_no_turn_has_that_label() -> None:
    text = TITLE + "Mr. Able (CIA)\n\nAble said the talks went well.\n\nAble: Yes.\n\nAble: No.\n"
    assert decisions(text, "participants-label-key") == []
    assert convert(text, "m.txt").document.participants == []


def test_one_letter_labels_are_matched_together_by_office_where_a_surname_initial_would_take_two() -> None:
    """"C" is the initial of Carr's surname and of Dorn's office; "P" only of Carr's office: Carr is "P",
    so "C" is Dorn, the Chancellor."""
    text = (TITLE + "    • President Carr\n    • Chancellor Dorn\n\n"
            "C: Dorn speaking.\n\nP: This is Carr.\n\nC: Thank you.\n\nP: Goodbye.\n")
    assert speakers(text) == ["dorn", "carr", "dorn", "carr"]
    assert set(decisions(text, "labels.role-initial")) == {"said by #carr", "said by #dorn"}


def test_labels_that_are_each_one_surname_initial_keep_it_and_an_honorific_is_no_office() -> None:
    """"D" is Dorn's initial and that of Kahn's "Dr.": an honorific is no office, the surname decides."""
    text = (TITLE + "    • Dr. Kahn\n    • Ambassador Dorn\n\n"
            "K: Hello.\n\nD: Hello, Doctor.\n\nK: Goodbye.\n\nD: Goodbye.\n")
    assert speakers(text) == ["kahn", "dorn", "kahn", "dorn"]
    assert decisions(text, "labels.role-initial") == []


def test_a_possessive_is_no_office_to_match_a_label() -> None:
    """A place listed among the participants ("The President’s Study") is read as a person with the
    role "President’s"; it does not compete for "P" with the President."""
    text = (TITLE + "    • President Carr\n    • Chancellor Dorn\n\n    • The President’s Study\n\n"
            "C: Dorn speaking.\n\nP: This is Carr.\n\nC: Thank you.\n\nP: Goodbye.\n")
    assert speakers(text) == ["dorn", "carr", "dorn", "carr"]


MEMCON = ("12. Memorandum of Conversation\n\nPARTICIPANTS\n\n    • The President\n    • Secretary of State Carr\n\n"
          "    • President Juan Baker-Dorn\n    • Foreign Minister Ames\n\n")


def test_an_office_a_name_and_a_full_stop_open_a_turn_as_a_label_does() -> None:
    """Memoranda of the 1980s set their speakers' names in italics before a full stop:
    "President Able. We are glad." The office must be a title of the lexicon; as any label, it is a
    speaker's where it opens two turns or names a participant."""
    text = (MEMCON + "President Able. We are glad you came. (U)\n\nPresident Baker-Dorn. Thank you. (U)\n\n"
            "Secretary Carr. Shall we begin? (C)\n\nPresident Able. Please. (U)\n")
    assert speakers(text) == ["president", "baker-dorn", "carr", "president"]


def test_a_name_for_the_participant_listed_by_office_alone_is_that_participant() -> None:
    """"The President" is listed without a name; "President Able." labels his turns, for no other
    participant is called Able: ``labels.role-name``."""
    text = MEMCON + "President Able. Welcome.\n\nPresident Baker-Dorn. Thank you.\n\nPresident Able. Please sit.\n"
    assert decisions(text, "labels.role-name") == ["said by #president", "said by #president"]
    assert decisions(text, "labels.name") == ["said by #baker-dorn"]


def test_two_capitalized_words_and_a_full_stop_are_no_label_without_an_office() -> None:
    text = MEMCON + "Good Morning. Said the President.\n\nGood Morning. Said the Minister.\n\nSecretary. Yes.\n"
    assert speakers(text) == []


def test_turns_right_under_the_title_are_the_body_not_header_lines() -> None:
    """"ABL: Hello?" under the title looks like a header field; its label opens other paragraphs
    too, so it is a turn (``header-ends-at-turn``), and the header takes nothing."""
    text = ("12. Telephone Conversation Between President Able and Minister Baker\n\n"
            "ABL: Hello?\n\nMB: Hello.\n\nABL: How are you?\n\nMB: Well, thank you.\n")
    document = convert(text, "m.txt").document
    assert document.argument == []
    assert len(speakers(text)) == 4
    assert decisions(text, "header-ends-at-turn") == ["not a header line"]


def test_a_label_line_used_once_under_the_title_stays_a_header_line() -> None:
    text = TITLE + "TOPIC: Trade talks\n\nAble said the talks went well.\n"
    assert convert(text, "m.txt").document.argument != []
    assert decisions(text, "header-ends-at-turn") == []


def test_a_role_two_participants_hold_labels_the_one_who_has_no_label_of_his_own_name() -> None:
    """Both are Presidents; Carr speaks as "Carr:", so "President:" is Able (``labels.role-unlabelled``)."""
    text = (TITLE + "    • President Able\n    • President Ann Carr, President of Ruritania\n\n"
            "Carr: Good morning.\n\nPresident: Good morning to you.\n\nCarr: Goodbye.\n\nPresident: Goodbye.\n")
    assert speakers(text) == ["carr", "able", "carr", "able"]
    assert set(decisions(text, "labels.role-unlabelled")) == {"said by #able"}


def test_a_role_two_participants_hold_stays_open_where_neither_speaks_under_his_name() -> None:
    text = (TITLE + "    • President Able\n    • President Carr\n\n"
            "President: Good morning.\n\nPresident: Goodbye.\n")
    assert decisions(text, "labels.role-unlabelled") == []


def test_initials_as_labels_are_the_participant_whose_surname_the_last_begins() -> None:
    """"JRC" can be President Carr's initials and no other participant's (``labels.participant-initials``)."""
    text = ("12. Telephone Conversation Between President Carr and Minister Dorn\n\n"
            "JRC: Hello?\n\nAD: Hello, Mr. President.\n\nJRC: How are you?\n\nAD: Well, thank you.\n")
    assert speakers(text) == ["carr", "dorn", "carr", "dorn"]
    assert set(decisions(text, "labels.participant-initials")) == {"said by #carr", "said by #dorn"}


def test_initials_whose_first_letter_is_not_the_listed_given_name_are_not_that_participant() -> None:
    text = TITLE + "    • Ann Carr\n    • Ben Dorn\n\nJRC: Hello?\n\nBD: Hello.\n\nJRC: Goodbye.\n\nBD: Goodbye.\n"
    assert decisions(text, "labels.participant-initials") == ["said by #dorn", "said by #dorn"]
