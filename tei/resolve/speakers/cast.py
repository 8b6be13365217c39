"""The cast as the speaker rules see it: participants, their roles and aliases, genders, who spoke last.

    participants "The Secretary", "Ambassador Dorn, USSR" → roles {"Ambassador": "dorn"}
    "Able said she …"                                      → genders {"able": "she"}
"""

from __future__ import annotations

from collections import Counter

from tei.lexicon import lazy_pattern
from tei.lexicon.names import HONORIFICS, TITLE_HEADS
from tei.model import Document, Inline, PersName, iter_inlines
from tei.resolve.persons.frame import closings
from tei.resolve.speakers.clauses import named_match
from tei.resolve.speakers.patterns import GENDER_PRONOUN, PERSON_OPEN
from tei.resolve.speakers.sentences import masked
from tei.resolve.title_participants import between_parties, title_writer

# A sentence's masked text, remembered: the sentence itself (so that its id is not reused), the text, the ids.
Mask = tuple[list[Inline], str, list[str | None]]


class Reading:
    """What a reader keeps in mind while reading: who spoke last, and genders seen."""

    def __init__(self, participants: set[str], roles: dict[str, str], writer: str | None = None) -> None:
        self.participants = participants
        self.roles = roles
        self.writer = writer  # the participant who drafted the memorandum, where the text says so
        self.genders: dict[str, str] = {}
        self.history: list[str] = []  # speakers and actors, latest last
        self.turn_started = False  # has a subject in this paragraph named the current speaker?
        self.at_opening = False  # is the sentence being decided its paragraph's first?
        self.masks: dict[int, Mask] = {}  # by the sentence's id

    def mask(self, sentence: list[Inline]) -> tuple[str, list[str | None]]:
        """The sentence's masked text, participants' role phrases marked as persons.

        Remembered per sentence: the genders are learned from the same sentences that are
        then attributed. The entry keeps the sentence itself, so that its id is not reused.
        The ids are shared by every reader of the sentence: none changes them.
        """
        cached = self.masks.get(id(sentence))
        if cached is not None and cached[0] is sentence:
            return cached[1], cached[2]
        text, refs = masked(sentence, self.roles)
        self.masks[id(sentence)] = (sentence, text, refs)
        return text, refs

    def spoke(self, who: list[str]) -> None:
        for person in who:
            if person in self.history:
                self.history.remove(person)
            self.history.append(person)


def participant_roles(document: Document) -> dict[str, str]:
    """Role phrases that name exactly one participant: "Ambassador Dorn, USSR" makes "the Ambassador" Dorn.

    ``{"Ambassador": "dorn"}`` when Dorn is the only participant listed as Ambassador; with two
    Ambassadors the phrase names neither. Honorifics ("Mr.") are no role. A participant listed
    by role alone ("The Secretary") is the one the role names; the other forms of that role
    ("The Finnish Minister" is "the Minister") name it as a title does.
    """
    holders: dict[str, list[str]] = {}
    listed: dict[str, list[str]] = {}
    for person in document.participants:
        phrases = person.role_phrases()
        if person.role_only:
            role = " ".join(person.role_names)
            listed.setdefault(role, []).append(person.id)
            phrases.discard(role)
        for phrase in phrases:
            if phrase not in HONORIFICS and phrase[:1].isupper():
                holders.setdefault(phrase, []).append(person.id)
    roles = {phrase: ids[0] for phrase, ids in holders.items() if len(ids) == 1 and phrase not in listed}
    roles.update({phrase: ids[0] for phrase, ids in listed.items() if len(ids) == 1})
    for title, holder in titles_in_text(document).items():
        if title not in holders and title not in listed:
            roles[title] = holder
    return roles


def titles_in_text(document: Document) -> dict[str, str]:
    """Titles the text gives participants whose list entry gives none: "Governor Able" in the text,
    where the list has "The Honorable Ann Able", makes "the Governor" Able.

    ``{"Governor": "able"}``; a title the text gives two participants names neither, and an honorific
    ("Mr.") is no title.
    """
    untitled = {person.id for person in document.participants
                if person.surname and all(word in HONORIFICS for word in person.role_names)}
    if not untitled:
        return {}
    found: dict[str, set[str]] = {}
    for content in document.text_lists():
        for item in iter_inlines(content):
            if isinstance(item, PersName) and item.ref in untitled:
                words = item.text.split()
                if len(words) >= 2 and words[0] in TITLE_HEADS and words[0] not in HONORIFICS:
                    found.setdefault(words[0], set()).add(item.ref)
    return {title: next(iter(refs)) for title, refs in found.items() if len(refs) == 1}


