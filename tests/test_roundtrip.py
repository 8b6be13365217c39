"""Round trip: text → ``tei convert`` → ``tei render --to text`` → the same text.

The comparison ignores only trailing whitespace at line ends and at the end of the file.
A failure shows a unified diff: a line missing on the right was lost or moved by the
converter (or misplaced by the stylesheet); the diff says which.
"""

from __future__ import annotations

import difflib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tei import convert_bytes
from tei.render import render, render_file

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SAMPLES = sorted((ROOT / "tests" / "samples").glob("*.txt"))
# A typescript's text does not come back: the text rendering writes the layout of the web copies
# ("[Page N]", the notes at the end), not a typescript's page numbers and classification lines.
GOLDEN_INPUTS = sorted(path for path in (ROOT / "tests" / "golden").glob("*/input.txt")
                       if not path.parent.name.startswith("typescript-"))
FIXTURE = ROOT / "tests" / "render" / "memo.txt"
# Hand-written inputs for the layout rules: page markers at a paragraph's start and end,
# several subject lines, body bullets, a numbered heading with a note, a section break
# without heading, and a page marker alone between a section break and its heading.
EDGE_CASES = sorted((ROOT / "tests" / "render").glob("*.txt"))
TEXTS = [*SEEDS, *SAMPLES, *EDGE_CASES]


def _id(path: Path) -> str:
    return path.parent.name if path.name == "input.txt" else path.stem


def normalized(text: str) -> list[str]:
    """Text → its lines without trailing whitespace, trailing blank lines dropped."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def assert_same_text(expected: str, actual: str, name: str) -> None:
    want, got = normalized(expected), normalized(actual)
    if want != got:
        diff = "\n".join(difflib.unified_diff(want, got, f"{name} (input)", f"{name} (rendered)", lineterm="", n=1))
        pytest.fail(f"the round trip changed {name}:\n{diff}")


@pytest.mark.parametrize("path", TEXTS, ids=_id)
def test_convert_then_render_text_gives_the_input_back(path: Path) -> None:
    source = path.read_bytes()
    tei = convert_bytes(source, str(path)).xml
    rendered = render_file(tei, "text", str(path))
    assert_same_text(source.decode("utf-8"), rendered.decode("utf-8"), path.name)


@pytest.mark.parametrize("path", GOLDEN_INPUTS, ids=_id)
def test_golden_inputs_round_trip(path: Path) -> None:
    source = path.read_bytes()
    rendered = render(convert_bytes(source, str(path)).tree, "text")
    assert_same_text(source.decode("utf-8"), rendered.decode("utf-8"), f"{path.parent.name}/{path.name}")


def test_hand_encoded_fixture_renders_to_its_text() -> None:
    """The stylesheet alone, on TEI written by hand to docs/encoding.md (no converter involved)."""
    rendered = render_file(ROOT / "tests" / "render" / "memo.tei.xml", "text")
    assert_same_text(FIXTURE.read_text(encoding="utf-8"), rendered.decode("utf-8"), FIXTURE.name)


def test_command_line_pipe_round_trips_the_seed() -> None:
    """The README's pipe, as a user types it: ``tei convert FILE | tei render - --to text``."""
    seed = SEEDS[0]
    converted = subprocess.run([sys.executable, "-m", "tei", "convert", str(seed)],
                               capture_output=True, check=True, cwd=ROOT)
    rendered = subprocess.run([sys.executable, "-m", "tei", "render", "-", "--to", "text"],
                              input=converted.stdout, capture_output=True, check=True, cwd=ROOT)
    assert_same_text(seed.read_text(encoding="utf-8"), rendered.stdout.decode("utf-8"), seed.name)


# ----- property: a page marker anywhere inside a paragraph survives the round trip -----------



def _seed_without_markers() -> list[str]:
    text = SEEDS[0].read_text(encoding="utf-8")
    text = re.sub(r"\[Page \d+\]\n\n", "", text)
    return re.sub(r"\[Page \d+\] ", "", text).split("\n")


_LINES = _seed_without_markers()
_PARAGRAPHS = [i for i, line in enumerate(_LINES) if len(line.split(" ")) > 8 and not line.startswith(" ")]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_PARAGRAPHS), st.floats(0.05, 0.95)), min_size=1, max_size=6,
                unique_by=lambda pair: pair[0]))
def test_inline_page_markers_round_trip(places: list[tuple[int, float]]) -> None:
    """``X [Page N] Y`` at random word boundaries, pages increasing through the text."""
    lines = list(_LINES)
    for number, (index, where) in enumerate(sorted(places), start=2001):
        words = lines[index].split(" ")
        cut = max(1, min(len(words) - 1, int(len(words) * where)))
        lines[index] = " ".join([*words[:cut], f"[Page {number}]", *words[cut:]])
    source = "\n".join(lines)
    rendered = render(convert_bytes(source.encode("utf-8"), "generated.txt").tree, "text")
    assert_same_text(source, rendered.decode("utf-8"), "generated.txt")


# ----- small sources that must come back exactly ------------------------------------------------

SMALL_CASES = {
    # Notes are listed in the order of the source, never sorted as numbers ("2a" is not a number).
    "lettered-note": "12. Memorandum of Conversation1\n\nAble said hello. Baker said no.2a\n\n"
                     "  1. Source: a file.\n  2a. Not printed.\n",
    # A footnote whose reference sits inside an editorial note is rendered like any other.
    "note-in-editorial-note": "12. Memorandum of Conversation1\n\nAble said hello.\n\n"
                              "[NOTE: The letter is printed as Document 5.2]\n\n"
                              "  1. Source: a file.\n  2. Not printed.\n",
    # A private-use character is text like any other (the text stylesheet marks line
    # breaks with one that the document does not hold).
    "private-use-character": "12. Memorandum of Conversation\n\nAble met Ba\ue000ker and \uf8ffthem.\n",
}


@pytest.mark.parametrize("name", sorted(SMALL_CASES))
def test_small_sources_round_trip(name: str) -> None:
    source = SMALL_CASES[name]
    rendered = render(convert_bytes(source.encode("utf-8"), f"{name}.txt").tree, "text")
    assert_same_text(source, rendered.decode("utf-8"), name)


# ----- the forms the text rendering normalizes, as transforms/README.md lists them --------------

def _documented_forms() -> list[tuple[str, str]]:
    readme = (ROOT / "transforms" / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What the text rendering writes differently from the source")[1].split("\n## ")[0]
    return re.findall(r"^\| `([^`]+)` \| `([^`]+)` \|", section, flags=re.MULTILINE)


@pytest.mark.parametrize("source_form, written_form", _documented_forms())
def test_the_forms_written_differently_are_the_documented_ones(source_form: str, written_form: str) -> None:
    source = (f"12. Memorandum of Conversation1\n\nAble said it {source_form} and left.\n\n"
              "  1. Source: a file.\n  2. Two.\n")
    rendered = render(convert_bytes(source.encode("utf-8"), "forms.txt").tree, "text").decode("utf-8")
    assert f"Able said it {written_form} and left." in rendered


def test_the_documented_forms_are_listed() -> None:
    assert len(_documented_forms()) == 4
