"""Property tests: for generated memoranda, conversion never raises, the TEI is valid, and no
word is lost or moved.

The generator writes what the converter is meant to read (title line, subject and date,
participant groups, paragraphs, headings, page markers alone or inside paragraphs, glued
footnote references with their footnote lines) out of random words, unicode letters included,
and what it must survive: editorial notes, alone or inside a paragraph, holding footnote
references; lettered (``3a``) and symbol (``†``) footnote keys; a page marker repeated; a
manual line break (U+000B) and a form feed; characters XML cannot hold (ESC, U+FFFF), which
must be reported at their line and column and shown as U+FFFD.

The memorandum is built by a :class:`random.Random` that Hypothesis draws (and shrinks): one
draw per example instead of one per word keeps 2,000 examples cheap.
"""

from __future__ import annotations

import os
import random
import re

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from teitext import text_with_glued_refs, words_of_input

from tei import convert_bytes

LETTERS = "abcdefghijklmnopqrstuvwxyzéüøłčñßж"
PUNCTUATION = ["", "", "", "", ",", ";", "’s", "—"]
TITLE_WORDS = ["Ambassador", "Mr.", "DAS", "Secretary", "Dr."]
SYMBOL_KEYS = ["†", "‡"]
UNWRITABLE = ["\x1b", "\x01", "\uffff"]  # characters XML cannot hold
EXAMPLES = int(os.environ.get("TEI_PROPERTY_EXAMPLES", "2000"))  # fewer while iterating


class Writer:
    """One memorandum, written from ``rnd``: its lines, and the footnote keys in reference order."""

    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd
        self.page = rnd.randint(2, 2000)
        self.keys: list[str] = []
        self.symbols: list[str] = []
        self.body = ""
        self.footnotes: list[str] = []

    def word(self) -> str:
        return "".join(self.rnd.choice(LETTERS) for _ in range(self.rnd.randint(1, 9)))

    def capitalized(self) -> str:
        word = self.word()
        return word[0].upper() + word[1:]

    def sentence(self) -> str:
        rnd = self.rnd
        words = [self.word() + rnd.choice(PUNCTUATION) for _ in range(rnd.randint(2, 14))]
        text = " ".join([words[0][0].upper() + words[0][1:], *words[1:]]).rstrip(",;—")
        if rnd.random() < 0.03:
            position = rnd.randrange(len(text) + 1)
            text = text[:position] + rnd.choice(UNWRITABLE) + text[position:]
        if rnd.random() < 0.5:
            return f"{text} “{self.word()} {self.word()}.”"
        return text + rnd.choice([".", "?", "!"])

    def page_marker(self) -> str:
        if self.rnd.random() < 0.15:  # the same page marked twice
            return f"[Page {self.page - 1}]"
        self.page += 1
        return f"[Page {self.page - 1}]"

    def reference(self) -> str:
        """The key of the next footnote: a number, the number with a letter, or a symbol."""
        rnd = self.rnd
        if rnd.random() < 0.1:
            symbol = rnd.choice(SYMBOL_KEYS)
            self.symbols.append(symbol)
            return symbol
        numbers = [key for key in self.keys if key.isdigit()]
        if numbers and rnd.random() < 0.2 and not self.keys[-1][-1].isalpha():
            key = f"{numbers[-1]}a"
        else:
            key = str(len(numbers) + 1)
        self.keys.append(key)
        return key

    def editorial_note(self) -> str:
        text = " ".join(self.sentence() for _ in range(self.rnd.randint(1, 2)))
        if self.rnd.random() < 0.5:
            text += self.reference()
        opening, closing = self.rnd.choice([("[", "]"), ("(", ")")])
        return f"{opening}NOTE: {text}{closing}"

    def paragraph(self) -> str:
        rnd = self.rnd
        pieces = [self.sentence() for _ in range(rnd.randint(1, 5))]
        if rnd.random() < 0.5:
            pieces.insert(rnd.randint(0, len(pieces)), self.page_marker())
        if rnd.random() < 0.2:
            pieces.insert(rnd.randint(0, len(pieces)), self.editorial_note())
        if rnd.random() < 0.5 and not pieces[-1].endswith("]"):
            pieces[-1] += self.reference()
        separators = [rnd.choice([" ", " ", " ", "\x0b", " \x0c "]) for _ in pieces]
        return "".join(piece + separator for piece, separator in zip(pieces, separators)).rstrip()

    def memorandum(self) -> str:
        rnd = self.rnd
        lines: list[str] = []
        if rnd.random() < 0.5:
            lines += [self.page_marker(), ""]
        title = f"{rnd.randint(1, 999)}. Memorandum of Conversation"
        if rnd.random() < 0.5:
            title += self.reference()
        lines.append(title)
        if rnd.random() < 0.2:
            lines.append(self.page_marker())
        lines.append("")
        if rnd.random() < 0.5:
            lines += [f"Visit of {self.capitalized()} {self.capitalized()}", "July 26, 1986", ""]
        lines.append("")
        for _ in range(rnd.randint(0, 2)):
            for _ in range(rnd.randint(1, 4)):
                lines.append(f"    • {rnd.choice(TITLE_WORDS)} {self.capitalized()}{rnd.choice(['', ' (NSC)'])}")
            lines.append("")
        for _ in range(rnd.randint(1, 8)):
            kind = rnd.choice(["paragraph", "paragraph", "paragraph", "heading", "page", "break", "note"])
            if kind == "heading":
                lines += [" ".join(self.capitalized() for _ in range(rnd.randint(1, 4))), ""]
            elif kind == "page":
                lines += [self.page_marker(), ""]
            elif kind == "break":
                lines.append("")
            elif kind == "note":
                lines += [self.editorial_note(), ""]
            else:
                lines += [self.paragraph(), ""]
        self.footnotes = [f"  {key}. {self.sentence()}" for key in self.keys]
        self.footnotes += [f"  {symbol} {self.sentence()}" for symbol in self.symbols]
        self.body = "\n".join(lines) + "\n"
        return self.body + "".join(f"{line}\n" for line in self.footnotes)


# A footnote key standing alone ("2.", "12a.", "†"): where the TEI puts the note's own number and
# the input its key, which the two sides spell differently; the words around it must still agree.
_KEY = re.compile(r"^(?:\d{1,4}[a-z]?|[†‡])\.?$")
_UNWRITABLE = re.compile("|".join(UNWRITABLE))


def _words(text: str) -> list[str]:
    return [word for word in words_of_input(_UNWRITABLE.sub("\ufffd", text)) if not _KEY.match(word)]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_generated_memoranda_convert_to_valid_tei_without_losing_words(rnd: random.Random) -> None:
    writer = Writer(rnd)
    text = writer.memorandum()
    note(repr(text))
    result = convert_bytes(text.encode("utf-8"), "generated.txt", validate=True)
    assert result.validation == []
    unwritable = [match.start() for match in _UNWRITABLE.finditer(text)]
    errors = [(d.line, d.column) for d in result.diagnostics if d.rule == "control-character" and d.line]
    assert errors == [(text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)) for at in unwritable][:10]
    # The body's words in order, each reference glued where it stood; the footnotes' words all
    # there (a note stands where it is referenced, so their order may differ from the list's).
    body, notes = text_with_glued_refs(result.tree)
    assert _words(body) == _words(writer.body)
    assert sorted(_words(" ".join(text for _, text in notes))) == sorted(_words("\n".join(writer.footnotes)))
