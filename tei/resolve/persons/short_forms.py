"""persons.short-form: a person the record names once in full, then by a short form it defines.

    "Prime Minister Dorn Eck (hereafter DE) called. DE said it would leak."
    → [PersName("Prime Minister Dorn Eck", "eck"), " (hereafter ", PersName("DE", "eck"), ") called. ",
       PersName("DE", "eck"), " said it would leak."]

Memoranda that name a visitor often many times shorten the name after its first mention, in
brackets right after it: "(hereafter DE)", "(hereinafter referred to as DE)", "(henceforth
“DE”)". From there the short form is that person wherever it stands as a word of its own ("DE
said", "DE’s view"). The short form is one word that begins with a capital; one defined for two
persons, or that is a known person's surname already, is nobody's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tei.errors import Reporter
from tei.lexicon import lazy_pattern
from tei.model import CONTAINERS, Document, Inline, PersName, map_text, plain_text

RULE = "persons.short-form"
# " (hereafter DE)", " (hereinafter referred to as “DE”)": at the start of the text after a name.
DEFINITION = lazy_pattern(
    r"\s*\((?:here(?:in)?after|henceforth)(?:\s+(?:referred\s+to\s+as|called|cited\s+as))?\s+"
    r"[“\"‘']?(?P<short>[A-Z][A-Za-z.]{0,11})[”\"’']?\)")


def _names_and_after(content: list[Inline]) -> Iterator[tuple[PersName, str]]:
    """Each name of ``content`` with the text of the three items after it (a quotation among
    them), in containers too."""
    for index, item in enumerate(content[:-1]):
        if isinstance(item, PersName):
            yield item, plain_text(content[index + 1:index + 4])
    for item in content:
        if isinstance(item, CONTAINERS):
            yield from _names_and_after(item.content)


def defined_short_forms(document: Document) -> dict[str, str]:
    """Short forms the text defines right after a linked name: ``{"DE": "eck"}``."""
    found: dict[str, set[str]] = {}
    for content in document.text_lists():
        for item, after in _names_and_after(content):
            if item.ref and "#" not in item.ref:
                match = DEFINITION.match(after)
                if match:
                    found.setdefault(match.group("short").rstrip("."), set()).add(item.ref)
    surnames = {person.surname for person in (*document.participants, *document.mentioned) if person.surname}
    return {short: next(iter(refs)) for short, refs in found.items() if len(refs) == 1 and short not in surnames}


def link_short_forms(document: Document, reporter: Reporter) -> None:
    """Turn every use of a defined short form, as a word of its own, into a PersName of its person."""
    forms = defined_short_forms(document)
    if not forms:
        return
    word = re.compile(r"(?<![\w’'.-])(?:" + "|".join(re.escape(short) for short in sorted(forms, key=len, reverse=True))
                      + r")(?![\w-])")

    def split(text: str) -> list[Inline]:
        pieces: list[Inline] = []
        position = 0
        for match in word.finditer(text):
            pieces += [text[position:match.start()], PersName(match.group(), forms[match.group()])]
            position = match.end()
        return [*pieces, text[position:]] if pieces else [text]

    for line, content in list(document.lined_text_lists()):
        content[:] = map_text(content, split, (PersName,))
        if reporter.explaining and line == document.line:
            for short, ref in sorted(forms.items()):
                reporter.decide(RULE, repr(short), f"person #{ref}", "a short form the text defines in brackets "
                                "after the person's name ('(hereafter …)')", line)
