"""The conversion's former home: its names, for code that imports them from here.

New code imports them from :mod:`tei.converter`.
"""

from tei.converter import (
    SOURCE_FAITHFUL_RULES,
    Conversion,
    Converter,
    convert,
    convert_bytes,
    convert_file,
    default_converter,
    validate_conversion,
)

__all__ = ["SOURCE_FAITHFUL_RULES", "Conversion", "Converter", "convert", "convert_bytes", "convert_file",
           "default_converter", "validate_conversion"]
