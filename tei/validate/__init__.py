"""Validation: a TEI tree (or file, or bytes) → a list of :class:`~tei.errors.Diagnostic`.

Two stages, both always run, so one pass reports every problem:

1. **the grammar**, ``schemas/memo.xsd`` (XSD 1.0): rule name ``schema``, the message
   starts with the element's path, e.g.
   ``memo.xml:41:9: schema: /TEI/text/body/div/p[3]: Unexpected child with tag 'foo' at position 2.``
2. **the rules a grammar cannot say**, plain Python over the lxml tree, one named function
   each, all listed in :data:`RULES` (in the order they run):

   =================  =============================================================
   ``unique-id``      every ``xml:id`` is used once (the second one is reported,
                      with the line of the first)
   ``pointer-resolves`` every ``#id`` in ``@ref``, ``@who``, ``@corresp``, ``@target``
                      names an ``xml:id`` of the document (other URIs are external
                      and not checked)
   ``said-who-person`` every ``said/@who`` that resolves points to a ``person``
   ``notes-in-order`` footnotes (``note[@place='foot'][@n]``) of each
                      ``div[@type='document']`` are numbered in reading order:
                      see :func:`notes_in_order` for exactly what that means
   ``pages-increase`` ``pb/@n`` increases through each ``text``
   ``no-empty-p``     no ``p`` without text (page or line breaks and empty phrases
                      do not count as text; a ``gap`` does)
   =================  =============================================================

Before both, the file must parse safely (:mod:`tei.xmlsafe`): otherwise the one diagnostic
is ``well-formed`` (empty, or not XML) or ``safe-xml`` (a DOCTYPE: XXE, entity expansion).

**Speed.** xmlschema, the validator whose reports we want (the element's path, a reason
that names the expected elements, the source line), is pure Python; on this XSD it measured
about 160x slower than libxml2 (``bench/bench_validate.py``: ~1.2 s/MB against ~8 ms/MB,
and 320 ms against 3 ms to compile the schema). So libxml2 (``lxml.etree.XMLSchema``)
*decides*, and xmlschema *explains*:

- a document libxml2 accepts is valid; xmlschema never runs (almost everything we validate
  is valid: the converter's output), so batches and large files cost libxml2's time plus
  the rules (~50 ms/MB);
- for a document libxml2 rejects, its error lines locate the faulty elements; xmlschema
  validates only the smallest subtrees holding them (each element's parent, climbed to a
  globally declared element) and its diagnostics are reported, with absolute paths. One
  error in a 9 MB corpus is explained in ~0.7 s instead of ~11 s. A duplicate ``xml:id``
  (libxml2 complains, as xml.xsd types it ``xs:ID``) is left to the unique-id rule;
- if that finds nothing, xmlschema validates the whole document; if the two engines still
  disagree, libxml2's own messages are reported rather than nothing.

``validate_tree(..., engine="xmlschema")`` skips libxml2 and runs xmlschema on the whole
document; the tests check on randomly edited documents that both paths report the same
diagnostics. Both compiled schemas are cached per schema file; xmlschema's is compiled
only when first needed.

Line numbers are those of the source file (the parser keeps them), never those of a
re-serialization: the line and column where the element's start tag begins, recovered
from the source text where it is at hand (libxml2 alone gives the line where it ends).
A tree built in memory has no line numbers: use :func:`validate_bytes` on its serialization.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from lxml import etree

from tei.errors import Diagnostic, Level, TeiError
from tei.namespaces import TEI_NS, XML_ID, XML_NS, tei
from tei.resources import schema_path
from tei.xmlsafe import UnreadableFileError, UnsafeXmlError, parse

if TYPE_CHECKING:
    import xmlschema

SCHEMA_RULE = "schema"
POINTER_ATTRIBUTES = ("ref", "who", "corresp", "target")
POINTER_XPATH = "|".join(f"//@{attribute}" for attribute in POINTER_ATTRIBUTES)
# An element that stands for content even when it has no text: a gap marks words left out.
STANDS_FOR_TEXT = frozenset({"gap"})

Engine = Literal["auto", "xmlschema"]
Finding = tuple[etree._Element, str]




class SchemaError(TeiError):
    """The schema file is missing or does not compile."""


# ---------------------------------------------------------------------------- schemas


def _schema_file(schema: str | Path | None) -> Path:
    path = Path(schema) if schema is not None else schema_path("memo.xsd")
    if not path.is_file():
        raise SchemaError(f"the schema {path} does not exist")
    return path.resolve()


@functools.lru_cache(maxsize=8)
def libxml2_schema(path: Path) -> etree.XMLSchema:
    """XSD file → libxml2's compiled schema (cached)."""
    try:
        document = parse(path)
        # parse() reads bytes; the URL lets xs:import find xml.xsd beside the schema.
        document.docinfo.URL = path.as_uri()
        return etree.XMLSchema(document)
    except (TeiError, etree.XMLSchemaParseError) as error:
        raise SchemaError(f"{path}: the schema does not compile: {error}") from error


