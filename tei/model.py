"""model: the document tree between recognizing and encoding.

Recognizers build it from blocks, resolve passes rewrite it in place, and the encoder
turns it into TEI. Nothing here knows XML. Inline content is a list of :data:`Inline`
items: plain strings and the inline nodes below, nested where the text nests
(a quotation holds a page break, reported speech holds a quotation).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import ClassVar

from tei.lexicon.names import office_forms

# ---------------------------------------------------------------- nodes


class Node:
    """What every node of the model has: fields, the names it annotates in the order of its
    ``__init__`` (and holds in ``__slots__``), and equality and ``repr`` field by field, as a
    dataclass would have them.

    The nodes are written out rather than made by ``dataclasses``, which compiles each class's
    methods from source when the module is imported: in every process, about a third of what
    ``tei convert`` of a short text spent importing the converter (bench/RESULTS.md).
    """

    __slots__: ClassVar[tuple[str, ...]] = ()
    # Compared by value and changed in place: unhashable, as a dataclass of this kind is.
    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(cls.__annotations__)

    def field_values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.field_names())

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__ or not isinstance(other, Node):
            return NotImplemented
        return self.field_values() == other.field_values()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self.field_names(), self.field_values()))
        return f"{type(self).__qualname__}({fields})"


# ---------------------------------------------------------------- inline nodes

class PageBreak(Node):
    """``[Page N]``: inside a paragraph, or alone between blocks."""

    __slots__ = ("line", "n")

    n: str
    line: int

    def __init__(self, n: str, line: int) -> None:
        self.n = n
        self.line = line


class LineBreak(Node):
    """A line break inside a block that is not a paragraph break; ``in_word`` where the line
    breaks inside a word ("nego-" / "tiations")."""

    __slots__ = ("in_word", "line")

    line: int
    in_word: bool

    def __init__(self, line: int, in_word: bool = False) -> None:
        self.line = line
        self.in_word = in_word


class Footnote(Node):
    """One numbered line of the footnote list: ``  N. text``."""

    __slots__ = ("content", "kind", "line", "n", "referenced")

    n: str
    content: list[Inline]
    line: int
    kind: str | None  # "source" for the source note
    referenced: bool

    def __init__(self, n: str, content: list[Inline], line: int, kind: str | None = None,
                 referenced: bool = False) -> None:
        self.n = n
        self.content = content
        self.line = line
        self.kind = kind
        self.referenced = referenced


class NoteRef(Node):
    """The point in the text where a footnote's reference number stood."""

    __slots__ = ("line", "note")

    note: Footnote
    line: int

    def __init__(self, note: Footnote, line: int) -> None:
        self.note = note
        self.line = line


class EditorialNote(Node):
    """``[NOTE: …]`` or ``(NOTE: …)``: the brackets are part of ``content``."""

    __slots__ = ("content", "line")

    content: list[Inline]
    line: int

    def __init__(self, content: list[Inline], line: int) -> None:
        self.content = content
        self.line = line


class Quote(Node):
    """A quotation in “…”: the quotation marks are part of ``content``."""

    __slots__ = ("content",)

    content: list[Inline]

    def __init__(self, content: list[Inline]) -> None:
        self.content = content


class PersName(Node):
    """A person's name in the text; ``ref`` is a person id (participant or mentioned), or a
    pointer into the editor's personography ("persons.xml#p1": it holds a "#")."""

    __slots__ = ("ref", "text")

    text: str
    ref: str | None

    def __init__(self, text: str, ref: str | None) -> None:
        self.text = text
        self.ref = ref


class Said(Node):
    """Speech of ``who`` (person ids): reported (the sentences of one speaker in a paragraph) or,
    with ``direct``, a labelled turn of a transcript, whose content starts with the label as a
    :class:`PersName` ("K: Yes." → ``Said([], [PersName("K", None), ": Yes."], direct=True)``);
    the speakers are resolved later, from the label."""

    __slots__ = ("content", "direct", "who")

    who: list[str]
    content: list[Inline]
    direct: bool

    def __init__(self, who: list[str], content: list[Inline], direct: bool = False) -> None:
        self.who = who
        self.content = content
        self.direct = direct


