"""Validation: a TEI tree (or file, or bytes) → a list of :class:`~tei.errors.Diagnostic`.

Two stages, both always run, so one pass reports every problem:

1. **the grammar** (:mod:`~tei.validate.schemas`: ``memo``, ``tei_all``, or a file; XSD
   explained by :mod:`~tei.validate.explain`, RELAX NG by :mod:`~tei.validate.jing`): rule
   name ``schema``, the message starts with the element's path, e.g.
   ``memo.xml:41:9: schema: /TEI/text/body/div/p[3]: Unexpected child with tag 'foo' at position 2.``
2. **the rules a grammar cannot say** (:mod:`~tei.validate.rules`), one named check each.

Which rules go with which schema, and what ``schema="auto"`` picks: :mod:`~tei.validate.profiles`.
Before both, the file must parse safely (:mod:`tei.xmlsafe`): otherwise the one diagnostic
is ``well-formed`` (empty, or not XML), ``safe-xml`` (a DOCTYPE: XXE, entity expansion) or
``tei-p5`` (no TEI namespace).

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
from tei.resources import schema_path
from tei.validate.explain import SCHEMA_RULE, Engine, grammar_diagnostics, is_duplicate_id
from tei.validate.locate import Locator, element_path, line_of
from tei.validate.profiles import Profile, made_here, profile_for
from tei.validate.rules import GRAMMAR_RULES, RULES, Document, Rule, note_key, run_checks
from tei.validate.schemas import (
    TEI_ALL_VERSION,
    Schema,
    engine_for,
    is_cached,
    libxml2_schema,
    prepare,
    resolve,
    schema_file,
    xmlschema_schema,
)
from tei.xmlsafe import TEI_P5, parse, require_tei

__all__ = [
    "RULES",
    "SCHEMA_RULE",
    "TEI_ALL_VERSION",
    "TEI_NS",
    "TEI_P5",
    "XML_ID",
    "Document",
    "Engine",
    "Rule",
    "Schema",
    "SchemaError",
    "Validation",
    "diagnostic_json",
    "element_path",
    "format_diagnostic",
    "libxml2_schema",
    "line_of",
    "note_key",
    "prepare",
    "read_source",
    "resolve",
    "schema_file",
    "tei",
    "validate",
    "validate_bytes",
    "validate_file",
    "validate_tree",
    "xmlschema_schema",
]

#: How many of the memo customization's objections a "valid TEI" warning quotes.
_QUOTED = 3


class Validation:
    """What a validation found: the schema it used (``memo``, ``tei_all`` or a file) and the
    diagnostics, errors and warnings."""

    def __init__(self, path: str, schema: str, diagnostics: list[Diagnostic] | None = None) -> None:
        self.path = path
        self.schema = schema
        self.diagnostics = [] if diagnostics is None else diagnostics

    @property
    def valid(self) -> bool:
        return not any(d.level >= Level.ERROR for d in self.diagnostics)


def validate(source: bytes | etree._ElementTree | etree._Element, path: str = "<input>", *,
             schema: str | Path | None = None, external_ok: bool = False,
             engine: Engine | None = None, data: bytes | None = None) -> Validation:
    """Bytes or a tree → a :class:`Validation`.

    ``schema``: ``"memo"`` (the default), ``"tei_all"``, ``"auto"`` (memo for what this
    toolkit wrote or what the customization accepts, tei_all for other TEI), or a ``.xsd``,
    ``.rng`` or ``.odd`` file. ``external_ok``: a ``#id`` not in the document points into
    another file of the edition. ``engine="xmlschema"`` skips the libxml2 fast path (by
    default it is chosen by the schema and the input's size). ``data``: the bytes of a tree
    given, to locate its start tags. Raises :class:`SchemaError` when the schema cannot be used.
    """
    data = source if isinstance(source, bytes) else data
    try:
        if isinstance(source, bytes):
            tree = parse(source, path, collect_ids=False)
        else:
            tree = source.getroottree() if isinstance(source, etree._Element) else source
        if schema is None or str(schema) in ("memo", "tei_all", "auto"):
            require_tei(tree, path)
    except UnsafeXmlError as error:
        name = "auto" if schema is None else str(schema)
        return Validation(path, name, [Diagnostic(Level.ERROR, error.message, path, error.line, error.column,
                                                  error.rule)])
    locate = Locator(tree, data)
    size = len(data) if data is not None else 0
    if str(schema) == "auto":
        return _validate_auto(tree, path, locate, size, external_ok, engine)
    profile = profile_for(resolve(schema))
    return Validation(path, profile.schema.name, _check(tree, path, locate, profile, size, external_ok, engine))


def _validate_auto(tree: etree._ElementTree, path: str, locate: Locator, size: int, external_ok: bool,
                   engine: Engine | None) -> Validation:
    memo = profile_for(resolve("memo"))
    if made_here(tree) or libxml2_schema(memo.schema.path).validate(tree):
        return Validation(path, "memo", _check(tree, path, locate, memo, size, external_ok, engine))
    tei_all = profile_for(resolve("tei_all"))
    diagnostics = _check(tree, path, locate, tei_all, size, external_ok, engine)
    if not any(d.rule == SCHEMA_RULE or d.rule in GRAMMAR_RULES for d in diagnostics):
        diagnostics.insert(0, _outside_memo(tree, path, locate))
    return Validation(path, "tei_all", diagnostics)


def _outside_memo(tree: etree._ElementTree, path: str, locate: Locator) -> Diagnostic:
    """A warning for a document valid against tei_all: what the memo customization would not accept."""
    schema = resolve("memo").path
    objections = grammar_diagnostics(tree, path, schema, locate, "auto")
    quoted = "; ".join(f"line {d.line}: {d.message}" if d.line else d.message for d in objections[:_QUOTED])
    more = f" (and {len(objections) - _QUOTED} more)" if len(objections) > _QUOTED else ""
    return Diagnostic(Level.WARNING, f"valid TEI (tei_all, {TEI_ALL_VERSION}); not in the memo customization: {quoted}{more}",
                      path, None, None, "tei-all")


def _check(tree: etree._ElementTree, path: str, locate: Locator, profile: Profile, size: int,
           external_ok: bool, engine: Engine | None) -> list[Diagnostic]:
    schema = profile.schema
    if schema.kind == "rng":
        from tei.validate.jing import jing_diagnostics

        diagnostics = jing_diagnostics(tree, path, schema.path, locate)
    elif schema.name == "tei_all" and libxml2_schema(resolve("memo").path).validate(tree):
        # memo.xsd is a subset of tei_all (tests/test_schema.py holds it to that), and it
        # answers in milliseconds where tei_all takes a large compile or a slow engine.
        diagnostics = []
    elif engine is None and _jing_first(schema, size):
        from tei.validate.jing import jing_diagnostics

        diagnostics = jing_diagnostics(tree, path, schema_path("tei_all/tei_all.rng"), locate)
    else:
        diagnostics = grammar_diagnostics(tree, path, schema.path, locate, engine or engine_for(schema.path, size))
    document = Document(tree, locate, external_ok=external_ok)
    for name, element, message in run_checks(document, profile.rules):
        line, column = locate(element)
        level = Level.ERROR if name in GRAMMAR_RULES else profile.rule_level
        diagnostics.append(Diagnostic(level, message, path, line, column, name))
    if any(d.rule == "unique-id" for d in diagnostics):
        diagnostics = [d for d in diagnostics if not is_duplicate_id(d)]
    return sorted(diagnostics, key=lambda d: (d.line or 0, d.column or 0))


def _jing_first(schema: Schema, size: int) -> bool:
    """Whether jing, when installed, answers a short run against tei_all sooner than the XSD
    engines can start: before xmlschema's copy is cached, for less input than is worth a
    libxml2 compile (``bench/RESULTS.md``)."""
    if schema.name != "tei_all" or engine_for(schema.path, size) != "xmlschema" or is_cached(schema.path):
        return False
    import shutil  # here, not at start-up: shutil imports the compression modules

    return shutil.which("jing") is not None


def validate_tree(tree: etree._ElementTree | etree._Element, path: str = "<input>", *,
                  schema: str | Path | None = None, source: bytes | None = None,
                  engine: Engine | None = None) -> list[Diagnostic]:
    """TEI tree → its diagnostics (empty when valid), sorted by line.

    ``path`` names the file in the diagnostics; ``schema`` as for :func:`validate`;
    ``source`` is the file's bytes, to locate start tags.
    """
    return validate(tree, path, schema=schema, engine=engine, data=source).diagnostics


def validate_bytes(data: bytes, path: str = "<input>", *, schema: str | Path | None = None,
                   engine: Engine | None = None) -> list[Diagnostic]:
    """XML bytes → diagnostics. A file that cannot be parsed safely gives one diagnostic
    (rule ``well-formed``, ``safe-xml`` or ``tei-p5``) and is not validated further."""
    return validate(data, path, schema=schema, engine=engine).diagnostics


def validate_file(path: str | Path, *, schema: str | Path | None = None,
                  engine: Engine | None = None) -> list[Diagnostic]:
    """XML file → diagnostics. Raises :class:`~tei.xmlsafe.UnreadableFileError` when the file
    cannot be read, :class:`SchemaError` when the schema cannot be used."""
    return validate(read_source(path), str(path), schema=schema, engine=engine).diagnostics


def read_source(path: str | Path) -> bytes:
    """A file's bytes, or :class:`~tei.xmlsafe.UnreadableFileError`."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise UnreadableFileError(f"cannot read the file ({error.strerror})", str(path)) from error
