"""persons.role-in-others-words: "Baker said that Secretary Carr's trip …" names another Secretary than
the participant listed as "The Secretary"."""

from __future__ import annotations

import pytest

from tests.test_persons import document_of


@pytest.mark.parametrize("body", [
    "The Secretary said yes. Later Baker said that Secretary Carr's trip had not helped.\n",
    "Over lunch there was talk during which Ambassador Baker stated that Secretary Carr would come.\n",
])
def test_a_titled_name_in_another_participants_words_is_another_person(body: str) -> None:
    document = document_of(body)
    assert "secretary" in {person.id for person in document.participants}
    assert "carr" in {person.id for person in document.mentioned}


def test_a_titled_name_in_the_words_of_someone_not_listed_still_names_the_role() -> None:
    document = document_of("The Secretary said yes. Dorn said that Secretary Carr would come.\n")
    assert "carr" in {person.id for person in document.participants}