DRAFTED_BY = lazy_pattern(r"\b[Dd]rafted\s+by\s+$")


def document_writer(document: Document) -> str | None:
    """The participant who drafted the memorandum, as a footnote says: "Drafted by Able." → "able";
    else as the title says: "Memorandum of Conversation, by the Ambassador (Able)" → "able".

    The name must be a participant's (the persons pass has linked it); "Drafted by Ann Able of
    the Embassy" names someone who did not take part, and the writer stays unknown.
    """
    participants = {person.id for person in document.participants}
    for note in document.footnotes:
        for before, item in zip(note.content, note.content[1:]):
            if isinstance(before, str) and isinstance(item, PersName) and item.ref in participants \
                    and DRAFTED_BY.search(before):
                return item.ref
    if document.participants_from_title and not between_parties(document.title):
        return document.groups[0][0].id  # the title names the writer first
    surname = title_writer(document.title)
    named = [person.id for person in document.participants if surname and person.surname == surname]
    return named[0] if len(named) == 1 else _drafting_signer(document)


def _drafting_signer(document: Document) -> str | None:
    """speaker.writer-signs: the one person who signs the memorandum and drafted it ("Drafted by
    Able." in a note, "A. B. Able" signed at the end) is its writer, even where no list names them
    among the participants: the writer of a record says "I" of themselves."""
    signers = {item.ref for closing in closings(document.body) if closing.kind == "signed"
               for item in closing.content if isinstance(item, PersName) and item.ref}
    if len(signers) != 1:
        return None
    for note in document.footnotes:
        for before, item in zip(note.content, note.content[1:]):
            if isinstance(before, str) and isinstance(item, PersName) and item.ref in signers \
                    and DRAFTED_BY.search(before):
                return item.ref
    return None


def participant(ref: str | None, participants: set[str]) -> str | None:
    return ref if ref in participants else None


def resolve_pronoun(pronoun: str, history: list[str], genders: dict[str, str]) -> str | None:
    """The participant a pronoun refers to: the latest speaker who can be that gender, else the latest.

    ``("she", ["able", "baker"], {"able": "she", "baker": "he"})`` → ``"able"``.
    A speaker whose gender the text never shows can be either, so ``("he", ["dale",
    "president"], {"dale": "he"})`` → ``"president"``, the latest.
    """
    for who in reversed(history):
        if genders.get(who, pronoun) == pronoun:
            return who
    return history[-1] if history else None


def learn_genders(sentences: list[list[Inline]], state: Reading) -> dict[str, str]:
    """Genders shown by the text: "Able said she …" → ``{"able": "she"}``.

    The first he/she after a participant's verb of saying, before any other person is named,
    refers to that participant. A participant seen with both keeps the majority; a tie, none.
    """
    return genders_from(count_genders(sentences, state, {}))


def count_genders(sentences: list[list[Inline]], state: Reading,
                  votes: dict[str, Counter[str]]) -> dict[str, Counter[str]]:
    """Add the pronouns of ``sentences`` to ``votes`` (see :func:`learn_genders`): a document's
    paragraphs can be read one at a time."""
    for sentence in sentences:
        text, refs = state.mask(sentence)
        match = named_match(text)
        if match is None or match.group("more"):
            continue
        who = participant(refs[int(match.group("first"))], state.participants)
        if who is None:
            continue
        rest = text[match.end():]
        cut = rest.find(PERSON_OPEN)
        pronoun = GENDER_PRONOUN.search(rest if cut < 0 else rest[:cut])
        if pronoun:
            votes.setdefault(who, Counter())[pronoun.group(1).lower()] += 1
    return votes


def genders_from(votes: dict[str, Counter[str]]) -> dict[str, str]:
    """Each participant's pronoun by majority of ``votes``; a tie gives none."""
    genders: dict[str, str] = {}
    for who, counter in votes.items():
        (first, first_count), *others = counter.most_common()
        if not others or others[0][1] < first_count:
            genders[who] = first
    return genders