Inline = str | PageBreak | LineBreak | NoteRef | EditorialNote | Quote | PersName | Said
CONTAINERS = (EditorialNote, Quote, Said)

# ---------------------------------------------------------------- block nodes


class Paragraph(Node):
    __slots__ = ("content", "line")

    content: list[Inline]
    line: int

    def __init__(self, content: list[Inline], line: int) -> None:
        self.content = content
        self.line = line


class BulletList(Node):
    __slots__ = ("items", "labels", "line")

    items: list[list[Inline]]
    line: int
    # The items, by index, that are only a label ("1.", "(b)") of the item after them: a labelled
    # list copied with its labels as bullets of their own. Empty in a list without labels.
    labels: list[int]

    def __init__(self, items: list[list[Inline]], line: int, labels: list[int] | None = None) -> None:
        self.items = items
        self.line = line
        self.labels = [] if labels is None else labels


class EditorialBlock(Node):
    """An editorial note standing alone as a block."""

    __slots__ = ("line", "note")

    note: EditorialNote
    line: int

    def __init__(self, note: EditorialNote, line: int) -> None:
        self.note = note
        self.line = line


class Section(Node):
    """A section: opened by a heading line, or by two blank lines (then ``head`` is None)."""

    __slots__ = ("blocks", "breaks_before_head", "head", "line", "space_before")

    head: list[Inline] | None
    blocks: list[Block]
    line: int
    space_before: bool
    breaks_before_head: list[PageBreak]  # "[Page N]" between the break and the head

    def __init__(self, head: list[Inline] | None, blocks: list[Block], line: int, space_before: bool = False,
                 breaks_before_head: list[PageBreak] | None = None) -> None:
        self.head = head
        self.blocks = blocks
        self.line = line
        self.space_before = space_before
        self.breaks_before_head = [] if breaks_before_head is None else breaks_before_head


class Marking(Node):
    """A line that marks the page, not the conversation: a classification or handling line
    ("SECRET", "LIMITED OFFICIAL USE", "NODIS"), a declassification stamp, or the letterhead of the
    paper ("DEPARTMENT OF STATE"). Kept, never read as a heading or as body text. ``kind`` is
    "classification", "declassification" or "letterhead"."""

    __slots__ = ("content", "kind", "line")

    kind: str
    content: list[Inline]
    line: int

    def __init__(self, kind: str, content: list[Inline], line: int) -> None:
        self.kind = kind
        self.content = content
        self.line = line


class Closing(Node):
    """The ending of a memorandum: a signature or initials (``kind`` "signed"), a drafting line
    ("drafting"), a distribution or copies list ("distribution"); lines joined by line breaks."""

    __slots__ = ("content", "kind", "line")

    kind: str
    content: list[Inline]
    line: int

    def __init__(self, kind: str, content: list[Inline], line: int) -> None:
        self.kind = kind
        self.content = content
        self.line = line


Block = Paragraph | BulletList | EditorialBlock | PageBreak | Section | Marking | Closing

# ---------------------------------------------------------------- people


