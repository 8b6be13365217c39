"""The site's own pages: the documents' records → home, persons, search, in the output folder.

    DocumentRecord ─add()─▶ kept (without its paragraphs)  ─close()─▶ site.xml (in memory)
                  └───────▶ paragraphs streamed to _site/search-data.js   │
                                                                          ▼
        transforms/site/pages.xsl: index.html (by number), by-date.html, persons.html,
        persons/ID.html (one per person), search.html; _site/ gets the style and scripts

**Persons.** A person of several documents is one person of the site when the corpus's
:class:`~tei.apps.corpus.Personography` says so (same surname, forenames that do not
contradict); a person named by office alone stays one per document.

**Writing.** Every page goes through a temporary file and a rename
(:func:`tei.apps.files.atomic_write`): a reader, or a run killed half-way, sees the old page
or the new one.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from tei import __version__
from tei.apps.corpus import Personography
from tei.apps.files import atomic_write, atomic_writer, printable
from tei.apps.site import DocumentRecord, PersonEntry
from tei.render import stylesheet_at
from tei.resources import transform_path

__all__ = ["ASSETS", "SiteWriter"]

#: Files copied from transforms/site/ into OUTPUT/_site/.
ASSETS = ("site.css", "site.js", "search.js")
#: Documents listed on one page of the home page (index.html, index-2.html …): each page of
#: the site stays under 200 KB.
ROWS_PER_PAGE = 250


@dataclass
class _Listed:
    """A document as the site keeps it between add() and close()."""

    record: DocumentRecord
    outputs: dict[str, str]


@dataclass
class _SitePerson:
    id: str
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    appearances: list[tuple[_Listed, PersonEntry]] = field(default_factory=list)


class SiteWriter:
    """Collects the documents of a run, in input order, and writes the site's pages at the end."""

    def __init__(self, folder: Path, title: str, source: str = "") -> None:
        self.folder, self.title, self.source = folder, title, source
        self.documents: list[_Listed] = []
        self.failures: list[tuple[str, str]] = []
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
        self.documents.append(_Listed(record, outputs))

    def add_failure(self, name: str, error: str) -> None:
        """An input that gave no document: named on the home page, its errors in report.json."""
        self.failures.append((name, error))

    def close(self, complete: bool = True) -> None:
        """Write the pages for the documents added so far."""
        self._stream.write("\n];\n")
        self._search.__exit__(None)
        for name in ASSETS:
            shutil.copyfile(transform_path(f"site/{name}"), self.folder / "_site" / name)
        persons = self._persons()
        head = {"title": self.title, "generator": f"tei {__version__}", "source": printable(self.source)}
        site = self._site_tree(persons, complete, head)
        by_date = sorted(range(len(self.documents)), key=lambda i: self.documents[i].record.date or "9999")
        for order, stem in ((range(len(self.documents)), "index"), (by_date, "by-date")):
            pages = [list(order)[start:start + ROWS_PER_PAGE] for start in range(0, len(order), ROWS_PER_PAGE)]
            for number, rows in enumerate(pages or [[]], start=1):
                params = {"page": "home" if stem == "index" else "by-date", "rows": " ".join(map(str, rows)),
                          "part": str(number), "parts": str(len(pages))}
                atomic_write(self.folder / _paged(stem, number), _page(site, **params))
        for page in ("persons", "search"):
            atomic_write(self.folder / f"{page}.html", _page(site, page=page))
        folder = self.folder / "persons"
        folder.mkdir(exist_ok=True)
        written = set()
        for person in persons:
            tree = etree.Element("site", head)
            tree.append(self._person_element(person, detail=True))
            atomic_write(folder / f"{person.id}.html", _page(tree, page="person"))
            written.add(f"{person.id}.html")
        for stale in folder.glob("*.html"):  # persons of an earlier run who are no longer in the edition
            if stale.name not in written:
                stale.unlink(missing_ok=True)

    # ------------------------------------------------------------------ data

    def _persons(self) -> list[_SitePerson]:
        personography = Personography()
        found: dict[str, _SitePerson] = {}
        for listed in self.documents:
            mapping = personography.add_document(listed.record.persons)
            for entry in listed.record.persons:
                site_id = mapping[entry.id]
                entry_person = found.setdefault(site_id, _SitePerson(site_id))
                for value, values in ((entry.name, entry_person.names), *((r, entry_person.roles) for r in entry.roles),
                                      *((a, entry_person.affiliations) for a in entry.affiliations)):
                    if value and value not in values:
                        values.append(value)
                entry_person.appearances.append((listed, entry))
                entry.id = site_id  # the document's rows now point to the site's person
        return sorted(found.values(), key=lambda p: p.names[0].split()[-1].casefold() if p.names else p.id)

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
            site.append(self._person_element(person, detail=False))
        for name, error in self.failures:
            etree.SubElement(site, "failed", name=printable(name), error=printable(error[:200]))
        return site

    @staticmethod
    def _person_element(person: _SitePerson, detail: bool) -> etree._Element:
        element = etree.Element("person", id=person.id, name=person.names[0] if person.names else person.id,
                                documents=str(len({id(listed) for listed, _ in person.appearances})),
                                words=str(sum(entry.words for _, entry in person.appearances)))
        if not detail:
            element.set("roles", "; ".join(person.roles + person.affiliations))
            element.set("participant", "yes" if any(entry.side for _, entry in person.appearances) else "no")
            return element
        for tag, values in (("name", person.names), ("role", person.roles), ("affiliation", person.affiliations)):
            for value in values:
                etree.SubElement(element, tag).text = value
        for listed, entry in person.appearances:
            record = listed.record
            etree.SubElement(element, "in", href=listed.outputs.get("html", ""), number=record.number,
                             title=record.title, date=record.date_text, when=record.date, side=str(entry.side),
                             words=str(entry.words), name=entry.name, mentions=_by_page(entry.mentions))
        return element


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
