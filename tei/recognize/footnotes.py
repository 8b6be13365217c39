"""Footnote list: the numbered lines at the end of the text → :class:`~tei.model.Footnote`.

    "  1. Source: Department of State, …"  →  Footnote(n="1", kind="source", …)
    "  12a. See Document 3."               →  Footnote(n="12a", …)
    "  ² See Document 3."                  →  Footnote(n="2", …)
    "3. See Document 4." (at the margin)   →  Footnote(n="3", …) where the text before has "…said.3"

``footnote-list``: the trailing blocks that open with an indented numbered line are taken; a line
without a number inside such a block continues the note before it. ``footnote-list-margin``:
a trailing block of numbered lines at the margin is a list of notes, not numbered paragraphs,
only where its numbers follow one another and something shows it to be notes: one of its numbers
is a reference in the text before it (glued to a word, in brackets or in superscript), as in a word
processor's export, or it opens with the source note ("1. Source: …"), or an indented note keyed
by a symbol ("  *. 745.00/5–848") stands right before it, as FRUS lists open; and never right
before an indented list of notes: a text has one list of notes, so numbered lines at the margin
above it are the body's numbered paragraphs ("1. On 14 January Mr. Able …"). Where the notes are
referenced is decided later, by :func:`tei.resolve.attach_footnotes`.
"""

from __future__ import annotations

import re

from tei.lexicon import Matcher, lazy_pattern
from tei.model import Footnote, Inline, LineBreak
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import ParseState, Recognizers, excerpt

# "  12. text", "  [12] text", and keys that are symbols: "  *. text", "  † text". Four digits at
# most: a note number; a longer one begins a line of text, not a footnote.
FOOTNOTE_LINE = lazy_pattern(r"^\s+(?:(?P<n>\d{1,4}[a-z]?)\.|\[(?P<bracketed>\d{1,4}[a-z]?)\]|(?P<symbol>[*†‡§¶]+)\.?"
                           r"|(?P<superscript>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}))\s+(?P<text>\S.*)$")
# The same at the margin, numbers only ("3. text", "3) text", "[3] text", "³ text"): a symbol there
# is a bullet, and a bare number opens a sentence.
MARGIN_NOTE_LINE = lazy_pattern(r"^(?:(?P<n>\d{1,4})[.)]|\[(?P<bracketed>\d{1,4})\]|(?P<superscript>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}))"
                              r"\s+(?P<text>\S.*)$")
# Right after a letter, or after punctuation that does not end a number ("again.2", "March 21].2",
# not "1.2").
GLUED = r"(?:(?<=[^\W\d_])|(?<=[.,;:”’)\]])(?<!\d[.,]))"
SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SOURCE_NOTE = lazy_pattern(r"^Source:", re.IGNORECASE)


class FootnoteListRecognizer:
    """Trailing blocks that start with an indented numbered line → one Footnote per numbered line."""

    name = "footnote-list"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        match = FOOTNOTE_LINE.match(block.lines[0].text)
        if not match:
            return False
        # "  * text" is also how a bullet list is typed: it is a note only in a list of notes
        # (another key beside it), or written "*." as a key.
        if match.group("symbol") == "*" and not block.lines[0].text.lstrip().startswith("*."):
            keys = {key(m) for line in block.lines if (m := FOOTNOTE_LINE.match(line.text))}
            return len(keys) > 1
        return True

    def run(self, block: TextBlock, state: ParseState) -> None:
        read_notes(block, FOOTNOTE_LINE, state, self.name, "an indented numbered line in the list at the end")


class MarginFootnoteListRecognizer:
    """A trailing block of numbered lines at the margin, one of whose numbers is a reference in the
    text before the list → one Footnote per line."""

    name = "footnote-list-margin"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        numbers = _numbered_on(block)
        if not numbers or _before_indented_notes(state):
            return False
        # The list may be cut into blocks, a note a block: it opens at the first of the blocks
        # before this one that number on to it.
        start, listed = state.index, list(numbers)
        while start > 0 and (before := _numbered_on(state.body[start - 1])) and before[-1] + 1 == listed[0]:
            start, listed = start - 1, before + listed
        return (_opens_notes(state.body[start], state.body[start - 1] if start else None)
                or any(_referenced_before(str(n), state.body[:start]) for n in listed))

    def run(self, block: TextBlock, state: ParseState) -> None:
        read_notes(block, MARGIN_NOTE_LINE, state, self.name,
                   "a numbered line at the margin, in a list at the end whose numbers the text references")


def _before_indented_notes(state: ParseState) -> bool:
    """Whether the block after the one tested opens with an indented note line ("  1. Source: …")."""
    after = state.index + 1
    return after < len(state.body) and FOOTNOTE_LINE.match(state.body[after].lines[0].text) is not None


def key(match: re.Match[str]) -> str:
    """A note line's key: its number (superscript digits read as digits) or its symbol."""
    groups = match.groupdict()
    if groups.get("superscript"):
        return groups["superscript"].translate(SUPERSCRIPT)
    return groups.get("n") or groups.get("bracketed") or groups["symbol"]


def _numbered_on(block: TextBlock) -> list[int]:
    """The numbers of a block of margin note lines that follow one another, else nothing."""
    keys = [key(match) for line in block.lines if (match := MARGIN_NOTE_LINE.match(line.text))]
    numbers = [int(n) for n in keys]
    if len(keys) < len(block.lines) or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return []
    return numbers


def _opens_notes(first: TextBlock, before: TextBlock | None) -> bool:
    """Whether a list of margin lines opens as a list of notes does: with its source note, or right
    after an indented note keyed by a symbol (the unnumbered source note)."""
    opening = MARGIN_NOTE_LINE.match(first.lines[0].text)
    if opening and SOURCE_NOTE.match(opening.group("text")):
        return True
    if before is None:
        return False
    keyed = FOOTNOTE_LINE.match(before.lines[-1].text)
    return keyed is not None and keyed.group("symbol") is not None


def _referenced_before(n: str, blocks: list[TextBlock]) -> bool:
    """Whether note ``n`` is referenced in ``blocks``: its number glued to a word or to punctuation,
    in brackets, or in superscript."""
    superscript = n.translate(SUPERSCRIPT_DIGITS)
    reference = re.compile(rf"{GLUED}(?:{n}|\[{n}\]|{superscript})(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])")
    return any(reference.search(line.text) for block in blocks for line in block.lines)


def read_notes(block: TextBlock, line_pattern: Matcher, state: ParseState, rule: str, why: str) -> None:
    """One Footnote per numbered line of ``block``; a line without a number continues the note before."""
    notes = state.document.footnotes
    numbers: set[str] = state.memo.setdefault("footnote-numbers", set())
    for line in block.lines:
        match = line_pattern.match(line.text)
        if match:
            n = key(match)
            text = match.group("text")
            if n in numbers:
                state.reporter.warning(f"footnote {n} is numbered twice; each footnote needs its own number",
                                       line.number, "footnote-number")
            numbers.add(n)
            kind = "source" if SOURCE_NOTE.match(text) else None
            notes.append(Footnote(n, state.parse_inline([(line.number, text)]), line.number, kind))
            state.reporter.decide(rule, excerpt(line.text), f"footnote {n}", why, line.number)
        else:
            continuation: list[Inline] = [LineBreak(line.number),
                                          *state.parse_inline([(line.number, line.text.strip())])]
            notes[-1].content.extend(continuation)


def register(recognizers: Recognizers) -> None:
    recognizers.back.register(FootnoteListRecognizer(), "footnote-list", 50)
    recognizers.back.register(MarginFootnoteListRecognizer(), "footnote-list-margin", 45)
