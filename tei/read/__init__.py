"""read: bytes → :class:`Source` (decoded, normalized, numbered lines) → blank-line blocks."""

from tei.read.blocks import Block, Line, split_blocks
from tei.read.reader import Source, read

__all__ = ["Block", "Line", "Source", "read", "split_blocks"]
