"""An editor's own personography: link the persons of a document to its ids (``--persons FILE``).

Three kinds of file are read:

- a TEI ``listPerson``: ``<person xml:id="p1"><persName><surname>Able</surname>
  <forename>Ann</forename></persName></person>`` (or a ``persName`` in plain text);
- the persons list at the front of a FRUS volume: a ``list`` of ``item``\\s, each
  ``<persName xml:id="p_AA_1">Able, Ann</persName>, Secretary of State``;
- a CSV file, one person a row: the id, then the forms of the name ("Able, Ann",
  "Ann Able"), one a column or separated by ";" (a first row "id,…" is a header).

A person of the document is linked when exactly one entry has its surname, or, among several,
exactly one also has its forename; the mentions then point to the entry
(``ref="persons.xml#p_AA_1"``, or the prefix the editor chose) and the person records it in
``@corresp``. Persons not found, names that fit several entries, and entries matched by two
persons of one document are reported.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei.errors import PersonographyError, Reporter, TeiError
from tei.lexicon.names import romanize
from tei.model import Document, PersName, Person, iter_inlines
from tei.namespaces import TEI_NS
from tei.resolve.base import Pass
from tei.rules import Registry

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@dataclass(frozen=True)
class Entry:
    """One person of the personography: its id, surname and forenames."""

    id: str
    surname: str
    forenames: tuple[str, ...] = ()


@dataclass
class Personography:
    """The entries of an editor's personography, and the prefix of the pointers to them."""

    entries: list[Entry]
    prefix: str
    by_surname: dict[str, list[Entry]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.entries:
            self.by_surname.setdefault(_key(entry.surname), []).append(entry)

    def match(self, person: Person) -> list[Entry]:
        """The entries that can be ``person``: by surname, then, among several, by forename."""
        found = list({entry.id: entry for entry in self.by_surname.get(_key(person.surname or ""), [])}.values())
        if len(found) > 1 and person.forenames:
            given = {_key(name.rstrip(".")) for name in person.forenames}
            by_forename = {entry.id: entry for entry in self.by_surname.get(_key(person.surname or ""), [])
                           if given & {_key(name.rstrip(".")) for name in entry.forenames}}
            return list(by_forename.values()) or found
        return found


def _key(name: str) -> str:
    return romanize(name).casefold().strip()


def parse_name(text: str) -> tuple[str, tuple[str, ...]]:
    """"Able, Ann B." → ("Able", ("Ann", "B.")); "Ann B. Able" → the same."""
    text = " ".join(text.split())
    if "," in text:
        surname, _, given = text.partition(",")
        return surname.strip(), tuple(given.split())
    words = text.split()
    return (words[-1], tuple(words[:-1])) if words else ("", ())


def read_personography(path: str | Path, prefix: str | None = None) -> Personography:
    """Read a TEI ``listPerson``, a FRUS persons list or a CSV file; pointers are ``prefix`` + id
    (by default the file's name and "#")."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PersonographyError(f"{path}: cannot read the personography ({error.strerror})") from None
    pointer = prefix if prefix is not None else f"{path.name}#"
    if path.suffix.lower() == ".csv" or not data.lstrip().startswith(b"<"):
        return Personography(_csv_entries(data, path), pointer)
    return Personography(_xml_entries(data, path), pointer)


def _csv_entries(data: bytes, path: Path) -> list[Entry]:
    try:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    except (UnicodeDecodeError, csv.Error) as error:
        raise PersonographyError(f"{path}: not a CSV file of persons ({error}); expected rows 'id,name'") from None
    entries: list[Entry] = []
    for number, row in enumerate(rows, start=1):
        cells = [cell.strip() for cell in row if cell.strip()]
        if not cells or (number == 1 and cells[0].lower() == "id"):
            continue
        if len(cells) < 2:
            raise PersonographyError(f"{path}:{number}: a row needs an id and a name, found {row!r}")
        forms = [form.strip() for cell in cells[1:] for form in cell.split(";") if form.strip()]
        entries += [Entry(cells[0], *parse_name(form)) for form in forms]
    return entries


def _xml_entries(data: bytes, path: Path) -> list[Entry]:
    from tei.xmlsafe import parse

    try:
        root = parse(data, str(path)).getroot()
    except TeiError as error:
        raise PersonographyError(f"{path}: not a personography ({error})") from None
    entries: list[Entry] = []
    for person in root.iter(f"{{{TEI_NS}}}person"):
        name = person.find(f"{{{TEI_NS}}}persName")
        if person.get(XML_ID) and name is not None:
            entries.append(Entry(person.get(XML_ID, ""), *_structured_name(name)))
    for name in root.iter(f"{{{TEI_NS}}}persName"):
        if name.get(XML_ID):  # a FRUS persons list: the persName itself has the id
            entries.append(Entry(name.get(XML_ID, ""), *parse_name(_text(name))))
    if not entries:
        raise PersonographyError(f"{path}: no person with an xml:id (expected a TEI listPerson or a list of "
                                 "items with <persName xml:id=…>)")
    return entries


def _text(element: etree._Element) -> str:
    return "".join(str(text) for text in element.itertext())


def _structured_name(name: etree._Element) -> tuple[str, tuple[str, ...]]:
    surname = name.find(f"{{{TEI_NS}}}surname")
    if surname is None:
        return parse_name(_text(name))
    forenames = tuple(" ".join(_text(part) for part in name.iter(f"{{{TEI_NS}}}forename")).split())
    return " ".join(_text(surname).split()), forenames


def link_to_personography(document: Document, personography: Personography, reporter: Reporter) -> None:
    """Point the persons of ``document`` and their mentions to the personography's entries."""
    pointers: dict[str, str] = {}
    claimed: dict[str, Person] = {}
    for person in [*document.participants, *document.mentioned]:
        if not person.surname:
            continue
        found = personography.match(person)
        name = " ".join([*person.forenames, person.surname])
        if len(found) != 1:
            ids = ", ".join(entry.id for entry in found)
            reporter.warning(f"'{name}' is {'in the personography as ' + ids if found else 'not in the personography'}"
                             f"{'; not linked (give the forename)' if found else ''}", person.line,
                             "persons-unlinked")
            continue
        entry = found[0]
        if entry.id in claimed:
            reporter.warning(f"'{name}' and '{claimed[entry.id].name}' both match {entry.id} in the personography",
                             person.line, "persons-matched-twice")
        claimed[entry.id] = person
        pointers[person.id] = person.corresp = personography.prefix + entry.id
        reporter.decide("persons.personography", f"'{name}'", pointers[person.id],
                        f"the entry of the surname '{entry.surname}'", person.line)
    for content in document.text_lists():
        for item in iter_inlines(content):
            if isinstance(item, PersName) and item.ref in pointers:
                item.ref = pointers[item.ref]


PRIORITY = 50  # after the speakers pass, which reads the document's own person ids


def with_personography(passes: Registry[Pass], personography: Personography) -> Registry[Pass]:
    """``passes`` with a pass that links to ``personography`` (after the persons and speakers passes)::

        Converter(passes=with_personography(build_passes(), read_personography("persons.xml")))
    """
    def link(document: Document, reporter: Reporter) -> None:
        """Link the persons and their mentions to the editor's personography."""
        link_to_personography(document, personography, reporter)

    passes.register(link, "personography", PRIORITY)
    return passes
