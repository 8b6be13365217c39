"""Speaker rules for how a speaker's sentence opens: an interjection, a phrase of time without its
comma, an act done by speaking, the speaker's agency after the name, "He agreed" answering the
speaker before, and a paragraph opening with a participant's act."""

from __future__ import annotations

from tests.test_speakers import who


def test_intervened_to_say_names_a_new_speaker() -> None:
    assert who("Able said the plan was ready.\n\nAt this point Dorn intervened to say that it was not: "
               "he thought it late.\n") == ["able", "dorn"]


def test_a_phrase_of_time_without_its_comma_opens_the_clause() -> None:
    assert who("Able said no.\n\nAt that point Carter interjected to ask why.\n") == ["able", "carter"]
    # The comma found later in the sentence does not end a leading clause.
    assert who("Dorn said no.\n\nFollowing this talk Able told Carter that he had seen Eck, Fay and Gale, "
               "and that all agreed.\n") == ["dorn", "able"]


def test_an_act_done_by_speaking_names_its_speaker() -> None:
    assert who("Able said no.\n\nCarter brought the talk back to trade by saying that it mattered.\n") == [
        "able", "carter"]
    # Not a verb of saying when no "by saying" follows.
    assert who("Able said no.\n\nCarter turned the talk back to trade.\n") == ["able", "-"]


def test_the_speakers_agency_after_the_name() -> None:
    assert who("Able said no. Mr. Carter of Defense mentioned the problem of spare parts.\n") == [
        "able", "carter"]
    assert who("Able said no. Dorn of the Embassy noted that it was late.\n") == ["able", "dorn"]


def test_he_agreed_opening_a_paragraph_answers_the_speaker_before() -> None:
    body = "Carter said the talks would go on.\n\nAble said they would not.\n\nHe agreed but added that it was late.\n"
    assert who(body) == ["carter", "able", "carter"]


def test_he_agreed_inside_a_turn_or_with_someone_named_is_left_to_the_pronoun() -> None:
    assert who("Carter said the talks would go on.\n\nAble said no. He agreed that it was late.\n") == [
        "carter", "able", "able"]
    assert who("Carter said the talks would go on.\n\nAble said no.\n\nHe agreed with Dorn on it.\n") == [
        "carter", "able", "able"]


def test_a_paragraph_opening_with_a_participants_act_is_nobodys() -> None:
    assert who("Able said no.\n\nCarter took his leave at this point. He invited Able to visit.\n") == [
        "able", "-", "carter"]


def test_a_withheld_name_as_the_subject_is_nobody_known() -> None:
    body = ("Able said no.\n\n[name not declassified] when asked for comments, said things were better. "
            "He said the talks would go on.\n\nCarter said yes.\n")
    assert who(body) == ["able", "-", "-", "carter"]
    assert who("Able said no. [1 line not declassified], however, thought it late.\n") == ["able", "-"]


def test_a_withheld_bracket_that_is_no_subject_stays_with_the_speaker() -> None:
    assert who("Able said that [1 line not declassified] would come.\n") == ["able"]


def test_questioned_whether_names_its_speaker() -> None:
    assert who("Able said no. Carter questioned whether we should go. It was late.\n") == [
        "able", "carter", "carter"]
