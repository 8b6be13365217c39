"""Rendering: TEI → HTML page and plain text, through transforms/.

Inputs: the hand-encoded fixture (tests/render/memo.tei.xml, written to docs/encoding.md),
the converter's TEI of the seed and samples, and the Office of the Historian's own TEI
(tests/samples/*.xml, FRUS dialect). Checks: the HTML parses with html5lib's strict parser,
its internal links all land on an id, footnotes link both ways, page anchors exist, headings
do not skip a level, and no word of the TEI text is lost in either rendering.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path

import html5lib
import pytest
from lxml import etree

from tei import convert_file
from tei.errors import TeiError
from tei.render import FORMATS, RenderError, render, render_file, stylesheet

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "render" / "memo.tei.xml"
OH_SAMPLES = sorted((ROOT / "tests" / "samples").glob("*.xml"))
TEXTS = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests" / "samples").glob("*.txt")),
         *sorted((ROOT / "tests" / "render").glob("*.txt"))]
TEI_NS = "http://www.tei-c.org/ns/1.0"
HTML = "{http://www.w3.org/1999/xhtml}"


def tei_of(path: Path) -> etree._ElementTree:
    """A path → its TEI tree: .txt files go through the converter."""
    if path.suffix == ".txt":
        return etree.ElementTree(convert_file(path).tree)
    return etree.parse(str(path))


def parse_html(data: bytes) -> etree._Element:
    """HTML bytes → an lxml tree; fails on the first HTML5 parse error (html5lib strict)."""
    parser = html5lib.HTMLParser(strict=True, tree=html5lib.getTreeBuilder("lxml"))
    document = parser.parse(data)
    return document.getroot()


def words(text: str) -> Counter[str]:
    """Letters-only words and digit runs: "Conversation1" counts as "Conversation" and "1"."""
    return Counter(re.findall(r"[^\W\d_]+|\d+", text))


def tei_words(tree: etree._ElementTree) -> Counter[str]:
    text = tree.getroot().find(f".//{{{TEI_NS}}}text")
    assert text is not None
    return words(" ".join(text.itertext()))


def html_words(root: etree._Element) -> Counter[str]:
    body = root.find(f"{HTML}body")
    assert body is not None
    return words(" ".join(body.itertext()))


def by_id(root: etree._Element) -> dict[str, etree._Element]:
    return {element.get("id"): element for element in root.iter() if element.get("id")}


@pytest.fixture(scope="module")
def fixture_html() -> etree._Element:
    return parse_html(render_file(FIXTURE, "html"))


# ----- the library ---------------------------------------------------------------------------

def test_unknown_format_lists_the_valid_ones() -> None:
    with pytest.raises(RenderError, match=r"Unknown format 'pdf'\. Use one of: html, text\."):
        render(etree.parse(str(FIXTURE)), "pdf")
    assert issubclass(RenderError, TeiError)


def test_stylesheets_are_compiled_once() -> None:
    for name in FORMATS:
        assert stylesheet(name) is stylesheet(name)


def test_transform_cannot_read_files(tmp_path: Path) -> None:
    """DENY_ALL: a stylesheet may not pull in other documents through document()."""
    secret = tmp_path / "secret.xml"
    secret.write_text("<secret>do not read</secret>")
    sneaky = etree.XML(f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
      <xsl:template match="/"><out><xsl:copy-of select="document('{secret.as_uri()}')"/></out></xsl:template>
    </xsl:stylesheet>""")
    transform = etree.XSLT(sneaky, access_control=etree.XSLTAccessControl.DENY_ALL)
    with pytest.raises(etree.XSLTApplyError):
        transform(etree.XML("<a/>"))


def test_render_refuses_a_doctype() -> None:
    with pytest.raises(TeiError, match="document type declaration"):
        render_file(b'<!DOCTYPE TEI [<!ENTITY x "y">]><TEI xmlns="http://www.tei-c.org/ns/1.0"/>', "html")


