"""Mention rules for names known by the company they keep: the other party of an exchange, a
name joined to a personal pronoun, the drafter of the record.

=================================  ==========================================================
rule                               proposes
=================================  ==========================================================
persons.party-to-an-exchange       "talked with Dorn", "a letter from Ann Dorn", "conversations
                                   with Dorn and Eck": after a word of conversation, meeting
                                   or correspondence (``exchange-words.txt``) and "with", "to"
                                   or "from"
persons.with-a-pronoun             "he and Dorn had been upset", "Dorn and I": a name joined by
                                   "and" to a personal pronoun (not after an article: "the
                                   Hill and I")
persons.drafter                    "Drafted by Ann Dorn", "Prepared by A. B. Dorn": who drafted,
                                   prepared or approved the record (a source note's usage)
=================================  ==========================================================

Places and organizations in these places ("talks with Moscow") are refused by the exclusions,
as for every rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from tei.lexicon import Matcher, lazy_pattern, words
from tei.lexicon.letters import UPPER
from tei.lexicon.names import INITIAL, NAME, NAME_END, is_name_word
from tei.resolve.persons.candidate import Candidate
from tei.resolve.persons.shapes import SURNAME, SURNAME_AT_START

# Not before another capitalized word ("talks with Bonn Government" names a thing) nor before a
# bracket ("with Bill [Able]": a first name the editor completes).
_ALONE = rf"{NAME_END}(?!\s+[{UPPER}]|\s*\[)"
# Each rule looks for its small words with ``str.find`` and matches the name where one stands:
# much faster than a pattern tried at every position of every paragraph.
EXCHANGE_WORDS = words("exchange-words")
EXCHANGE_PREPOSITION = lazy_pattern(rf" (?:with|to|from) (?=[{UPPER}])")
BY = lazy_pattern(rf" by (?=[{UPPER}])")
PARTY = lazy_pattern(rf"(?P<given>(?:{NAME}\s+)?)(?P<surname>{SURNAME}){_ALONE}"
                     rf"(?:\s+and\s+(?P<second>{SURNAME}){_ALONE})?")
ARTICLES = frozenset(["the", "The", "a", "A", "an", "An"])
PRONOUNS_BEFORE = frozenset(["he", "He", "she", "She", "him", "her"])
# After "and", with what may follow the pronoun.
PRONOUNS_AFTER = tuple(f"{pronoun}{after}" for pronoun in ("he", "she", "him", "her", "I", "me") for after in " ,.;")
AFTER_AND = lazy_pattern(rf"(?P<surname>{SURNAME}){_ALONE}")
BEFORE_AND = lazy_pattern(rf"(?P<surname>{SURNAME_AT_START})\Z")
DRAFTING_WORDS = frozenset(["drafted", "Drafted", "prepared", "Prepared", "approved", "Approved", "cleared",
                            "Cleared", "written", "Written"])
DRAFTER = lazy_pattern(rf"(?P<given>(?:(?:{NAME}|{INITIAL})\s+){{0,3}})(?P<surname>{SURNAME}){_ALONE}")


def _after(text: str, words: Matcher) -> Iterator[int]:
    """Where each of ``words`` (a pattern that also checks the capital after it) ends."""
    return (match.end() for match in words.finditer(text))


def _word_before(text: str, position: int) -> str:
    """The word that ends at ``position`` (its letters only)."""
    start = position
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "’'"):
        start -= 1
    return text[start:position]


class PartyToAnExchange:
    """The other party of a conversation, a meeting or a letter: "talked with Dorn"."""

    name = "persons.party-to-an-exchange"

    def find(self, text: str) -> Iterator[Candidate]:
        if " with " not in text and " to " not in text and " from " not in text:
            return  # what the pattern needs: a text without them never compiles it
        reason = "the other party of a conversation, a meeting or a letter"
        for preposition in EXCHANGE_PREPOSITION.finditer(text):
            if _word_before(text, preposition.start()) not in EXCHANGE_WORDS:
                continue
            match = PARTY.match(text, preposition.end())
            if match is None:
                continue
            given = match.group("given").strip()
            if given and not is_name_word(given):
                continue  # "with West Lakeville", "with Soviet Able": no given name
            yield Candidate(match.group("surname"), "", given, self.name, reason)
            if match.group("second"):
                yield Candidate(match.group("second"), "", "", self.name, reason)


class WithAPronoun:
    """A name joined to a personal pronoun: "he and Dorn", "Dorn and I"."""

    name = "persons.with-a-pronoun"

    def find(self, text: str) -> Iterator[Candidate]:
        position = text.find(" and ")
        while position >= 0:
            end = position + 5
            if text[end:end + 1].isupper() and _word_before(text, position) in PRONOUNS_BEFORE:
                match = AFTER_AND.match(text, end)
                if match:
                    yield Candidate(match.group("surname"), rule=self.name, reason="joined to a personal pronoun")
            elif text.startswith(PRONOUNS_AFTER, end):
                match = BEFORE_AND.search(text, max(0, position - 40), position)
                # "up on the Hill and I": after an article the word names a thing, not a person.
                if match and _word_before(text, match.start() - 1) not in ARTICLES:
                    yield Candidate(match.group("surname"), rule=self.name, reason="joined to a personal pronoun")
            position = text.find(" and ", end)


class Drafter:
    """Who drafted, prepared or approved the record: "Drafted by Ann Dorn" (a source note)."""

    name = "persons.drafter"

    def find(self, text: str) -> Iterator[Candidate]:
        if " by " not in text:
            return
        for end in _after(text, BY):
            if _word_before(text, end - 4) not in DRAFTING_WORDS:
                continue
            match = DRAFTER.match(text, end)
            if match is None:
                continue
            given = match.group("given").split()
            if all(is_name_word(word) for word in given):  # "Prepared by Policy Planning Staff": no person
                yield Candidate(match.group("surname"), "", " ".join(given), self.name,
                                "who drafted, prepared or approved the record", strong=True)
