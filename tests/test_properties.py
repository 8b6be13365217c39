"""Property tests: for generated memoranda, conversion never raises, the TEI is valid, and no
word is lost or moved.

The generator writes what the converter is meant to read (title line, subject and date,
participant groups, paragraphs, headings, page markers alone or inside paragraphs, glued
footnote references with their footnote lines) out of random words, unicode letters included.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from teitext import words_of_input, words_of_tei

from tei import convert_bytes
from tei.validate import validate_bytes

LETTERS = "abcdefghijklmnopqrstuvwxyzéüøłčñßж"
word = st.text(alphabet=LETTERS, min_size=1, max_size=9)
capitalized = word.map(lambda w: w[0].upper() + w[1:])
punctuation = st.sampled_from(["", "", "", ",", ";", "’s", "—"])


@st.composite
def sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.tuples(word, punctuation).map("".join), min_size=2, max_size=14))
    text = " ".join([words[0][0].upper() + words[0][1:], *words[1:]]).rstrip(",;—")
    if draw(st.booleans()):
        text = f"{text} “{draw(word)} {draw(word)}.”"
        return text
    return text + draw(st.sampled_from([".", "?", "!"]))


@st.composite
def memorandum(draw: st.DrawFn) -> str:
    number = draw(st.integers(min_value=1, max_value=999))
    page = draw(st.integers(min_value=2, max_value=2000))
    lines: list[str] = []
    if draw(st.booleans()):
        lines += [f"[Page {page}]", ""]
        page += 1
    notes = 0
    title = f"{number}. Memorandum of Conversation"
    if draw(st.booleans()):
        notes += 1
        title += str(notes)
    lines += [title, ""]
    if draw(st.booleans()):
        lines += [f"Visit of {draw(capitalized)} {draw(capitalized)}", "July 26, 1986", ""]
    lines.append("")
    groups = draw(st.integers(min_value=0, max_value=2))
    for _ in range(groups):
        for _ in range(draw(st.integers(min_value=1, max_value=4))):
            title_word = draw(st.sampled_from(["Ambassador", "Mr.", "DAS", "Secretary", "Dr."]))
            lines.append(f"    • {title_word} {draw(capitalized)}{draw(st.sampled_from(['', ' (NSC)']))}")
        lines.append("")
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        kind = draw(st.sampled_from(["paragraph", "paragraph", "paragraph", "heading", "page", "break"]))
        if kind == "heading":
            lines += [" ".join(draw(st.lists(capitalized, min_size=1, max_size=4))), ""]
        elif kind == "page":
            lines += [f"[Page {page}]", ""]
            page += 1
        elif kind == "break":
            lines.append("")
        else:
            sentences = draw(st.lists(sentence(), min_size=1, max_size=5))
            if draw(st.booleans()):
                sentences.insert(draw(st.integers(0, len(sentences))), f"[Page {page}]")
                page += 1
            if draw(st.booleans()) and not sentences[-1].endswith("]"):
                notes += 1
                sentences[-1] += str(notes)
            lines += [" ".join(sentences), ""]
    for n in range(1, notes + 1):
        lines.append(f"  {n}. {draw(sentence())}")
    return "\n".join(lines) + "\n"


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(memorandum())
def test_generated_memoranda_convert_to_valid_tei_without_losing_words(text: str) -> None:
    data = text.encode("utf-8")
    result = convert_bytes(data, "generated.txt")
    assert validate_bytes(result.xml, "generated.tei.xml") == []
    assert words_of_tei(result.tree) == words_of_input(text)
