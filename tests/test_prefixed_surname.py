"""persons.prefixed-surname: "Prime Minister Ben Able" is the family name "Ben Able" where the text
never calls the participant "Able" alone."""

from __future__ import annotations

from tests.test_persons import document_of, links

PREAMBLE = "1. Memorandum of Conversation\n\n\n    • The Secretary\n    • Prime Minister Ben Able\n    • Mr. Carr\n\n"


def test_a_prefix_the_text_never_drops_opens_the_surname() -> None:
    body = "Prime Minister Ben Able said the plan was good. Mr. Carr agreed.\n"
    document = document_of(body, PREAMBLE)
    person = next(person for person in document.participants if person.name.endswith("Able"))
    assert (person.id, person.surname, person.forenames) == ("ben-able", "Ben Able", [])
    assert ("Prime Minister Ben Able", "ben-able") in links(body, PREAMBLE)


def test_a_given_name_the_text_drops_stays_a_forename() -> None:
    body = "Prime Minister Ben Able said the plan was good. Able then left.\n"
    person = next(person for person in document_of(body, PREAMBLE).participants if person.name.endswith("Able"))
    assert (person.id, person.surname, person.forenames) == ("able", "Able", ["Ben"])


def test_a_participant_the_text_never_names_keeps_the_list_reading() -> None:
    person = next(person for person in document_of("Mr. Carr said no.\n", PREAMBLE).participants
                  if person.name.endswith("Able"))
    assert (person.id, person.surname) == ("able", "Able")


def test_an_ordinary_given_name_is_never_a_prefix() -> None:
    preamble = PREAMBLE.replace("Ben Able", "Tom Able")
    person = next(person for person in document_of("Prime Minister Tom Able said no.\n", preamble).participants
                  if person.name.endswith("Able"))
    assert (person.id, person.forenames) == ("able", ["Tom"])
