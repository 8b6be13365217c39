"""Our TEI in the TEI Consortium's own Stylesheets (XSLT 2.0, run with Saxon through saxonche).

The Stylesheets put quotation marks around a ``q`` unless it says how it is rendered. Our
converter keeps the marks out of ``q``'s content and points to two renditions in the header
(CSS generated content before and after), so each quotation is shown once, with its marks:
never ‘“…”’. The Stylesheets are found at ``$TEI_STYLESHEETS`` or beside the repository in
``shared/tei-stylesheets``; the test is skipped, saying so, when they or saxonche are missing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from lxml import etree, html

from tei import convert_file

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "frus1981-88v05-d256.txt"
TEI_NS = "http://www.tei-c.org/ns/1.0"
CANDIDATES = [Path(os.environ.get("TEI_STYLESHEETS", "/nonexistent")), ROOT.parent / "shared" / "tei-stylesheets",
              ROOT.parent.parent / "shared" / "tei-stylesheets"]
STYLESHEETS = next((folder for folder in CANDIDATES if (folder / "profiles/default/html/to.xsl").is_file()), None)


@pytest.fixture(scope="module")
def stylesheets_html(tmp_path_factory: pytest.TempPathFactory) -> tuple[etree._Element, str, etree._Element]:
    saxonche = pytest.importorskip("saxonche")
    if STYLESHEETS is None:
        pytest.skip("the TEI Stylesheets are not here (set TEI_STYLESHEETS)")
    tei = convert_file(SEED).tree
    source = tmp_path_factory.mktemp("tei") / "seed.tei.xml"
    source.write_bytes(etree.tostring(tei, encoding="UTF-8", xml_declaration=True))
    with saxonche.PySaxonProcessor(license=False) as processor:
        compiled = processor.new_xslt30_processor().compile_stylesheet(
            stylesheet_file=str(STYLESHEETS / "profiles/default/html/to.xsl"))
        output = compiled.transform_to_string(source_file=str(source))
    return tei, output, html.fromstring(output.encode("utf-8"))


def test_each_quotation_is_shown_once_by_the_tei_stylesheets(
        stylesheets_html: tuple[etree._Element, str, etree._Element]) -> None:
    tei, output, page = stylesheets_html
    quotations = list(tei.iter(f"{{{TEI_NS}}}q"))
    assert len(quotations) > 10
    css = dict(re.findall(r"\.([\w-]+:(?:before|after))\s*\{\s*content:\s*\"(.)\";", output))
    for q in quotations:
        text = "".join(q.itertext())
        assert not text.startswith(("“", "‘", '"')) and not text.endswith(("”", "’", '"'))
        assert q.get("rendition") == "#d256-quote-open #d256-quote-close"
    spans = [span for span in page.iter("span") if (span.get("class") or "").split() == ["d256-quote-open",
                                                                                           "d256-quote-close"]]
    assert len(spans) == len(quotations)
    for span in spans:
        # No mark written by the stylesheet around it (nor left in the text) ...
        shown = span.text_content().strip()
        assert not shown.startswith(("“", "‘", '"')) and not shown.endswith(("”", "’", '"')), shown
    # ... and exactly one before and one after, from the renditions' CSS.
    assert css == {"d256-quote-open:before": "“", "d256-quote-close:after": "”"}