def test_txt_is_accepted_for_text() -> None:
    assert render_file(FIXTURE, "txt") == render_file(FIXTURE, "text")


# ----- HTML: the page ------------------------------------------------------------------------

def test_html_is_a_valid_html5_page_with_a_language(fixture_html: etree._Element) -> None:
    assert fixture_html.get("lang") == "en"
    assert fixture_html.find(f"{HTML}head/{HTML}title").text.startswith("7. Memorandum of Conversation")
    assert fixture_html.find(f"{HTML}head/{HTML}meta[@name='viewport']") is not None


def test_html_has_a_doctype_and_no_external_resources() -> None:
    data = render_file(FIXTURE, "html")
    assert data.startswith(b"<!DOCTYPE html>\n")
    assert b"<script" not in data
    assert not re.search(rb'(src|href)="(https?:)?//', data)


def test_the_page_carries_the_style_sheet_file_and_the_extra_css() -> None:
    css = (ROOT / "transforms" / "html" / "tei-to-html.css").read_text(encoding="utf-8")
    root = parse_html(render(etree.parse(str(FIXTURE)), "html", css_extra=".x { color: red; }"))
    style = root.find(f"{HTML}head/{HTML}style")
    assert style is not None and style.text == css + ".x { color: red; }"


def test_headings_start_at_h1_and_never_skip_a_level(fixture_html: etree._Element) -> None:
    levels = [int(e.tag[-1]) for e in fixture_html.iter() if re.fullmatch(rf"{re.escape(HTML)}h[1-6]", str(e.tag))]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