@functools.lru_cache(maxsize=8)
def xmlschema_schema(path: Path) -> xmlschema.XMLSchema10:
    """XSD file → xmlschema's compiled schema (cached). Local files only, no network."""
    # Imported here: xmlschema takes ~0.12 s to import and only explains invalid documents.
    import xmlschema
    try:
        return xmlschema.XMLSchema10(str(path), allow="local", defuse="always")
    except (xmlschema.XMLSchemaException, OSError) as error:
        raise SchemaError(f"{path}: the schema does not compile: {error}") from error


# ---------------------------------------------------------------------------- the document


@dataclass
class Document:
    """What the rules share: the tree, its ``xml:id`` index (first use of each id), and
    where each element starts in the source (for messages that cite another line)."""

    tree: etree._ElementTree
    locate: Callable[[etree._Element | None], tuple[int | None, int | None]] | None = None
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


def line_of(element: etree._Element | None) -> int | None:
    """Element → its line in the source file, or None (built in memory, or no element)."""
    line = element.sourceline if element is not None else None
    return line if isinstance(line, int) else None


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


# ---------------------------------------------------------------------------- rules


def unique_id(document: Document) -> Iterator[Finding]:
    """Every ``xml:id`` is used once: ``<p xml:id="a"/> … <p xml:id="a"/>`` → the second is reported."""
    for element in document.with_id():
        value = element.get(XML_ID, "")
        first = document.ids[value]
        if first is not element:
            yield element, f"xml:id '{value}' is already used on line {document.line(first)}; ids must be unique"


def pointer_resolves(document: Document) -> Iterator[Finding]:
    """Every ``#id`` in @ref, @who, @corresp, @target names an ``xml:id``: ``ref="#nobody"`` → reported."""
    # The attributes are gathered by XPath (the walk runs in C): half the time of a Python loop
    # over every element.
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


# ---------------------------------------------------------------------------- running


_CLARK = re.compile(r"\{([^}]*)\}")


def _short_names(text: str) -> str:
    """``{tei-ns}p`` or ``'tei:p'`` → ``p``, ``{xml-ns}id`` → ``xml:id``: the names people write."""
    text = _CLARK.sub(lambda m: "" if m.group(1) == TEI_NS else ("xml:" if m.group(1) == XML_NS else m.group(0)),
                      text)
    return text.replace("'tei:", "'")


# xmlschema quotes the pattern a value failed; say what the pattern means instead.
_PATTERN_FAILED = "value doesn't match any pattern of "
_PATTERN_MEANINGS = {  # keys as xmlschema prints them: the repr of the list of patterns
    r"['#[\\i-[:]][\\c-[:]]*']": "must be one or more '#id' pointers to an xml:id of this document",
    r"['true|false']": "must be 'true' or 'false'",
    r"['\\S+']": "must not be empty",
    r"['[^\\p{C}\\p{Z}]+']": "must be one word, without spaces",
}


_EMPTY_LIST = "value length cannot be lesser than 1"


def _plain_reason(reason: str) -> str:
    """xmlschema's reason → the same, with a failed pattern explained in words."""
    for pattern, meaning in _PATTERN_MEANINGS.items():
        if reason.endswith(_PATTERN_FAILED + pattern):
            return reason[: -len(_PATTERN_FAILED + pattern)] + meaning
    if reason.endswith(_EMPTY_LIST):
        return reason[: -len(_EMPTY_LIST)] + "must not be empty"
    return reason


