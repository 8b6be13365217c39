"""Messy text input: every variant converts (or fails with a specific message) and keeps its words."""

from __future__ import annotations

import pytest
from teitext import words_of_input, words_of_tei

from tei import convert_bytes
from tei.errors import ConversionError
from tei.read import MAX_LINE_CHARS, MAX_TEXT_BYTES, read

MEMO = (
    "[Page 40]\n\n"
    "9. Memorandum of Conversation1\n\n"
    "Visit of the Minister\n"
    "May 2, 1980\n\n\n"
    "    • Ambassador Able (NSC)\n\n"
    "    • Minister Baker\n\n"
    "Able said the talks would go on.2 Baker [Page 41] agreed.\n\n"
    "Arms Control\n\n"
    "Baker asked about “the next round.”\n\n"
    "  1. Source: Files.\n"
    "  2. A note.\n"
)


def convert(data: bytes) -> tuple[object, list[str]]:
    result = convert_bytes(data, "memo.txt", validate=True)
    assert result.validation == []
    return result, [str(diagnostic) for diagnostic in result.diagnostics]


def test_the_plain_memo_is_the_reference() -> None:
    result, diagnostics = convert(MEMO.encode())
    assert diagnostics == []
    assert words_of_tei(result.tree) == words_of_input(MEMO)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "data"), [
    ("utf-8 with BOM", b"\xef\xbb\xbf" + MEMO.encode()),
    ("CRLF line endings", MEMO.replace("\n", "\r\n").encode()),
    ("CR line endings", MEMO.replace("\n", "\r").encode()),
    ("trailing spaces", MEMO.replace("\n", "   \n").encode()),
    ("tabs for the indentation", MEMO.replace("    •", "\t•").replace("  1.", "\t1.").replace("  2.", "\t2.").encode()),
    ("non-breaking spaces", MEMO.replace("talks would", "talks\u00a0would").encode()),
])
def test_layout_variants_give_the_same_tei(name: str, data: bytes) -> None:
    reference, _ = convert(MEMO.encode())
    result, diagnostics = convert(data)
    assert diagnostics == []
    assert result.xml == reference.xml  # type: ignore[attr-defined]


def test_windows_1252_is_decoded_with_a_warning_naming_the_encoding() -> None:
    text = MEMO.replace("talks", "café talks")
    result, diagnostics = convert(text.encode("cp1252"))
    assert "café talks" in result.xml.decode()  # type: ignore[attr-defined]
    assert diagnostics and "read as Windows-1252" in diagnostics[0]


def test_a_very_long_line_converts() -> None:
    paragraph = " ".join(["Able said it again and again."] * 3000)
    result, _ = convert(MEMO.replace("Baker asked about “the next round.”", paragraph).encode())
    assert words_of_tei(result.tree) == words_of_input(MEMO.replace("Baker asked about “the next round.”", paragraph))  # type: ignore[attr-defined]


@pytest.mark.parametrize(("marker", "n"), [("[page 41]", "41"), ("[Page 41a]", "41a"), ("[Page  41]", "41")])
def test_page_marker_variants(marker: str, n: str) -> None:
    result, _ = convert(MEMO.replace("[Page 41]", marker).encode())
    assert f'<pb n="{n}"' in result.xml.decode()  # type: ignore[attr-defined]


@pytest.mark.parametrize("reference", ["[2]", "²"])
def test_footnote_reference_variants(reference: str) -> None:
    result, diagnostics = convert(MEMO.replace("go on.2", f"go on.{reference}").encode())
    assert diagnostics == []
    assert 'on.<note place="foot" n="2"' in result.xml.decode()  # type: ignore[attr-defined]


