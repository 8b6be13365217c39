"""converter: plain text → TEI, the whole conversion, through named registries.

    read → recognize (front, blocks, inline, back) → resolve (passes) → encode → serialize → validate

A :class:`Converter` holds the registries; :func:`default_converter` builds them once per
process from the modules listed in :data:`tei.recognize.FEATURES` and
:data:`tei.resolve.PASS_MODULES`. A converter with other conventions is a converter
with other registries::

    recognizers = build_recognizers()
    recognizers.blocks.deregister("section-break")
    Converter(recognizers).convert("12. Memorandum of Conversation\\n\\n…")
"""

from __future__ import annotations

import gc
import io
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree

from tei.encode import encode, indent, markup_count, write
from tei.errors import ConversionError, Diagnostic, Reporter
from tei.model import Document
from tei.read.reader import read
from tei.recognize import Recognizers, build_recognizers, default_recognizers, recognize
from tei.resolve import Pass, build_passes, default_passes, resolve, rule_registries
from tei.rules import Registry

SOURCE_FAITHFUL_RULES = frozenset({"pages-increase", "notes-in-order"})


class Conversion:
    """What a conversion gives: the model, the TEI tree (indented as it is written) and the
    problems found; the TEI's bytes are made when asked for (``xml``, or ``write`` to a file
    without holding them).

    ``explanations`` holds the decisions of the rules as ``info`` diagnostics, in line
    order, when the conversion was asked to explain itself (empty otherwise).
    """

    def __init__(self, document: Document, tree: etree._Element, diagnostics: list[Diagnostic],
                 validation: list[Diagnostic] | None = None, explanations: list[Diagnostic] | None = None) -> None:
        self.document = document
        self._tree = tree  # indented when ``tree`` is first asked for
        self.diagnostics = diagnostics
        self.validation = validation  # None: not validated
        self.explanations = [] if explanations is None else explanations
        self._indented = False

    @property
    def tree(self) -> etree._Element:
        """The TEI tree, indented as it is written. The whitespace is added when the tree is first
        asked for: a conversion only written (``tei convert``) never holds it."""
        if not self._indented:
            indent(self._tree)
            self._indented = True
        return self._tree

    @property
    def valid(self) -> bool:
        return not self.validation

    @cached_property
    def xml(self) -> bytes:
        """The TEI as written: pretty-printed UTF-8 with an XML declaration."""
        buffer = io.BytesIO()
        write(self._tree, buffer)
        return buffer.getvalue()

    def write(self, stream: BinaryIO) -> int:
        """Write the TEI (the bytes of ``xml``) to ``stream``; the number of bytes written."""
        return write(self._tree, stream)


class Converter:
    """The registries of recognizers and passes, and the conversion that runs them in order."""

    def __init__(self, recognizers: Recognizers | None = None, passes: Registry[Pass] | None = None) -> None:
        self.recognizers = recognizers if recognizers is not None else build_recognizers()
        self.passes = passes if passes is not None else build_passes()

    def registries(self) -> list[Registry[Any]]:
        """Every registry, in the order the conversion uses them (the back matter is taken off
        first), then the rules the passes consult."""
        return [*self.recognizers.registries(), self.passes, *rule_registries()]

    def document(self, data: bytes, path: str, reporter: Reporter) -> Document:
        """The bytes of a memorandum → the resolved model."""
        # The text and its lines are not kept past recognizing: the passes read only the model.
        return resolve(recognize(read(data, path, reporter), reporter, self.recognizers), reporter, self.passes)

    def convert_bytes(self, data: bytes, path: str = "<input>", *, validate: bool = False,
                      output_name: str = "<output>", explain: bool = False) -> Conversion:
        """Convert the bytes of a memorandum; raises :class:`~tei.errors.ConversionError` if it cannot.

        With ``validate``, the TEI written is checked against our schema and rules; the problems,
        located in the output (``output_name``), are in ``Conversion.validation``. With
        ``explain``, every rule's decision is kept, in ``Conversion.explanations``.
        """
        reporter = Reporter(path, explaining=explain)
        with garbage_collection_paused():
            document = self.document(data, path, reporter)
            # Past reading, the input's bytes are not needed: a caller that passes them on without
            # keeping them (``tei convert``) has them freed before the tree is built.
            del data
            tree = encode(document)
            _refuse_unreadable_output(tree, path)
            # Checked as it is, without the whitespace between blocks that it is written with
            # (nothing a schema or rule reads).
            problems = _check(tree, output_name) if validate else None
            result = Conversion(document, tree, reporter.diagnostics,
                                explanations=reporter.explanations() if explain else [])
            if problems is not None:
                result.validation = _located(result, problems, output_name)
        return result

    def convert(self, text: str, path: str = "<input>", *, validate: bool = False,
                explain: bool = False) -> Conversion:
        """Convert a memorandum given as a string."""
        return self.convert_bytes(text.encode("utf-8"), path, validate=validate, explain=explain)

    def convert_file(self, path: str | Path, *, validate: bool = False, explain: bool = False) -> Conversion:
        return self.convert_bytes(Path(path).read_bytes(), str(path), validate=validate, explain=explain)


