"""The site's own pages: the documents' records → home, persons, search, in the output folder.

    DocumentRecord ─add()─▶ kept (without its paragraphs)  ─close()─▶ site.xml (in memory)
                  └───────▶ paragraphs streamed to _site/search-data.js   │
                                                                          ▼
        transforms/site/pages.xsl: index.html (by number), by-date.html, persons.html,
        persons/ID.html (one per person), search.html; _site/ gets the style and scripts

**Persons.** A person of several documents is one person of the site when the editor's
personography (``tei batch --persons``) links them to the same entry, or, for the persons it
does not link, when the corpus's :class:`~tei.apps.corpus.Personography` says so (same
surname, forenames that do not contradict); a person named by office alone stays one per
document.

**Writing.** Every page goes through a temporary file and a rename
(:func:`tei.apps.files.atomic_write`): a reader, or a run killed half-way, sees the old page
or the new one.
"""

from __future__ import annotations

import json
import shutil
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from tei import __version__
from tei.apps.corpus import Personography
from tei.apps.files import atomic_write, atomic_writer, printable
from tei.apps.site import DocumentRecord
from tei.lexicon.names import slug
from tei.render import stylesheet_at
from tei.resources import transform_path

__all__ = ["ASSETS", "SiteWriter"]

#: Files copied from transforms/site/ into OUTPUT/_site/ (MiniSearch with its licence, which
#: must travel with it).
ASSETS = ("site.css", "site.js", "search.js", "minisearch.js", "minisearch.LICENSE")
#: Documents listed on one page of the home page (index.html, index-2.html …): each page of
#: the site stays under 200 KB.
ROWS_PER_PAGE = 250


@dataclass
class _Listed:
    """A document as the site keeps it between add() and close()."""

    record: DocumentRecord
    outputs: dict[str, str]


_APPEARANCE = ("href", "number", "title", "date", "when", "side", "words", "name", "mentions")


@dataclass
class _SitePerson:
    id: str
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    # Each document it is in: the attributes of <in href number title … mentions/>, in
    # _APPEARANCE's order (tuples, not elements: a standalone lxml element is a document).
    appearances: list[tuple[str, ...]] = field(default_factory=list)
    documents: int = 0
    words: int = 0
    participant: bool = False