def test_headings_in_capitals() -> None:
    result, _ = convert(MEMO.replace("Arms Control", "ARMS CONTROL").encode())
    assert "<head>ARMS CONTROL</head>" in result.xml.decode()  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "text"), [
    ("no participants", MEMO.split("    •")[0] + "Able said the talks would go on.2\n\n  1. Source: Files.\n  2. A note.\n"),
    ("no footnotes", MEMO.replace("Conversation1", "Conversation").replace("on.2", "on.").split("  1.")[0]),
    ("no page markers", MEMO.replace("[Page 40]\n\n", "").replace("[Page 41] ", "")),
])
def test_a_memo_without_a_part_converts(name: str, text: str) -> None:
    result, diagnostics = convert(text.encode())
    assert diagnostics == []
    assert words_of_tei(result.tree) == words_of_input(text)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "expected"), [
    (MEMO.replace("go on.2", "go on."), "memo.txt:20: warning: footnote-unreferenced: footnote 2 is never referenced"),
    (MEMO.replace("agreed.", "agreed.3"), ("memo.txt:13: warning: footnote-undefined: 'agreed.3' looks like a "
                                           "reference to footnote 3, but there is no such footnote")),
    (MEMO.replace("[Page 41]", "[Page 39]"), "memo.txt:13: warning: page-sequence: page 39 follows page 40"),
    (MEMO.replace("[Page 41]", "[Page 44]"), ("memo.txt:13: warning: page-sequence: page 44 follows page 40: "
                                              "pages 41–43 are missing")),
    (MEMO.replace("  1. Source: Files.\n  2. A note.", "  2. A note.\n  1. Source: Files."),
     "memo.txt:20: warning: footnote-unreferenced: footnote 1 is never referenced"),
], ids=["note-never-referenced", "reference-without-note", "pages-backwards", "pages-skip", "notes-out-of-order"])
def test_inconsistent_input_is_reported_with_its_line(text: str, expected: str) -> None:
    result, diagnostics = convert(text.encode())
    assert any(line.startswith(expected) for line in diagnostics), diagnostics
    assert words_of_tei(result.tree) == words_of_input(text)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("data", "message"), [
    (b"", "the file is empty"),
    (b"   \n\n  \n", "the file is empty"),
    (b"\x00\x00PK\x03\x04", "binary file"),
    (b"Caf\x81\x8d\n", "not UTF-8"),
    (b"A paragraph.\n\nAnother one.\n", "no title line"),
])
def test_unconvertible_input_raises_a_specific_error(data: bytes, message: str) -> None:
    with pytest.raises(ConversionError, match=message) as error:
        convert_bytes(data, "memo.txt")
    assert str(error.value).startswith("memo.txt")


# ---------------------------------------------------------------------------- characters and encodings


def test_a_manual_line_break_is_a_line_break_in_the_paragraph_and_keeps_the_line_numbers() -> None:
    text = MEMO.replace("Able said the talks", "Able said\x0bthe talks").replace("agreed.", "agreed.4")
    result = convert_bytes(text.encode(), "memo.txt")
    assert "said\n<lb/>the talks" in result.xml.decode()
    assert [d.line for d in result.diagnostics if d.rule == "footnote-undefined"] == [13]


def test_a_form_feed_is_layout() -> None:
    result, diagnostics = convert(MEMO.replace("Arms Control\n", "Arms Control\x0c\n").encode())
    assert diagnostics == []
    assert "<head>Arms Control</head>" in result.xml.decode()  # type: ignore[attr-defined]


@pytest.mark.parametrize("char", ["\x1b", "\x01", "\x1c", "\x1f", "\ufffe", "\uffff"])
def test_a_character_xml_cannot_hold_is_an_error_at_its_line_and_column(char: str) -> None:
    result = convert_bytes(MEMO.replace("Baker asked", f"Baker {char}asked").encode(), "memo.txt")
    [error] = [str(d) for d in result.diagnostics]
    assert error == (f"memo.txt:17:7: error: control-character: control character U+{ord(char):04X} cannot be "
                     "written in XML; remove it (it was replaced by U+FFFD)")
    assert "</persName> \ufffdasked" in result.xml.decode()
    with pytest.raises(ConversionError, match=r"^memo.txt:17: control character"):
        read(MEMO.replace("Baker asked", f"Baker {char}asked").encode(), "memo.txt")


def test_a_stray_byte_in_utf8_is_replaced_and_reported_alone() -> None:
    text = MEMO.replace("Visit of the Minister", "Visit of the Ministère").replace("next round", "next \udcffround")
    data = text.encode("utf-8", "surrogateescape")
    result = convert_bytes(data, "memo.txt")
    assert [str(d) for d in result.diagnostics] == [
        ("memo.txt:17:29: warning: encoding: byte 0xff is not UTF-8; it was replaced by U+FFFD (�): "
        "correct the character")]
    assert "Ministère" in result.xml.decode() and "next \ufffdround" in result.xml.decode()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded(encoding: str) -> None:
    data = ("\ufeff" + MEMO).encode(encoding) if encoding.endswith("be") else MEMO.encode(encoding)
    reference, _ = convert(MEMO.encode())
    result, diagnostics = convert(data)
    assert diagnostics == []
    assert result.xml == reference.xml  # type: ignore[attr-defined]


