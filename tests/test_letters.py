"""Name patterns in their ASCII form: the same matches on any text without a letter beyond ASCII.

Every pattern of the package that holds the Unicode letter classes is compiled both ways and
tried on random texts of names, words, punctuation, curly quotes and dashes: the matches, their
spans and their groups must be the same. Texts with letters beyond ASCII must get the pattern
as written, whatever texts the pattern was given before.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tei
from tei.lexicon import LazyPattern, lazy_pattern
from tei.lexicon.letters import LOWER, UPPER, ascii_form, has_non_ascii_letter
from tei.lexicon.names import NAME


@cache
def letter_patterns() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    """Every lazy pattern of the package with a letter class: name → (as written, ASCII form)."""
    from tei.resolve.persons.link import _prefix_pattern

    for module in pkgutil.walk_packages(tei.__path__, "tei."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: dict[str, LazyPattern] = {"link._prefix_pattern": _prefix_pattern(("Foreign Minister",))}
    for name, module in list(sys.modules.items()):
        if name.startswith("tei."):
            found |= {f"{name}.{attribute}": value for attribute, value in vars(module).items()
                      if isinstance(value, LazyPattern)}
    return {name: (re.compile(pattern.pattern, pattern.flags), re.compile(ascii_form(pattern.pattern, pattern.flags)))
            for name, pattern in sorted(found.items()) if ascii_form(pattern.pattern, pattern.flags) != pattern.pattern}


def results(pattern: re.Pattern[str], text: str) -> list[object]:
    """What the passes ask of a pattern: every match found by a scan, and a match at every position."""
    found: list[object] = [(match.span(), match.groups()) for match in pattern.finditer(text)]
    for position in range(len(text) + 1):
        match = pattern.match(text, position)
        found.append(match and (match.span(), match.groups(), match.groupdict()))
    return found


WORDS = ["Able", "Baker", "McCarr", "DesPres", "O’Dorn", "D'Evans", "Fox’s", "de", "von", "Van", "La",
         "Mr.", "Mrs.", "Ambassador", "Foreign", "Minister", "Secretary", "General", "President", "A.", "B.", "J.R.",
         "McG.", "D[ora]", "Ann-Marie", "said", "told", "with", "to", "from", "by", "and", "the", "of", "in", "on",
         "that", "he", "she", "&", "Co.", "Inc.", "Ltd.", "USSR", "U.S.", "NATO", "PAGE", "1980", "12", "a", "I"]
MARKS = [" ", " ", " ", "\n", "\n\n", ",", ".", ";", ":", "?", "!", "(", ")", "[", "]", "“", "”", "‘", "’", "'",
         "\"", "–", "—", "-", "/", "…", "\u00a0", "§", "°", "•", "[Page 3]"]
# Made-up words of any letters: "Zyx", "qwe", "McZo".
made_up = st.from_regex(r"(?:Mc|O’)?[A-Z]?[a-z]{0,6}[A-Z]?[a-z]{0,3}", fullmatch=True)
ascii_lettered = st.lists(st.sampled_from(WORDS) | st.sampled_from(MARKS) | made_up
                          | st.text(st.characters(codec="ascii"), max_size=3), max_size=24).map("".join)
NON_ASCII_NAMES = ["Ødegaard", "Łukasz", "Волкова", "Παπανδρέου", "Müller", "Ōhira", "Şahin", "ßa", "Ǆemal", "Grayʼs"]
non_ascii_lettered = st.tuples(ascii_lettered, st.sampled_from(NON_ASCII_NAMES), ascii_lettered).map("".join)


def test_the_package_has_letter_patterns_to_check() -> None:
    names = letter_patterns()
    assert len(names) >= 30
    assert "tei.resolve.persons.shapes.FOLLOWER" in names and "link._prefix_pattern" in names
    assert all(UPPER not in narrowed.pattern and LOWER not in narrowed.pattern for _, narrowed in names.values())


@settings(max_examples=150, deadline=None)
@given(ascii_lettered)
def test_on_a_text_without_letters_beyond_ascii_the_ascii_form_finds_the_same(text: str) -> None:
    assert not has_non_ascii_letter(text)
    for name, (written, narrowed) in letter_patterns().items():
        assert results(narrowed, text) == results(written, text), name


@settings(max_examples=60, deadline=None)
@given(ascii_lettered, non_ascii_lettered)
def test_a_text_with_a_letter_beyond_ascii_gets_the_pattern_as_written(before: str, text: str) -> None:
    """Also after the pattern served texts without such letters in its ASCII form."""
    assert has_non_ascii_letter(text)
    for name, (written, _narrowed) in letter_patterns().items():
        pattern = lazy_pattern(written.pattern, written.flags)
        pattern.search(before)
        assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == \
            [(m.span(), m.groups()) for m in written.finditer(text)], name


@pytest.mark.parametrize("first", ["", "Able met Baker.", "“Able”—said"])
@pytest.mark.parametrize("name", ["Ødegaard", "Łukasz", "Волкова"])
def test_names_beyond_ascii_are_names_whatever_came_before(first: str, name: str) -> None:
    pattern = lazy_pattern(NAME)
    assert pattern.findall(first) == re.findall(NAME, first)
    assert pattern.findall(f"Able met {name}.") == ["Able", name]
    assert pattern.sub("X", f"{name} and Baker") == "X and X"


def test_a_choice_by_text_until_a_letter_beyond_ascii_then_the_pattern_as_written() -> None:
    pattern = lazy_pattern(NAME)
    assert pattern.findall("Able met Baker") == ["Able", "Baker"]
    assert not isinstance(vars(pattern)["findall"], type(re.compile("").findall))  # a choice, in Python
    assert pattern.findall("Able met Ødegaard") == ["Able", "Ødegaard"]
    assert isinstance(vars(pattern)["findall"], type(re.compile("").findall))  # the compiled pattern's own


def test_a_pattern_used_often_is_compiled_as_written() -> None:
    """Past a number of calls per letter class, compiling costs less than looking at each text."""
    pattern = lazy_pattern(f"[{UPPER}][{LOWER}]+")
    pattern.CALLS_PER_CLASS = 2  # two classes: four calls
    for _ in range(3):
        assert pattern.findall("Able met Baker") == ["Able", "Baker"]
    assert not isinstance(vars(pattern)["findall"], type(re.compile("").findall))
    assert pattern.findall("Able met Baker") == ["Able", "Baker"]
    assert isinstance(vars(pattern)["findall"], type(re.compile("").findall))
    assert pattern.findall("Dorn met Łukasz") == ["Dorn", "Łukasz"]


def test_every_letter_of_the_classes_beyond_ascii_is_seen() -> None:
    letters = [char for char in map(chr, range(0x80, 0x2000)) if re.fullmatch(f"[{UPPER}{LOWER}]", char)]
    assert len(letters) > 700
    assert all(has_non_ascii_letter(f"“{char}”") for char in letters)
    assert not has_non_ascii_letter("Able’s “view” – 1980 … § ° •")
    assert has_non_ascii_letter("½")  # a numeral beyond ASCII counts: wider than needed, never narrower


def test_long_texts_asked_about_in_turn_keep_their_answers() -> None:
    """A paragraph and the short strings read between its questions ("Able’s", "Łukasz"), in turn:
    each answer is its own text's, however the texts alternate."""
    quoted = "“Able said yes,” and Baker agreed. " * 20
    lettered = "Able met Łukasz, and they said “yes.” " * 20
    for _ in range(3):
        for text, answer in ((quoted, False), ("“Dorn”", False), (lettered, True), ("Łukasz", True),
                             (quoted + "Ø", True), (quoted, False)):
            assert has_non_ascii_letter(text) is answer


def test_case_insensitive_patterns_keep_their_classes() -> None:
    assert ascii_form(f"[{UPPER}]", re.IGNORECASE) == f"[{UPPER}]"
    assert ascii_form(f"(?i:[{UPPER}])") == f"(?i:[{UPPER}])"
    assert ascii_form(f"(?P<n>[{UPPER}][^{LOWER}])") == "(?P<n>[A-Z][^a-z])"
