"""A realistic collection of memoranda, made from the bundled ones, the same for the same seed.

    templates (seeds/*.txt, tests/samples/*.txt)
      → for each document: pick a template → give its participants the names of the volume's cast
        → number it in its volume → renumber its [Page N] markers from where the last one ended
        → shuffle the paragraphs inside each section → make some paragraphs shorter or longer
        → move its date along the volume's calendar
      → OUTPUT/volNN/dNNN.txt

Usage: ``python bench/generate.py OUTPUT_DIR [--count 500] [--seed 1] [--per-volume 300] [--check]``

**What is varied, and how the text stays convertible.** Only the templates' own structure is
used, never tei's own reading of them, so that the collection stays the same when the
converter changes (a benchmark must measure the same work from one version to the next).
A participant's surname is the last word of its participant line, its forename the word
before (middle initials aside) unless that word is a title, i.e. a word the templates write
after "the" or before two different names (a title seen once, before one name only, is
taken for a forename: harmless, it is replaced like one) (``• Ambassador Jane E. Roe (NSC)`` → ``Jane``,
``Roe``; ``• Ambassador Roe`` → ``Roe``; ``• The Secretary`` has no name), so the code names
no one. Each volume has a cast of generated persons (syllables, checked against every word
of the templates); a template's participants get distinct cast members, and each name is
replaced everywhere in the document, notes included (``Jane E. Roe`` → ``Dorin E. Brelkov``,
``Roe`` → ``Brelkov``), so that the cast recurs across documents as real people recur
across a volume.

What the converter relies on is kept in place: the title line, the participant list, the
footnotes, headings and editorial notes, the blank lines between blocks (one blank line
between paragraphs, more before a new section), and every paragraph that carries a footnote
number, so that footnotes stay numbered in reading order.
Page markers move with their paragraphs and are then renumbered in reading order, so pages
still increase. Sentences are cut or borrowed only where quotation marks are balanced.

``--check`` converts and validates every generated text and fails if any is not accepted.
"""

from __future__ import annotations

import argparse
import datetime
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_GLOBS = ("seeds/*.txt", "tests/samples/*.txt")

TITLE = re.compile(r"^(?P<number>\d+)(?P<rest>\. .*)$")
BULLET = re.compile(r"^\s+• ")
FOOTNOTE = re.compile(r"^\s+\d+\. ")
PAGE = re.compile(r"\[Page (?P<n>\d+)\]")
# A footnote number glued to the word or punctuation before it ("again.2", "memorandum3 ").
# It over-matches ("4D" aside, any digit glued to a letter); that only keeps a paragraph in place.
NOTE_REFERENCE = re.compile(r"[^\s\d\[(#$/–-]\d{1,3}(?![\d])")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
DATELINE = re.compile(rf"^(?P<place>[^,\n]+, )?(?P<month>{'|'.join(MONTHS)}) (?P<day>\d{{1,2}}), (?P<year>\d{{4}})$")
# Where a sentence ends: after . ? ! (and a closing quote), before a capital or an opening quote.
SENTENCE_END = re.compile(r"(?<=[.?!])([”’\"]?)\s+(?=[A-Z“\"])")
# Words a period follows without ending the sentence.
ABBREVIATIONS = frozenset({"Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Amb", "No", "Jr", "Sr", "Messrs", "Lt", "Col",
                           "Adm", "Gov", "Rep", "Prof", "vol", "pp", "p", "Dept"})

ONSETS = ("b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "pr", "r", "s", "st", "t", "tr",
          "v", "w", "z", "ch", "sh")
VOWELS = ("a", "e", "i", "o", "u", "ar", "el", "or", "an", "en", "il")
ENDINGS = ("", "ov", "son", "er", "ski", "ton", "ley", "man", "ez", "ini", "enko", "berg", "ard", "ick")
FORENAME_ENDINGS = ("", "", "a", "o", "in", "el", "ard")


@dataclass(frozen=True)
class Name:
    forename: str  # "" when the participant line gives none
    surname: str


@dataclass
class Template:
    """A bundled memorandum, cut into the parts the generator treats differently."""

    path: Path
    preamble: list[str]          # title line … last participant line
    blocks: list[str]            # the body's blocks (paragraphs, headings, notes, page markers)
    separators: list[str]        # the blank lines before each block
    tail: str                    # the blank lines and footnotes after the body
    names: list[Name]            # of the participants, longest surname first


# ---------------------------------------------------------------------------- templates


