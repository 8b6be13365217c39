"""Helpers for tests that read TEI back as text: words in reading order, anchors of pbs and notes."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
PAGE_MARKER = re.compile(r"\[[Pp]age\s+\w+\]")
ROOT = Path(__file__).resolve().parent.parent


def local(tag: object) -> str:
    return tag.split("}")[-1] if isinstance(tag, str) else ""


def text_with_glued_refs(tree: etree._Element) -> tuple[str, list[tuple[str, str]]]:
    """The body text with each footnote number glued back where the note stands, and the notes.

    Page breaks contribute nothing, so the result compares with the input minus its page markers.
    """
    body = tree.find(f".//{TEI}body")
    assert body is not None
    parts: list[str] = []
    notes: list[tuple[str, str]] = []

    def walk(element: etree._Element) -> None:
        if element.text:
            parts.append(element.text)
        for child in element:
            name = local(child.tag)
            if name == "note" and child.get("place") == "foot":
                if local(element.tag) != "div":  # a note standing alone was never referenced in the text
                    parts.append(child.get("n", ""))
                notes.append((child.get("n", ""), text_of(child)))
            elif name in ("lb", "p", "head", "item", "div"):
                parts.append(" ")
                walk(child)
                parts.append(" ")
            elif name == "q" and child.get("rendition"):
                parts.append(quote_marks(child, "before"))
                walk(child)
                parts.append(quote_marks(child, "after"))
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(body)
    return "".join(parts), notes


def text_of(element: etree._Element) -> str:
    """An element's text: a space where an ``lb`` stands (a note's continuation line), the
    quotation marks of its q put back."""
    parts = [element.text or ""]
    for child in element:
        if local(child.tag) == "lb":
            parts.append(" ")
        elif local(child.tag) == "q" and child.get("rendition"):
            parts += [quote_marks(child, "before"), text_of(child), quote_marks(child, "after")]
        else:
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def quote_marks(quotation: etree._Element, scope: str) -> str:
    """The marks a q's renditions put before or after it (``content: "“";`` in the header)."""
    root = quotation.getroottree().getroot()
    marks = []
    for pointer in (quotation.get("rendition") or "").split():
        for rendition in root.iter(f"{TEI}rendition"):
            if rendition.get("{http://www.w3.org/XML/1998/namespace}id") == pointer.lstrip("#") \
                    and rendition.get("scope") == scope and '"' in (rendition.text or ""):
                marks.append((rendition.text or "").split('"')[1])
    return "".join(marks)


def words_of_tei(tree: etree._Element) -> list[str]:
    body, notes = text_with_glued_refs(tree)
    words = body.split()
    for n, text in notes:
        words += [f"{n}.", *text.split()]
    return words


def words_of_input(text: str) -> list[str]:
    """The words of a memorandum text, page markers removed, bullets dropped."""
    return [word for word in PAGE_MARKER.sub(" ", text).split() if word not in ("•",)]


def anchors(tree: etree._Element) -> dict[str, dict[str, tuple[str, str]]]:
    """For each pb and foot note of the document: (word before, word after), keyed by n.

    Works on our TEI and on the Office of the Historian's (their pb has no text; notes are
    skipped in the running text, as a reader of the printed page skips them).
    """
    body = tree.find(f".//{TEI}body")
    assert body is not None
    tokens: list[str] = []
    marks: list[tuple[str, str, int]] = []

    def walk(element: etree._Element) -> None:
        if element.text:
            tokens.append(element.text)
        for child in element:
            name = local(child.tag)
            if name == "pb":
                marks.append(("pb", child.get("n", ""), len("".join(tokens))))
            elif name == "note" and child.get("place", "foot") == "foot" and child.get("n"):
                marks.append(("note", child.get("n", ""), len("".join(tokens))))
            elif name == "note" or isinstance(child.tag, str):
                walk(child)
            if child.tail:
                tokens.append(child.tail)

    walk(body)
    text = "".join(tokens)
    result: dict[str, dict[str, tuple[str, str]]] = {"pb": {}, "note": {}}
    for kind, n, offset in marks:
        before = text[:offset].split()
        after = text[offset:].split()
        result[kind][n] = (before[-1] if before else "", after[0] if after else "")
    return result