class _Locator:
    """Source text → where an element's start tag begins: (line, column), 1-based.

    libxml2 numbers an element by the line where its start tag *ends*, so an element whose
    attributes are spread over several lines (as XML editors wrap them) would be reported
    on its last line. The source, scanned once and only when there is something to report,
    gives the line and column of the ``<``: the k-th start tag in the text is the k-th
    element in document order (a ``<`` elsewhere can only open an end tag, a comment, a
    CDATA section or a processing instruction, which the scan skips). When the counts do
    not match (an encoding the scan cannot read), the parser's line is kept, without column.
    """

    _MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!.*?>|</|<", re.DOTALL)

    def __init__(self, tree: etree._ElementTree, source: bytes | None) -> None:
        self.tree, self.source = tree, source
        self._starts: dict[int, tuple[int, int]] | None = None
        # Keyed by id(): lxml keeps one proxy per node while a reference lives, so the
        # elements are kept here for as long as the ids are used.
        self._elements: list[etree._Element] = []

    def _scan(self) -> dict[int, tuple[int, int]]:
        if self.source is None:
            return {}
        text = self.source.decode("utf-8", "replace")
        offsets = [m.start() for m in self._MARKUP.finditer(text) if m.group() == "<"]
        elements = self._elements = [e for e in self.tree.iter() if isinstance(e.tag, str)]
        if len(offsets) != len(elements):
            return {}
        starts = {}
        line, line_start, scanned = 1, 0, 0
        for element, offset in zip(elements, offsets, strict=True):
            newlines = text.count("\n", scanned, offset)
            if newlines:
                line += newlines
                line_start = text.rindex("\n", scanned, offset) + 1
            scanned = offset
            starts[id(element)] = (line, offset - line_start + 1)
        return starts

    def __call__(self, element: etree._Element | None) -> tuple[int | None, int | None]:
        """Element → (line, column) of its start tag; (parser's line, None) when unknown."""
        if element is None:
            return None, None
        if self._starts is None:
            self._starts = self._scan()
        return self._starts.get(id(element), (line_of(element), None))


def element_path(element: etree._Element) -> str:
    """Element → its path in xmlschema's style: ``/TEI/text/body/div/p[3]`` (an index only among namesakes)."""
    steps = []
    current: etree._Element | None = element
    while current is not None:
        parent = current.getparent()
        step = _short_names(str(current.tag))
        if parent is not None:
            namesakes = [sibling for sibling in parent if sibling.tag == current.tag]
            if len(namesakes) > 1:
                step += f"[{namesakes.index(current) + 1}]"
        steps.append(step)
        current = parent
    return "/" + "/".join(reversed(steps))


def _subtrees(tree: etree._ElementTree, lines: set[int], schema: xmlschema.XMLSchema10) -> list[etree._Element]:
    """libxml2's error lines → the smallest subtrees that hold those errors, for xmlschema to explain.

    An error is reported on the line of the element at fault; its parent's content model may
    be what is wrong, so the subtree is the parent, climbed to an element the schema declares
    globally (xmlschema validates a subtree against a global declaration). The root when in doubt.
    """
    root = tree.getroot()
    if not lines or 0 in lines:
        return [root]
    declared = set(schema.maps.elements)
    candidates = []
    for element in tree.iter():
        if isinstance(element.tag, str) and line_of(element) in lines:
            candidate = element.getparent()
            if candidate is None:
                return [root]
            while candidate.tag not in declared and (parent := candidate.getparent()) is not None:
                candidate = parent
            candidates.append(candidate)
    if not candidates:
        return [root]
    chosen = {id(candidate) for candidate in candidates}
    subtrees: list[etree._Element] = []
    taken: set[int] = set()  # a set: thousands of errors under one parent made the list search quadratic
    for candidate in candidates:
        if id(candidate) in taken or any(id(ancestor) in chosen for ancestor in candidate.iterancestors()):
            continue
        taken.add(id(candidate))
        subtrees.append(candidate)
    return subtrees


