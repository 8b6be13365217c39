"""Keeping a proposal: the exclusions decide whether a name a mention rule proposes is a person's.

A proposal is kept unless an exclusion of :mod:`~tei.resolve.persons.exclusions` refuses it;
each name is explained once (``tei convert --explain``). A document proposes the same names
again and again: what depends on the name alone (the exclusions of the word, the split of a
name with a particle) is decided once per document.
"""

from __future__ import annotations

from tei.errors import Reporter
from tei.lexicon.names import is_name_word, is_particle, split_name
from tei.resolve.persons.candidate import Candidate
from tei.resolve.persons.exclusions import in_firm_name, in_longer_name, not_a_name
from tei.resolve.persons.shapes import HYPHENATED_GIVEN

Refusal = tuple[str, str] | None


def split_particle_name(given: str, surname: str) -> tuple[str, str]:
    """names.particle-surname on a mention: "Felix von Able" is von Able, "General Van Able" (a given
    name "Van") is Van Able, "Nguyen Van Able" is Able. Returns (given, surname)."""
    tokens = [*given.split(), *surname.split()]
    if HYPHENATED_GIVEN.fullmatch(tokens[-1]):
        return given, surname  # "Dorn Tae-sun": the family name comes first, the whole is kept
    if len(tokens) > 1 and any(is_particle(tokens, index) for index in range(len(tokens) - 1)):
        first, surname = split_name(tokens)
        return " ".join(first), surname
    if " " in surname:
        first, surname = split_name(surname.split())
        return " ".join([*given.split(), *first]), surname
    return given, surname


class Kept:
    """The proposals kept so far in a document, in order of the text."""

    def __init__(self, places: set[str], reporter: Reporter) -> None:
        self.found: list[Candidate] = []
        self.places = places
        self.reporter = reporter
        self.explained: set[str] = set()
        self._refusals: dict[tuple[str, bool], Refusal] = {}
        self._splits: dict[tuple[str, str], tuple[str, str]] = {}

    def _not_a_name(self, surname: str, strong: bool) -> Refusal:
        key = (surname, strong)
        if key not in self._refusals:
            self._refusals[key] = not_a_name(surname, strong, self.places)
        return self._refusals[key]

    def keep(self, candidate: Candidate, text: str) -> None:
        """Keep ``candidate``, proposed in ``text``, unless an exclusion refuses it."""
        refused = (self._not_a_name(candidate.surname, candidate.strong) or in_longer_name(candidate.surname, text)
                   or in_firm_name(candidate.surname, text))
        if refused is None:
            key = (candidate.given, candidate.surname)
            if key not in self._splits:
                self._splits[key] = split_particle_name(*key)
            candidate.given, candidate.surname = self._splits[key]
        # Each name is explained once; common words ("He", "The") are not worth a line.
        if self.reporter.explaining and candidate.surname not in self.explained and is_name_word(candidate.surname):
            self.explained.add(candidate.surname)
            if refused:
                rule, why = refused
                self.reporter.decide(rule, f"'{candidate.surname}'", "not a person",
                                     f"{why}; proposed by {candidate.rule}: {candidate.reason}", candidate.line)
            else:
                self.reporter.decide(candidate.rule, f"'{candidate.surname}'", "a person", candidate.reason,
                                     candidate.line)
        if refused is None:
            self.found.append(candidate)
