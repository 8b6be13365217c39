"""model: the document tree between recognizing and encoding.

Recognizers build it from blocks, resolve passes rewrite it in place, and the encoder
turns it into TEI. Nothing here knows XML. Inline content is a list of :data:`Inline`
items: plain strings and the inline nodes below, nested where the text nests
(a quotation holds a page break, reported speech holds a quotation).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from tei.lexicon.names import office_forms

# ---------------------------------------------------------------- inline nodes

@dataclass(slots=True)
class PageBreak:
    """``[Page N]``: inside a paragraph, or alone between blocks."""

    n: str
    line: int


@dataclass(slots=True)
class LineBreak:
    """A line break inside a block that is not a paragraph break; ``in_word`` where the line
    breaks inside a word ("nego-" / "tiations")."""

    line: int
    in_word: bool = False


@dataclass(slots=True)
class Footnote:
    """One numbered line of the footnote list: ``  N. text``."""

    n: str
    content: list[Inline]
    line: int
    kind: str | None = None  # "source" for the source note
    referenced: bool = False


@dataclass(slots=True)
class NoteRef:
    """The point in the text where a footnote's reference number stood."""

    note: Footnote
    line: int


@dataclass(slots=True)
class EditorialNote:
    """``[NOTE: …]`` or ``(NOTE: …)``: the brackets are part of ``content``."""

    content: list[Inline]
    line: int


@dataclass(slots=True)
class Quote:
    """A quotation in “…”: the quotation marks are part of ``content``."""

    content: list[Inline]


@dataclass(slots=True)
class PersName:
    """A person's name in the text; ``ref`` is a person id (participant or mentioned), or a
    pointer into the editor's personography ("persons.xml#p1": it holds a "#")."""

    text: str
    ref: str | None


@dataclass(slots=True)
class Said:
    """Speech of ``who`` (person ids): reported (the sentences of one speaker in a paragraph) or,
    with ``direct``, a labelled turn of a transcript, whose content starts with the label as a
    :class:`PersName` ("K: Yes." → ``Said([], [PersName("K", None), ": Yes."], direct=True)``);
    the speakers are resolved later, from the label."""

    who: list[str]
    content: list[Inline]
    direct: bool = False


Inline = str | PageBreak | LineBreak | NoteRef | EditorialNote | Quote | PersName | Said
CONTAINERS = (EditorialNote, Quote, Said)

# ---------------------------------------------------------------- block nodes


@dataclass(slots=True)
class Paragraph:
    content: list[Inline]
    line: int


@dataclass(slots=True)
class BulletList:
    items: list[list[Inline]]
    line: int
    # The items, by index, that are only a label ("1.", "(b)") of the item after them: a labelled
    # list copied with its labels as bullets of their own. Empty in a list without labels.
    labels: list[int] = field(default_factory=list)


@dataclass(slots=True)
class EditorialBlock:
    """An editorial note standing alone as a block."""

    note: EditorialNote
    line: int


@dataclass(slots=True)
class Section:
    """A section: opened by a heading line, or by two blank lines (then ``head`` is None)."""

    head: list[Inline] | None
    blocks: list[Block]
    line: int
    space_before: bool = False
    breaks_before_head: list[PageBreak] = field(default_factory=list)  # "[Page N]" between the break and the head


@dataclass(slots=True)
class Marking:
    """A line that marks the page, not the conversation: a classification or handling line
    ("SECRET", "LIMITED OFFICIAL USE", "NODIS"), a declassification stamp, or the letterhead of the
    paper ("DEPARTMENT OF STATE"). Kept, never read as a heading or as body text. ``kind`` is
    "classification", "declassification" or "letterhead"."""

    kind: str
    content: list[Inline]
    line: int


@dataclass(slots=True)
class Closing:
    """The ending of a memorandum: a signature or initials (``kind`` "signed"), a drafting line
    ("drafting"), a distribution or copies list ("distribution"); lines joined by line breaks."""

    kind: str
    content: list[Inline]
    line: int


Block = Paragraph | BulletList | EditorialBlock | PageBreak | Section | Marking | Closing

# ---------------------------------------------------------------- people


@dataclass(slots=True)
class Person:
    """A participant (``group`` ≥ 1) or a person mentioned in the text (``group`` = 0).

    ``name`` is the span of the participant line that names the person
    ("Ambassador Able" in "Ambassador Able (NSC)"); ``role_only`` persons are
    listed by their role alone ("The President").
    """

    id: str
    name: str
    surname: str | None
    forenames: list[str] = field(default_factory=list)
    role_names: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    occupations: list[str] = field(default_factory=list)
    group: int = 0
    line: int | None = None
    role_only: bool = False
    tail: str = ""  # the rest of the participant line after the name, kept verbatim
    # The tail as inline content: a footnote reference in it becomes a note there.
    tail_content: list[Inline] = field(default_factory=list)
    corresp: str = ""  # the pointer to this person in the editor's personography ("persons.xml#p1")
    lead: str = ""  # text of the participant line before the name, kept verbatim
    # Named by the title, not by the text's list: written to the header only, the list keeps its lines.
    from_title: bool = False
    generation: str = ""  # a generational name after the surname ("Jr.", "III")

    def role_phrases(self) -> set[str]:
        """The phrases the text may call this person by: the title ("Minister of Agriculture") and each
        occupation ("Chairman"), in every form of :func:`~tei.lexicon.names.office_forms` ("Minister";
        "Soviet Amb." → "Ambassador"; "Foreign Minister of Korea" → "Foreign Minister")."""
        title = " ".join(self.role_names)
        return {form for office in (title, *self.occupations) if office for form in office_forms(office)}


@dataclass(slots=True)
class Dateline:
    """``Washington, July 26, 1986``: ``place`` is "Washington", ``text`` the date."""

    text: str
    when: str | None
    line: int
    place: str | None = None


@dataclass(slots=True)
class HeaderField:
    """A labelled line of the header that is not the subject or the participants:
    "DATE AND TIME: March 3, 1975, 10:00 a.m." → kind "date", ``when`` "1975-03-03T10:00:00".
    ``kind`` is "date", "time", "place", "distribution", "number" (a despatch's "No. 442"), or one of
    the address's "from", "to", "info", "through"; ``content`` keeps the label."""

    kind: str
    label: str
    content: list[Inline]
    line: int
    when: str | None = None


# ---------------------------------------------------------------- the document


@dataclass(slots=True)
class Document:
    """One memorandum: front matter, body, footnotes, people."""

    path: str
    number: str
    head: list[Inline]
    line: int
    leading: list[PageBreak] = field(default_factory=list)
    argument: list[list[Inline]] = field(default_factory=list)
    argument_line: int = 0
    argument_lines: list[int] = field(default_factory=list)  # the line of each argument entry
    dateline: Dateline | None = None
    front_breaks: list[PageBreak] = field(default_factory=list)  # page turns among the subject and date
    fields: list[HeaderField] = field(default_factory=list)  # labelled header lines: date, place, copies
    markings: list[Marking] = field(default_factory=list)  # classification lines above and among the header
    groups: list[list[Person]] = field(default_factory=list)
    sides: list[str] = field(default_factory=list)  # each group's name where the text gives one ("U.S. Side")
    affiliated_sides: list[str] = field(default_factory=list)  # else from its members' affiliations, or ""
    participants_head: str = ""  # the label of the participants where the text has one ("PARTICIPANTS:")
    participants_from_title: bool = False  # named by the title only: the text has no list of them
    participants_from_speech: bool = False  # the speakers who open its paragraphs: no list either
    mentioned: list[Person] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)

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
