"""The people of a memorandum, and the dateline and header fields of its front matter."""

from __future__ import annotations

from tei.lexicon.names import office_forms
from tei.model.nodes import Inline, Node

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
    # Named by the title or the text, not by the text's list: written to the header only, the list keeps its lines.
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
