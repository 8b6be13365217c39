"""persons.prefixed-surname: a family name of two words whose first is a patronymic prefix.

A participant listed as "Prime Minister Ben Able" (``surname-prefixes.txt``: Ben, Abu, Ibn …) is
read at first as the forename "Ben" and the surname "Able". Where the text names that participant
only with both words ("Prime Minister Ben Able", never "Able" alone), the two words are the family
name: the surname becomes "Ben Able", and the id ``ben-able``. An English "Ben Able" whom the text
calls "Able" keeps the forename.
"""

from __future__ import annotations

from tei.errors import Reporter
from tei.lexicon import words
from tei.lexicon.names import slug
from tei.model import Document, Person, Said, iter_nodes
from tei.resolve.persons.candidate import Candidate

PREFIXES = words("surname-prefixes")
RULE = "persons.prefixed-surname"


def join_prefixed_surnames(document: Document, candidates: list[Candidate], reporter: Reporter) -> None:
    """Join prefix and surname of every participant the text names only with both words."""
    ids = {person.id for person in document.participants}
    for person in document.participants:
        prefix = person.forenames[0] if len(person.forenames) == 1 else ""
        if prefix not in PREFIXES or not person.surname:
            continue
        named = [candidate for candidate in candidates if candidate.surname == person.surname]
        if not named or any(candidate.given.split()[-1:] != [prefix] for candidate in named):
            continue  # the text calls the person by the last word alone, or never names them
        joined = f"{prefix} {person.surname}"
        for candidate in named:
            candidate.surname, candidate.given = joined, " ".join(candidate.given.split()[:-1])
        person.forenames, person.surname = [], joined
        if slug(joined) not in ids:
            _rename(document, person, slug(joined))
            ids.add(person.id)
        if reporter.explaining:
            reporter.decide(RULE, f"'{person.name}'", f"#{person.id}, surname '{joined}'",
                            f"'{prefix}' opens a family name, and the text never names '{joined.split()[-1]}' "
                            "without it", person.line)


def _rename(document: Document, person: Person, new: str) -> None:
    """The participant's new id, also in the turns a transcript's labels gave it already."""
    old, person.id = person.id, new
    for node in iter_nodes(document):
        if isinstance(node, Said) and old in node.who:
            node.who = [new if who == old else who for who in node.who]
