"""The surname forms of a document found in a text (tei.resolve.persons.forms): the same places
as the one pattern of the forms, each a whole name, would find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tei.lexicon import alternation
from tei.lexicon.names import NAME_END, NAME_NOT_AFTER
from tei.resolve.persons.forms import FormFinder, name_ends_at

FORMS = ["Able", "Able Dorn", "Baker", "de Carr", "De Carr", "Carr", "Eck", "Eckert", "ÉCK", "Dörn"]


def by_pattern(forms: list[str], text: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?P<surname>{alternation(forms, not_after=NAME_NOT_AFTER)}){NAME_END}")
    return [(match.start(), match.end()) for match in pattern.finditer(text)]


def found(forms: list[str], text: str) -> list[str]:
    return [text[start:end] for start, end in FormFinder(forms).find(text)]


def test_whole_names_only() -> None:
    assert found(FORMS, "Ableton met Able, then Baker’s aide and Eckert.") == ["Able", "Baker", "Eckert"]


def test_not_after_a_letter_an_apostrophe_a_hyphen_or_a_slash() -> None:
    assert found(FORMS, "xAble O'Able Pre-Able EUR/Able ’Able (Able)") == ["Able"]


def test_the_longest_form_that_ends_a_name() -> None:
    assert found(FORMS, "Able Dorn said; Able Dornish said") == ["Able Dorn", "Able"]


def test_a_space_of_a_form_is_any_white_space() -> None:
    assert found(FORMS, "de  Carr and de\nCarr, not deCarr") == ["de  Carr", "de\nCarr"]


def test_a_possessive_and_a_hyphen_before_a_word() -> None:
    assert found(FORMS, "Ablesʼ view, Ableʼ view, Able-Baker talks, Able- and Baker/") == ["Able", "Able", "Baker"]
    assert name_ends_at("Able", 4) and not name_ends_at("Ables", 4) and name_ends_at("Able-", 4)


def test_matches_do_not_overlap() -> None:
    assert found(["Able Baker", "Baker"], "Able Baker said") == ["Able Baker"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Able", "Dorn", "de", "Carr", "Eck", " ", "  ", "\n", "-", "/", "’", "'", "ʼ", "s",
                                 ",", ".", "x", "É", "_", "1"]), max_size=14),
       st.lists(st.sampled_from(FORMS), min_size=1, max_size=5))
def test_the_same_as_the_pattern_of_the_forms(pieces: list[str], forms: list[str]) -> None:
    text = "".join(pieces)
    assert FormFinder(forms).find(text) == by_pattern(sorted(set(forms)), text)
