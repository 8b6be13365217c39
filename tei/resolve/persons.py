"""Persons: find the people a memorandum names, and link every mention to its person.

Two steps, both from the shape of the text:

1. *discover* people who are not participants: a name after a title or rank
   ("Secretary Shore", "Foreign Minister X", "Colonel Y"), or a name that is the
   subject of a verb of saying ("Dorn replied"). They become ``Document.mentioned``.
2. *link* every mention of a participant or discovered person:

       'Ambassador Able welcomed Baker.'
       → [PersName('Ambassador Able', 'able'), ' welcomed ', PersName('Baker', …), '.']

   A role phrase ("the President") is a person only where a participant is listed by
   that role alone; then every "the President" is that participant.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from tei.errors import Reporter
from tei.lexicon import alternation, words
from tei.lexicon.names import (
    INITIAL,
    NAME,
    NAME_END,
    NAME_START,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    is_name_word,
    slug,
)
from tei.model import Document, Inline, PersName, Person, map_text
from tei.resolve.base import Pass
from tei.rules import Registry

SAY_VERBS = words("say-verbs")
AUXILIARIES = words("adverbs")


def at_sentence_start(text: str, index: int) -> bool:
    """Whether ``text[index:]`` begins a sentence: at the start, after an opening bracket or
    quotation mark, or after a full stop and a space. Looks back a few characters only, so
    that a very long paragraph stays linear."""
    end = index
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] in "“([":
        return True
    if end == index:
        return False  # no space: inside a word
    before = text[end - 1]
    if before in "”’\"" and end > 1:
        before = text[end - 2]
    return before in ".!?"


ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+$")


# Patterns with a long alternation are tried only where they can begin (a title word), which
# is much faster than letting them try every position of a paragraph.
WORD = re.compile(r"\S+")
FOLLOWER = re.compile(rf"\s+({NAME})\b")


def scan(pattern: re.Pattern[str], text: str, starts: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Like ``pattern.finditer(text)`` for a pattern that can only match where ``starts`` does."""
    end = 0
    for candidate in starts.finditer(text):
        if candidate.start() < end:
            continue
        match = pattern.match(text, candidate.start())
        if match:
            yield match
            end = max(match.end(), candidate.start() + 1)


TITLE_PHRASE = rf"(?:(?:{alternation(TITLE_MODIFIERS)})\s+){{0,3}}(?:{alternation(TITLE_HEADS)})"


def _title_phrase(extra: list[str]) -> str:
    """A title: one of the participants' own role strings, or modifiers and a head word."""
    return f"(?:{alternation(extra)}|{TITLE_PHRASE})" if extra else TITLE_PHRASE


TITLED_NAME = re.compile(
    NAME_START + rf"(?P<title>{_title_phrase([])})\s+(?P<given>(?:(?:{NAME}|{INITIAL})\s+){{0,2}})"
    rf"(?P<surname>{NAME}){NAME_END}")
# "Ambassadors Grey and Barr": a plural title names two people.
SECOND_NAME = re.compile(rf"\s+and\s+(?P<second>{NAME}){NAME_END}")
# A verb of saying is rarer than a capitalized word: find the verb, then the name just before it.
SAY_VERB = re.compile(rf"\b{alternation(SAY_VERBS)}\b")
SPEAKER_BEFORE_VERB = re.compile(
    NAME_START + rf"(?P<given>(?:{NAME}\s+)?)(?P<surname>{NAME})\s+(?:(?:{alternation(AUXILIARIES)})\s+){{0,2}}\Z")
TITLE_START = re.compile(NAME_START + rf"(?:{alternation(TITLE_MODIFIERS | TITLE_HEADS)})(?![\w])")
SPEAKER_WINDOW = 80


def speaking_names(text: str) -> Iterator[re.Match[str]]:
    """"Dorn replied", "Ann Able had said": the name that is the subject of a verb of saying."""
    for verb in SAY_VERB.finditer(text):
        match = SPEAKER_BEFORE_VERB.search(text, max(0, verb.start() - SPEAKER_WINDOW), verb.start())
        if match:
            yield match


def singular_title(title: str) -> str:
    """"Foreign Ministers" → "Foreign Minister": the title of one of the people a plural names."""
    *qualifiers, head = title.split()
    if head.endswith("ies"):
        head = head[:-3] + "y"
    elif head.endswith("s") and head not in ("Mrs.", "Ms.", "Messrs."):
        head = head[:-1]
    return " ".join([*qualifiers, head])


def discover_persons(document: Document) -> list[Person]:
    """People named in the body who are not participants, in order of first mention."""
    known = {person.surname for person in document.participants if person.surname}
    found: dict[str, Person] = {}

    by_role = {" ".join(person.role_names): person for person in document.participants if person.role_only}

    def add(surname: str, title: str = "", given: str = "") -> None:
        if surname in known or not is_name_word(surname) or (surname in places and not title):
            return
        listed = by_role.get(title)
        if listed is not None and listed.surname is None:
            # "Secretary Shore" where "The Secretary" is a participant: the text names him.
            listed.surname = surname
            known.add(surname)
            return
        person = found.get(surname)
        if person is None:
            name = " ".join(part for part in (title, given, surname) if part)
            found[surname] = Person(id="", name=name, surname=surname, forenames=given.split(),
                                    role_names=title.split())
        else:
            if title and not person.role_names:
                person.role_names = title.split()
            if given and not person.forenames:
                person.forenames = given.split()

    # Footnotes too: "Ross summarized this paragraph"; "Carter Library" is kept out by the
    # compound-name rule when mentions are linked.
    texts = [*document.argument, *_body_lists(document), *(note.content for note in document.footnotes)]
    places = _places(texts)
    for content in texts:
        for text in (item for item in content if isinstance(item, str)):
            for match in scan(TITLED_NAME, text, TITLE_START):
                title = match.group("title")
                one = singular_title(title)
                add(match.group("surname"), one, match.group("given").strip())
                second = SECOND_NAME.match(text, match.end())
                if second and one != title:
                    add(second.group("second"), one)
            for match in speaking_names(text):
                if ARTICLE_BEFORE.search(text[max(0, match.start() - 5): match.start()]):
                    continue
                given = match.group("given").strip()
                if given and (not is_name_word(given) or at_sentence_start(text, match.start())):
                    given = ""
                add(match.group("surname"), "", given)
    return list(found.values())