class SiteWriter:
    """Collects the documents of a run, in input order, and writes the site's pages at the end."""

    def __init__(self, folder: Path, title: str, source: str = "") -> None:
        self.folder, self.title, self.source = folder, title, source
        self.documents: list[_Listed] = []
        self.failures: list[tuple[str, str]] = []
        self.personography = Personography()
        self.linked: dict[str, str] = {}  # personography pointer → site id
        self.persons: dict[str, _SitePerson] = {}
        (folder / "_site").mkdir(parents=True, exist_ok=True)
        self._search = atomic_writer(folder / "_site" / "search-data.js")
        self._stream = self._search.__enter__()
        self._stream.write("window.TEI_SEARCH = [")
        self._separator = "\n"  # the array inside is JSON: no comma after the last entry

    def add(self, record: DocumentRecord, outputs: dict[str, str]) -> None:
        href = outputs.get("html", "")
        if href and record.paragraphs:
            title = f"{record.number}. {record.title}" if record.number else record.title
            entry = [href, title, record.date_text, [list(p) for p in record.paragraphs]]
            self._stream.write(self._separator + json.dumps(entry, ensure_ascii=False))
            self._separator = ",\n"
        record.paragraphs = []  # kept on disk, not in memory
        listed = _Listed(record, outputs)
        self.documents.append(listed)
        self._add_persons(listed)

    def add_failure(self, name: str, error: str) -> None:
        """An input that gave no document: named on the home page, its errors in report.json."""
        self.failures.append((name, error))

    def close(self, complete: bool = True, pool: Executor | None = None) -> None:
        """Write the pages for the documents added so far; the persons' pages in ``pool``'s
        processes when given (they are many and independent)."""
        self._stream.write("\n];\n")
        self._search.__exit__(None)
        for name in ASSETS:
            shutil.copyfile(transform_path(f"site/{name}"), self.folder / "_site" / name)
        persons = sorted(self.persons.values(), key=lambda p: p.names[0].split()[-1].casefold() if p.names else p.id)
        head = {"title": self.title, "generator": f"tei {__version__}", "source": printable(self.source)}
        folder = self.folder / "persons"
        folder.mkdir(exist_ok=True)
        pages = [(person.id, etree.tostring(self._person_element(person))) for person in persons]
        chunks = [pages[start:start + 64] for start in range(0, len(pages), 64)]
        writing = (pool.map(write_person_pages, [str(folder)] * len(chunks), [head] * len(chunks), chunks)
                   if pool is not None else None)
        site = self._site_tree(persons, complete, head)
        by_date = sorted(range(len(self.documents)), key=lambda i: self.documents[i].record.date or "9999")
        for order, stem in ((range(len(self.documents)), "index"), (by_date, "by-date")):
            parts = [list(order)[start:start + ROWS_PER_PAGE] for start in range(0, len(order), ROWS_PER_PAGE)]
            for number, rows in enumerate(parts or [[]], start=1):
                params = {"page": "home" if stem == "index" else "by-date", "rows": " ".join(map(str, rows)),
                          "part": str(number), "parts": str(len(parts))}
                atomic_write(self.folder / _paged(stem, number), _page(site, **params))
        for page in ("persons", "search"):
            atomic_write(self.folder / f"{page}.html", _page(site, page=page))
        if writing is None:
            for chunk in chunks:
                write_person_pages(str(folder), head, chunk)
        else:
            list(writing)  # waits, and raises what a worker raised
        written = {f"{person_id}.html" for person_id, _ in pages}
        for stale in folder.glob("*.html"):  # persons of an earlier run who are no longer in the edition
            if stale.name not in written:
                stale.unlink(missing_ok=True)

    # ------------------------------------------------------------------ data

    def _linked_id(self, corresp: str) -> str:
        """The site's id of the person an editor's personography entry names: the entry decides
        who is the same person, whatever the documents call them (``persons.xml#p12`` → ``p12``)."""
        found = self.linked.get(corresp)
        if found is None:
            base = slug(corresp.rsplit("#", 1)[-1]) or "person"
            found, count = base, 1
            while found in self.personography.ids:
                count += 1
                found = f"{base}-{count}"
            self.personography.ids.add(found)  # the surname rule's persons get other ids
            self.linked[corresp] = found
        return found

    def _add_persons(self, listed: _Listed) -> None:
        """A document's persons → the site's persons (merged by the Personography), each
        given this document's appearance."""
        record = listed.record
        mapping = self.personography.add_document([entry for entry in record.persons if not entry.corresp])
        for entry in record.persons:
            if entry.corresp:
                mapping[entry.id] = self._linked_id(entry.corresp)
        for entry in record.persons:
            site_id = mapping[entry.id]
            person = self.persons.setdefault(site_id, _SitePerson(site_id))
            for value, values in ((entry.name, person.names), *((r, person.roles) for r in entry.roles),
                                  *((a, person.affiliations) for a in entry.affiliations)):
                if value and value not in values:
                    values.append(value)
            person.documents += 1
            person.words += entry.words
            person.participant = person.participant or entry.side > 0
            person.appearances.append((listed.outputs.get("html", ""), record.number, record.title,
                                       record.date_text, record.date, str(entry.side), str(entry.words),
                                       entry.name, _by_page(entry.mentions)))
            entry.id = site_id  # the document's rows now point to the site's person
            entry.mentions = []

    def _site_tree(self, persons: list[_SitePerson], complete: bool, head: dict[str, str]) -> etree._Element:
        records = [listed.record for listed in self.documents]
        site = etree.Element("site", head, documents=str(len(records)), complete="yes" if complete else "no",
                             pages=str(sum(len(set(r.pages)) for r in records)),
                             notes=str(sum(r.notes for r in records)), persons=str(len(persons)))
        for listed in self.documents:
            record = listed.record
            # The reading page is what a reader wants; the TEI or the text when there is no page.
            main = listed.outputs.get("html") or listed.outputs.get("tei") or listed.outputs.get("text") or ""
            document = etree.SubElement(site, "document", href=main,
                                        tei=listed.outputs.get("tei", ""), text=listed.outputs.get("text", ""),
                                        number=record.number, title=record.title, when=record.date,
                                        year=record.date[:4], date=record.date_text, subject=record.subject,
                                        pages=_page_range(record.pages), notes=str(record.notes))
            participants = [entry for entry in record.persons if entry.side]
            document.set("persons", " ".join(entry.id for entry in participants))
            document.set("names", ", ".join(entry.name for entry in participants))
        for person in persons:
            site.append(self._summary(person))
        for name, error in self.failures:
            etree.SubElement(site, "failed", name=printable(name), error=printable(error[:200]))
        return site

    @staticmethod
    def _summary(person: _SitePerson) -> etree._Element:
        """A person as the list of persons shows them."""
        return etree.Element("person", id=person.id, name=person.names[0] if person.names else person.id,
                             documents=str(person.documents), words=str(person.words),
                             roles="; ".join(person.roles + person.affiliations),
                             participant="yes" if person.participant else "no")

    @staticmethod
    def _person_element(person: _SitePerson) -> etree._Element:
        """A person with everything their page shows."""
        element = SiteWriter._summary(person)
        for tag, values in (("name", person.names), ("role", person.roles), ("affiliation", person.affiliations)):
            for value in values:
                etree.SubElement(element, tag).text = value
        for appearance in person.appearances:
            etree.SubElement(element, "in", dict(zip(_APPEARANCE, appearance)))
        return element


def write_person_pages(folder: str, head: dict[str, str], pages: list[tuple[str, bytes]]) -> None:
    """Persons (id, their serialized ``person`` element) → their pages in ``folder`` (a
    worker's job: picklable arguments only)."""
    for person_id, person in pages:
        tree = etree.Element("site", head)
        tree.append(etree.fromstring(person))
        atomic_write(Path(folder) / f"{person_id}.html", _page(tree, page="person"))


def _page(tree: etree._Element, **params: str) -> bytes:
    """The site's data → one of its pages (transforms/site/pages.xsl)."""
    quoted: dict[str, Any] = {key: etree.XSLT.strparam(value) for key, value in params.items()}
    return bytes(stylesheet_at("site/pages.xsl")(tree, **quoted))


def _by_page(mentions: list[tuple[str, str]]) -> str:
    """A person's mentions in a document, one per page: its first mention there and how many
    there are: ``[("m-5", "212"), ("m-9", "212"), ("m-12", "213")]`` → ``"m-5:212:2 m-12:213:1"``.
    (A page of a person much talked about would otherwise hold thousands of links.)"""
    pages: dict[str, list[str]] = {}
    for anchor, page in mentions:
        pages.setdefault(page, []).append(anchor)
    return " ".join(f"{anchors[0]}:{page}:{len(anchors)}" for page, anchors in pages.items())


def _paged(stem: str, number: int) -> str:
    """``("index", 1)`` → ``index.html``; ``("index", 2)`` → ``index-2.html``."""
    return f"{stem}.html" if number == 1 else f"{stem}-{number}.html"


def _page_range(pages: list[str]) -> str:
    if not pages:
        return ""
    return pages[0] if pages[0] == pages[-1] else f"{pages[0]}–{pages[-1]}"
