"""Rendering: a TEI tree → bytes of HTML or plain text, through the XSLT in ``transforms/``.

``render(tree, "html")`` applies ``transforms/html/tei-to-html.xsl``; ``render(tree, "text")``
applies ``transforms/text/tei-to-text.xsl``. Stylesheets are XSLT 1.0 (libxslt, through lxml),
compiled once per format and cached. A transform runs with every file and network access
denied: a stylesheet reads nothing but the tree it is given, so the HTML page's style sheet
(``transforms/html/tei-to-html.css``) is read here and passed in as the parameter ``css``.

A ``teiCorpus`` is rendered one ``TEI`` at a time (each is a document of its own, with its
own header, notes and page numbers): the texts follow each other, and in HTML the pages'
articles are gathered into the first page, their anchors prefixed ``doc2-``, ``doc3-``, …
so that they stay unique. Persons declared once in the corpus' header (as ``tei batch
--corpus`` writes them) are given to each document that points to them. A root element outside the TEI namespace is refused.
"""

from __future__ import annotations

import copy as copy_module
import threading
from pathlib import Path
from typing import Any

from lxml import etree

from tei.errors import RenderError, TeiError
from tei.namespaces import TEI_NS, XML_ID, tei
from tei.resources import transform_path
from tei.xmlsafe import parse, require_tei

__all__ = ["FORMATS", "RenderError", "format_name", "render", "render_file", "render_wrapped", "stylesheet",
           "stylesheet_at"]

#: Output format name → stylesheet path inside ``transforms/``.
FORMATS: dict[str, str] = {
    "html": "html/tei-to-html.xsl",
    "text": "text/tei-to-text.xsl",
}

#: Format name → the CSS written inside its pages (passed as the parameter ``css``).
STYLES: dict[str, str] = {"html": "html/tei-to-html.css"}

# "txt" is what people type for text; accept it without listing it twice.
_ALIASES: dict[str, str] = {"txt": "text"}

_cache: dict[str, etree.XSLT] = {}
_styles: dict[str, str] = {}
_lock = threading.Lock()

Tree = etree._ElementTree | etree._Element


def format_name(to: str) -> str:
    """What the user typed → the format's name (``"TXT"`` → ``"text"``); :class:`RenderError`
    listing the formats when there is no such format (the CLI checks its option with this)."""
    name = _ALIASES.get(to.lower(), to.lower())
    if name not in FORMATS:
        raise RenderError(f"Unknown format {to!r}. Use one of: {', '.join(sorted(FORMATS))}.")
    return name


def stylesheet(to: str) -> etree.XSLT:
    """Format name → compiled stylesheet (cached; compiled on first use)."""
    name = format_name(to)
    with _lock:
        compiled = _cache.get(name)
        if compiled is None:
            compiled = _compile(transform_path(FORMATS[name]))
            _cache[name] = compiled
    return compiled


def stylesheet_at(relative: str) -> etree.XSLT:
    """A stylesheet of ``transforms/`` by its path (``"site/document.xsl"``), for the
    applications that wrap the formats' own (compiled once, cached)."""
    with _lock:
        compiled = _cache.get(relative)
        if compiled is None:
            compiled = _compile(transform_path(relative))
            _cache[relative] = compiled
    return compiled


def style(to: str) -> str:
    """Format name → the CSS its pages carry ("" for a format without one); read once."""
    name = format_name(to)
    if name not in STYLES:
        return ""
    with _lock:
        text = _styles.get(name)
        if text is None:
            path = transform_path(STYLES[name])
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as error:
                raise RenderError(f"cannot read the style sheet {path}: {error.strerror}") from error
            _styles[name] = text
    return text


def _compile(path: Path) -> etree.XSLT:
    if not path.is_file():
        raise RenderError(f"the stylesheet {path} is missing from the installation")
    try:
        document = parse(path)
    except TeiError as error:
        raise RenderError(f"cannot read the stylesheet: {error}") from error
    # xmlsafe parses from bytes; the base URL is what lets xsl:import find common/.
    document.docinfo.URL = path.as_uri()
    try:
        # DENY_ALL governs the transform (document(), xsl:document); the imports are
        # resolved here, at compile time, from our own transforms/ folder.
        # (lxml-stubs lack the DENY_ALL constant, which lxml has had since 2.0.)
        deny_all = etree.XSLTAccessControl.DENY_ALL  # type: ignore[attr-defined]
        return etree.XSLT(document, access_control=deny_all)
    except etree.XSLTParseError as error:
        raise RenderError(f"{path}: the stylesheet does not compile: {error}") from error


def _parameters(name: str, params: dict[str, str]) -> dict[str, Any]:
    """Keyword arguments → stylesheet parameters: dashes for underscores, quoted, the format's CSS added."""
    given = {key.replace("_", "-"): value for key, value in params.items()}
    css = style(name)
    if css:
        given.setdefault("css", css)
    return {key: etree.XSLT.strparam(value) for key, value in given.items()}


