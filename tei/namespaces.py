"""The XML namespaces of TEI, written once: every module names elements through :func:`tei`."""

from __future__ import annotations

import functools

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"


@functools.cache
def tei(name: str) -> str:
    """The qualified name of a TEI element: ``tei("p")`` → ``{http://www.tei-c.org/ns/1.0}p``."""
    return f"{{{TEI_NS}}}{name}"


def xml(name: str) -> str:
    """The qualified name of an ``xml:`` attribute: ``xml("id")``."""
    return f"{{{XML_NS}}}{name}"
