"""The rules a grammar cannot say: a TEI tree → (element, message) for each problem.

One named function each, all listed in :data:`RULES` (in the order they run):

=====================  =============================================================
``unique-id``          every ``xml:id`` is used once (the second one is reported,
                       with the line of the first)
``pointer-resolves``   every ``#id`` in ``@ref``, ``@who``, ``@corresp``, ``@target``
                       names an ``xml:id`` of the document (other URIs are external
                       and not checked)
``said-who-person``    every ``said/@who`` that resolves points to a ``person``
``notes-in-order``     footnotes (``note[@place='foot'][@n]``) of each
                       ``div[@type='document']`` are numbered in reading order:
                       see :func:`notes_in_order` for exactly what that means
``pages-increase``     ``pb/@n`` increases through each ``text``
``no-empty-p``         no ``p`` without text (page or line breaks and empty phrases
                       do not count as text; a ``gap`` does)
=====================  =============================================================
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lxml import etree

from tei.namespaces import TEI_NS, XML_ID, tei
from tei.validate.locate import Location, line_of
from tei.validate.locate import local_name as _local

POINTER_ATTRIBUTES = ("ref", "who", "corresp", "target")
POINTER_XPATH = "|".join(f"//@{attribute}" for attribute in POINTER_ATTRIBUTES)
# An element that stands for content even when it has no text: a gap marks words left out.
STANDS_FOR_TEXT = frozenset({"gap"})

Finding = tuple[etree._Element, str]


@dataclass
class Document:
    """What the rules share: the tree, its ``xml:id`` index (first use of each id), and
    where each element starts in the source (for messages that cite another line)."""

    tree: etree._ElementTree
    locate: Callable[[etree._Element | None], Location] | None = None
    ids: dict[str, etree._Element] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for element in self.with_id():
            self.ids.setdefault(element.get(XML_ID, ""), element)

    def with_id(self) -> list[etree._Element]:
        """The elements with an xml:id, in document order (XPath: the loop runs in C)."""
        return self.xpath("//*[@xml:id]")

    def xpath(self, expression: str) -> list[etree._Element]:
        """Elements selected by an XPath 1.0 expression (prefix ``tei:`` for the TEI namespace)."""
        result = self.tree.xpath(expression, namespaces={"tei": TEI_NS})
        return [node for node in result if isinstance(node, etree._Element)]  # type: ignore[union-attr]

    def elements(self, name: str) -> Iterator[etree._Element]:
        return self.tree.iter(tei(name))

    def line(self, element: etree._Element) -> int | None:
        """Element → the line its start tag begins on."""
        return self.locate(element)[0] if self.locate is not None else line_of(element)


def unique_id(document: Document) -> Iterator[Finding]:
    """Every ``xml:id`` is used once: ``<p xml:id="a"/> … <p xml:id="a"/>`` → the second is reported."""
    for element in document.with_id():
        value = element.get(XML_ID, "")
        first = document.ids[value]
        if first is not element:
            yield element, f"xml:id '{value}' is already used on line {document.line(first)}; ids must be unique"


def pointer_resolves(document: Document) -> Iterator[Finding]:
    """Every ``#id`` in @ref, @who, @corresp, @target names an ``xml:id``: ``ref="#nobody"`` → reported."""
    values = document.tree.xpath(POINTER_XPATH)
    for value in values if isinstance(values, list) else []:
        if not isinstance(value, etree._ElementUnicodeResult):
            continue
        element, attribute = value.getparent(), str(value.attrname)
        if element is None:
            continue
        for pointer in value.split():
            if not pointer.startswith("#") or pointer[1:] in document.ids:
                continue
            close = difflib.get_close_matches(pointer[1:], document.ids, n=1)
            hint = f" (did you mean '#{close[0]}'?)" if close else ""
            yield element, (f"@{attribute} '{pointer}' points to no xml:id in this document{hint}")


def said_who_person(document: Document) -> Iterator[Finding]:
    """``said/@who`` points to a ``person``: ``<said who="#geneva">`` with ``geneva`` a placeName → reported.

    Pointers that resolve to nothing are ``pointer-resolves``'s to report.
    """
    for said in document.elements("said"):
        for pointer in (said.get("who") or "").split():
            target = document.ids.get(pointer[1:]) if pointer.startswith("#") else None
            if target is not None and target.tag != tei("person"):
                yield said, (f"@who '{pointer}' points to a <{_local(target)}> on line {document.line(target)}; "
                             "a speaker must be a <person>")


