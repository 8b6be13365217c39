"""recognize: :class:`~tei.read.reader.Source` → :class:`~tei.model.Document`.

A memorandum's blocks are laid out, then read in four parts, each by a registry of named recognizers
(:class:`~tei.recognize.base.Recognizers`), tried from the highest priority down:

==========  ===================================================================================
registry    what it reads
==========  ===================================================================================
layouts     the blocks of the whole text, re-cut where paragraphs are not set apart by blank lines
back        the blocks at the end that it takes (the footnote list), taken off first
front       from the start, block by block, while one of its recognizers takes the block:
            page markers, the title, the header lines under it, the participants
blocks      every other block: the first recognizer whose ``test`` is true builds it
inline      the text of every line, each recognizer rewriting the inline list in turn
==========  ===================================================================================

``tei convert --list-rules`` prints them in order. The order is fixed by the priorities
given in each module's ``register`` function; :data:`FEATURES` lists the modules.

Adding a convention
-------------------
One module per feature registers into the registries of the stages it needs (a feature
may register a front, a block and an inline recognizer, like ``page_breaks``):

======================================  ===================================================
step                                    where
======================================  ===================================================
a model class, if the text needs one    ``tei/model/`` (``Document.dump`` shows it as it is)
the recognizer: ``name``, ``test``,     ``tei/recognize/<feature>.py``; ``test`` says why
``run``; a docstring input → model      through ``state.reporter.decide(...)`` (``--explain``)
its registration, with a priority       ``register(recognizers)`` in that module; the module
                                        in :data:`FEATURES` (once per module)
a pass, if it needs the whole document  ``tei/resolve/<pass>.py`` with its ``register``
its TEI                                 ``encode_<node>`` in ``tei/encode.py``; ``schemas/``
its renderings                          ``transforms/html``, ``transforms/text``
tests                                   the rule's decisions (``tests/rules/``); a pass run
                                        alone (``tests/passkit.py``, ``tests/passes/``); a
                                        golden case (``tests/golden/``)
======================================  ===================================================

A front recognizer looks at ``state.part`` (LEAD before the title, HEADER under it,
PARTICIPANTS once they have started) and moves it on; the front matter ends at the first
block no front recognizer takes. A block recognizer's ``run`` that returns ``False`` hands the
block on to the next one (``section-break`` does).
"""

from __future__ import annotations

from functools import lru_cache
from types import ModuleType

from tei.errors import ConversionError, Reporter
from tei.model import Document
from tei.read.blocks import Block as TextBlock
from tei.read.blocks import split_blocks
from tei.read.reader import Source
from tei.recognize import (
    body,
    classification,
    closing,
    editorial,
    footnotes,
    front,
    header_fields,
    inline,
    label_key,
    layouts,
    letterhead,
    page_breaks,
    participant_groups,
    participants,
    place_lines,
    sections,
    title,
    transcript,
    typescript_pages,
)
from tei.recognize.base import LEAD, BlockRecognizer, ParseState, Recognizers, excerpt
from tei.recognize.layouts import split_layout

# The modules whose ``register`` builds the default recognizers. The order of the
# recognizers is their priorities', not this list's.
FEATURES: tuple[ModuleType, ...] = (
    layouts, page_breaks, title, front, participants, participant_groups, sections, editorial, body, inline, footnotes,
    classification, typescript_pages, header_fields, transcript, closing,
    letterhead, label_key, place_lines,
)


def build_recognizers(features: tuple[ModuleType, ...] = FEATURES) -> Recognizers:
    """Fresh registries, filled by each feature module's ``register``."""
    recognizers = Recognizers()
    for feature in features:
        feature.register(recognizers)
    return recognizers


@lru_cache(maxsize=1)
def default_recognizers() -> Recognizers:
    """The recognizers of :data:`FEATURES`, built once per process."""
    return build_recognizers()


def recognize(source: Source, reporter: Reporter, recognizers: Recognizers | None = None) -> Document:
    """Read the blocks of ``source`` into a document: back matter, front matter, body."""
    recognizers = recognizers or default_recognizers()
    blocks = split_blocks(source)
    if not blocks:
        raise ConversionError("the file has no text", source.path)
    blocks = split_layout(blocks, recognizers.layouts.ordered(), reporter)
    state = ParseState(Document(path=source.path, number="", head=[], line=0), reporter, recognizers)
    blocks = _read_back(blocks, state)
    position = _read_front(blocks, state)
    _read_body(blocks[position:], state)
    return state.document


def _read_back(blocks: list[TextBlock], state: ParseState) -> list[TextBlock]:
    """Take the trailing blocks that a back-matter recognizer takes (never the first block)."""
    registry = state.recognizers.back.ordered()
    end = len(blocks)
    taken: list[tuple[TextBlock, BlockRecognizer]] = []
    state.body = blocks  # a back-matter rule may look for evidence in the text before the block
    while end > 1:
        state.index = end - 1
        recognizer = next((r for r in registry if r.test(blocks[end - 1], state)), None)
        if recognizer is None:
            break
        end -= 1
        taken.append((blocks[end], recognizer))
    for block, recognizer in reversed(taken):
        recognizer.run(block, state)
    return blocks[:end]


def _read_front(blocks: list[TextBlock], state: ParseState) -> int:
    """Run the front recognizers from the first block on; returns the index of the first body block."""
    registry = state.recognizers.front.ordered()
    position = 0
    state.body = blocks  # a front rule may look at the block after its own (state.neighbour)
    while position < len(blocks):
        block = blocks[position]
        state.index, state.taken = position, 0
        recognizer = next((r for r in registry if r.test(block, state)), None)
        if recognizer is None:
            break
        recognizer.run(block, state)
        position += 1 + state.taken
    if state.part == LEAD:
        if position >= len(blocks):
            raise ConversionError("no title line: the file holds only page markers", state.document.path)
        line = blocks[position].lines[0]
        raise ConversionError(
            f"no title line: expected a title first (like '12. Memorandum of Conversation' or "
            f"'MEMORANDUM OF CONVERSATION'), found a sentence: {line.text.strip()[:60]!r}", state.document.path, line.number)
    if position < len(blocks) and state.reporter.explaining:
        block = blocks[position]
        state.reporter.decide("front-matter-end", excerpt(block.lines[0].text), "the body begins",
                              "no front-matter rule takes this block", block.line)
    return position


def _read_body(blocks: list[TextBlock], state: ParseState) -> None:
    registry = state.recognizers.blocks.ordered()
    state.body = blocks
    for index, block in enumerate(blocks):
        state.index = index
        for recognizer in registry:
            if recognizer.test(block, state) and recognizer.run(block, state) is not False:
                break


__all__ = ["FEATURES", "ParseState", "Recognizers", "build_recognizers", "default_recognizers", "recognize"]
