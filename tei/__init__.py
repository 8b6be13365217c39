"""tei: scholarly editions in TEI-XML.

The pipeline runs in one direction::

    read (text → Source) → blocks (Source → Block list) → recognize (blocks → model.Document)
    → resolve (passes on the model) → encode (model → lxml TEI tree) → validate → render (XSLT)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Conversion", "Converter", "__version__", "convert", "convert_bytes", "convert_file"]

if TYPE_CHECKING:
    from tei.converter import Conversion, Converter, convert, convert_bytes, convert_file


def __getattr__(name: str) -> Any:
    """``tei.convert`` and friends, imported on first use (PEP 562).

    Importing the converter compiles the recognizers' regular expressions and loads lxml;
    done here eagerly, it made every ``tei`` command, ``tei --help`` included, pay for it.
    """
    if name in ("Conversion", "Converter", "convert", "convert_bytes", "convert_file"):
        from tei import converter

        return getattr(converter, name)
    raise AttributeError(f"module 'tei' has no attribute {name!r}")
