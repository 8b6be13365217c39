"""Parsing XML we are given, safely: no DTD loading, no entity expansion, no network.

bytes or a file path → ``lxml.etree._ElementTree`` with source line numbers kept, or an
:class:`UnsafeXmlError` that says what is wrong and where.

Every module that reads an XML file (validate, render) goes through :func:`parse`,
so that an XXE or "billion laughs" file is refused in one place. The defences, in order:

1. a document type declaration in the prolog is refused *before* the parser runs, by a
   scan of the prolog: TEI needs no DTD, and a DTD is how entity attacks are carried
   (internal entities for "billion laughs", SYSTEM entities for XXE). The prolog is read in
   the file's own encoding (UTF-16, UTF-32, EBCDIC, any declared one: :func:`prolog_text`),
   so that no encoding hides a declaration; one Python cannot read is refused;
2. the parser never loads a DTD, never resolves entities, never touches the network, keeps
   libxml2's limits on huge text nodes, deep nesting and entity amplification, and has a
   resolver that answers every request for an outside resource with nothing (a file that
   asks is refused), so that nothing is opened even if a declaration got past the scan;
3. after parsing, a document that still has a DTD is refused.

:func:`require_tei` refuses a well-formed document that is not TEI P5 (no TEI namespace:
TEI P4 or another vocabulary), for the commands that read TEI (validate, render).

Each error carries a ``rule`` name for diagnostics: ``well-formed`` (empty or not XML),
``safe-xml`` (a construct we refuse, or a file over one of the limits: nesting deeper than
256 levels, one text node over 10 MB, more than :data:`MAX_MARKUP` tags);
:class:`UnreadableFileError` is for files that cannot be read at all (missing, a folder,
no permission).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from lxml import etree

from tei.errors import UnreadableFileError, UnsafeXmlError
from tei.namespaces import TEI_NS

WELL_FORMED = "well-formed"
SAFE_XML = "safe-xml"
TEI_P5 = "tei-p5"


# The prolog: XML declaration, processing instructions, comments and white space, in any
# order. What follows it is either the root element or a document type declaration.
_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)
_DOCTYPE = b"<!DOCTYPE"
_BOM = b"\xef\xbb\xbf"
_POSITION = re.compile(r", line \d+, column \d+$")

#: The most markup a file may hold, counted as its ``<`` (tags, comments, processing
#: instructions; ``<`` in text and attribute values is always escaped): about a million
#: elements, where a memorandum has a few thousand. libxml2 spends some hundreds of bytes a
#: node, and its XPath gives up on node-sets over ten million nodes, which the stylesheets'
#: ``//`` reach first; counting is cheap, and done before any memory is spent on a tree.
MAX_MARKUP = 2_000_000


class _Refuser(etree.Resolver):
    """While the document is parsed, answers every request for an outside resource (DTD,
    entity) with nothing, and remembers that one was made. Afterwards it steps aside: a
    stylesheet's ``xsl:import`` or a schema's ``xs:import``, loaded when the tree is compiled,
    are the caller's to allow."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []
        self.parsing = True

    def resolve(self, system_url: str, public_id: str, context: object) -> object:  # type: ignore[override]
        if not self.parsing:
            return None
        self.asked.append(system_url)
        return self.resolve_string("", context)  # type: ignore[call-arg]


def _parser(collect_ids: bool) -> tuple[etree.XMLParser, _Refuser]:
    refuser = _Refuser()
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        # libxml2 treats xml:id as an ID while parsing and fails on a duplicate with a
        # syntax error; the validator wants the tree, to report duplicates as a rule.
        collect_ids=collect_ids,
    )
    parser.resolvers.add(refuser)
    return parser, refuser


# How a file starts, before any declaration, → its encoding (XML 1.0, appendix F).
_SIGNATURES = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
               (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"),
               (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
               (b"\x00<\x00?", "utf-16-be"), (b"<\x00?\x00", "utf-16-le"), (b"\x4c\x6f\xa7\x94", "cp500"))
_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_PROLOG_TEXT = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)


def prolog_text(data: bytes) -> str | None:
    """bytes → the file decoded in its own encoding, when that is not UTF-8 or ASCII (whose
    bytes the prolog scan reads as they are); None for those.

    The encoding comes from a byte-order mark, the byte pattern of ``<?`` (XML 1.0,
    appendix F), or the XML declaration. Raises :class:`UnsafeXmlError` for an encoding that
    Python cannot decode: the scan could not see a ``<!DOCTYPE`` in it.
    """
    if data.startswith(_BOM):
        return None
    encoding = next((name for signature, name in _SIGNATURES if data.startswith(signature)), None)
    if encoding is None:
        declared = _DECLARED.match(data)
        encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise UnsafeXmlError(f"the file declares the encoding '{encoding}', which is not supported; "
                             "save it as UTF-8", "", 1, rule=SAFE_XML) from None
    if codec in ("utf-8", "ascii"):
        return None
    return data.decode(codec, "replace")


