"""Participants named by the title: a memorandum by its writer, of a conversation with another.

    "Memorandum by the Under Secretary of State (Phillips)"           → participant #phillips (the writer)
    "Memorandum of Conversation, by the Ambassador in China (Gauss)"  → participant #gauss (the writer)
    "Memorandum by Mr. Ann Q. Able, of the Division of Western Affairs, of a Conversation With
     the Counselor of the Ruritanian Embassy (Baker)"                  → participants #able, #baker
    "Memorandum of Conversation, by the Secretary of State" … "A[nn] B[aker]" (the signature)
                                                                       → participant #baker (the writer)

Rule ``participants.title``: older records of conversations have no list of participants; the
title says who wrote the record ("by the <office> (<Surname>)", "by Mr. <Full Name>") and, in
some, with whom the conversation was ("of a Conversation With the <office> (<Surname>)"). When
the text lists no participants, those persons are the participants, so that the speaker rules
can read "Mr. Able replied …" and the writer's "I said …". A title that goes on after the
writer in any other way ("… (Able) to Mr. Baker", a memorandum to someone) names no
participants. Where the title names the writer by an office alone ("by the Secretary of State"),
the signature that ends the record, a full name, gives the name (letters the editors supplied
in brackets, "C[arl] A[ble]", read as the name).

Rule ``participants.caller``: in such a record the other party is often named by office alone
in the opening sentence ("The Ruritanian Ambassador called …", "The Minister of Ruritania told
me …"); that office, a title head after "The" and at most two capitalized words before it, is a
participant listed by role, so that "The Ambassador said …" and the "he" after his call are his.

Rule ``participants.subject``: in such a record a subject line "Conversation with <Name>" names
the other party ("Conversation with Dorn—July 23, 1970"), who is a participant too.

Rule ``participants.conference-with``: a "Memorandum of (a) Conference With the President" (or "With
President Able") lists only the others present ("OTHERS PRESENT"); the President, whom the title
names, is a participant too, so that "The President said …" is his. He is added to the header's
participants; the text's list keeps its own lines.

Rule ``participants.between``: a record of a conversation "Between" two parties ("Memorandum of a
Telephone Conversation Between the President and the Secretary of State, Washington, …",
"Transcript of Telephone Conversation Between the President's Assistant (Able) and the Soviet
Ambassador (Baker)", "… Between President Able in Washington and Prime Minister Baker in
London") names both; where the text lists no participants, they are the participants, each an
office with the name in parentheses, a titled or full name, or an office alone ("the President").
The place each party was in ("in Washington") and what follows the second party after a comma
(place, date, time) are not part of it. A party that is neither (a country, "the two
delegations") makes the title name no participants.

Rule ``participants.visited-office``: a subject line "Call on the King of Ruritania" (or "Meeting
with the Prime Minister", "Audience with the King") names, by office alone, the one the participants
called on or met; where no participant holds that office (the list gives one side only), that office
is a participant, in a group of its own, so that "The King said …" is his.

The participants are written to the TEI header only: the text has no list of them, and the
title keeps its words (``Document.participants_from_title``).
"""

from __future__ import annotations

import re

from tei.errors import Reporter
from tei.lexicon import lazy_pattern
from tei.lexicon.names import TITLE_HEADS, slug
from tei.model import Document, Paragraph, Person, Section, plain_text
from tei.recognize.base import excerpt
from tei.recognize.closing import SUPPLIED
from tei.recognize.participant_entry import parse_participant
from tei.resolve.base import Pass
from tei.resolve.persons.frame import closings
from tei.rules import Registry

RULE = "participants.title"
CALLER_RULE = "participants.caller"
SUBJECT_RULE = "participants.subject"
CONFERENCE_RULE = "participants.conference-with"
BETWEEN_RULE = "participants.between"

# "Memorandum by …", "Memorandum of Conversation, by …", "Memorandum of a Conversation, by …",
# "Memorandum Prepared by …", then the writer and, optionally, the other party.
TITLE = lazy_pattern(
    r"^Memorandum(?: of (?:a )?Conversation)?,?(?: Prepared)? by (?P<writer>.+?)"
    r"(?:,? of a Conversation [Ww]ith (?P<other>.+))?$")
