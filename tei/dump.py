"""dump: a model → an indented, stable text, for tests of one pass and for reading a model.

:meth:`tei.model.Document.dump` gives it. Every node is one line, its class name and its
plain fields (``name=value``; fields that are empty, None or False are left out); the
fields that hold nodes follow, indented, under ``field:``; strings are quoted as JSON::

    Document path="m.txt" number="12" line=1
      head:
        "12. Memorandum of Conversation"
        NoteRef n="1" line=1
      body:
        Paragraph line=3
          content:
            "Able said so."

A footnote reference shows only the number of its note, which is dumped with the notes.
Nothing here knows a particular model class but that one: a new class is dumped as it is.
"""

from __future__ import annotations

import json

from tei.model import Node, NoteRef

INDENT = "  "


def dump(node: object) -> str:
    """The dump of ``node`` (a document, a block, an inline node or an inline list)."""
    lines: list[str] = []
    _dump(node, 0, lines)
    return "\n".join(lines) + "\n"


def _dump(node: object, depth: int, lines: list[str]) -> None:
    pad = INDENT * depth
    if isinstance(node, NoteRef):
        lines.append(f"{pad}NoteRef n={_scalar(node.note.n)} line={node.line}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            if isinstance(item, list):
                lines.append(f"{pad}[{index}]:")
                _dump(item, depth + 1, lines)
            else:
                _dump(item, depth, lines)
    elif isinstance(node, Node):
        _dump_node(node, depth, lines)
    else:
        lines.append(f"{pad}{_scalar(node)}")


def _dump_node(node: Node, depth: int, lines: list[str]) -> None:
    pad = INDENT * depth
    attributes: list[str] = []
    children: list[tuple[str, object]] = []
    annotations = type(node).__annotations__
    for name, value in zip(node.field_names(), node.field_values()):
        if value is None or value is False or value == [] or value == "":
            continue
        if _is_plain(value, str(annotations[name])):
            attributes.append(f"{name}={_scalar(value)}")
        else:
            children.append((name, value))
    lines.append(" ".join([pad + type(node).__name__, *attributes]))
    for name, value in children:
        lines.append(f"{pad}{INDENT}{name}:")
        _dump(value, depth + 2, lines)


def _is_plain(value: object, annotation: str) -> bool:
    """A value written as ``name=value``: a string, number or flag, or a list declared as
    a list of strings or numbers (names, lines). An inline list is a child even when it
    holds only strings."""
    if isinstance(value, list):
        return annotation in ("list[str]", "list[int]")
    return isinstance(value, (str, int, float, bool))


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)