def test_ids_are_unique_and_every_internal_link_lands(fixture_html: etree._Element) -> None:
    ids = [e.get("id") for e in fixture_html.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    for link in fixture_html.iter(f"{HTML}a"):
        href = link.get("href", "")
        if href.startswith("#"):
            assert href[1:] in ids, f"link {href} has no target"


def test_title_block(fixture_html: etree._Element) -> None:
    header = fixture_html.find(f".//{HTML}header")
    text = " ".join(" ".join(header.itertext()).split())
    assert "7. Memorandum of Conversation" in text
    assert "SUBJECT: Fisheries and Weather Satellites" in text
    assert "March 3, 1975" in text
    assert "Department of State, Central Files." in text      # the source note, cited
    assert "pp. 10–12" in text                               # the header's biblScope


def test_participants_grouped_by_side_with_roles(fixture_html: etree._Element) -> None:
    sides = fixture_html.findall(f".//{HTML}section[@class='participants']//{HTML}div[@class='side']")
    assert [len(side.findall(f".//{HTML}li")) for side in sides] == [2, 2]
    ids = by_id(fixture_html)
    assert ids["person-bodine"].find(f".//{HTML}span[@class='role']").text == "Mr."
    assert "(notetaker)" in "".join(ids["person-bodine"].itertext())
    assert "person-grant" in ids                              # mentioned, declared in the header


def test_names_in_the_text_link_to_the_participants(fixture_html: etree._Element) -> None:
    text = by_id(fixture_html)["text"]
    links = {a.get("href") for a in text.iter(f"{HTML}a") if a.get("class") == "person"}
    assert {"#person-albers", "#person-dorin", "#person-bodine", "#person-fell", "#person-grant"} <= links


def test_table_of_contents_links_the_sections(fixture_html: etree._Element) -> None:
    toc = fixture_html.find(f".//{HTML}nav[@class='toc']")
    entries = [(a.get("href"), a.text) for a in toc.iter(f"{HTML}a")]
    assert [text for _, text in entries] == ["Fisheries", "Weather"]
    ids = by_id(fixture_html)
    for href, text in entries:
        assert ids[href[1:]].find(f"{HTML}h2").text == text


def test_footnotes_link_to_the_note_and_back(fixture_html: etree._Element) -> None:
    ids = by_id(fixture_html)
    refs = [a for a in fixture_html.iter(f"{HTML}a") if a.get("role") == "doc-noteref"]
    assert [a.text for a in refs] == ["1", "2", "3"]           # numbered as in the source
    for ref in refs:
        note = ids[ref.get("href")[1:]]
        assert note.tag == f"{HTML}li"
        back = [a.get("href") for a in note.iter(f"{HTML}a")]
        assert f"#{ref.get('id')}" in back
    # A footnote never referenced is listed, without a way back.
    orphan = ids["d7-note-4"]
    assert "An unreferenced note." in "".join(orphan.itertext())
    assert not any(a.get("href") for a in orphan.iter(f"{HTML}a"))


def test_page_breaks_are_anchors_with_margin_labels(fixture_html: etree._Element) -> None:
    ids = by_id(fixture_html)
    for n in ("10", "11", "12"):
        marker = ids[f"page-{n}"]
        label = marker.find(f"{HTML}a")
        assert label.text.strip() == f"p. {n}" and label.get("href") == f"#page-{n}"
    # The inline break stays inside its sentence's paragraph.
    inline = ids["page-11"]
    paragraph = inline.getparent()
    while paragraph.tag != f"{HTML}p":
        paragraph = paragraph.getparent()
    assert "the weather p. 11 satellites were" in " ".join("".join(paragraph.itertext()).split())
    assert inline.tag == f"{HTML}span"
    # Without the label (it sits in the margin), the sentence reads as in the source.
    label = inline.find(f"{HTML}a")
    flow = (inline.getprevious().tail if inline.getprevious() is not None else "") or ""
    assert "the weather " in (inline.getparent().text or "") + flow and (inline.tail or "").startswith("satellites")
    assert label.tail is None


def test_editorial_notes_are_shown_inline_and_styled(fixture_html: etree._Element) -> None:
    editorial = [e for e in fixture_html.iter() if "editorial" in (e.get("class") or "").split()]
    texts = ["".join(e.itertext()) for e in editorial]
    assert "[NOTE: A page of the original is illegible.]" in texts
    assert "(NOTE: The quotas were later revised.)" in texts
    assert {e.tag for e in editorial} == {f"{HTML}p", f"{HTML}span"}


def test_speakers_are_labelled_and_explained_in_a_legend(fixture_html: etree._Element) -> None:
    said = [e for e in fixture_html.iter(f"{HTML}span") if "said" in (e.get("class") or "").split()]
    assert [e.get("data-speaker") for e in said] == ["Albers", "Dorin", "Albers", "Dorin"]
    assert all("turn" in e.get("class") for e in said)
    legend = fixture_html.find(f".//{HTML}aside[@class='legend']")
    assert [a.text for a in legend.iter(f"{HTML}a")] == ["Albers", "Dorin"]
    colours = {e.get("data-speaker"): re.search(r"speaker-c\w+", e.get("class")).group() for e in said}
    assert colours["Albers"] != colours["Dorin"]


def test_without_said_there_is_no_legend() -> None:
    tree = etree.parse(str(FIXTURE))
    for said in tree.iter(f"{{{TEI_NS}}}said"):
        said.tag = f"{{{TEI_NS}}}seg"
    root = parse_html(render(tree, "html"))
    assert root.find(f".//{HTML}aside[@class='legend']") is None
    assert not [e for e in root.iter() if "said" in (e.get("class") or "").split()]


def test_html_keeps_every_word_of_the_fixture(fixture_html: etree._Element) -> None:
    missing = tei_words(etree.parse(str(FIXTURE))) - html_words(fixture_html)
    assert not missing


# ----- every document we have: ours and the Office of the Historian's ----------------------------

@pytest.mark.parametrize("path", [*TEXTS, *OH_SAMPLES], ids=lambda p: f"{p.stem}{p.suffix}")
def test_html_renders_valid_and_keeps_every_word(path: Path) -> None:
    tree = tei_of(path)
    root = parse_html(render(tree, "html"))
    missing = tei_words(tree) - html_words(root)
    assert not missing, f"words lost: {dict(missing)}"
    ids = by_id(root)
    assert len(ids) == sum(1 for e in root.iter() if e.get("id"))
    for link in root.iter(f"{HTML}a"):
        href = link.get("href", "")
        assert not href.startswith("#") or href[1:] in ids, f"link {href} has no target"
    for pb in tree.iter(f"{{{TEI_NS}}}pb"):
        assert f"page-{pb.get('n')}" in ids
    notes = [n for n in tree.iter(f"{{{TEI_NS}}}note") if n.get("place") != "inline"
             and etree.QName(n.getparent()).localname not in ("div", "body", "bibl")]
    assert len(notes) == sum(1 for a in root.iter(f"{HTML}a") if a.get("role") == "doc-noteref")


@pytest.mark.parametrize("path", [*TEXTS, *OH_SAMPLES], ids=lambda p: f"{p.stem}{p.suffix}")
def test_text_renders_and_keeps_every_word(path: Path) -> None:
    tree = tei_of(path)
    rendered = render(tree, "text").decode("utf-8")
    missing = tei_words(tree) - words(rendered)
    assert not missing, f"words lost: {dict(missing)}"


@pytest.mark.parametrize("path", OH_SAMPLES, ids=lambda p: p.stem)
def test_oh_dialect_headings_and_participants(path: Path) -> None:
    tree = etree.parse(str(path))
    root = parse_html(render(tree, "html"))
    headings = [" ".join("".join(p.itertext()).split())
                for p in tree.iter(f"{{{TEI_NS}}}p") if p.get("rend") == "sectiontitleital"]
    toc = root.find(f".//{HTML}nav[@class='toc']")
    if headings:
        assert [a.text for a in toc.iter(f"{HTML}a")] == headings
    items = [e for e in tree.iter(f"{{{TEI_NS}}}item")
             if e.getparent().get("type") == "participants" or e.getparent().getparent().tag.endswith("item")]
    participants = root.find(f".//{HTML}section[@class='participants']")
    assert participants is not None
    assert len([li for li in participants.iter(f"{HTML}li")]) == len([i for i in items if not len(i.findall(f"{{{TEI_NS}}}list"))])
    # Text of pretty-printed TEI is reflowed: no line starts with indentation.
    text = render(tree, "text").decode("utf-8")
    assert not re.search(r"\n {5,}\S", text)


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "golden").glob("*/expected.tei.xml")),
                         ids=lambda p: p.parent.name)
