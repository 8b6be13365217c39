"""Accuracy of the converter on the reference corpus (a benchmark, not a test).

    .venv/bin/python bench/accuracy.py [--corpus tests/corpus] [--keep DIR] [--rng tei_all.rng]

Converts every ``NAME.txt`` of ``tests/corpus/*/`` that has a reference encoding ``NAME.xml`` beside
it, and compares the TEI written with the reference using the yardstick in ``bench/yardstick/``
(copies of the shared ``score.py`` and ``teifacts.py``, unchanged). Prints one line per document
and, as its last three lines, the totals:

    converted, tei_all-valid
    page breaks, notes, headings found and false headings
    person mentions: recall, precision on all documents and on those whose reference tags persons

``--list-persons`` first lists, per document, the person mentions missed and the output's
mentions the reference lacks (by surname key, with counts).

Figures, each matched/total:
  pb        page breaks with the same n at the same words, of those the input shows
            (a break the plain-text copy lost cannot be found; ``pb*`` counts every break); a break
            before material the input lacks is expected before the first material it has
  notes     notes with the same n after the same words and the same text (and the same, quotation
            marks left out of both texts, for an encoding that keeps them in q/@rendition)
  head      section headings of the reference that the input still shows, found as headings;
            ``false`` headings the reference does not have
  persons   recall: reference person mentions (by surname) also tagged in the output;
            precision: output person mentions that the reference has, over all documents and
            over the documents whose reference tags persons at all (``tagged``): where the
            reference tags none (some volumes leave persons untagged), every name found
            counts against precision without being wrong, so the overall figure says little
  tei_all   validity of the output against TEI P5 (all modules), checked with jing when it is
            installed, else lxml's RelaxNG (slow to compile)
"""

from __future__ import annotations

import argparse
import collections
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench" / "yardstick"))
sys.path.insert(0, str(REPO))

import score as yardstick  # bench/yardstick/score.py
import teifacts

from tei.converter import convert_file
from tei.errors import TeiError

RNG_CANDIDATES = (REPO.parent / "shared" / "tei-all" / "tei_all.rng", Path("/work/shared/tei-all/tei_all.rng"))
PAGE_SHOWN = re.compile(r"\[Page (?P<n>[^\]\s]+)\]")


@dataclass
class Row:
    name: str
    converted: bool = False
    error: str = ""
    pb: tuple[int, int] = (0, 0)
    pb_all: tuple[int, int] = (0, 0)
    notes: tuple[int, int] = (0, 0)
    notes_unquoted: tuple[int, int] = (0, 0)  # the same, quotation marks left out of the texts compared
    heads: tuple[int, int] = (0, 0)
    false_heads: list[str] = field(default_factory=list)
    persons: tuple[int, int] = (0, 0)
    persons_out: tuple[int, int] = (0, 0)  # output mentions the reference has / all output mentions
    persons_missed: dict[str, int] = field(default_factory=dict)  # surname key → mentions not tagged
    persons_extra: dict[str, int] = field(default_factory=dict)  # surname key → mentions the reference lacks
    valid: bool | None = None
    missed: list[str] = field(default_factory=list)


def shown_pages(text: str, gold_pbs: list[dict[str, object]], typescript: bool) -> list[dict[str, object]]:
    """The reference's page breaks that the input shows: a ``[Page N]`` marker in a web copy; in a
    typescript every break, since its page numbers are part of the text."""
    if typescript:
        return gold_pbs
    markers = {match.group("n") for match in PAGE_SHOWN.finditer(text)}
    return [pb for pb in gold_pbs if pb["n"] in markers]


def at_first_material_shown(gold: Path, text: str, pbs: list[dict[str, object]]) -> list[dict[str, object]]:
    """The reference's page breaks between blocks, each placed before the first block that the input
    shows: a break before material the plain text lacks (a dateline, a list's label) stands, in
    the input, before what follows that material, so it is compared there."""
    input_words = " " + " ".join(key for word in text.split() if (key := teifacts.word_key(word))) + " "

    def shown(block: teifacts.Block) -> bool:
        words = [teifacts.word_key(word) for word in block.words[:teifacts.CTX]]
        return " " + " ".join(word for word in words if word) + " " in input_words

    reader = teifacts.Reader(teifacts.doc_root(etree.parse(str(gold))))
    between = [event for event in reader.events if event.kind == "pb" and event.pos is None]
    projected = []
    for pb in pbs:
        event = next((e for e in between if e.n == pb["n"]), None)
        if pb["inline"] or event is None or event.block >= len(reader.blocks) or shown(reader.blocks[event.block]):
            projected.append(pb)
            continue
        following = [block for block in reader.blocks[event.block:] if shown(block)]
        after = [teifacts.word_key(word) for block in following[:teifacts.CTX] for word in block.words]
        projected.append({**pb, "after": after[:teifacts.CTX]})
    return projected


