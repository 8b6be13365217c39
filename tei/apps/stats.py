"""stats: who spoke how much in a TEI file (``tei speakers``).

    TEI file → count_speakers → [SpeakerCount] → format_speakers → table | csv | json

A ``teiCorpus`` (``tei batch --corpus``) is counted document by document: each row then
says which document it comes from (the document's number, or its place in the corpus).

The ``said`` elements are read back into the model (:mod:`tei.decode`) and split into
sentences by the converter's own splitter, so counts agree with what the converter decided.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import asdict, dataclass, field

from lxml import etree

from tei.decode import decode_inlines, text_of
from tei.model import Inline, PersName, Quote, Said, plain_text
from tei.namespaces import XML_NS, tei
from tei.resolve.speakers import editorial_aside, split_sentences

NO_SECTION = "(no section)"


FORMATS = ("table", "csv", "json")


@dataclass
class SpeakerCount:
    """What one speaker said in a TEI document: sentences, words, and the sections spoken in."""

    id: str
    name: str
    sentences: int = 0
    words: int = 0
    sections: list[str] = field(default_factory=list)
    #: Which document of a corpus the counts are of; "" for a single document.
    document: str = ""


def _normalize(text: str) -> str:
    return " ".join(text.split())


def _spoken_words(content: list[Inline]) -> int:
    """Words of the speaker's own text: editorial notes (and footnotes, already left out) do not count."""
    def spoken(items: list[Inline]) -> str:
        parts = []
        for item in items:
            if isinstance(item, str):
                parts.append(item)
            elif isinstance(item, PersName):
                parts.append(item.text)
            elif isinstance(item, (Quote, Said)):
                parts.append(spoken(item.content))
            else:
                parts.append(" ")
        return "".join(parts)
    return len(spoken(content).split())


def _section_labels(root: etree._Element) -> dict[etree._Element, str]:
    """Each section ``div`` → its head text, or "section N" (N counts every section, in order).

    A heading used twice (the same topic before and after lunch) gets its number too:
    "1. Trade (section 6)".
    """
    sections = [div for div in root.iter(tei("div")) if div.get("type") == "section"]
    heads = []
    for div in sections:
        head = div.find(tei("head"))
        heads.append(_normalize(text_of(head)) if head is not None else "")
    repeated = {text for text, times in Counter(heads).items() if text and times > 1}
    labels: dict[etree._Element, str] = {}
    for number, (div, text) in enumerate(zip(sections, heads, strict=True), start=1):
        labels[div] = f"{text} (section {number})" if text in repeated else text or f"section {number}"
    return labels


def count_speakers(root: etree._Element) -> list[SpeakerCount]:
    """Per speaker of a TEI document: sentences and words inside ``said``, and the sections spoken in.

    A ``said`` with ``who="#a #b"`` counts for both. Speakers come in order of sentences spoken
    (most first), then by id. Before: ``<said who="#able">Able asked. She sat.</said>``
    → after: ``[SpeakerCount("able", "Ambassador Able", sentences=2, words=4, …)]``.
    In a ``teiCorpus`` each ``TEI`` is counted on its own, in corpus order, its rows labelled
    with the document (when there is more than one); names come from the whole file, since
    the corpus header holds the shared persons.
    """
    names = {person.get(f"{{{XML_NS}}}id"): _normalize(
        text_of(name)) if (name := person.find(tei("persName"))) is not None else ""
        for person in root.iter(tei("person"))}
    if root.tag != tei("teiCorpus"):
        return _count_document(root, names, "")
    documents = list(root.iter(tei("TEI")))
    labels = _document_labels(documents) if len(documents) > 1 else [""] * len(documents)
    return [count for document, label in zip(documents, labels, strict=True)
            for count in _count_document(document, names, label)]


def _document_labels(documents: list[etree._Element]) -> list[str]:
    """Each document of a corpus → its number (``idno type="document"``), or "document N" (its place).

    A number used twice gets its place too: "12 (document 3)".
    """
    numbers = []
    for document in documents:
        idno = document.find(f"{tei('teiHeader')}//{tei('idno')}[@type='document']")
        numbers.append(_normalize(text_of(idno)) if idno is not None else "")
    repeated = {number for number, times in Counter(numbers).items() if number and times > 1}
    return [f"{number} (document {place})" if number in repeated else number or f"document {place}"
            for place, number in enumerate(numbers, start=1)]


def _count_document(root: etree._Element, names: dict[str | None, str], label: str) -> list[SpeakerCount]:
    """The counts of one ``TEI`` element (see :func:`count_speakers`), each labelled ``label``."""
    labels = _section_labels(root)
    counts: dict[str, SpeakerCount] = {}
    spoken_in: dict[str, set[str]] = {}  # the sections of each speaker, for a membership test in constant time
    text = root.find(tei("text"))
    for said in (text.iter(tei("said")) if text is not None else []):
        content = decode_inlines(said)
        sentences = [sentence for sentence in split_sentences(content)
                     if not editorial_aside(sentence) and plain_text(sentence).strip()]
        words = _spoken_words(content)
        section = next((labels[div] for div in said.iterancestors(tei("div")) if div in labels),
                       NO_SECTION)
        for pointer in (said.get("who") or "").split():
            who = pointer.lstrip("#")
            count = counts.setdefault(who, SpeakerCount(who, names.get(who) or "", document=label))
            count.sentences += len(sentences)
            count.words += words
            if section not in spoken_in.setdefault(who, set()):
                spoken_in[who].add(section)
                count.sections.append(section)
    return sorted(counts.values(), key=lambda count: (-count.sentences, -count.words, count.id))


# A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(…)").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading apostrophe."""
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def format_speakers(counts: list[SpeakerCount], output_format: str, path: str = "") -> str:
    """The counts as an aligned ``table``, ``csv`` (sections joined by "; ") or ``json``.

    Counts of a corpus (labelled with their document) get a first column "document".
    """
    by_document = any(count.document for count in counts)
    if output_format == "json":
        entries = [asdict(count) for count in counts]
        if not by_document:
            for entry in entries:
                del entry["document"]
        return json.dumps({"file": path, "speakers": entries}, ensure_ascii=False, indent=2) + "\n"
    lead = 1 if by_document else 0
    rows = [[count.document] * lead + [count.id, count.name, str(count.sentences), str(count.words),
                                       "; ".join(count.sections)] for count in counts]
    header = ["document"] * lead + ["speaker", "name", "sentences", "words", "sections"]
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([[_csv_cell(cell) for cell in row] for row in rows])
        return buffer.getvalue()
    if output_format != "table":
        raise ValueError(f"unknown format {output_format!r}; use one of: {', '.join(FORMATS)}")
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header) - 1)]
    # Text columns (document, speaker, name) align left, numbers right; sections, last, are not padded.
    numbers = {lead + 2, lead + 3}
    lines = []
    for row in [header, *rows]:
        cells = [cell.rjust(widths[i]) if i in numbers else cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines) + "\n"


__all__ = ["FORMATS", "SpeakerCount", "count_speakers", "format_speakers"]
