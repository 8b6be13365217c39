"""Identity: who is who, decided once for the whole document.

The participants and the names the mention rules found → one :class:`Identities` table:
every person once, with a stable, readable id from the surname, and every form a person is
named by. Later steps (linking the mentions, attributing speech) only read it.

    participants "The Secretary", "Mr. Able"; text "Secretary Carr said", "Mrs. Able",
    "Carr de Baker", later "Carr"
    → carr (the participant listed as "The Secretary": the text names him), able,
      able-2 (Mrs. Able is not Mr. Able), carr-de-baker (also named "Carr")

Rules, each recorded for ``tei convert --explain``:

- ``persons.role-named``: a participant listed by role alone ("The Secretary") takes the
  surname of the one person the text names with that title ("Secretary Carr"), and its id;
  not of one named in a sentence whose subject is the bare role ("The Secretary said he
  would work as Secretary Carr had done": two Secretaries); nor in minutes whose paragraphs
  name the speakers (``participants.speakers``), where a "President Carr" they mention is
  another President than the one who speaks; nor of a former holder ("former Secretary
  Carr", "your predecessor, Secretary Carr"); nor of one named in another participant's reported words
  ("Dorn said that Secretary Carr's trip …", ``persons.role-in-others-words``).
- ``persons.same-person``: a name is a known person's when it is one of the forms of that
  person's surname (a compound surname is also named by its first word, "Carr", or by its
  particle and the rest, "de Baker"), unless their titles say they differ ("Mrs." and "Mr.").
- ``persons.second-surname``: a name without a given name that is no known surname but the
  last of two given names or more of exactly one participant ("Ambassador Carr", where the
  list gives "Ambassador Juan Carr Baker": a Spanish name carries two surnames, and the text
  may call its bearer by the first) is that participant.
- ``persons.given-name-alone``: a name that a rule without a title or a verb of saying found,
  and that is the given name of a person named in full ("talking to Bill", and "Bill Able"
  elsewhere), is no new person.
- ``persons.new-person``: any other name is a new person, mentioned but not participating.
"""

from __future__ import annotations

import re

from tei.errors import Reporter
from tei.lexicon.names import romanize, slug
from tei.model import Document, Person, plain_text
from tei.resolve.persons.candidate import Candidate
from tei.resolve.persons.others_words import named_in_others_words
from tei.resolve.persons.shapes import sex_of, surname_forms

SIGNER = "persons.signer"  # the rule that reads a signature (frame.signatures)
# The end of a sentence: a full stop, question or exclamation mark before a space and a capital.
SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z“\"])")


class Identities:
    """Every person of a document, and the forms of their surnames → those persons."""

    def __init__(self) -> None:
        self.persons: list[Person] = []
        self.forms: dict[str, list[Person]] = {}
        self.ids: set[str] = set()
        # The participants among ``persons``: a document names many more persons than take part.
        self.participants: list[Person] = []
        # The forms without accents, in lower case: "dorn" → the person named "Dörn".
        self.unaccented: dict[str, list[Person]] = {}

    def add(self, person: Person) -> None:
        self.persons.append(person)
        if person.group:
            self.participants.append(person)
        self.ids.add(person.id)
        for form in surname_forms(person.surname or ""):
            if form:
                self.forms.setdefault(form, []).append(person)
                self.unaccented.setdefault(romanize(form), []).append(person)

    def find_unaccented(self, surname: str, titles: list[str] | str = "") -> Person | None:
        """``persons.same-person-unaccented``: the person whose surname is ``surname`` but for its
        accents ("Dorn" for "Dörn": a text copied on a typewriter drops them)."""
        sex = sex_of(titles)
        for person in self.unaccented.get(romanize(surname), []):
            other = sex_of(person.role_names)
            if sex is None or other is None or sex == other:
                return person
        return None

    def find(self, surname: str, titles: list[str] | str = "") -> Person | None:
        """The person named ``surname`` (any form), whose titles do not contradict ``titles``."""
        sex = sex_of(titles)
        for form in surname_forms(surname):
            for person in self.forms.get(form, []):
                other = sex_of(person.role_names)
                if sex is None or other is None or sex == other:
                    return person
        return None

    def find_second(self, surname: str) -> Person | None:
        """The one participant whose first surname of two is ``surname`` ("Juan Carr Baker": Carr),
        written with or without its accents ("Juan Lápez Baker": Lapez, as a text copied on a
        typewriter without accents writes it)."""
        if len(surname) <= 2 or surname.endswith("."):
            return None
        bare = romanize(surname)
        holders = [person for person in self.participants if len(person.forenames) >= 2
                   and (person.forenames[-1] == surname or romanize(person.forenames[-1]) == bare)]
        return holders[0] if len(holders) == 1 else None

    def free_id(self, name: str) -> str:
        base = slug(name)
        candidate, count = base, 1
        while candidate in self.ids:
            count += 1
            candidate = f"{base}-{count}"
        return candidate


