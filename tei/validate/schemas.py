"""Schemas: a name or a file → a compiled grammar, cached per process.

``memo`` is our customization (``schemas/memo.xsd``); any other ``.xsd`` file is taken as
given. Two engines compile an XSD: libxml2 (``lxml.etree.XMLSchema``) decides quickly whether
a document is valid, xmlschema explains why it is not (an element's path, a reason naming what
was expected); see :mod:`tei.validate.explain`.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from tei.errors import SchemaError, TeiError
from tei.resources import schema_path
from tei.xmlsafe import parse

if TYPE_CHECKING:
    import xmlschema


def schema_file(schema: str | Path | None) -> Path:
    """``None`` (our customization) or an XSD file → the resolved path of the XSD."""
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
    # Imported here, not with the module: only invalid documents need it, and its import is
    # a large part of a single-file command's start-up.
    import xmlschema
    try:
        return xmlschema.XMLSchema10(str(path), allow="local", defuse="always")
    except (xmlschema.XMLSchemaException, OSError) as error:
        raise SchemaError(f"{path}: the schema does not compile: {error}") from error