# "the Under Secretary of State (Phillips)": an office, then the surname in parentheses, nothing after.
OFFICE_SURNAME = lazy_pattern(r"^(?:the )?(?P<office>[A-Z][^()]*?) \((?P<surname>[A-Z][\w’'-]+)\)$")
# "Mr. Ann Q. Able" or "Mr. Ann Q. Able, of the Division of …": an honorific and a full name first.
TITLED_NAME = lazy_pattern(r"^(?P<name>(?:Mr|Mrs|Miss|Dr)\.? (?:[A-Z][\w’'-]*\.? )+[A-Z][\w’'-]+)(?:,.*)?$")
# "the Secretary of State": an office without a name, the writer's only where the signature names him.
OFFICE_ALONE = lazy_pattern(r"^the (?P<office>[A-Z][^(),]*)$")
# A signature that is a full name: given names or initials, then the surname ("Ann B. Able").
# "The Ruritanian Ambassador called", "The Minister of Ruritania told me": an office opening the record,
# the subject of a call or of words to the writer.
CALLER = lazy_pattern(r"^The (?P<role>(?:[A-Z][\w’'-]+ ){0,2}(?P<head>[A-Z][\w’'-]+)(?: of [A-Z][\w’'-]+)?)"
                      r",? (?:called|came|telephoned|told me|asked me|handed me|left with me)\b")
# "Conversation with Dorn—July 23, 1970", "Conversation With Ambassador Ann Dorn": the other party.
SUBJECT_PARTY = lazy_pattern(r"^Conversation [Ww]ith (?P<name>(?:[A-Z][\w.’'-]* ){0,3}[A-Z][\w’'-]+)(?=$|[—–,;(]|\s[—–-])")
# "Memorandum of a Conference With the President, …", "Memorandum of Conference With President Able".
CONFERENCE_WITH = lazy_pattern(r"^Memorandum of (?:a )?Conference [Ww]ith (?:the President\b|President (?P<surname>[A-Z][\w’'-]+))")
# "… Conversation Between <party> and <party>[, Washington, May 1, 1957]": the two parties of a call or talk.
BETWEEN = lazy_pattern(r"\b(?:Conversation|Call|Meeting|Talk)s?,? [Bb]etween (?P<parties>.+)$")
# Where a party was ("the Secretary of State in Washington", "Prime Minister Baker in London"): after the
# name in parentheses, or after an office or name, "in"/"at" and capitalized words to the end.
PARTY_PLACE = lazy_pattern(r"(?:(?<=\))|(?<=[\w.]))\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*$")
# A party's article or possessive ("the President", "his Assistant (Able)").
PARTY_ARTICLE = lazy_pattern(r"^(?:the|his|her|their)\s+", re.IGNORECASE)
FULL_NAME = lazy_pattern(r"^(?P<given>(?:(?:[A-Z][a-z]+|[A-Z]\.)\s+){1,3})(?P<surname>[A-Z][a-z’'-]+)$")


def title_persons(title: str) -> list[tuple[str, str | None]]:
    """The writer and the other party a title names, each as ``(surname, office)``.

    ``"Memorandum by the Under Secretary of State (Phillips)"`` → ``[("Phillips", "Under Secretary
    of State")]``; a writer by honorific and name has no office: ``("Mr. Ann Q. Able", None)``.
    An empty list when the title is not of this shape or its writer has no name.
    """
    match = TITLE.search(" ".join(title.split()))
    if match is None:
        return []
    persons: list[tuple[str, str | None]] = []
    for part in (match.group("writer"), match.group("other")):
        if part is None:
            continue
        found = _person(part)
        if found is None:
            return []
        persons.append(found)
    return persons


def _person(text: str) -> tuple[str, str | None] | None:
    if (office := OFFICE_SURNAME.match(text)) is not None:
        return office.group("surname"), office.group("office")
    if (titled := TITLED_NAME.match(text)) is not None:
        return titled.group("name"), None
    return None


def between_parties(title: str) -> list[Person]:
    """The two parties a title names "Between" ("… Conversation Between the President and Secretary
    of State Able, Washington, May 1, 1957" → the President, role only, and Able), or an empty list."""
    match = BETWEEN.search(" ".join(title.split()))
    if match is None:
        return []
    parties = match.group("parties")
    # The second party ends at the first comma outside parentheses: a place, a date or a time follows.
    depth, end = 0, len(parties)
    for index, character in enumerate(parties):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if character == "," and depth == 0:
            end = index
            break
    parties = parties[:end].rstrip("0123456789 ")
    for split in re.finditer(r"\s+and\s+", parties):
        found = [_party(parties[: split.start()]), _party(parties[split.end():])]
        if all(person is not None for person in found):
            return [person for person in found if person is not None]
    return []


