"""One memorandum as a whole, and the walks over its text."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tei.model.nodes import (
    CONTAINERS,
    Block,
    BulletList,
    Closing,
    EditorialBlock,
    Footnote,
    Inline,
    LineBreak,
    Marking,
    Node,
    PageBreak,
    Paragraph,
    PersName,
    Section,
)
from tei.model.people import Dateline, HeaderField, Person

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
