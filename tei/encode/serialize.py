"""Serialization: pretty-printing that never changes a text's content."""

from __future__ import annotations

import functools
import io
from typing import BinaryIO, cast

from lxml import etree

from tei.namespaces import TEI_NS, tei

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
    """The bytes :func:`serialize` gives, written to ``stream`` a piece at a time (a large
    document is never held whole); the number of bytes written.

    A long tree is left as it is: the indentation is written, not added to it (its
    whitespace nodes would weigh several megabytes). A tree of fewer than
    :data:`PIECES_FROM` elements, or one this module cannot write in pieces (other
    namespaces, nodes beside the root), is indented and written whole: faster, for
    whitespace that weighs little.
    """
    counter = _Counter(stream)
    if _count(root, "/descendant::*") >= PIECES_FROM and _writable_in_pieces(root):
        counter.write(b"<?xml version='1.0' encoding='UTF-8'?>\n")
        _write_indented(root, 0, counter, top=True)
    else:
        indent(root)
        root.getroottree().write(cast("BinaryIO", counter), xml_declaration=True, encoding="UTF-8")
    counter.write(b"\n")
    return counter.written


#: The size of tree, in elements (a memorandum of about 1 MB), from which :func:`write` leaves
#: the tree without its indentation.
PIECES_FROM = 10_000

# What lxml writes in the first tag of an element serialized on its own: the TEI namespace,
# declared once in the whole document, on the root.
_DECLARATION = f' xmlns="{TEI_NS}"'.encode()


def _writable_in_pieces(root: etree._Element) -> bool:
    """Only the TEI namespace, declared on the root, and nothing beside the root."""
    if root.nsmap != {None: TEI_NS} or root.getparent() is not None:
        return False
    if next(root.itersiblings(preceding=True), None) is not None or next(root.itersiblings(), None) is not None:
        return False
    return not root.xpath("boolean(/descendant::*[namespace-uri() != $ns])", ns=TEI_NS)


def _indentable(element: etree._Element) -> list[etree._Element] | None:
    """The children of ``element`` if :func:`indent` puts whitespace between them, else None."""
    first = next(iter(element), None)
    if first is None or (element.tag not in BLOCK_CONTAINERS and first.tag not in BLOCK_CONTAINERS):
        return None  # most elements: a paragraph, a name (the test of indent, answered sooner)
    children = list(element)
    if element.tag not in BLOCK_CONTAINERS and not all(child.tag in BLOCK_CONTAINERS for child in children):
        return None
    if element.text and element.text.strip():
        return None
    return None if any(child.tail and child.tail.strip() for child in children) else children


def _write_indented(element: etree._Element, level: int, out: _Counter, top: bool = False) -> None:
    """``element`` (without its tail) as :func:`indent` then lxml would write it."""
    children = _indentable(element)
    if children is None:
        out.write(_piece(element))
    elif not any(_indentable(child) for child in children):
        _write_blocks(element, children, level, out, top)
    else:
        # The start tag as lxml writes it, from a copy without content: <div type="x"/> → <div type="x">.
        empty = _serialized(etree.Element(element.tag, {str(name): str(value) for name, value in element.items()},
                                          nsmap=cast("dict[str, str]", element.nsmap)))
        out.write((empty if top else _undeclared(empty, element.tag))[:-2] + b">")
        inner = ("\n" + "  " * (level + 1)).encode()
        for child in children:
            out.write(inner)
            _write_indented(child, level + 1, out)
        out.write(("\n" + "  " * level).encode() + b"</" + _opening(element.tag)[1:] + b">")


def _write_blocks(element: etree._Element, children: list[etree._Element], level: int, out: _Counter,
                  top: bool) -> None:
    """A container of blocks that hold no blocks (a section of paragraphs): indented, written whole,
    and given its own whitespace back, so that the tree holds one container's indentation at a time."""
    text, tails = element.text, [child.tail for child in children]
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in children:
        child.tail = inner
    children[-1].tail = "\n" + "  " * level
    try:
        out.write(_serialized(element) if top else _piece(element))
    finally:
        element.text = text
        for child, tail in zip(children, tails, strict=True):
            child.tail = tail


def _piece(node: etree._Element) -> bytes:
    """A node written whole, without its tail."""
    piece = _serialized(node)
    return _undeclared(piece, node.tag) if isinstance(node.tag, str) else piece


def _serialized(element: etree._Element) -> bytes:
    piece = etree.tostring(element, encoding="UTF-8", with_tail=False)
    assert isinstance(piece, bytes)
    return piece


@functools.cache
def _opening(tag: str) -> bytes:
    """``{TEI namespace}div`` → ``<div``."""
    return b"<" + etree.QName(tag).localname.encode()


def _undeclared(piece: bytes, tag: str) -> bytes:
    """An element serialized on its own, without the namespace declaration lxml gives its first tag."""
    opening = _opening(tag)
    if piece.startswith(opening) and piece.startswith(_DECLARATION, len(opening)):
        return opening + piece[len(opening) + len(_DECLARATION):]
    return piece


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
