"""persons.short-form: "Prime Minister Dorn Eck (hereafter DE)" makes "DE" that person from there on."""

from __future__ import annotations

import pytest

from tei import convert
from tei.model import Paragraph, PersName, Said, iter_inlines

HEAD = ("12. Memorandum of Conversation\n\n\n"
        "    • The Secretary\n    • Prime Minister Dorn Eck\n    • Ambassador Able\n\n")


def short_form_refs(text: str, short: str = "DE") -> list[str | None]:
    """The person of every PersName whose text is ``short``, in the converted body."""
    document = convert(text).document
    return [item.ref for block in document.body if isinstance(block, Paragraph)
            for item in iter_inlines(block.content) if isinstance(item, PersName) and item.text == short]


def turns(text: str) -> list[list[str]]:
    """The speakers of each paragraph's first turn."""
    document = convert(text).document
    return [next((item.who for item in block.content if isinstance(item, Said)), [])
            for block in document.body if isinstance(block, Paragraph)]


def test_the_defined_short_form_names_the_person_and_opens_their_turns() -> None:
    body = ("Prime Minister Dorn Eck (hereafter DE) called on the Secretary.\n\nDE said the plan was ready.\n\n"
            "The Secretary said it was not.\n\nDE replied that it was, and the Secretary noted DE’s view.\n")
    assert short_form_refs(HEAD + body) == ["eck"] * 4
    assert turns(HEAD + body)[1:] == [["eck"], ["secretary"], ["eck"]]


@pytest.mark.parametrize("definition", [
    "(hereinafter DE)", "(henceforth DE)", "(hereafter referred to as DE)", "(hereafter “DE”)",
    "(hereinafter called DE)",
])
def test_the_short_form_may_be_defined_in_other_words(definition: str) -> None:
    body = f"Prime Minister Dorn Eck {definition} called.\n\nDE said the plan was ready.\n"
    assert short_form_refs(HEAD + body)[-1] == "eck"


@pytest.mark.parametrize(("body", "why"), [
    ("Prime Minister Dorn Eck called.\n\nDE said the plan was ready.\n", "no definition"),
    ("Prime Minister Dorn Eck (hereafter DE) called. Ambassador Able (hereafter DE) came.\n\nDE said so.\n",
     "one short form defined for two persons"),
    ("Prime Minister Dorn Eck (DE) called.\n\nDE said the plan was ready.\n", "brackets without 'hereafter'"),
])
def test_a_short_form_is_nobodys_without_one_definition_of_it(body: str, why: str) -> None:
    assert set(short_form_refs(HEAD + body)) <= {None}, why


def test_only_the_short_form_as_a_word_of_its_own_is_the_person() -> None:
    body = "Prime Minister Dorn Eck (hereafter DE) called.\n\nDEW and ADE said DE-level talks would do.\n"
    assert short_form_refs(HEAD + body) == ["eck"]
    assert short_form_refs(HEAD + body, "DEW") == short_form_refs(HEAD + body, "ADE") == []
