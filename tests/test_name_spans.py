"""Where a person's name begins: never inside an abbreviation before it."""

from __future__ import annotations

from tests.test_persons import links


def test_a_country_abbreviation_before_a_surname_is_no_initial() -> None:
    found = links("Able said exports to the U.S. Baker again stressed were down.\n")
    assert ("Baker", "baker") in found
    assert not [text for text, _ref in found if text.startswith("S.")]


def test_an_initial_after_a_space_is_still_a_given_name() -> None:
    assert ("S. Baker", "baker") in links("Able said S. Baker was here.\n")