QUOTATION_MARKS = str.maketrans("", "", "“”\"‘’'")


def unquoted(notes: list[dict[str, object]]) -> list[dict[str, object]]:
    """Notes with their text's quotation marks left out: an encoding may keep them in ``q/@rendition``."""
    return [{**note, "text": str(note["text"]).translate(QUOTATION_MARKS)} for note in notes]


def person_counts(gold: Path, out: Path) -> tuple[collections.Counter[str], collections.Counter[str]]:
    """Person mentions by surname key: the reference's and the output's."""
    return (collections.Counter(yardstick.surname_key(p) for p in teifacts.facts(str(gold))["persons"]),
            collections.Counter(yardstick.surname_key(p) for p in teifacts.facts(str(out))["persons"]))


def person_precision(gold: Path, out: Path) -> tuple[int, int]:
    gold_count, out_count = person_counts(gold, out)
    return sum(min(count, gold_count[key]) for key, count in out_count.items()), sum(out_count.values())


def person_differences(gold: Path, out: Path) -> tuple[dict[str, int], dict[str, int]]:
    """(missed, extra): surname key → how many mentions the output lacks, and has beyond the reference's."""
    gold_count, out_count = person_counts(gold, out)
    return ({key: count - out_count[key] for key, count in gold_count.items() if out_count[key] < count},
            {key: count - gold_count[key] for key, count in out_count.items() if gold_count[key] < count})


def measure(txt: Path, out_dir: Path) -> Row:
    row = Row(txt.parent.name + "/" + txt.stem)
    gold = txt.with_suffix(".xml")
    try:
        conversion = convert_file(txt)
    except TeiError as error:
        row.error = str(error).split(": ", 1)[-1][:70]
        return row
    except Exception as error:  # noqa: BLE001  (a crash is a finding of the benchmark, not a reason to stop it)
        row.error = f"crash: {type(error).__name__}: {error}"[:70]
        return row
    row.converted = True
    out = out_dir / f"{txt.parent.name}-{txt.stem}.tei.xml"
    out.write_bytes(conversion.xml)
    text = txt.read_text(encoding="utf-8")
    result = yardstick.score(str(gold), str(out), None, text)
    gold_facts, out_facts = teifacts.facts(str(gold)), teifacts.facts(str(out))
    shown = at_first_material_shown(gold, text, shown_pages(text, gold_facts["pbs"], txt.parent.name == "typescript"))
    row.pb = (yardstick.match_pbs(shown, out_facts["pbs"]), len(shown))
    row.pb_all = result["pb"]
    row.notes = result["notes"]
    row.notes_unquoted = (yardstick.match_notes(unquoted(gold_facts["notes"]), unquoted(out_facts["notes"]))[0],
                          len(gold_facts["notes"]))
    row.heads = result["titles"]
    row.false_heads = result["false_titles"]
    row.persons = result["persons"]
    row.persons_out = person_precision(gold, out)
    row.persons_missed, row.persons_extra = person_differences(gold, out)
    if result["notes_missed"]:
        row.missed.append("notes " + ",".join(str(n) for n in result["notes_missed"]))
    return row


def check_tei_all(outputs: dict[str, Path], rng: Path | None) -> dict[str, bool]:
    """name → valid; jing checks all files in one run (its report names the invalid ones)."""
    if rng is None or not outputs:
        return {}
    if shutil.which("jing"):
        done = subprocess.run(["jing", str(rng), *map(str, outputs.values())], capture_output=True, text=True,
                              timeout=600, check=False)
        bad = {line.split(":", 1)[0] for line in done.stdout.splitlines() if ":" in line}
        return {name: str(path) not in bad for name, path in outputs.items()}
    schema = etree.RelaxNG(etree.parse(str(rng)))
    return {name: bool(schema.validate(etree.parse(str(path)))) for name, path in outputs.items()}


def fraction(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}"


def percent(pair: tuple[int, int]) -> str:
    return f"{100 * pair[0] / pair[1]:.1f}%" if pair[1] else "–"


