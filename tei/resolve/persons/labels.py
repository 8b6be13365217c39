"""Speaker labels: the label of a transcript's turn → the person who speaks it.

    Said([], [PersName("Dr. Able", None), ": Yes."], direct=True)
    → Said(["able"], [PersName("Dr. Able", "able"), ": Yes."], direct=True)

A label is resolved, in this order (each a named rule, recorded for ``--explain``):

- ``labels.role``: "The President" → the one participant listed by that role or holding it;
- ``labels.name``: "Dr. Able", "Able", "Q. Mr. Able" → the person of that surname;
- ``labels.initial``: "K" → the one participant whose surname begins with that letter;
- ``labels.new-person``: any other name → a new person, who speaks though no list names them;
- ``labels.role-phrase``: "First Party", "Unidentified Speaker" (capitalized words that are no
  name) → the one person listed by that role, else a person known by that role alone.

A label that stands for nobody known ("D" where no participant's surname begins with D) stays
a name without a speaker. A role ("The President") or a mark ("Q", "A") is no name, as a role
phrase in the text is none, and becomes plain text (the turn's ``who`` says who speaks):

- ``labels.question-answer``: in a text with both "Q" and "A" labels, they mark questions and
  answers, never a participant's initial.
"""

from __future__ import annotations

import re

from tei.errors import Reporter
from tei.lexicon import lazy_pattern
from tei.lexicon.names import NAME, is_name_word, is_title_word
from tei.model import Document, PersName, Person, Said, iter_inlines
from tei.resolve.persons.identity import Identities

QUESTION_ANSWER = re.compile(r"^[QA]\.\s+")
# A label of words in capitals, of two letters or more ("MR. ABLE", "McCARR" with its prefix).
CAPITALS = re.compile(r"(?:Ma?c)?[^\sa-z]{2,}(?:\s+(?:Ma?c)?[^\sa-z]{2,})*")
NAME_WORD = lazy_pattern(NAME)
# "First Party", "Unidentified Speaker": capitalized words, one to three, none a single letter.
ROLE_PHRASE = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}")


def resolve_labels(document: Document, table: Identities, reporter: Reporter) -> None:
    """Give every labelled turn its speaker, from its label; new speakers become mentioned persons."""
    roles = _roles(document)
    turns = [item for content in list(document.text_lists()) for item in iter_inlines(content)
             if isinstance(item, Said) and item.direct and not item.who and item.content
             and isinstance(item.content[0], PersName) and item.content[0].ref is None]
    marks = {"Q", "A"} <= {_label(turn) for turn in turns}
    for item in turns:
        label = item.content[0]
        assert isinstance(label, PersName)
        if marks and label.text in ("Q", "A"):
            rule, person = "labels.question-answer", None
        else:
            rule, person = _speaker(label.text, roles, document, table)
        if person is not None:
            if person.group == 0 and person not in document.mentioned:
                document.mentioned.append(person)
            label.ref = person.id
            item.who = [person.id]
        if rule == "labels.question-answer" or person is not None and (rule == "labels.role" or person.role_only):
            # Not a name (a role, a mark): plain text, joined to the separator after it.
            rest = item.content[1] if len(item.content) > 1 and isinstance(item.content[1], str) else None
            item.content[:2 if rest is not None else 1] = [label.text + (rest or "")]
        elif person is not None and (mark := QUESTION_ANSWER.match(label.text)):
            # "Q. Mr. Able": the mark of a question is no part of the name.
            label.text = label.text[mark.end():]
            item.content.insert(0, mark.group())
        if reporter.explaining and rule:
            verdict = f"said by #{person.id}" if person else "nobody's label"
            reporter.decide(rule, f"'{label.text}:'", verdict, _REASONS[rule], None)


def _label(turn: Said) -> str:
    label = turn.content[0]
    return label.text if isinstance(label, PersName) else ""


_REASONS = {
    "labels.role": "the label is the role of one participant",
    "labels.name": "the label names the person",
    "labels.initial": "the label is the initial of one participant's surname",
    "labels.new-person": "the label is a name no list gives: a new person",
    "labels.question-answer": "'Q' and 'A' both label turns: they mark questions and answers",
    "labels.role-phrase": "the label is a role, not a name: the person who speaks in that role",
}


def _speaker(label: str, roles: dict[str, Person], document: Document,
             table: Identities) -> tuple[str, Person | None]:
    text = QUESTION_ANSWER.sub("", label).strip()
    words = [word for word in _recased(text, table).split() if word not in ("The", "the")]
    role = " ".join(words).lower()
    if role in roles:
        return "labels.role", roles[role]
    if words and all(is_title_word(word) for word in words):
        return _role_person(words, table)
    names = [word for word in words if not is_title_word(word) and NAME_WORD.fullmatch(word) and is_name_word(word)]
    if names:
        titles = [word for word in words if is_title_word(word)]
        person = table.find(names[-1], titles)
        if person is not None:
            return "labels.name", person
        person = Person(id=table.free_id(names[-1]), name=text, surname=names[-1], forenames=names[:-1],
                        role_names=titles)
        table.add(person)
        return "labels.new-person", person
    if len(text) == 1 and text.isupper():
        holders = [person for person in document.participants if (person.surname or "").startswith(text)]
        if len(holders) == 1:
            return "labels.initial", holders[0]
    if ROLE_PHRASE.fullmatch(" ".join(words)):
        return "labels.role-phrase", _role_person(words, table)[1]
    return "", None


def _recased(text: str, table: Identities) -> str:
    """A label in capitals ("SECRETARY ABLE", "MR. McCARR") written as names are: a known surname
    as the text spells it, any other word capitalized ("Secretary Able", "Mr. Mccarr")."""
    if not CAPITALS.fullmatch(text):
        return text
    known = {form.casefold(): form for form in table.forms}
    return " ".join(known.get(word.casefold(), word[:1] + word[1:].lower()) for word in text.split())


def _role_person(words: list[str], table: Identities) -> tuple[str, Person]:
    """"The President" where no participant is listed: the one person the text calls "President X",
    else a person known by that role alone."""
    named = [person for person in table.persons if person.role_names == words and person.surname]
    if len(named) == 1:
        return "labels.role", named[0]
    listed = next((person for person in table.persons if person.role_only and person.role_names == words), None)
    if listed is not None:
        return "labels.role", listed
    person = Person(id=table.free_id(" ".join(words)), name=" ".join(words), surname=None, role_names=words,
                    role_only=True)
    table.persons.append(person)
    table.ids.add(person.id)
    return "labels.new-person", person


def _roles(document: Document) -> dict[str, Person]:
    """Role phrases (lower case) that name exactly one participant: "president" → the President."""
    holders: dict[str, list[Person]] = {}
    for person in document.participants:
        for phrase in person.role_phrases():
            holders.setdefault(phrase.lower(), []).append(person)
    return {phrase: persons[0] for phrase, persons in holders.items() if len(persons) == 1}