@contextmanager
def garbage_collection_paused() -> Iterator[None]:
    """A conversion makes no reference cycles, only objects that live to its end: the collector
    would walk them all, again and again as they grow, and find nothing to free."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _refuse_unreadable_output(tree: etree._Element, path: str) -> None:
    """TEI that ``tei validate`` and ``tei render`` would refuse to read is never written."""
    from tei.xmlsafe import MAX_MARKUP

    markup = markup_count(tree)
    if markup > MAX_MARKUP:
        raise ConversionError(f"the TEI would hold {markup:,} tags, more than the {MAX_MARKUP:,} that tei reads "
                              "back safely; split the text into smaller files", path)


@lru_cache(maxsize=1)
def default_converter() -> Converter:
    """The converter of the built-in conventions, its registries built once per process."""
    return Converter(default_recognizers(), default_passes())


def validate_conversion(conversion: Conversion, output_name: str = "<output>") -> list[Diagnostic]:
    """The problems of the TEI a conversion wrote, located in ``output_name``.

    Pages that go backwards or notes out of order are the source's own: the TEI records them
    faithfully and the converter has already warned with the input's line, so they are not
    counted here.
    """
    return _located(conversion, _check(conversion._tree, output_name), output_name)


def _check(tree: etree._Element, output_name: str) -> list[Diagnostic]:
    """The problems of the TEI tree in memory, without serializing and parsing it again."""
    from tei.validate import validate_tree

    return validate_tree(tree, output_name)


def _located(conversion: Conversion, problems: list[Diagnostic], output_name: str) -> list[Diagnostic]:
    """``problems`` of the tree, located in the TEI as written (only a problem needs its bytes,
    for its line), without those that are the source's own."""
    from tei.validate import validate_bytes

    if problems:
        problems = validate_bytes(conversion.xml, output_name)
    return [d for d in problems if d.rule not in SOURCE_FAITHFUL_RULES]


def convert_bytes(data: bytes, path: str = "<input>", *, validate: bool = False,
                  output_name: str = "<output>", explain: bool = False) -> Conversion:
    """:meth:`Converter.convert_bytes` of the :func:`default_converter`."""
    return default_converter().convert_bytes(data, path, validate=validate, output_name=output_name,
                                             explain=explain)


def convert(text: str, path: str = "<input>", *, validate: bool = False, explain: bool = False) -> Conversion:
    """Convert a memorandum given as a string."""
    return convert_bytes(text.encode("utf-8"), path, validate=validate, explain=explain)


def convert_file(path: str | Path, *, validate: bool = False, explain: bool = False) -> Conversion:
    """Convert the memorandum in the file at ``path``."""
    return convert_bytes(Path(path).read_bytes(), str(path), validate=validate, explain=explain)
