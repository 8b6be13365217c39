"""Exclusions: why a capitalized word a mention rule proposes is not a person's name.

Each exclusion is a named rule, tried in order; the first that applies refuses the name and
is recorded for ``tei convert --explain`` with its reason:

=================================  ==========================================================
rule                               refuses
=================================  ==========================================================
persons.not-name.particle-only     "de", "von" alone
persons.not-name.common-word       sentence openers, months, demonyms, titles, telegraphic
                                   abbreviations ("FonOff"): ``not-names.txt``, ``peoples.txt``
persons.not-name.abbreviated-title "Lt. Col. Eck": "Col" is the title "Col." cut at its period
persons.not-name.organization      "General Assembly", "Federal Republic": an organization's
                                   or a polity's last word (``organization-words.txt``)
persons.not-name.common-noun       "General Situation", "Developments": a word with the ending
                                   of an abstract noun ("-tion", "-sion", "-ism", "-ity",
                                   "-ment"), or its plural
persons.not-name.adverb            "Intermittently", "Finally" opening a sentence: an adverb
                                   made with "-ly" from an adjective's ending ("-ent",
                                   "-al", "-ous", …); "Kelly", "Bently", "McNally" stay names
persons.not-name.place             countries, capitals, regions (``places.txt``), any word
                                   after a preposition of place in the document ("in Vienna"),
                                   the words of headings, and a subject line's topic: the
                                   subject when it is one name ("SUBJECT: Vienna"), a name
                                   after "on", "for", "regarding", … ("Talks on Vienna")
persons.not-name.longer-name       "Able Foundation": a word before an organization word
persons.not-name.firm              "Able & Co.", "Able, Baker and Company", "Able, Inc.",
                                   "Baker & Able": a name in a firm's name, before a firm's
                                   ending (``firm-endings.txt``) or joined by "&"
=================================  ==========================================================
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from tei.lexicon import alternation, lazy_pattern, words
from tei.lexicon.names import NAME, NAME_END, NAME_START, PARTICLES, TITLE_WORDS, is_name_word
from tei.model import Block, Document, Section, plain_text
from tei.resolve.persons.shapes import FOLLOWER, ORGANIZATION_WORDS

PLACES = words("places")
# The preposition as a whole word (the class is \b's before a letter).
PREPOSITION = alternation(words("locative-prepositions"), not_after=r"\w")
LOCATIVE = lazy_pattern(rf"{PREPOSITION} (?P<place>{NAME})\b(?![’']s\b)")
FIRM_ENDING = alternation(words("firm-endings"))
FIRM_WORDS = frozenset(ending.rstrip(".") for ending in words("firm-endings"))  # "Co", "Inc": no names
# After a name, the rest of a firm's name: other names, then "&" or "and" and an ending; a comma and
# an ending; an ending; or "&" and another name. Before a name: a name and "&".
FIRM_AFTER = lazy_pattern(rf"(?:(?:,\s+{NAME})*,?\s+(?:&|and)\s+|,?\s+)(?:{FIRM_ENDING})(?!\w)|\s*&\s*{NAME}")
# What any text naming a firm holds: "&", or an ending after a space (tested after the ending's
# first letter, so that ``re`` skips ahead to those letters, not to every space).
FIRM_MARK = lazy_pattern("&|" + "|".join(f"{re.escape(ending[0])}(?<= {re.escape(ending[0])}){re.escape(ending[1:])}"
                                         for ending in sorted(words("firm-endings"))))
FIRM_BEFORE = lazy_pattern(rf"{NAME}\s*&\s*\Z")
# A subject line's topic: the whole subject when it is one name, or a name after a preposition
# of topic; "with Able", "Between Able and Baker" name persons and are left alone.
SUBJECT_LABEL = lazy_pattern(r"^\s*[A-Z][A-Za-z ]{0,20}:\s*")
SUBJECT_ALONE = lazy_pattern(rf"(?P<topic>{NAME})[\s\d.]*")
TOPIC = lazy_pattern(rf"\b(?:on|for|in|at|regarding|concerning|about|toward|towards)\s+(?P<topic>{NAME}){NAME_END}")
HEADING_WORD = lazy_pattern(rf"{NAME_START}{NAME}{NAME_END}")
# Endings of English abstract nouns that no surname has ("Situation", "Communism", "Security");
# "-ment" only in long words ("Clement" is a name, "Government" is not).
ABSTRACT_ENDINGS = ("tion", "sion", "ism", "ity")
# Endings of English adjectives that take "-ly" to make an adverb ("Intermittent" → "Intermittently",
# "Final" → "Finally", "Possib(le)" → "Possibly"); surnames in "-ly" do not have them on a stem of
# five letters or more ("Kelly", "Connolly", "Bently").
ADJECTIVE_ENDINGS = ("ent", "ant", "ate", "ive", "ous", "ful", "less", "ed", "ing", "al", "ar", "ct", "ib", "ab")
ADVERB_STEM = 5


def _abstract_noun(word: str) -> bool:
    """"Situation", "Security", and their plurals ("Developments", "Authorities")."""
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("s"):
        word = word[:-1]
    return len(word) > 5 and (word.endswith(ABSTRACT_ENDINGS) or (len(word) > 8 and word.endswith("ment")))


def _adverb(word: str) -> bool:
    """"Intermittently", "Finally", "Possibly": "-ly" after an adjective's ending, the word lower
    case after its capital (a name such as "McNally" has a second capital)."""
    stem = word[:-2]
    return (word.endswith("ly") and len(stem) >= ADVERB_STEM and stem[1:].islower()
            and stem.lower().endswith(ADJECTIVE_ENDINGS))


def not_a_name(surname: str, strong: bool, places: set[str]) -> tuple[str, str] | None:
    """(rule, reason) of the exclusion that refuses ``surname``, or None when nothing speaks
    against it; ``strong``: a title or a verb of saying speaks for it, so a word that stands
    after "in" elsewhere may still be a name."""
    parts = [part for part in surname.split() if part.lower() not in PARTICLES]
    if not parts:
        return "persons.not-name.particle-only", "only a particle"
    for part in parts:
        if not is_name_word(part):
            return "persons.not-name.common-word", f"'{part}' is a common word or a title"
        if part + "." in TITLE_WORDS:
            return "persons.not-name.abbreviated-title", f"'{part}.' is an abbreviated title"
        if part in ORGANIZATION_WORDS:
            return "persons.not-name.organization", f"'{part}' ends the names of organizations"
        if part in FIRM_WORDS:
            return "persons.not-name.firm", f"'{part}' ends the names of firms"
        if _abstract_noun(part):
            return "persons.not-name.common-noun", f"'{part}' has the ending of an abstract noun"
        if part.endswith("ly") and _adverb(part):
            return "persons.not-name.adverb", f"'{part}' has the ending of an adverb"
        if part in PLACES or (part in places and not strong):
            return "persons.not-name.place", f"'{part}' is a place"
    return None


def in_longer_name(surname: str, text: str) -> tuple[str, str] | None:
    """"Able Foundation": a name followed, wherever ``text`` has it, by an organization word
    belongs to that name."""
    position, follower = text.find(surname), None
    while position >= 0:
        end = position + len(surname)
        if end == len(text) or not text[end].isalnum():
            follower = FOLLOWER.match(text, end)
            if follower is None or follower.group(1) not in ORGANIZATION_WORDS:
                return None
        position = text.find(surname, end)
    if follower is None:
        return None
    return "persons.not-name.longer-name", f"part of a name such as '{surname} {follower.group(1)}'"


@functools.lru_cache(maxsize=8)
def names_a_firm(text: str) -> bool:
    """Whether ``text`` may name a firm at all (most do not): asked once per text."""
    return FIRM_MARK.search(text) is not None


def in_firm_at(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is part of a firm's name ("Able & Co.", "Baker & Able")."""
    return bool(FIRM_AFTER.match(text, end) or ("&" in text[max(0, start - 3):start]
                                               and FIRM_BEFORE.search(text, max(0, start - 40), start)))


