"""Characters that XML cannot hold, found in a text before it is read into blocks.

    "Able\\x0bsaid"  → kept: a manual line break (Word's Shift+Enter), a line break in the block
    "Page\\x0cTwo"   → "Page Two": a form feed is layout, like a tab
    "A\\x1b[0mB"     → error at the line and column (U+001B), the character replaced by U+FFFD

XML 1.0 allows no C0 control character but tab, line feed and carriage return, and
neither U+FFFE nor U+FFFF; such a character in a memorandum is damage from copying, so it
is reported rather than guessed at.
"""

from __future__ import annotations

import re

from tei.errors import Level, Reporter
from tei.lexicon import Matcher, lazy_pattern

#: Word's manual line break: a line break inside a paragraph, kept by the block reader.
MANUAL_LINE_BREAK = "\x0b"
_INVALID = lazy_pattern("[\x00-\x08\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_REPORTED = 10  # characters reported one by one; the rest are counted


def located(pattern: Matcher, text: str, limit: int) -> tuple[list[tuple[re.Match[str], int, int]], int]:
    """The first ``limit`` matches of ``pattern`` in ``text`` with their line and column (from 1),
    and how many matches there are in all: lines are counted once, in one pass."""
    found: list[tuple[re.Match[str], int, int]] = []
    count, line, scanned = 0, 1, 0
    for match in pattern.finditer(text):
        count += 1
        if len(found) < limit:
            line += text.count("\n", scanned, match.start())
            scanned = match.start()
            found.append((match, line, match.start() - text.rfind("\n", 0, match.start())))
    return found, count


def check_controls(text: str, reporter: Reporter) -> str:
    """``text`` with form feeds as spaces and every other character XML cannot hold replaced
    by U+FFFD, each reported as an error at its line and column."""
    text = text.replace("\x0c", " ")
    if not _INVALID.search(text):
        return text
    found, count = located(_INVALID, text, _REPORTED)
    for match, line, column in found:
        reporter.report(Level.ERROR, f"control character U+{ord(match.group()):04X} cannot be written in XML; "
                        "remove it (it was replaced by U+FFFD)", line, "control-character", column)
    if count > len(found):
        reporter.error(f"{count - len(found):,} more characters that XML cannot hold", None, "control-character")
    return _INVALID.sub("\ufffd", text)
