"""Each recognizer on small examples: ``tests/recognizers/<feature>.txt``.

An example is a ``# title`` line, the body text of a memorandum, a line with ``.``, and
the TEI expected in the document ``div`` after its head (children one per line,
namespace left out). The body is put under a title line and two participants, Ambassador
Able and Mr. Baker, so that examples can name people.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from tei import convert

HERE = Path(__file__).resolve().parent / "recognizers"
PREAMBLE = "1. Memorandum of Conversation\n\n\n    • Ambassador Able\n\n    • Mr. Baker\n\n"


def examples() -> list[tuple[str, str, str]]:
    cases = []
    for path in sorted(HERE.glob("*.txt")):
        for chunk in re.split(r"^# ", path.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]:
            title, rest = chunk.split("\n", 1)
            text, expected = re.split(r"^\.$", rest, maxsplit=1, flags=re.MULTILINE)
            cases.append((f"{path.stem}: {title}", text.strip("\n") + "\n", expected.strip()))
    return cases


def body_of(xml: bytes) -> str:
    root = etree.fromstring(xml)
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = etree.QName(element).localname
    etree.cleanup_namespaces(root)
    div = root.find(".//div[@type='document']")
    assert div is not None
    children = [child for child in div if child.tag not in ("head", "list")]
    for child in children:
        child.tail = None
    lines = [etree.tostring(child, encoding="unicode") for child in children]
    return "\n".join(re.sub(r">\n\s*<", "><", line) for line in lines)


@pytest.mark.parametrize(("name", "text", "expected"), examples(), ids=[case[0] for case in examples()])
def test_recognizer_example(name: str, text: str, expected: str) -> None:
    assert body_of(convert(PREAMBLE + text).xml) == expected
