"""Our TEI in the TEI Consortium's own Stylesheets (XSLT 2.0, run with Saxon through saxonche).

The Stylesheets put quotation marks around a ``q`` unless the header declares that the marks
are in the text (``editorialDecl/quotation[@marks="all"]``). Our converter keeps each
quotation's own marks inside ``q``, as the source has them, and declares so; each quotation is
then shown once, with its marks: never ‘“…”’. The Stylesheets are found at ``$TEI_STYLESHEETS`` or beside the repository in
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
    tei, _output, page = stylesheets_html
    assert tei.find(f".//{{{TEI_NS}}}editorialDecl/{{{TEI_NS}}}quotation").get("marks") == "all"
    quotations = ["".join(q.itertext()) for q in tei.iter(f"{{{TEI_NS}}}q")]
    assert len(quotations) > 10
    assert all(text.startswith("“") and text.endswith("”") for text in quotations)
    shown = re.sub(r"\s+", " ", page.text_content())
    assert "‘“" not in shown and "”’" not in shown and "““" not in shown and "””" not in shown
    for q in tei.iter(f"{{{TEI_NS}}}q"):
        # The words up to the first note or page break: shown once, after one opening mark.
        opening = re.sub(r"\s+", " ", q.text or "")[:40]
        assert shown.count(opening) >= 1, opening
        for start in (index for index in range(len(shown)) if shown.startswith(opening, index)):
            assert shown[start - 1:start] not in ("‘", "“", '"'), opening
