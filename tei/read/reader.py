"""read: bytes → :class:`Source` (decoded, NFC, ``\\n`` newlines, line numbers kept).

Refuses input that is not a text at all (empty, binary, undecodable, too large) with a
:class:`~tei.errors.ConversionError` naming the file and what to do. Decoding:

- UTF-8 (a byte order mark is dropped); a few bytes that are not UTF-8 in an otherwise
  UTF-8 text are replaced by U+FFFD, each with a warning at its line and column;
- UTF-16 or UTF-32 with a byte order mark;
- Windows-1252 (which includes Latin-1's letters) when no UTF-8 is there at all, with a warning.

Characters that XML cannot hold are reported at their line and column (see
:mod:`tei.read.controls`).
"""

from __future__ import annotations

import codecs
import unicodedata
from typing import Final

from tei.errors import ConversionError, Level, Reporter
from tei.lexicon import lazy_pattern
from tei.read.controls import check_controls, located

# Tried in order when a text is not UTF-8. Windows-1252 leaves five bytes undefined, so a
# file that is neither is refused rather than turned into mojibake.
FALLBACK_ENCODINGS = ("cp1252",)

#: The largest text converted. A memorandum is some kilobytes, a long one a megabyte; the
#: conversion takes time and memory in proportion to the text, and beyond this size it is
#: more likely a wrong file (a log, a dump) than a memorandum.
MAX_TEXT_BYTES = 16 * 2**20

#: The longest line converted, in characters. One line becomes one text of the TEI, and the XML
#: parser refuses a text over 10 MB (4 bytes a character at most, 5 for an escaped "&").
MAX_LINE_CHARS = 1_000_000

# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Written as a negated class: the same set as "[\x80-\udc7f\udd00-\U0010ffff]", which takes
# milliseconds to compile (its ranges are filled in one code point at a time).
_DECODED_NON_ASCII = lazy_pattern("[^\x00-\x7f\udc80-\udcff]")
_BAD_BYTE = lazy_pattern("[\udc80-\udcff]")
_REPORTED_BYTES = 10  # bad bytes reported one by one; the rest are counted


class Source:
    """A text ready for the block reader: ``lines[i]`` is line ``i + 1`` of the file."""

    __slots__ = ("lines", "path", "text")

    def __init__(self, text: str, path: str, lines: tuple[str, ...]) -> None:
        self.text: Final = text
        self.path: Final = path
        self.lines: Final = lines


def read(data: bytes, path: str = "<input>", reporter: Reporter | None = None) -> Source:
    """Decode ``data`` and normalize it; without a ``reporter``, what would be a warning is kept
    silent and what would be an error raises.

    >>> read(b"1. Title\\r\\n\\r\\nText.").lines
    ('1. Title', '', 'Text.')
    """
    own = reporter is None
    reporter = Reporter(path) if reporter is None else reporter
    if len(data) > MAX_TEXT_BYTES:
        raise ConversionError(f"the file is {len(data) / 2**20:,.1f} MB, more than the {MAX_TEXT_BYTES // 2**20} MB "
                              "tei converts; split it into one file per memorandum", path)
    text = _decode(data, path, reporter)
    if not text.strip():
        raise ConversionError("the file is empty; expected a memorandum as plain text", path)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Non-breaking spaces and tabs are layout, not content: they become plain spaces.
    text = text.replace("\u00a0", " ").replace("\t", "    ")
    text = check_controls(text, reporter)
    if own and (errors := [d for d in reporter.diagnostics if d.level >= Level.ERROR]):
        raise ConversionError(errors[0].message, path, errors[0].line)
    lines = tuple(line.rstrip() for line in text.split("\n"))
    _refuse_long_lines(lines, path)
    return Source(text=text, path=path, lines=lines)


def _refuse_long_lines(lines: tuple[str, ...], path: str) -> None:
    if max(map(len, lines)) > MAX_LINE_CHARS:
        number, line = next((number, line) for number, line in enumerate(lines, start=1) if len(line) > MAX_LINE_CHARS)
        raise ConversionError(f"the line is {len(line):,} characters long, more than the {MAX_LINE_CHARS:,} a line may "
                              "hold (its text would be too long for an XML parser); break it into paragraphs",
                              path, number)


def _decode(data: bytes, path: str, reporter: Reporter) -> str:
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data[len(mark):].decode(f"{encoding}-{'le' if mark[0] == 0xFF else 'be'}")
            except UnicodeDecodeError as error:
                raise ConversionError(f"the text begins as {encoding.upper()} but is not valid {encoding.upper()} "
                                      f"(at byte {error.start + len(mark):,}); save it as UTF-8", path) from error
    if b"\x00" in data:
        if _looks_like_utf16(data):
            raise ConversionError("the text looks like UTF-16 without a byte order mark; save it as UTF-8", path)
        raise ConversionError("this is a binary file, not plain text (it contains NUL bytes)", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        first_bad = error.start
    text = data.decode("utf-8-sig", errors="surrogateescape")
    if _DECODED_NON_ASCII.search(text):
        # Real UTF-8 letters around the bad bytes: the text is UTF-8, the bytes are damage.
        return _replace_bad_bytes(text, reporter)
    line = data[:first_bad].count(b"\n") + 1
    fallback = _decode_fallback(data)
    if fallback is None:
        raise ConversionError(
            f"the text is not UTF-8 (byte 0x{data[first_bad]:02x} cannot be decoded), nor Windows-1252; "
            "save it as UTF-8 and convert again", path, line)
    reporter.warning(f"the text is not UTF-8 (byte 0x{data[first_bad]:02x}); it was read as "
                     "Windows-1252 (which includes Latin-1's letters): check accented letters and quotes",
                     line, "encoding")
    return fallback


def _looks_like_utf16(data: bytes) -> bool:
    """Text in UTF-16 without a mark: most of its even or its odd bytes are NUL."""
    sample = data[:4096]
    return max(sample[0::2].count(0), sample[1::2].count(0)) > len(sample) // 4


def _replace_bad_bytes(text: str, reporter: Reporter) -> str:
    """Each byte that is not UTF-8 (decoded as a lone surrogate) → U+FFFD, with a warning."""
    found, count = located(_BAD_BYTE, text, _REPORTED_BYTES)
    for match, line, column in found:
        reporter.report(Level.WARNING, f"byte 0x{ord(match.group()) - 0xDC00:02x} is not UTF-8; it was replaced "
                        "by U+FFFD (�): correct the character", line, "encoding", column)
    if count > len(found):
        reporter.warning(f"{count - len(found):,} more bytes that are not UTF-8 were replaced by U+FFFD", None,
                         "encoding")
    return _BAD_BYTE.sub("\ufffd", text)


def _decode_fallback(data: bytes) -> str | None:
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Control characters other than layout mean this is not text in that encoding either.
        if not any(ord(char) < 32 and char not in "\n\r\t\f" for char in text):
            return text
    return None
