"""Participants: bullet blocks after the front matter → :class:`~tei.model.Person` per line.

Each block of bullets is one group (in a memorandum of conversation, one side of the
table). A line may hold several persons ("Able; Baker", "Mr. Able, Mr. Baker, and Dr. Carr");
each entry is parsed by :func:`tei.recognize.participant_entry.parse_participant`.
"""

from __future__ import annotations

from tei.errors import Reporter
from tei.lexicon import lazy_pattern, words
from tei.lexicon.names import HONORIFICS, PARTICLES, is_name_word, is_title_word
from tei.model import Person
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
from tei.recognize.group_names import group_name
from tei.recognize.participant_entry import (
    ARTICLES,
    DESCRIPTOR_SEPARATOR,
    GLUED_NUMBER,
    NAME_CONNECTORS,
    TRAILING_GROUP,
    parse_participant,
)
from tei.recognize.run_on_names import RULE as RUN_ON_RULE
from tei.recognize.run_on_names import split_run_on

# Between two persons of one line: "Ambassador Able; Mr. Baker", "Ambassador Able and Mr. Baker".
PERSON_SEPARATOR = lazy_pattern(r";\s+|\s+and\s+(?=\S+\s+\S)")

SERIES_RULE = "participants-series"
# Between the names of a series: "Able, Baker, and Carr", "Able, Baker and Carr".
SERIES_SEPARATOR = lazy_pattern(r",\s+(?:and\s+)?|\s+and\s+")
# The last words of offices' names: "NSC Staff", "Policy Planning Council" describe a person.
OFFICE_WORDS = words("office-words")


def _name_shape(item: str) -> str | None:
    """ "titled" ("Ambassador Able", "The Secretary"), "named" ("John Q. Baker"), "bare" ("Able"),
    or None: not a person's name alone ("Minister of Trade", "Deputy Director", "EUR/NOR")."""
    tokens = GLUED_NUMBER.sub("", item.strip()).split()
    article = tokens[:1] if tokens and tokens[0] in ARTICLES else []
    tokens = tokens[len(article):]
    titles = 0
    while titles < len(tokens) and is_title_word(tokens[titles]):
        titles += 1
    names = tokens[titles:]
    if not all(token[:1].isupper() and not is_title_word(token) or token in PARTICLES for token in names):
        return None
    if titles:
        return "titled" if names or article else None
    if article or not names or len(names) > 4:
        return None
    return "named" if len(names) > 1 else "bare" if is_name_word(names[0]) else None


def person_series(text: str) -> list[tuple[str, str]] | None:
    """A line that lists persons as an English series, each with the separator after it:
    "Ambassador Able, Mr. Baker, and Dr. Carr" → three persons, as "Mr. Able, Dr. Carr". Only where every item is a
    person's name by itself (bare surnames only beside other bare surnames): a comma also
    sets off what describes one person ("Mr. Able, Deputy Director, Policy and Planning")."""
    separators = list(SERIES_SEPARATOR.finditer(text)) if "," in text and ";" not in text else []
    if not separators or "," not in separators[0].group():
        return None
    items, position = [], 0
    for match in separators:
        items.append((text[position:match.start()], match.group()))
        position = match.end()
    items.append((text[position:], ""))
    found = [_series_shape(item) for item, _ in items]
    shapes = set(found)
    if None in shapes or ("bare" in shapes and len(shapes) > 1):
        return None
    # An office alone ("Attorney General") is a person among at least three titled names that
    # outnumber such offices: with fewer, it may describe the name before it.
    if "role" in shapes and not found.count("titled") >= max(3, 2 * found.count("role")):
        return None
    # Without "and" before the last, only titled names are a series ("Mr. Able, Mr. Baker, General
    # Carr", a list that goes on to the next line): "Able, Baker" may be a name and its office.
    return items if "and" in separators[-1].group() or shapes - {"role"} == {"titled"} else None


# "Mr. Able vice Mr. Baker": Able attends in Baker's place; the one named after "vice" is absent.
STANDING_IN = lazy_pattern(r"\s+vice\s+\S.*$")


def _series_shape(item: str) -> str | None:
    """:func:`_name_shape` of a series' item without what follows it in parentheses ("Mr. Able
    (CIA)", "Vice President (late)") or after "vice" ("General Able vice General Baker", who stands
    in for Baker); "role" for an office alone ("Attorney General"); None for the name of an office,
    which ends in an office's word ("NSC Staff", "Planning Council")."""
    while (match := TRAILING_GROUP.search(item)) and match.start() > 0:
        item = item[:match.start()]
    item = STANDING_IN.sub("", item)
    tokens = item.split()
    if len(tokens) > 1 and tokens[-1] in OFFICE_WORDS and tokens[0] not in HONORIFICS:
        return None  # an office ("NSC Staff", "the Embassy Staff"), not "Mr. House"
    shape = _name_shape(item)
    if shape is None and tokens and tokens[0] not in ARTICLES and all(is_title_word(token) for token in tokens):
        return "role"
    return shape


