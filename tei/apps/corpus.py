"""Corpus: converted TEI documents → one ``teiCorpus`` file with a shared personography.

    members (TEI file + its persons) → merge_persons → Personography
                                    → write_corpus: header, then each TEI rewritten, one at a time
                                    → validate the file written

**One person, one entry.** Every document names its persons in its own header
(participants in ``particDesc``, persons mentioned in ``sourceDesc``), with ids local to the
document. In the corpus the persons of all documents are merged into one ``listPerson`` in the
corpus header, and each document keeps, where it listed them, only a pointer per person (so its participant groups and roles stay where a
reader looks for them)::

    document A: <person xml:id="smith" role="participant"><persName>Ambassador Smith</persName></person>
    document B: <person xml:id="smith"><persName><forename>John</forename> <surname>Smith</surname></persName></person>
    corpus:     <person xml:id="smith"><persName>Ambassador Smith</persName><persName>John Smith</persName></person>
                A: <person corresp="#smith" role="participant"/>   B: <person corresp="#smith"/>

and every ``#smith`` in ``@ref``, ``@who``, ``@corresp`` or ``@target`` of either document
points to the corpus entry.

**Who is the same person.** Only what the documents say is used: the same surname (case
and accents as written) and forenames that do not contradict (the same, an initial of the
other, or one of them missing). Two persons of one document are never merged: the converter
has already told them apart. A person named only by an office ("The President") is never
merged, because the holder of an office changes from one document to the next. A person
without a forename joins the first entry with that surname: with two different forenames
already known, which one is meant cannot be told from the name, and this is the cheap, stable
guess. The rule is :meth:`Personography.add_document`.

**Other ids.** The ids of a document (``d256``, ``d256-note-1``) are kept unless another
document already used them (two volumes both have a document 1); then every id of the
later document gets a prefix made from its file name, and its pointers follow.

**Memory.** The persons and the ids seen are kept (~100 bytes per id); the documents are
read, written and then validated one at a time (:func:`validate_corpus`), so memory does
not grow with the size of the documents, only with the number of persons and ids.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from lxml import etree

from tei import __version__
from tei.encode import indent
from tei.errors import Diagnostic, Level
from tei.lexicon.names import slug
from tei.namespaces import TEI_NS, XML_ID, tei

__all__ = ["CorpusResult", "Member", "Personography", "write_corpus"]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
POINTER_ATTRIBUTES = ("ref", "who", "corresp", "target", "rendition")
# A corpus entry keeps the distinct forms of a name; past this many, more add nothing to read.
MAX_NAME_FORMS = 8




class PersonLike(Protocol):
    """A person of a document's header (see :class:`tei.apps.batch.PersonRecord`)."""

    @property
    def id(self) -> str: ...
    @property
    def surname(self) -> str: ...
    @property
    def forename(self) -> str: ...
    @property
    def pers_name(self) -> bytes: ...