_NUMBER = re.compile(r"^\s*(\d+)(.*?)\s*$")


def note_key(n: str) -> tuple[int, str] | None:
    """A footnote's @n → its sort key: ``"12"`` → ``(12, "")``, ``"12a"`` → ``(12, "a")``, ``"*"`` → None."""
    match = _NUMBER.match(n)
    return (int(match.group(1)), match.group(2)) if match else None


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


def notes_in_order(document: Document) -> Iterator[Finding]:
    """Footnotes are numbered in reading order within each ``div[@type='document']``.

    Exactly: the footnotes are the ``note[@place='foot']`` with an @n that starts with digits;
    their scope is the nearest ``div[@type='document']`` (else the ``text``). The key of
    ``n`` is its number and the rest, so ``12`` < ``12a`` < ``12b`` < ``13``, and ``0`` is a
    number like any other (the source note is sometimes 0). Numbers need not start at 1 or be
    consecutive (the text may quote only some notes), but in reading order each footnote's
    key is greater than the one before: ``1, 3, 2`` is reported at ``2``, ``1, 1`` at the
    second ``1``. Footnotes never referenced in the text, which the converter places at the
    end of the document div, are checked only for duplicates. Notes whose @n has no leading
    digits (``*``, ``†``) are not numbered and not checked.
    """
    scopes: dict[etree._Element, list[etree._Element]] = {}
    for note in document.elements("note"):
        if note.get("place") == "foot" and note.get("n") is not None and note_key(note.get("n", "")):
            scope = _note_scope(note)
            if scope is not None:
                scopes.setdefault(scope, []).append(note)
    for scope, notes in scopes.items():
        trailing = _trailing_notes(scope)
        seen: dict[tuple[int, str], etree._Element] = {}
        previous: etree._Element | None = None
        for note in notes:
            n = note.get("n", "")
            key = note_key(n)
            assert key is not None
            if key in seen:
                yield note, f"footnote {n} is numbered twice (first on line {document.line(seen[key])})"
                continue
            seen[key] = note
            if note in trailing:
                continue
            if previous is not None and key < note_key(previous.get("n", "")):  # type: ignore[operator]
                yield note, (f"footnote {n} comes after footnote {previous.get('n')} (line {document.line(previous)}); "
                             "footnotes must be numbered in reading order")
            previous = note


def pages_increase(document: Document) -> Iterator[Finding]:
    """``pb/@n`` increases through each ``text``: ``<pb n="12"/> … <pb n="11"/>`` → reported at 11.

    The number is the first run of digits in @n (``"211"``, ``"A-12"``); a page break
    without digits (``"xii"``) is not checked. An equal number is a repeated page.
    """
    for text in document.elements("text"):
        previous: tuple[int, etree._Element] | None = None
        for pb in text.iter(tei("pb")):
            match = re.search(r"\d+", pb.get("n") or "")
            if match is None:
                continue
            number = int(match.group())
            if previous is not None and number <= previous[0]:
                what = "repeats" if number == previous[0] else "comes after"
                yield pb, (f"page {pb.get('n')} {what} page {previous[1].get('n')} (line {document.line(previous[1])}); "
                           "page numbers must increase")
            previous = (number, pb)


def no_empty_p(document: Document) -> Iterator[Finding]:
    """No empty paragraph: ``<p/>``, ``<p> </p>``, ``<p><pb n="3"/></p>``, ``<p><hi> </hi></p>`` → reported.

    Empty means: no text but white space anywhere inside, and no ``gap`` (which stands for
    words left out). Page and line breaks, anchors and empty phrases do not make content.
    """
    for p in document.xpath("//tei:p[not(normalize-space())]"):
        if not any(_local(child) in STANDS_FOR_TEXT for child in p.iterdescendants()):
            yield p, "empty paragraph: a <p> must contain text"


@dataclass(frozen=True)
class Rule:
    """A named semantic check: the document → (element, message) for each problem found."""

    name: str
    check: Callable[[Document], Iterator[Finding]]


RULES: tuple[Rule, ...] = (
    Rule("unique-id", unique_id),
    Rule("pointer-resolves", pointer_resolves),
    Rule("said-who-person", said_who_person),
    Rule("notes-in-order", notes_in_order),
    Rule("pages-increase", pages_increase),
    Rule("no-empty-p", no_empty_p),
)
