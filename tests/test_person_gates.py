"""Gates of the mention rules (tei.resolve.persons.gates): cheap tests that say "no" only where the
rule's pattern finds nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tei.resolve.persons.gates import (
    and_before_a_name,
    capitalized_words,
    first_segments,
    first_words,
    has_any_word,
    may_hold_capitalized,
)
from tei.resolve.persons.given_names import GIVEN_KEYS, GIVEN_THEN_SURNAME
from tei.resolve.persons.mentions import OBJECT, OBJECT_SEGMENTS, TITLE_KEYS
from tei.resolve.persons.shapes import TITLE_START
from tei.resolve.persons.together import AND_SUBJECT, LIST


def test_first_words() -> None:
    assert first_words(["Mr.", "Vice President", "Jean-Paul", "—"]) == {"Mr", "Vice", "Jean"}


def test_capitalized_words_of_the_last_text_are_kept() -> None:
    text = "Then Able met Baker-Carr."
    assert capitalized_words(text) == {"Then", "Able", "Baker", "Carr"}
    assert capitalized_words(text) is capitalized_words(text)
    assert capitalized_words("Eck left") == {"Eck"}


def test_may_hold_capitalized() -> None:
    keys = first_words(["Ambassador", "Mr."])
    assert may_hold_capitalized("Then Mr. Able left", keys)
    assert not may_hold_capitalized("Then Able left (the Ambassadors too)", keys)
    assert may_hold_capitalized("Then Åble left", keys)  # beyond ASCII: maybe


def test_has_any_word() -> None:
    assert has_any_word("he told Able", first_segments(["told", "urged"]))
    assert has_any_word("went  on", first_segments(["went on"]))
    assert not has_any_word("he said", first_segments(["told", "urged"]))


def test_and_before_a_name() -> None:
    assert and_before_a_name("Able and Baker met")
    assert and_before_a_name("Able and  de Carr met")
    assert and_before_a_name("Able and\n“Carr”")
    assert not and_before_a_name("Able and the others, and")
    assert not and_before_a_name("Able, Baker, and detente; stand Carr; andCarr")
    assert and_before_a_name("Able and degli Carr") and not and_before_a_name("Able and degliCarr")


PIECES = ["Able", "Baker", "Carr", "Dorn", "de", "Ambassador", "Mr.", "Secretary", "John", "told", "urged",
          "said", "say", "and", "the", " ", "  ", "\n", ",", ".", "’s", "-", "É", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16))
def test_a_gate_says_no_only_where_its_pattern_finds_nothing(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert and_before_a_name(text) or (LIST.search(text) is None and AND_SUBJECT.search(text) is None)
    assert has_any_word(text, OBJECT_SEGMENTS) or OBJECT.search(text) is None
    assert may_hold_capitalized(text, TITLE_KEYS) or TITLE_START.search(text) is None
    assert may_hold_capitalized(text, GIVEN_KEYS) or GIVEN_THEN_SURNAME.search(text) is None
