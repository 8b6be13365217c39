"""The sentence splitter's cut at a semicolon before a new speaker ("Carr asked …; Baker answered"),
on paragraphs of many semicolons."""

from __future__ import annotations

from tei.model import Inline, PersName, plain_text
from tei.resolve.speakers.sentences import split_sentences


def texts(sentences: list[list[Inline]]) -> list[str]:
    return [plain_text(sentence) for sentence in sentences]


def test_a_clause_after_a_semicolon_is_read_to_the_next_semicolon_only() -> None:
    """A subject and its verb never span a semicolon: "Baker; said" is no new speaker, and a
    clause after many others is found as after one (a role named as a person included)."""
    content: list[Inline] = [PersName("Able", "able"), " listed the points; the first; the second; ",
                             PersName("Baker", "baker"), "; said nothing; then the Minister; ",
                             "the Minister then said no; ", PersName("Dorn", "dorn"), ", in turn, asked why."]
    assert texts(split_sentences(content, {"Minister": "carr"})) == [
        "Able listed the points; the first; the second; Baker; said nothing; then the Minister; ",
        "the Minister then said no; ",
        "Dorn, in turn, asked why."]


def test_a_role_with_a_semicolon_in_it_is_read_whole() -> None:
    content: list[Inline] = [PersName("Able", "able"), " asked; the Minister; Trade said no."]
    assert texts(split_sentences(content, {"Minister; Trade": "carr"})) == [
        "Able asked; ", "the Minister; Trade said no."]