BULLET_NAME = re.compile(r"^\s+•\s+(?P<name>[^,(]+)")
SURNAME = re.compile(r"[A-Z][A-Za-z’'\-]*[a-z][A-Za-z’'\-]*")


def titles(text: str) -> set[str]:
    """Capitalized words used as titles in ``text``: after "the", or before two different names.

    ``"the Ambassador said … Ambassador Roe and Ambassador Doe"`` → ``{"Ambassador"}``.
    """
    found = set(re.findall(r"\b[Tt]he ([A-Z][a-z]+)\b", text))
    following: dict[str, set[str]] = {}
    words = re.findall(r"[A-Za-z’'.]+", text)
    for word, after in pairwise(words):
        if word[:1].isupper() and after[:1].isupper():
            following.setdefault(word, set()).add(after)
    return found | {word for word, names in following.items() if len(names) >= 2}


def participant_names(preamble: list[str], title_words: set[str]) -> list[Name]:
    """The participant lines → the participants' names, longest surname first.

    ``• Ambassador Jane E. Roe (NSC)`` → ``Name("Jane", "Roe")``; ``• Mr. J. Doe, Counselor``
    → ``Name("J.", "Doe")`` (an initial for a forename); ``• The Secretary`` (an office) and
    ``• USUN`` (not a name) give none.
    """
    found: dict[str, Name] = {}
    for line in preamble:
        match = BULLET_NAME.match(line)
        words = match.group("name").split() if match else []
        if len(words) < 2 or words[0] == "The":
            continue
        surname = words[-1].strip(".;:")
        if not SURNAME.fullmatch(surname) or surname in found:
            continue
        before = words[:-1]
        initials: list[str] = []
        while before and re.fullmatch(r"[A-Z]\.", before[-1]):
            initials.insert(0, before.pop())
        forename = before[-1] if before else ""
        if not (forename.isalpha() and forename[:1].isupper() and forename[1:].islower()
                and len(forename) > 2 and forename not in title_words):
            # No forename written out: the first initial stands for it ("Mr. J. Doe").
            forename = initials[0] if initials else ""
        found[surname] = Name(forename, surname)
    return sorted(found.values(), key=lambda name: -len(name.surname))