class _Paths:
    """An xmlschema error → the path of its element, as xmlschema writes it (``/TEI/text/body/p[3]``,
    an index only among namesakes), from the root it validated.

    xmlschema's own ``error.path`` searches the tree from its root for every error, and counts
    the namesakes of each step anew: 8000 errors in one body took 22 s. Here each parent's
    children are numbered once. Elements outside the TEI namespace (and no namespace) are left
    to xmlschema, which writes them with the document's prefixes.
    """

    def __init__(self) -> None:
        # Keyed by id(): the children are kept alive with their steps, so the ids stay theirs.
        self._steps: dict[int, tuple[list[etree._Element], dict[int, str]]] = {}

    def _step(self, parent: etree._Element, child: etree._Element) -> str | None:
        entry = self._steps.get(id(parent))
        if entry is None:
            children = list(parent)
            totals: dict[object, int] = {}
            for sibling in children:
                totals[sibling.tag] = totals.get(sibling.tag, 0) + 1
            steps, seen = {}, dict.fromkeys(totals, 0)
            for sibling in children:
                seen[sibling.tag] += 1
                if isinstance(sibling.tag, str):
                    name = _short_names(sibling.tag)
                    steps[id(sibling)] = name if totals[sibling.tag] == 1 else f"{name}[{seen[sibling.tag]}]"
            entry = self._steps[id(parent)] = (children, steps)
        return entry[1].get(id(child))

    def __call__(self, error: xmlschema.XMLSchemaValidationError) -> str | None:
        element, root = error.elem, error.root
        if not isinstance(element, etree._Element) or not isinstance(root, etree._Element):
            return error.path
        steps = []
        current = element
        while current is not root:
            parent = current.getparent()
            step = self._step(parent, current) if parent is not None else None
            if step is None or "{" in step:
                return error.path
            steps.append(step)
            current = parent
        first = _short_names(str(root.tag))
        return error.path if "{" in first else "/" + "/".join([first, *reversed(steps)])


def _xmlschema_diagnostics(tree: etree._ElementTree, path: str, schema_file: Path, locate: _Locator,
                           subtrees: list[etree._Element] | None = None) -> list[Diagnostic]:
    """xmlschema's errors for the whole tree, or for the given subtrees only (paths stay absolute)."""
    schema = xmlschema_schema(schema_file)
    diagnostics = []
    seen: set[tuple[str, str]] = set()
    paths = _Paths()
    for subtree in subtrees or [tree.getroot()]:
        prefix = element_path(subtree) if subtree.getparent() is not None else ""
        for error in schema.iter_errors(subtree):
            diagnostic = _xmlschema_diagnostic(error, path, locate, prefix, seen, paths)
            if diagnostic is not None:
                diagnostics.append(diagnostic)
    return diagnostics


def _xmlschema_diagnostic(error: xmlschema.XMLSchemaValidationError, path: str, locate: _Locator,
                          prefix: str, seen: set[tuple[str, str]], paths: _Paths) -> Diagnostic | None:
    """One xmlschema error → a diagnostic at the source line, or None for a repeat."""
    element = error.elem if isinstance(error.elem, etree._Element) else None
    reason = _plain_reason(_short_names(error.reason or error.message))
    error_path = paths(error)
    # One problem, one line: a value failing both a pattern and its base type
    # ("direct='no'") comes as two errors about the same attribute.
    key = (f"{prefix}{error_path}", reason.split(":")[0] if reason.startswith("attribute ") else reason)
    if key in seen:
        return None
    seen.add(key)
    # "Unexpected child … at position N": point at the child, not at its parent.
    index = getattr(error, "index", None)
    if element is not None and isinstance(index, int) and 0 <= index < len(element):
        child = element[index]
        if line_of(child) is not None:
            element = child
    line, column = locate(element) if element is not None else (error.sourceline, None)
    where = _short_names(error_path or "")
    if where and prefix:
        # a subtree's paths start at its root: put the root's absolute path in front
        where = prefix + re.sub(r"^/[^/]*", "", where)
    message = f"{where}: {reason}" if where else reason
    return Diagnostic(Level.ERROR, message, path, line, column, SCHEMA_RULE)


def _libxml2_diagnostics(log: etree._ListErrorLog, path: str) -> list[Diagnostic]:
    return [Diagnostic(Level.ERROR, _short_names(entry.message), path, entry.line or None, entry.column or None,
                       SCHEMA_RULE) for entry in log]


def _is_duplicate_id(diagnostic: Diagnostic) -> bool:
    # xml.xsd types xml:id as xs:ID, so both XSD validators report a duplicate too; the
    # unique-id rule reports it once, with the line of the first use.
    return diagnostic.rule == SCHEMA_RULE and ("duplicated xs:ID" in diagnostic.message
                                               or "type 'xs:ID'" in diagnostic.message)


_LIBXML2_BAD_ID = re.compile(r"'([^']*)' is not a valid value of the atomic type 'xs:ID'")


