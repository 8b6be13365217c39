"""Parsing XML we are given, safely: no DTD loading, no entity expansion, no network.

Every module that reads an XML file (validate, render) goes through :func:`parse`,
so that an XXE or "billion laughs" file is refused in one place.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tei.errors import TeiError


class UnsafeXmlError(TeiError):
    """The file is not well-formed, or uses a construct we refuse (DTD entities, external resources)."""

    def __init__(self, message: str, path: str, line: int | None = None, column: int | None = None) -> None:
        self.path, self.line, self.column, self.message = path, line, column, message
        location = path + (f":{line}" if line else "") + (f":{column}" if line and column else "")
        super().__init__(f"{location}: {message}")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse(source: bytes | str | Path, path: str | None = None) -> etree._ElementTree:
    """Parse ``source`` (bytes, or a file path) into a tree with source line numbers kept.

    A document type declaration is refused outright: TEI needs none, and it is how entity
    attacks are carried.
    """
    if isinstance(source, (str, Path)):
        name = path or str(source)
        try:
            data = Path(source).read_bytes()
        except OSError as error:
            raise UnsafeXmlError(f"cannot read the file ({error.strerror})", name) from error
    else:
        name = path or "<input>"
        data = source
    if not data.strip():
        raise UnsafeXmlError("the file is empty; expected a TEI document", name)
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        raise UnsafeXmlError(f"not well-formed XML: {error.msg}", name, line, column) from error
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise UnsafeXmlError(
            "the file has a document type declaration (<!DOCTYPE …>); DTDs and entities are refused "
            "for safety — remove the declaration", name, 1)
    return tree
