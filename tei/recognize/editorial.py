"""Editorial notes: ``[NOTE: …]`` and ``(NOTE: …)`` → :class:`~tei.model.EditorialNote`, brackets kept.

=====================  ==========  ==================================================
recognizer             registry    input → model
=====================  ==========  ==================================================
``editorial-block``    blocks      a block that is one bracketed note → EditorialBlock
``editorial-note``     inline      "said so. (NOTE: x) Then" → "said so. ", EditorialNote, " Then"
=====================  ==========  ==================================================
"""

from __future__ import annotations

import re

from tei.lexicon import lazy_pattern
from tei.model import EditorialBlock, EditorialNote, Inline, map_text
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import ParseState, Recognizers, excerpt, lines_of

EDITORIAL_OPEN = lazy_pattern(r"[\[(]\s*note\s*:", re.IGNORECASE)
CLOSING = {"[": "]", "(": ")"}


def balanced_end(text: str, start: int) -> int | None:
    """Index just past the bracket that closes the one at ``start``, or None."""
    opening = text[start]
    closing = CLOSING[opening]
    depth = 0
    for index in range(start, len(text)):
        if text[index] == opening:
            depth += 1
        elif text[index] == closing:
            depth -= 1
            if depth == 0:
                return index + 1
    return None


_BRACKETS = {opening: re.compile(re.escape(opening) + "|" + re.escape(closing))
             for opening, closing in CLOSING.items()}


def balanced_ends(text: str, opening: str) -> dict[int, int]:
    """For every ``opening`` bracket of ``text`` that is closed: its index → the index just past
    its closing bracket. One pass over the text, however many brackets stay open."""
    ends: dict[int, int] = {}
    open_at: list[int] = []
    for match in _BRACKETS[opening].finditer(text):
        if match.group() == opening:
            open_at.append(match.start())
        elif open_at:
            ends[open_at.pop()] = match.end()
    return ends


class EditorialBlockRecognizer:
    """A block that is one bracketed ``NOTE:`` → EditorialBlock, brackets kept."""

    name = "editorial-block"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        text = " ".join(block.texts).strip()
        return len(block.lines) == 1 and bool(EDITORIAL_OPEN.match(text)) and balanced_end(text, 0) == len(text)

    def run(self, block: TextBlock, state: ParseState) -> None:
        content = state.parse_inline(lines_of(block))
        note = content[0] if len(content) == 1 and isinstance(content[0], EditorialNote) else \
            EditorialNote(content, block.line)
        state.target.append(EditorialBlock(note, block.line))
        if state.reporter.explaining:
            state.reporter.decide(self.name, excerpt(block.lines[0].text), "an editorial note standing alone",
                                  "one bracketed NOTE: that is the whole block", block.line)


def recognize_editorial_notes(content: list[Inline], line: int, state: ParseState) -> list[Inline]:
    """``[NOTE: …]`` and ``(NOTE: …)`` within one stretch of text."""

    def split(text: str) -> list[Inline]:
        if "[" not in text and "(" not in text:
            return [text]  # most texts: no bracket, no note
        pieces: list[Inline] = []
        position = 0
        ends: dict[str, dict[int, int]] = {}  # one pass per kind of bracket, not one per opening
        for match in EDITORIAL_OPEN.finditer(text):
            if match.start() < position:
                continue
            opening = text[match.start()]
            if opening not in ends:
                ends[opening] = balanced_ends(text, opening)
            end = ends[opening].get(match.start())
            if end is None:
                continue
            pieces.append(text[position:match.start()])
            pieces.append(EditorialNote([text[match.start():end]], line))
            position = end
        pieces.append(text[position:])
        return pieces

    return map_text(content, split)


def register(recognizers: Recognizers) -> None:
    recognizers.blocks.register(EditorialBlockRecognizer(), "editorial-block", 70)
    recognizers.inline.register(recognize_editorial_notes, "editorial-note", 90)
