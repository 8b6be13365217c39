"""The lexicon: word lists as data with their provenance, and names read the same way by every pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei import convert
from tei.lexicon import alternation, entries, list_names, provenance, words
from tei.lexicon.names import is_name_word, is_title_word, slug
from tei.resolve.speakers import split_sentences

LEXICON = Path(__file__).resolve().parent.parent / "tei" / "lexicon"


@pytest.mark.parametrize("name", sorted(path.stem for path in LEXICON.glob("*.txt")))
def test_every_list_says_where_it_comes_from(name: str) -> None:
    first = (LEXICON / f"{name}.txt").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and len(provenance(name)) > 20
    assert entries(name) and all(not entry.startswith("#") for entry in entries(name))


def test_lists_are_found_by_name() -> None:
    assert "say-verbs" in list_names()
    assert "outlined" in words("say-verbs") and "said" in words("say-verbs")
    assert "von" in words("name-particles")


def test_alternation_matches_phrases_across_white_space() -> None:
    import re

    pattern = re.compile(alternation(["went on", "said"]))
    assert pattern.fullmatch("went\n on") and pattern.fullmatch("said") and not pattern.fullmatch("went")


@pytest.mark.parametrize("text", [
    "Able told Baker that he said no", "he, she and He’d; she’s", "d’Able and de Baker", "tolda told",
    "x-told Able", "’told", "told", "", "shell he", "1he he2 _he (he) «she»",
])
def test_alternation_not_after_a_class_finds_what_a_look_behind_before_it_finds(text: str) -> None:
    """The guarded alternation matches where ``(?<![class])`` before the plain one matches, and
    the same text: only where it is written differs (after each first letter)."""
    import re

    listed = ["told", "he", "she", "He", "d’", "de", "asked"]
    for before in (r"\w", r"\w’'", r"\w’'\-/"):
        expected = re.compile(rf"(?<![{before}])(?:{alternation(listed)})")
        guarded = re.compile(alternation(listed, not_after=before))
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in expected.finditer(text)]
        assert [bool(guarded.match(text, i)) for i in range(len(text) + 1)] == \
            [bool(expected.match(text, i)) for i in range(len(text) + 1)]


@pytest.mark.parametrize(("name", "expected"), [
    ("Ødegaard", "odegaard"),
    ("Громыко", "gromyko"),
    ("Щербицкий", "shcherbitskiy"),
    ("Παπανδρέου", "papandreou"),
    ("Couve de Murville", "couve-de-murville"),
    ("Müller-Strauß", "muller-strauss"),
    ("", "p-person"),
])
def test_slug_gives_a_readable_ascii_id(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_title_and_name_words() -> None:
    assert is_title_word("Ambassador") and is_title_word("Deputy") and is_title_word("DCM")
    assert not is_title_word("A.")
    assert is_name_word("Ødegaard") and not is_name_word("Ambassador") and not is_name_word("However")


PREAMBLE = "1. Memorandum of Conversation\n\n\n    • Mr. Able\n\n    • Mr. Baker\n\n"


def test_a_name_in_any_latin_alphabet_after_a_title_is_a_person() -> None:
    document = convert(PREAMBLE + "Ambassador Ødegaard called on Able.\n").document
    assert [(person.id, person.surname) for person in document.mentioned] == [("odegaard", "Ødegaard")]


def test_a_sentence_may_begin_with_a_capital_outside_ascii() -> None:
    sentences = split_sentences(["Able said no. Ødegaard replied yes."])
    assert [" ".join(sentence).strip() for sentence in sentences] == ["Able said no.", "Ødegaard replied yes."]


@pytest.mark.parametrize("verb", ["said", "outlined", "replied", "reviewed"])
def test_every_verb_of_saying_makes_its_subject_a_person(verb: str) -> None:
    document = convert(PREAMBLE + f"Smirnov {verb} the position of his government.\n").document
    assert [person.id for person in document.mentioned] == ["smirnov"]


def test_a_lazy_pattern_compiles_on_first_use_and_then_is_the_compiled_pattern() -> None:
    from tei.lexicon import lazy_pattern

    pattern = lazy_pattern(r"(?P<word>[A-Z]\w+) said")
    assert "search" not in vars(pattern)  # nothing compiled yet
    match = pattern.search("Then Able said so.")
    assert match is not None and match.group("word") == "Able"
    assert vars(pattern)["search"].__self__ is vars(pattern)["finditer"].__self__  # one compiled pattern
    assert [m.group("word") for m in pattern.finditer("Able said, Baker said")] == ["Able", "Baker"]
    assert pattern.sub("X said", "Able said") == "X said"


@pytest.mark.parametrize(("office", "forms"), [
    ("Soviet Ambassador", {"Soviet Ambassador", "Ambassador", "Amb.", "Amb"}),
    ("Amb.", {"Amb.", "Ambassador", "Amb"}),
    ("Secretary of State", {"Secretary of State", "Secretary", "Sec.", "Secy.", "Sec", "Secy", "SecState"}),
    ("Foreign Minister of Korea", {"Foreign Minister of Korea", "Foreign Minister", "FonMin", "ForMin"}),
    ("FonMin", {"FonMin", "Foreign Minister", "ForMin"}),
    ("Deputy Under Secretary", {"Deputy Under Secretary"}),
])
def test_office_forms(office: str, forms: set[str]) -> None:
    """The forms a text may call an office by, where a participant list gives it."""
    from tei.lexicon.names import office_forms

    assert office_forms(office) == forms
