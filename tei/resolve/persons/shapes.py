"""What persons' names look like in running text: titles, name words, compound surnames.

    "Deputy Foreign Minister Ann Able" → title "Deputy Foreign Minister", given "Ann", surname "Able"
    "Baker de Carr", "de Able", "von Able" → one surname with its particle
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from tei.lexicon import Matcher, alternation, lazy_pattern, words
from tei.lexicon.letters import UPPER
from tei.lexicon.names import (
    INITIAL,
    NAME,
    NAME_END,
    NAME_NOT_AFTER,
    NAME_START,
    NAME_TAIL,
    PARTICLES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from tei.model import (
    Block,
    BulletList,
    Document,
    EditorialBlock,
    Inline,
    LineBreak,
    Paragraph,
    Section,
    iter_inlines,
)

PARTICLE_FORMS = PARTICLES | {particle.capitalize() for particle in PARTICLES}
PARTICLE = alternation(PARTICLE_FORMS)
# A surname: a name word, or a compound with a particle ("de Able", "Baker de Carr").
SURNAME = rf"(?:(?:{NAME}\s+)?(?:{PARTICLE})\s+)?{NAME}"


def _after_initial(words: frozenset[str]) -> str:
    """``alternation(words)`` for the position after a word's first letter, each word's letter
    checked by a look-behind: ``{"de", "von"}`` → ``(?:(?<=d)e|(?<=v)on)``."""
    tails: dict[str, set[str]] = {}
    for word in words:
        tails.setdefault(word[0], set()).add(word[1:])
    branches = []
    for initial, rests in sorted(tails.items()):
        rest = alternation(rest for rest in rests if rest) if rests - {""} else ""
        branches.append(f"(?<={re.escape(initial)})" + (f"(?:{rest})?" if rest and "" in rests else rest))
    return "(?:" + "|".join(branches) + ")"


_PARTICLE_INITIALS = "".join(sorted({particle[0] for particle in PARTICLE_FORMS if not particle[0].isupper()}))
# NAME_START + SURNAME, the same matches tried in the same order, written to open with the class
# of the letters a surname can begin with: ``re`` then skips ahead to those letters instead of
# trying the look-behind and the surname at every position of a text. The first letter is
# consumed by the class, the look-behind checks the character before it, and each branch goes
# on from the second letter (a capital's branches: not after a particle's lower-case initial).
SURNAME_AT_START = (rf"[{UPPER}{_PARTICLE_INITIALS}](?<![{NAME_NOT_AFTER}].)"
                    rf"(?:(?<![{_PARTICLE_INITIALS}]){NAME_TAIL}\s+(?:{PARTICLE})\s+{NAME}"
                    rf"|{_after_initial(PARTICLE_FORMS)}\s+{NAME}"
                    rf"|(?<![{_PARTICLE_INITIALS}]){NAME_TAIL})")
# "Deputy Foreign Minister", "Secretary of State": modifiers, a head word, an office.
TITLE_PHRASE = (rf"(?:(?:{alternation(TITLE_MODIFIERS)})\s+){{0,3}}(?:{alternation(TITLE_HEADS)})"
                rf"(?:\s+of\s+(?:the\s+)?{NAME}(?=\s+{NAME}))?")
# Given names may be abbreviated ("McG. Able", "Wm. Able", "Chas. Able"; in running text only
# with a capital inside, as "McG.": "to Vale. Able" ends a sentence), or completed by the editor in
# brackets ("D[ora] Able").
ABBREVIATED_GIVEN = rf"[{UPPER}][a-z]{{1,3}}[{UPPER}]?\."
CAPITAL_INSIDE_GIVEN = rf"[{UPPER}][a-z]{{1,2}}[{UPPER}]\."
COMPLETED_GIVEN = rf"[{UPPER}]\[[a-z]+\]"
# A given name of any of these shapes, or an initial: one capital, then the rest of each shape
# (one alternation after the capital is tried much faster than four from the same position).
GIVEN_WORD = rf"[{UPPER}](?:{NAME_TAIL}|\.|[a-z]{{1,2}}[{UPPER}]\.|\[[a-z]+\])"
GIVEN = rf"(?P<given>(?:(?:{NAME}|{INITIAL})\s+){{0,2}})"
# A name before a middle initial and another name is a given name ("Intelligence Allen W. Able"
# read across a line break: the surname is Able's, not "Allen").
# A surname after a title may be double, joined by a hyphen ("Ambassador Able-Baker"), unless a
# title or a word of conversation shows two persons: "President Able-Chancellor Baker Telephone
# Conversation", "the Secretary Able-Baker talks".
DOUBLE_SURNAME = (rf"(?:-(?!(?:{alternation(TITLE_HEADS)})\b){NAME}"
                  rf"(?!\s+(?:{alternation(words('exchange-words'))})\b))?")
TITLED_NAME = lazy_pattern(NAME_START + rf"(?P<title>{TITLE_PHRASE})\s+{GIVEN}(?P<surname>{SURNAME}{DOUBLE_SURNAME})"
                           rf"{NAME_END}(?!\s+{INITIAL}\s+[{UPPER}])")
TITLE_START = lazy_pattern(rf"(?:{alternation(TITLE_MODIFIERS | TITLE_HEADS, not_after=NAME_NOT_AFTER)})(?![\w])")
# "Ambassadors Grey and Barr": a plural title names two people.
SECOND_NAME = lazy_pattern(rf"\s+and\s+(?P<second>{SURNAME}){NAME_END}")
# A date right after a name, as cables write it without "on": "met Able February 4".
DATE_AFTER = lazy_pattern(r"\s*(?:January|February|March|April|May|June|July|August|September|October|November"
                          r"|December)\s+\d")
ARTICLE_BEFORE = lazy_pattern(r"\b(?:[Tt]he|[Aa]n?)\s+$")
WORD = lazy_pattern(r"\S+")
FOLLOWER = lazy_pattern(rf"\s+({NAME})\b")
FEMALE = frozenset(["Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Madame", "Mme.", "Mme", "Mlle.", "Lady", "Queen",
                    "Princess"])
MALE = frozenset(["Mr.", "Mr", "Messrs.", "Sir", "Monsieur", "M.", "Lord", "King", "Prince"])
ORGANIZATION_WORDS = words("organization-words")
# A romanized East Asian name, the family name first and a given name of two syllables joined by
# a hyphen ("Able Tae-sun", "Baker Chi-hwa"); a word made with an English prefix ("Co-chairman",
# "Pre-summit") is no such given name.
HYPHENATED_GIVEN_WORD = rf"(?!(?:{alternation(words('hyphen-prefixes'))})-)[{UPPER}][a-z]{{1,5}}-[a-z]{{2,6}}"
HYPHENATED_GIVEN = lazy_pattern(HYPHENATED_GIVEN_WORD)


def sex_of(titles: list[str] | str) -> str | None:
    """"f" or "m" when a title says it ("Mrs." → "f"), else None."""
    for title in titles.split() if isinstance(titles, str) else titles:
        if title in FEMALE:
            return "f"
        if title in MALE:
            return "m"
    return None


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


def scan(pattern: Matcher, text: str, starts: Matcher) -> Iterator[re.Match[str]]:
    """Like ``pattern.finditer(text)`` for a pattern that can only match where ``starts`` does.

    Patterns with a long alternation are tried only where they can begin (a title word),
    which is much faster than letting them try every position of a paragraph.
    """
    end = 0
    for candidate in starts.finditer(text):
        if candidate.start() < end:
            continue
        match = pattern.match(text, candidate.start())
        if match:
            yield match
            end = max(match.end(), candidate.start() + 1)


def singular_title(title: str) -> str:
    """"Foreign Ministers" → "Foreign Minister": the title of one of the people a plural names."""
    *qualifiers, head = title.split()
    if head.endswith("ies"):
        head = head[:-3] + "y"
    elif head.endswith("s") and head not in ("Mrs.", "Ms.", "Messrs."):
        head = head[:-1]
    return " ".join([*qualifiers, head])


@functools.lru_cache(maxsize=4096)
def surname_forms(surname: str) -> tuple[str, ...]:
    """The forms a surname is written in: "Baker de Carr" → also "Baker", "de Carr", "De Carr";
    "de La Carr" → also "La Carr".

    A compound with a particle is shortened to its first word or to the particle and what
    follows, a family name with its given name after it ("Able Tae-sun") to the family name;
    a plain surname has one form.
    """
    parts = surname.split()
    if len(parts) == 2 and HYPHENATED_GIVEN.fullmatch(parts[1]):
        return surname, parts[0]  # "Able Tae-sun", later "Able"
    particle = next((index for index, part in enumerate(parts) if part.lower() in PARTICLES), None)
    if particle is None:
        return (surname,)
    forms = [surname]
    tail = " ".join(parts[particle:])
    forms += [tail, tail[0].upper() + tail[1:], tail[0].lower() + tail[1:]]
    if particle > 0:
        forms.append(" ".join(parts[:particle]))
    after = parts[particle + 1:]
    if len(after) >= 2 and after[0][:1].isupper() and after[0].lower() in PARTICLES:
        forms.append(" ".join(after))  # "de La Carr", later "La Carr": the article stays, "de" goes
    return tuple(dict.fromkeys(forms))


def texts_with_lines(document: Document) -> Iterator[tuple[list[Inline], int]]:
    """The inline lists where persons are named, each with the line it starts on: the subject
    lines, the body, the footnotes (the source note often names the people listed by role)."""
    yield document.head, document.line
    for content in document.argument:
        yield content, document.argument_line
    yield from _block_texts(document.body)
    for note in document.footnotes:
        yield note.content, note.line


def _block_texts(blocks: list[Block]) -> Iterator[tuple[list[Inline], int]]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.content, block.line
        elif isinstance(block, BulletList):
            for item in block.items:
                yield item, block.line
        elif isinstance(block, EditorialBlock):
            yield block.note.content, block.line
        elif isinstance(block, Section):
            if block.head is not None:
                yield block.head, block.line
            yield from _block_texts(block.blocks)


def line_runs(content: list[Inline]) -> Iterator[str]:
    """The strings of ``content`` (quotations and turns included), those a line break parts read
    as one, so that a name broken across two lines ("Foreign Minister⏎Able") is found."""
    run: list[str] = []
    for item in iter_inlines(content):
        if isinstance(item, str):
            run.append(item)
        elif isinstance(item, LineBreak) and run:
            run.append(" ")
        elif run:
            yield "".join(run)
            run = []
    if run:
        yield "".join(run)
