"""pipeline: plain text → TEI, the whole conversion.

    read → split_blocks → recognize → resolve → encode → serialize → validate
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei.encode import encode, serialize
from tei.errors import Diagnostic, Reporter
from tei.model import Document
from tei.read.reader import read
from tei.recognize import recognize
from tei.resolve import resolve

SOURCE_FAITHFUL_RULES = frozenset({"pages-increase", "notes-in-order"})


@dataclass
class Conversion:
    """What a conversion gives: the model, the TEI tree and bytes, and the problems found."""

    document: Document
    tree: etree._Element
    xml: bytes
    diagnostics: list[Diagnostic]
    validation: list[Diagnostic] | None = None  # None: not validated

    @property
    def valid(self) -> bool:
        return not self.validation


def convert_bytes(data: bytes, path: str = "<input>", *, validate: bool = False,
                  output_name: str = "<output>") -> Conversion:
    """Convert the bytes of a memorandum; raises :class:`~tei.errors.ConversionError` if it cannot.

    With ``validate``, the TEI written is checked against our schema and rules; the problems,
    located in the output (``output_name``), are in ``Conversion.validation``.
    """
    reporter = Reporter(path)
    source = read(data, path, reporter)
    document = resolve(recognize(source, reporter), reporter)
    tree = encode(document)
    result = Conversion(document, tree, serialize(tree), reporter.diagnostics)
    if validate:
        result.validation = validate_conversion(result, output_name)
    return result


def validate_conversion(conversion: Conversion, output_name: str = "<output>") -> list[Diagnostic]:
    """The problems of the TEI a conversion wrote, located in ``output_name``.

    Pages that go backwards or notes out of order are the source's own: the TEI records them
    faithfully and the converter has already warned with the input's line, so they are not
    counted here.
    """
    from tei.validate import validate_bytes, validate_tree

    # The tree in memory is the file written (serialize indents it in place), so it is
    # checked without parsing again; only a problem needs the bytes, for its line.
    problems = validate_tree(conversion.tree, output_name)
    if problems:
        problems = validate_bytes(conversion.xml, output_name)
    return [d for d in problems if d.rule not in SOURCE_FAITHFUL_RULES]


def convert(text: str, path: str = "<input>", *, validate: bool = False) -> Conversion:
    """Convert a memorandum given as a string."""
    return convert_bytes(text.encode("utf-8"), path, validate=validate)


def convert_file(path: str | Path, *, validate: bool = False) -> Conversion:
    return convert_bytes(Path(path).read_bytes(), str(path), validate=validate)
