"""The rules a grammar cannot say: a TEI tree → (element, message) for each problem.

Each rule is a named :class:`Check` in the registry :data:`CHECKS`; :func:`run_checks` hands
each the elements it names (libxml2 finds them: no Python runs for the others), then lets each
finish with what it gathered, so the cost is linear in the document.

=====================  ==========================================================  =======
rule                   what it requires                                            for
=====================  ==========================================================  =======
``unique-id``          every ``xml:id`` is used once (the second one is reported,  all TEI
                       with the line of the first)
``no-xsi-attributes``  no ``xsi:schemaLocation`` or other attribute of the XML      all TEI
                       Schema instance namespace
``pointer-resolves``   every ``#id`` in ``@ref``, ``@who``, ``@corresp``,          all TEI
                       ``@target``, ``@rendition`` names an ``xml:id`` of the
                       document; pointers
                       into other files (``persons.xml#able``), URLs and prefixed
                       ids (``psn:able``) are external and not checked
``said-who-person``    every ``said/@who`` that resolves points to a ``person``    memo
``notes-in-order``     footnotes of each ``div[@type='document']`` are numbered    memo
                       in reading order (:class:`NotesInOrder`)
``pages-increase``     page numbers increase (:class:`PagesIncrease`: folios,      all TEI
                       editions, restarts)
``no-empty-p``         no text paragraph without content (:class:`NoEmptyP`)       all TEI
=====================  ==========================================================  =======

``schemas/memo.odd`` describes the same rules, each under its name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import ClassVar, Final

from lxml import etree

from tei.namespaces import TEI_NS, XML_ID, tei
from tei.rules import Registry
from tei.validate.locate import Location, line_of
from tei.validate.locate import local_name as _local

POINTER_ATTRIBUTES = ("ref", "who", "corresp", "target", "rendition")
#: Elements that stand for content even without text: words left out, a link, a picture, a formula.
STANDS_FOR_CONTENT = frozenset({"gap", "ptr", "ref", "graphic", "figure", "media", "formula", "binaryObject",
                                "space", "g"})
#: Suggestions ("did you mean") cost a search of every id: made for this many dangling pointers.
_SUGGESTIONS = 20

Finding = tuple[etree._Element, str]


class Document:
    """What the rules share: the tree, its ``xml:id`` index (first use of each id), where each
    element starts in the source (for messages that cite another line), and whether pointers
    that leave the document are expected (``external_ok``)."""

    def __init__(self, tree: etree._ElementTree, locate: Callable[[etree._Element | None], Location] | None = None,
                 ids: dict[str, etree._Element] | None = None, external_ok: bool = False) -> None:
        self.tree = tree
        self.locate = locate
        self.ids = {} if ids is None else ids
        self.external_ok = external_ok
        self._with_id = self.xpath("/descendant::*[@xml:id]")
        for element in self._with_id:
            self.ids.setdefault(element.get(XML_ID, ""), element)

    def with_id(self) -> list[etree._Element]:
        """The elements with an xml:id, in document order (XPath: the loop runs in C)."""
        return self._with_id

    def xpath(self, expression: str) -> list[etree._Element]:
        """Elements selected by an XPath 1.0 expression (prefix ``tei:`` for the TEI namespace).

        Write ``/descendant::*[…]``, not ``//*[…]``: libxml2 evaluates ``//`` as a child step
        from every node and merges the results, which grows faster than the document.
        """
        result = self.tree.xpath(expression, namespaces={"tei": TEI_NS})
        return [node for node in result if isinstance(node, etree._Element)]  # type: ignore[union-attr]

    def elements(self, name: str) -> Iterator[etree._Element]:
        return self.tree.iter(tei(name))

    def line(self, element: etree._Element) -> int | None:
        """Element → the line its start tag begins on."""
        return self.locate(element)[0] if self.locate is not None else line_of(element)


class Check:
    """One rule, run during the shared walk: :meth:`visit` sees each element named in
    ``tags`` (every element when None), :meth:`finish` reports what needs the whole document."""

    name: ClassVar[str]
    tags: ClassVar[frozenset[str] | None] = frozenset()

    def __init__(self, document: Document) -> None:
        self.document = document

    def visit(self, element: etree._Element) -> Iterable[Finding]:
        return ()

    def finish(self) -> Iterable[Finding]:
        return ()


def ordinal(digits: str) -> tuple[int, str]:
    """A run of digits → a key that orders like its number, however long (no int conversion)."""
    significant = digits.lstrip("0")
    return len(significant), significant


class UniqueId(Check):
    """Every ``xml:id`` is used once: ``<p xml:id="a"/> … <p xml:id="a"/>`` → the second is reported."""

    name = "unique-id"

    def finish(self) -> Iterator[Finding]:
        document = self.document
        for element in document.with_id():
            value = element.get(XML_ID, "")
            first = document.ids[value]
            if first is not element:
                yield element, f"xml:id '{value}' is already used on line {document.line(first)}; ids must be unique"


class PointerResolves(Check):
    """Every ``#id`` in @ref, @who, @corresp, @target, @rendition names an ``xml:id``: ``ref="#nobody"`` → reported.

    Other pointers are external: another file (``persons.xml#able``), a URL, a prefixed id
    (``psn:able``). With ``external_ok``, a ``#id`` not in this document is taken to be in
    another file of the edition too. A pointer used many times is reported once, at its
    first use, with the number of the others.
    """

    name = "pointer-resolves"

    def finish(self) -> Iterator[Finding]:
        dangling: dict[str, list[tuple[etree._Element, str]]] = {}
        ids = self.document.ids
        # One walk of its own, asking each element for the attributes it has (one call), not
        # for each name it may have: most elements point nowhere.
        for element in () if self.document.external_ok else self.document.tree.iter(tag=etree.Element):
            pointing = [(str(key), str(value)) for key, value in element.items() if key in _ORDER]
            if len(pointing) > 1:
                pointing.sort(key=lambda item: _ORDER[item[0]])  # reported in the order of POINTER_ATTRIBUTES
            for attribute, value in pointing:
                for pointer in value.split():
                    if pointer.startswith("#") and pointer[1:] not in ids:
                        dangling.setdefault(pointer, []).append((element, attribute))
        for number, (pointer, uses) in enumerate(dangling.items()):
            element, attribute = uses[0]
            others = f"; used {len(uses) - 1} more time{'s' if len(uses) > 2 else ''}" if len(uses) > 1 else ""
            hint = self.hint(pointer) if number < _SUGGESTIONS else ""
            yield element, f"@{attribute} '{pointer}' points to no xml:id in this document{hint}{others}"

    def hint(self, pointer: str) -> str:
        import difflib  # only for a dangling pointer: not at start-up

        close = difflib.get_close_matches(pointer[1:], self.document.ids, n=1)
        return f" (did you mean '#{close[0]}'?)" if close else ""


_ORDER = {attribute: index for index, attribute in enumerate(POINTER_ATTRIBUTES)}


class SaidWhoPerson(Check):
    """``said/@who`` points to a ``person``: ``<said who="#geneva">`` with ``geneva`` a placeName → reported.

    Pointers that resolve to nothing are ``pointer-resolves``'s to report.
    """

    name = "said-who-person"
    tags = frozenset({"said"})

    def visit(self, said: etree._Element) -> Iterator[Finding]:
        for pointer in (said.get("who") or "").split():
            target = self.document.ids.get(pointer[1:]) if pointer.startswith("#") else None
            if target is not None and target.tag != tei("person"):
                yield said, (f"@who '{pointer}' points to a <{_local(target)}> on line "
                             f"{self.document.line(target)}; a speaker must be a <person>")


_NUMBER = re.compile(r"^\s*(\d+)(.*?)\s*$")


def note_key(n: str) -> tuple[tuple[int, str], str] | None:
    """A footnote's @n → its sort key, ``12`` < ``12a`` < ``12b`` < ``13``; None for ``*`` or ``iv``."""
    match = _NUMBER.match(n)
    return (ordinal(match.group(1)), match.group(2)) if match else None


class NotesInOrder(Check):
    """Footnotes are numbered in reading order within each ``div[@type='document']``.

    Exactly: the footnotes are the ``note[@place='foot']`` with an @n that starts with digits;
    their scope is the nearest ``div[@type='document']`` (else the ``text``). The key of
    ``n`` is its number and the rest (:func:`note_key`), and ``0`` is a number like any other
    (the source note is sometimes 0). Numbers need not start at 1 or be consecutive (the text
    may quote only some notes), but in reading order each footnote's key is greater than the
    one before: ``1, 3, 2`` is reported at ``2``, ``1, 1`` at the second ``1``. Footnotes
    never referenced in the text, which the converter places at the end of the document div,
    are checked only for duplicates. Notes whose @n has no leading digits (``*``, ``†``) are
    not numbered and not checked.
    """

    name = "notes-in-order"
    tags = frozenset({"note"})

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.scopes: dict[etree._Element, list[etree._Element]] = {}

    def visit(self, note: etree._Element) -> Iterable[Finding]:
        if note.get("place") == "foot" and note_key(note.get("n", "")) is not None:
            scope = _note_scope(note)
            if scope is not None:
                self.scopes.setdefault(scope, []).append(note)
        return ()

    def finish(self) -> Iterator[Finding]:
        for scope, notes in self.scopes.items():
            yield from self._in_order(_trailing_notes(scope), notes)

    def _in_order(self, trailing: set[etree._Element], notes: list[etree._Element]) -> Iterator[Finding]:
        line = self.document.line
        seen: dict[object, etree._Element] = {}
        previous: tuple[object, etree._Element] | None = None
        for note in notes:
            n = note.get("n", "")
            key = note_key(n)
            if key in seen:
                yield note, f"footnote {n} is numbered twice (first on line {line(seen[key])})"
                continue
            seen[key] = note
            if note in trailing:
                continue
            if previous is not None and key < previous[0]:  # type: ignore[operator]
                yield note, (f"footnote {n} comes after footnote {previous[1].get('n')} (line {line(previous[1])}); "
                             "footnotes must be numbered in reading order")
            previous = (key, note)


def _note_scope(note: etree._Element) -> etree._Element | None:
    for ancestor in note.iterancestors():
        if ancestor.tag == tei("div") and ancestor.get("type") == "document":
            return ancestor
        if ancestor.tag == tei("text"):
            return ancestor
    return None  # in the header: a source note describes the document, it is not a footnote


def _trailing_notes(scope: etree._Element) -> set[etree._Element]:
    """The notes that end a document div after all its content: footnotes never referenced in the text."""
    trailing: set[etree._Element] = set()
    for child in reversed(scope):
        if child.tag != tei("note"):
            break
        trailing.add(child)
    return trailing


_PAGE = re.compile(r"^(?P<series>.*?)(?P<number>\d+)(?P<side>[A-Za-z]{0,2})\s*$", re.DOTALL)


class PagesIncrease(Check):
    """Page numbers increase: ``<pb n="12"/> … <pb n="11"/>`` → reported at 11; ``12`` then ``12`` too.

    A page's number is the last run of digits in @n, with the letters after it: folio sides
    and columns order as written (``924r`` < ``924v`` < ``925r``, ``12`` < ``12a``). What comes
    before the number names a series, checked on its own (``A-3``, ``A-4``; ``2:15`` is page
    15 of volume 2). Each ``text`` and each edition (``@ed``, ``@edRef``) has its own series,
    and a page 1 (``1``, ``1r``) starts the count again, as a new volume or part does. Page
    breaks without digits (``xii``) are not checked.
    """

    name = "pages-increase"
    tags = frozenset({"pb"})

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.last: dict[tuple[object, ...], tuple[tuple[tuple[int, str], str], etree._Element]] = {}

    def visit(self, pb: etree._Element) -> Iterator[Finding]:
        match = _PAGE.match(pb.get("n") or "")
        if match is None:
            return
        text = next(pb.iterancestors(tei("text")), None)
        series = (text, pb.get("ed"), pb.get("edRef"), match.group("series").strip())
        key = (ordinal(match.group("number")), match.group("side").lower())
        previous = self.last.get(series)
        self.last[series] = (key, pb)
        if previous is None or key > previous[0] or key[0] == (1, "1"):
            return
        what = "repeats" if key == previous[0] else "comes after"
        yield pb, (f"page {pb.get('n')} {what} page {previous[1].get('n')} (line {self.document.line(previous[1])}); "
                   "page numbers must increase")


class NoEmptyP(Check):
    """No empty paragraph: ``<p/>``, ``<p> </p>``, ``<p><pb n="3"/></p>``, ``<p><hi> </hi></p>`` → reported.

    Empty means: no text but white space anywhere inside, and no element that stands for
    content by itself (:data:`STANDS_FOR_CONTENT`: ``<p><gap/></p>``, ``<p><ptr/></p>``,
    ``<p><graphic/></p>``), nor any element of another vocabulary (MathML, SVG). Page and
    line breaks, anchors and empty phrases do not make content. A ``p`` in the header may be
    empty: there it stands for a statement the schema asks for (``<publicationStmt><p/>``).
    """

    name = "no-empty-p"
    tags = frozenset({"p"})

    def visit(self, p: etree._Element) -> Iterator[Finding]:
        if any(text.strip() for text in p.itertext()):
            return
        for child in p.iterdescendants():
            if isinstance(child.tag, str) and (_local(child) in STANDS_FOR_CONTENT
                                               or not child.tag.startswith(f"{{{TEI_NS}}}")):
                return
        if next(p.iterancestors(tei("teiHeader")), None) is None:
            yield p, "empty paragraph: a <p> must contain text"


XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


class NoXsiAttributes(Check):
    """No attribute of the XML Schema instance namespace (``xsi:schemaLocation``, ``xsi:type``): TEI's
    RELAX NG schemas reject them, though an XML Schema processor takes them as its own and lets them pass.

    ``<TEI xsi:schemaLocation="… tei_all.xsd">`` → reported; point to a schema with an
    ``<?xml-model?>`` processing instruction instead.
    """

    name = "no-xsi-attributes"

    def finish(self) -> Iterator[Finding]:
        for element in self.document.xpath(f"/descendant::*[@*[namespace-uri()='{XSI_NS}']]"):
            for attribute in map(str, element.keys()):
                if attribute.startswith(f"{{{XSI_NS}}}"):
                    yield element, (f"attribute 'xsi:{attribute.split('}')[1]}' is not TEI (its RELAX NG schema "
                                    "rejects it); to name a schema use an <?xml-model?> processing instruction")


CHECKS: Registry[type[Check]] = Registry("validation rule")
for _priority, _check in enumerate(reversed(
        (UniqueId, NoXsiAttributes, PointerResolves, SaidWhoPerson, NotesInOrder, PagesIncrease, NoEmptyP))):
    CHECKS.register(_check, _check.name, _priority)
#: The rules that hold for any TEI document (the others are conventions of the memo customization).
GENERAL_RULES = ("unique-id", "no-xsi-attributes", "pointer-resolves", "pages-increase", "no-empty-p")
#: The rules that check what TEI's grammar itself requires where XML Schema lets it pass: errors against
#: any schema. (A duplicate ``xml:id`` is not among them: jing, the TEI's validator, lets some through.)
GRAMMAR_RULES = ("no-xsi-attributes",)


def run_checks(document: Document, names: Collection[str] | None = None) -> list[tuple[str, etree._Element, str]]:
    """Run the named rules (all when None) → (rule, element, message), rule by rule.

    Each rule visits the elements it names in document order, found by libxml2's walk (a few
    walks in C cost less than one in Python that asks every element which rules want it).
    """
    found: list[tuple[str, etree._Element, str]] = []
    for name, make in CHECKS.items():
        if names is not None and name not in names:
            continue
        check = make(document)
        if check.tags is None:
            elements: Iterable[etree._Element] = document.tree.iter(tag=etree.Element)
        else:
            elements = document.tree.iter(*(tei(tag) for tag in check.tags)) if check.tags else ()
        for element in elements:
            found.extend((name, where, message) for where, message in check.visit(element))
        found.extend((name, where, message) for where, message in check.finish())
    return found


class Rule:
    """A named rule, runnable alone: the document → (element, message) for each problem found."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name: Final = name

    def check(self, document: Document) -> list[Finding]:
        return [(element, message) for _, element, message in run_checks(document, (self.name,))]


RULES: tuple[Rule, ...] = tuple(Rule(name) for name, _ in CHECKS.items())
