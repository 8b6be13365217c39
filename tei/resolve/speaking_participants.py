"""Participants of minutes that list none: the speakers who open the paragraphs.

    (no list of participants, no participants in the title)
    "The Prime Minister said that …"       → participant #prime-minister (by role)
    "General Able replied that …"          → participant #able
    "2. Mr. Baker asked whether …"         → participant #baker

Rule ``participants.speakers``: minutes of a conference or a meeting and memoranda for the
record often give no list of those present (it stands apart, in a table the copy leaves out,
or not at all); instead each paragraph opens with its speaker, by role ("The President",
"The Prime Minister") or by title and name ("Admiral Able", "Sir Ann Baker", "Mr. Dorn"),
as the subject of a verb of saying. Where the text lists no participants and the title names
none, those speakers are the participants, so that the speaker rules can read their turns.
A record where fewer than two persons open a paragraph so is not read as minutes: one
person's opening "The Ambassador said …" may report a conversation the writer was told of.
In minutes so read, a surname alone opening a paragraph ("Baker replied …") is a speaker
too; a role and the one titled name that holds it ("The President", "President Able") are
one speaker, by name, and so are a role and the one speaker by surname whom the text gives its
title ("The FonMin", "Foreign Minister Dorn" and "Dorn said": rule ``participants.role-holder``).

The participants are written to the TEI header only, like those a title names: the text has
no list of them (``Document.participants_from_speech``).
"""

from __future__ import annotations

import re

from tei.errors import Reporter
from tei.lexicon import lazy_pattern, words
from tei.lexicon.names import (
    ABBREVIATION,
    HONORIFICS,
    TITLE_ABBREVIATIONS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    is_name_word,
)
from tei.model import Document, Paragraph, Person, Section, plain_text
from tei.recognize.base import excerpt
from tei.recognize.participant_entry import parse_participant
from tei.resolve.base import Pass
from tei.resolve.speakers.patterns import ADVERB, VERB
from tei.rules import Registry

RULE = "participants.speakers"

# A paragraph's opening: its number, if any, then up to four capitalized words as the subject,
# a short aside in commas ("The Prime Minister, continuing, said"), adverbs, a verb of saying.
OPENING = lazy_pattern(
    r"^(?:(?:\d{1,3}|[a-z])\.\s+)?(?P<subject>(?:The\s+)?(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]+)"
    r"(?:,\s+[^,;:]{1,40},)?(?:\s+" + ADVERB + r")*\s+" + VERB)
MINIMUM_SPEAKERS = 2  # one person opening a paragraph so may be reported, not present
PLACES = words("places")
AGENCIES = words("agencies")


def speaker_name(subject: str) -> str | None:
    """The subject as a participant's name, where it is one: a role after "The" ("The Prime
    Minister") or a title before a name ("General Able", "Sir Ann Baker"), else None."""
    words = subject.split()
    if words[0] == "The":
        return subject if len(words) > 1 and words[-1] in TITLE_HEADS else None
    # "Admiral King" is a name ("King" also heads titles); "Secretary General" is an office.
    if len(words) > 1 and words[0] in TITLE_HEADS and words[-1] not in TITLE_MODIFIERS | HONORIFICS:
        return subject
    return None


def bare_surname(subject: str) -> str | None:
    """A subject that can be a surname alone ("Baker"), not a place, an agency or a common word."""
    if " " in subject or not is_name_word(subject) or subject in PLACES | AGENCIES or ABBREVIATION.match(subject):
        return None
    return subject


def openers(document: Document) -> tuple[list[Person], list[Person]]:
    """The persons who open paragraphs as the subject of a verb of saying: those named by role
    or title, and those by a surname alone, each once, in the order of the text."""
    titled: list[Person] = []
    bare: list[Person] = []
    for paragraph in paragraphs(list(document.body)):
        match = OPENING.match(" ".join(plain_text(paragraph.content).split()))
        if match is None:
            continue
        subject = match.group("subject")
        name, found = speaker_name(subject), titled
        if name is None:
            name, found = bare_surname(subject), bare
        if name is None:
            continue
        person = parse_participant(name, paragraph.line, 1)
        if (person.surname is not None or person.role_only) and all(other.id != person.id for other in found):
            found.append(person)
    return titled, bare


def by_name(persons: list[Person]) -> list[Person]:
    """Without the roles that exactly one named person holds ("The President" beside "President Able")."""
    kept = []
    for person in persons:
        role = " ".join(person.role_names)
        holders = [other for other in persons if not other.role_only and " ".join(other.role_names) == role]
        if not (person.role_only and len(holders) == 1):
            kept.append(person)
    return kept


def held_by_name(document: Document, titled: list[Person], bare: list[Person]) -> list[Person]:
    """Rule ``participants.role-holder``: without a role that the text gives, with its title, to
    exactly one speaker it names by surname alone ("The FonMin said …" beside "Dorn said …",
    where the text calls him "Foreign Minister Dorn"): one speaker, by name, who takes the
    title. A title before a name who opens no paragraph may be another holder's, and is left."""
    by_surname = {person.surname: person for person in bare if person.surname}
    roles = [person for person in titled if person.role_only and person.role_names]
    if not roles or not by_surname:
        return titled
    text = " ".join(" ".join(plain_text(paragraph.content).split()) for paragraph in paragraphs(list(document.body)))
    kept = []
    for person in titled:
        role = " ".join(TITLE_ABBREVIATIONS.get(word, word) for word in person.role_names)
        holders = {match.group(1) for match in re.finditer(rf"\b{re.escape(role)}\s+([A-Z][\w’'-]+)", text)
                   if match.group(1) in by_surname} if person in roles else set()
        if len(holders) != 1:
            kept.append(person)
            continue
        holder = by_surname[holders.pop()]
        holder.role_names = holder.role_names or role.split()
    return kept


def paragraphs(blocks: list[object]) -> list[Paragraph]:
    """The paragraphs of the body, those of its sections included, in order."""
    found: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            found.append(block)
        elif isinstance(block, Section):
            found.extend(paragraphs(list(block.blocks)))
    return found


def participants_from_speakers(document: Document, reporter: Reporter) -> None:
    """Make the speakers who open the paragraphs the participants, where the text lists none
    and the title names none."""
    if document.groups:
        return
    titled, bare = openers(document)
    if len(titled) < MINIMUM_SPEAKERS:
        return
    surnames = {person.surname for person in titled}
    bare = [person for person in bare if person.surname not in surnames]
    group = held_by_name(document, by_name(titled), bare) + bare
    document.groups.append(group)
    document.participants_from_speech = True
    if reporter.explaining:
        for person in group:
            reporter.decide(RULE, excerpt(person.name), f"participant #{person.id}",
                            "a paragraph opens with this speaker, and the text lists no participants",
                            person.line or document.line)


def register(passes: Registry[Pass]) -> None:
    passes.register(participants_from_speakers, RULE, 91)


__all__ = ["RULE", "bare_surname", "participants_from_speakers", "speaker_name"]
