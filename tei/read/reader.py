"""read: bytes → :class:`Source` (decoded, NFC, ``\\n`` newlines, line numbers kept).

Refuses input that is not a text at all (empty, binary, undecodable) with a
:class:`~tei.errors.ConversionError` naming the file and what to do.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from tei.errors import ConversionError, Reporter

# Tried in order when a text is not UTF-8. Windows-1252 leaves five bytes undefined, so a
# file that is neither is refused rather than turned into mojibake.
FALLBACK_ENCODINGS = ("cp1252",)

#: The largest text converted. A memorandum is some kilobytes, a long one a megabyte; the
#: conversion takes time and memory in proportion to the text, and beyond this size it is
#: more likely a wrong file (a log, a dump) than a memorandum.
MAX_TEXT_BYTES = 16 * 2**20


@dataclass(frozen=True)
class Source:
    """A text ready for the block reader: ``lines[i]`` is line ``i + 1`` of the file."""

    text: str
    path: str
    lines: tuple[str, ...]


def read(data: bytes, path: str = "<input>", reporter: Reporter | None = None) -> Source:
    """Decode ``data`` as UTF-8 (a BOM is dropped), or as Windows-1252 with a warning; normalize it.

    >>> read(b"1. Title\\r\\n\\r\\nText.").lines
    ('1. Title', '', 'Text.')
    """
    if len(data) > MAX_TEXT_BYTES:
        raise ConversionError(f"the file is {len(data) / 2**20:,.1f} MB, more than the {MAX_TEXT_BYTES // 2**20} MB "
                              "tei converts; split it into one file per memorandum", path)
    if not data.strip():
        raise ConversionError("the file is empty; expected a memorandum as plain text", path)
    if b"\x00" in data:
        raise ConversionError("this is a binary file, not plain text (it contains NUL bytes)", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        fallback = _decode_fallback(data)
        if fallback is None:
            raise ConversionError(
                f"the text is not UTF-8 (byte 0x{data[error.start]:02x} cannot be decoded), nor Windows-1252; "
                "save it as UTF-8 and convert again", path, line) from error
        text = fallback
        if reporter is not None:
            reporter.warning(f"the text is not UTF-8 (byte 0x{data[error.start]:02x}); it was read as "
                             "Windows-1252 (which includes Latin-1's letters): check accented letters and quotes",
                             line, "encoding")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Non-breaking spaces and tabs are layout, not content: they become plain spaces.
    text = text.replace("\u00a0", " ").replace("\t", "    ")
    lines = tuple(line.rstrip() for line in text.split("\n"))
    return Source(text=text, path=path, lines=lines)


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
