"""The body encoder: :class:`~tei.model.Document` → TEI P5 tree (lxml).

One ``encode_<node>`` method per model class. Identifiers are deterministic
(``d12-page-212``, ``d12-note-2``), so the same input always gives the same bytes.
"""

from __future__ import annotations

from lxml import etree

from tei.encode.common import ADDRESS_KINDS, append_text, id_part, line_break, side, sub
from tei.encode.header import encode_header
from tei.errors import InternalError
from tei.model import Block as ModelBlock
from tei.model import (
    BulletList,
    Closing,
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
    Quote,
    Said,
    Section,
)
from tei.namespaces import TEI_NS, tei, xml


class Encoder:
    def __init__(self, document: Document) -> None:
        self.document = document
        # A document without a number (a typescript, an old-style title) still needs ids.
        self.prefix = f"d{id_part(document.number)}" if document.number else "doc"
        self.ids: set[str] = {self.prefix, *(person.id for person in (*document.participants, *document.mentioned))}

    # ------------------------------------------------------------ ids
    def page_id(self, page: PageBreak) -> str:
        return self.unique_id(f"{self.prefix}-page-{id_part(page.n)}")

    def note_id(self, note: Footnote) -> str:
        return self.unique_id(f"{self.prefix}-note-{id_part(note.n) if note.n else note.kind or 'unnumbered'}")

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
        encode_header(root, self.document)
        text = sub(root, "text")
        body = sub(text, "body")
        self.encode_document_div(body)
        return root

    # ------------------------------------------------------------ body
    def encode_document_div(self, body: etree._Element) -> None:
        document = self.document
        div = sub(body, "div", type="document")
        if document.number:
            div.set("n", document.number)
        div.set(xml("id"), self.prefix)
        # Page breaks and markings above the title belong to the document: its first page.
        lead: list[tuple[int, PageBreak | Marking]] = [(page.line, page) for page in document.leading]
        lead += [(marking.line, marking) for marking in document.markings if marking.line < document.line]
        for _line, lead_node in sorted(lead, key=lambda entry: entry[0]):
            self.encode_block(div, lead_node)
        head = sub(div, "head")
        self.encode_inline(head, document.head)
        self.encode_front(div)
        if document.groups and not (document.participants_from_title or document.participants_from_speech):
            self.encode_participants(div)
        for block in document.body:
            self.encode_block(div, block)
        for note in document.footnotes:
            if not note.referenced:
                self.encode_footnote(div, note)

    def encode_front(self, div: etree._Element) -> None:
        """Subject lines, header fields, the dateline and page breaks in the order of the source."""
        document = self.document
        front: list[tuple[int, str, object]] = [(page.line, "pb", page) for page in document.front_breaks]
        front += [(marking.line, "marking", marking) for marking in document.markings if marking.line > document.line]
        front += [(header_field.line, "field", header_field) for header_field in document.fields]
        front += [(number, "argument", index) for index, number in enumerate(document.front_argument_lines())]
        if document.dateline:
            front.append((document.dateline.line, "dateline", None))
        argument: etree._Element | None = None
        opener: etree._Element | None = None
        for _line, kind, node in sorted(front, key=lambda entry: entry[0]):
            if kind == "argument":
                # Consecutive subject lines share one argument.
                argument = argument if argument is not None else sub(div, "argument")
                assert isinstance(node, int)
                self.encode_inline(sub(argument, "p"), document.argument[node])
                continue
            argument = None
            if isinstance(node, HeaderField) and node.kind in ADDRESS_KINDS:
                # Consecutive address lines (TO:, FROM:) share one opener, a line break between them.
                if opener is None:
                    opener = sub(div, "opener")
                else:
                    line_break(opener)
                self.encode_inline(opener, node.content)
                continue
            opener = None
            if isinstance(node, (PageBreak, Marking)):
                self.encode_block(div, node)
            elif isinstance(node, HeaderField):
                self.encode_header_field(div, node)
            else:
                assert document.dateline is not None
                dateline = sub(div, "dateline")
                if document.dateline.place:
                    sub(dateline, "placeName", document.dateline.place).tail = ", "
                date = sub(dateline, "date", document.dateline.text)
                if document.dateline.when:
                    date.set("when", document.dateline.when)

    def encode_participants(self, div: etree._Element) -> None:
        document = self.document
        participants = sub(div, "list", type="participants")
        if document.participants_head:
            sub(participants, "head", document.participants_head)
        for number, group in enumerate(document.groups, start=1):
            if all(person.from_title for person in group):
                continue  # persons the text's list does not give: the header's alone
            item = sub(participants, "item", n=str(number))
            group_list = sub(item, "list", type="group")
            if side(document, number):
                sub(group_list, "head", side(document, number))
            for person in (person for person in group if not person.from_title):
                person_item = sub(group_list, "item")
                append_text(person_item, person.lead)
                sub(person_item, "persName", person.name, ref=f"#{person.id}")
                if person.tail_content:
                    self.encode_inline(person_item, person.tail_content)
                else:
                    append_text(person_item, person.tail)

    def encode_block(self, parent: etree._Element, block: ModelBlock) -> None:
        if isinstance(block, Paragraph):
            self.encode_inline(sub(parent, "p"), block.content)
        elif isinstance(block, PageBreak):
            self.encode_page_break(parent, block)
        elif isinstance(block, EditorialBlock):
            self.encode_editorial_note(parent, block.note)
        elif isinstance(block, Marking):
            self.encode_inline(sub(parent, "note", type=block.kind), block.content)
        elif isinstance(block, Closing):
            if block.kind == "signed":
                self.encode_inline(sub(sub(parent, "closer"), "signed"), block.content)
            else:
                self.encode_inline(sub(parent, "note", type=block.kind), block.content)
        elif isinstance(block, BulletList):
            self.encode_bullet_list(parent, block)
        elif isinstance(block, Section):
            div = sub(parent, "div", type="section")
            if block.space_before and block.head is not None:
                div.set("rend", "space-before")
            for page in block.breaks_before_head:
                self.encode_page_break(div, page)
            if block.head is not None:
                self.encode_inline(sub(div, "head"), block.head)
            for child in block.blocks:
                self.encode_block(div, child)
        else:
            raise InternalError(f"no encoder for block {type(block).__name__}")

    # ------------------------------------------------------------ inline
    def encode_inline(self, parent: etree._Element, content: list[Inline]) -> None:
        for item in content:
            if isinstance(item, str):
                append_text(parent, item)
            elif isinstance(item, PageBreak):
                self.encode_page_break(parent, item)
            elif isinstance(item, LineBreak):
                line_break(parent, item.in_word)
            elif isinstance(item, NoteRef):
                self.encode_footnote(parent, item.note)
            elif isinstance(item, EditorialNote):
                self.encode_editorial_note(parent, item)
            elif isinstance(item, Quote):
                self.encode_quote(parent, item)
            elif isinstance(item, PersName):
                element = sub(parent, "persName", item.text)
                if item.ref:
                    element.set("ref", item.ref if "#" in item.ref else f"#{item.ref}")
            elif isinstance(item, Said):
                said = sub(parent, "said")
                if item.who:
                    said.set("who", " ".join(f"#{who}" for who in item.who))
                said.set("direct", "true" if item.direct else "false")
                self.encode_inline(said, item.content)
            else:
                raise InternalError(f"no encoder for inline {type(item).__name__}")

    def encode_header_field(self, parent: etree._Element, header_field: HeaderField) -> None:
        """Date, time and place lines → ``dateline`` (the value in ``date`` or ``placeName``, the
        label kept before it); copies and distribution lines → a typed ``note``; a despatch's
        number → ``opener``."""
        if header_field.kind == "distribution":
            self.encode_inline(sub(parent, "note", type="distribution"), header_field.content)
            return
        if header_field.kind == "number":
            self.encode_inline(sub(parent, "opener"), header_field.content)
            return
        dateline = sub(parent, "dateline")
        content = header_field.content
        label = content[0] if content and isinstance(content[0], str) and content[0].startswith(header_field.label) \
            else None
        if label is None:
            self.encode_inline(dateline, content)
            return
        append_text(dateline, header_field.label)
        value: list[Inline] = [label[len(header_field.label):].lstrip(), *content[1:]]
        space = label[len(header_field.label):len(label) - len(value[0])] if isinstance(value[0], str) else " "
        append_text(dateline, space)
        wrapper = sub(dateline, "placeName" if header_field.kind == "place" else "date")
        if header_field.when:
            wrapper.set("when", header_field.when)
        self.encode_inline(wrapper, [piece for piece in value if piece != ""])

    def encode_quote(self, parent: etree._Element, quote: Quote) -> None:
        """Quote(['“It ', PageBreak, 'was.”']) → <q>“It <pb/>was.”</q>: the marks stay in the text, as
        the header declares (editorialDecl/quotation marks="all"), so TEI tools add none of their own."""
        self.encode_inline(sub(parent, "q"), [piece for piece in quote.content if piece != ""])

    def encode_bullet_list(self, parent: etree._Element, block: BulletList) -> None:
        """``list/item``; in a labelled list ``label``/``item`` pairs, as TEI wants them: an item
        without a label of its own gets an empty label, a label without text an empty item."""
        bullet_list = sub(parent, "list", rend="bulleted")
        labels = set(block.labels)
        for index, item in enumerate(block.items):
            if index in labels:
                self.encode_inline(sub(bullet_list, "label"), item)
                if index + 1 == len(block.items) or index + 1 in labels:
                    sub(bullet_list, "item")
                continue
            if labels and index - 1 not in labels:
                sub(bullet_list, "label")
            self.encode_inline(sub(bullet_list, "item"), item)

    def encode_page_break(self, parent: etree._Element, page: PageBreak) -> None:
        element = sub(parent, "pb", n=page.n)
        element.set(xml("id"), self.page_id(page))

    def encode_footnote(self, parent: etree._Element, note: Footnote) -> None:
        element = sub(parent, "note")
        if note.kind:
            element.set("type", note.kind)
        element.set("place", "foot")
        if note.n:  # an unnumbered source note has no key
            element.set("n", note.n)
        element.set(xml("id"), self.note_id(note))
        self.encode_inline(element, note.content)

    def encode_editorial_note(self, parent: etree._Element, note: EditorialNote) -> None:
        element = sub(parent, "note", type="editorial", place="inline")
        self.encode_inline(element, note.content)


def encode(document: Document) -> etree._Element:
    return Encoder(document).encode()
