"""Layouts: a memorandum reads the same whether blank lines, line breaks or indents set its paragraphs.

Each case lays out one made-up memorandum otherwise than the FRUS copy does and compares what
the recognizers build with what they build from the copy: the same paragraphs and heading,
footnotes, participants and subject.
"""

from __future__ import annotations

import textwrap

from tei.converter import convert
from tei.model import Document, Inline, LineBreak, NoteRef, Section, plain_text

FIRST = ("The Secretary welcomed Foreign Minister Able and said that he had followed the fishing talks "
         "with great interest.2")
SECOND = ("Foreign Minister Able said that his Government could not accept a limit of less than fifty miles. "
          "The coastal communities depended on the catch.")
THIRD = ("The Secretary said that the United States had no fleet in those waters but wished to see the "
         "dispute settled before the spring conference.")
FRONT = """12. Memorandum of Conversation1

SUBJECT: Fishing Limits in the North Atlantic

PARTICIPANTS: The Secretary
              Foreign Minister Able
              Mr. Carr, EUR/NOR
"""
NOTES = """  1. Source: Department of State, Central Files, 033.5711. Secret.
  2. See Document 11.
"""
SPACED = f"{FRONT}\n{FIRST}\n\n{SECOND}\n\nTrade\n\n{THIRD}\n\n{NOTES}"
UNSPACED = f"{FRONT}{FIRST}\n{SECOND}\nTrade\n{THIRD}\n{NOTES}"


def typed(paragraph: str) -> str:
    """A paragraph as a typist sets it: lines of 60 characters, the first indented five spaces."""
    return "\n".join(textwrap.wrap(paragraph, 60, initial_indent=" " * 5, break_on_hyphens=False))


TYPEWRITER = f"{FRONT}\n{typed(FIRST)}\n{typed(SECOND)}\n\nTrade\n\n{typed(THIRD)}\n\n{NOTES}"


def words(block: object) -> object:
    """A body block's kind and words (a section's: its heading's and its blocks')."""
    if isinstance(block, Section):
        return ("Section", plain_text(block.head or []), [words(inner) for inner in block.blocks])
    return (type(block).__name__, " ".join(spoken(getattr(block, "content", None) or []).split()))


def spoken(content: list[Inline]) -> str:
    """The words of inline content; a typed line's end, kept as a line break, only parts two words."""
    def one(item: Inline) -> str:
        if isinstance(item, LineBreak):
            return " "
        inner = getattr(item, "content", None)
        return spoken(inner) if isinstance(inner, list) and not isinstance(item, NoteRef) else plain_text([item])

    return "".join(map(one, content))


def reading(document: Document) -> dict[str, object]:
    """What a layout must not change: the body's blocks and their words, notes, participants, subject."""
    return {
        "body": [words(block) for block in document.body],
        "notes": [(note.n, plain_text(note.content)) for note in document.footnotes],
        "participants": [person.name for person in document.participants],
        "subject": [plain_text(line) for line in document.argument],
        "fields": [field.kind for field in document.fields],
    }


def decisions(text: str, rule: str) -> list[str]:
    return [d.message for d in convert(text, "m.txt", explain=True).explanations if d.rule == rule]


def test_the_memorandum_as_copied_is_read_with_its_blank_lines_and_no_layout_rule() -> None:
    assert decisions(SPACED, "layout.line-per-paragraph") == []
    assert decisions(SPACED, "layout.indented-paragraphs") == []
    spaced = reading(convert(SPACED, "m.txt").document)
    assert spaced["participants"] == ["The Secretary", "Foreign Minister Able", "Mr. Carr"]
    assert spaced["notes"] == [("1", "Source: Department of State, Central Files, 033.5711. Secret."),
                               ("2", "See Document 11.")]
    assert spaced["body"][2][:2] == ("Section", "Trade")  # type: ignore[index]


def test_without_blank_lines_each_line_is_a_paragraph_and_the_memorandum_reads_the_same() -> None:
    assert reading(convert(UNSPACED, "m.txt").document) == reading(convert(SPACED, "m.txt").document)
    (why,) = decisions(UNSPACED, "layout.line-per-paragraph")
    assert "each line is a paragraph" in why and "run into the next line" in why


def test_a_text_with_no_blank_line_at_all_is_read_line_by_line() -> None:
    text = "Memorandum for the Record\nThe group met at noon.\nIt adjourned at two.\n"
    (why,) = decisions(text, "layout.line-per-paragraph")
    assert "no blank line in the text" in why
    assert len(convert(text, "m.txt").document.body) == 2


def test_a_bulleted_list_and_the_lines_under_a_field_stay_together() -> None:
    text = ("Memorandum of Conversation\nPARTICIPANTS: Ambassador Able\n              Mr. Baker\n"
            "The Ambassador said that the talks would resume on Monday, and that the delegation would be ready.\n"
            "    • first point of the agenda\n    • second point of the agenda\n"
            "Mr. Baker said that he agreed with the Ambassador on the order of the points and the time.\n")
    document = convert(text, "m.txt").document
    assert [person.name for person in document.participants] == ["Ambassador Able", "Mr. Baker"]
    assert [type(block).__name__ for block in document.body] == ["Paragraph", "BulletList", "Paragraph"]


def test_paragraphs_typed_with_indented_first_lines_read_the_same() -> None:
    assert reading(convert(TYPEWRITER, "m.txt").document) == reading(convert(SPACED, "m.txt").document)
    (why,) = decisions(TYPEWRITER, "layout.indented-paragraphs")
    assert "opens a paragraph" in why
    assert decisions(TYPEWRITER, "layout.line-per-paragraph") == []


def test_a_text_broken_into_lines_without_blank_lines_is_not_read_line_by_line() -> None:
    wrapped = "\n".join(textwrap.wrap(f"{FIRST} {SECOND}", 60))
    text = f"Memorandum for the Record\n\n{wrapped}\n"
    assert decisions(text, "layout.line-per-paragraph") == []
    assert len(convert(text, "m.txt").document.body) == 1


def test_a_block_that_opens_at_the_margin_keeps_its_indented_lines() -> None:
    text = ("Memorandum of Conversation\n\nPARTICIPANTS: Ambassador Able\n              Mr. Baker\n"
            "              Mr. Carr\n\nThey met.\n")
    assert decisions(text, "layout.indented-paragraphs") == []
    assert len(convert(text, "m.txt").document.participants) == 3


def test_a_word_processor_export_with_its_notes_at_the_margin_reads_the_same() -> None:
    exported = UNSPACED.replace("\n  1. ", "\n1. ").replace("\n  2. ", "\n2. ")
    assert reading(convert(exported, "m.txt").document) == reading(convert(SPACED, "m.txt").document)
    assert len(decisions(exported, "footnote-list-margin")) == 2


def test_a_name_broken_across_two_typed_lines_is_found() -> None:
    text = ("Memorandum for the Record\n\n     The letter was handed to Foreign Minister\n"
            "Dorn at the airport by the delegation before noon, and read\nthere.\n")
    document = convert(text, "m.txt").document
    assert [(person.id, person.role_names) for person in document.mentioned] == [("dorn", ["Foreign", "Minister"])]
    assert b'<persName ref="#dorn">Dorn</persName>' in convert(text, "m.txt").xml
