"""Where an element is: its line and column in the source file, and its path in the tree.

Diagnostics cite the source file as the user has it, never a re-serialization: the line and
column where the element's start tag begins, and an absolute path written the way xmlschema
writes it (``/TEI/text/body/div/p[3]``).
"""

from __future__ import annotations

import re

from lxml import etree

from tei.namespaces import TEI_NS, XML_NS

Location = tuple[int | None, int | None]

_CLARK = re.compile(r"\{([^}]*)\}")


def short_names(text: str) -> str:
    """``{tei-ns}p`` or ``'tei:p'`` → ``p``, ``{xml-ns}id`` → ``xml:id``: the names people write."""
    text = _CLARK.sub(lambda m: "" if m.group(1) == TEI_NS else ("xml:" if m.group(1) == XML_NS else m.group(0)),
                      text)
    return text.replace("'tei:", "'")


def line_of(element: etree._Element | None) -> int | None:
    """Element → its line in the source file, or None (built in memory, or no element)."""
    line = element.sourceline if element is not None else None
    return line if isinstance(line, int) else None


def local_name(element: etree._Element) -> str:
    """Element → its name without namespace; ``""`` for comments and processing instructions."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


class Locator:
    """Source text → where an element's start tag begins: (line, column), 1-based.

    libxml2 numbers an element by the line where its start tag *ends*, so an element whose
    attributes are spread over several lines (as XML editors wrap them) would be reported
    on its last line. The source, scanned once and only when there is something to report,
    gives the line and column of the ``<``: the k-th start tag in the text is the k-th
    element in document order (a ``<`` elsewhere can only open an end tag, a comment, a
    CDATA section or a processing instruction, which the scan skips). When the counts do
    not match (an encoding the scan cannot read), the parser's line is kept, without column.
    """

    _MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!.*?>|</|<", re.DOTALL)

    def __init__(self, tree: etree._ElementTree, source: bytes | None) -> None:
        self.tree, self.source = tree, source
        self._starts: dict[int, tuple[int, int]] | None = None
        # Keyed by id(): lxml keeps one proxy per node while a reference lives, so the
        # elements are kept here for as long as the ids are used.
        self._elements: list[etree._Element] = []

    def _scan(self) -> dict[int, tuple[int, int]]:
        if self.source is None:
            return {}
        text = self.source.decode("utf-8", "replace")
        offsets = [m.start() for m in self._MARKUP.finditer(text) if m.group() == "<"]
        elements = self._elements = [e for e in self.tree.iter() if isinstance(e.tag, str)]
        if len(offsets) != len(elements):
            return {}
        starts = {}
        line, line_start, scanned = 1, 0, 0
        for element, offset in zip(elements, offsets, strict=True):
            newlines = text.count("\n", scanned, offset)
            if newlines:
                line += newlines
                line_start = text.rindex("\n", scanned, offset) + 1
            scanned = offset
            starts[id(element)] = (line, offset - line_start + 1)
        return starts

    def __call__(self, element: etree._Element | None) -> Location:
        """Element → (line, column) of its start tag; (parser's line, None) when unknown."""
        if element is None:
            return None, None
        if self._starts is None:
            self._starts = self._scan()
        return self._starts.get(id(element), (line_of(element), None))


def element_path(element: etree._Element) -> str:
    """Element → its path in xmlschema's style: ``/TEI/text/body/div/p[3]`` (an index only among namesakes)."""
    steps = []
    current: etree._Element | None = element
    while current is not None:
        parent = current.getparent()
        step = short_names(str(current.tag))
        if parent is not None:
            namesakes = [sibling for sibling in parent if sibling.tag == current.tag]
            if len(namesakes) > 1:
                step += f"[{namesakes.index(current) + 1}]"
        steps.append(step)
        current = parent
    return "/" + "/".join(reversed(steps))
