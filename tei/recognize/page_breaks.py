"""Page markers: ``[Page N]`` → :class:`~tei.model.PageBreak`, wherever it stands.

One feature, four registrations:

=============================  ==========  ==============================================
recognizer                     registry    input → model
=============================  ==========  ==============================================
``page-break-before-title``    front       "[Page 5]" above the title → ``Document.leading``
``page-break-in-header``       front       "[Page 5]" among the subject and date lines
                                           → ``Document.front_breaks``
``page-break``                 blocks      a block of "[Page N]" lines → PageBreak between blocks
``page-marker``                inline      "It [Page 12] was" → "It ", PageBreak("12"), "was"
=============================  ==========  ==============================================

Whether the numbers make sense is checked later, by the ``page-sequence`` pass.
"""

from __future__ import annotations

from tei.lexicon import lazy_pattern
from tei.model import Inline, PageBreak, map_text
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import HEADER, LEAD, ParseState, Recognizers, excerpt

# Six digits at most: a printed page number; a longer one is text, not a marker.
PAGE_MARKER = lazy_pattern(r"\[[Pp]age\s+(?P<n>[0-9]{1,6}[A-Za-z]?|[ivxlcdm]+)\]")
# A marker inside running text takes the space after it: "X [Page 5] Y" → "X ", pb, "Y".
PAGE_MARKER_INLINE = lazy_pattern(PAGE_MARKER.pattern + r" ?")
# Two blank lines end the header: what follows is the body.
SECTION_BREAK_BLANK_LINES = 2


def read_page_breaks(block: TextBlock) -> list[PageBreak] | None:
    """A block of ``[Page N]`` lines → its page breaks; any other block → None."""
    matches = [PAGE_MARKER.fullmatch(line.text.strip()) for line in block.lines]
    if not all(matches):
        return None
    return [PageBreak(match.group("n"), line.number) for match, line in zip(matches, block.lines) if match]


class _PageMarkerBlocks:
    """A block of ``[Page N]`` lines: each recognizer says where it applies and where the breaks go."""

    name = ""
    where = ""  # for --explain: where such a block stands

    def place(self, pages: list[PageBreak], state: ParseState) -> None:
        raise NotImplementedError

    def run(self, block: TextBlock, state: ParseState) -> None:
        pages = read_page_breaks(block) or []
        if state.reporter.explaining:
            for page in pages:
                state.reporter.decide(self.name, excerpt(f"[Page {page.n}]"), f"page break {page.n}",
                                      f"a page marker alone on its line, {self.where}", page.line)
        self.place(pages, state)


class LeadingPageBreakRecognizer(_PageMarkerBlocks):
    """``[Page N]`` lines above the title: the document starts on that page."""

    name = "page-break-before-title"
    where = "before the title"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return state.part == LEAD and read_page_breaks(block) is not None

    def place(self, pages: list[PageBreak], state: ParseState) -> None:
        state.document.leading += pages


class HeaderPageBreakRecognizer(_PageMarkerBlocks):
    """``[Page N]`` lines among the subject and date lines: a page turning in the header."""

    name = "page-break-in-header"
    where = "among the header lines"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return state.part == HEADER and block.blank_before < SECTION_BREAK_BLANK_LINES and \
            read_page_breaks(block) is not None

    def place(self, pages: list[PageBreak], state: ParseState) -> None:
        state.document.front_breaks += pages


class PageBreakBlockRecognizer(_PageMarkerBlocks):
    """A block of ``[Page N]`` lines → one PageBreak per line, between blocks."""

    name = "page-break"
    where = "between blocks"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return read_page_breaks(block) is not None

    def place(self, pages: list[PageBreak], state: ParseState) -> None:
        state.target.extend(pages)


def recognize_page_markers(content: list[Inline], line: int, state: ParseState) -> list[Inline]:
    """``[Page N]`` inside a line → PageBreak, taking the space after it."""

    def split(text: str) -> list[Inline]:
        if "[" not in text:
            return [text]
        pieces: list[Inline] = []
        position = 0
        for match in PAGE_MARKER_INLINE.finditer(text):
            pieces.append(text[position:match.start()])
            pieces.append(PageBreak(match.group("n"), line))
            if state.reporter.explaining:
                state.reporter.decide("page-marker", excerpt(match.group().strip()), f"page break {match.group('n')}",
                                      "a page marker inside a line", line)
            position = match.end()
        pieces.append(text[position:])
        return pieces

    return map_text(content, split)


def register(recognizers: Recognizers) -> None:
    recognizers.front.register(LeadingPageBreakRecognizer(), "page-break-before-title", 100)
    recognizers.front.register(HeaderPageBreakRecognizer(), "page-break-in-header", 80)
    recognizers.blocks.register(PageBreakBlockRecognizer(), "page-break", 80)
    recognizers.inline.register(recognize_page_markers, "page-marker", 100)