def in_firm_name(surname: str, text: str) -> tuple[str, str] | None:
    """persons.not-name.firm: ``surname`` is, wherever ``text`` has it, part of a firm's name."""
    if not names_a_firm(text):
        return None
    position, found = text.find(surname), False
    while position >= 0:
        end = position + len(surname)
        if (end == len(text) or not text[end].isalnum()) and (position == 0 or not text[position - 1].isalnum()):
            if not in_firm_at(text, position, end):
                return None
            found = True
        position = text.find(surname, end)
    return ("persons.not-name.firm", f"part of a firm's name such as '{surname} & Co.'") if found else None


def places_in(document: Document, texts: list[str]) -> set[str]:
    """Words that stand after a preposition of place somewhere ("in Vienna"), and the names
    of headings (a section "2. Vienna and Able" is about places or topics): not people, unless
    a title or a verb of saying says otherwise."""
    # ``texts``: the strings of the document, quotations and a transcript's turns too, which
    # name places as well ("Baker: Action in Dorn gave …").
    found = {match.group("place") for text in texts for match in LOCATIVE.finditer(text)}
    found |= {word.group() for heading in _headings(document.body) for word in HEADING_WORD.finditer(heading)}
    return found | set(_subject_topics(document))


def _subject_topics(document: Document) -> Iterator[str]:
    """"SUBJECT: Vienna", "SUBJECT: Soviet Overtures on Vienna": what a memorandum is about is a
    place or a matter; the persons it concerns carry titles or stand after "with"."""
    for entry in document.argument:
        subject = SUBJECT_LABEL.sub("", plain_text(entry), count=1)
        alone = SUBJECT_ALONE.fullmatch(subject.strip())
        if alone:
            yield alone.group("topic")
        yield from (match.group("topic") for match in TOPIC.finditer(subject))


def _headings(blocks: list[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Section):
            if block.head is not None:
                yield plain_text(block.head).strip().rstrip(".:")
            yield from _headings(block.blocks)
