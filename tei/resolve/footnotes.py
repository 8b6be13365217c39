"""footnotes pass: each footnote is attached where its number stands in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei.errors import Reporter
from tei.model import CONTAINERS, Document, Footnote, Inline, LineBreak, NoteRef, PageBreak
from tei.resolve.base import Pass
from tei.rules import Registry

# What may stand right before a reference number glued to the text: a letter, or closing
# punctuation ("Conversation1", "again.2", "talks,4", "boy.”3"). A digit, a dash or a
# space before it makes it part of a number or date ("August 10–15", "June 19").
REF_BEFORE = r"(?:[^\W\d_]|[.,;:!?”’\"')\]])"
REF_AFTER = r"(?![\w])"
REF_BEFORE_CHAR = re.compile(REF_BEFORE)
# Digits are rare in prose: find them first, then look at what surrounds them.
DIGITS = re.compile(r"\d+")
GLUED_AFTER_PUNCTUATION = re.compile(r"[a-z][.,;”’)]\Z")
GLUED_TO_WORD = re.compile(r"[a-z]{3}\Z")


RULE = "footnote-ref"
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def reference_pattern(n: str) -> re.Pattern[str]:
    """How footnote ``n`` is referenced: digits glued to a word ("again.2"), in brackets
    ("again.[2]"), or in superscript ("again.²")."""
    alternatives = [rf"(?P<glued>{re.escape(n)}){REF_AFTER}", rf"\[{re.escape(n)}\]"]
    if n.isdigit():
        alternatives.append(re.escape(n.translate(SUPERSCRIPT_DIGITS)) + "(?![⁰¹²³⁴⁵⁶⁷⁸⁹])")
    return re.compile("|".join(alternatives))


@dataclass
class _Slot:
    """One string of the document, addressed by its list and index, with its text."""

    content: list[Inline]
    index: int
    text: str
    line: int
    root: int  # which top-level inline list (paragraph, head, …) the string belongs to
    before: str = ""  # what stands before the list, when it is not text (a participant's name)


def _slots(document: Document) -> list[_Slot]:
    slots: list[_Slot] = []

    def walk(content: list[Inline], line: int, root: int) -> None:
        for index, item in enumerate(content):
            if isinstance(item, str):
                slots.append(_Slot(content, index, item, line, root))
            elif isinstance(item, (PageBreak, LineBreak)):
                line = item.line
            elif isinstance(item, CONTAINERS):
                walk(item.content, line, root)

    notes = {id(note.content) for note in document.footnotes}
    lists = [(line, content, "") for line, content in document.lined_text_lists() if id(content) not in notes]
    # The participant lines stand between the header and the body: "Ambassador Able2".
    persons = [(person.line or 0, person.tail_content, person.name[-1:])
               for person in document.participants if person.tail_content]
    if persons:
        at = next((index for index, (line, _, _) in enumerate(lists) if line > persons[-1][0]), len(lists))
        lists[at:at] = persons
    for root, (line, content, before) in enumerate(lists):
        first = len(slots)
        walk(content, line, root)
        if before and len(slots) > first:
            slots[first].before = before
    return slots


def attach_footnotes(document: Document, reporter: Reporter) -> None:
    """Place each footnote where its number is glued to the text, in footnote order.

    Before: ``["again.2 The"]`` and ``Footnote(n="2")`` → after: ``["again.", NoteRef(2), " The"]``.
    A number counts as a reference only if it is the next footnote's number and stands
    after the previous reference; so "June 19" or "9:30" are never taken.
    """
    slots = _slots(document)
    cursor_slot, cursor_offset = 0, 0
    placements: list[tuple[int, int, int, Footnote]] = []  # slot, start, end, note
    for note in document.footnotes:
        pattern = reference_pattern(note.n)
        found = None
        for slot_index in range(cursor_slot, len(slots)):
            slot = slots[slot_index]
            start = cursor_offset if slot_index == cursor_slot else 0
            for match in pattern.finditer(slot.text, start):
                if not match.group("glued"):
                    found = (slot_index, match.start(), match.end())
                    break
                before = slot.text[match.start() - 1] if match.start() > 0 else \
                    (slots[slot_index - 1].text[-1:] if slot_index > 0 and slots[slot_index - 1].root == slot.root
                     else slot.before)
                if before and REF_BEFORE_CHAR.fullmatch(before):
                    found = (slot_index, match.start(), match.end())
                    break
                if reporter.explaining:
                    _explain(reporter, note, slot, match.start(), match.end(), before)
            if found:
                break
        if reporter.explaining:
            _explain(reporter, note, slots[found[0]] if found else None, *(found[1:] if found else (0, 0)))
        if found is None:
            reporter.warning(f"footnote {note.n} is never referenced in the text (no '{note.n}' glued to a word "
                             f"after footnote {placements[-1][3].n if placements else 'the title'}); "
                             "it is kept at the end of the document", note.line, "footnote-unreferenced")
            continue
        note.referenced = True
        placements.append((found[0], found[1], found[2], note))
        cursor_slot, cursor_offset = found[0], found[2]

    by_slot: dict[int, list[tuple[int, int, Footnote]]] = {}
    for slot_index, start, end, note in placements:
        by_slot.setdefault(slot_index, []).append((start, end, note))
    # Rewrite from the last slot backwards so that earlier indexes stay valid.
    for slot_index in sorted(by_slot, reverse=True):
        slot = slots[slot_index]
        pieces: list[Inline] = []
        position = 0
        for start, end, note in by_slot[slot_index]:
            pieces += [slot.text[position:start], NoteRef(note, slot.line)]
            position = end
        pieces.append(slot.text[position:])
        slot.content[slot.index:slot.index + 1] = [piece for piece in pieces if piece != ""]
    _report_stray_references(document, reporter)


def _explain(reporter: Reporter, note: Footnote, slot: _Slot | None, start: int, end: int,
             rejected_after: str | None = None) -> None:
    """Record why digits are (or are not) the reference of ``note``; ``rejected_after`` is the
    character that stood before digits that were not taken."""
    if slot is None:
        reporter.decide(RULE, f"footnote {note.n}", "not referenced",
                        f"no '{note.n}' after the previous reference that is glued to a word, in brackets or "
                        "in superscript", note.line)
        return
    lead = slot.text[max(0, start - 25):start]
    if start > 25 and " " in lead:
        lead = lead[lead.index(" ") + 1:]  # whole words only
    context = repr((lead + slot.text[start:end]).strip())
    if rejected_after is not None:
        what = repr(rejected_after) if rejected_after else "nothing"
        reporter.decide(RULE, context, f"not a reference to footnote {note.n}",
                        f"{what} stands before the digits: a reference follows a letter or closing punctuation",
                        slot.line)
    else:
        form = "in brackets" if slot.text[start] == "[" else "in superscript" if slot.text[start] not in "0123456789" \
            else "glued to the word before it"
        reporter.decide(RULE, context, f"reference to footnote {note.n}",
                        f"its number {form}, the first after the previous reference", slot.line)


def _report_stray_references(document: Document, reporter: Reporter) -> None:
    """Digits glued to a word that no footnote claims: probably a reference without a footnote."""
    defined = {note.n for note in document.footnotes}
    for slot in _slots(document):
        for match in DIGITS.finditer(slot.text):
            number, after = match.group(), slot.text[match.end():match.end() + 1]
            window = slot.text[max(0, match.start() - 3):match.start()]
            if len(number) > 2 or not (
                    (GLUED_AFTER_PUNCTUATION.search(window) and (after == "" or after.isspace()))
                    or (GLUED_TO_WORD.search(window) and (after == "" or after.isspace() or after in ".,;:"))):
                continue
            context = slot.text[max(0, match.start() - 20):match.end()]
            if number in defined:
                qualifier = "out of order or repeated"
            else:
                qualifier = "but there is no such footnote"
            reporter.warning(f"'{context.strip()}' looks like a reference to footnote {number}, {qualifier}; "
                             "the digits are kept as text", slot.line, "footnote-undefined")


def register(passes: Registry[Pass]) -> None:
    passes.register(attach_footnotes, "footnotes", 100)
