"""Link: every mention of a known person in the text → :class:`~tei.model.PersName`.

    'Ambassador Able welcomed Baker.'
    → [PersName('Ambassador Able', 'able'), ' welcomed ', PersName('Baker', 'baker'), '.']

Two known persons written as a pair ("the Able/Baker talks") are each linked
(``persons.slash-pair``). Surnames (in every form of the identity table) are found first (:mod:`~tei.resolve.persons.forms`);
what stands just before each one (a title, given names) is read backwards from it and
belongs to the mention. A role phrase ("the Secretary") is not a name and is not linked
here; the speakers pass reads the participants' roles itself.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Iterator

from tei.lexicon import LazyPattern, alternation, lazy_pattern, words
from tei.lexicon.names import INITIAL, NAME, NAME_START, TITLE_WORDS, is_name_word
from tei.model import Closing, Inline, PersName, Person
from tei.resolve.persons.exclusions import PLACES, in_firm_at
from tei.resolve.persons.forms import FormFinder
from tei.resolve.persons.identity import Identities
from tei.resolve.persons.shapes import (
    ARTICLE_BEFORE,
    CAPITAL_INSIDE_GIVEN,
    DATE_AFTER,
    FOLLOWER,
    GIVEN_WORD,
    TITLE_PHRASE,
    WORD,
    at_sentence_start,
)

PREFIX_WINDOW = 80
# Two names joined by a slash or a hyphen: "Able/Baker", "Able-Baker".
PAIR = lazy_pattern(rf"(?<![\w’'\-/])(?P<first>{NAME})[/-](?P<second>{NAME})(?![\w/\-])")
# An initial, or a given name abbreviated with a capital inside ("McG."): a given name wherever it stands.
INITIAL_WORD = lazy_pattern(f"{INITIAL}|{CAPITAL_INSIDE_GIVEN}")


@functools.lru_cache(maxsize=64)
def _prefix_pattern(roles: tuple[str, ...]) -> LazyPattern:
    """What may stand before a surname, up to it: a title (or a participant's role) and given names
    (never the last letter of an abbreviation such as "U.S."). Built once per set of roles: a volume's documents share their cast."""
    title = f"(?:{alternation(roles)}|{TITLE_PHRASE})" if roles else TITLE_PHRASE
    # Not right after a full stop: "S." in "the U.S. Able" ends an abbreviation, no initial of Able's.
    return lazy_pattern(NAME_START + r"(?<!\.)" + rf"(?:(?P<title>{title})\s+)?"
                        rf"(?P<given>(?:{GIVEN_WORD}\s+){{0,2}})\Z")


# After a name, words that make it no modifier of a noun ("the Paper said", "the Able and …").
NOT_NOUNS = (words("say-verbs") | words("think-verbs") | words("action-verbs") | words("auxiliaries")
             | frozenset(["and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "that", "which",
                          "who", "as", "than", "but", "not"]))
NEXT_WORD = lazy_pattern(r"(?:[–-][A-Z][\w’']*)*\s+([a-z]+)\b")  # "the Able–Baker talks" too


def _modifies_a_noun(text: str, end: int) -> bool:
    """"the Able visit", "the De Baker–Carr talks": a person's name before a noun, after an article."""
    follower = NEXT_WORD.match(text, end)
    return follower is not None and follower.group(1) not in NOT_NOUNS


def _pairs_in(text: str) -> Iterator[re.Match[str]]:
    """``PAIR.finditer(text)``, tried only where a slash or a hyphen stands before a capital (a
    text has many hyphens, few pairs of names)."""
    for separator in "/-":
        position = text.find(separator, 1)
        while position > 0:
            if text[position + 1:position + 2].isupper() and text[position - 1].isalpha():
                start = position - 1
                while start > 0 and text[start - 1].isalpha():
                    start -= 1
                match = PAIR.match(text, start)
                if match and match.end("first") == position:
                    yield match
            position = text.find(separator, position + 1)


class Linker:
    """Splits text into strings and PersName items for the persons of an identity table."""

    def __init__(self, table: Identities) -> None:
        self.table = table
        roles = sorted({" ".join(person.role_names) for person in table.persons
                        if person.role_names and person.group}, key=len, reverse=True)
        self.surnames = FormFinder(table.forms)
        # The table does not change while the text is linked: each name and title is looked up once.
        self._persons: dict[tuple[str, str], Person | None] = {}
        self.prefix = _prefix_pattern(tuple(roles))

    def _person(self, name: str, title: str) -> Person | None:
        key = (name, title)
        if key not in self._persons:
            self._persons[key] = self.table.find(name, title)
        return self._persons[key]

    @staticmethod
    def _name_start(text: str, prefix: re.Match[str] | None, surname: int, person: Person) -> int:
        """Where the mention begins: at the title, at the given names, or at the surname.

        Given names the person is known by count first ("Between Ann Able": at "Ann"). "Later
        Ann Able" → at "Ann" ("Later" starts the sentence). Unknown given names count only
        without a title and away from a sentence start, except initials and a name word before
        one, which are given names wherever they stand ("Ann B. Able", "A. B. Able" opening a
        sentence or a signature). A place is no unknown given name ("In Ruritania Able found").
        """
        if prefix is None:
            return surname
        tokens = list(WORD.finditer(prefix.group("given")))
        if not tokens:
            return prefix.start()
        words = [token.group() for token in tokens]
        starts = [prefix.start("given") + token.start() for token in tokens]
        for index in range(len(words)):
            # "D[ora]": the editor's completion of a known given name is that name.
            if all(name.replace("[", "").replace("]", "") in person.forenames for name in words[index:]):
                return prefix.start() if index == 0 else starts[index]
        for index in range(len(words)):
            initials = any(INITIAL_WORD.fullmatch(word) for word in words[index:index + 2])
            if not prefix.group("title") and (index > 0 or initials or not at_sentence_start(text, starts[index])) \
                    and all(is_name_word(name) and name not in PLACES for name in words[index:]):
                return starts[index]
        return surname

    def _mention(self, text: str, start: int, end: int) -> tuple[int, int, int, Person] | None:
        follower = FOLLOWER.match(text, end)
        if follower and follower.group(1) not in self.table.forms and follower.group(1) not in TITLE_WORDS \
                and not DATE_AFTER.match(text, end):
            return None  # "Able Library", "Shore Papers": part of another proper noun
        if in_firm_at(text, start, end):
            return None  # "Able & Co.", "Baker & Able": a firm's name
        prefix = self.prefix.search(text, max(0, start - PREFIX_WINDOW), start)
        person = self._person(text[start:end], (prefix.group("title") or "") if prefix else "")
        if person is None:
            return None
        if person.group == 0 and ARTICLE_BEFORE.search(text, max(0, start - 5), start) \
                and not _modifies_a_noun(text, end):
            return None  # "the Paper": a thing; "the Able visit" is the person's
        return self._name_start(text, prefix, start, person), end, start, person

    def _pairs(self, text: str) -> list[tuple[int, int, int, Person]]:
        """persons.slash-pair: "the Able/Baker conversation", "the Able-Baker meeting": two known
        persons written as a pair (a slash or a hyphen keeps other names apart: "EUR/SOV",
        "Franco-German", a double surname "Able-Dorn" where Dorn is no person)."""
        found: list[tuple[int, int, int, Person]] = []
        for match in _pairs_in(text):
            first, second = self._person(match.group("first"), ""), self._person(match.group("second"), "")
            if first is not None and second is not None:
                found += [(match.start("first"), match.end("first"), match.start("first"), first),
                          (match.start("second"), match.end("second"), match.start("second"), second)]
        return found

    def mentions(self, text: str) -> list[tuple[int, int, Person]]:
        found = [mention for start, end in self.surnames.find(text)
                 if (mention := self._mention(text, start, end)) is not None]
        if "/" in text or "-" in text:
            found = sorted(found + self._pairs(text), key=lambda mention: mention[2])
        result: list[tuple[int, int, Person]] = []
        last_end = 0
        for start, end, surname, person in found:
            if surname < last_end:
                continue
            # Given names that belong to the mention before are not this one's ("Carr Dorn").
            result.append((start if start >= last_end else surname, end, person))
            last_end = end
        return result

    def split(self, text: str) -> list[Inline]:
        pieces: list[Inline] = []
        position = 0
        for start, end, person in self.mentions(text):
            # A name recurs thousands of times in a long text: its mentions share one string.
            pieces += [text[position:start], PersName(sys.intern(text[start:end]), person.id)]
            position = end
        pieces.append(text[position:])
        return pieces


INITIALS = lazy_pattern(r"(?:[A-Z]\.?){2,4}")


def initials_of(person: Person) -> str:
    """"Ann B. Dorn" → "ABD": the first letters of the person's capitalized names."""
    return "".join(word[0] for word in [*person.forenames, *(person.surname or "").split()] if word[:1].isupper())


def link_initials(closings: Iterable[Closing], table: Identities) -> None:
    """persons.initials-signature: a signature of initials ("AD", "A.B.D.") is the one person of the
    document whose names begin with those letters (a participant, or the drafter a source note names)."""
    for block in closings:
        if block.kind != "signed" or not all(isinstance(item, str) for item in block.content):
            continue
        text = "".join(str(item) for item in block.content)
        initials = text.strip()
        if not INITIALS.fullmatch(initials):
            continue
        persons = [person for person in table.persons if initials_of(person) == initials.replace(".", "")]
        if len(persons) == 1:
            start = text.index(initials)
            block.content = [text[:start], PersName(initials, persons[0].id), text[start + len(initials):]]
