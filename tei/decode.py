"""decode: TEI → model, the converter's encoding read back (for statistics and corpora).

    <said who="#able">Able said, <q>“Yes.”</q> Fine.</said>
    → Said(['able'], ['Able said, ', Quote(['“Yes.”']), ' Fine.'])
"""

from __future__ import annotations

from lxml import etree

from tei.model import EditorialNote, Inline, LineBreak, PageBreak, PersName, Quote
from tei.namespaces import TEI_NS, XML_NS

TEI_PREFIX = f"{{{TEI_NS}}}"


def _with_marks(quotation: etree._Element, content: list[Inline]) -> list[Inline]:
    """A q's content with the quotation marks its renditions hold (``content: "“";``) put back."""
    root = quotation.getroottree().getroot()
    for pointer in (quotation.get("rendition") or "").split():
        rendition = root.find(f".//{TEI_PREFIX}rendition[@{{{XML_NS}}}id='{pointer.lstrip('#')}']")
        if rendition is None or '"' not in (rendition.text or ""):
            continue
        mark = (rendition.text or "").split('"')[1]
        if rendition.get("scope") == "before":
            content = [mark, *content]
        elif rendition.get("scope") == "after":
            content = [*content, mark]
    return content


def decode_inlines(element: etree._Element) -> list[Inline]:
    """The inline content of a TEI element as model items, so that sentences split as in the converter.

    ``<said>A said, <q>“Yes.”</q> Fine.</said>`` → ``['A said, ', Quote(['“Yes.”']), ' Fine.']``.
    Footnotes count as note references (no text); editorial notes stay whole; other elements
    give their content.
    """
    items: list[Inline] = [element.text] if element.text else []
    for child in element:
        name = child.tag.replace(TEI_PREFIX, "") if isinstance(child.tag, str) else ""
        if name == "q":
            items.append(Quote(_with_marks(child, decode_inlines(child))))
        elif name == "note" and child.get("place") == "foot":
            pass  # a footnote is the editor's, not spoken: it takes no room
        elif name == "note":
            items.append(EditorialNote(decode_inlines(child), _line(child)))
        elif name == "pb":
            items.append(PageBreak(child.get("n", ""), _line(child)))
        elif name == "lb":
            items.append(LineBreak(_line(child), child.get("break") == "no"))
        elif name == "persName":
            items.append(PersName(text_of(child), (child.get("ref") or "").lstrip("#") or None))
        elif isinstance(child.tag, str):
            items += decode_inlines(child)
        if child.tail:
            items.append(child.tail)
    return items


def _line(element: etree._Element) -> int:
    line = element.sourceline
    return line if isinstance(line, int) else 0


def text_of(element: etree._Element) -> str:
    """All the text inside ``element``."""
    return "".join(str(text) for text in element.itertext())