def split_persons(text: str, reporter: Reporter | None = None, line: int | None = None) -> list[tuple[str, str]]:
    """The persons of one line, each with the separator after it.

    "Ambassador Able; Mr. Baker" → ``[("Ambassador Able", "; "), ("Mr. Baker", "")]``;
    "Ambassador Able, Mr. Baker, and Dr. Carr" → three (:func:`person_series`);
    "Mr. and Mrs. Able" and "Able, Minister of Trade and Industry" stay one.
    """
    series = person_series(text)
    if series:
        if reporter is not None:
            reporter.decide(SERIES_RULE, excerpt(text), f"{len(series)} persons",
                            "a series of names, each a person's name by itself, joined by commas and 'and'", line)
        return series
    parts: list[tuple[str, str]] = []
    position = 0
    for match in PERSON_SEPARATOR.finditer(text):
        left = text[position:match.start()]
        if any(not is_title_word(token) for token in left.split()) and "," not in left:
            parts.append((left, match.group()))
            position = match.end()
    parts.append((text[position:], ""))
    return [piece for part, separator in parts for piece in _run_on(part, separator, reporter, line)]


def _run_on(text: str, separator: str, reporter: Reporter | None, line: int | None) -> list[tuple[str, str]]:
    pieces = split_run_on(text)
    if len(pieces) > 1 and reporter is not None:
        reporter.decide(RUN_ON_RULE, excerpt(text), f"{len(pieces)} persons",
                        "names run together: a title or a full name follows the end of a name", line)
    pieces[-1] = (pieces[-1][0], pieces[-1][1] + separator)
    return pieces


def read_participants(block: TextBlock, group: int, used: dict[str, int],
                      reporter: Reporter | None = None) -> list[tuple[str, list[Person]]]:
    """One block of bullets → its groups, each with the side's name ("" where the text gives none)."""
    return read_participant_lines([(line.number, bullet_text(line.text)) for line in block.lines], group, used,
                                  reporter)


def read_participant_lines(lines: list[tuple[int, str]], group: int, used: dict[str, int],
                           reporter: Reporter | None = None) -> list[tuple[str, list[Person]]]:
    """(line number, participants as written) → groups of persons, each with its side's name.

    A line that names a side ("U.S. Side", "United States") opens a group; a line may list
    several persons. Ids are made unique across groups through ``used`` ("able-2"). Other
    recognizers that find participants (a ``PARTICIPANTS:`` header field) hand their lines here.
    """
    groups: list[tuple[str, list[Person]]] = []
    for index, (number, text) in enumerate(lines):
        side = group_name(text)
        # A group's line heads the persons under it; with none under it, it is read as a person.
        if side is not None and index + 1 < len(lines) and group_name(lines[index + 1][1]) is None:
            groups.append((side, []))
            continue
        if groups and groups[-1][1] and not_a_name(text):
            _describe_last(groups[-1][1][-1], text, reporter, number)
            continue
        if not groups:
            groups.append(("", []))
        for part, separator in split_persons(text, reporter, number):
            person = parse_participant(part, number, group + len(groups) - 1, reporter)
            person.tail += separator
            if person.tail_content and separator:
                person.tail_content.append(separator)  # the text after the name is written from it
            _unique_id(person, used)
            groups[-1][1].append(person)
    return groups


NOT_A_NAME_RULE = "participants-not-a-name"


def not_a_name(text: str) -> bool:
    """"Telephone conversation, 6:40 p.m.": an entry whose second word is a lower-case word
    (other than a particle or a title's "of the") names no person ("Mr. Able and his wife" does)."""
    words = DESCRIPTOR_SEPARATOR.split(text.strip(), maxsplit=1)[0].split()
    return len(words) > 1 and words[1].isalpha() and words[1].islower() and words[1] not in NAME_CONNECTORS


def _describe_last(person: Person, text: str, reporter: Reporter | None, line: int) -> None:
    """The entry stays in the list, as text after the person before it."""
    person.tail += " " + text
    person.tail_content = [person.tail]
    if reporter is not None:
        reporter.decide(NOT_A_NAME_RULE, excerpt(text), "no participant, text after the one before",
                        "a lower-case word where a name stands", line)


def _unique_id(person: Person, used: dict[str, int]) -> None:
    base = person.id
    # "Mr. Able", "Dr. Able", "Mr. Able-2": the number given to the second may be the third's own id.
    while person.id in used:
        used[base] = used.get(base, 1) + 1
        person.id = f"{base}-{used[base]}"
    used[person.id] = 1


