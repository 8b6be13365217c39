"""Random edits of valid TEI documents, for property tests of the schema and the validator.

``mutate(tree, data)`` applies one edit drawn with Hypothesis: move, copy, delete or rename an
element, swap two siblings, set an attribute, or add text. ``SEEDS`` are the documents to start
from: the hand-made valid edge cases and the golden TEI of the converter.
"""

from __future__ import annotations

import copy
from pathlib import Path

from hypothesis import strategies as st
from lxml import etree

from tei.validate import TEI_NS
from tei.xmlsafe import parse

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


def mutate(tree: etree._ElementTree, data: st.DataObject) -> None:
    """Apply one random edit: move, copy, delete, rename an element, set an attribute, or add text."""
    elements = [e for e in tree.iter() if isinstance(e.tag, str)]
    if len(elements) < 2:
        return  # only the root is left: nothing to edit
    target = data.draw(st.sampled_from(elements[1:]))
    kind = data.draw(st.sampled_from(["move", "copy", "delete", "rename", "attribute", "text", "swap"]))
    parent = target.getparent()
    assert parent is not None
    if kind == "move":
        inside = {id(e) for e in target.iter()}
        new_parent = data.draw(st.sampled_from([e for e in elements if id(e) not in inside]))
        new_parent.insert(data.draw(st.integers(0, len(new_parent))), target)
    elif kind == "copy":
        twin = copy.deepcopy(target)
        for each in twin.iter():
            each.attrib.pop("{http://www.w3.org/XML/1998/namespace}id", None)
        parent.insert(parent.index(target) + data.draw(st.integers(0, 1)), twin)
    elif kind == "delete":
        parent.remove(target)
    elif kind == "rename":
        target.tag = f"{{{TEI_NS}}}{data.draw(st.sampled_from(ELEMENTS))}"
    elif kind == "attribute":
        target.set(data.draw(st.sampled_from(ATTRIBUTES)), data.draw(st.sampled_from(VALUES)))
    elif kind == "text":
        target.text = (target.text or "") + "words"
    elif len(parent) > 1:
        other = parent[data.draw(st.integers(0, len(parent) - 1))]
        i, j = sorted((parent.index(target), parent.index(other)))
        if i != j:
            first, second = parent[i], parent[j]
            parent.insert(i, second)
            parent.insert(j, first)
