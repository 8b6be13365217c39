"""Serialization: pretty-printing that never changes a text's content."""

from __future__ import annotations

import io
from typing import BinaryIO, cast

from lxml import etree

from tei.namespaces import tei

# Elements whose children are blocks: whitespace between their children is layout, not text.
BLOCK_CONTAINERS = frozenset(tei(name) for name in (
    "TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "availability", "sourceDesc", "bibl",
    "encodingDesc", "editorialDecl", "tagsDecl", "appInfo", "application",
    "profileDesc", "particDesc", "listPerson", "person", "correspDesc", "correspAction", "settingDesc", "setting", "revisionDesc", "text",
    "body", "div", "argument", "dateline", "list"))


def indent(element: etree._Element, level: int = 0, space: str = "  ") -> None:
    """Pretty-print in place, adding whitespace only inside block containers.

    lxml's own ``indent`` would also add it inside mixed content (a paragraph that starts
    with a name, a note right after a word), which changes the text.
    """
    if not len(element):
        return
    if element.tag not in BLOCK_CONTAINERS and not all(child.tag in BLOCK_CONTAINERS for child in element):
        return
    if element.text and element.text.strip():
        return
    if any(child.tail and child.tail.strip() for child in element):
        return
    inner = "\n" + space * (level + 1)
    element.text = inner
    for child in element:
        child.tail = inner
        indent(child, level + 1, space)
    element[-1].tail = "\n" + space * level


def serialize(root: etree._Element) -> bytes:
    """Pretty-printed UTF-8 with an XML declaration (whitespace added only between blocks)."""
    indent(root)
    # Written into one growing buffer: ``tostring(…) + b"\n"`` holds the document twice.
    buffer = io.BytesIO()
    write(root, buffer)
    return buffer.getvalue()


def write(root: etree._Element, stream: BinaryIO) -> int:
    """The bytes :func:`serialize` gives for a tree it has indented, written to ``stream`` a
    piece at a time (a large document is never held whole); the number of bytes written."""
    counter = _Counter(stream)
    root.getroottree().write(cast("BinaryIO", counter), xml_declaration=True, encoding="UTF-8")
    counter.write(b"\n")
    return counter.written


def markup_count(root: etree._Element) -> int:
    """How many ``<`` the serialization of ``root`` holds (tags, the XML declaration, comments
    and processing instructions), counted in the tree rather than in its bytes."""
    # An element with content has a start and an end tag; an empty one is one tag.
    elements, empty = _count(root, "/descendant::*"), _count(root, "/descendant::*[not(node())]")
    others = root.xpath("/descendant::comment() | /descendant::processing-instruction()")
    assert isinstance(others, list)
    inner = sum(1 + (node.text or "").count("<") for node in others if isinstance(node, etree._Element))
    return 1 + 2 * elements - empty + inner


def _count(root: etree._Element, path: str) -> int:
    value = root.xpath(f"count({path})")
    assert isinstance(value, float)
    return int(value)


class _Counter:
    """A binary stream that passes what it is given on and counts it."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream, self.written = stream, 0

    def write(self, data: bytes) -> int:
        self.written += len(data)
        return self.stream.write(data)
