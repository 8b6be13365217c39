"""model: the document tree between recognizing and encoding.

Recognizers build it from blocks, resolve passes rewrite it in place, and the encoder
turns it into TEI. Nothing here knows XML. Inline content is a list of :data:`Inline`
items: plain strings and the inline nodes below, nested where the text nests
(a quotation holds a page break, reported speech holds a quotation).

``nodes``     the inline items and the blocks
``people``    persons, the dateline, header fields
``document``  the memorandum, and the walks over its text (``iter_inlines``, ``plain_text`` …)
"""

from tei.model.document import Document, iter_inlines, iter_nodes, map_text, plain_text
from tei.model.nodes import (
    CONTAINERS,
    Block,
    BulletList,
    Closing,
    EditorialBlock,
    EditorialNote,
    Footnote,
    Inline,
    LineBreak,
    Marking,
    Node,
    NoteRef,
    PageBreak,
    Paragraph,
    PersName,
    Quote,
    Said,
    Section,
)
from tei.model.people import Dateline, HeaderField, Person

__all__ = [
    "CONTAINERS", "Block", "BulletList", "Closing", "Dateline", "Document", "EditorialBlock", "EditorialNote",
    "Footnote", "HeaderField", "Inline", "LineBreak", "Marking", "Node", "NoteRef", "PageBreak", "Paragraph",
    "PersName", "Person", "Quote", "Said", "Section", "iter_inlines", "iter_nodes", "map_text", "plain_text",
]