def test_utf16_without_a_byte_order_mark_is_named() -> None:
    with pytest.raises(ConversionError, match="looks like UTF-16 without a byte order mark; save it as UTF-8"):
        convert_bytes(MEMO.encode("utf-16-le"), "memo.txt")


def test_a_text_over_the_size_limit_is_refused_before_it_is_decoded() -> None:
    with pytest.raises(ConversionError, match=r"^memo.txt: the file is 16.0 MB, more than the 16 MB tei converts"):
        convert_bytes(b"x" * (MAX_TEXT_BYTES + 1), "memo.txt")


# ---------------------------------------------------------------------------- odd structure: valid TEI, the line named

TITLE = "12. Memorandum of Conversation\n"


@pytest.mark.parametrize(("text", "warning"), [
    (TITLE + "\nAble said it.\n\n[Page 7]\n\nBaker agreed.\n\n[Page 7]\n\nMore.\n",
     "memo.txt:9: warning: page-sequence: page 7 follows page 7"),
    (TITLE + "\nAble said it.1\n\n  1. Source: Files.\n  1. Another note.\n",
     "memo.txt:6: warning: footnote-number: footnote 1 is numbered twice"),
    (TITLE + "\nAble said it.1\n\n  1. First point.\n  2. Second point.\n\n  1. Source: Files.\n",
     "memo.txt:8: warning: footnote-number: footnote 1 is numbered twice"),
    (TITLE + "[Page 40]\n\nAble said it.\n", None),
    (TITLE + "\n    • Mr. Able\n    • Dr. Able\n    • Mr. Able-2\n\nAble said it.\n", None),
    (TITLE + "\nAble said it.\u0663\n\n  \u0663. A note.\n", None),
    (TITLE + "\nAble [Page " + "9" * 5000 + "] said.\n", None),
    (TITLE + "\nAble said.1\n\n  " + "9" * 5000 + ". A note.\n", "memo.txt:3: warning: footnote-undefined"),
], ids=["duplicate-page", "two-notes-numbered-1", "numbered-list-before-notes", "page-under-title",
        "participants-with-one-id", "non-ascii-note-number", "5000-digit-page", "5000-digit-note"])
def test_odd_structure_gives_valid_tei_and_names_the_line(text: str, warning: str | None) -> None:
    result = convert_bytes(text.encode(), "memo.txt", validate=True)
    assert result.validation == []
    diagnostics = [str(d) for d in result.diagnostics]
    assert any(line.startswith(warning) for line in diagnostics) if warning else True, diagnostics
    # A page "number" of 5000 digits is no page marker: it stays in the text as it stands.
    expected = text.split() if "[Page 999" in text else words_of_input(text)
    assert [word.replace("•", "") for word in words_of_tei(result.tree)] == \
        [word for word in expected if word != "•"]


def test_ids_stay_unique_when_a_number_repeats() -> None:
    text = TITLE + "\nAble said it.1\n\n[Page 7]\n\nMore.\n\n[Page 7]\n\n  1. Source: Files.\n  1. Another.\n"
    xml = convert_bytes(text.encode(), "memo.txt").xml.decode()
    assert 'xml:id="d12-page-7"' in xml and 'xml:id="d12-page-7-2"' in xml
    assert 'xml:id="d12-note-1"' in xml and 'xml:id="d12-note-1-2"' in xml


def test_participants_whose_ids_collide_get_distinct_ids() -> None:
    text = TITLE + "\n    • Mr. Able\n    • Dr. Able\n    • Mr. Able-2\n\nAble said it.\n"
    result = convert_bytes(text.encode(), "memo.txt")
    assert [person.id for person in result.document.participants] == ["able", "able-2", "able-2-2"]


