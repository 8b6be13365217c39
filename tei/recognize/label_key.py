"""A key of the speakers' labels: lines that name a party and the label that opens its turns.

    President Able (P)        → participant Able (role President), the label "P" in the tail
    Chancellor Baker (B)      → participant Baker (role Chancellor), the label "B" in the tail

Transcripts of telephone calls that list no participants may give such a key above the turns,
one party a line: a name and, in parentheses, one to three capitals. A line is read as a key
only where those capitals open a paragraph of the text as a label ("P: Good morning."), so that
"Mr. Able (CIA)" stays a subject line where nobody's turns are labelled "CIA:". The label stays
in the participant's tail, where the speaker rule ``labels.key`` finds it.
"""

from __future__ import annotations

from tei.lexicon import lazy_pattern
from tei.lexicon.names import is_name_word, is_title_word
from tei.model import Person
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import HEADER, PARTICIPANTS, ParseState, Recognizers, excerpt, is_bullet_block
from tei.recognize.participant_entry import parse_participant
from tei.recognize.participants import add_groups
from tei.recognize.transcript import label_of

NAME = "participants-label-key"
KEY_LINE = lazy_pattern(r"^(?P<name>[A-Z][^()]{1,60}?)\s+\((?P<label>[A-Z]{1,3})\)$")


def _turn_labels(state: ParseState) -> set[str]:
    """The labels that open the paragraphs after this block."""
    labels: set[str] = set()
    for block in state.following():
        found = label_of(block.lines[0].text.strip())
        if found:
            labels.add(found[0])
    return labels


def _names_one_person(text: str) -> bool:
    """ "President Able", "Henry Baker": capitalized words, the last a name, none after it lower case."""
    words = text.split()
    return (all(word[:1].isupper() for word in words) and is_name_word(words[-1].rstrip("."))
            and not is_title_word(words[-1]))


def key_entries(block: TextBlock, state: ParseState) -> list[tuple[int, str, str]] | None:
    """(line, name, label) for every line of a block that is a key of labels, else None."""
    entries = []
    for line in block.lines:
        match = KEY_LINE.match(line.text.strip())
        if match is None or not _names_one_person(match.group("name")):
            return None
        entries.append((line.number, match.group("name"), match.group("label")))
    labels = _turn_labels(state)
    return entries if all(label in labels for _, _, label in entries) else None


class LabelKeyRecognizer:
    """Lines "Name (L)" above turns labelled "L:" → participants, each with its label."""

    name = NAME

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return (state.part in (HEADER, PARTICIPANTS) and not is_bullet_block(block)
                and key_entries(block, state) is not None)

    def run(self, block: TextBlock, state: ParseState) -> None:
        entries = key_entries(block, state) or []
        document = state.document
        # The lines of one key form one group, also when blank lines stand between them.
        keyed = state.memo.get(NAME)
        group = len(document.groups) if keyed and keyed == len(document.groups) else len(document.groups) + 1
        persons: list[Person] = []
        for number, name, label in entries:
            person = parse_participant(name, number, group)
            person.tail = f" ({label})"
            person.tail_content = [person.tail]
            used = state.memo.setdefault("participants", {})
            while person.id in used:
                person.id += "-2"
            used[person.id] = 1
            persons.append(person)
            state.reporter.decide(NAME, excerpt(block.lines[0].text), f"participant #{person.id}, label {label!r}",
                                  f"a name and, in parentheses, the label {label!r} that opens turns of the text",
                                  number)
        if group == len(document.groups):
            document.groups[-1].extend(persons)
        else:
            add_groups(state, [("", persons)], "a line of the key of labels")
        state.part = PARTICIPANTS
        state.memo[NAME] = len(document.groups)


def register(recognizers: Recognizers) -> None:
    # Before the header lines, which would take such a short line for a subject.
    recognizers.front.register(LabelKeyRecognizer(), NAME, 71)
