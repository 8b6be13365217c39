"""footnotes pass: each footnote is attached where its number stands in the text."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from tei.errors import Reporter
from tei.lexicon import lazy_pattern
from tei.model import CONTAINERS, Document, Footnote, Inline, LineBreak, NoteRef, PageBreak
from tei.recognize.footnotes import SUPERSCRIPT_DIGITS
from tei.resolve.base import Pass
from tei.rules import Registry

# What may stand right before a reference number glued to the text: a letter, or closing
# punctuation ("Conversation1", "again.2", "talks,4", "boy.”3"). A digit, a dash or a
# space before it makes it part of a number or date ("August 10–15", "June 19").
REF_BEFORE = r"(?:[^\W\d_]|[.,;:!?”’\"')\]])"
REF_BEFORE_CHAR = lazy_pattern(REF_BEFORE)
# Digits are rare in prose: find them first, then look at what surrounds them. Written
# \d\d* rather than \d+ (the same matches): a pattern that opens with a digit class lets re
# skip from digit to digit, where one that opens with a repeat is tried at every position.
DIGITS = lazy_pattern(r"\d\d*")
GLUED_AFTER_PUNCTUATION = lazy_pattern(r"[a-z][.,;”’)]\Z")
GLUED_TO_WORD = lazy_pattern(r"[a-z]{3}\Z")


RULE = "footnote-ref"


def reference_pattern(n: str) -> re.Pattern[str]:
    """Where footnote ``n`` may be referenced: its digits (or symbol) not followed by another digit
    ("again.2", "May 252", "Able 2"), in brackets ("again.[2]"), or in superscript ("again.²").
    Whether digits found there are a reference is for :data:`REFERENCE_RULES` to say."""
    alternatives = [rf"(?P<glued>{re.escape(n)})(?!\d)", rf"\[{re.escape(n)}\]"]
    if n.isdigit():
        alternatives.append(re.escape(n.translate(SUPERSCRIPT_DIGITS)) + "(?![⁰¹²³⁴⁵⁶⁷⁸⁹])")
    return re.compile("|".join(alternatives))


class Candidate:
    """The next footnote's number found in the text: what stands before and after it."""

    __slots__ = ("after", "after_reference", "before", "number")

    def __init__(self, number: str, before: str, after: str, after_reference: bool) -> None:
        self.number: Final = number  # the footnote's number
        self.before: Final = before  # the text of the same paragraph before the number (its last 40 characters)
        self.after: Final = after  # the text after it (its first 20 characters)
        self.after_reference: Final = after_reference  # the number follows the previous reference, with one space between


MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DAY_GLUED = lazy_pattern(MONTH + r"\s+(?P<day>\d{1,2})\Z")
YEAR_GLUED = lazy_pattern(r"(?:" + MONTH + r"(?:\s+\d{1,2})?,?\s+|\b(?:in|of|for|since|until|by|from|to|early|late)\s+)"
                        r"(?P<year>1[6-9]\d\d|20\d\d)\Z")
