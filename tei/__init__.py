"""tei: scholarly editions in TEI-XML.

The pipeline runs in one direction::

    read (text → Source) → blocks (Source → Block list) → recognize (blocks → model.Document)
    → resolve (passes on the model) → encode (model → lxml TEI tree) → validate → render (XSLT)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "convert", "convert_bytes", "convert_file"]

if TYPE_CHECKING:
    from tei.pipeline import convert, convert_bytes, convert_file


def __getattr__(name: str) -> Any:
    """``tei.convert`` and friends, imported on first use (PEP 562).

    Importing the pipeline compiles the recognizers' regular expressions and loads lxml;
    done here eagerly, it made every ``tei`` command, ``tei --help`` included, pay for it.
    """
    if name in ("convert", "convert_bytes", "convert_file"):
        from tei import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'tei' has no attribute {name!r}")
