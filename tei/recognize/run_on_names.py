"""Participants run together on one line: a copy that lost the list's line breaks.

    "President Able Secretary Baker Mr. Carr"       → "President Able", "Secretary Baker", "Mr. Carr"
    "Mr. Ann Able, Assistant to the Secretary for Trade Affairs Bo B. Baker, Staff"
                                                     → "Mr. Ann Able, Assistant … Trade Affairs", "Bo B. Baker, Staff"

A new person starts where

* a title ("Secretary", "Mr.") follows a name word: a name ends before a title, and an office
  never follows the name without a comma or a dash ("Able, Secretary of State"), after which
  titles belong to the description ("Mr. Able, Agricultural Attaché");
* a given name, a middle initial and a surname follow a capitalized word of a description that
  a comma opened ("…, Trade Affairs Bo B. Baker"): a full name does not end a description.

"Secretary of Finance A. B. Able", "Ambassador Ann B. Able" and "Mr. and Mrs. Able" stay one person.
"""

from __future__ import annotations

import itertools

from tei.lexicon import lazy_pattern
from tei.lexicon.names import INITIAL, NAME, PARTICLES, TITLE_WORDS, is_name_word

RULE = "participants-run-on"
TOKEN = lazy_pattern(r"\S+")
NAME_TOKEN = lazy_pattern(rf"^{NAME}$")
INITIAL_TOKEN = lazy_pattern(rf"^{INITIAL}$")


def _ends_name(token: str) -> bool:
    """A word that can end a person's name: a name word, not a title, not followed by punctuation."""
    return bool(NAME_TOKEN.match(token)) and is_name_word(token) and token not in TITLE_WORDS


def _full_name_at(tokens: list[str], index: int) -> bool:
    """"Bo B. Baker": a given name, one initial and a surname start at ``index``."""
    return (index + 2 < len(tokens) and bool(NAME_TOKEN.match(tokens[index])) and is_name_word(tokens[index])
            and bool(INITIAL_TOKEN.match(tokens[index + 1])) and bool(NAME_TOKEN.match(tokens[index + 2].rstrip(","))))


def run_on_starts(text: str) -> list[int]:
    """The offsets in ``text`` where a participant run together with the one before begins."""
    matches = list(TOKEN.finditer(text))
    tokens = [match.group() for match in matches]
    starts: list[int] = []
    described = False  # a comma has opened a description of the current person
    for index in range(1, len(tokens)):
        previous, token = tokens[index - 1], tokens[index]
        if previous.endswith((",", "—")):
            described = True
        if (_full_name_at(tokens, index) and previous.isalpha() and previous[0].isupper()
                and previous not in TITLE_WORDS) if described else (
                _ends_name(previous) and previous.lower() not in PARTICLES and token in TITLE_WORDS):
            starts.append(matches[index].start())
            described = False
    return starts


def split_run_on(text: str) -> list[tuple[str, str]]:
    """The participants of a run-on line, each with the space after it; one item when none is run on."""
    starts = run_on_starts(text)
    if not starts:
        return [(text, "")]
    bounds = [0, *starts, len(text)]
    parts = []
    for begin, end in itertools.pairwise(bounds):
        piece = text[begin:end]
        stripped = piece.rstrip()
        parts.append((stripped, piece[len(stripped):]))
    return parts
