"""The converter against the Office of the Historian's own TEI of the same documents.

For every sample: the same page breaks at the same words, the same footnotes after the
same words with the same text, every heading of the text, every participant named.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from teitext import ROOT, TEI, anchors, text_of, words_of_input, words_of_tei

from tei import convert_file

SAMPLES = sorted((ROOT / "tests" / "samples").glob("*.txt"))
ALL_TEXTS = [ROOT / "seeds" / "frus1981-88v05-d256.txt", *SAMPLES]


def _reference(path: Path) -> etree._Element:
    return etree.parse(str(path.with_suffix(".xml"))).getroot()


def _normalize(text: str) -> str:
    return " ".join(text.split()).replace("'", "’")


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_page_breaks_fall_at_the_same_words(path: Path) -> None:
    ours = anchors(convert_file(path).tree)["pb"]
    theirs = anchors(_reference(path))["pb"]
    assert ours == theirs


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_footnotes_stand_after_the_same_words_with_the_same_text(path: Path) -> None:
    tree = convert_file(path).tree
    reference = _reference(path)
    ours = anchors(tree)["note"]
    theirs = anchors(reference)["note"]
    assert {n: before for n, (before, _) in ours.items()} == {n: before for n, (before, _) in theirs.items()}
    our_texts = {note.get("n"): _normalize(text_of(note))
                 for note in tree.iter(f"{TEI}note") if note.get("place") == "foot"}
    their_texts = {note.get("n"): _normalize("".join(note.itertext())) for note in reference.iter(f"{TEI}note")}
    assert our_texts == their_texts


@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda p: p.stem)
def test_every_heading_line_is_a_section_head(path: Path) -> None:
    tree = convert_file(path).tree
    heads = [_normalize("".join(head.itertext())) for head in tree.iter(f"{TEI}head")]
    text = path.read_text(encoding="utf-8")
    body = text[text.index("•"):]  # after the participants: the title and subject lines are not sections
    for line in body.splitlines():
        if re.fullmatch(r"(\d+\. )?[A-Z][A-Za-z’' -]{2,60}", line.strip()):
            assert _normalize(line) in heads[1:], line


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_participants_are_those_of_the_reference(path: Path) -> None:
    tree = convert_file(path).tree
    ours = [_normalize("".join(item.itertext()))
            for item in tree.iterfind(f".//{TEI}list[@type='participants']//{TEI}list/{TEI}item")]
    theirs = [_normalize("".join(item.itertext()))
              for item in _reference(path).iterfind(f".//{TEI}list[@type='participants']//{TEI}item")
              if item.find(f"{TEI}list") is None]
    assert ours == theirs


@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda p: p.stem)
def test_nothing_is_lost(path: Path) -> None:
    """Every word and mark of the input is in the TEI, in order; only page markers become markup."""
    assert words_of_tei(convert_file(path).tree) == words_of_input(path.read_text(encoding="utf-8"))