class Person(Node):
    """A participant (``group`` ≥ 1) or a person mentioned in the text (``group`` = 0).

    ``name`` is the span of the participant line that names the person
    ("Ambassador Able" in "Ambassador Able (NSC)"); ``role_only`` persons are
    listed by their role alone ("The President").
    """

    __slots__ = (
        "affiliations",
        "corresp",
        "forenames",
        "from_title",
        "generation",
        "group",
        "id",
        "lead",
        "line",
        "name",
        "occupations",
        "role_names",
        "role_only",
        "surname",
        "tail",
        "tail_content",
    )

    id: str
    name: str
    surname: str | None
    forenames: list[str]
    role_names: list[str]
    affiliations: list[str]
    occupations: list[str]
    group: int
    line: int | None
    role_only: bool
    tail: str  # the rest of the participant line after the name, kept verbatim
    # The tail as inline content: a footnote reference in it becomes a note there.
    tail_content: list[Inline]
    corresp: str  # the pointer to this person in the editor's personography ("persons.xml#p1")
    lead: str  # text of the participant line before the name, kept verbatim
    # Named by the title, not by the text's list: written to the header only, the list keeps its lines.
    from_title: bool
    generation: str  # a generational name after the surname ("Jr.", "III")

    def __init__(self, id: str, name: str, surname: str | None, forenames: list[str] | None = None,
                 role_names: list[str] | None = None, affiliations: list[str] | None = None,
                 occupations: list[str] | None = None, group: int = 0, line: int | None = None,
                 role_only: bool = False, tail: str = "", tail_content: list[Inline] | None = None,
                 corresp: str = "", lead: str = "", from_title: bool = False, generation: str = "") -> None:
        self.id = id
        self.name = name
        self.surname = surname
        self.forenames = [] if forenames is None else forenames
        self.role_names = [] if role_names is None else role_names
        self.affiliations = [] if affiliations is None else affiliations
        self.occupations = [] if occupations is None else occupations
        self.group = group
        self.line = line
        self.role_only = role_only
        self.tail = tail
        self.tail_content = [] if tail_content is None else tail_content
        self.corresp = corresp
        self.lead = lead
        self.from_title = from_title
        self.generation = generation

    def role_phrases(self) -> set[str]:
        """The phrases the text may call this person by: the title ("Minister of Agriculture") and each
        occupation ("Chairman"), in every form of :func:`~tei.lexicon.names.office_forms` ("Minister";
        "Soviet Amb." → "Ambassador"; "Foreign Minister of Korea" → "Foreign Minister")."""
        title = " ".join(self.role_names)
        return {form for office in (title, *self.occupations) if office for form in office_forms(office)}


class Dateline(Node):
    """``Washington, July 26, 1986``: ``place`` is "Washington", ``text`` the date."""

    __slots__ = ("line", "place", "text", "when")

    text: str
    when: str | None
    line: int
    place: str | None

    def __init__(self, text: str, when: str | None, line: int, place: str | None = None) -> None:
        self.text = text
        self.when = when
        self.line = line
        self.place = place


class HeaderField(Node):
    """A labelled line of the header that is not the subject or the participants:
    "DATE AND TIME: March 3, 1975, 10:00 a.m." → kind "date", ``when`` "1975-03-03T10:00:00".
    ``kind`` is "date", "time", "place", "distribution", "number" (a despatch's "No. 442"), or one of
    the address's "from", "to", "info", "through"; ``content`` keeps the label."""

    __slots__ = ("content", "kind", "label", "line", "when")

    kind: str
    label: str
    content: list[Inline]
    line: int
    when: str | None

    def __init__(self, kind: str, label: str, content: list[Inline], line: int,
                 when: str | None = None) -> None:
        self.kind = kind
        self.label = label
        self.content = content
        self.line = line
        self.when = when


# ---------------------------------------------------------------- the document


