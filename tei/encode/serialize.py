"""Serialization: pretty-printing that never changes a text's content."""

from __future__ import annotations

import io

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
    root.getroottree().write(buffer, xml_declaration=True, encoding="UTF-8")
    buffer.write(b"\n")
    return buffer.getvalue()
