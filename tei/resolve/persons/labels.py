"""Speaker labels: the label of a transcript's turn → the person who speaks it.

    Said([], [PersName("Dr. Able", None), ": Yes."], direct=True)
    → Said(["able"], [PersName("Dr. Able", "able"), ": Yes."], direct=True)

A label is resolved, in this order (each a named rule, recorded for ``--explain``):

- ``labels.key``: "P" → the one participant whose line gives that label in parentheses, as a
  key of the labels does ("President Baker (P)");
- ``labels.role``: "The President" → the one participant listed by that role or holding it;
- ``labels.role-unlabelled``: "President", where two participants are Presidents and one of them
  speaks under labels of his own name ("Carr:") → the other;
- ``labels.role-of-state``: "The Secretary", where the Secretary of State and another Secretary
  take part → the Secretary of State (the bare title is the foreign ministry's own head's);
- ``labels.role-name``: "President Able" → the one participant listed by that office alone ("The
  President"), where no participant has the surname Able: the label names the holder of the office;
- ``labels.name``: "Dr. Able", "Able", "Q. Mr. Able", "President Able-Baker" → the person of that
  surname (or of that first surname of two, "Able" for the participant "Juan Able Baker");
- ``labels.initial``: "K" → the one participant whose surname begins with that letter;
- ``labels.role-initial``: where the one-letter labels of the text do not each name one
  participant by a surname of their own, they are matched together, by surname or by office:
  "C" and "P" for "President Carr" and "Chancellor Dorn" are Dorn and Carr ("P" can only be Carr,
  the President, so "C" is the Chancellor);
- ``labels.title-initial``: where no participants are listed, "A" → the one person the title
  names whose surname begins with that letter (a name, or a surname in parentheses after an
  office: "… Between the President's Assistant (Able) and …");
- ``labels.title-role-initial``: else the one person it names by a role beginning with that
  letter ("P" for "President Baker": the initial of a role, which is no name);
- ``labels.unnamed-initials``: "RN" → the one participant listed by office alone ("The President"),
  where the label's two or three capitals could be the initials of no other person the text names:
  minutes label their principal's turns by his initials, though the list names him by his office;
- ``labels.participant-initials``: "ABL" → the one participant whose initials it can be (the
  last capital his surname's first letter, the first his given name's where known);
- ``labels.new-person``: any other name → a new person, who speaks though no list names them;
- ``labels.role-phrase``: "First Party", "Unidentified Speaker" (capitalized words that are no
  name) → the one person listed by that role, else a person known by that role alone.

A label that stands for nobody known ("D" where no participant's surname begins with D) stays
a name without a speaker. A role ("The President", or "P" for it) or a mark ("Q", "A") is no
name, as a role phrase in the text is none, and becomes plain text (the turn's ``who`` says who
speaks):

- ``labels.question-answer``: in a text with both "Q" and "A" labels, they mark questions and
  answers, never a participant's initial.
"""

from __future__ import annotations

from tei.errors import Reporter
from tei.lexicon import lazy_pattern
from tei.lexicon.names import NAME, is_name_word, is_title_word
from tei.model import Document, PersName, Person, Said, iter_inlines, plain_text
from tei.resolve.persons.identity import Identities

# Labels that are no name (a role, its initial, a mark): the turn's ``who`` alone says who speaks.
NO_NAME = frozenset(["labels.role", "labels.role-unlabelled", "labels.role-of-state", "labels.unnamed-initials", "labels.role-initial", "labels.title-role-initial", "labels.question-answer"])
QUESTION_ANSWER = lazy_pattern(r"^[QA]\.\s+")
# A label of words in capitals, of two letters or more ("MR. ABLE", "McCARR" with its prefix).
CAPITALS = lazy_pattern(r"(?:Ma?c)?[^\sa-z]{2,}(?:\s+(?:Ma?c)?[^\sa-z]{2,})*")
NAME_WORD = lazy_pattern(NAME)
# "First Party", "Unidentified Speaker": capitalized words, one to three, none a single letter.
ROLE_PHRASE = lazy_pattern(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}")
# "RN", "LBJ": a person's initials, two or three capitals.
INITIALS = lazy_pattern(r"[A-Z]{2,3}")
# A surname alone in parentheses, as FRUS titles give it after an office: "(Able)".
PARENTHESIZED_NAME = lazy_pattern(r"\(\s*(?P<name>" + NAME + r")\s*\)")


