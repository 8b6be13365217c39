"""TEI we did not write, rendered: every word of the text kept, a valid page.

Inputs: ``tests/wild/`` (letters, a play, verse, a teiCorpus from other projects; see its
README), and, when the shared data is present, the TEI Consortium's test documents
(``../shared/tei-wild/``) and the Office of the Historian's TEI (``../shared/samples/``,
``../shared/corpus/frus/``).

The measure is ``../shared/tools/wordrecall.py``'s: the share of the words of the TEI's
``text`` (whitespace-separated, punctuation stripped at both ends, case-folded, counted as a
multiset, every text node a separate string) that the rendering still holds. It splits a
word wherever markup stands inside it (``axt<gap/>š`` is two words, ``<gloss>MC</gloss>–70``
two), which a plain-text rendering that keeps the word whole cannot match; those few
documents are listed in ``GLUED`` with the share they reach and why.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path

import html5lib
import pytest
from lxml import etree, html

from tei.render import render_file

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent.parent / "shared" if (ROOT.parent.parent / "shared").is_dir() else ROOT.parent / "shared"
TEI_NS = "http://www.tei-c.org/ns/1.0"
HTML = "{http://www.w3.org/1999/xhtml}"

WILD = sorted((ROOT / "tests" / "wild").glob("*.xml"))
SHARED_FILES = sorted([*(SHARED / "tei-wild").glob("*.xml"), *(SHARED / "samples").glob("*.xml"),
                       *(SHARED / "corpus" / "frus").glob("*.xml")])

#: (file stem, format) → the share reached, where the measure splits words at markup that the
#: rendering (rightly) keeps whole, or counts both readings of a choice that shows one.
GLUED: dict[tuple[str, str], float] = {
    # axt<gap/>š, hyn<add>t</add>kyh: words written across a gap or an addition
    ("stylesheets-test-testapp2", "text"): 0.96,
    # <gloss>MC</gloss>–70, eighteen times
    ("frus1958-60v07p1_d228", "text"): 0.985,
    # <choice><sic>1814</sic><corr>1815</corr></choice> shows 1815; <supplied>1</supplied>815
    ("correspdesc-example07-anthology-of-letters", "text"): 0.85,
    ("correspdesc-example07-anthology-of-letters", "html"): 0.95,
}


def _words(text: str) -> list[str]:
    return [w for w in (re.sub(r"^[\W_]+|[\W_]+$", "", t).casefold() for t in text.split()) if w]


def tei_words(path: Path) -> collections.Counter[str]:
    root = etree.parse(str(path), etree.XMLParser(collect_ids=False, resolve_entities=False)).getroot()
    out: list[str] = []
    for text in root.iter(f"{{{TEI_NS}}}text"):
        if any(a.tag == f"{{{TEI_NS}}}text" for a in text.iterancestors()):
            continue  # nested text (floatingText, group): counted with its outer text
        out.extend(_words(" ".join(text.itertext())))
    return collections.Counter(out)


def rendered_words(data: bytes, is_html: bool) -> collections.Counter[str]:
    if is_html:
        document = html.fromstring(data)
        for bad in document.xpath("//script|//style"):
            bad.drop_tree()
        return collections.Counter(_words(" ".join(document.itertext())))
    return collections.Counter(_words(data.decode("utf-8")))


def recall(path: Path, data: bytes, is_html: bool) -> float:
    source, rendered = tei_words(path), rendered_words(data, is_html)
    total = sum(source.values())
    return sum(min(count, rendered[word]) for word, count in source.items()) / total if total else 1.0


CASES = [pytest.param(path, id=path.stem) for path in [*WILD, *SHARED_FILES]]


@pytest.mark.parametrize("to", ["text", "html"])
@pytest.mark.parametrize("path", CASES)
def test_rendering_keeps_the_words(path: Path, to: str) -> None:
    data = render_file(path, to)
    floor = GLUED.get((path.stem, to), 0.99)
    assert recall(path, data, to == "html") >= floor


@pytest.mark.parametrize("path", CASES)
def test_page_is_valid_html_and_its_links_land(path: Path) -> None:
    parser = html5lib.HTMLParser(strict=True, tree=html5lib.getTreeBuilder("lxml"))
    root = parser.parse(render_file(path, "html")).getroot()
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids))
    for link in root.iter(f"{HTML}a"):
        href = link.get("href", "")
        assert not href.startswith("#") or href[1:] in ids, f"link {href} has no target"


def test_the_collection_comes_from_five_projects_with_a_corpus() -> None:
    readme = (ROOT / "tests" / "wild" / "README.md").read_text(encoding="utf-8")
    projects = set(re.findall(r"github\.com/([\w.-]+/[\w.-]+)", readme))
    assert len(projects) >= 5
    assert any(etree.parse(str(path)).getroot().tag == f"{{{TEI_NS}}}teiCorpus" for path in WILD)
    for path in WILD:
        assert f"`{path.name}`" in readme or path.name.split("-")[0] in readme
