"""Participants a sentence names as present: "Ambassador Able and Messrs. Baker and Carr were present".

    (list: Governor Dorn, Admiral Eck)
    "Ambassador Able and Messrs. Baker and Carr were present for the meeting"
                                            → participants #able, #baker, #carr
    "Mr. Fay of Protocol was also present." → participant #fay

Rule ``participants.also-present``: a record often lists the principals and then says, in its
first paragraphs, who else attended: a sentence whose subject is only persons (joined by commas
and "and", each perhaps with "of" and his office) and whose verb is "was present" or "were
(also) present". Those persons took part: they join the participants (a group of their own), so
that the speaker rules read "Mr. Baker reported …" as his turn. Only the opening paragraphs are
read: a later "X was present" may tell of another meeting.
"""

from __future__ import annotations

from tei.errors import Reporter
from tei.lexicon import lazy_pattern
from tei.model import Document, Paragraph, Section, plain_text
from tei.recognize.base import excerpt
from tei.resolve.base import Pass
from tei.resolve.speakers.patterns import PERSON_CLOSE, PERSON_OPEN
from tei.resolve.speakers.sentences import masked
from tei.rules import Registry

RULE = "participants.also-present"
OPENING_PARAGRAPHS = 3
_PERSON = PERSON_OPEN + r"\d+" + PERSON_CLOSE + r"(?:\s+of\s+(?:the\s+)?[A-Z][\w/&.’'-]*(?:\s+[A-Z][\w/&.’'-]*){0,3})?"
# A sentence that is only persons and "was/were (also) present".
PRESENT = lazy_pattern(r"(?:^|(?<=[.!?])\s+)(?P<subject>" + _PERSON + r"(?:(?:,\s+|,?\s+and\s+)" + _PERSON + r")*)"
                       r"\s+(?:was|were)\s+(?:also\s+)?present\b")
PERSON_NUMBER = lazy_pattern(PERSON_OPEN + r"(\d+)" + PERSON_CLOSE)


def _opening_paragraphs(document: Document) -> list[Paragraph]:
    found: list[Paragraph] = []
    blocks = list(document.body)
    while blocks and len(found) < OPENING_PARAGRAPHS:
        block = blocks.pop(0)
        if isinstance(block, Paragraph):
            found.append(block)
        elif isinstance(block, Section):
            blocks[:0] = block.blocks
    return found


def participants_present(document: Document, reporter: Reporter) -> None:
    """Make the persons an opening sentence says were present participants, in a group of their own."""
    if not document.groups:
        return
    mentioned = {person.id: person for person in document.mentioned}
    added = []
    for paragraph in _opening_paragraphs(document):
        text, refs = masked(paragraph.content)
        for match in PRESENT.finditer(text):
            for number in PERSON_NUMBER.findall(match.group("subject")):
                person = mentioned.pop(refs[int(number)] or "", None)
                if person is not None:
                    added.append(person)
            if added and reporter.explaining:
                reporter.decide(RULE, excerpt(plain_text(paragraph.content)), " ".join(f"#{p.id}" for p in added),
                                "an opening sentence says they were present", paragraph.line)
    if not added:
        return
    group = len(document.groups) + 1
    for person in added:
        person.group = group
        person.from_title = True  # the header's: the text's list does not give them
        document.mentioned.remove(person)
    document.groups.append(added)


def register(passes: Registry[Pass]) -> None:
    passes.register(participants_present, RULE, 70)