class Document(Node):
    """One memorandum: front matter, body, footnotes, people."""

    __slots__ = (
        "affiliated_sides",
        "argument",
        "argument_line",
        "argument_lines",
        "body",
        "dateline",
        "fields",
        "footnotes",
        "front_breaks",
        "groups",
        "head",
        "leading",
        "line",
        "markings",
        "mentioned",
        "number",
        "participants_from_speech",
        "participants_from_title",
        "participants_head",
        "path",
        "sides",
    )

    path: str
    number: str
    head: list[Inline]
    line: int
    leading: list[PageBreak]
    argument: list[list[Inline]]
    argument_line: int
    argument_lines: list[int]  # the line of each argument entry
    dateline: Dateline | None
    front_breaks: list[PageBreak]  # page turns among the subject and date
    fields: list[HeaderField]  # labelled header lines: date, place, copies
    markings: list[Marking]  # classification lines above and among the header
    groups: list[list[Person]]
    sides: list[str]  # each group's name where the text gives one ("U.S. Side")
    affiliated_sides: list[str]  # else from its members' affiliations, or ""
    participants_head: str  # the label of the participants where the text has one ("PARTICIPANTS:")
    participants_from_title: bool  # named by the title only: the text has no list of them
    participants_from_speech: bool  # the speakers who open its paragraphs: no list either
    mentioned: list[Person]
    body: list[Block]
    footnotes: list[Footnote]

    def __init__(self, path: str, number: str, head: list[Inline], line: int,
                 leading: list[PageBreak] | None = None, argument: list[list[Inline]] | None = None,
                 argument_line: int = 0, argument_lines: list[int] | None = None,
                 dateline: Dateline | None = None, front_breaks: list[PageBreak] | None = None,
                 fields: list[HeaderField] | None = None, markings: list[Marking] | None = None,
                 groups: list[list[Person]] | None = None, sides: list[str] | None = None,
                 affiliated_sides: list[str] | None = None, participants_head: str = "",
                 participants_from_title: bool = False, participants_from_speech: bool = False,
                 mentioned: list[Person] | None = None, body: list[Block] | None = None,
                 footnotes: list[Footnote] | None = None) -> None:
        self.path = path
        self.number = number
        self.head = head
        self.line = line
        self.leading = [] if leading is None else leading
        self.argument = [] if argument is None else argument
        self.argument_line = argument_line
        self.argument_lines = [] if argument_lines is None else argument_lines
        self.dateline = dateline
        self.front_breaks = [] if front_breaks is None else front_breaks
        self.fields = [] if fields is None else fields
        self.markings = [] if markings is None else markings
        self.groups = [] if groups is None else groups
        self.sides = [] if sides is None else sides
        self.affiliated_sides = [] if affiliated_sides is None else affiliated_sides
        self.participants_head = participants_head
        self.participants_from_title = participants_from_title
        self.participants_from_speech = participants_from_speech
        self.mentioned = [] if mentioned is None else mentioned
        self.body = [] if body is None else body
        self.footnotes = [] if footnotes is None else footnotes

    @property
    def participants(self) -> list[Person]:
        return [person for group in self.groups for person in group]

    @property
    def title(self) -> str:
        """The title text of the head, without its number and note references: its words as the
        text has them, names included, a line break a space ("No. 634" / "Memorandum of
        Conversation, by Ann Able" → "Memorandum of Conversation, by Ann Able")."""
        text = " ".join(plain_text(self.head, line_break=" ").split())
        for prefix in (f"{self.number}.", f"No. {self.number}") if self.number else ():
            if text.startswith(prefix):
                return text[len(prefix):].strip()
        return text

    def dump(self) -> str:
        """The model as an indented, stable text (see :mod:`tei.dump`): what a pass changed
        is the difference of two dumps."""
        from tei.dump import dump

        return dump(self)

    def front_argument_lines(self) -> list[int]:
        """The line of each entry of ``argument`` (the first line, where a recognizer did not say)."""
        given = self.argument_lines[: len(self.argument)]
        return given + [self.argument_line] * (len(self.argument) - len(given))

    def page_breaks(self) -> list[PageBreak]:
        """The page breaks in reading order, as ``iter_nodes`` meets them (footnotes hold none),
        gathered by a walk of their own: asked twice per document, nested generators cost more."""
        pages = list(self.leading)
        _inline_pages(self.head, pages)
        front = [(page.line, [page]) for page in self.front_breaks]
        front += [(number, _inline_pages(line, [])) for number, line in zip(self.front_argument_lines(), self.argument)]
        front += [(header_field.line, _inline_pages(header_field.content, [])) for header_field in self.fields]
        for _line, found in sorted(front, key=lambda entry: entry[0]):
            pages += found
        _block_pages(self.body, pages)
        return pages

    def text_lists(self) -> Iterator[list[Inline]]:
        """Every inline list of the document in reading order, footnotes last."""
        return (content for _line, content in self.lined_text_lists())

    def lined_text_lists(self) -> Iterator[tuple[int, list[Inline]]]:
        """Every inline list in reading order, footnotes last, with the line it starts on."""
        yield self.line, self.head
        # The subject's lines, then the header fields, in the order of their lines.
        front = [(self.argument_line, number, line) for line, number in zip(self.argument, self.front_argument_lines())]
        front += [(header_field.line, header_field.line, header_field.content) for header_field in self.fields]
        yield from ((line, content) for _order, line, content in sorted(front, key=lambda entry: entry[0]))
        yield from _block_lists(self.body)
        for note in self.footnotes:
            yield note.line, note.content