def add_groups(state: ParseState, groups: list[tuple[str, list[Person]]], because: str) -> None:
    """Append the groups (and their sides' names) to the document; the decisions are recorded."""
    document = state.document
    state.part = PARTICIPANTS
    if groups:
        state.memo[LABEL_PENDING] = False  # the label above has its names
    for side, group in groups:
        document.sides += [""] * (len(document.groups) - len(document.sides))
        document.groups.append(group)
        document.sides.append(side)
        if state.reporter.explaining:
            for person in group:
                state.reporter.decide("participants", excerpt(person.name),
                                      f"participant #{person.id}, group {person.group}",
                                      because + (f" under {side!r}" if side else ""), person.line)


PARTICIPANT_MAX_WORDS = 20


class ParticipantsRecognizer:
    """Blocks of bullet lines after the header → one group of participants per block (or per side)."""

    name = "participants"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return state.part in (HEADER, PARTICIPANTS) and is_bullet_block(block) and names_persons(block)

    def run(self, block: TextBlock, state: ParseState) -> None:
        groups = read_participants(block, len(state.document.groups) + 1, state.memo.setdefault(self.name, {}),
                                   state.reporter)
        add_groups(state, groups, "a bullet line after the header")


# Prose, not a list of names: a word of three lower-case letters ends a sentence ("Mr.", "U.S.S.R." do not).
SENTENCE = lazy_pattern(r"[a-z]{3}[.?!](?:\s|$)")


class SideBlockRecognizer:
    """A block of plain lines under the header that opens with a side's name: one person a line.

        U.S.S.R.                  → group "U.S.S.R.": Deputy Minister Carr, Mr. Dorn
        Deputy Minister Carr
        Mr. Dorn, interpreter
    """

    name = "participants-side"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return (state.part in (HEADER, PARTICIPANTS) and len(block.lines) > 1
                and group_name(block.lines[0].text) is not None and is_name_lines(block))

    def run(self, block: TextBlock, state: ParseState) -> None:
        groups = read_participant_lines(read_name_lines(block), len(state.document.groups) + 1,
                                        state.memo.setdefault("participants", {}), state.reporter)
        add_groups(state, groups, "a line under a side's name")


def names_persons(block: TextBlock) -> bool:
    # A bullet that is a long sentence is an item of a list in the text, not a person.
    return not any(len(text.split()) > PARTICIPANT_MAX_WORDS and text.rstrip().endswith((".", ";", ":"))
                   for text in block.texts)


NAME_LINES_MAX = 40
LABEL_PENDING = "participants-label"  # memo key: a participants label was read with no names on its lines


def is_name_lines(block: TextBlock) -> bool:
    """Plain lines, each short and none a sentence: a list of names typed one to a line."""
    return len(block.lines) <= NAME_LINES_MAX and not is_bullet_block(block) and \
        all(len(text) <= 100 and not SENTENCE.search(text.strip()) for text in block.texts)


def read_name_lines(block: TextBlock) -> list[tuple[int, str]]:
    """One entry a line; an indented line, or one in lower case, goes on with the line before."""
    lines: list[tuple[int, str]] = []
    margin = len(block.lines[0].text) - len(block.lines[0].text.lstrip())
    for line in block.lines:
        text = line.text.strip()
        if lines and (len(line.text) - len(line.text.lstrip()) > margin or text[:1].islower()):
            lines[-1] = (lines[-1][0], f"{lines[-1][1]} {text}")
        else:
            lines.append((line.number, text))
    return lines


class LabelledNamesRecognizer:
    """The plain lines under a participants label that stands alone: one person a line.

        PARTICIPANTS:             → list head "PARTICIPANTS:"
                                  
        The Secretary             → group 1: The Secretary, Ambassador Able
        Ambassador Able
    """

    name = "participants-under-label"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return state.part == PARTICIPANTS and bool(state.memo.get(LABEL_PENDING)) and is_name_lines(block)

    def run(self, block: TextBlock, state: ParseState) -> None:
        state.memo[LABEL_PENDING] = False
        groups = read_participant_lines(read_name_lines(block), len(state.document.groups) + 1,
                                        state.memo.setdefault("participants", {}), state.reporter)
        add_groups(state, groups, f"a line under the label {state.document.participants_head!r}")


def register(recognizers: Recognizers) -> None:
    recognizers.front.register(SideBlockRecognizer(), "participants-side", 65)
    recognizers.front.register(LabelledNamesRecognizer(), "participants-under-label", 62)
    recognizers.front.register(ParticipantsRecognizer(), "participants", 60)