def resolve_labels(document: Document, table: Identities, reporter: Reporter) -> None:
    """Give every labelled turn its speaker, from its label; new speakers become mentioned persons."""
    roles = _roles(document)
    turns = [item for content in list(document.text_lists()) for item in iter_inlines(content)
             if isinstance(item, Said) and item.direct and not item.who and item.content
             and isinstance(item.content[0], PersName) and item.content[0].ref is None]
    roles.update(_unlabelled_holders(document, {_label(turn) for turn in turns}, roles))
    marks = {"Q", "A"} <= {_label(turn) for turn in turns}
    letters = {_label(turn) for turn in turns if len(_label(turn)) == 1 and _label(turn).isupper()}
    initials = _initials(document, letters - ({"Q", "A"} if marks else set()))
    for item in turns:
        label = item.content[0]
        assert isinstance(label, PersName)
        if marks and label.text in ("Q", "A"):
            rule, person = "labels.question-answer", None
        else:
            rule, person = _keyed(label.text, document) or initials.get(label.text) or \
                _speaker(label.text, roles, document, table)
        if person is not None:
            if person.group == 0 and person not in document.mentioned:
                document.mentioned.append(person)
            label.ref = person.id
            item.who = [person.id]
        if rule in NO_NAME or person is not None and person.role_only and rule != "labels.role-name":
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
    "labels.key": "a key of the labels gives it to one participant, in parentheses after the name",
    "labels.role": "the label is the role of one participant",
    "labels.role-unlabelled": "the label is the role of several participants, and all but this one speak under "
                              "labels of their own names",
    "labels.role-of-state": "the label is the bare title of several participants' offices: the one who holds it "
                            "of State",
    "labels.role-name": "the label names, by an office and a surname no participant has, the one participant "
                        "listed by that office alone",
    "labels.name": "the label names the person",
    "labels.initial": "the label is the initial of one participant's surname",
    "labels.role-initial": "the one-letter labels, matched together, give this one the participant whose office "
                           "(or surname) begins with it",
    "labels.title-initial": "no participants are listed: the label is the initial of one person the title names",
    "labels.title-role-initial": "no participants are listed: the label is the initial of the role of one person "
                                 "the title names",
    "labels.unnamed-initials": "the label is initials no person named in the text has: the one participant "
                               "listed by office alone",
    "labels.participant-initials": "the label is initials of one participant: the last his surname's, the "
                                   "first his given name's where the list gives one",
    "labels.new-person": "the label is a name no list gives: a new person",
    "labels.question-answer": "'Q' and 'A' both label turns: they mark questions and answers",
    "labels.role-phrase": "the label is a role, not a name: the person who speaks in that role",
}


def _speaker(label: str, roles: dict[str, tuple[str, Person]], document: Document,
             table: Identities) -> tuple[str, Person | None]:
    text = QUESTION_ANSWER.sub("", label).strip()
    words = [word for word in _recased(text, table).split() if word not in ("The", "the")]
    role = " ".join(words).lower()
    if role in roles:
        return roles[role]
    if words and all(is_title_word(word) for word in words):
        return _role_person(words, table)
    principal = _unnamed_principal(text, document, table)
    if principal is not None:
        return "labels.unnamed-initials", principal
    holder = _initials_holder(text, document)
    if holder is not None:
        return "labels.participant-initials", holder
    names = [word for word in words if not is_title_word(word) and _is_name(word)]
    if names:
        titles = [word for word in words if is_title_word(word)]
        holder = _unnamed_holder(names[-1], titles, document)
        if holder is not None:
            return "labels.role-name", holder
        person = table.find(names[-1], titles) or table.find_second(names[-1])
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
        named = _title_initial(text, document, table) if not document.participants else None
        if named is not None:
            return named
    if ROLE_PHRASE.fullmatch(" ".join(words)):
        return "labels.role-phrase", _role_person(words, table)[1]
    return "", None


