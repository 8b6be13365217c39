"""Rendering: a TEI tree → bytes of HTML or plain text, through the XSLT in ``transforms/``.

``render(tree, "html")`` applies ``transforms/html/tei-to-html.xsl``; ``render(tree, "text")``
applies ``transforms/text/tei-to-text.xsl``. Stylesheets are XSLT 1.0 (libxslt, through lxml),
compiled once per format and cached. A transform runs with every file and network access
denied: a stylesheet reads nothing but the tree it is given.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from lxml import etree

from tei.errors import TeiError
from tei.resources import transform_path
from tei.xmlsafe import parse

__all__ = ["FORMATS", "RenderError", "format_name", "render", "render_file", "stylesheet", "stylesheet_at"]

#: Output format name → stylesheet path inside ``transforms/``.
FORMATS: dict[str, str] = {
    "html": "html/tei-to-html.xsl",
    "text": "text/tei-to-text.xsl",
}

# "txt" is what people type for text; accept it without listing it twice.
_ALIASES: dict[str, str] = {"txt": "text"}

_cache: dict[str, etree.XSLT] = {}
_lock = threading.Lock()

Tree = etree._ElementTree | etree._Element


class RenderError(TeiError):
    """A stylesheet is missing or broken, the format is unknown, or the transform failed."""


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


def render(tree: Tree, to: str, **params: str) -> bytes:
    """TEI tree (or root element) → the rendering as bytes (UTF-8).

    ``to`` is a format name (``html`` or ``text``), or the path of a stylesheet in ``transforms/``
    that wraps one (``"site/document.xsl"``). ``params`` are passed to the stylesheet
    as string values (quoted for you), e.g. ``render(tree, "text", bullet="- ")``.
    """
    wrapped = to.endswith(".xsl")
    transform = stylesheet_at(to) if wrapped else stylesheet(to)
    name = to if wrapped else format_name(to)
    quoted: dict[str, Any] = {key.replace("_", "-"): etree.XSLT.strparam(value) for key, value in params.items()}
    try:
        result = transform(tree, **quoted)
    except etree.XSLTApplyError as error:
        raise RenderError(f"the {name} transform failed: {error}") from error
    data = bytes(result)
    if name == "text" and data and not data.endswith(b"\n"):
        data += b"\n"
    return data


def render_file(source: str | Path | bytes, to: str, name: str | None = None, **params: str) -> bytes:
    """A TEI file (path or bytes) → its rendering; the file is parsed safely (no DTD, no network)."""
    format_name(to)
    # Duplicate xml:ids are the validator's business; a page can still be rendered.
    tree = parse(source, name, collect_ids=False)
    return render(tree, to, **params)