def test_golden_tei_renders(path: Path) -> None:
    tree = etree.parse(str(path))
    parse_html(render(tree, "html"))
    assert not tei_words(tree) - words(render(tree, "text").decode("utf-8"))


# ----- the command line ----------------------------------------------------------------------

def test_cli_render_writes_html_and_text(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tei.cli import main

    runner = CliRunner()
    out = tmp_path / "sub" / "memo.html"
    result = runner.invoke(main, ["render", str(FIXTURE), "--to", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    parse_html(out.read_bytes())
    result = runner.invoke(main, ["render", "-", "--to", "text"], input=FIXTURE.read_bytes())
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"[Page 10]\n\n7. Memorandum of Conversation1\n")


def test_cli_render_errors() -> None:
    from click.testing import CliRunner

    from tei.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["render", str(FIXTURE), "--to", "pdf"])
    assert result.exit_code == 2 and "Unknown format 'pdf'. Use one of: html, text." in result.output
    result = runner.invoke(main, ["render", "missing.xml", "--to", "html"])
    assert result.exit_code == 1 and "cannot read the file" in result.output
    result = runner.invoke(main, ["render", str(FIXTURE)])
    assert result.exit_code == 2


def test_utterance_of_several_speakers_names_them_all_and_the_legend_stays_unique() -> None:
    tree = etree.parse(str(FIXTURE))
    said = list(tree.iter(f"{{{TEI_NS}}}said"))
    said[2].set("who", "#albers #dorin")                     # "Albers and Dorin agreed."
    root = parse_html(render(tree, "html"))
    labels = [e.get("data-speaker") for e in root.iter(f"{HTML}span") if "said" in (e.get("class") or "")]
    assert labels[2] == "Albers & Dorin"
    legend = root.find(f".//{HTML}aside[@class='legend']")
    assert [a.text for a in legend.iter(f"{HTML}a")] == ["Albers", "Dorin"]
    # Both count as speakers in the participants list.
    ids = by_id(root)
    assert "speaker" in ids["person-albers"].get("class") and "speaker" in ids["person-dorin"].get("class")
    assert "speaker" not in ids["person-fell"].get("class")


def test_stylesheet_parameters_are_passed_as_strings() -> None:
    tree = etree.parse(str(FIXTURE))
    text = render(tree, "text", bullet="- ", page_open="<<", page_close=">>").decode("utf-8")
    assert "\n- Ambassador Albers\n" in text and "<<11>> satellites" in text
    root = parse_html(render(tree, "html", notes_heading="Endnotes", lang="fr"))
    assert by_id(root)["notes-heading"].text == "Endnotes"
    assert root.get("lang") == "en"                           # the TEI's xml:lang wins over the default


@pytest.mark.parametrize("xml", [
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Hi <note n="1">x</note></p></body></text></TEI>',
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body/></text></TEI>',
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>',
    '<text xmlns="http://www.tei-c.org/ns/1.0"><body><div type="document"><p>x</p><pb n="3"/></div></body></text>',
], ids=["no-document-div", "empty-body", "no-text", "text-root"])
def test_minimal_tei_renders_a_valid_page(xml: str) -> None:
    tree = etree.ElementTree(etree.XML(xml))
    root = parse_html(render(tree, "html"))
    assert root.find(f"{HTML}head/{HTML}title").text
    ids = by_id(root)
    levels = [int(str(e.tag)[-1]) for e in root.iter() if re.fullmatch(rf"{re.escape(HTML)}h[1-6]", str(e.tag))]
    assert not levels or levels[0] == 1
    for link in root.iter(f"{HTML}a"):
        href = link.get("href", "")
        assert not href.startswith("#") or href[1:] in ids, href
    assert not words(" ".join(tree.getroot().itertext())) - words(render(tree, "text").decode("utf-8"))


# ----- notes ---------------------------------------------------------------------------------

NOTES_IN_ODD_PLACES = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
<div type="document" n="12" xml:id="d12"><head>12. Memorandum<note place="foot" n="1" xml:id="d12-note-1">One.</note></head>
<p>Able said no.<note place="foot" n="2a" xml:id="d12-note-2a">Two a.</note></p>
<note type="editorial" place="inline">[NOTE: Printed as Document 5.<note place="foot" n="3" xml:id="d12-note-3">Three.</note>]</note>
</div></body></text></TEI>"""


def test_notes_are_listed_in_document_order_wherever_their_reference_stands() -> None:
    tree = etree.ElementTree(etree.XML(NOTES_IN_ODD_PLACES))
    root = parse_html(render(tree, "html"))
    listed = [li.get("id") for li in root.iter(f"{HTML}li") if "footnote" in (li.get("class") or "")]
    assert listed == ["d12-note-1", "d12-note-2a", "d12-note-3"]
    ids = by_id(root)
    refs = [a.get("href") for a in root.iter(f"{HTML}a") if a.get("role") == "doc-noteref"]
    assert refs == ["#d12-note-1", "#d12-note-2a", "#d12-note-3"]
    assert all(ids.get(f"{ref[1:]}-ref") is not None for ref in refs)
    text = render(tree, "text").decode("utf-8")
    assert text.endswith("  1. One.\n  2a. Two a.\n  3. Three.\n")


# ----- corpora and what is not TEI P5 ---------------------------------------------------------

def test_a_corpus_made_by_batch_renders_every_document(tmp_path: Path) -> None:
    from tei.apps.batch import plan_batch, run_batch

    folder = tmp_path / "in"
    folder.mkdir()
    sources = [TEXTS[0], ROOT / "tests" / "samples" / "frus1964-68v14_d114.txt"]
    for source in sources:
        (folder / source.name).write_bytes(source.read_bytes())
    corpus = tmp_path / "corpus.xml"
    run_batch(plan_batch(folder, tmp_path / "out", ["tei"]), jobs=1, corpus=corpus)
    tree = etree.parse(str(corpus))
    heads = [div.find(f"{{{TEI_NS}}}head").text.strip()
             for div in tree.iter(f"{{{TEI_NS}}}div") if div.get("type") == "document"]
    assert len(heads) == 2
    text = render(tree, "text").decode("utf-8")
    root = parse_html(render(tree, "html"))
    assert [line for line in text.splitlines() if line.rstrip("0123456789") in heads] == [
        f"{head}1" for head in heads]
    assert ["".join(h.itertext()).rstrip("0123456789") for h in root.iter(f"{HTML}h1")] == heads
    assert not tei_words_of_every_text(tree) - html_words(root)
    ids = by_id(root)
    assert len(ids) == sum(1 for e in root.iter() if e.get("id"))
    for link in root.iter(f"{HTML}a"):
        href = link.get("href", "")
        assert not href.startswith("#") or href[1:] in ids, f"link {href} has no target"
    # The corpus header's persons still colour the speakers of each document.
    assert not [e for e in root.iter(f"{HTML}span") if "speaker-cx" in (e.get("class") or "")]


def tei_words_of_every_text(tree: etree._ElementTree) -> Counter[str]:
    texts = [t for t in tree.iter(f"{{{TEI_NS}}}text") if not any(
        a.tag == f"{{{TEI_NS}}}text" for a in t.iterancestors())]
    return words(" ".join(" ".join(t.itertext()) for t in texts))


@pytest.mark.parametrize("xml", [
    b"<TEI><text><body><p>An old document.</p></body></text></TEI>",
    b'<TEI xmlns="http://example.org/ns"><text><body><p>Not TEI.</p></body></text></TEI>',
], ids=["no-namespace", "other-namespace"])
def test_tei_without_the_tei_namespace_is_refused_with_one_line(xml: bytes, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tei.cli import main

    with pytest.raises(TeiError, match=r"not TEI P5 \(no TEI namespace\)"):
        render_file(xml, "text")
    path = tmp_path / "old.xml"
    path.write_bytes(xml)
    for to in ("html", "text"):
        result = CliRunner().invoke(main, ["render", str(path), "--to", to])
        assert result.exit_code == 1 and result.stdout == ""
        assert "not TEI P5 (no TEI namespace)" in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("space", ["", "\n   "], ids=["verbatim", "pretty-printed"])
def test_private_use_characters_survive_beside_line_breaks(space: str) -> None:
    xml = (f'<TEI xmlns="{TEI_NS}"><text><body><p>{space}Ba\ue000ker<lb/>there \ue000\uf8ff\ue0ff'
           f'\uf000 end{space}</p></body></text></TEI>')
    text = render(etree.ElementTree(etree.XML(xml)), "text").decode("utf-8")
    assert text == "Ba\ue000ker\nthere \ue000\uf8ff\ue0ff\uf000 end\n"


# ----- TEI at large: one document with the common phenomena ------------------------------------

GENERAL = ROOT / "tests" / "render" / "general.tei.xml"


@pytest.fixture(scope="module")
def general_text() -> str:
    return render_file(GENERAL, "text").decode("utf-8")


@pytest.fixture(scope="module")
def general_html() -> etree._Element:
    return parse_html(render_file(GENERAL, "html"))


def classes(root: etree._Element, name: str) -> list[etree._Element]:
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


def test_general_front_back_and_unknown_elements_keep_their_words(general_text: str,
                                                                  general_html: etree._Element) -> None:
    for phrase in ("The Play of Able", "Back matter words", "Strange words stay", "An inner tale"):
        assert phrase in general_text
        assert phrase in " ".join(" ".join(general_html.itertext()).split())


def test_choice_shows_one_reading_and_the_other_as_a_tooltip(general_text: str,
                                                              general_html: etree._Element) -> None:
    assert "Good morrow to the Mister here," in general_text and "Mr." not in general_text
    assert "and to the the rest." in general_text and "teh" not in general_text
    choices = classes(general_html, "choice")
    assert [(c.text, c.get("title")) for c in choices] == [("Mister", "Mr."), ("the", "teh")]


def test_a_line_break_inside_a_word_adds_no_space(general_text: str, general_html: etree._Element) -> None:
    assert "A long example of wisdom and more." in general_text
    assert "A long example of" in "".join(classes(general_html, "sp")[1].itertext())


def test_drama_speakers_lines_stage_directions_and_cast(general_text: str, general_html: etree._Element) -> None:
    assert "\nEnter Able.\n\nAble\nGood morrow to the Mister here,\nand to the the rest.\n\nBaker\n" in general_text
    assert "    • Able, a clerk\n    • Baker, his friend\n" in general_text
    assert [" ".join("".join(li.itertext()).split()) for li in classes(general_html, "castItem")] == [
        "Able, a clerk", "Baker, his friend"]
    assert [s.text for s in classes(general_html, "speaker")] == ["Able", "Baker"]
    assert len(classes(general_html, "l")) == 4 and len(classes(general_html, "stage")) == 1
    assert "\nRoses are red\nviolets blue\n" in general_text


def test_apparatus_lemma_in_the_text_readings_after_the_notes(general_text: str,
                                                              general_html: etree._Element) -> None:
    assert general_text.endswith("  a1. wisdom] folly B\n")
    entry = by_id(general_html)["app-1"]
    assert " ".join(" ".join(entry.itertext()).split()) == "a1. wisdom] folly B"
    assert by_id(general_html)["app-1-ref"].get("href") == "#app-1"


def test_lists_with_labels_tables_figures_and_pointers(general_text: str, general_html: etree._Element) -> None:
    assert "    • one first thing\n    • two second thing\n" in general_text
    assert "Name | Age\nAble | 40\n" in general_text
    assert [dt.text for dt in general_html.iter(f"{HTML}dt")] == ["one", "two"]
    assert [th.text for th in general_html.iter(f"{HTML}th")] == ["Name", "Age"]
    assert "\nA picture\n\nA quiet harbour\n" in general_text
    assert classes(general_html, "graphic")[0].text == "[image]"      # named, never loaded
    assert "See Scene two and the site." in general_text
    assert classes(general_html, "ptr")[0].text == "Scene two"


def test_a_group_renders_every_text() -> None:
    xml = f"""<TEI xmlns="{TEI_NS}"><text><group>
      <text><body><p>First story.</p></body></text>
      <group><text><body><p>Second story.</p></body></text></group>
      <text><front><head>Third</head></front><body><p>Third story.</p></body></text></group></text></TEI>"""
    tree = etree.ElementTree(etree.XML(xml))
    text = render(tree, "text").decode("utf-8")
    assert [line for line in text.splitlines() if line] == ["First story.", "Second story.", "Third", "Third story."]
    page = parse_html(render(tree, "html"))
    assert "First story. Second story. Third Third story." in " ".join(" ".join(page.itertext()).split())


def test_notes_without_numbers_are_numbered_and_stand_apart_outside_memoranda() -> None:
    xml = (f'<TEI xmlns="{TEI_NS}"><text><body><p>Cats<note place="foot">One.</note> and dogs'
           f'<note>Two.</note>.</p></body></text></TEI>')
    tree = etree.ElementTree(etree.XML(xml))
    assert render(tree, "text").decode("utf-8") == "Cats [1] and dogs [2].\n\n  1. One.\n  2. Two.\n"
    page = parse_html(render(tree, "html"))
    assert [a.text for a in page.iter(f"{HTML}a") if a.get("role") == "doc-noteref"] == ["1", "2"]