# A name may have a capital inside it ("McNamara", "MacArthur", "DeGaulle") as well as at its start.
NAME_BEFORE = lazy_pattern(r"\b(?P<word>[A-Z][a-z’'-]+(?:[A-Z][a-z’'-]+)?\.?) \Z")
# Words after which a spaced number is the thing's own number, never a footnote reference.
COUNTERS = frozenset(["Document", "Documents", "Paragraph", "Paragraphs", "Section", "Sections", "Article", "Articles", "Annex", "Tab", "Tabs", "No", "Vol", "Volume", "Part", "Page", "Pages", "Chapter", "Item", "Items", "Point", "Points", "Phase", "Room", "Box", "Title", "Resolution", "Table", "Telegram", "Telegrams", "Despatch", "Airgram", "Embtel", "Deptel", "Circular", "Note", "Notes", "Plan", "Option", "Alternative", "Group", "Division", "Corps", "Army", "Fleet", "Route", "Highway", "Line", "Level", "Stage", "Step", "Round", "Grade", "Class", "Category", "Type", "Model", "Mark", "Number", "Unit", "Zone", "Sector", "Area", "Region", "District", "Ward", "Precinct", "Block", "Lot", "File", "Files", "Folder", "Series", "Report", "Memorandum", "Memorandums", "Annexes", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"])


def glued_to_word(candidate: Candidate) -> str | None:
    """ "Conversation1", "again.2", "papers.3Baker" (a sentence glued on after the full stop)."""
    before, after = candidate.before[-1:], candidate.after[:1]
    if not before or not REF_BEFORE_CHAR.fullmatch(before):
        return None
    if after.isalpha() and (after.islower() or before.isalpha()):
        return None  # "2nd", "A1B": the digits are part of a word
    return "glued to the word or the punctuation before it"


def glued_to_date(candidate: Candidate) -> str | None:
    """ "May 252" (day 25, note 2), "July 29, 19553" (year 1955, note 3), "the plan for 19602" (the
    year 1960 after a preposition, note 2)."""
    day = DAY_GLUED.search(candidate.before)
    # Only where day and number together cannot be a day: "July 25" is the 25th, "May 251" is not.
    if day and 1 <= int(day.group("day")) <= 31 < int(day.group("day") + candidate.number):
        return "glued to the day of a date"
    if YEAR_GLUED.search(candidate.before):
        return "glued to the year of a date"
    return None


def spaced_after_reference(candidate: Candidate) -> str | None:
    """ "p.m.1 2": the second of two references, a space between them."""
    return "a space after the previous reference" if candidate.after_reference and candidate.before.endswith(" ") \
        else None


def spaced_after_name(candidate: Candidate) -> str | None:
    """ "Able 2 and": set off by a space after a name, and not that thing's own number."""
    name = NAME_BEFORE.search(candidate.before)
    if not name or name.group("word").rstrip(".") in COUNTERS:
        return None
    if candidate.after and not re.match(r"[\s,.;:)”’]", candidate.after):
        return None
    following = candidate.after.lstrip(",.;:)”’ ")
    if following[:1].isdigit() or following[:1].isupper() and not candidate.after[:1] in ".;":
        return None  # "Able 2 Street", "Room 4 B": part of a name or an address
    return "set off by a space after a name"


# An ellipsis, then one space: where a text the editors print breaks off ("India … 3 The"); the
# ellipsis may be spaced full stops, three or four ("internal. . . . 3 He").
ELLIPSIS_BEFORE = lazy_pattern(r"(?:…|\.\.\.|\.(?: \.){2,}) \Z")
SENTENCE_AFTER = lazy_pattern(r"(?:\s+[A-Z“\[(]|\s*\Z)")


def spaced_after_ellipsis(candidate: Candidate) -> str | None:
    """ "to Egypt, Norway, India … 3 The Secretary": a note on an ellipsis (most often "Ellipsis in
    the source text") stands after it, set off by a space; a new sentence or the paragraph's end
    follows, where a number that goes on with the text ("… 3 more days") has lower case after it."""
    if ELLIPSIS_BEFORE.search(candidate.before) and SENTENCE_AFTER.match(candidate.after):
        return "set off by a space after an ellipsis, a new sentence after it"
    return None


REFERENCE_RULES: tuple[tuple[str, Callable[[Candidate], str | None]], ...] = (
    ("footnote-ref-glued", glued_to_word),
    ("footnote-ref-date", glued_to_date),
    ("footnote-ref-after-reference", spaced_after_reference),
    ("footnote-ref-after-name", spaced_after_name),
    ("footnote-ref-after-ellipsis", spaced_after_ellipsis),
)


def judge(candidate: Candidate) -> tuple[str, str] | None:
    """(rule, reason) of the first rule that takes the number as a reference, else None."""
    for name, rule in REFERENCE_RULES:
        reason = rule(candidate)
        if reason:
            return name, reason
    return None


class _Slot:
    """One string of the document, addressed by its list and index, with its text."""

    __slots__ = ("before", "content", "index", "line", "root", "text")

    def __init__(self, content: list[Inline], index: int, text: str, line: int, root: int, before: str = "") -> None:
        self.content = content
        self.index = index
        self.text = text
        self.line = line
        self.root = root  # which top-level inline list (paragraph, head, …) the string belongs to
        # What stands before the string when it is not text: a participant's name before the list,
        # a newline where a line break comes before the string.
        self.before = before


def _slots(document: Document) -> list[_Slot]:
    slots: list[_Slot] = []
    notes = {id(note.content) for note in document.footnotes}
    lists = [(line, content, "") for line, content in document.lined_text_lists() if id(content) not in notes]
    # The participant lines stand between the header and the body: "Ambassador Able2".
    persons = [(person.line or 0, person.tail_content, person.name)
               for person in document.participants if person.tail_content]
    if persons:
        at = next((index for index, (line, _, _) in enumerate(lists) if line > persons[-1][0]), len(lists))
        lists[at:at] = persons
    for root, (line, content, before) in enumerate(lists):
        first = len(slots)
        _add_slots(slots, content, line, root)
        if before and len(slots) > first:
            slots[first].before = before
    return slots


def _add_slots(slots: list[_Slot], content: list[Inline], line: int, root: int) -> None:
    # A function of the module, not a closure: a closure that calls itself is a reference
    # cycle, which would keep every slot until the next full garbage collection.
    broken = False
    for index, item in enumerate(content):
        if isinstance(item, str):
            slots.append(_Slot(content, index, item, line, root, "\n" if broken else ""))
            broken = False
        elif isinstance(item, (PageBreak, LineBreak)):
            line = item.line
            broken = isinstance(item, LineBreak)
        elif isinstance(item, CONTAINERS):
            _add_slots(slots, item.content, line, root)


def attach_footnotes(document: Document, reporter: Reporter) -> None:
    """Place each footnote where its number is glued to the text, in footnote order.

    Before: ``["again.2 The"]`` and ``Footnote(n="2")`` → after: ``["again.", NoteRef(2), " The"]``.
    A number counts as a reference only if it is the next footnote's number and stands
    after the previous reference; so "June 19" or "9:30" are never taken.
    """
    slots = _slots(document)
    cursor_slot, cursor_offset = 0, 0
    placements: list[tuple[int, int, int, Footnote]] = []  # slot, start, end, note
    missing: list[Footnote] = []
    for note in document.footnotes:
        found, found_reason = _find_reference(note, slots, cursor_slot, cursor_offset, placements, reporter)
        if found is None and note is document.footnotes[0] and note.n == "*":
            _explain(reporter, note, None, 0, 0)
            continue  # an unnumbered source note: see _unnumbered_source_note
        if found is None:
            missing.append(note)  # decided below, once every other footnote has its place
            continue
        if reporter.explaining:
            _explain(reporter, note, slots[found[0]], found[1], found[2], reason=found_reason)
        note.referenced = True
        placements.append((found[0], found[1], found[2], note))
        cursor_slot, cursor_offset = found[0], found[2]
    for note in missing:
        _place_glued_to_number(note, document.footnotes, slots, placements, reporter)

    by_slot: dict[int, list[tuple[int, int, Footnote]]] = {}
    for slot_index, start, end, note in sorted(placements, key=lambda placement: placement[:2]):
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
    _unnumbered_source_note(document, reporter)
    _report_stray_references(document, reporter)


GLUED_NUMBER_RULE = "footnote-ref-glued-number"


def _place_glued_to_number(note: Footnote, notes: list[Footnote], slots: list[_Slot],
                           placements: list[tuple[int, int, int, Footnote]], reporter: Reporter) -> None:
    """A footnote whose number is glued to the end of another number: "telegram 2012" is telegram 201
    and footnote 2, "$5,000,0003" is $5,000,000 and footnote 3.

    The text cannot tell such digits apart, so the notes list decides: the footnote exists, and its
    reference must stand between the references of the footnotes before and after it. Where exactly
    one number there ends in its digits, that is the reference; otherwise the digits stay text and
    the footnote is reported as unreferenced. Digits that open a paragraph or heading are its own
    number, never a reference (a reference follows the text it belongs to)."""
    order = {id(other): index for index, other in enumerate(notes)}
    rank = order[id(note)]
    before = [placement for placement in placements if order[id(placement[3])] < rank]
    after = [placement for placement in placements if order[id(placement[3])] > rank]
    start = (before[-1][0], before[-1][2]) if before else (0, 0)
    end = (after[0][0], after[0][1]) if after else (len(slots), 0)
    previous = f"footnote {before[-1][3].n}" if before else "the title"
    following = f"footnote {after[0][3].n}" if after else "the end of the text"
    candidates = _numbers_ending_in(note.n, slots, start, end) if note.n.isdigit() else []
    if len(candidates) != 1:
        reporter.warning(f"footnote {note.n} is never referenced in the text (no '{note.n}' glued to a word "
                         f"after {previous}); it is kept at the end of the document", note.line,
                         "footnote-unreferenced")
        if candidates:
            reporter.decide(GLUED_NUMBER_RULE, f"footnote {note.n}", "not referenced",
                            f"{len(candidates)} numbers between {previous} and {following} end in "
                            f"'{note.n}': none is taken", note.line)
        _explain(reporter, note, None, 0, 0)
        return
    index, match = candidates[0]
    slot, cut = slots[index], match.end() - len(note.n)
    note.referenced = True
    placements.append((index, cut, match.end(), note))
    placements.sort(key=lambda placement: order[id(placement[3])])
    lead = slot.text[:cut].split()
    reporter.decide(GLUED_NUMBER_RULE, repr(" ".join(lead[-3:]) + note.n), f"reference to footnote {note.n}",
                    f"'{lead[-1]}' and footnote {note.n}: the notes list has footnote {note.n}, and this is the "
                    f"only number between {previous} and {following} that ends in '{note.n}'", slot.line)


def _numbers_ending_in(n: str, slots: list[_Slot], start: tuple[int, int],
                       end: tuple[int, int]) -> list[tuple[int, re.Match[str]]]:
    """The digits between ``start`` and ``end`` (slot, offset) that end in ``n`` after at least one
    more digit and are followed by no letter or digit, leaving out a number that opens a paragraph."""
    found = []
    for index in range(start[0], min(end[0] + 1, len(slots))):
        text = slots[index].text
        for match in DIGITS.finditer(text):
            digits, after = match.group(), text[match.end():match.end() + 1]
            if not (len(digits) > len(n) and digits.endswith(n) and not after.isalnum()) or \
                    (index, match.start()) < start or (index, match.end()) > end:
                continue
            opens = not text[:match.start()].strip() and (index == 0 or slots[index - 1].root != slots[index].root)
            if not opens:
                found.append((index, match))
    return found


def _find_reference(note: Footnote, slots: list[_Slot], cursor_slot: int, cursor_offset: int,
                    placements: list[tuple[int, int, int, Footnote]],
                    reporter: Reporter) -> tuple[tuple[int, int, int] | None, str]:
    """Where footnote ``note``'s number stands, from the cursor on: (slot, start, end) and the reason."""
    pattern = reference_pattern(note.n)
    for slot_index in range(cursor_slot, len(slots)):
        slot = slots[slot_index]
        start = cursor_offset if slot_index == cursor_slot else 0
        for match in pattern.finditer(slot.text, start):
            if not match.group("glued"):
                return (slot_index, match.start(), match.end()), ""
            # A number that opens a line is not glued to the end of the line above.
            previous = slots[slot_index - 1].text + slot.before if slot_index > 0 and \
                slots[slot_index - 1].root == slot.root else slot.before
            before = (previous + slot.text[:match.start()])[-40:]
            after_reference = bool(placements) and placements[-1][0] == slot_index and \
                placements[-1][2] == match.start() - 1 or (match.start() == 1 and bool(placements) and
                                                          placements[-1][0] == slot_index - 1)
            verdict = judge(Candidate(note.n, before, slot.text[match.end():match.end() + 20], after_reference))
            if verdict:
                return (slot_index, match.start(), match.end()), f"{verdict[1]} ({verdict[0]})"
            if reporter.explaining:
                _explain(reporter, note, slot, match.start(), match.end(), before[-1:])
    return None, ""


def _explain(reporter: Reporter, note: Footnote, slot: _Slot | None, start: int, end: int,
             rejected_after: str | None = None, reason: str = "") -> None:
    """Record why digits are (or are not) the reference of ``note``; ``rejected_after`` is the
    character that stood before digits that were not taken, ``reason`` why the digits taken are."""
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
                        f"{what} stands before the digits: a reference follows a letter or closing punctuation, "
                        "a day or a year it cannot belong to, or stands after a name or another reference",
                        slot.line)
    else:
        form = "in brackets" if slot.text[start] == "[" else "in superscript" if slot.text[start] not in "0123456789" \
            else "glued to the word before it"
        reporter.decide(RULE, context, f"reference to footnote {note.n}",
                        f"its number {form}, the first after the previous reference"
                        + (f": {reason}" if reason else ""), slot.line)


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


def _unnumbered_source_note(document: Document, reporter: Reporter) -> None:
    """A first note keyed "*" that nothing references is the document's unnumbered source note
    (older volumes print it above the title; a plain-text copy lists it as "*."): it keeps no key."""
    first = document.footnotes[0] if document.footnotes else None
    if first is not None and first.n == "*" and not first.referenced:
        reporter.decide("footnote-source-unnumbered", "'*.'", "the source note, without a number",
                        "the first note of the list, keyed '*', referenced nowhere", first.line)
        first.n, first.kind = "", first.kind or "source"
