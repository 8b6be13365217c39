"""read: bytes → :class:`Source` (decoded, normalized, numbered lines) → blank-line blocks."""

from tei.read.blocks import Block, Line, split_blocks
from tei.read.reader import MAX_LINE_CHARS, MAX_TEXT_BYTES, Source, read

__all__ = ["MAX_LINE_CHARS", "MAX_TEXT_BYTES", "Block", "Line", "Source", "read", "split_blocks"]
