"""Random edits of valid TEI documents, for property tests of the schema and the validator.

``mutate(tree, data)`` applies one edit drawn with Hypothesis (or a seeded ``random.Random``): move, copy, delete or rename an
element, swap two siblings, set an attribute, or add text. ``SEEDS`` are the documents to start
from: the hand-made valid edge cases and the golden TEI of the converter.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from hypothesis import strategies as st
from lxml import etree

from tei.validate import TEI_NS
from tei.xmlsafe import parse

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
SEED_FILES = [*sorted((ROOT / "tests" / "valid").glob("*.xml")),
              *sorted((ROOT / "tests" / "golden").glob("*/expected.tei.xml"))]
SEEDS = [parse(path) for path in SEED_FILES]
ELEMENTS = sorted({etree.QName(e).localname for seed in SEEDS for e in seed.iter() if isinstance(e.tag, str)})

# Attribute values to try in mutations: ours, TEI's, and neither.
VALUES = ["document", "section", "foot", "inline", "source", "editorial", "participants", "group", "mentioned",
          "1", "12a", "0", "#alpha", "#d256", "alpha", "1986-07-26", "1986", "true", "false", "bulleted",
          "space-before", "chapter", "margin", "", " ", "x y"]
ATTRIBUTES = ["type", "place", "n", "rend", "ref", "who", "when", "direct", "role", "unit", "target", "corresp",
              "{http://www.w3.org/XML/1998/namespace}lang", "level", "status", "from"]


Draws = st.DataObject | random.Random


def _pick(data: Draws, options: Sequence[T]) -> T:
    return data.choice(options) if isinstance(data, random.Random) else data.draw(st.sampled_from(options))


def _number(data: Draws, low: int, high: int) -> int:
    return data.randint(low, high) if isinstance(data, random.Random) else data.draw(st.integers(low, high))


def mutate(tree: etree._ElementTree, data: Draws) -> None:
    """Apply one random edit: move, copy, delete, rename an element, set an attribute, or add text."""
    elements = [e for e in tree.iter() if isinstance(e.tag, str)]
    if len(elements) < 2:
        return  # only the root is left: nothing to edit
    target = _pick(data, elements[1:])
    kind = _pick(data, ["move", "copy", "delete", "rename", "attribute", "text", "swap"])
    parent = target.getparent()
    assert parent is not None
    if kind == "move":
        inside = {id(e) for e in target.iter()}
        new_parent = _pick(data, [e for e in elements if id(e) not in inside])
        new_parent.insert(_number(data, 0, len(new_parent)), target)
    elif kind == "copy":
        twin = copy.deepcopy(target)
        for each in twin.iter():
            each.attrib.pop("{http://www.w3.org/XML/1998/namespace}id", None)
        parent.insert(parent.index(target) + _number(data, 0, 1), twin)
    elif kind == "delete":
        parent.remove(target)
    elif kind == "rename":
        target.tag = f"{{{TEI_NS}}}{_pick(data, ELEMENTS)}"
    elif kind == "attribute":
        target.set(_pick(data, ATTRIBUTES), _pick(data, VALUES))
    elif kind == "text":
        target.text = (target.text or "") + "words"
    elif len(parent) > 1:
        other = parent[_number(data, 0, len(parent) - 1)]
        i, j = sorted((parent.index(target), parent.index(other)))
        if i != j:
            first, second = parent[i], parent[j]
            parent.insert(i, second)
            parent.insert(j, first)


def xsd_accepts(schema: etree.XMLSchema, tree: etree._ElementTree) -> bool:
    """The XSD's verdict with the rule that holds what XML Schema lets pass (``xsi:`` attributes):
    together they are the grammar a RELAX NG schema states alone."""
    from tei.validate.rules import Document, run_checks

    return bool(schema.validate(tree)) and not run_checks(Document(tree), ("no-xsi-attributes",))
