"""Groups of participants under headings: a short line alone above each block of bullets.

Minutes list those present under the bodies they represent:

    American Historical Association      → group "American Historical Association": Dr. Able, Dr. Baker
        • Dr. Ann Able, Department of History
        • Dr. Bo Baker

    Law Society:                         → group "Law Society": Professor Carr
        • Professor Carr
"""

from __future__ import annotations

from tei.read.blocks import Block as TextBlock
from tei.recognize.base import HEADER, PARTICIPANTS, ParseState, Recognizers, is_bullet_block
from tei.recognize.participants import SENTENCE, add_groups, names_persons, read_participants

GROUP_HEADING_MAX_WORDS = 10


class GroupHeadingRecognizer:
    """A short line alone above a block of participant bullets names that group, as a side's name does.

    Under the header (before any group) a subject line can stand above the bullets too, so there the
    heading counts only when the layout repeats: another short line above bullets follows.
    """

    name = "participants-group-heading"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        if state.part not in (HEADER, PARTICIPANTS) or not _heads_bullets(state, 0):
            return False
        return state.part == PARTICIPANTS or _heads_bullets(state, 2)

    def run(self, block: TextBlock, state: ParseState) -> None:
        bullets = state.neighbour(1)
        assert bullets is not None  # the test saw it
        groups = read_participants(bullets, len(state.document.groups) + 1, state.memo.setdefault("participants", {}),
                                   state.reporter)
        side = block.lines[0].text.strip().rstrip(":").rstrip()
        groups = [(side, [person for _side, persons in groups for person in persons])]
        add_groups(state, groups, "a bullet line under a group's heading")
        state.taken = 1  # the bullets, read with their heading


def _heads_bullets(state: ParseState, offset: int) -> bool:
    """Whether the block ``offset`` places on is a short line alone, with a block of participant
    bullets after it."""
    block, bullets = state.neighbour(offset), state.neighbour(offset + 1)
    if block is None or bullets is None or len(block.lines) != 1 or is_bullet_block(block):
        return False
    text = block.lines[0].text.strip()
    return (bool(text) and text[0].isupper() and len(text.split()) <= GROUP_HEADING_MAX_WORDS
            and not text.endswith((".", "?", "!", ",", ";")) and not SENTENCE.search(text)
            and is_bullet_block(bullets) and names_persons(bullets))


def register(recognizers: Recognizers) -> None:
    recognizers.front.register(GroupHeadingRecognizer(), "participants-group-heading", 72)