def _party(text: str) -> Person | None:
    """One party of a "Between" title as a participant, or None where it is no person."""
    text = PARTY_PLACE.sub("", text.strip())
    bare = PARTY_ARTICLE.sub("", text)
    if (office := OFFICE_SURNAME.match(bare)) is not None:
        surname = office.group("surname")
        return Person(id=slug(surname), name=f"{office.group('office')} {surname}", surname=surname,
                      role_names=office.group("office").split(), group=1)
    if "(" in bare or not bare[:1].isupper():
        return None
    person = parse_participant(bare if bare == text else f"the {bare}", 0, 1)
    named = person.surname is not None and (bool(person.role_names) or bool(person.forenames))
    titled_role = person.role_only and any(word in TITLE_HEADS for word in person.role_names)
    return person if named or titled_role else None


def title_office(title: str) -> str | None:
    """The office of a writer the title names without a name ("Memorandum of Conversation, by the
    Secretary of State" → "Secretary of State"), or None."""
    match = TITLE.search(" ".join(title.split()))
    if match is None or match.group("other"):
        return None
    office = OFFICE_ALONE.match(match.group("writer"))
    return office.group("office") if office else None


def signer(document: Document) -> tuple[str, str] | None:
    """The given names and surname of the signature that ends the document, where it is a full
    name ("C[arl] A[ble]" read as "Carl Able"), else None."""
    signed = [block for block in closings(document.body) if block.kind == "signed"]
    if not signed:
        return None
    match = FULL_NAME.match(SUPPLIED.sub(r"\1", " ".join(plain_text(signed[-1].content).split())))
    return (match.group("given").strip(), match.group("surname")) if match else None


def title_writer(title: str) -> str | None:
    """The surname of the writer the title names ("… by the Ambassador (Able)" → "Able"), or None."""
    persons = title_persons(title)
    if not persons:
        return None
    name, _office = persons[0]
    return name.split()[-1]


def participants_from_title(document: Document, reporter: Reporter) -> None:
    """Make the persons the title names the participants, where the text lists none."""
    if document.groups:
        return
    group: list[Person] = []
    office_alone, signature = title_office(document.title), signer(document)
    if office_alone and signature:
        given, surname = signature
        group.append(Person(id=slug(surname), name=f"{office_alone} {given} {surname}", surname=surname,
                            forenames=given.split(), role_names=office_alone.split(), group=1, line=document.line))
    for name, office in title_persons(document.title):
        if office is None:
            person = parse_participant(name, document.line, 1)
        else:
            person = Person(id=slug(name), name=f"{office} {name}", surname=name,
                            role_names=office.split(), group=1, line=document.line)
        if any(other.id == person.id for other in group):
            return  # the same surname twice: which is which the text cannot say
        group.append(person)
    if group:
        _adopt(document, group, RULE, "the title names the writer of the record, or the other party, and the "
               "text lists no participants", reporter)


def _adopt(document: Document, group: list[Person], rule: str, reason: str, reporter: Reporter) -> None:
    """The persons the title names become the document's only group of participants."""
    document.groups.append(group)
    document.participants_from_title = True
    if reporter.explaining:
        for person in group:
            reporter.decide(rule, excerpt(document.title), f"participant #{person.id}", reason, document.line)


def participants_between(document: Document, reporter: Reporter) -> None:
    """Make the two parties a title names "Between" the participants, where the text lists none."""
    if document.groups:
        return
    group = between_parties(document.title)
    if len({person.id for person in group}) < 2:
        return  # one person twice, or none: which is which the text cannot say
    for person in group:
        person.line = document.line
    _adopt(document, group, BETWEEN_RULE, "the title names the two parties of the conversation, and the text "
           "lists no participants", reporter)


def first_paragraph(document: Document) -> Paragraph | None:
    blocks = list(document.body)
    while blocks:
        block = blocks.pop(0)
        if isinstance(block, Paragraph):
            return block
        if isinstance(block, Section):
            blocks[:0] = block.blocks
    return None


def caller_from_opening(document: Document, reporter: Reporter) -> None:
    """Add the office that opens a record whose participants the title names as a participant."""
    if not document.participants_from_title or BETWEEN.search(document.title) \
            or (paragraph := first_paragraph(document)) is None:
        return
    match = CALLER.match(" ".join(plain_text(paragraph.content).split()))
    if match is None or match.group("head") not in TITLE_HEADS:
        return
    role = match.group("role")
    person = Person(id=slug(role), name=f"The {role}", surname=None, role_names=role.split(), group=1,
                    line=paragraph.line, role_only=True)
    if any(other.id == person.id for other in document.participants):
        return
    document.groups[0].append(person)
    if reporter.explaining:
        reporter.decide(CALLER_RULE, excerpt(match.group()), f"participant #{person.id}",
                        "an office opens the record as the one who called or spoke to the writer", paragraph.line)