class Member(Protocol):
    """A document of the corpus: where its TEI is, its name, its persons."""

    @property
    def tei_path(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def persons(self) -> Sequence[PersonLike] | None: ...


def _forename_key(forename: str) -> str:
    """``"Llewellyn E."`` → ``"llewellyn"``, ``"A."`` → ``"a"``: the first given name, folded."""
    first = forename.split()[0] if forename.split() else ""
    return unicodedata.normalize("NFC", first.strip(".")).casefold()


def _compatible(a: str, b: str) -> bool:
    """Two forenames that may be the same person's: equal, one missing, or one the initial of the other."""
    a, b = _forename_key(a), _forename_key(b)
    if not a or not b or a == b:
        return True
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


@dataclass
class CorpusPerson:
    """One entry of the personography: its id, the name it is known by, and the forms of that name."""

    id: str
    surname: str
    forename: str
    names: dict[str, bytes] = field(default_factory=dict)  # the name's text → its persName

    def add_name(self, pers_name: bytes) -> None:
        if not pers_name or len(self.names) >= MAX_NAME_FORMS:
            return
        text = " ".join("".join(str(part) for part in etree.fromstring(pers_name).itertext()).split())
        self.names.setdefault(text, pers_name)

    def element(self) -> etree._Element:
        person = etree.Element(tei("person"))
        person.set(XML_ID, self.id)
        for pers_name in self.names.values():
            person.append(etree.fromstring(pers_name))
        return person


class Personography:
    """The persons of the whole corpus, merged; see the module docstring for the rule."""

    def __init__(self) -> None:
        self.persons: list[CorpusPerson] = []
        self._by_surname: dict[str, list[CorpusPerson]] = {}
        self.ids: set[str] = set()

    def add_document(self, records: Sequence[PersonLike]) -> dict[str, str]:
        """A document's persons → its mapping local id → corpus id (persons created as needed)."""
        mapping: dict[str, str] = {}
        taken: set[str] = set()  # two persons of one document are two persons
        for record in records:
            person = self._match(record, taken) if record.surname else None
            if person is None:
                person = self._new(record)
            elif record.forename and not person.forename:
                person.forename = record.forename
            person.add_name(record.pers_name)
            taken.add(person.id)
            mapping[record.id] = person.id
        return mapping

    def _match(self, record: PersonLike, taken: set[str]) -> CorpusPerson | None:
        candidates = [p for p in self._by_surname.get(record.surname, []) if p.id not in taken]
        if not record.forename:
            return candidates[0] if candidates else None
        key = _forename_key(record.forename)
        for person in candidates:
            if _forename_key(person.forename) == key:
                return person
        for person in candidates:
            if _compatible(person.forename, record.forename):
                return person
        return None

    def _new(self, record: PersonLike) -> CorpusPerson:
        if record.surname:
            base = slug(record.surname)
            if base in self.ids and record.forename:
                base = f"{base}-{slug(record.forename)}"
        else:
            # An office: the document's id ("secretary", "secretary-2") names it best.
            base = re.sub(r"-\d+$", "", record.id) or "person"
        candidate, count = base, 1
        while candidate in self.ids:
            count += 1
            candidate = f"{base}-{count}"
        person = CorpusPerson(candidate, record.surname, record.forename)
        self.persons.append(person)
        self.ids.add(candidate)
        if record.surname:
            self._by_surname.setdefault(record.surname, []).append(person)
        return person

    def element(self) -> etree._Element:
        """The personography → ``listPerson``, its entries sorted by id."""
        people = etree.Element(tei("listPerson"))
        for person in sorted(self.persons, key=lambda p: p.id):
            people.append(person.element())
        return people


@dataclass
class CorpusResult:
    """What :func:`write_corpus` made: how many documents and persons, and the problems found
    when validating the file (empty: valid)."""

    path: Path
    documents: int
    persons: int
    problems: list[Diagnostic]


def _header(title: str, documents: int, personography: Personography) -> etree._Element:
    header = etree.Element(tei("teiHeader"), nsmap={None: TEI_NS})  # type: ignore[dict-item]
    file_desc = etree.SubElement(header, tei("fileDesc"))
    etree.SubElement(etree.SubElement(file_desc, tei("titleStmt")), tei("title")).text = title
    publication = etree.SubElement(file_desc, tei("publicationStmt"))
    etree.SubElement(publication, tei("publisher")).text = f"tei {__version__}"
    etree.SubElement(etree.SubElement(publication, tei("availability")), tei("p")).text = (
        "Converted from plain-text copies of the documents.")
    etree.SubElement(etree.SubElement(file_desc, tei("sourceDesc")), tei("p")).text = (
        f"{documents} memoranda of conversation, each converted from its plain-text copy; "
        "the persons of all of them are listed once, below.")
    if personography.persons:
        partic = etree.SubElement(etree.SubElement(header, tei("profileDesc")), tei("particDesc"))
        partic.append(personography.element())
    return header


def _rewrite(root: etree._Element, persons: dict[str, str], prefix: str, seen: set[str]) -> None:
    """Make one document a member of the corpus, in place.

    Its persons become pointers to the corpus entries (``persons``: local id → corpus
    id); its other ids get ``prefix`` if any of them is in ``seen``; every pointer follows.
    ``seen`` is updated with the ids the document keeps.
    """
    for person in list(root.iterfind(f"{tei('teiHeader')}//{tei('person')}")):
        local = person.get(XML_ID)
        if local is None or local not in persons:
            continue
        del person.attrib[XML_ID]
        # The name moves to the corpus entry; what this meeting says of the person stays.
        for name in person.findall(tei("persName")):
            person.remove(name)
        person.set("corresp", " ".join(filter(None, [f"#{persons[local]}", person.get("corresp")])))
    own = [element.get(XML_ID) or "" for element in root.iter() if element.get(XML_ID) is not None]
    renamed: dict[str, str] = {}
    if any(value in seen for value in own):
        renamed = {value: f"{prefix}-{value}" for value in own}
        for element in root.iter():
            value = element.get(XML_ID)
            if value is not None:
                element.set(XML_ID, renamed[value])
    seen.update(renamed.values() if renamed else own)
    targets = {**{local: corpus_id for local, corpus_id in persons.items()}, **renamed}
    if not targets:
        return
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in POINTER_ATTRIBUTES:
            value = element.get(attribute)
            if not value or "#" not in value:
                continue
            pointers = [f"#{targets[p[1:]]}" if p.startswith("#") and p[1:] in targets else p for p in value.split()]
            element.set(attribute, " ".join(pointers))


def write_corpus(path: str | Path, members: Sequence[Member], *, title: str = "Memoranda of conversation",
                 validate: bool = True) -> CorpusResult:
    """Converted documents → a ``teiCorpus`` file at ``path``; see the module docstring.

    The members' TEI files are read one at a time, in the order given. With ``validate``,
    the file written is checked against the schema and rules like any TEI we write
    (:func:`validate_corpus`); the problems are in the result.
    """
    from tei.xmlsafe import parse

    target = Path(path)
    personography = Personography()
    mappings = [personography.add_document(member.persons or ()) for member in members]
    seen = set(personography.ids)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written piece by piece rather than through etree.xmlfile, whose namespace handling
    # gives xml:lang and the header's elements made-up prefixes; each piece is a whole
    # element serialized by lxml, so the file is well-formed by construction.
    with target.open("wb") as out:
        out.write(b"<?xml version='1.0' encoding='UTF-8'?>\n")
        out.write(f'<teiCorpus xmlns="{TEI_NS}" xml:lang="en">\n'.encode())
        header = _header(title, len(members), personography)
        indent(header)  # lxml's pretty_print would also indent inside persName, changing its text
        out.write(etree.tostring(header, encoding="utf-8") + b"\n")
        for member, mapping in zip(members, mappings):
            root = parse(member.tei_path).getroot()
            _rewrite(root, mapping, slug(member.name), seen)
            out.write(etree.tostring(root, encoding="utf-8"))
            out.write(b"\n")
        out.write(b"</teiCorpus>\n")
    problems = validate_corpus(target) if validate else []
    return CorpusResult(target, len(members), len(personography.persons), problems)


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def validate_corpus(path: str | Path) -> list[Diagnostic]:
    """A teiCorpus file → its diagnostics (empty: valid), reading one ``TEI`` at a time.

    The same checks as :func:`tei.validate.validate_file`, streamed so that memory does not
    grow with the corpus: libxml2 checks the schema as the file is parsed
    (``iterparse(schema=…)``), and the rules of :data:`tei.validate.RULES` run on each
    ``TEI`` as it ends, with the ids of the corpus header in view (a document's speakers
    are persons of the header), before the ``TEI`` is dropped. Ids are checked for
    uniqueness across documents here, the rules seeing one document at a time. A schema
    error stops the parse: it is the only one reported, at the line of its ``TEI``.
    """
    from tei.resources import schema_path
    from tei.validate import RULES, SCHEMA_RULE, Document, libxml2_schema

    name = str(path)
    schema = libxml2_schema(schema_path().resolve())
    problems: list[Diagnostic] = []
    header_ids: dict[str, etree._Element] = {}
    first_use: dict[str, int] = {}  # id → its line, across documents
    line = 1
    try:
        for event, element in etree.iterparse(name, events=("start", "end"), tag=(tei("teiHeader"), tei("TEI")),
                                              schema=schema, resolve_entities=False, no_network=True,
                                              huge_tree=True):
            if event == "start":
                line = _line(element) or line
                continue
            parent = element.getparent()
            if element.tag == tei("teiHeader"):
                if parent is not None and parent.tag == tei("teiCorpus"):
                    header_ids = {str(e.get(XML_ID)): e for e in element.iter() if e.get(XML_ID) is not None}
                    first_use.update((key, _line(e) or 0) for key, e in header_ids.items())
                continue
            for each in element.iter():
                value = each.get(XML_ID)
                if value is not None and value not in header_ids:
                    if value in first_use:
                        problems.append(Diagnostic(Level.ERROR, f"xml:id '{value}' is already used on line "
                                                   f"{first_use[value]}; ids must be unique", name,
                                                   _line(each), rule="unique-id"))
                    else:
                        first_use[value] = _line(each) or 0
            document = Document(etree.ElementTree(element), ids=dict(header_ids))
            for rule in RULES:
                if rule.name == "unique-id":
                    continue  # across the whole file, above
                for found, message in rule.check(document):
                    problems.append(Diagnostic(Level.ERROR, message, name, _line(found), rule=rule.name))
            # Done with this document: drop it and the ones before it.
            element.clear()
            previous = element.getprevious()
            while parent is not None and previous is not None and previous.tag == tei("TEI"):
                parent.remove(previous)
                previous = element.getprevious()
    except etree.XMLSyntaxError as error:
        message = str(error.msg or error).replace(f"{{{TEI_NS}}}", "")
        problems.append(Diagnostic(Level.ERROR, re.sub(r" \(<string>, line \d+\)$", "", message), name,
                                   error.lineno or line, rule=SCHEMA_RULE))
    return sorted(problems, key=lambda d: d.line or 0)
