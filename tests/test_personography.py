"""--persons FILE: the editor's own personography (TEI listPerson, FRUS persons list, CSV) and the links."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei.cli import main
from tei.converter import Converter, default_converter
from tei.resolve import build_passes
from tei.resolve.persons.personography import (
    PersonographyError,
    parse_name,
    read_personography,
    with_personography,
)

NS = {"t": "http://www.tei-c.org/ns/1.0"}
MEMO = ("1. Memorandum of Conversation\n\n\n    • Secretary Able\n    • Mr. Carr\n\n"
        "Able said the talks went well. Secretary Able added that Ann Baker agreed. Baker said so. "
        "Minister Dorn was absent.\n")
FRUS_LIST = """<div xmlns="http://www.tei-c.org/ns/1.0" xml:id="persons"><head>Persons</head><list>
<item><persName xml:id="p_AA_1">Able, Arthur</persName>, Secretary of State</item>
<item><persName xml:id="p_BA_1">Baker, Ann</persName>, Director of Policy Planning</item>
<item><persName xml:id="p_BB_1">Baker, Bruno</persName>, Ambassador</item>
<item><persName xml:id="p_CC_1">Carr, Cyril</persName>, interpreter</item>
</list></div>"""
LIST_PERSON = """<listPerson xmlns="http://www.tei-c.org/ns/1.0">
<person xml:id="able"><persName><forename>Arthur</forename> <surname>Able</surname></persName></person>
<person xml:id="baker"><persName>Ann Baker</persName></person>
<person xml:id="carr"><persName><surname>Carr</surname></persName></person>
</listPerson>"""
CSV = "id,names\nP1,\"Able, Arthur\";Arthur Able\nP2,Ann Baker\nP3,\"Carr, Cyril\"\n"


def converted(tmp_path: Path, name: str, text: str, prefix: str | None = None) -> tuple[etree._Element, list[str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    converter = Converter(default_converter().recognizers,
                          with_personography(build_passes(), read_personography(path, prefix)))
    result = converter.convert(MEMO, validate=True)
    assert result.valid, result.validation
    return etree.fromstring(result.xml), [str(d) for d in result.diagnostics]


def refs(tree: etree._Element, surname: str) -> list[str]:
    return [name.get("ref", "") for name in tree.xpath("//t:text//t:p//t:persName", namespaces=NS)
            if surname in "".join(name.itertext())]


@pytest.mark.parametrize(("name", "text", "able", "baker"), [
    ("persons.xml", FRUS_LIST, "persons.xml#p_AA_1", "persons.xml#p_BA_1"),
    ("list.xml", LIST_PERSON, "list.xml#able", "list.xml#baker"),
    ("persons.csv", CSV, "persons.csv#P1", "persons.csv#P2"),
])
def test_mentions_link_to_the_personography(tmp_path: Path, name: str, text: str, able: str, baker: str) -> None:
    tree, diagnostics = converted(tmp_path, name, text)
    # Surname alone, title and surname, forename and surname.
    assert refs(tree, "Able") == [able, able]
    assert set(refs(tree, "Baker")) == {baker}
    assert tree.xpath("//t:person[@xml:id='able']/@corresp", namespaces=NS) == [able]
    # The speaker is still the document's own participant.
    assert "#able" in tree.xpath("//t:said/@who", namespaces=NS)
    assert any("'Dorn' is not in the personography" in line for line in diagnostics)


def test_the_editor_chooses_the_prefix(tmp_path: Path) -> None:
    tree, _ = converted(tmp_path, "persons.xml", FRUS_LIST, prefix="https://example.org/persons#")
    assert refs(tree, "Able")[0] == "https://example.org/persons#p_AA_1"


def test_a_surname_of_several_entries_needs_the_forename(tmp_path: Path) -> None:
    text = FRUS_LIST.replace("Ann Baker agreed", "")
    path = tmp_path / "persons.xml"
    path.write_text(text, encoding="utf-8")
    converter = Converter(default_converter().recognizers,
                          with_personography(build_passes(), read_personography(path)))
    result = converter.convert(MEMO.replace("Ann Baker", "Baker"))
    assert any("'Baker' is in the personography as p_BA_1, p_BB_1" in str(d) for d in result.diagnostics)


def test_an_entry_matched_by_two_persons_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "persons.csv"
    path.write_text("P1,Able\n", encoding="utf-8")
    converter = Converter(default_converter().recognizers,
                          with_personography(build_passes(), read_personography(path)))
    result = converter.convert(MEMO.replace("    • Mr. Carr\n", "    • Mr. Carr\n    • Mrs. Able\n"))
    assert [d.rule for d in result.diagnostics].count("persons-matched-twice") == 1


def test_parse_name() -> None:
    assert parse_name("Able, Ann B.") == ("Able", ("Ann", "B."))
    assert parse_name("Ann B.  Able") == ("Able", ("Ann", "B."))


@pytest.mark.parametrize(("text", "message"), [
    ("<list xmlns='http://www.tei-c.org/ns/1.0'><item>Able</item></list>", "no person with an xml:id"),
    ("P1\n", "a row needs an id and a name"),
    ("<list", "not a personography"),
])
def test_a_file_that_is_no_personography_is_refused(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / ("persons.csv" if not text.startswith("<") else "persons.xml")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PersonographyError, match=message):
        read_personography(path)


def test_cli_convert_with_persons(tmp_path: Path) -> None:
    (tmp_path / "memo.txt").write_text(MEMO, encoding="utf-8")
    (tmp_path / "persons.csv").write_text(CSV, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "memo.txt"), "--persons",
                                       str(tmp_path / "persons.csv"), "-o", str(tmp_path / "memo.xml")])
    assert result.exit_code == 0, result.output
    assert 'ref="persons.csv#P1"' in (tmp_path / "memo.xml").read_text(encoding="utf-8")
    assert "'Dorn' is not in the personography" in result.stderr


def test_cli_convert_with_a_missing_personography(tmp_path: Path) -> None:
    (tmp_path / "memo.txt").write_text(MEMO, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "memo.txt"), "--persons", str(tmp_path / "no.csv")])
    assert result.exit_code == 1
    assert "cannot read the personography" in result.stderr and "Traceback" not in result.output


def test_cli_batch_with_persons(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "memo.txt").write_text(MEMO, encoding="utf-8")
    (tmp_path / "persons.xml").write_text(FRUS_LIST, encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--to", "tei",
                                       "-j", "1", "--persons", str(tmp_path / "persons.xml")])
    assert result.exit_code == 0, result.output
    assert 'ref="persons.xml#p_AA_1"' in (tmp_path / "out" / "memo.tei.xml").read_text(encoding="utf-8")


def test_cli_batch_refuses_a_file_that_is_no_personography(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "memo.txt").write_text(MEMO, encoding="utf-8")
    (tmp_path / "persons.csv").write_text("P1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                                       "--persons", str(tmp_path / "persons.csv")])
    assert result.exit_code == 1 and "a row needs an id and a name" in result.stderr
