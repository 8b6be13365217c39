"""Writing the TEI: the indentation is written, not added to the tree, and the bytes are those of
indenting the tree and letting lxml write it."""

from __future__ import annotations

import importlib
import io
from pathlib import Path

import pytest
from lxml import etree
from teitext import ROOT

from tei import convert_file
from tei.encode import indent, write
from tei.errors import Diagnostic, Level
from tei.namespaces import TEI_NS, tei

SERIALIZE = importlib.import_module("tei.encode.serialize")
CASES = sorted(path for path in (ROOT / "tests" / "golden").glob("*/input.txt"))


def _indented_by_lxml(root: etree._Element) -> bytes:
    copy = etree.fromstring(etree.tostring(root))
    indent(copy)
    return etree.tostring(copy.getroottree(), xml_declaration=True, encoding="UTF-8") + b"\n"


def _written(root: etree._Element) -> bytes:
    buffer = io.BytesIO()
    size = write(root, buffer)
    assert size == len(buffer.getvalue())
    return buffer.getvalue()


def _whitespace_nodes(root: etree._Element) -> int:
    return sum(1 for element in root.iter() if element.tail is not None and not element.tail.strip())


@pytest.mark.parametrize("path", CASES[:12], ids=lambda path: path.parent.name)
def test_a_long_conversion_is_written_as_indenting_then_writing_would_and_its_tree_is_left_as_it_is(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SERIALIZE, "PIECES_FROM", 0)  # every golden case counts as long
    conversion = convert_file(path)
    root = conversion._tree
    before = _whitespace_nodes(root)
    assert _written(root) == _indented_by_lxml(root)
    assert _whitespace_nodes(root) == before  # nothing was added to the tree
    assert conversion.xml == _indented_by_lxml(root)


def test_a_short_tree_is_indented_and_written_whole() -> None:
    conversion = convert_file(CASES[0])
    expected = _indented_by_lxml(conversion._tree)
    assert _written(conversion._tree) == expected
    assert _whitespace_nodes(conversion._tree) > 0


def test_the_tree_of_a_conversion_is_indented_when_asked_for() -> None:
    conversion = convert_file(CASES[0])
    assert _whitespace_nodes(conversion._tree) < _whitespace_nodes(conversion.tree)
    assert etree.tostring(conversion.tree.getroottree(), xml_declaration=True, encoding="UTF-8") + b"\n" \
        == conversion.xml


def test_a_tree_with_another_namespace_is_written_as_lxml_writes_it_indented() -> None:
    root = etree.Element(tei("TEI"), nsmap={None: TEI_NS})  # type: ignore[dict-item]
    body = etree.SubElement(etree.SubElement(root, tei("text")), tei("body"))
    paragraph = etree.SubElement(body, tei("p"))
    paragraph.text = "x < y & "
    etree.SubElement(paragraph, "{http://www.w3.org/1998/Math/MathML}math").tail = " z"
    etree.SubElement(body, tei("div"), type="section").text = "w"
    assert _written(root) == _indented_by_lxml(root)


def test_a_message_given_in_parts_reads_as_the_whole_message() -> None:
    whole = Diagnostic(Level.WARNING, "'Able said “yes.”': Able speaks", "memo.txt", 3, None, "rule")
    parts = Diagnostic(Level.WARNING, ("'Able said “yes.”': Able", " speaks"), "memo.txt", 3, None, "rule")
    assert parts.message == whole.message
    assert parts == whole and hash(parts) == hash(whole)
    assert str(parts) == "memo.txt:3: warning: rule: 'Able said “yes.”': Able speaks"