def _unnamed_principal(label: str, document: Document, table: Identities) -> Person | None:
    """The one participant listed by office alone, for a label of initials ("RN") that no person
    of the text may have: one whose surname begins with its last letter and whose forename, if
    known, with its first ("HK" may be "Dr. Kahn" or "Hans Kahn", never "David Kahn")."""
    if not INITIALS.fullmatch(label):
        return None
    for person in table.persons:
        surname, forenames = person.surname or "", person.forenames
        if surname.startswith(label[-1]) and (not forenames or forenames[0].startswith(label[0])):
            return None
    holders = [person for person in document.participants if person.role_only]
    return holders[0] if len(holders) == 1 else None


def _initials_holder(label: str, document: Document) -> Person | None:
    """The one participant whose initials a label of two or three capitals can be ("ABL" for
    "President Able" or "Ann B. Able"): the last letter begins the surname, the first the given
    name where the list gives one. A transcript labels its parties by their initials though the
    title or the list names them by office and surname."""
    if not INITIALS.fullmatch(label):
        return None
    holders = [person for person in document.participants
               if (person.surname or "").startswith(label[-1])
               and (not person.forenames or person.forenames[0].startswith(label[0]))]
    return holders[0] if len(holders) == 1 else None


def _is_name(word: str) -> bool:
    """A name word, or a double surname joined by a hyphen ("Able-Baker")."""
    parts = word.split("-") if "-" in word.strip("-") else [word]
    return all(NAME_WORD.fullmatch(part) for part in parts) and is_name_word(word)


def _unnamed_holder(surname: str, titles: list[str], document: Document) -> Person | None:
    """The one participant listed by the label's office alone ("The President" for "President
    Able"), where no participant has that surname: a record lists its own principal by office
    and labels his turns with his name."""
    participants = document.participants
    if not titles or any(person.surname == surname for person in participants):
        return None
    holders = [person for person in participants if person.surname is None and person.role_names == titles]
    return holders[0] if len(holders) == 1 else None


def _keyed(label: str, document: Document) -> tuple[str, Person | None] | None:
    """The one participant whose line gives the label in parentheses ("President Baker (P)")."""
    keyed = [person for person in document.participants if person.tail.strip() == f"({label})"]
    return ("labels.key", keyed[0]) if len(keyed) == 1 else None


def _initials(document: Document, letters: set[str]) -> dict[str, tuple[str, Person | None]]:
    """One-letter labels → (rule, participant), where they are not each one participant's surname initial.

    Each label may stand for a participant whose surname or office begins with it (an office of
    letters alone: "President", not an honorific such as "Mr." or a possessive, "President’s"); a label left with one such participant gets them, and they are
    no other label's. Labels that stay open are left to the other rules."""
    participants = document.participants
    by_surname = {letter: [person for person in participants if (person.surname or "").startswith(letter)]
                  for letter in letters}
    if all(len(holders) == 1 for holders in by_surname.values()) and \
            len({id(holders[0]) for holders in by_surname.values()}) == len(letters):
        return {}
    options = {letter: by_surname[letter] + [person for person in participants if person not in by_surname[letter]
                                             and person.role_names and person.role_names[0].isalpha()
                                             and person.role_names[0].startswith(letter)]
               for letter in letters}
    found: dict[str, tuple[str, Person | None]] = {}
    while True:
        taken = [person for _, person in found.values()]
        left = {letter: [person for person in persons if person not in taken]
                for letter, persons in options.items() if letter not in found}
        single = sorted(letter for letter, persons in left.items() if len(persons) == 1)
        if not single:
            return found
        person = left[single[0]][0]
        rule = "labels.initial" if person in by_surname[single[0]] else "labels.role-initial"
        found[single[0]] = (rule, person)