def load_template(path: Path, title_words: set[str] | None = None) -> Template:
    """A memorandum's text → its parts; see :class:`Template`. ``title_words``: see :func:`titles`."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    lines = text.split("\n")
    end = len(lines)
    while end > 0 and (not lines[end - 1].strip() or FOOTNOTE.match(lines[end - 1])):
        end -= 1
    bullets = [i for i, line in enumerate(lines[:end]) if BULLET.match(line)]
    start = bullets[-1] + 1 if bullets else 1
    blocks, separators = [], []
    blank = 0
    current: list[str] = []
    for line in lines[start:end]:
        if line.strip():
            if not current:
                separators.append("\n" * (blank + 1))
            current.append(line)
            blank = 0
        else:
            if current:
                blocks.append("\n".join(current))
                current = []
            blank += 1
    if current:
        blocks.append("\n".join(current))
    tail = "\n" + "\n".join(lines[end:])
    if title_words is None:
        title_words = titles(text)
    return Template(path, lines[:start], blocks, separators, tail, participant_names(lines[:start], title_words))


def load_templates() -> list[Template]:
    paths = sorted(p for pattern in TEMPLATE_GLOBS for p in ROOT.glob(pattern))
    # Titles are learned from all the templates together: more evidence than one gives.
    title_words = titles("\n".join(p.read_text(encoding="utf-8") for p in paths))
    return [load_template(p, title_words) for p in paths]


# ---------------------------------------------------------------------------- names


def _vocabulary(templates: list[Template]) -> set[str]:
    words: set[str] = set()
    for template in templates:
        for part in (*template.preamble, *template.blocks, template.tail):
            words.update(w.casefold() for w in re.findall(r"[A-Za-z]+", part))
    return words


def _word(rng: random.Random, syllables: int, endings: tuple[str, ...]) -> str:
    word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables)) + rng.choice(endings)
    return word.capitalize()


def make_cast(rng: random.Random, size: int, avoid: set[str]) -> list[Name]:
    """``size`` generated persons, no surname twice, no name a word of the templates."""
    cast: list[Name] = []
    surnames: set[str] = set()
    while len(cast) < size:
        surname = _word(rng, rng.choice((1, 2, 2, 3)), ENDINGS)
        forename = _word(rng, rng.choice((1, 2)), FORENAME_ENDINGS)
        if (len(surname) < 4 or len(forename) < 3 or surname in surnames or surname.casefold() in avoid
                or forename.casefold() in avoid):
            continue
        surnames.add(surname)
        cast.append(Name(forename, surname))
    return cast


def swap_names(text: str, names: list[Name], cast: list[Name]) -> str:
    """Give each of ``names`` the name of the cast member at the same place, everywhere in the text.

    ``Jane E. Roe`` → ``Dorin E. Brelkov`` (``J. Roe`` → ``D. Brelkov``), then ``Roe`` → ``Brelkov``.
    The generated names are no word of the templates, so a new name is never taken for an old one.
    """
    if not names:
        return text
    for name, member in zip(names, cast):
        if name.forename:
            # An initial stays an initial: "J. Doe" → "D. Brelkov".
            forename = f"{member.forename[0]}." if name.forename.endswith(".") else member.forename
            full = re.compile(rf"\b{re.escape(name.forename)}(?P<middle>(?: [A-Z]\.)*) {re.escape(name.surname)}\b")
            text = full.sub(f"{forename}\\g<middle> {member.surname}", text)
    new = {name.surname: member.surname for name, member in zip(names, cast)}
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(surname) for surname in new) + r")\b")
    return pattern.sub(lambda match: new[match.group(0)], text)


# ---------------------------------------------------------------------------- paragraphs


def sentences(paragraph: str) -> list[str]:
    """A paragraph → its sentences (abbreviations and initials do not end one)."""
    parts: list[str] = []
    start = 0
    for match in SENTENCE_END.finditer(paragraph):
        before = paragraph[start:match.start()].rstrip(".?!”’\"")
        last_word = before.split()[-1] if before.split() else ""
        last_word = last_word.split(".")[-1] if "." in last_word else last_word
        if last_word in ABBREVIATIONS or len(last_word) <= 1 or re.search(r"\b[A-Z]\.[A-Z]$", paragraph[:match.start()]
                                                                         .rstrip(".")):
            continue
        parts.append(paragraph[start:match.end(1) if match.group(1) else match.start()])
        start = match.end()
    parts.append(paragraph[start:])
    return [p for p in parts if p]


def _balanced(text: str) -> bool:
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0 and text.count("(") == text.count(")") \
        and text.count("[") == text.count("]")


def movable(block: str) -> bool:
    """A paragraph that can change place, length or company: plain prose, no footnote number.

    Headings (no closing punctuation), editorial notes ``[…]``, lone page markers and
    paragraphs that carry a footnote number stay where they are.
    """
    plain = PAGE.sub("", block).strip()
    return (len(plain) > 60 and "\n" not in block and plain[0].isupper() and plain[-1] in ".?!”\"’"
            and not plain.startswith("[") and NOTE_REFERENCE.search(plain) is None and _balanced(plain))


def vary_length(paragraph: str, donors: list[str], rng: random.Random) -> str:
    """Cut a paragraph after one of its sentences, or add sentences borrowed from ``donors``."""
    parts = sentences(paragraph)
    choice = rng.random()
    if choice < 0.3 and len(parts) > 1:
        keep = rng.randint(1, len(parts) - 1)
        cut = " ".join(parts[:keep])
        if _balanced(cut) and not PAGE.search(" ".join(parts[keep:])):
            return cut
    elif choice < 0.6 and donors:
        extra = [s for s in sentences(rng.choice(donors)) if _balanced(s) and not PAGE.search(s)]
        if extra:
            return paragraph + " " + " ".join(rng.sample(extra, min(len(extra), rng.randint(1, 3))))
    return paragraph


def vary_body(template: Template, rng: random.Random) -> tuple[list[str], list[str]]:
    """The body's blocks → shuffled within each run of plain paragraphs, some shorter or longer,
    a few dropped or repeated; the separators (blank lines) stay with their places."""
    blocks, separators = list(template.blocks), list(template.separators)
    donors = [b for b in blocks if movable(b)]
    runs: list[list[int]] = []
    for i, block in enumerate(blocks):
        if movable(block) and (runs and runs[-1][-1] == i - 1 and separators[i] == "\n\n"):
            runs[-1].append(i)
        elif movable(block):
            runs.append([i])
    for run in runs:
        order = [blocks[i] for i in run]
        rng.shuffle(order)
        for i, block in zip(run, order):
            blocks[i] = vary_length(block, donors, rng)
    # Drop or repeat whole paragraphs, never emptying a run.
    out_blocks: list[str] = []
    out_separators: list[str] = []
    run_of = {i: run for run in runs for i in run}
    dropped: dict[int, int] = {}
    for i, (block, separator) in enumerate(zip(blocks, separators)):
        here = run_of.get(i)
        # The first of a run is never dropped: its separator may be a section's.
        if here is not None and i != here[0] and len(here) - dropped.get(id(here), 0) > 1 and rng.random() < 0.1:
            dropped[id(here)] = dropped.get(id(here), 0) + 1
            continue
        out_blocks.append(block)
        out_separators.append(separator)
        if here is not None and rng.random() < 0.12:
            out_blocks.append(vary_length(rng.choice(donors), donors, rng))
            out_separators.append("\n\n")
    return out_blocks, out_separators


def renumber_pages(text: str, first: int) -> tuple[str, int]:
    """Every ``[Page N]`` in reading order → ``first``, ``first + 1``, …; returns the text and the next number."""
    counter = first

    def next_page(match: re.Match[str]) -> str:
        nonlocal counter
        counter += 1
        return f"[Page {counter - 1}]"

    return PAGE.sub(next_page, text), counter


# ---------------------------------------------------------------------------- documents


def generate(count: int = 500, seed: int = 1, per_volume: int = 300, cast_size: int = 120) -> Iterator[tuple[str, str]]:
    """``count`` memoranda → (relative path, text), deterministic for a seed."""
    rng = random.Random(seed)
    templates = load_templates()
    avoid = _vocabulary(templates)
    volumes = (count + per_volume - 1) // per_volume
    for volume in range(1, volumes + 1):
        cast = make_cast(rng, cast_size, avoid)
        # Some persons are present in most documents, others in few, as in a real volume.
        weights = [1 / (rank + 1) ** 0.7 for rank in range(len(cast))]
        page = rng.randint(1, 40)
        day = datetime.date(rng.randint(1955, 1988), rng.randint(1, 12), 1)
        in_volume = min(per_volume, count - (volume - 1) * per_volume)
        for number in range(1, in_volume + 1):
            template = rng.choice(templates)
            chosen: list[Name] = []
            while len(chosen) < len(template.names):
                member = rng.choices(cast, weights)[0]
                if member not in chosen:
                    chosen.append(member)
            blocks, separators = vary_body(template, rng)
            preamble = list(template.preamble)
            title = TITLE.match(preamble[0])
            if title:
                preamble[0] = f"{number}{title.group('rest')}"
            day += datetime.timedelta(days=rng.randint(0, 6))
            for i, line in enumerate(preamble):
                date = DATELINE.match(line.strip())
                if date:
                    preamble[i] = f"{date.group('place') or ''}{MONTHS[day.month - 1]} {day.day}, {day.year}"
            body = "".join(separator + block for separator, block in zip(separators, blocks))
            text = "\n".join(preamble) + body + template.tail
            text = swap_names(text, template.names, chosen)
            text, page = renumber_pages(text, page + rng.randint(0, 1))
            yield f"vol{volume:02d}/d{number:03d}.txt", text


def check(folder: Path, paths: list[str]) -> list[str]:
    """Convert and validate each generated file; → the problems (empty: all accepted)."""
    from tei.converter import convert_bytes
    from tei.errors import Level, TeiError

    problems = []
    for relative in paths:
        path = folder / relative
        try:
            result = convert_bytes(path.read_bytes(), str(path), validate=True)
        except TeiError as error:
            problems.append(str(error))
            continue
        problems += [str(d) for d in result.diagnostics if d.level >= Level.ERROR]
        problems += [str(d) for d in result.validation or []]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", type=Path, help="folder to write volNN/dNNN.txt into")
    parser.add_argument("--count", type=int, default=500, help="number of memoranda (default 500)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-volume", type=int, default=300, help="memoranda per volume folder (default 300)")
    parser.add_argument("--check", action="store_true", help="convert and validate every text generated")
    args = parser.parse_args(argv)
    written, size = [], 0
    for relative, text in generate(args.count, args.seed, args.per_volume):
        path = args.output / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        written.append(relative)
        size += len(data)
    print(f"{len(written)} memoranda, {size / 1e6:.1f} MB, in {args.output}", file=sys.stderr)
    if args.check:
        problems = check(args.output, written)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(f"{len(problems)} problems", file=sys.stderr)
            return 1
        print("all accepted by the converter and valid", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
