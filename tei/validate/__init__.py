"""Validation: a TEI tree (or file, or bytes) → a list of :class:`~tei.errors.Diagnostic`.

Two stages, both always run, so one pass reports every problem:

1. **the grammar** (:mod:`~tei.validate.schemas`, explained by :mod:`~tei.validate.explain`):
   rule name ``schema``, the message starts with the element's path, e.g.
   ``memo.xml:41:9: schema: /TEI/text/body/div/p[3]: Unexpected child with tag 'foo' at position 2.``
2. **the rules a grammar cannot say** (:mod:`~tei.validate.rules`), one named check each.

Before both, the file must parse safely (:mod:`tei.xmlsafe`): otherwise the one diagnostic
is ``well-formed`` (empty, or not XML) or ``safe-xml`` (a DOCTYPE: XXE, entity expansion).

Line numbers are those of the source file (the parser keeps them), never those of a
re-serialization (:mod:`~tei.validate.locate`). A tree built in memory has no line numbers:
use :func:`validate_bytes` on its serialization.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tei.errors import (
    Diagnostic,
    Level,
    SchemaError,
    UnreadableFileError,
    UnsafeXmlError,
    diagnostic_json,
    format_diagnostic,
)
from tei.namespaces import TEI_NS, XML_ID, tei
from tei.validate.explain import SCHEMA_RULE, Engine, grammar_diagnostics, is_duplicate_id
from tei.validate.locate import Locator, element_path, line_of
from tei.validate.rules import RULES, Document, Rule, note_key
from tei.validate.schemas import libxml2_schema, schema_file, xmlschema_schema
from tei.xmlsafe import parse

__all__ = [
    "RULES", "SCHEMA_RULE", "TEI_NS", "XML_ID", "Document", "Engine", "Rule", "SchemaError", "diagnostic_json",
    "element_path", "format_diagnostic", "libxml2_schema", "line_of", "note_key", "tei", "validate_bytes",
    "validate_file", "validate_tree", "xmlschema_schema",
]


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
    locate = Locator(tree, source)
    diagnostics = grammar_diagnostics(tree, path, schema_file(schema), locate, engine)
    document = Document(tree, locate)
    for rule in RULES:
        for element, message in rule.check(document):
            line, column = locate(element)
            diagnostics.append(Diagnostic(Level.ERROR, message, path, line, column, rule.name))
    if any(d.rule == "unique-id" for d in diagnostics):
        diagnostics = [d for d in diagnostics if not is_duplicate_id(d)]
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