def person_listing(rows: list[Row]) -> list[str]:
    """Per document, the person mentions missed and those the reference lacks (surname key ×count);
    "extra" only where the reference tags persons at all."""
    def counted(keys: dict[str, int]) -> str:
        return ", ".join(key if count == 1 else f"{key}×{count}" for key, count in sorted(keys.items()))

    lines = []
    for row in rows:
        if row.persons_missed:
            lines.append(f"{row.name:44} missed {counted(row.persons_missed)}")
        if row.persons_extra and row.persons[1]:
            lines.append(f"{row.name:44} extra  {counted(row.persons_extra)}")
    return lines


def report(rows: list[Row]) -> list[str]:
    lines = [(f"{'document':44} {'conv':4} {'pb':>7} {'pb*':>7} {'notes':>7} {'head':>6} {'false':>5} "
             f"{'persons':>7} {'prec':>7} {'tei_all':>7}")]
    for row in rows:
        if not row.converted:
            lines.append(f"{row.name:44} {'NO':4} {row.error}")
            continue
        valid = "valid" if row.valid else "INVALID" if row.valid is False else "n/a"
        lines.append(f"{row.name:44} {'yes':4} {fraction(row.pb):>7} {fraction(row.pb_all):>7} "
                     f"{fraction(row.notes):>7} {fraction(row.heads):>6} {len(row.false_heads):>5} "
                     f"{fraction(row.persons):>7} {fraction(row.persons_out):>7} {valid:>7}"
                     + (f"  false: {'; '.join(h[:30] for h in row.false_heads)}" if row.false_heads else "")
                     + (f"  missed {'; '.join(row.missed)}" if row.missed else ""))

    def total(attribute: str) -> tuple[int, int]:
        pairs = [getattr(row, attribute) for row in rows if row.converted]
        return sum(p[0] for p in pairs), sum(p[1] for p in pairs)

    converted = sum(row.converted for row in rows)
    checked = [row for row in rows if row.valid is not None]
    false_heads = sum(len(row.false_heads) for row in rows)
    lines.append(f"TOTAL converted {converted}/{len(rows)}  tei_all valid "
                 f"{sum(bool(row.valid) for row in checked)}/{len(checked)}")
    lines.append(f"TOTAL pb {fraction(total('pb'))} ({percent(total('pb'))}; every break {fraction(total('pb_all'))})"
                 f"  notes {fraction(total('notes'))} ({percent(total('notes'))}; quotation marks aside "
                 f"{fraction(total('notes_unquoted'))}, {percent(total('notes_unquoted'))})"
                 f"  headings {fraction(total('heads'))} ({percent(total('heads'))}) false {false_heads}")
    tagged = [row.persons_out for row in rows if row.converted and row.persons[1]]
    tagged_total = (sum(pair[0] for pair in tagged), sum(pair[1] for pair in tagged))
    lines.append(f"TOTAL persons recall {fraction(total('persons'))} ({percent(total('persons'))})"
                 f"  precision {fraction(total('persons_out'))} ({percent(total('persons_out'))}) on all documents,"
                 f" {fraction(tagged_total)} ({percent(tagged_total)}) on the {len(tagged)} whose reference tags"
                 f" persons")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "tests" / "corpus")
    parser.add_argument("--keep", type=Path, help="write the converted TEI here (default: a temporary directory)")
    parser.add_argument("--rng", type=Path, help="tei_all.rng (default: the shared copy, when there is one)")
    parser.add_argument("--list-persons", action="store_true",
                        help="also list, per document, the person mentions missed and those the reference lacks")
    args = parser.parse_args(argv)
    rng = args.rng or next((path for path in RNG_CANDIDATES if path.is_file()), None)
    inputs = sorted(txt for txt in args.corpus.glob("*/*.txt") if txt.with_suffix(".xml").is_file())
    with tempfile.TemporaryDirectory() as scratch:
        out_dir = args.keep or Path(scratch)
        out_dir.mkdir(parents=True, exist_ok=True)
        rows = [measure(txt, out_dir) for txt in inputs]
        outputs = {row.name: out_dir / f"{row.name.replace('/', '-')}.tei.xml" for row in rows if row.converted}
        for name, valid in check_tei_all(outputs, rng).items():
            next(row for row in rows if row.name == name).valid = valid
    if args.list_persons:
        print("\n".join(person_listing(rows)))
    print("\n".join(report(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
