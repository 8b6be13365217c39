"""Labelled header fields under the title, in any order and case → their places in the model.

A typescript memorandum opens with labelled lines; a label's value may go on over indented
lines, and participants may stand one to a line or inline, separated by semicolons:

    SUBJECT: Fishing Limits                         → Document.argument (label kept)
    PARTICIPANTS: The Secretary                     → one group of participants, one per line
                  Ambassador Able                     (or "Able; Baker; Carr" on one line)
    DATE AND TIME: March 3, 1975, 10:00 a.m.       → HeaderField("date", when="1975-03-03T10:00:00")
    TIME: 3:30 p.m. / PLACE: The Secretary's Office → HeaderField("time") / HeaderField("place")
    COPIES TO: S/S, EUR / DISTRIBUTION: …           → HeaderField("distribution")
    FROM: … / TO: … / THROUGH: … / INFO: …          → HeaderField("from"), ("to"), ("through"), ("info"):
                                                      the address (opener; correspDesc in the header)

A block is read here when its first line starts with one of these labels; the participants
are parsed by :mod:`tei.recognize.participants`.
"""

from __future__ import annotations

import re

from tei.lexicon import lazy_pattern
from tei.model import HeaderField, Inline, LineBreak
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import HEADER, PARTICIPANTS, ParseState, Recognizers, excerpt, is_bullet_block
from tei.recognize.front import MONTHS, parse_date, read_front_block
from tei.recognize.group_names import group_name
from tei.recognize.participants import LABEL_PENDING, add_groups, is_name_lines, read_participant_lines