# "in Vienna", but not "in Ross's office".
LOCATIVE_PREPOSITIONS = words("locative-prepositions")
LOCATIVE = re.compile(rf"\b{alternation(LOCATIVE_PREPOSITIONS)} (?P<place>{NAME})\b(?![’']s\b)")


def _places(texts: list[list[Inline]]) -> set[str]:
    """Words that stand after a locative preposition somewhere ("in Vienna"): places, not people."""
    return {match.group("place") for content in texts for item in content if isinstance(item, str)
            for match in LOCATIVE.finditer(item)}


def _body_lists(document: Document) -> list[list[Inline]]:
    notes = {id(note.content) for note in document.footnotes}
    return [content for content in document.text_lists() if id(content) not in notes]


def _assign_ids(document: Document, persons: list[Person]) -> None:
    used = {person.id for person in document.participants}
    for person in persons:
        base = slug(person.surname or person.name)
        candidate, count = base, 1
        while candidate in used:
            count += 1
            candidate = f"{base}-{count}"
        person.id = candidate
        used.add(candidate)


@functools.lru_cache(maxsize=64)
def _prefix_pattern(roles: tuple[str, ...]) -> re.Pattern[str]:
    """What may stand before a surname, up to it: a title (or a participant's role) and given names.
    Built once per set of roles: a volume's documents share their cast."""
    return re.compile(NAME_START + rf"(?:(?P<title>{_title_phrase(list(roles))})\s+)?"
                      rf"(?P<given>(?:(?:{NAME}|{INITIAL})\s+){{0,2}})\Z")


class _Linker:
    """Splits text into strings and PersName items for the known persons.

    Surnames are found first (one fast pattern); what stands just before each one (a title,
    given names) is then read backwards from it.
    """

    PREFIX_WINDOW = 80

    def __init__(self, document: Document) -> None:
        people = [*document.participants, *document.mentioned]
        self.by_surname = {person.surname: person for person in reversed(people) if person.surname}
        self.by_role = {" ".join(person.role_names): person for person in document.participants if person.role_only}
        roles = sorted({" ".join(person.role_names) for person in document.participants
                        if person.role_names and not person.role_only}, key=len, reverse=True)
        self.role_pattern = re.compile(
            NAME_START + rf"[Tt]he\s+(?P<role_name>{alternation(self.by_role)}){NAME_END}") if self.by_role else None
        self.surname_pattern = re.compile(
            NAME_START + rf"(?P<surname>{alternation(self.by_surname)}){NAME_END}") if self.by_surname else None
        self.prefix = _prefix_pattern(tuple(roles))

    @staticmethod
    def _name_start(text: str, prefix: re.Match[str] | None, surname: int, person: Person) -> int:
        """Where the mention begins: at the title, at the given names, or at the surname.

        "Later Ann Able" → at "Ann" ("Later" starts the sentence). Unknown given names count
        only without a title and away from a sentence start; known ones always.
        """
        if prefix is None:
            return surname
        tokens = list(WORD.finditer(prefix.group("given")))
        if not tokens:
            return prefix.start()
        for index, token in enumerate(tokens):
            words = [t.group() for t in tokens[index:]]
            start = prefix.start("given") + token.start()
            if all(word in person.forenames for word in words):
                return prefix.start() if index == 0 else start
            if not prefix.group("title") and (index > 0 or not at_sentence_start(text, start)) and all(
                    is_name_word(word) for word in words):
                return start
        return surname

    def mentions(self, text: str) -> list[tuple[int, int, Person]]:
        found: list[tuple[int, int, int, Person]] = []  # start, end, surname start, person
        if self.role_pattern is not None:
            for match in self.role_pattern.finditer(text):
                found.append((match.start(), match.end(), match.start(), self.by_role[match.group("role_name")]))
        if self.surname_pattern is not None:
            for match in self.surname_pattern.finditer(text):
                person = self.by_surname[match.group("surname")]
                follower = FOLLOWER.match(text, match.end())
                if follower and follower.group(1) not in self.by_surname and follower.group(1) not in TITLE_WORDS:
                    continue  # "Carter Library", "Shore Papers": part of another proper noun
                prefix = self.prefix.search(text, max(0, match.start() - self.PREFIX_WINDOW), match.start())
                found.append((self._name_start(text, prefix, match.start(), person), match.end(), match.start(),
                              person))
        result: list[tuple[int, int, Person]] = []
        last_end = 0
        for start, end, surname, person in sorted(found, key=lambda mention: mention[2]):
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
            pieces += [text[position:start], PersName(text[start:end], person.id)]
            position = end
        pieces.append(text[position:])
        return pieces


def link_persons(document: Document, reporter: Reporter) -> None:
    """Discover mentioned persons, then turn every mention into a PersName."""
    mentioned = discover_persons(document)
    _assign_ids(document, mentioned)
    document.mentioned = mentioned
    linker = _Linker(document)
    contents = list(document.text_lists())
    for content in contents:
        content[:] = map_text(content, linker.split)


def register(passes: Registry[Pass]) -> None:
    passes.register(link_persons, "persons", 80)
