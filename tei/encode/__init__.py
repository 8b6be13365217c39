"""encode: :class:`~tei.model.Document` → TEI P5 tree (lxml), and its serialization.

TEI element names live only in this package: ``header`` writes the teiHeader, ``body``
the text, ``serialize`` the bytes. The conversion date comes from ``SOURCE_DATE_EPOCH``
when it is set, so the same input always gives the same bytes.
"""

from tei.encode.body import Encoder, encode
from tei.encode.common import conversion_date
from tei.encode.serialize import BLOCK_CONTAINERS, indent, markup_count, serialize, write

__all__ = ["BLOCK_CONTAINERS", "Encoder", "conversion_date", "encode", "indent", "markup_count",
           "serialize", "write"]
