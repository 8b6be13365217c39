"""The reference corpus in other layouts, to measure how the converter reads them.

    .venv/bin/python bench/layouts.py --layout unspaced /tmp/unspaced
    .venv/bin/python bench/accuracy.py --corpus /tmp/unspaced

Writes a copy of ``tests/corpus/*/`` (each ``NAME.txt`` beside its reference ``NAME.xml``) whose
texts are laid out as other sources lay out the same words:

``unspaced``    no blank lines: one line a paragraph, as a word processor's "plain text" export
                or a copy from some viewers gives it
``wrapped``     paragraphs broken into lines of at most 68 characters, blank lines kept, as a
                typed transcription is
``typewriter``  paragraphs broken into lines of at most 68 characters, each opening indented
                five spaces, with no blank line between two such paragraphs
``exported``    no blank lines, and the numbered notes at the margin ("1. Source: …"), as a
                word processor writes endnotes into plain text

Only the line breaks and blank lines change, never the words: ``[Page N]`` markers are never
broken across lines.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WIDTH = 68
INDENT = " " * 5
# A line this long was not broken by a typist: it is a paragraph on one line.
PARAGRAPH_LINE = 72
_UNBREAKABLE = re.compile(r"\[Page [^\]\s]+\]")
_NBSP = "\u00a0"


def unspaced(text: str) -> str:
    return re.sub(r"\n(?:[ \t]*\n)+", "\n", text)


def _wrap(line: str, first_indent: str) -> list[str]:
    protected = _UNBREAKABLE.sub(lambda match: match.group().replace(" ", _NBSP), line.strip())
    lines = textwrap.wrap(protected, WIDTH, initial_indent=first_indent, break_long_words=False,
                          break_on_hyphens=False)
    return [wrapped.replace(_NBSP, " ") for wrapped in lines]


def _paragraph_blocks(text: str) -> list[list[str]]:
    return [block.split("\n") for block in re.split(r"\n[ \t]*\n", text)]


def _is_paragraph(block: list[str]) -> bool:
    return len(block) == 1 and len(block[0]) > PARAGRAPH_LINE and not block[0].startswith((" ", "\t"))


def wrapped(text: str) -> str:
    blocks = [_wrap(block[0], "") if _is_paragraph(block) else block for block in _paragraph_blocks(text)]
    return "\n\n".join("\n".join(block) for block in blocks)


def typewriter(text: str) -> str:
    out: list[str] = []
    previous_was_paragraph = False
    for block in _paragraph_blocks(text):
        paragraph = _is_paragraph(block)
        lines = _wrap(block[0], INDENT) if paragraph else block
        separator = "\n" if paragraph and previous_was_paragraph else "\n\n"
        out.append((separator if out else "") + "\n".join(lines))
        previous_was_paragraph = paragraph
    return "".join(out)


def exported(text: str) -> str:
    return re.sub(r"^[ \t]+(?=\d{1,4}\. )", "", unspaced(text), flags=re.MULTILINE)


LAYOUTS: dict[str, Callable[[str], str]] = {"unspaced": unspaced, "wrapped": wrapped, "typewriter": typewriter,
                                            "exported": exported}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layout", choices=sorted(LAYOUTS), required=True)
    parser.add_argument("--corpus", type=Path, default=REPO / "tests" / "corpus")
    parser.add_argument("out", type=Path, help="the folder to write the copy into")
    args = parser.parse_args(argv)
    layout = LAYOUTS[args.layout]
    count = 0
    for txt in sorted(args.corpus.glob("*/*.txt")):
        reference = txt.with_suffix(".xml")
        if not reference.is_file():
            continue
        target = args.out / txt.parent.name
        target.mkdir(parents=True, exist_ok=True)
        (target / txt.name).write_text(layout(txt.read_text(encoding="utf-8")), encoding="utf-8")
        shutil.copyfile(reference, target / reference.name)
        count += 1
    print(f"{count} documents laid out {args.layout} in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
