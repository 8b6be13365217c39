"""Line breaks inside a word: the line ends in a hyphen after a letter, the next opens with a small letter.

    ["the nego-", LineBreak(4), "tiations went on"]  →  LineBreak(4, in_word=True)   encoded <lb break="no"/>

Rule ``line-break-in-word``. The hyphen stays in the text, as the source has it: whether it
only splits the word ("nego-tiations") or belongs to it ("cease-fire") the text cannot tell,
but either way the line break is no word boundary. A line that ends in a dash ("--"), a digit
or a space before the hyphen, or runs on with a capital, a digit or a quotation mark, keeps an
ordinary break.
"""

from __future__ import annotations

import re

from tei.errors import Reporter
from tei.model import CONTAINERS, Document, Inline, LineBreak
from tei.recognize.base import excerpt
from tei.resolve.base import Pass
from tei.rules import Registry

RULE = "line-break-in-word"
ENDS_IN_WORD = re.compile(r"[^\W\d_]-\Z")
OPENS_IN_WORD = re.compile(r"[^\W\d_]")


def mark_breaks_in_words(document: Document, reporter: Reporter) -> None:
    """Mark each line break of the document that falls inside a word."""
    for _line, content in document.lined_text_lists():
        _mark(content, reporter)


def _mark(content: list[Inline], reporter: Reporter) -> None:
    for index, item in enumerate(content):
        if isinstance(item, CONTAINERS):
            _mark(item.content, reporter)
        elif isinstance(item, LineBreak) and 0 < index < len(content) - 1:
            before, after = content[index - 1], content[index + 1]
            if isinstance(before, str) and isinstance(after, str) and ENDS_IN_WORD.search(before) \
                    and OPENS_IN_WORD.match(after) and after[0].islower():
                item.in_word = True
                word = before.split()[-1] + after.split()[0]
                reporter.decide(RULE, excerpt(word), 'lb break="no"', "the line ends in a hyphen after a "
                                "letter and the next line opens with a small letter: the word goes on", item.line)


def register(passes: Registry[Pass]) -> None:
    passes.register(mark_breaks_in_words, RULE, 110)
