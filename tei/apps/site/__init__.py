"""The edition as a static website: what each document contributes, and the pages made from it.

    worker:  model + TEI tree ──mark_anchors, describe──▶ DocumentRecord (small, picklable)
             TEI tree ──transforms/site/document.xsl (the HTML page, wrapped)──▶ NAME.html
    main:    DocumentRecords ──SiteWriter (tei.apps.site.write)──▶ index.html, by-date.html,
             persons.html, persons/ID.html, search.html, _site/ (style, scripts, search data)

**Anchors.** Every paragraph of the text and every name in it gets a stable anchor on the
document page: ``p-N`` (the N-th paragraph) and ``m-N`` (the N-th name that points to a person),
counted in document order; page breaks keep ``page-N`` from the HTML rendering. The same
walk (:func:`mark_anchors`) numbers them for the page and records them for the persons index
and the search, so the two can never disagree. The numbers change only when the text does.

**What comes from where.** Title, date, number, subject, participants and what each said come
from the model (:class:`tei.model.Document`); the anchors, from the tree being rendered.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from tei.model import Document, PageBreak, Person, Said, iter_nodes, plain_text
from tei.namespaces import tei

__all__ = ["SITE_NS", "Anchors", "DocumentRecord", "PersonEntry", "describe", "href", "mark_anchors",
           "site_params"]

#: The namespace of the anchors put on the tree for the page (never written to a TEI file).
SITE_NS = "urn:x-tei:site"
_ANCHOR = f"{{{SITE_NS}}}id"
_PAGE_OF_NAMES = "page"


@dataclass
class Anchors:
    """What :func:`mark_anchors` numbered: the paragraphs (anchor, page, text) and, per person
    id, the names that point to them (anchor, page)."""

    paragraphs: list[tuple[str, str, str]] = field(default_factory=list)
    mentions: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


_WORDS = etree.XPath("normalize-space(.)")


def mark_anchors(root: etree._Element) -> Anchors:
    """Number the paragraphs of the text and the names in them, in document order, on the
    tree (attribute ``{SITE_NS}id``) → what was numbered.

    Only paragraphs outside notes count: a note is rendered apart, at the end; its words are
    not the paragraph's (they are searched with the note). Every page break of the text sets
    the page; a name pointing to a person (``@ref`` with "#") and a note count where they
    stand in such a paragraph, outside notes. One walk of the text (libxml2 stops only at
    these four elements) keeps count of the paragraphs and notes it is inside.
    """
    anchors = Anchors()
    page = start_page = ""
    paragraph_tag, pb_tag, note_tag, name_tag = tei("p"), tei("pb"), tei("note"), tei("persName")
    names = paragraphs = notes = 0  # names numbered; paragraphs and notes the walk is inside
    text: str | None = None
    for part in root.iterchildren(tei("text")):
        for event, element in etree.iterwalk(part, events=("start", "end"),
                                             tag=(paragraph_tag, pb_tag, note_tag, name_tag)):
            tag = element.tag
            if event == "end":
                if tag == paragraph_tag:
                    paragraphs -= 1
                elif tag == note_tag:
                    notes -= 1
                continue
            if tag == paragraph_tag:
                if not paragraphs and not notes:
                    if text is not None:
                        anchors.paragraphs[-1] = (anchors.paragraphs[-1][0], start_page, " ".join(text.split()))
                    anchor = f"p-{len(anchors.paragraphs) + 1}"
                    element.set(_ANCHOR, anchor)
                    start_page, text = page, str(_WORDS(element))
                    anchors.paragraphs.append((anchor, page, ""))
                paragraphs += 1
            elif tag == pb_tag:
                page = element.get("n") or page
            elif tag == note_tag:
                if paragraphs and not notes and text is not None:
                    text = text.replace(str(_WORDS(element)), "", 1)
                notes += 1
            elif paragraphs and not notes and "#" in element.get("ref", ""):
                names += 1
                element.set(_ANCHOR, f"m-{names}")
                # "#able" (the document's person) or "persons.xml#p1" (the editor's personography)
                person = element.get("ref", "").split()[0].removeprefix("#")
                anchors.mentions.setdefault(person, []).append((f"m-{names}", page))
    if text is not None:
        anchors.paragraphs[-1] = (anchors.paragraphs[-1][0], start_page, " ".join(text.split()))
    return anchors


@dataclass
class PersonEntry:
    """A person of one document, as the persons index shows them."""

    id: str
    name: str
    surname: str
    forename: str
    roles: list[str]
    affiliations: list[str]
    side: int  # the participants' group (1, 2 …); 0: mentioned only
    corresp: str = ""  # the pointer to the editor's personography, when linked to it
    words: int = 0  # words attributed to them (the speakers pass)
    mentions: list[tuple[str, str]] = field(default_factory=list)  # (anchor, page)
    pers_name: bytes = b""  # for the Personography's protocol; the site keeps names as text


@dataclass
class DocumentRecord:
    """A document as the site lists it (no text but the paragraphs for the search)."""

    name: str
    number: str
    title: str
    date: str  # ISO (``1986-07-26``) or empty
    date_text: str
    subject: str
    pages: list[str]
    notes: int
    persons: list[PersonEntry]
    paragraphs: list[tuple[str, str, str]]


def _entry(person: Person, side: int) -> PersonEntry:
    # The words of a title are one role ("Under Secretary"), as the TEI's roleName has them.
    roles = ([" ".join(person.role_names)] if person.role_names else []) + list(person.occupations)
    return PersonEntry(person.id, " ".join(person.name.split()) or person.id, person.surname or "",
                       person.forenames[0] if person.forenames else "", roles, list(person.affiliations), side,
                       person.corresp)


def describe(document: Document, name: str, anchors: Anchors | None) -> DocumentRecord:
    """The model of a converted document (and the anchors of its page) → its :class:`DocumentRecord`."""
    persons = [_entry(person, side) for side, group in enumerate(document.groups, start=1) for person in group]
    persons += [_entry(person, 0) for person in document.mentioned]
    by_id = {person.id: person for person in persons}
    pages: list[str] = []
    for node in iter_nodes(document):  # one walk for the words and the pages
        if isinstance(node, Said) and node.who:
            words = len(plain_text(node.content).split())
            for who in node.who:
                if who in by_id:
                    by_id[who].words += words // len(node.who)
        elif isinstance(node, PageBreak):
            pages.append(node.n)
    if anchors is not None:
        # A name points to the person's id, or (linked to a personography) to its entry there.
        by_id.update({person.corresp: person for person in persons if person.corresp})
        for person_id, found in anchors.mentions.items():
            if person_id in by_id:
                by_id[person_id].mentions = found
    dateline = document.dateline
    return DocumentRecord(
        name=name, number=document.number, title=document.title,
        date=dateline.when or "" if dateline else "", date_text=dateline.text if dateline else "",
        subject=" ".join(" ".join(plain_text(line).split()) for line in document.argument),
        pages=pages,
        notes=sum(1 for note in document.footnotes if note.kind != "source"),
        persons=persons, paragraphs=anchors.paragraphs if anchors else [])


def href(name: str, target: str) -> str:
    """A link from the page of document ``name`` to ``target`` (a path from the site's root):
    ``("vol01/d001", "persons.html")`` → ``"../persons.html"``."""
    return posixpath.relpath(target, posixpath.dirname(name) or ".")


def site_params(name: str, formats: Iterable[str], previous: str = "", following: str = "") -> dict[str, str]:
    """The document page's stylesheet parameters: where the site's root, its neighbours and its
    other formats are, relative to the page."""
    base = posixpath.basename(name)
    formats = set(formats)
    return {"root": href(name, ".") + "/" if "/" in name else "",
            "previous": href(name, previous + ".html") if previous else "",
            "next": href(name, following + ".html") if following else "",
            "self-href": base + ".html",
            "tei-href": base + ".tei.xml" if "tei" in formats else "",
            "text-href": base + ".txt" if "text" in formats else ""}
