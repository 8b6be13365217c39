"""tei: scholarly editions in TEI-XML.

The pipeline runs in one direction::

    read (text → Source) → blocks (Source → Block list) → recognize (blocks → model.Document)
    → resolve (passes on the model) → encode (model → lxml TEI tree) → validate → render (XSLT)
"""

from __future__ import annotations

__version__ = "0.1.0"

from tei.pipeline import convert, convert_bytes, convert_file  # noqa: E402

__all__ = ["__version__", "convert", "convert_bytes", "convert_file"]
