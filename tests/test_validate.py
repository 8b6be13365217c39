"""tei/validate, tei/xmlsafe.py and ``tei validate``: invalid files → the expected rule and line."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from teimutate import SEEDS, mutate, xsd_accepts

from tei.cli import main
from tei.errors import Diagnostic
from tei.validate import (
    RULES,
    Document,
    SchemaError,
    format_diagnostic,
    libxml2_schema,
    note_key,
    resolve,
    validate,
    validate_bytes,
    validate_file,
    validate_tree,
    xmlschema_schema,
)
from tei.xmlsafe import UnreadableFileError, UnsafeXmlError, doctype_line, parse

TESTS = Path(__file__).resolve().parent
INVALID = sorted((TESTS / "invalid").glob("*.xml"))
VALID = sorted((TESTS / "valid").glob("*.xml"))
EXPECT = re.compile(r"<!-- expect: (?P<rule>[\w-]+) line (?P<line>\d+) -->")
# Files that cannot carry an expect comment.
SPECIAL = {"empty.xml": ("well-formed", 1)}

MINIMAL_PATH = TESTS / "valid" / "minimal.xml"
MINIMAL = MINIMAL_PATH.read_bytes()


def expectation(path: Path) -> tuple[str, int]:
    """tests/invalid/NAME.xml → (rule, line) from its ``<!-- expect: RULE line N -->`` comment."""
    if path.name in SPECIAL:
        return SPECIAL[path.name]
    match = EXPECT.search(path.read_text(encoding="utf-8"))
    assert match, f"{path.name} has no '<!-- expect: RULE line N -->' comment"
    return match.group("rule"), int(match.group("line"))


def found(diagnostics: list[Diagnostic]) -> list[tuple[str | None, int | None]]:
    return [(d.rule, d.line) for d in diagnostics]


def with_body(body: str) -> bytes:
    """A minimal valid document whose body is ``body``."""
    return MINIMAL.replace(b"<body><p>Text.</p></body>", f"<body>{body}</body>".encode())


# ---------------------------------------------------------------------------- the table


def test_there_are_enough_invalid_documents() -> None:
    assert len(INVALID) >= 15
    assert {expectation(path)[0] for path in INVALID} >= {
        "schema", "well-formed", "safe-xml", *(rule.name for rule in RULES)}


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
@pytest.mark.parametrize("engine", ["auto", "xmlschema"])
def test_invalid_document_fails_with_its_rule_and_line(path: Path, engine: str) -> None:
    """Each file has exactly one problem: the one its comment names, at that line."""
    diagnostics = validate_file(path, engine=engine)  # type: ignore[arg-type]
    assert found(diagnostics) == [expectation(path)], "\n".join(map(format_diagnostic, diagnostics))


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
@pytest.mark.parametrize("engine", ["auto", "xmlschema"])
def test_valid_document_has_no_diagnostics(path: Path, engine: str) -> None:
    diagnostics = validate_file(path, engine=engine)  # type: ignore[arg-type]
    assert diagnostics == [], "\n".join(map(format_diagnostic, diagnostics))


PARSED = VALID + [p for p in INVALID if expectation(p)[0] not in ("well-formed", "safe-xml")]


@pytest.mark.parametrize("path", PARSED, ids=[p.stem for p in PARSED])
def test_libxml2_and_xmlschema_agree_on_the_grammar(path: Path) -> None:
    """The fast path is sound only if libxml2 accepts exactly what xmlschema accepts."""
    tree = parse(path, collect_ids=False)
    fast = libxml2_schema(_schema()).validate(tree)
    slow = xmlschema_schema(_schema()).is_valid(tree)
    assert fast == slow


def _schema() -> Path:
    return (TESTS.parent / "schemas" / "memo.xsd").resolve()


# ---------------------------------------------------------------------------- diagnostics


def test_schema_diagnostic_names_path_reason_line_and_column() -> None:
    data = with_body('<p>One.</p>\n<div type="chapter"><p>Two.</p></div>')
    [diagnostic] = validate_bytes(data, "memo.xml")
    line = data.count(b"\n", 0, data.index(b'<div type="chapter">')) + 1
    assert format_diagnostic(diagnostic) == (
        f"memo.xml:{line}:1: error: schema: /TEI/text/body/div: attribute type='chapter': "
        "value must be one of ['document', 'section']")


@pytest.mark.parametrize("attributes, meaning", [
    ('n="a b"', "attribute n='a b': must be one word, without spaces"),
    ('corresp=" "', "attribute corresp='': must not be empty"),
    ('rend="bold"><said who="alpha"', "attribute who='alpha': must be one or more '#id' pointers"),
    ('rend="bold"><said direct="yes"', "attribute direct='yes': must be 'true' or 'false'"),
])
def test_a_failed_pattern_is_explained_in_words(attributes: str, meaning: str) -> None:
    closing = "</said></p>" if "<said" in attributes else "</p>"
    [diagnostic] = validate_bytes(with_body(f"<p {attributes}>x{closing}"))
    assert meaning in diagnostic.message and "\\" not in diagnostic.message


def test_an_element_is_located_where_its_start_tag_begins() -> None:
    """libxml2 numbers a wrapped start tag by its last line; we report the line of its '<'.

    A '<' in a comment, a CDATA section or a processing instruction is not a start tag.
    """
    body = ('<!-- a <p> in a comment --><p>One <![CDATA[<p>in CDATA</p>]]> two.</p>\n'
            '<p xml:id="a"\n/><?pi <p>?><p\n xml:id="a">x</p>\n'
            '   <div type="chapter"\n        n="2">\n<p>Two.</p></div>')
    data = with_body(body)
    lines = data.decode().splitlines()
    empty = next(i for i, line in enumerate(lines) if '<p xml:id="a"' in line) + 1
    div = next(i for i, line in enumerate(lines) if "<div" in line) + 1
    diagnostics = validate_bytes(data)
    assert [(d.rule, d.line, d.column) for d in diagnostics] == [
        ("no-empty-p", empty, 1), ("unique-id", empty + 1, 13), ("schema", div, 4)]
    assert f"already used on line {empty};" in diagnostics[1].message


def test_unexpected_child_is_reported_at_the_child_not_the_parent() -> None:
    data = with_body("<p>One\n two <memo/></p>")
    [diagnostic] = validate_bytes(data)
    assert diagnostic.line == data.count(b"\n", 0, data.index(b"<memo")) + 1
    assert "'memo'" in diagnostic.message and "{" not in diagnostic.message


def test_duplicate_id_is_reported_once_by_the_rule_not_by_the_grammar_too() -> None:
    data = with_body('<p xml:id="a">One.</p>\n<p xml:id="a">Two.</p>')
    for engine in ("auto", "xmlschema"):
        diagnostics = validate_bytes(data, engine=engine)  # type: ignore[arg-type]
        assert [d.rule for d in diagnostics] == ["unique-id"]
        assert "already used on line" in diagnostics[0].message


def test_dangling_pointer_suggests_a_close_id() -> None:
    data = with_body('<p xml:id="alpha">One <ref target="#alpah">two</ref>.</p>')
    [diagnostic] = validate_bytes(data)
    assert diagnostic.rule == "pointer-resolves"
    assert "did you mean '#alpha'" in diagnostic.message


def test_external_pointers_and_lists_of_pointers() -> None:
    data = with_body('<p xml:id="a">One <ref target="https://example.org/x #a">two</ref>'
                     '<persName ref="#a #b">x</persName>.</p>')
    assert [(d.rule, d.message) for d in validate_bytes(data)] == [
        ("pointer-resolves", "@ref '#b' points to no xml:id in this document")]


def test_all_problems_of_a_file_are_reported_in_line_order() -> None:
    data = with_body('<p><persName ref="#x">A</persName></p>\n<p/>\n<p>B<pb n="3"/></p>\n<p>C<pb n="2"/></p>')
    assert [d.rule for d in validate_bytes(data)] == ["pointer-resolves", "no-empty-p", "pages-increase"]


def test_tree_built_in_memory_validates_without_line_numbers() -> None:
    root = etree.fromstring(with_body("<p>One.</p><p> </p>"))
    copy = etree.fromstring(etree.tostring(root))  # new tree, same content
    diagnostics = validate_tree(copy, "<memory>")
    assert [d.rule for d in diagnostics] == ["no-empty-p"]
    assert validate_tree(etree.ElementTree(root)) != []


def test_rules_are_named_once_and_in_one_place() -> None:
    names = [rule.name for rule in RULES]
    assert names == ["unique-id", "no-xsi-attributes", "pointer-resolves", "said-who-person", "notes-in-order",
                     "pages-increase", "no-empty-p"]


@pytest.mark.parametrize("smaller, larger", [("1", "2"), ("0", "1"), ("12", "12a"), ("12a", "12b"), ("12b", "13"),
                                             (" 3 ", "10"), ("9" * 5000, "1" + "0" * 5000)])
def test_note_key_orders_like_the_numbers(smaller: str, larger: str) -> None:
    assert note_key(smaller) < note_key(larger)  # type: ignore[operator]


@pytest.mark.parametrize("n", ["*", "iv", ""])
def test_note_key_of_an_unnumbered_note_is_none(n: str) -> None:
    assert note_key(n) is None


@pytest.mark.parametrize("numbers, problems", [
    ("1 2 3", []),
    ("0 1 2", []),
    ("1 3 7", []),              # gaps are allowed: the text may quote only some notes
    ("12 12a 12b 13", []),
    ("1 3 2", ["2"]),
    ("1 2 2", ["2"]),
    ("12a 12", ["12"]),
    ("2 1 3", ["1"]),
    ("1 * 2", []),              # not numbered, not checked
])
def test_notes_in_order(numbers: str, problems: list[str]) -> None:
    notes = "".join(f'<p>x<note place="foot" n="{n}">note {n}</note></p>' for n in numbers.split())
    data = with_body(f'<div type="document">{notes}</div>')
    diagnostics = validate_bytes(data)
    assert [d.rule for d in diagnostics] == ["notes-in-order"] * len(problems)
    assert [d.message.split()[1] for d in diagnostics] == problems


def test_unreferenced_notes_at_the_end_are_checked_for_duplicates_only() -> None:
    div = ('<div type="document"><p>a<note place="foot" n="1">x</note>b<note place="foot" n="3">y</note></p>'
           '<note place="foot" n="2">never referenced</note><note place="foot" n="{}">z</note></div>')
    assert validate_bytes(with_body(div.format("4"))) == []
    assert [d.rule for d in validate_bytes(with_body(div.format("3")))] == ["notes-in-order"]


def test_notes_restart_in_each_document_div() -> None:
    div = '<div type="document"><p>a<note place="foot" n="1">x</note>b<note place="foot" n="2">y</note></p></div>'
    assert validate_bytes(with_body(div + div)) == []


@pytest.mark.parametrize("pages, problems", [
    ("1 2 3", 0), ("1040 1041", 0), ("xii 1 2", 0), ("A-3 A-4", 0), ("3 2", 1), ("3 3", 1), ("5 4 3", 2),
    ("924r 924v 925r", 0), ("12 12a 13", 0), ("924v 924r", 1), ("350 351 1 2", 0), ("2:15 2:16 3:1 3:2", 0),
    ("A-4 B-1 A-5", 0), ("9" * 5000 + " 1" + "0" * 5000, 0), ("1" + "0" * 5000 + " " + "9" * 5000, 1)])
def test_pages_increase(pages: str, problems: int) -> None:
    body = "".join(f'<p>x<pb n="{n}"/>y</p>' for n in pages.split())
    diagnostics = validate_bytes(with_body(body))
    assert [d.rule for d in diagnostics] == ["pages-increase"] * problems


@pytest.mark.parametrize("p, empty", [
    ("<p/>", True), ("<p>   </p>", True), ('<p><pb n="2"/><lb/></p>', True), ("<p><hi> </hi></p>", True),
    ("<p><note/></p>", True), ("<p>x</p>", False), ('<p><gap reason="illegible"/></p>', False),
    ("<p><note>n</note></p>", False)])
def test_no_empty_p(p: str, empty: bool) -> None:
    diagnostics = validate_bytes(with_body(f"<p>One.</p>{p}"))
    assert [d.rule for d in diagnostics] == (["no-empty-p"] if empty else [])


def findings(body: str, rule: str, header: str = "") -> list[str]:
    """One rule run alone on a TEI document with this body → its messages."""
    data = with_body(body).replace(b"</fileDesc>", f"</fileDesc>{header}".encode())
    document = Document(parse(data, collect_ids=False))
    return [message for _, message in next(r for r in RULES if r.name == rule).check(document)]


def test_each_edition_has_its_own_page_numbers() -> None:
    body = '<p>a<pb ed="A" n="10"/>b<pb ed="B" n="3"/>c<pb ed="A" n="11"/>d<pb ed="B" n="4"/>e<pb ed="B" n="2"/></p>'
    assert findings(body, "pages-increase") == [
        "page 2 comes after page 4 (line 11); page numbers must increase"]


def test_each_text_of_a_group_numbers_its_pages() -> None:
    body = ('<p>x</p></body></text></TEI>'.replace("</TEI>", "") +
            '<text><group><text><body><p>a<pb n="5"/></p></body></text>'
            '<text><body><p>b<pb n="3"/></p></body></text></group></text><text><body><p>z</p>')
    assert findings(body, "pages-increase") == []


@pytest.mark.parametrize("p", ['<p><ptr target="#a"/></p>', '<p><graphic url="a.png"/></p>', "<p><figure/></p>",
                               '<p><m:math xmlns:m="http://www.w3.org/1998/Math/MathML"/></p>'])
def test_a_paragraph_of_elements_that_stand_for_content_is_not_empty(p: str) -> None:
    assert findings(f'<p xml:id="a">One.</p>{p}', "no-empty-p") == []


def test_a_header_paragraph_may_be_empty() -> None:
    data = MINIMAL.replace(b"<p>Unpublished.</p>", b"<p/>")
    assert validate_bytes(data) == []


@pytest.mark.parametrize("pointer", ["persons.xml#able", "https://example.org/people#able", "psn:able",
                                     "../front.xml"])
def test_pointers_to_other_files_and_prefixed_ids_are_external(pointer: str) -> None:
    assert findings(f'<p><persName ref="{pointer}">Able</persName></p>', "pointer-resolves") == []


def test_external_ok_takes_a_missing_id_to_be_in_another_file_of_the_edition() -> None:
    data = with_body('<p><persName ref="#p_able">Able</persName></p>')
    assert [d.rule for d in validate_bytes(data)] == ["pointer-resolves"]
    assert validate(data, external_ok=True).diagnostics == []


def test_a_rendition_pointer_must_name_a_rendition_of_the_document() -> None:
    header = '<encodingDesc><tagsDecl><rendition xml:id="open" scheme="css">content: "“";</rendition>' \
             '</tagsDecl></encodingDesc>'
    body = '<p><q rendition="#open #close">Able said so.</q></p>'
    assert findings(body, "pointer-resolves", header) == [
        "@rendition '#close' points to no xml:id in this document"]


def test_quotation_renditions_of_a_hand_edited_file_resolve() -> None:
    data = (TESTS / "valid" / "quotation-renditions.xml").read_bytes()
    assert b'rendition="#' in data
    assert validate_bytes(data) == []


def test_a_dangling_pointer_used_often_is_reported_once() -> None:
    body = "".join('<p><persName ref="#nobody">N</persName></p>' for _ in range(5))
    assert findings(body, "pointer-resolves") == [
        "@ref '#nobody' points to no xml:id in this document; used 4 more times"]


def test_said_who_may_list_several_persons() -> None:
    data = (TESTS / "valid" / "contract.xml").read_bytes()
    assert b'who="#alpha #beta"' in data
    assert validate_bytes(data) == []


# ---------------------------------------------------------------------------- schemas


def test_compiled_schemas_are_cached() -> None:
    assert libxml2_schema(_schema()) is libxml2_schema(_schema())
    assert xmlschema_schema(_schema()) is xmlschema_schema(_schema())


def test_another_schema_can_be_given(tmp_path: Path) -> None:
    xsd = tmp_path / "only-p.xsd"
    xsd.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                   'targetNamespace="http://www.tei-c.org/ns/1.0" elementFormDefault="qualified">'
                   '<xs:element name="p" type="xs:string"/></xs:schema>')
    assert validate_bytes(b'<p xmlns="http://www.tei-c.org/ns/1.0">x</p>', schema=xsd) == []
    [diagnostic] = validate_bytes(MINIMAL, schema=xsd)
    assert diagnostic.rule == "schema"


def test_a_schema_that_does_not_compile_is_a_schema_error(tmp_path: Path) -> None:
    xsd = tmp_path / "broken.xsd"
    xsd.write_text("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'><xs:element/></xs:schema>")
    with pytest.raises(SchemaError):
        validate_bytes(MINIMAL, schema=xsd)
    with pytest.raises(SchemaError):
        validate_bytes(MINIMAL, schema=tmp_path / "missing.xsd")


# ---------------------------------------------------------------------------- safe parsing


def test_billion_laughs_is_refused_quickly() -> None:
    start = time.perf_counter()
    diagnostics = validate_file(TESTS / "invalid" / "billion-laughs.xml")
    assert time.perf_counter() - start < 1.0
    assert [d.rule for d in diagnostics] == ["safe-xml"]
    assert "document type declaration" in diagnostics[0].message


def test_xxe_never_reads_the_file() -> None:
    with pytest.raises(UnsafeXmlError) as info:
        parse(TESTS / "invalid" / "xxe.xml")
    assert info.value.rule == "safe-xml" and "root:" not in str(info.value)


def test_doctype_in_utf16_is_seen_by_the_prolog_scan() -> None:
    """The prolog is read in the file's own encoding: UTF-16 hides nothing."""
    document = ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>&x;</p></TEI>')
    data = document.encode("utf-16")
    assert doctype_line(data) == 2
    with pytest.raises(UnsafeXmlError) as info:
        parse(data)
    assert info.value.rule == "safe-xml" and info.value.line == 2