def party_from_subject(document: Document, reporter: Reporter) -> None:
    """Add the person a subject line "Conversation with <Name>" names, in a record whose
    participants the title names."""
    if not document.participants_from_title or not document.argument or BETWEEN.search(document.title):
        return
    match = SUBJECT_PARTY.match(" ".join(plain_text(document.argument[0]).split()))
    if match is None:
        return
    person = parse_participant(match.group("name"), document.argument_line, 1)
    if person.surname is None or any(other.id == person.id for other in document.participants):
        return
    document.groups[0].append(person)
    if reporter.explaining:
        reporter.decide(SUBJECT_RULE, excerpt(match.group()), f"participant #{person.id}",
                        "the subject line names the other party of the conversation", document.argument_line)


VISITED_RULE = "participants.visited-office"
# "Call on the King of Ruritania", "The Minister's Meeting with the Prime Minister, May 3": an office alone,
# the one the participants called on or met, with the place after "of" left out.
VISITED_OFFICE = lazy_pattern(r"^(?:(?:SUBJECT|Subject):\s*)?(?:[^,;:]{1,60}?[’']s\s+)?(?:Call\s+on|Meeting\s+[Ww]ith|Audience\s+[Ww]ith)\s+the\s+"
                              r"(?P<office>(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)(?:\s+of\s+[A-Z][^,;(]*)?\s*(?:$|[,;(]|\d)")


def office_from_subject(document: Document, reporter: Reporter) -> None:
    """Add the office a subject line says the participants called on or met ("Call on the King of
    Ruritania") as a participant, where no participant holds it: a memorandum often lists only its own
    side, and "The King said …" is then the words of the one called on."""
    if not document.argument:
        return
    match = VISITED_OFFICE.match(" ".join(plain_text(document.argument[0]).split()))
    if match is None:
        return
    office = match.group("office")
    if any(office in person.role_phrases() or " ".join(person.role_names) == office for person in document.participants):
        return
    person = Person(id=slug(office), name=f"The {office}", surname=None, role_names=office.split(),
                    group=len(document.groups) + 1, line=document.argument_line, role_only=True, from_title=True)
    if any(other.id == person.id for other in document.participants):
        return
    document.groups.append([person])
    if reporter.explaining:
        reporter.decide(VISITED_RULE, excerpt(match.group()), f"participant #{person.id}",
                        "the subject line names, by office alone, the one the participants called on or met",
                        document.argument_line)


def president_from_conference(document: Document, reporter: Reporter) -> None:
    """Add the President a "Memorandum of Conference With the President" names to the others the
    text lists as present."""
    match = CONFERENCE_WITH.match(" ".join(document.title.split()))
    if match is None or not document.groups or document.participants_from_title:
        return
    surname = match.group("surname")
    person = (Person(id=slug(surname), name=f"President {surname}", surname=surname, role_names=["President"],
                     group=1, line=document.line, from_title=True) if surname else
              Person(id="president", name="The President", surname=None, role_names=["President"], group=1,
                     line=document.line, role_only=True, from_title=True))
    if any(other.id == person.id or other.role_names == ["President"] for other in document.participants):
        return
    document.groups[0].insert(0, person)
    if reporter.explaining:
        reporter.decide(CONFERENCE_RULE, excerpt(document.title), f"participant #{person.id}",
                        "a conference with the President: the list names the others present", document.line)


def register(passes: Registry[Pass]) -> None:
    passes.register(participants_from_title, RULE, 95)
    passes.register(participants_between, BETWEEN_RULE, 95)
    passes.register(caller_from_opening, CALLER_RULE, 94)
    passes.register(party_from_subject, SUBJECT_RULE, 93)
    passes.register(president_from_conference, CONFERENCE_RULE, 92)
    passes.register(office_from_subject, VISITED_RULE, 91)


__all__ = ["BETWEEN_RULE", "CALLER_RULE", "CONFERENCE_RULE", "RULE", "SUBJECT_RULE", "between_parties",
           "caller_from_opening", "participants_between", "participants_from_title", "party_from_subject",
           "president_from_conference", "signer", "title_office", "title_persons", "title_writer"]