def _block_lists(blocks: list[Block]) -> Iterator[tuple[int, list[Inline]]]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.line, block.content
        elif isinstance(block, BulletList):
            # One item per line of the block.
            yield from ((block.line + index, item) for index, item in enumerate(block.items))
        elif isinstance(block, EditorialBlock):
            yield block.line, block.note.content
        elif isinstance(block, Closing):
            yield block.line, block.content
        elif isinstance(block, Section):
            if block.head is not None:
                yield block.line, block.head
            yield from _block_lists(block.blocks)


def iter_inlines(content: list[Inline]) -> Iterator[Inline]:
    """Every inline item of ``content`` in reading order, descending into containers."""
    for item in content:
        yield item
        if isinstance(item, CONTAINERS):
            yield from iter_inlines(item.content)


def iter_nodes(document: Document) -> Iterator[object]:
    """Every node of the document in reading order: blocks, then their inline items."""
    yield from document.leading
    yield from iter_inlines(document.head)
    front: list[tuple[int, list[object]]] = [(page.line, [page]) for page in document.front_breaks]
    front += [(number, list(iter_inlines(line))) for number, line in zip(document.front_argument_lines(),
                                                                          document.argument)]
    if document.dateline:
        front.append((document.dateline.line, []))
    front += [(header_field.line, list(iter_inlines(header_field.content))) for header_field in document.fields]
    for _line, items in sorted(front, key=lambda entry: entry[0]):
        yield from items
    yield from _block_nodes(document.body)


def _block_nodes(blocks: list[Block]) -> Iterator[object]:
    for block in blocks:
        yield block
        if isinstance(block, Section):
            yield from block.breaks_before_head
            if block.head is not None:
                yield from iter_inlines(block.head)
            yield from _block_nodes(block.blocks)
        elif isinstance(block, Paragraph):
            yield from iter_inlines(block.content)
        elif isinstance(block, BulletList):
            for item in block.items:
                yield from iter_inlines(item)
        elif isinstance(block, EditorialBlock):
            yield from iter_inlines(block.note.content)
        elif isinstance(block, (Closing, Marking)):
            yield from iter_inlines(block.content)


def _inline_pages(content: list[Inline], pages: list[PageBreak]) -> list[PageBreak]:
    for item in content:
        if type(item) is str:
            continue
        if isinstance(item, PageBreak):
            pages.append(item)
        elif isinstance(item, CONTAINERS):
            _inline_pages(item.content, pages)
    return pages


def _block_pages(blocks: list[Block], pages: list[PageBreak]) -> None:
    for block in blocks:
        if isinstance(block, PageBreak):
            pages.append(block)
        elif isinstance(block, Section):
            pages += block.breaks_before_head
            _inline_pages(block.head or [], pages)
            _block_pages(block.blocks, pages)
        elif isinstance(block, (Paragraph, Closing, Marking)):
            _inline_pages(block.content, pages)
        elif isinstance(block, BulletList):
            for item in block.items:
                _inline_pages(item, pages)
        elif isinstance(block, EditorialBlock):
            _inline_pages(block.note.content, pages)


def map_text(content: list[Inline], split: Callable[[str], list[Inline]],
             skip: tuple[type, ...] = ()) -> list[Inline]:
    """Replace every string of ``content`` (containers included) by ``split(string)``.

    Containers of a type in ``skip`` are left untouched.
    """
    result: list[Inline] = []
    for item in content:
        if isinstance(item, str):
            result.extend(piece for piece in split(item) if piece != "")
        elif isinstance(item, CONTAINERS) and not isinstance(item, skip):
            item.content = map_text(item.content, split, skip)
            result.append(item)
        else:
            result.append(item)
    return result


def plain_text(content: list[Inline], line_break: str = "") -> str:
    """The text of ``content`` as it stands in the input, markers excepted (a line break is
    ``line_break``)."""
    parts: list[str] = []
    for item in content:
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, PersName):
            parts.append(item.text)
        elif isinstance(item, LineBreak):
            parts.append(line_break)
        elif isinstance(item, CONTAINERS):
            parts.append(plain_text(item.content, line_break))
    return "".join(parts)