def test_billion_laughs_in_utf16_is_refused_by_the_parser_limits() -> None:
    text = (TESTS / "invalid" / "billion-laughs.xml").read_text().replace('<?xml version="1.0"?>',
                                                                            '<?xml version="1.0" encoding="UTF-16"?>')
    start = time.perf_counter()
    with pytest.raises(UnsafeXmlError) as info:
        parse(text.encode("utf-16"))
    assert time.perf_counter() - start < 1.0
    assert info.value.rule == "safe-xml"


@pytest.mark.parametrize("data, line", [
    (b"<!DOCTYPE TEI>\n<TEI/>", 1),
    (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c -->\n\n<!DOCTYPE TEI>\n<TEI/>', 4),
    (b"<!-- <!DOCTYPE in a comment> -->\n<TEI/>", None),
    (b"<TEI><p>&lt;!DOCTYPE is text here</p></TEI>", None),
])
def test_doctype_line(data: bytes, line: int | None) -> None:
    assert doctype_line(data) == line


def test_a_doctype_in_a_comment_is_not_refused() -> None:
    data = b"<!-- <!DOCTYPE TEI> -->\n" + MINIMAL.split(b"\n", 1)[1]
    assert validate_bytes(data) == []


def test_unreadable_file_raises(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError):
        validate_file(tmp_path / "missing.xml")
    with pytest.raises(UnreadableFileError):
        validate_file(tmp_path)


def test_duplicate_ids_still_stop_a_default_parse() -> None:
    """Only the validator asks the parser to keep duplicate ids; other readers get libxml2's refusal."""
    data = with_body('<p xml:id="a">One.</p><p xml:id="a">Two.</p>')
    with pytest.raises(UnsafeXmlError):
        parse(data)
    assert parse(data, collect_ids=False).getroot() is not None


# ---------------------------------------------------------------------------- command line


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["validate", *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_valid_files_exit_0_silently() -> None:
    assert run(*map(str, VALID)) == (0, "", "")


def test_cli_invalid_file_exits_1_with_one_line_per_problem() -> None:
    path = TESTS / "invalid" / "notes-1-3-2.xml"
    code, out, err = run(str(TESTS / "valid" / "minimal.xml"), str(path))
    rule, line = expectation(path)
    assert code == 1
    assert re.fullmatch(rf"{re.escape(str(path))}:{line}:\d+: error: {rule}: footnote 2 comes after footnote 3 .*\n", out)
    assert "1 of 2 file(s) not valid" in err


def test_cli_unreadable_file_exits_1(tmp_path: Path) -> None:
    code, out, err = run(str(TESTS / "invalid" / "empty-p.xml"), str(tmp_path / "missing.xml"))
    assert code == 1
    assert "no-empty-p" in out and "missing.xml: error: cannot read the file" in err


def test_cli_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run()[0] == 2
    assert run("--format", "yaml", str(VALID[0]))[0] == 2
    assert run("--schema", str(tmp_path / "none.xsd"), str(VALID[0]))[0] == 2


def test_cli_schema_that_does_not_compile_exits_2(tmp_path: Path) -> None:
    xsd = tmp_path / "broken.xsd"
    xsd.write_text("<nonsense/>")
    code, _, err = run("--schema", str(xsd), str(VALID[0]))
    assert code == 2 and "Error:" in err


def test_cli_json_report() -> None:
    code, out, _ = run("--format", "json", str(TESTS / "valid" / "minimal.xml"), str(TESTS / "invalid" / "dangling-ref.xml"))
    report = json.loads(out)
    assert code == 1 and report["valid"] is False
    assert [f["valid"] for f in report["files"]] == [True, False]
    [problem] = report["files"][1]["problems"]
    assert problem["rule"] == "pointer-resolves"
    assert problem["line"] == expectation(TESTS / "invalid" / "dangling-ref.xml")[1]
    assert set(problem) == {"file", "line", "column", "rule", "level", "message"}


def test_cli_reads_standard_input() -> None:
    result = CliRunner().invoke(main, ["validate", "-"], input=with_body("<p/>"))
    assert result.exit_code == 1 and result.stdout.startswith("<stdin>:")


# ---------------------------------------------------------------------------- the fast path


@settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fast_path_reports_what_xmlschema_alone_reports(data: st.DataObject) -> None:
    """libxml2 deciding and xmlschema explaining only the faulty subtrees gives the same
    diagnostics as xmlschema on the whole document, on randomly edited valid documents."""
    tree = copy.deepcopy(data.draw(st.sampled_from(SEEDS)))
    for _ in range(data.draw(st.integers(1, 3))):
        mutate(tree, data)
    tree = etree.ElementTree(etree.fromstring(etree.tostring(tree)))
    fast = [(d.rule, d.line, d.message) for d in validate_tree(tree)]
    assert fast == [(d.rule, d.line, d.message) for d in validate_tree(tree, engine="xmlschema")]


def test_only_the_faulty_memorandum_of_a_corpus_is_explained() -> None:
    """In a teiCorpus, an error in the second TEI is explained with its absolute path."""
    data = (TESTS / "valid" / "corpus.xml").read_bytes()
    broken = data.replace(b'<div type="document" n="2"', b'<div type="chapter" n="2"')
    fast, slow = validate_bytes(broken), validate_bytes(broken, engine="xmlschema")
    assert [d.message for d in fast] == [d.message for d in slow]
    assert fast[0].message.startswith("/teiCorpus/TEI[2]/text/body/div: attribute type='chapter'")


def test_a_duplicate_id_alone_needs_no_xmlschema(monkeypatch: pytest.MonkeyPatch) -> None:
    """libxml2's xs:ID complaint about a duplicate is left to unique-id: xmlschema never runs."""
    import tei.validate.explain

    data = (TESTS / "valid" / "corpus.xml").read_bytes().replace(b'xml:id="d2"', b'xml:id="d1"')
    slow = validate_bytes(data, engine="xmlschema")

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("xmlschema ran")

    monkeypatch.setattr(tei.validate.explain, "xmlschema_diagnostics", fail)
    fast = validate_bytes(data)
    assert [(d.rule, d.line) for d in fast] == [(d.rule, d.line) for d in slow] == [
        ("unique-id", data.count(b"\n", 0, data.rindex(b'xml:id="d1"')) + 1)]


# ---------------------------------------------------------------------------- which schema


# Shared data lies beside the checkout (as conftest.py finds tei_all.rng).
SHARED = next((path for path in (TESTS.parent.parent / "shared", Path("/work/shared")) if path.is_dir()),
              TESTS.parent.parent / "shared")
WILD = sorted((SHARED / "tei-wild").glob("*.xml")) if (SHARED / "tei-wild").is_dir() else []
# TEI that others wrote, with a header: TEI Consortium test files, FRUS documents.
FRUS = sorted(path for folder in (SHARED / "samples", SHARED / "corpus" / "frus")
              for path in folder.glob("*.xml") if b"<teiHeader" in path.read_bytes())
OTHERS = WILD + FRUS
# Real TEI of other projects (tests/wild/README.md), some of it invalid.
OUR_WILD = sorted((TESTS / "wild").glob("*.xml"))


@pytest.fixture(scope="module")
def tei_all_compiled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """tei_all compiled by libxml2 once for these tests, and a cache folder of their own
    (so that no test builds xmlschema's copy of tei_all, nor finds one built elsewhere)."""
    from tei.validate.schemas import COMPILE_ABOVE, engine_for

    saved = os.environ.get("TEI_CACHE_DIR")
    os.environ["TEI_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    schema = resolve("tei_all")
    assert engine_for(schema.path, COMPILE_ABOVE + 1) == "auto"
    libxml2_schema(schema.path)
    yield
    if saved is None:
        del os.environ["TEI_CACHE_DIR"]
    else:
        os.environ["TEI_CACHE_DIR"] = saved


def test_there_is_tei_written_elsewhere_to_check() -> None:
    if not WILD:
        pytest.skip(f"{SHARED / 'tei-wild'} is not installed")
    assert len(WILD) >= 16


@pytest.mark.parametrize("path", OTHERS, ids=[p.name for p in OTHERS])
def test_tei_written_elsewhere_is_valid_against_tei_all(path: Path, tei_all_compiled: None) -> None:
    code, out, _ = run("--schema", "tei_all", str(path))
    assert code == 0, out


@pytest.mark.parametrize("path", OTHERS, ids=[p.name for p in OTHERS])
def test_tei_written_elsewhere_is_checked_against_tei_all_by_default(path: Path, tei_all_compiled: None) -> None:
    code, out, _ = run(str(path))
    assert code == 0, out
    assert f"{path}: warning: tei-all: valid TEI (tei_all, TEI P5 4.12.0); not in the memo customization: " in out


def test_valid_tei_outside_the_customization_fails_only_when_strict(tei_all_compiled: None) -> None:
    path = TESTS / "invalid" / "div-type-not-in-list.xml"
    code, out, _ = run(str(path))
    assert code == 0 and "not in the memo customization: line" in out and "type='chapter'" in out
    assert run("--strict", str(path))[0] == 1
    assert run("--schema", "memo", str(path))[0] == 1


def test_tei_this_toolkit_wrote_is_held_to_the_customization(tei_all_compiled: None, tmp_path: Path) -> None:
    golden = TESTS / "golden" / "frus1981-88v05-d256" / "expected.tei.xml"
    edited = tmp_path / "edited.xml"
    edited.write_bytes(golden.read_bytes().replace(b'<div type="document"', b'<div type="chapter"', 1))
    code, out, _ = run(str(edited))
    assert code == 1 and ": schema: " in out and "type='chapter'" in out
    assert run(str(golden)) == (0, "", "")


def test_a_document_without_header_is_not_valid_tei(tei_all_compiled: None, tmp_path: Path) -> None:
    data = MINIMAL.replace(MINIMAL[MINIMAL.index(b"<teiHeader>"):MINIMAL.index(b"<text>")], b"")
    (tmp_path / "bare.xml").write_bytes(data)
    code, out, err = run(str(tmp_path / "bare.xml"))
    assert code == 1 and "teiHeader" in out and ": schema: " in out
    assert "checked against tei_all" in err


def test_the_schema_is_memo_tei_all_or_a_file(tmp_path: Path) -> None:
    code, _, err = run("--schema", "tei-all", str(MINIMAL_PATH))
    assert code == 2 and "choose memo, tei_all, or an .xsd, .rng or .odd file" in err


@pytest.mark.skipif(shutil.which("jing") is None, reason="jing is not installed (Debian: apt-get install jing)")
def test_a_relax_ng_schema_is_run_by_jing(tmp_path: Path) -> None:
    rng = tmp_path / "only-tei.rng"
    rng.write_text('<element name="TEI" ns="http://www.tei-c.org/ns/1.0" xmlns="http://relaxng.org/ns/structure/1.0">'
                   '<zeroOrMore><element><anyName/><text/></element></zeroOrMore></element>')
    good = tmp_path / "good.xml"
    good.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<p>x</p></TEI>')
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<p>x<hi>y</hi></p></TEI>')
    assert run("--schema", str(rng), str(good)) == (0, "", "")
    code, out, _ = run("--schema", str(rng), str(bad))
    assert code == 1 and out.startswith(f"{bad}:2:") and ": schema: " in out


def test_tei_without_the_tei_namespace_is_not_tei_p5() -> None:
    path = TESTS / "invalid" / "no-tei-namespace.xml"
    code, out, _ = run(str(path))
    assert code == 1 and out.startswith(f"{path}:2: error: tei-p5: not TEI P5 (no TEI namespace)")


def test_a_value_out_of_any_range_is_one_diagnostic_and_the_next_file_is_still_validated(tmp_path: Path) -> None:
    huge = tmp_path / "huge.xml"
    huge.write_bytes(with_body(f'<p>On <date when="{"9" * 30}-01-01">a day</date>.</p>'))
    code, out, err = run("--schema", "memo", str(huge), str(TESTS / "invalid" / "empty-p.xml"))
    assert code == 1 and "Traceback" not in err
    assert f"{huge}:" in out and "out of range" in out and "no-empty-p" in out


def test_what_the_customization_accepts_is_valid_tei_without_compiling_tei_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """memo.xsd is a subset of tei_all (test_schema.py): a document it accepts needs no tei_all engine."""
    import tei.validate

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("tei_all was compiled")

    monkeypatch.setattr(tei.validate, "grammar_diagnostics", fail)
    result = validate(MINIMAL, schema="tei_all")
    assert result.schema == "tei_all" and result.diagnostics == []


def test_an_odd_is_compiled_by_the_tei_stylesheets_and_run_by_jing(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    stylesheets = SHARED / "tei-stylesheets"
    if shutil.which("jing") is None or not (stylesheets / "odds" / "odd2relax.xsl").is_file():
        pytest.skip("needs jing and the TEI Stylesheets (shared/tei-stylesheets)")
    pytest.importorskip("saxonche")
    monkeypatch.setenv("TEI_STYLESHEETS", str(stylesheets))
    monkeypatch.setenv("TEI_CACHE_DIR", str(tmp_path))
    odd = TESTS.parent / "schemas" / "memo.odd"
    wrong = TESTS / "invalid" / "list-type-not-in-list.xml"
    code, out, _ = run("--schema", str(odd), str(MINIMAL_PATH), str(wrong))
    assert code == 1 and out.count("\n") == 1
    assert out.startswith(f"{wrong}:{expectation(wrong)[1]}:") and 'attribute "type" is invalid' in out


def test_an_odd_without_the_stylesheets_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEI_STYLESHEETS", raising=False)
    code, _, err = run("--schema", str(TESTS.parent / "schemas" / "memo.odd"), str(MINIMAL_PATH))
    assert code == 2 and "TEI_STYLESHEETS" in err


@pytest.mark.skipif(shutil.which("jing") is None, reason="jing is not installed (Debian: apt-get install jing)")
def test_trangs_xsd_of_tei_all_accepts_what_jing_accepts_with_the_rng(tei_all_compiled: None, tmp_path: Path) -> None:
    """schemas/tei_all/tei_all.xsd is made from tei_all.rng by trang; on every TEI file at hand
    both give the same verdict (the XSD's with the no-xsi-attributes rule, see test_schema.xsd_accepts). Files with a duplicate xml:id are left out: that is the
    unique-id rule's to report, and jing checks it only in some documents."""
    from tei.validate.explain import duplicate_ids
    from tei.validate.jing import run_jing
    from tei.validate.schemas import schema_path

    paths = [*OTHERS, *OUR_WILD, *VALID, *sorted((TESTS / "golden").glob("*/expected.tei.xml")), *INVALID]
    trees = {}
    for path in paths:
        try:
            tree = parse(path, collect_ids=False)
        except UnsafeXmlError:
            continue
        if not duplicate_ids(tree):
            trees[path] = tree
    rejected = {line.split(":")[0] for line in run_jing(schema_path("tei_all/tei_all.rng"), list(trees)).stdout
                .splitlines() if ": error: " in line}
    xsd = libxml2_schema(resolve("tei_all").path)
    verdicts = {}
    for path, tree in trees.items():
        verdicts[str(path)] = (xsd_accepts(xsd, tree), str(path) not in rejected)
    assert len(verdicts) >= 40
    assert {name: verdict for name, verdict in verdicts.items() if verdict[0] != verdict[1]} == {}


def test_an_xsi_attribute_is_an_error_against_any_schema(tei_all_compiled: None, tmp_path: Path) -> None:
    """XML Schema lets xsi:schemaLocation pass; TEI's RELAX NG does not, and neither do we."""
    data = MINIMAL.replace(b"<TEI ", b'<TEI xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                                     b'xsi:schemaLocation="http://www.tei-c.org/ns/1.0 tei_all.xsd" ', 1)
    assert data != MINIMAL
    (tmp_path / "xsi.xml").write_bytes(data)
    for schema in ("memo", "tei_all"):
        code, out, _ = run("--schema", schema, str(tmp_path / "xsi.xml"))
        assert code == 1 and "error: no-xsi-attributes: attribute 'xsi:schemaLocation' is not TEI" in out
    code, out, _ = run(str(tmp_path / "xsi.xml"))
    assert code == 1 and "valid TEI" not in out



@pytest.mark.skipif(shutil.which("jing") is None, reason="jing is not installed (Debian: apt-get install jing)")
@pytest.mark.parametrize("path", OUR_WILD, ids=[p.name for p in OUR_WILD])
def test_the_tei_all_verdict_on_tei_from_other_projects_is_jings(path: Path, tei_all_compiled: None) -> None:
    """tests/wild holds real TEI of five projects, some of it invalid (a header out of order, an attribute
    TEI does not have): `tei validate --schema tei_all` says what jing says with tei_all.rng."""
    from tei.validate.jing import run_jing
    from tei.validate.schemas import schema_path

    jing_valid = ": error: " not in run_jing(schema_path("tei_all/tei_all.rng"), [path]).stdout
    code, out, _ = run("--schema", "tei_all", str(path))
    assert (code == 0) == jing_valid, out