def test_a_page_marker_under_the_title_is_a_page_break_not_an_empty_paragraph() -> None:
    xml = convert_bytes((TITLE + "[Page 40]\n\nAble said it.\n").encode(), "memo.txt").xml.decode()
    assert '<head>12. Memorandum of Conversation</head>\n        <pb n="40"' in xml
    assert "<argument>" not in xml


def test_header_lines_keep_their_order_around_the_dateline() -> None:
    text = TITLE + "SUBJECT: Talks\nWashington, July 26, 1986\nTIME: 3 p.m.\n\nAble said it.\n"
    result = convert_bytes(text.encode(), "memo.txt", validate=True)
    assert result.validation == []
    body = result.xml.decode().split("<body>")[1]
    assert body.index("SUBJECT: Talks") < body.index("July 26, 1986") < body.index("TIME: 3 p.m.")


@pytest.mark.parametrize(("text", "line"), [
    (TITLE + "\nAble\nsaid\nit.3 more\n", 5),
    (TITLE + "\nAble said it.3\n", 3),
    (TITLE + "\nArms Control\n\nAble said it.\n\n    • item one\n    • item two.3\n", 8),
], ids=["third-line-of-a-paragraph", "first-line", "second-bullet"])
def test_a_reference_without_a_footnote_is_reported_at_its_own_line(text: str, line: int) -> None:
    [diagnostic] = [d for d in convert_bytes(text.encode(), "memo.txt").diagnostics if d.rule == "footnote-undefined"]
    assert diagnostic.line == line


# ---------------------------------------------------------------------------- never write what tei will not read back


def test_a_line_longer_than_the_limit_is_refused_at_its_line() -> None:
    text = TITLE + "\nAble said so.\n\n" + "word " * (MAX_LINE_CHARS // 5 + 1) + "\n"
    with pytest.raises(ConversionError, match=r"^memo.txt:5: the line is 1,000,004 characters long, more than"):
        convert_bytes(text.encode(), "memo.txt")


def test_tei_with_more_tags_than_tei_reads_back_is_not_written(monkeypatch: pytest.MonkeyPatch) -> None:
    import tei.xmlsafe

    monkeypatch.setattr(tei.xmlsafe, "MAX_MARKUP", 100)
    with pytest.raises(ConversionError, match=r"^memo.txt: the TEI would hold [\d,]+ tags, more than the 100"):
        convert_bytes(MEMO.encode(), "memo.txt")


def test_a_footnote_number_glued_to_a_participant_is_a_note_not_part_of_the_name() -> None:
    text = ("12. Memorandum of Conversation1\n\n    • Ambassador Able2\n    • Mr. Baker (NSC)3\n\n"
            "Able said it.4 Baker agreed.\n\n  1. Source: Files.\n  2. A note.\n  3. Another.\n  4. Third.\n")
    result = convert_bytes(text.encode(), "memo.txt", validate=True)
    assert result.validation == [] and result.diagnostics == []
    able, baker = result.document.participants
    assert (able.id, able.surname, baker.id, baker.affiliations) == ("able", "Able", "baker", ["NSC"])
    xml = result.xml.decode()
    assert '<persName ref="#able">Ambassador Able</persName><note place="foot" n="2"' in xml
    assert '<persName ref="#baker">Mr. Baker</persName> (NSC)<note place="foot" n="3"' in xml
    assert '<said who="#able" direct="false"><persName ref="#able">Able</persName> said it.' in xml


def test_a_footnote_number_set_off_by_a_space_after_a_participant_is_a_note() -> None:
    text = ("12. Memorandum of Conversation1\n\n    • Chancellor Ann Able 2\n    • Mr. Baker\n\n"
            "Chancellor Able said it was late.\n\n  1. Source: Files.\n  2. Able was visiting.\n")
    result = convert_bytes(text.encode(), "memo.txt", validate=True)
    assert result.validation == [] and result.diagnostics == []
    able = result.document.participants[0]
    assert (able.id, able.surname, able.forenames) == ("able", "Able", ["Ann"])
    assert '<persName ref="#able">Chancellor Ann Able</persName> <note place="foot" n="2"' in result.xml.decode()
    # A number that is no footnote's stays in the entry, after the name.
    kept = convert_bytes(text.replace("  2. Able was visiting.\n", "").encode(), "memo.txt")
    assert kept.document.participants[0].surname == "Able" and "Chancellor Ann Able</persName> 2" in kept.xml.decode()