def render(tree: Tree, to: str, **params: str) -> bytes:
    """TEI tree (or root element) → the rendering as bytes (UTF-8).

    ``to`` is a format name (``html`` or ``text``). ``params`` are passed to the stylesheet
    as string values (quoted for you), e.g. ``render(tree, "text", bullet="- ")``.
    """
    name = format_name(to)
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    require_tei(root)
    quoted = _parameters(name, params)
    if root.tag != tei("teiCorpus"):
        return _finish(name, bytes(_transform(name, tree, quoted)))
    documents = list(root.iter(tei("TEI")))
    if not documents:
        return _finish(name, bytes(_transform(name, root, quoted)))
    persons = {person.get(XML_ID): person for person in root.iterfind(_CORPUS_PERSONS) if person.get(XML_ID)}
    results = [_transform(name, _standalone(document, persons), quoted) for document in documents]
    if name == "html":
        return _gather_pages(results, root)
    return _finish(name, b"\n\n".join(_finish(name, bytes(result)) for result in results))


def render_wrapped(tree: Tree, relative: str, wraps: str, **params: str) -> bytes:
    """TEI tree → the rendering by a stylesheet of ``transforms/`` that imports the format
    ``wraps``'s own (``"site/document.xsl"`` wraps ``html``): the format's style sheet and
    parameters apply as for :func:`render`. One document, not a corpus."""
    name = format_name(wraps)
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    require_tei(root)
    quoted = _parameters(name, params)
    try:
        result = stylesheet_at(relative)(tree, **quoted)
    except etree.XSLTApplyError as error:
        raise RenderError(f"the {relative} transform failed: {error}") from error
    return _finish(name, bytes(result))


_CORPUS_PERSONS = f"{{{TEI_NS}}}teiHeader//{{{TEI_NS}}}person"


def _standalone(document: etree._Element, persons: dict[str | None, etree._Element]) -> etree._ElementTree:
    """A corpus' document → a copy of it as a document of its own (libxslt's keys do not work
    on a subtree), whose header also declares the corpus' persons that it points to (and does
    not declare itself), so that its names and speakers link."""
    copy = etree.ElementTree(copy_module.deepcopy(document))
    if not persons:
        return copy
    values = document.xpath(".//@who | .//@ref | .//@corresp")
    assert isinstance(values, list)
    pointers = {token[1:] for value in values for token in str(value).split() if token.startswith("#")}
    own = {person.get(XML_ID) for person in document.iter(tei("person"))}
    wanted = [persons[pointer] for pointer in sorted(pointers - own) if pointer in persons]
    if not wanted:
        return copy
    header = copy.getroot().find(tei("teiHeader"))
    if header is None:
        header = etree.Element(tei("teiHeader"))
        copy.getroot().insert(0, header)
    profile = header.find(tei("profileDesc"))
    if profile is None:
        profile = etree.SubElement(header, tei("profileDesc"))
    partic = profile.find(tei("particDesc"))
    if partic is None:
        partic = etree.SubElement(profile, tei("particDesc"))
    etree.SubElement(partic, tei("listPerson"), type="corpus").extend(
        copy_module.deepcopy(person) for person in wanted)
    return copy


def _transform(name: str, tree: Tree, params: dict[str, Any]) -> etree._XSLTResultTree:
    try:
        return stylesheet(name)(tree, **params)
    except etree.XSLTApplyError as error:
        raise RenderError(f"the {name} transform failed: {error}") from error


def _finish(name: str, data: bytes) -> bytes:
    if name == "text" and data and not data.endswith(b"\n"):
        data += b"\n"
    return data


# Attributes of the page that hold ids (or "#id" links) of the page itself.
_ID_ATTRIBUTES = ("id", "aria-labelledby", "aria-describedby")


def _gather_pages(results: list[etree._XSLTResultTree], corpus: etree._Element) -> bytes:
    """The HTML pages of a corpus' documents → one page: the first page, holding every
    page's article in turn; the anchors of the second and later prefixed ``docN-``."""
    first = results[0]
    main = first.getroot().find("body/main")
    if main is None:
        return bytes(first)
    for number, result in enumerate(results[1:], start=2):
        for article in result.getroot().iterfind("body/main/article"):
            _prefix_anchors(article, f"doc{number}-")
            main.append(article)
    title = corpus.find(f"{{{TEI_NS}}}teiHeader/{{{TEI_NS}}}fileDesc/{{{TEI_NS}}}titleStmt/{{{TEI_NS}}}title")
    page_title = first.getroot().find("head/title")
    title_text = " ".join(str(title.xpath("string()")).split()) if title is not None else ""
    if title_text and page_title is not None:
        page_title.text = title_text
    return bytes(first)


def _prefix_anchors(article: etree._Element, prefix: str) -> None:
    for element in article.iter():
        for attribute in _ID_ATTRIBUTES:
            value = element.get(attribute)
            if value:
                element.set(attribute, " ".join(prefix + token for token in value.split()))
        href = element.get("href")
        if href and href.startswith("#") and len(href) > 1:
            element.set("href", "#" + prefix + href[1:])


def render_file(source: str | Path | bytes, to: str, name: str | None = None, **params: str) -> bytes:
    """A TEI file (path or bytes) → its rendering; the file is parsed safely (no DTD, no network)."""
    format_name(to)
    # Duplicate xml:ids are the validator's business; a page can still be rendered.
    tree = parse(source, name, collect_ids=False)
    return render(tree, to, **params)