def doctype_line(data: bytes) -> int | None:
    """bytes → the line of a ``<!DOCTYPE`` in the prolog, or None when there is none.

    Only the prolog is scanned, so the string ``<!DOCTYPE`` inside a comment or in the text
    of the document does not count. A file in another encoding than UTF-8 is decoded first.
    """
    text = prolog_text(data)
    if text is not None:
        position = 1 if text.startswith("\ufeff") else 0
        while (item := _PROLOG_TEXT.match(text, position)) is not None and item.end() > position:
            position = item.end()
        return text.count("\n", 0, position) + 1 if text.startswith("<!DOCTYPE", position) else None
    position = len(_BOM) if data.startswith(_BOM) else 0
    while True:
        match = _PROLOG_ITEM.match(data, position)
        if match is None or match.end() == position:
            break
        position = match.end()
    if data.startswith(_DOCTYPE, position):
        return data.count(b"\n", 0, position) + 1
    return None


def parse(source: bytes | str | Path, path: str | None = None, *, collect_ids: bool = True) -> etree._ElementTree:
    """Parse ``source`` (bytes, or a file path) into a tree with source line numbers kept.

    A document type declaration is refused outright: TEI needs none, and it is how entity
    attacks are carried. ``collect_ids=False`` lets a document with duplicate ``xml:id``
    values parse (libxml2 otherwise refuses it), so that a validator can report them.
    """
    if isinstance(source, (str, Path)):
        name = path or str(source)
        try:
            data = Path(source).read_bytes()
        except OSError as error:
            raise UnreadableFileError(f"cannot read the file ({error.strerror})", name) from error
    else:
        name = path or "<input>"
        data = source
    if not data.strip():
        raise UnsafeXmlError("the file is empty; expected a TEI document", name, 1)
    try:
        line = doctype_line(data)
    except UnsafeXmlError as error:
        raise UnsafeXmlError(error.message, name, error.line, error.column, error.rule or SAFE_XML) from None
    if line is not None:
        raise _doctype_error(name, line)
    markup = data.count(b"<")
    if markup > MAX_MARKUP:
        raise UnsafeXmlError(f"{markup:,} tags (and comments, processing instructions): more than the "
                             f"{MAX_MARKUP:,} loaded safely (about {MAX_MARKUP // 2:,} elements); refused — "
                             "split the file", name, rule=SAFE_XML)
    parser, refuser = _parser(collect_ids)
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser))
    except etree.XMLSyntaxError as error:
        if refuser.asked:
            raise _doctype_error(name, 1) from error
        line, column = error.position if error.position else (None, None)
        # libxml2 appends ", line N, column M", which the diagnostic already says; some of
        # its messages hold a newline, and a diagnostic is one line.
        message = " ".join(_POSITION.sub("", str(error.msg)).split())
        if "amplification" in message:
            raise UnsafeXmlError(f"entity expansion refused (a 'billion laughs' file?): {message}", name,
                                 line, column, SAFE_XML) from error
        limit = _limit_message(message)
        if limit is not None:
            raise UnsafeXmlError(limit, name, line, column, SAFE_XML) from error
        raise UnsafeXmlError(f"not well-formed XML: {message}", name, line, column) from error
    refuser.parsing = False
    if refuser.asked or tree.docinfo.doctype or tree.docinfo.internalDTD is not None:  # type: ignore[attr-defined]
        raise _doctype_error(name, 1)
    return tree


def require_tei(tree: etree._ElementTree | etree._Element, path: str | None = None) -> None:
    """A tree whose root element is not in the TEI namespace → :class:`UnsafeXmlError` (rule
    ``tei-p5``). TEI P4 and earlier wrote no namespace; their element names look the same, but
    nothing in P5 (schemas, stylesheets) matches them, so they would give an empty result."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    namespace = etree.QName(root).namespace
    if namespace == TEI_NS:
        return
    found = f"in the namespace {namespace!r}" if namespace else "in no namespace (TEI P4 or older?)"
    raise UnsafeXmlError(f"not TEI P5 (no TEI namespace): the root element <{etree.QName(root).localname}> is "
                         f"{found}; TEI P5 puts every element in xmlns=\"{TEI_NS}\"",
                         path or "<input>", root.sourceline if isinstance(root.sourceline, int) else None,
                         rule=TEI_P5)


# libxml2's limits without XML_PARSE_HUGE. Its messages advise "try XML_PARSE_HUGE", an
# option the user cannot set and we will not: say which limit the file hit instead.
_DEPTH = re.compile(r"Excessive depth in document: (\d+)")
_TOO_BIG = re.compile(r"Resource limit exceeded|too big found|too long|Huge input lookup|huge text node")
_ADVICE = re.compile(r",? (?:try|use) XML_PARSE_HUGE(?: option)?")


def _limit_message(message: str) -> str | None:
    """libxml2's message → ours, when it is one of the parser's safety limits; None otherwise."""
    depth = _DEPTH.search(message)
    if depth:
        return (f"elements nested more than {depth.group(1)} levels deep; refused for safety "
                "(a TEI document nests far less)")
    if _TOO_BIG.search(message):
        detail = _ADVICE.sub("", message).removeprefix("Resource limit exceeded: ")
        return (f"{detail}: over the parser's safety limit (10 MB for one text, attribute, comment or "
                "CDATA section; 50 000 characters for a name); refused")
    return None


def _doctype_error(name: str, line: int) -> UnsafeXmlError:
    return UnsafeXmlError(
        "the file has a document type declaration (<!DOCTYPE …>); DTDs and entities are refused "
        "for safety (external entities, entity expansion) — remove the declaration", name, line, 1, SAFE_XML)