def _error_lines(log: etree._ListErrorLog, document: Document) -> set[int]:
    """libxml2's error log → the lines xmlschema should explain.

    A duplicate xml:id is the unique-id rule's to report (with the line of the first use),
    so libxml2's xs:ID complaint about a value used twice needs no explaining; without this,
    one duplicate id between two subtrees would send xmlschema over the whole document.
    """
    duplicates = {e.get(XML_ID) for e in document.with_id() if document.ids[e.get(XML_ID, "")] is not e}
    lines = set()
    for entry in log:
        match = _LIBXML2_BAD_ID.search(entry.message)
        if match is None or match.group(1) not in duplicates:
            lines.add(entry.line)
    return lines


def validate_tree(tree: etree._ElementTree | etree._Element, path: str = "<input>", *,
                  schema: str | Path | None = None, source: bytes | None = None,
                  engine: Engine = "auto") -> list[Diagnostic]:
    """TEI tree → its diagnostics (empty when valid), sorted by line.

    ``path`` names the file in the diagnostics; ``schema`` is an XSD file (default
    ``schemas/memo.xsd``); ``source`` is the file's bytes, to locate start tags;
    ``engine="xmlschema"`` skips the libxml2 fast path. Raises :class:`SchemaError` when the
    schema cannot be used.
    """
    if isinstance(tree, etree._Element):
        tree = tree.getroottree()
    schema_file = _schema_file(schema)
    locate = _Locator(tree, source)
    document = Document(tree, locate)
    diagnostics: list[Diagnostic] = []
    fast = libxml2_schema(schema_file) if engine == "auto" else None
    if fast is None or not fast.validate(tree):
        # libxml2 said where: xmlschema explains only the subtrees that hold the errors,
        # then the whole document if that finds nothing, then libxml2's own words.
        subtrees = None
        if fast is not None:
            lines = _error_lines(fast.error_log, document)
            subtrees = _subtrees(tree, lines, xmlschema_schema(schema_file)) if lines else []
        if subtrees != []:
            diagnostics = _xmlschema_diagnostics(tree, path, schema_file, locate, subtrees)
            if not diagnostics and fast is not None and subtrees != [tree.getroot()]:
                diagnostics = _xmlschema_diagnostics(tree, path, schema_file, locate)
            if not diagnostics and fast is not None:
                diagnostics = _libxml2_diagnostics(fast.error_log, path)
    for rule in RULES:
        for element, message in rule.check(document):
            line, column = locate(element)
            diagnostics.append(Diagnostic(Level.ERROR, message, path, line, column, rule.name))
    if any(d.rule == "unique-id" for d in diagnostics):
        diagnostics = [d for d in diagnostics if not _is_duplicate_id(d)]
    return sorted(diagnostics, key=lambda d: (d.line or 0, d.column or 0))


def validate_bytes(data: bytes, path: str = "<input>", *, schema: str | Path | None = None,
                   engine: Engine = "auto") -> list[Diagnostic]:
    """XML bytes → diagnostics. A file that cannot be parsed safely gives one diagnostic
    (rule ``well-formed`` or ``safe-xml``) and is not validated further."""
    try:
        tree = parse(data, path, collect_ids=False)
    except UnsafeXmlError as error:
        return [Diagnostic(Level.ERROR, error.message, path, error.line, error.column, error.rule)]
    return validate_tree(tree, path, schema=schema, source=data, engine=engine)


def validate_file(path: str | Path, *, schema: str | Path | None = None,
                  engine: Engine = "auto") -> list[Diagnostic]:
    """XML file → diagnostics. Raises :class:`~tei.xmlsafe.UnreadableFileError` when the file
    cannot be read, :class:`SchemaError` when the schema cannot be used."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise UnreadableFileError(f"cannot read the file ({error.strerror})", str(path)) from error
    return validate_bytes(data, str(path), schema=schema, engine=engine)


def format_diagnostic(diagnostic: Diagnostic) -> str:
    """Diagnostic → ``file:line:column: rule: message`` (line and column when known)."""
    location = diagnostic.path
    if diagnostic.line is not None:
        location += f":{diagnostic.line}"
        if diagnostic.column is not None:
            location += f":{diagnostic.column}"
    return f"{location}: {diagnostic.rule or SCHEMA_RULE}: {diagnostic.message}"


def diagnostic_json(diagnostic: Diagnostic) -> dict[str, object]:
    """Diagnostic → a JSON-ready dict (for ``tei validate --format json``)."""
    return {"file": diagnostic.path, "line": diagnostic.line, "column": diagnostic.column,
            "rule": diagnostic.rule, "level": diagnostic.level.name.lower(), "message": diagnostic.message}