# label (upper case) → where its value goes
FIELD_KINDS = {
    "SUBJECT": "subject", "SUBJECTS": "subject", "SUBJ": "subject", "RE": "subject", "TOPIC": "subject",
    "PARTICIPANTS": "participants", "PARTICIPANT": "participants", "PRESENT": "participants",
    "ATTENDEES": "participants", "ATTENDANCE": "participants", "PERSONS PRESENT": "participants",
    "DATE": "date", "DATE AND TIME": "date", "DATE & TIME": "date", "TIME AND DATE": "date",
    "DATE AND PLACE": "date", "DATE, TIME AND PLACE": "date",
    "TIME": "time", "PLACE": "place", "LOCATION": "place", "TIME AND PLACE": "place",
    "COPIES TO": "distribution", "COPY TO": "distribution", "CC": "distribution", "DISTRIBUTION": "distribution",
    "FROM": "from", "TO": "to", "MEMORANDUM FOR": "to", "INFO": "info", "THROUGH": "through", "THRU": "through",
}
# The address of a memorandum: who it is from, to, for information, through.
ADDRESS_KINDS = frozenset(["from", "to", "info", "through"])
FIELD_LINE = lazy_pattern(r"^(?P<label>[A-Za-z][A-Za-z ,&]{0,28}?)\s*:\s*(?P<value>.*)$")
WEEKDAY = lazy_pattern(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+")
DAY_MONTH_YEAR = lazy_pattern(r"^(?P<day>\d{1,2})\s+(?P<month>" + "|".join(MONTHS) + r")\s+(?P<year>\d{4})\b")


def field_label(text: str) -> tuple[str, str, str] | None:
    """(label as written, kind, value) of a header-field line, else None."""
    match = FIELD_LINE.match(text.strip())
    if not match:
        return None
    kind = FIELD_KINDS.get(" ".join(match.group("label").upper().split()))
    return (match.group("label"), kind, match.group("value")) if kind else None


def parse_when(text: str) -> str | None:
    """A date as typed in a header: "Monday, January 29, 1973", "15 May 1961", "March 3, 1975, 10:00 a.m."."""
    text = WEEKDAY.sub("", text.strip())
    when = parse_date(text.split(";")[0].strip())
    if when is None and (match := DAY_MONTH_YEAR.match(text)):  # "15 May 1961, 10:00 a.m."
        when = f"{match.group('year')}-{MONTHS.index(match.group('month')) + 1:02d}-{int(match.group('day')):02d}"
    return when


def split_fields(block: TextBlock) -> list[tuple[str, str, list[tuple[int, str]]]]:
    """(label, kind, lines) per field of the block: a label starts a field, other lines go on with it."""
    fields: list[tuple[str, str, list[tuple[int, str]]]] = []
    previous = 0  # where the text of the field's last line starts (0: a label alone)
    for line in block.lines:
        found = field_label(line.text)
        if found:
            fields.append((found[0], found[1], [(line.number, line.text.strip())]))
            previous = _value_column(line.text)
        elif fields[-1][1] not in ("date", "time") and parse_date(line.text):
            # A date alone on its line is the memorandum's date, not more of the subject above it.
            fields.append(("", "dateline", [(line.number, line.text.strip())]))
        elif fields[-1][1] == "participants" and _goes_on(fields[-1][2][-1][1], line.text, previous):
            entries = fields[-1][2]
            entries[-1] = (entries[-1][0], f"{entries[-1][1]} {line.text.strip()}")
        else:
            fields[-1][2].append((line.number, line.text.strip()))
            previous = _indent(line.text)
    return fields


# How much further than an entry its wrapped line stands: more than a column typed out of line.
WRAPPED_INDENT = 2


def _goes_on(entry: str, text: str, previous: int) -> bool:
    """Whether a participants line goes on with the entry above: indented further than the entry's
    text ("Brent Carr, Assistant to the President for National" / "  Security Affairs"), unless the
    entry names a side, whose persons stand indented under it."""
    return 0 < previous and _indent(text) >= previous + WRAPPED_INDENT and group_name(entry.partition(":")[2] or entry) is None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _value_column(text: str) -> int:
    """Where the value of a labelled line starts: "PARTICIPANTS:     Able" → 18; 0 with no value."""
    label, _colon, value = text.partition(":")
    return len(label) + 1 + _indent(value) if value.strip() else 0


def participant_lines(label: str, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The participants of a field: one per line, or several on a line separated by ";" or by the
    " | " of a table row."""
    first_number, first = lines[0]
    value = first.split(":", 1)[1]
    found: list[tuple[int, str]] = []
    for number, text in [(first_number, value), *lines[1:]]:
        found += [(number, part.strip()) for part in re.split(r"\s*[;|]\s*", text) if part.strip()]
    return found


class HeaderFieldsRecognizer:
    """A block under the title whose first line is a known ``LABEL:`` → subject, participants,
    date, time, place, copies, address lines, each in its place."""

    name = "header-fields"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return state.part in (HEADER, PARTICIPANTS) and field_label(block.lines[0].text) is not None

    def run(self, block: TextBlock, state: ParseState) -> None:
        state.memo[self.name] = True
        for label, kind, lines in split_fields(block):
            self.read_field(label, kind, lines, state)

    def read_field(self, label: str, kind: str, lines: list[tuple[int, str]], state: ParseState) -> None:
        document = state.document
        number = lines[0][0]
        state.reporter.decide(self.name, excerpt(lines[0][1]), kind, f"a header line labelled '{label}:'", number)
        if kind == "participants":
            self.read_participants(label, lines, state)
            return
        if kind == "dateline":
            read_front_block(lines, state)
            return
        content: list[Inline] = []
        for position, (line_number, text) in enumerate(lines):
            if position:
                content.append(LineBreak(line_number))
            content += state.parse_inline([(line_number, text)])
        if kind == "subject":
            if not document.argument:
                document.argument_line = number
            document.argument.append(content)
            return
        when = parse_when(lines[0][1].split(":", 1)[1]) if kind == "date" else None
        labelled = lines[0][1]
        document.fields.append(HeaderField(kind, labelled[: labelled.index(":") + 1], content, number, when))

    def read_participants(self, label: str, lines: list[tuple[int, str]], state: ParseState) -> None:
        """The label heads the list of participants ("PARTICIPANTS:" → ``list/head``), never a
        participant's text; the names stand on its lines, or in the block under it."""
        document = state.document
        groups = read_participant_lines(participant_lines(label, lines), len(document.groups) + 1,
                                        state.memo.setdefault("participants", {}), state.reporter)
        label_text = lines[0][1][: lines[0][1].index(":") + 1]
        following = state.neighbour(+1)
        names_follow = following is not None and field_label(following.lines[0].text) is None and \
            (is_name_lines(following) or is_bullet_block(following))
        if not groups and not names_follow:
            # Nothing under the label to head: it stays a line of the header, as written.
            state.reporter.warning(f"the label {label_text!r} has no participants on its line or under it; "
                                   "it is kept as a header line", lines[0][0], "participants-label")
            self.read_field(label, "subject", lines, state)
            return
        if document.participants_head or document.groups:
            if groups and groups[0][1]:  # a second label: kept as text
                groups[0][1][0].lead = label_text + " " + groups[0][1][0].lead
        else:
            document.participants_head = label_text
            state.reporter.decide(LABEL_RULE, repr(label_text), "the head of the list of participants",
                                  "a participants label: it names the list, it is no participant", lines[0][0])
        state.part = PARTICIPANTS
        state.memo[LABEL_PENDING] = not groups
        add_groups(state, groups, f"a line of the header field '{label}:'")


LABEL_RULE = "participants-label"


def register(recognizers: Recognizers) -> None:
    recognizers.front.register(HeaderFieldsRecognizer(), "header-fields", 75)
