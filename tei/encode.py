"""encode: :class:`~tei.model.Document` → TEI P5 tree (lxml), and its serialization.

One ``encode_<node>`` function per model class; TEI element names live only in this
module. Identifiers are deterministic (``d12-page-212``, ``d12-note-2``), so the
same input always gives the same bytes (the conversion date comes from
``SOURCE_DATE_EPOCH`` when it is set).
"""

from __future__ import annotations

import datetime
import os

from lxml import etree

from tei import __version__
from tei.errors import InternalError
from tei.model import Block as ModelBlock
from tei.model import (
    BulletList,
    Closing,
    Dateline,
    Document,
    EditorialBlock,
    EditorialNote,
    Footnote,
    HeaderField,
    Inline,
    LineBreak,
    Marking,
    NoteRef,
    PageBreak,
    Paragraph,
    PersName,
    Person,
    Quote,
    Said,
    Section,
    plain_text,
)
from tei.namespaces import TEI_NS, tei, xml

# The quotation marks around a Quote, kept out of q's content as renditions.
QUOTE_OPEN, QUOTE_CLOSE = "“", "”"


def _sub(parent: etree._Element, name: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, tei(name), attributes)
    if text is not None:
        element.text = text
    return element


def _append_text(parent: etree._Element, text: str) -> None:
    """Add text after the last child of ``parent`` (or as its text when it has none)."""
    if not text:
        return
    # len(parent) walks every child: on a long paragraph, asking it for each string was quadratic.
    last = next(parent.iterchildren(reversed=True), None)
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def conversion_date() -> datetime.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.date.today()


