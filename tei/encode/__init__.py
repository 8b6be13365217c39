"""encode: :class:`~tei.model.Document` → TEI P5 tree (lxml), and its serialization.

TEI element names live only in this package: ``header`` writes the teiHeader, ``body``
the text, ``serialize`` the bytes. The conversion date comes from ``SOURCE_DATE_EPOCH``
when it is set, so the same input always gives the same bytes.
"""

from tei.encode.body import Encoder, encode
from tei.encode.common import QUOTE_CLOSE, QUOTE_OPEN, conversion_date
from tei.encode.serialize import BLOCK_CONTAINERS, indent, serialize

__all__ = ["BLOCK_CONTAINERS", "QUOTE_CLOSE", "QUOTE_OPEN", "Encoder", "conversion_date", "encode", "indent",
           "serialize"]
