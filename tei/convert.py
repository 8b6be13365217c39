"""convert: plain text → TEI, the whole pipeline.

    read → split_blocks → recognize → resolve → encode → serialize
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei.encode import encode, serialize
from tei.errors import Diagnostic, Reporter
from tei.model import Document
from tei.reader import read
from tei.recognizers import recognize
from tei.resolve import resolve


@dataclass
class Conversion:
    """What a conversion gives: the model, the TEI tree and bytes, and the problems found."""

    document: Document
    tree: etree._Element
    xml: bytes
    diagnostics: list[Diagnostic]


def convert_bytes(data: bytes, path: str = "<input>") -> Conversion:
    """Convert the bytes of a memorandum; raises :class:`~tei.errors.ConversionError` if it cannot."""
    reporter = Reporter(path)
    source = read(data, path)
    document = resolve(recognize(source, reporter), reporter)
    tree = encode(document)
    return Conversion(document, tree, serialize(tree), reporter.diagnostics)


def convert(text: str, path: str = "<input>") -> Conversion:
    """Convert a memorandum given as a string."""
    return convert_bytes(text.encode("utf-8"), path)


def convert_file(path: str | Path) -> Conversion:
    return convert_bytes(Path(path).read_bytes(), str(path))
