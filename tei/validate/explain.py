"""The grammar's verdict, explained: libxml2 decides, xmlschema says why.

xmlschema, the validator whose reports we want (the element's path, a reason that names
the expected elements, the source line), is pure Python and far slower than libxml2
(``bench/RESULTS.md``). So:

- a document libxml2 accepts is valid, and xmlschema never runs (almost everything we
  validate is valid: the converter's output);
- for a document libxml2 rejects, its error lines locate the faulty elements; xmlschema
  validates only the smallest subtrees holding them (each element's parent, climbed to a
  globally declared element), and its diagnostics are reported with absolute paths. A
  duplicate ``xml:id`` (libxml2 complains, as xml.xsd types it ``xs:ID``) is left to the
  ``unique-id`` rule;
- if that finds nothing, xmlschema validates the whole document; if the two engines still
  disagree, libxml2's own messages are reported rather than nothing.

``engine="xmlschema"`` skips libxml2 and runs xmlschema on the whole document; the tests
check on randomly edited documents that both paths report the same diagnostics.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from lxml import etree

from tei.errors import Diagnostic, Level
from tei.namespaces import XML_ID
from tei.validate.locate import Locator, element_path, line_of, short_names
from tei.validate.schemas import is_cached, libxml2_schema, xmlschema_schema

if TYPE_CHECKING:
    import xmlschema

SCHEMA_RULE = "schema"
#: The most problems explained in one element (a file may give one element thousands of attributes).
MAX_PER_ELEMENT = 20
#: A value quoted in a message is cut to this many characters.
_QUOTE = 60
Engine = Literal["auto", "xmlschema"]

# xmlschema quotes the pattern a value failed; say what the pattern means instead.
_PATTERN_FAILED = "value doesn't match any pattern of "
_PATTERN_MEANINGS = {  # keys as xmlschema prints them: the repr of the list of patterns
    r"['#[\\i-[:]][\\c-[:]]*']": "must be one or more '#id' pointers to an xml:id of this document",
    r"['true|false']": "must be 'true' or 'false'",
    r"['\\S+']": "must not be empty",
    r"['[^\\p{C}\\p{Z}]+']": "must be one word, without spaces",
}
_EMPTY_LIST = "value length cannot be lesser than 1"
_LIBXML2_BAD_ID = re.compile(r"'([^']*)' is not a valid value of the atomic type 'xs:ID'")


_LONG_QUOTE = re.compile(rf"'([^']{{{_QUOTE + 1},}})'")


def plain_reason(reason: str) -> str:
    """xmlschema's reason → the same, with a failed pattern explained in words and long values cut."""
    reason = _LONG_QUOTE.sub(lambda m: f"'{m.group(1)[:_QUOTE - 10]}…{m.group(1)[-5:]}' ({len(m.group(1)):,} "
                             "characters)", reason)
    for pattern, meaning in _PATTERN_MEANINGS.items():
        if reason.endswith(_PATTERN_FAILED + pattern):
            return reason[: -len(_PATTERN_FAILED + pattern)] + meaning
    if reason.endswith(_EMPTY_LIST):
        return reason[: -len(_EMPTY_LIST)] + "must not be empty"
    return reason


def subtrees(tree: etree._ElementTree, lines: set[int], schema: xmlschema.XMLSchema10) -> list[etree._Element]:
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
    found: list[etree._Element] = []
    taken: set[int] = set()  # a set: many errors under one parent would make a list search quadratic
    for candidate in candidates:
        if id(candidate) in taken or any(id(ancestor) in chosen for ancestor in candidate.iterancestors()):
            continue
        taken.add(id(candidate))
        found.append(candidate)
    return found


class Paths:
    """An xmlschema error → the path of its element, as xmlschema writes it (``/TEI/text/body/p[3]``,
    an index only among namesakes), from the root it validated.

    xmlschema's own ``error.path`` searches the tree from its root for every error and counts
    the namesakes of each step anew, which is quadratic in the errors of one parent. Here each
    parent's children are numbered once. Elements outside the TEI namespace (and no namespace)
    are left to xmlschema, which writes them with the document's prefixes.
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
                    name = short_names(sibling.tag)
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
        first = short_names(str(root.tag))
        return error.path if "{" in first else "/" + "/".join([first, *reversed(steps)])


def xmlschema_diagnostics(tree: etree._ElementTree, path: str, schema_file: Path, locate: Locator,
                          roots: list[etree._Element] | None = None) -> list[Diagnostic]:
    """xmlschema's errors for the whole tree, or for the given subtrees only (paths stay absolute)."""
    schema = xmlschema_schema(schema_file)
    diagnostics: list[Diagnostic] = []
    seen: set[tuple[str, str]] = set()
    paths = Paths()
    for subtree in roots or [tree.getroot()]:
        prefix = element_path(subtree) if subtree.getparent() is not None else ""
        try:
            diagnostics.extend(_explain_subtree(schema, subtree, path, locate, prefix, seen, paths))
        except (ArithmeticError, ValueError) as error:
            # A value xmlschema cannot even hold (a year of 30 digits): one diagnostic for
            # the subtree, and the other files still validated.
            line, column = locate(subtree)
            diagnostics.append(Diagnostic(Level.ERROR, f"{prefix or element_path(subtree)}: a value could not be "
                                          f"checked ({type(error).__name__}: {error}); it is out of range",
                                          path, line, column, SCHEMA_RULE))
    return diagnostics


