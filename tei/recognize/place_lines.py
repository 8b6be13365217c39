"""A place line without its label: the room or building a conversation was held in.

    "    • The President’s Study"  (a bullet block alone after the participants) → HeaderField("place")

Rule ``place-lines``: copies of records whose header labels were lost ("PARTICIPANTS", "PLACE")
keep the place as a short bullet block of its own. A block of one or two bullet lines, each
naming a room or a building — the last word before any comma one of
``lexicon/meeting-places.txt`` ("Study", "Office", "Room", "House", "Embassy" …), and no
honorific or title before a name — is the place of the conversation, not a group of
participants. Its text is kept whole as a place line of the header (``dateline``).
"""

from __future__ import annotations

from tei.lexicon import lazy_pattern, words
from tei.lexicon.names import TITLE_HEADS
from tei.model import HeaderField
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import (
    HEADER,
    PARTICIPANTS,
    ParseState,
    Recognizers,
    bullet_text,
    excerpt,
    is_bullet_block,
)

RULE = "place-lines"
MEETING_PLACES = words("meeting-places")
PLACE_LINES_MAX = 2
# The words a name is made of: capitalized, possessive, hyphenated ("The President’s Study").
WORD = lazy_pattern(r"[\w’'.-]+")


def names_a_room(text: str) -> bool:
    """Whether a line names a room or a building: "The President’s Study", "Cabinet Room, White
    House" (not "Ambassador Able, Embassy", where a title stands before a name)."""
    tokens = WORD.findall(text.split(",")[0])
    if not tokens or tokens[-1] not in MEETING_PLACES:
        return False
    # "Ambassador Hall", "Mr. House": a title or an abbreviation before the last word makes it a name.
    before = tokens[-2] if len(tokens) > 1 else ""
    return before not in TITLE_HEADS and not before.endswith(".")


class PlaceLinesRecognizer:
    """A bullet block of one or two lines naming a room or building → the place of the conversation."""

    name = RULE

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return state.part in (HEADER, PARTICIPANTS) and len(block.lines) <= PLACE_LINES_MAX \
            and is_bullet_block(block) and all(names_a_room(bullet_text(text)) for text in block.texts)

    def run(self, block: TextBlock, state: ParseState) -> None:
        for line in block.lines:
            text = bullet_text(line.text)
            state.document.fields.append(HeaderField("place", "", state.parse_inline([(line.number, text)]),
                                                     line.number))
            state.reporter.decide(RULE, excerpt(text), "place of the conversation",
                                  "a bullet line alone in its block naming a room or building", line.number)


def register(recognizers: Recognizers) -> None:
    recognizers.front.register(PlaceLinesRecognizer(), RULE, 61)