def _title_initial(letter: str, document: Document, table: Identities) -> tuple[str, Person] | None:
    """The one person the title names whose surname, else whose role, begins with ``letter``,
    with the rule that found it.

    A transcript without a list of participants names its parties in its title: "Transcript of
    Telephone Conversation Between President Baker and his Assistant (Able)" → "A" is
    Able, "P" the President. A surname in parentheses that no rule took for a name becomes
    a person when a label is its initial.
    """
    named = {item.ref: item for item in iter_inlines(document.head) if isinstance(item, PersName) and item.ref}
    persons = [person for person in table.persons if person.id in named]
    surnames = {person.surname for person in persons}
    in_parentheses = [match.group("name") for match in PARENTHESIZED_NAME.finditer(plain_text(document.head))
                      if is_name_word(match.group("name")) and match.group("name") not in surnames]
    by_surname = [person for person in persons if (person.surname or "").startswith(letter)]
    new = [name for name in in_parentheses if name.startswith(letter)]
    if len(by_surname) + len(new) == 1:
        if by_surname:
            return "labels.title-initial", by_surname[0]
        person = table.find(new[0]) or Person(id=table.free_id(new[0]), name=new[0], surname=new[0])
        if person not in table.persons:
            table.add(person)
        return "labels.title-initial", person
    if by_surname or new:
        return None
    by_role = [person for person in persons if person.role_names and person.role_names[0].startswith(letter)]
    return ("labels.title-role-initial", by_role[0]) if len(by_role) == 1 else None


def _recased(text: str, table: Identities) -> str:
    """A label in capitals ("SECRETARY ABLE", "MR. McCARR") written as names are: a known surname
    as the text spells it, any other word capitalized ("Secretary Able", "Mr. Mccarr"). In any
    other label, a known surname capitalized otherwise ("DeCarr:" for the listed "Decarr") is
    that surname."""
    known = {form.casefold(): form for form in table.forms}
    if not CAPITALS.fullmatch(text):
        return " ".join(known.get(word.casefold(), word) for word in text.split())
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


def _unlabelled_holders(document: Document, labels: set[str],
                        roles: dict[str, tuple[str, Person]]) -> dict[str, tuple[str, Person]]:
    """Role phrases that several participants hold, where all of them but one speak under labels of
    their own names: "president" → President Able, where President Carr's turns are labelled "Carr:"
    (a record labels its own principal by his office and the visitor by name)."""
    named = {word.casefold() for label in labels for word in label.split()}
    holders: dict[str, list[Person]] = {}
    for person in document.participants:
        for phrase in person.role_phrases():
            holders.setdefault(phrase.lower(), []).append(person)
    found: dict[str, tuple[str, Person]] = {}
    for phrase, persons in holders.items():
        if len(persons) < 2 or phrase in roles:
            continue
        left = [person for person in persons
                if not any(word.casefold() in named for word in (person.surname, *person.forenames) if word)]
        if len(left) == 1:
            found[phrase] = ("labels.role-unlabelled", left[0])
    return found


def _roles(document: Document) -> dict[str, tuple[str, Person]]:
    """Role phrases (lower case) that name one participant, each with its rule: "president" → the
    President (``labels.role``); "secretary", where the Secretary of State and the Secretary of
    Defense take part, → the Secretary of State (``labels.role-of-state``: in the records of a
    foreign ministry the bare title is its own head's, as "the Secretary" is the Secretary of State's)."""
    holders: dict[str, list[Person]] = {}
    for person in document.participants:
        for phrase in person.role_phrases():
            holders.setdefault(phrase.lower(), []).append(person)
    roles = {phrase: ("labels.role", persons[0]) for phrase, persons in holders.items() if len(persons) == 1}
    for phrase, persons in holders.items():
        of_state = [person for person in persons if person in holders.get(f"{phrase} of state", [])]
        if len(persons) > 1 and len(of_state) == 1:
            roles[phrase] = ("labels.role-of-state", of_state[0])
    return roles