def _explain_subtree(schema: xmlschema.XMLSchema10, subtree: etree._Element, path: str, locate: Locator,
                     prefix: str, seen: set[tuple[str, str]], paths: Paths) -> Iterator[Diagnostic]:
    """xmlschema's errors in one subtree, at most :data:`MAX_PER_ELEMENT` for one element:
    explaining each of thousands of attributes of one element costs time quadratic in them."""
    per_element: dict[int, int] = {}
    for error in schema.iter_errors(subtree):
        key = id(error.elem)
        per_element[key] = per_element.get(key, 0) + 1
        if per_element[key] > MAX_PER_ELEMENT:
            element = error.elem if isinstance(error.elem, etree._Element) else subtree
            line, column = locate(element)
            yield Diagnostic(Level.ERROR, f"{paths(error) or element_path(element)}: more than {MAX_PER_ELEMENT} "
                             "problems in this element; the rest of this part of the document is not explained",
                             path, line, column, SCHEMA_RULE)
            return
        diagnostic = _xmlschema_diagnostic(error, path, locate, prefix, seen, paths)
        if diagnostic is not None:
            yield diagnostic


def _xmlschema_diagnostic(error: xmlschema.XMLSchemaValidationError, path: str, locate: Locator,
                          prefix: str, seen: set[tuple[str, str]], paths: Paths) -> Diagnostic | None:
    """One xmlschema error → a diagnostic at the source line, or None for a repeat."""
    element = error.elem if isinstance(error.elem, etree._Element) else None
    reason = plain_reason(short_names(error.reason or error.message))
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
    where = short_names(error_path or "")
    if where and prefix:
        # a subtree's paths start at its root: put the root's absolute path in front
        where = prefix + re.sub(r"^/[^/]*", "", where)
    message = f"{where}: {reason}" if where else reason
    return Diagnostic(Level.ERROR, message, path, line, column, SCHEMA_RULE)


def libxml2_diagnostics(log: etree._ListErrorLog, path: str) -> list[Diagnostic]:
    """libxml2's messages, at most :data:`MAX_PER_ELEMENT` for one line."""
    diagnostics = []
    per_line: dict[int, int] = {}
    for entry in log:
        count = per_line[entry.line] = per_line.get(entry.line, 0) + 1
        if count <= MAX_PER_ELEMENT:
            diagnostics.append(Diagnostic(Level.ERROR, short_names(entry.message), path, entry.line or None,
                                          entry.column or None, SCHEMA_RULE))
        elif count == MAX_PER_ELEMENT + 1:
            diagnostics.append(Diagnostic(Level.ERROR, f"more than {MAX_PER_ELEMENT} problems on this line; the "
                                          "rest are not shown", path, entry.line or None, None, SCHEMA_RULE))
    return diagnostics


def crowded(tree: etree._ElementTree) -> bool:
    """Whether an element has more attributes than xmlschema can explain in reasonable time
    (it describes each wrong attribute with all the others, in time quadratic in them)."""
    return any(len(element.attrib) > MAX_PER_ELEMENT * 5 for element in tree.iter(tag=etree.Element))


def is_duplicate_id(diagnostic: Diagnostic) -> bool:
    """A grammar's complaint about an ``xml:id`` used twice (xml.xsd types it ``xs:ID``): the
    ``unique-id`` rule reports it once, with the line of the first use."""
    return diagnostic.rule == SCHEMA_RULE and ("duplicated xs:ID" in diagnostic.message
                                               or "type 'xs:ID'" in diagnostic.message)


def error_lines(log: etree._ListErrorLog, duplicates: Collection[str]) -> set[int]:
    """libxml2's error log → the lines xmlschema should explain.

    A duplicate xml:id is the unique-id rule's to report, so libxml2's xs:ID complaint about
    a value used twice needs no explaining; without this, one duplicate id between two
    subtrees would send xmlschema over the whole document.
    """
    lines = set()
    for entry in log:
        match = _LIBXML2_BAD_ID.search(entry.message)
        if match is None or match.group(1) not in duplicates:
            lines.add(entry.line)
    return lines


def duplicate_ids(tree: etree._ElementTree) -> set[str]:
    """The ``xml:id`` values used more than once."""
    seen: set[str] = set()
    twice: set[str] = set()
    for element in tree.iter():
        value = element.get(XML_ID) if isinstance(element.tag, str) else None
        if value is not None:
            (twice if value in seen else seen).add(value)
    return twice


def grammar_diagnostics(tree: etree._ElementTree, path: str, schema_file: Path, locate: Locator,
                        engine: Engine = "auto") -> list[Diagnostic]:
    """The tree against an XSD → its schema diagnostics (libxml2 decides, xmlschema explains)."""
    fast = libxml2_schema(schema_file) if engine == "auto" or crowded(tree) else None
    if fast is not None and fast.validate(tree):
        return []
    roots = None
    if fast is not None:
        duplicates = duplicate_ids(tree)
        lines = error_lines(fast.error_log, duplicates)
        if not lines:
            return []
        if not is_cached(schema_file) or crowded(tree):
            # xmlschema's explanation would cost far more than it is worth: to build its copy
            # of a large schema, or to explain thousands of attributes. libxml2's words.
            return [d for d in libxml2_diagnostics(fast.error_log, path) if not is_duplicate_id(d)]
        roots = subtrees(tree, lines, xmlschema_schema(schema_file))
    diagnostics = xmlschema_diagnostics(tree, path, schema_file, locate, roots)
    if not diagnostics and fast is not None and roots != [tree.getroot()]:
        diagnostics = xmlschema_diagnostics(tree, path, schema_file, locate)
    if not diagnostics and fast is not None:
        diagnostics = libxml2_diagnostics(fast.error_log, path)
    return diagnostics