class Encoder:
    def __init__(self, document: Document) -> None:
        self.document = document
        # A document without a number (a typescript, an old-style title) still needs ids.
        self.prefix = f"d{_id_part(document.number)}" if document.number else "doc"
        self.ids: set[str] = {self.prefix, *(person.id for person in (*document.participants, *document.mentioned))}
        self.quote_open_id = self.unique_id(f"{self.prefix}-quote-open")
        self.quote_close_id = self.unique_id(f"{self.prefix}-quote-close")
        self.quoted = False
        self.encoding_desc = etree.Element(tei("encodingDesc"))

    # ------------------------------------------------------------ ids
    def page_id(self, page: PageBreak) -> str:
        return self.unique_id(f"{self.prefix}-page-{_id_part(page.n)}")

    def note_id(self, note: Footnote) -> str:
        return self.unique_id(f"{self.prefix}-note-{_id_part(note.n) if note.n else note.kind or 'unnumbered'}")

    def unique_id(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3``… when a page or a note number repeats in the source
        (the converter has warned at its line): ids must be unique."""
        candidate, count = base, 1
        while candidate in self.ids:
            count += 1
            candidate = f"{base}-{count}"
        self.ids.add(candidate)
        return candidate

    # ------------------------------------------------------------ document
    def encode(self) -> etree._Element:
        root = etree.Element(tei("TEI"), nsmap={None: TEI_NS})  # type: ignore[dict-item]
        root.set(xml("lang"), "en")
        self.encode_header(root)
        text = _sub(root, "text")
        body = _sub(text, "body")
        self.encode_document_div(body)
        if self.quoted:
            self.encode_quote_renditions()
        return root

    def encode_quote_renditions(self) -> None:
        """The quotation marks kept out of q, as CSS that TEI tools apply (and our stylesheets read)."""
        tags = etree.Element(tei("tagsDecl"))
        self.encoding_desc.insert(0, tags)
        for rendition_id, scope, mark in ((self.quote_open_id, "before", QUOTE_OPEN),
                                          (self.quote_close_id, "after", QUOTE_CLOSE)):
            rendition = _sub(tags, "rendition", f'content: "{mark}";', scheme="css", scope=scope)
            rendition.set(xml("id"), rendition_id)

    # ------------------------------------------------------------ header
    def encode_header(self, root: etree._Element) -> None:
        document = self.document
        setting_line = document.dateline or _field_dateline(document)
        header = _sub(root, "teiHeader")
        file_desc = _sub(header, "fileDesc")
        title_stmt = _sub(file_desc, "titleStmt")
        date_text = f", {setting_line.text}" if setting_line else ""
        _sub(title_stmt, "title", f"{document.title}{date_text}")
        # Nothing is known of the file's publication; its text is the document's, which the
        # source description names (the source note, in the text, says where it is kept).
        _sub(_sub(file_desc, "publicationStmt"), "p",
             "Not published. The text is that of the document described below, and is available as that "
             "document is.")
        source_desc = _sub(file_desc, "sourceDesc")
        bibl = _sub(source_desc, "bibl")
        _sub(bibl, "title", document.title)
        if document.number:
            _sub(bibl, "idno", document.number, type="document")
        pages = [page.n for page in document.page_breaks()]
        page_range = _page_range(pages)
        if page_range:
            first, last = page_range
            _sub(bibl, "biblScope", f"{first}–{last}" if first != last else first, unit="page",
                 **{"from": first, "to": last})

        self.encoding_desc = _sub(header, "encodingDesc")
        application = _sub(_sub(self.encoding_desc, "appInfo"), "application", ident="tei", version=__version__,
                           when=conversion_date().isoformat())
        _sub(application, "label", "tei: plain-text memoranda of conversation to TEI")
        profile = _sub(header, "profileDesc")
        if document.groups or document.mentioned:
            partic = _sub(profile, "particDesc")
            if document.groups:
                participants = _sub(partic, "listPerson", type="participants")
                for number, group in enumerate(document.groups, start=1):
                    group_list = _sub(participants, "listPerson", type="group", n=str(number))
                    if _side(document, number):
                        _sub(group_list, "head", _side(document, number))
                    for person in group:
                        self.encode_person(group_list, person, "participant")
            if document.mentioned:
                mentioned = _sub(partic, "listPerson", type="mentioned")
                for person in document.mentioned:
                    self.encode_person(mentioned, person, None)
        if setting_line and setting_line.when:
            setting = _sub(_sub(profile, "settingDesc"), "setting")
            if setting_line.place:
                _sub(setting, "placeName", setting_line.place)
            _sub(setting, "date", setting_line.text, when=setting_line.when)
        if not len(profile):
            header.remove(profile)
        revision = _sub(header, "revisionDesc")
        _sub(revision, "change", f"Converted from plain text by tei {__version__}.",
             when=conversion_date().isoformat())

    def encode_person(self, parent: etree._Element, person: Person, role: str | None) -> None:
        element = _sub(parent, "person")
        element.set(xml("id"), person.id)
        if role:
            element.set("role", role)
        if person.corresp:
            element.set("corresp", person.corresp)
        pers_name = _sub(element, "persName")
        parts: list[tuple[str, str]] = [("roleName", " ".join(person.role_names))] if person.role_names else []
        parts += [("forename", name) for name in person.forenames]
        if person.surname:
            parts.append(("surname", person.surname))
        for index, (name, value) in enumerate(parts):
            child = _sub(pers_name, name, value)
            if index < len(parts) - 1:
                child.tail = " "
        for affiliation in person.affiliations:
            _sub(element, "affiliation", affiliation)
        for occupation in person.occupations:
            _sub(element, "occupation", occupation)

    # ------------------------------------------------------------ body
    def encode_document_div(self, body: etree._Element) -> None:
        document = self.document
        div = _sub(body, "div", type="document")
        if document.number:
            div.set("n", document.number)
        div.set(xml("id"), self.prefix)
        # Page breaks and markings above the title belong to the document: its first page.
        lead: list[tuple[int, PageBreak | Marking]] = [(page.line, page) for page in document.leading]
        lead += [(marking.line, marking) for marking in document.markings if marking.line < document.line]
        for _line, lead_node in sorted(lead, key=lambda entry: entry[0]):
            self.encode_block(div, lead_node)
        head = _sub(div, "head")
        self.encode_inline(head, document.head)
        # Subject lines, header fields, the dateline and page breaks in the order of the source.
        front: list[tuple[int, str, object]] = [(page.line, "pb", page) for page in document.front_breaks]
        front += [(marking.line, "marking", marking) for marking in document.markings if marking.line > document.line]
        front += [(header_field.line, "field", header_field) for header_field in document.fields]
        front += [(number, "argument", index) for index, number in enumerate(document.front_argument_lines())]
        if document.dateline:
            front.append((document.dateline.line, "dateline", None))
        argument: etree._Element | None = None
        for _line, kind, node in sorted(front, key=lambda entry: entry[0]):
            if kind == "argument":
                # Consecutive subject lines share one argument.
                argument = argument if argument is not None else _sub(div, "argument")
                assert isinstance(node, int)
                self.encode_inline(_sub(argument, "p"), document.argument[node])
                continue
            argument = None
            if isinstance(node, (PageBreak, Marking)):
                self.encode_block(div, node)
            elif isinstance(node, HeaderField):
                self.encode_header_field(div, node)
            else:
                assert document.dateline is not None
                dateline = _sub(div, "dateline")
                if document.dateline.place:
                    _sub(dateline, "placeName", document.dateline.place).tail = ", "
                date = _sub(dateline, "date", document.dateline.text)
                if document.dateline.when:
                    date.set("when", document.dateline.when)
        if document.groups:
            participants = _sub(div, "list", type="participants")
            if document.participants_head:
                _sub(participants, "head", document.participants_head)
            for number, group in enumerate(document.groups, start=1):
                item = _sub(participants, "item", n=str(number))
                group_list = _sub(item, "list", type="group")
                if _side(document, number):
                    _sub(group_list, "head", _side(document, number))
                for person in group:
                    person_item = _sub(group_list, "item")
                    _append_text(person_item, person.lead)
                    _sub(person_item, "persName", person.name, ref=f"#{person.id}")
                    if person.tail_content:
                        self.encode_inline(person_item, person.tail_content)
                    else:
                        _append_text(person_item, person.tail)
        for block in document.body:
            self.encode_block(div, block)
        for note in document.footnotes:
            if not note.referenced:
                self.encode_footnote(div, note)

    def encode_block(self, parent: etree._Element, block: ModelBlock) -> None:
        if isinstance(block, Paragraph):
            self.encode_inline(_sub(parent, "p"), block.content)
        elif isinstance(block, PageBreak):
            self.encode_page_break(parent, block)
        elif isinstance(block, EditorialBlock):
            self.encode_editorial_note(parent, block.note)
        elif isinstance(block, Marking):
            self.encode_inline(_sub(parent, "note", type=block.kind), block.content)
        elif isinstance(block, Closing):
            if block.kind == "signed":
                self.encode_inline(_sub(_sub(parent, "closer"), "signed"), block.content)
            else:
                self.encode_inline(_sub(parent, "note", type=block.kind), block.content)
        elif isinstance(block, BulletList):
            bullet_list = _sub(parent, "list", rend="bulleted")
            for item in block.items:
                self.encode_inline(_sub(bullet_list, "item"), item)
        elif isinstance(block, Section):
            div = _sub(parent, "div", type="section")
            if block.space_before and block.head is not None:
                div.set("rend", "space-before")
            for page in block.breaks_before_head:
                self.encode_page_break(div, page)
            if block.head is not None:
                self.encode_inline(_sub(div, "head"), block.head)
            for child in block.blocks:
                self.encode_block(div, child)
        else:
            raise InternalError(f"no encoder for block {type(block).__name__}")

    # ------------------------------------------------------------ inline
    def encode_inline(self, parent: etree._Element, content: list[Inline]) -> None:
        for item in content:
            if isinstance(item, str):
                _append_text(parent, item)
            elif isinstance(item, PageBreak):
                self.encode_page_break(parent, item)
            elif isinstance(item, LineBreak):
                _sub(parent, "lb")
            elif isinstance(item, NoteRef):
                self.encode_footnote(parent, item.note)
            elif isinstance(item, EditorialNote):
                self.encode_editorial_note(parent, item)
            elif isinstance(item, Quote):
                self.encode_quote(parent, item)
            elif isinstance(item, PersName):
                element = _sub(parent, "persName", item.text)
                if item.ref:
                    element.set("ref", item.ref if "#" in item.ref else f"#{item.ref}")
            elif isinstance(item, Said):
                said = _sub(parent, "said")
                if item.who:
                    said.set("who", " ".join(f"#{who}" for who in item.who))
                said.set("direct", "true" if item.direct else "false")
                self.encode_inline(said, item.content)
            else:
                raise InternalError(f"no encoder for inline {type(item).__name__}")

    def encode_header_field(self, parent: etree._Element, header_field: HeaderField) -> None:
        """Date, time and place lines → ``dateline`` (the value in ``date`` or ``placeName``, the
        label kept before it); copies and distribution lines → a typed ``note``."""
        if header_field.kind == "distribution":
            self.encode_inline(_sub(parent, "note", type="distribution"), header_field.content)
            return
        dateline = _sub(parent, "dateline")
        content = header_field.content
        label = content[0] if content and isinstance(content[0], str) and content[0].startswith(header_field.label) \
            else None
        if label is None:
            self.encode_inline(dateline, content)
            return
        _append_text(dateline, header_field.label)
        value: list[Inline] = [label[len(header_field.label):].lstrip(), *content[1:]]
        space = label[len(header_field.label):len(label) - len(value[0])] if isinstance(value[0], str) else " "
        _append_text(dateline, space)
        wrapper = _sub(dateline, "placeName" if header_field.kind == "place" else "date")
        if header_field.when:
            wrapper.set("when", header_field.when)
        self.encode_inline(wrapper, [piece for piece in value if piece != ""])

    def encode_quote(self, parent: etree._Element, quote: Quote) -> None:
        """Quote(['“It ', PageBreak, 'was.”']) → <q rendition="#d7-quote-open #d7-quote-close">It <pb/>was.</q>:
        the marks are the renditions', so that TEI tools, which mark q themselves, show them once."""
        content = list(quote.content)
        pointers = []
        if content and isinstance(content[0], str) and content[0].startswith(QUOTE_OPEN):
            content[0] = content[0][len(QUOTE_OPEN):]
            pointers.append(f"#{self.quote_open_id}")
        if content and isinstance(content[-1], str) and content[-1].endswith(QUOTE_CLOSE):
            content[-1] = content[-1][: -len(QUOTE_CLOSE)]
            pointers.append(f"#{self.quote_close_id}")
        element = _sub(parent, "q")
        if pointers:
            element.set("rendition", " ".join(pointers))
            self.quoted = True
        self.encode_inline(element, [piece for piece in content if piece != ""])

    def encode_page_break(self, parent: etree._Element, page: PageBreak) -> None:
        element = _sub(parent, "pb", n=page.n)
        element.set(xml("id"), self.page_id(page))

    def encode_footnote(self, parent: etree._Element, note: Footnote) -> None:
        element = _sub(parent, "note")
        if note.kind:
            element.set("type", note.kind)
        element.set("place", "foot")
        if note.n:
            element.set("n", note.n)
        element.set(xml("id"), self.note_id(note))
        self.encode_inline(element, note.content)

    def encode_editorial_note(self, parent: etree._Element, note: EditorialNote) -> None:
        element = _sub(parent, "note", type="editorial", place="inline")
        self.encode_inline(element, note.content)


def _field_dateline(document: Document) -> Dateline | None:
    """The date and place of a typescript's header fields, as the dateline of the TEI header."""
    dates = [f for f in document.fields if f.kind == "date" and f.when]
    if not dates:
        return None
    places = [f for f in document.fields if f.kind == "place"]

    def value(header_field: HeaderField) -> str:
        return plain_text(header_field.content)[len(header_field.label):].strip()

    return Dateline(value(dates[0]), dates[0].when, dates[0].line, value(places[0]) if places else None)


SYMBOL_NAMES = {"*": "star", "†": "dagger", "‡": "ddagger", "§": "section", "¶": "pilcrow"}


def _id_part(key: str) -> str:
    """A note key or page number as part of an xml:id: "*" → "star", "12a" → "12a"."""
    if key.isalnum() and key.isascii():
        return key
    return "-".join(SYMBOL_NAMES.get(char, f"u{ord(char):x}") if not (char.isascii() and char.isalnum()) else char
                    for char in key)


def _side(document: Document, number: int) -> str:
    """The name the text gives group ``number`` ("U.S. Side"), or ""."""
    return document.sides[number - 1] if number <= len(document.sides) else ""


def _page_range(pages: list[str]) -> tuple[str, str] | None:
    """The printed pages a document covers: it starts on the page before its first marker."""
    numbers = [page for page in pages if page.isdigit()]
    if not numbers:
        return None
    first = str(int(numbers[0]) - 1) if int(numbers[0]) > 1 else numbers[0]
    return first, numbers[-1]


def encode(document: Document) -> etree._Element:
    return Encoder(document).encode()


# Elements whose children are blocks: whitespace between their children is layout, not text.
BLOCK_CONTAINERS = frozenset(tei(name) for name in (
    "TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "availability", "sourceDesc", "bibl",
    "encodingDesc", "tagsDecl", "appInfo", "application",
    "profileDesc", "particDesc", "listPerson", "person", "settingDesc", "setting", "revisionDesc", "text",
    "body", "div", "argument", "dateline", "list"))


def indent(element: etree._Element, level: int = 0, space: str = "  ") -> None:
    """Pretty-print in place, adding whitespace only inside block containers.

    lxml's own ``indent`` would also add it inside mixed content (a paragraph that starts
    with a name, a note right after a word), which changes the text.
    """
    if not len(element):
        return
    if element.tag not in BLOCK_CONTAINERS and not all(child.tag in BLOCK_CONTAINERS for child in element):
        return
    if element.text and element.text.strip():
        return
    if any(child.tail and child.tail.strip() for child in element):
        return
    inner = "\n" + space * (level + 1)
    element.text = inner
    for child in element:
        child.tail = inner
        indent(child, level + 1, space)
    element[-1].tail = "\n" + space * level


def serialize(root: etree._Element) -> bytes:
    """Pretty-printed UTF-8 with an XML declaration (whitespace added only between blocks)."""
    indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
