"""persons.given-name: a known given name, then a surname — "Paul Able", "with George Baker".

A given name is no proof alone ("Victoria Station", "Christian Democrats"), so the names of
``lexicon/given-names.txt`` leave out those that are common words or institutions; the surname
after it must be a capitalized name word, and the exclusions of every rule still apply (a place,
an organization's name: "George Washington University"). The given name must not follow another
capitalized word ("Port Louis", "Saint Paul").
"""

from __future__ import annotations

from collections.abc import Iterator

from tei.lexicon import alternation, lazy_pattern
from tei.lexicon.names import GIVEN_NAMES, NAME_END, WORD_NOT_AFTER, is_name_word
from tei.resolve.persons.candidate import Candidate
from tei.resolve.persons.gates import first_words, may_hold_capitalized
from tei.resolve.persons.shapes import SURNAME

GIVEN_THEN_SURNAME = lazy_pattern(rf"(?P<given>{alternation(GIVEN_NAMES, not_after=WORD_NOT_AFTER)}) "
                                  rf"(?P<surname>{SURNAME}){NAME_END}")
# "Port Louis", "Saint Paul Dorn": a capitalized word (not a sentence's end) just before the given name.
GIVEN_KEYS = first_words(GIVEN_NAMES)
CAPITALIZED_BEFORE = lazy_pattern(r"[A-Z][\w’'.-]*[^\W\d_]\s+\Z")


class KnownGivenName:
    """A known given name and a surname after it: "Paul Able"."""

    name = "persons.given-name"

    def find(self, text: str) -> Iterator[Candidate]:
        if not may_hold_capitalized(text, GIVEN_KEYS):
            return  # no known given name: most texts
        for match in GIVEN_THEN_SURNAME.finditer(text):
            surname = match.group("surname")
            if not is_name_word(surname.split()[-1]) or surname in GIVEN_NAMES:
                continue
            if CAPITALIZED_BEFORE.search(text, max(0, match.start() - 40), match.start()):
                continue
            yield Candidate(surname, "", match.group("given"), self.name, f"after the given name "
                            f"'{match.group('given')}'")
