"""The nodes of the model: inline items (strings, page breaks, notes, quotations, names, reported
speech) and the blocks that hold them."""

from __future__ import annotations

from typing import ClassVar

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