def identify(document: Document, candidates: list[Candidate], reporter: Reporter) -> Identities:
    """The identity table of ``document``; participants listed by role get their names here."""
    table = Identities()
    table.ids = {person.id for person in document.participants}
    _name_roles(document, candidates, table, reporter)
    for person in document.participants:
        if person.surname:
            table.add(person)
        else:
            table.ids.add(person.id)
    given_names = {name for person in document.participants for name in person.forenames} | {
        name for candidate in candidates for name in candidate.given.split()}
    for candidate in candidates:
        known = table.find(candidate.surname, candidate.title)
        if known is None and (known := table.find_unaccented(candidate.surname, candidate.title)):
            table.forms.setdefault(candidate.surname, []).append(known)  # so that the linker finds it too
            if reporter.explaining:
                reporter.decide("persons.same-person-unaccented", f"'{candidate.surname}'", f"#{known.id}",
                                f"'{known.surname}' but for its accents", candidate.line)
        if known is None and not candidate.given and (second := table.find_second(candidate.surname)):
            if reporter.explaining:
                reporter.decide("persons.second-surname", f"'{candidate.surname}'", f"#{second.id}",
                                f"the first of the two surnames of '{second.name}'", candidate.line)
            table.forms.setdefault(candidate.surname, []).append(second)
            continue
        if known is None and not candidate.strong and candidate.surname in given_names:
            if reporter.explaining:
                reporter.decide("persons.given-name-alone", f"'{candidate.surname}'", "no new person",
                                "a given name of a person named in full elsewhere", candidate.line)
            continue
        if known is not None:
            if reporter.explaining and known.surname != candidate.surname:
                reporter.decide("persons.same-person", f"'{candidate.surname}'", f"#{known.id}",
                                f"a form of the surname '{known.surname}'", candidate.line)
            if known.group == 0:
                known.role_names = known.role_names or candidate.title.split()
                known.forenames = known.forenames or candidate.given.split()
            elif candidate.rule == SIGNER and not known.forenames:
                # A participant known by surname alone ("Under Secretary Able") who signs "Ann Able":
                # the signature is the writer's own name, where another "Ann Able" could be anyone.
                known.forenames = candidate.given.split()
            continue
        name = " ".join(part for part in (candidate.title, candidate.given, candidate.surname) if part)
        person = Person(id=table.free_id(candidate.surname), name=name, surname=candidate.surname,
                        forenames=candidate.given.split(), role_names=candidate.title.split())
        table.add(person)
        if reporter.explaining:
            reporter.decide("persons.new-person", f"'{name}'", f"#{person.id}",
                            "named in the text, not among the participants", candidate.line)
    return table


def _name_roles(document: Document, candidates: list[Candidate], table: Identities, reporter: Reporter) -> None:
    """"The Secretary" is Carr where the text names exactly one person "Secretary Carr".

    Not in minutes whose paragraphs name the speakers (``participants_from_speech``): they call
    each speaker the same way throughout, and a "President Carr" they mention is another President.
    """
    if document.participants_from_speech:
        return
    listed: dict[str, list[Person]] = {}
    for person in document.participants:
        if person.role_only and person.role_names:
            listed.setdefault(" ".join(person.role_names).lower(), []).append(person)
    surnames = {person.surname for person in document.participants if person.surname}
    for role, persons in listed.items():
        titled = [candidate for candidate in candidates
                  if candidate.title and _holds(candidate.title.lower(), role) and candidate.surname not in surnames]
        openers = _role_subjects(document, role) if titled else ""
        others = _other_holders(document, role) | named_in_others_words(document, role, surnames) if titled else set()
        named = {candidate.surname: candidate for candidate in titled
                 if not _beside_the_role(candidate, openers) and candidate.surname not in others}
        if len(persons) != 1 or len(named) != 1:
            continue
        (surname, candidate), = named.items()
        person = persons[0]
        person.surname, person.forenames = surname, candidate.given.split()
        table.ids.discard(person.id)
        person.id = table.free_id(surname)
        table.ids.add(person.id)
        surnames.add(surname)
        if reporter.explaining:
            reporter.decide("persons.role-named", f"'{person.name}'", f"#{person.id}",
                            f"the text names the {role} '{candidate.title} {surname}'", candidate.line)


def _role_subjects(document: Document, role: str) -> str:
    """The sentences that open with the bare role as their subject ("The Secretary said …"),
    read once for all the names with that title (a sentence can open so only where the
    paragraph has the role and a word after it), joined by NUL: a character no text holds (the
    reader refuses or replaces it, as XML cannot hold it), so that a name is in the joined text only where it is in one sentence,
    and each name is one search however many sentences there are."""
    subject = re.compile(r"(?i:the " + re.escape(role) + r")\s+[a-z]")
    sentences: list[str] = []
    for content in document.text_lists():
        text = plain_text(content)
        if subject.search(text):
            sentences += [sentence for sentence in SENTENCE_END.split(text) if subject.match(sentence.strip())]
    return "\0".join(sentences)


def _other_holders(document: Document, role: str) -> set[str]:
    """The surnames the text gives a former holder of the role: "former President Carr", "the
    late Secretary Carr", "your predecessor, President Carr". The participant listed by the role
    holds it now; such a name is another person's."""
    qualified = re.compile(r"(?:\b(?:[Ff]ormer|[Ll]ate|[Ee]x-)\s*|\b(?:predecessor|successor)s?,\s+)(?i:"
                           + re.escape(role) + r")\s+(?P<surname>[A-Z][\w’'-]+)")
    surnames: set[str] = set()
    for content in document.text_lists():
        surnames.update(match.group("surname") for match in qualified.finditer(plain_text(content)))
    return surnames


def _beside_the_role(candidate: Candidate, openers: str) -> bool:
    """Whether a sentence opens with the bare role as its subject ("The Secretary said …") and
    names ``candidate`` by the title later ("… as Secretary Carr had done"): the writer calls
    one person by the role and speaks of another by the name. (A role elsewhere in the
    sentence may be the same person: "Carr said that in the Secretary you had a friend".)
    ``openers``: the sentences that open with the role (:func:`_role_subjects`)."""
    named = f"{candidate.title} {candidate.surname}"
    return named in openers


def _holds(title: str, role: str) -> bool:
    """"secretary of state" holds the role "secretary"; "deputy secretary" does not."""
    return title == role or title.startswith(role + " of ")
