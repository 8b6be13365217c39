"""persons.initial-subject: a participant called by the initial of the surname alone, as the subject.

    participants "the Secretary of State", "Representative Lumm"
    "L returned the call. L said it would leak."  →  [PersName("L", "lumm"), " returned the call. ", …]
    "L. said good."                               →  [PersName("L.", "lumm"), " said good."]

Notes of telephone calls, taken down as they were spoken, often write the other party as the
first letter of the surname ("L said", "L thinks", "L will do that"). A capital letter standing
alone as a word — not "I" or "A", which are words, and not after a capitalized word, as in
"Plan L" — before a verb of saying, thinking or acting or an auxiliary, is the one participant
whose surname begins with that letter; a full stop after the letter is the initial's ("L. said"),
since a verb in lower case, not a name, follows it. With two such participants, or none, it is
nobody's.
"""

from __future__ import annotations

from tei.errors import Reporter
from tei.lexicon import alternation, lazy_pattern
from tei.model import Document, Inline, PersName, map_text
from tei.resolve.persons.mentions import SUBJECT_VERBS

RULE = "persons.initial-subject"
# "L said", "and L thinks": a letter alone, after the start or a space and before one, then a verb.
# The look-behind stands after the letter, so that ``re`` skips ahead to capitals.
LETTER_SUBJECT = lazy_pattern(rf"(?P<letter>[B-HJ-Z](?<![\w’'.,-].)\.?)\s+(?=(?:{alternation(SUBJECT_VERBS)})(?![\w’'-]))")


def _after_a_capitalized_word(text: str, start: int) -> bool:
    """"Plan L said", "Annex B says": a letter after a capitalized word is part of that name (a
    sentence's end before it is no word)."""
    before = text[max(0, start - 40):start].rstrip().rsplit(None, 1)
    return bool(before) and before[-1][:1].isupper() and not before[-1].endswith((".", "!", "?", ":", ";"))


def link_initial_subjects(document: Document, reporter: Reporter) -> None:
    """Turn every letter that stands, as a subject, for the one participant of that initial into a PersName."""
    by_letter: dict[str, list[str]] = {}
    for person in document.participants:
        if person.surname:
            by_letter.setdefault(person.surname[0], []).append(person.id)
    ids = {letter: found[0] for letter, found in by_letter.items() if len(found) == 1}
    if not ids:
        return
    seen: set[str] = set()

    def split(text: str) -> list[Inline]:
        pieces: list[Inline] = []
        position = 0
        for match in LETTER_SUBJECT.finditer(text):
            initial = match.group("letter")
            letter = initial[0]
            if letter not in ids or _after_a_capitalized_word(text, match.start()):
                continue
            pieces += [text[position:match.start()], PersName(initial, ids[letter])]
            position = match.start() + len(initial)
            seen.add(letter)
        return [*pieces, text[position:]] if pieces else [text]

    for line, content in list(document.lined_text_lists()):
        before = set(seen)
        content[:] = map_text(content, split, (PersName,))
        if reporter.explaining:
            for letter in sorted(seen - before):
                reporter.decide(RULE, repr(letter), f"person #{ids[letter]}", "a letter alone as the subject of a "
                                "verb, the initial of one participant's surname", line)
