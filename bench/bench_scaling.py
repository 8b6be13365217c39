"""Does the converter take time in proportion to its input? Each case is built at growing sizes
and converted; the time per unit should stay flat as the size doubles.

    python bench/bench_scaling.py [--case NAME] [--sizes 1000,2000,4000] [--validate] [--timeout 60]
    python bench/bench_scaling.py --stages [--kilobytes 10,100,1000,10000]

A case is the input shape of a reported slowdown: an ordinary memorandum made longer, one
long paragraph, many unclosed "(NOTE:" or “, many inline page markers on one line, many
sections for ``tei speakers``, many clauses after semicolons in one paragraph, many persons
named by a title, a participant listed by role among many names with that title. Each conversion runs in a child process, so that a case
that has gone quadratic is stopped at ``--timeout`` instead of stalling the run.
Prints, per case and size: the input size, seconds, and seconds per 1,000 units; a ratio of
the last to the first per-unit time far above 1 means the cost grows faster than the input.

``--stages`` measures a memorandum of 10 KB to 10 MB (``bench_edition.joined_memorandum``:
one volume's memoranda as the sections of one body) stage by stage, in a fresh process per
size: CPU milliseconds per KB of read, recognize, resolve, encode, serialize, validate, the
HTML and the text renderings, and the peak RSS after convert + validate and after rendering.
A conversion of the smallest memorandum runs first, so that the one-time costs of a process
(patterns compiled on first use, the schema loaded) are not counted against the 10 KB row.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

    from tei.converter import Converter

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "frus1981-88v05-d256.txt"
TITLE = "12. Memorandum of Conversation\n\n"


def long_memo(n: int) -> str:
    """The bundled memorandum's body repeated ``n`` times (its footnote list kept once)."""
    text = SEED.read_text(encoding="utf-8")
    head, _, rest = text.partition("\n\n\n")
    body = rest.split("\n\n  1.", 1)[0]
    return head + "\n\n\n" + "\n\n".join([body] * n) + "\n"


def paragraph(n: int) -> str:
    return TITLE + " ".join(["Able said the talks would go on, and Baker agreed."] * n) + "\n"


def unclosed_notes(n: int) -> str:
    return TITLE + "Able said (NOTE: this " * n + "\n"


def unclosed_quotes(n: int) -> str:
    return TITLE + "Able said “yes " * n + "\n"


def inline_pages(n: int) -> str:
    return TITLE + "".join(f"word [Page {page}] " for page in range(1, n + 1)) + "\n"


def sections(n: int) -> str:
    return TITLE + "".join(f"Part {i}\n\nAble said it was fine.\n\n" for i in range(n))


def many_paragraphs(n: int) -> str:
    return TITLE + "Able said the talks would go on.\n\n" * n


PARTICIPANTS = "PARTICIPANTS:\n\nAmbassador Able\nMinister Baker\n\n\n"


def semicolons(n: int) -> str:
    return TITLE + PARTICIPANTS + "Able said yes; Baker said no; " * n + "\n"


def _surname(i: int) -> str:
    return f"Q{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676 % 26)}ton"


def titled_names(n: int) -> str:
    return TITLE + PARTICIPANTS + "".join(f"Ambassador {_surname(i)} said yes.\n\n" for i in range(n))


def role_and_names(n: int) -> str:
    return TITLE + "PARTICIPANTS:\n\nThe Secretary\nMinister Baker\n\n\n" + "".join(
        f"Secretary {_surname(i)} said yes. The Secretary said no.\n\n" for i in range(n))


CASES: dict[str, tuple[Callable[[int], str], list[int]]] = {
    "long-memo (copies)": (long_memo, [25, 50, 100, 200]),
    "one paragraph (sentences)": (paragraph, [1000, 2000, 4000, 8000]),
    "unclosed (NOTE: (count)": (unclosed_notes, [1000, 2000, 4000, 8000]),
    "unclosed “ (count)": (unclosed_quotes, [5000, 10000, 20000, 40000]),
    "inline [Page N] (count)": (inline_pages, [5000, 10000, 20000, 40000]),
    "sections (count)": (sections, [5000, 10000, 20000, 40000]),
    "paragraphs (count)": (many_paragraphs, [5000, 10000, 20000, 40000]),
    "semicolons in a paragraph (clauses)": (semicolons, [1000, 2000, 4000, 8000]),
    "titled names (count)": (titled_names, [1000, 2000, 4000, 8000]),
    "a role and names with its title (count)": (role_and_names, [1000, 2000, 4000, 8000]),
}


def _convert(text: str, validate: bool, speakers: bool, queue: multiprocessing.Queue[float]) -> None:
    from tei.converter import convert_bytes

    data = text.encode("utf-8")
    started = time.perf_counter()
    result = convert_bytes(data, "scaling.txt", validate=validate)
    if speakers:
        from tei.apps.stats import count_speakers

        count_speakers(result.tree)
    queue.put(time.perf_counter() - started)


def measure(text: str, validate: bool, speakers: bool, timeout: float) -> float | None:
    queue: multiprocessing.Queue[float] = multiprocessing.Queue()
    process = multiprocessing.Process(target=_convert, args=(text, validate, speakers, queue))
    process.start()
    process.join(timeout)
    if process.is_alive():
        process.kill()
        process.join()
        return None
    return queue.get() if not queue.empty() else None


STAGES = ("read", "recognize", "resolve", "encode", "serialize", "validate", "html", "text")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stages(path: str, warm_up: str) -> dict[str, float]:
    """CPU seconds of each stage of converting, validating and rendering the memorandum at ``path``
    (a small one is converted again and again, and each stage's least time kept)."""
    from tei.converter import default_converter
    from tei.render import render

    render(default_converter().convert_bytes(Path(warm_up).read_bytes(), validate=True).tree, "html")
    size = Path(path).stat().st_size
    runs = [_stages_once(path) for _ in range(max(1, 2_000_000 // size))]
    seconds = {stage: min(run[stage] for run in runs) for stage in STAGES}
    return {**seconds, "kb": size / 1024, "peak_convert_mb": runs[0]["peak_convert_mb"], "peak_mb": _peak_mb()}


def _stages_once(path: str) -> dict[str, float]:
    from tei.converter import default_converter, garbage_collection_paused
    from tei.render import render

    # As tei convert: the input's bytes not held past reading, the collector paused, the TEI
    # written out rather than kept.
    with garbage_collection_paused():
        seconds, tree = _convert_stages(Path(path).read_bytes(), path, default_converter())
    for stage in ("html", "text"):
        started = _cpu()
        render(tree, stage)
        seconds[stage] = _cpu() - started
    return seconds


def _convert_stages(data: bytes, path: str, converter: Converter) -> tuple[dict[str, float], etree._Element]:
    from tei.converter import Conversion, validate_conversion
    from tei.encode import encode
    from tei.errors import Reporter
    from tei.read.reader import read
    from tei.recognize import recognize
    from tei.resolve import resolve

    reporter = Reporter(path)
    seconds: dict[str, float] = {}
    started = _cpu()
    source = read(data, path, reporter)
    seconds["read"] = _cpu() - started
    del data
    started = _cpu()
    document = recognize(source, reporter, converter.recognizers)
    seconds["recognize"] = _cpu() - started
    del source  # as Converter.document does
    started = _cpu()
    resolve(document, reporter, converter.passes)
    seconds["resolve"] = _cpu() - started
    started = _cpu()
    tree = encode(document)
    seconds["encode"] = _cpu() - started
    conversion = Conversion(document, tree, reporter.diagnostics)
    started = _cpu()
    validate_conversion(conversion)  # as Converter.convert_bytes does: the tree without indentation
    seconds["validate"] = _cpu() - started
    started = _cpu()
    conversion.write(_Discard())  # the indentation written, not added to the tree
    seconds["serialize"] = _cpu() - started
    seconds["peak_convert_mb"] = _peak_mb()
    return seconds, conversion.tree  # indented, as the renderings of tei batch have it


class _Discard:
    """A binary stream that keeps nothing."""

    def write(self, data: bytes) -> int:
        return len(data)


def stage_table(kilobytes: list[int]) -> None:
    """One fresh process per size; a table of ms per KB per stage, and the peaks."""
    from bench_edition import joined_memorandum

    print("| KB | " + " | ".join(STAGES) + " | convert + validate | peak MB (convert + validate / all) |")
    print("|---" * (len(STAGES) + 3) + "|")
    with tempfile.TemporaryDirectory() as folder:
        warm_up = Path(folder) / "warm-up.txt"
        warm_up.write_bytes(joined_memorandum(min(kilobytes)))
        for size in kilobytes:
            path = Path(folder) / f"{size}.txt"
            path.write_bytes(joined_memorandum(size))
            output = subprocess.run([sys.executable, __file__, "--stage-child", str(path), str(warm_up)],
                                    check=True, capture_output=True, text=True).stdout
            row = json.loads(output)
            convert = sum(row[stage] for stage in STAGES[:6])
            print(f"| {row['kb']:,.0f} | " + " | ".join(f"{row[stage] * 1000 / row['kb']:.3f}" for stage in STAGES)
                  + f" | {convert:.2f} s | {row['peak_convert_mb']:.0f} / {row['peak_mb']:.0f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", action="append", help="only these cases (a prefix of the name)")
    parser.add_argument("--validate", action="store_true", help="also validate the TEI, as tei convert does")
    parser.add_argument("--speakers", action="store_true", help="also count the speakers, as tei speakers does")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    parser.add_argument("--stages", action="store_true", help="time each stage of a memorandum, 10 KB to 10 MB")
    parser.add_argument("--kilobytes", default="10,100,1000,10000", help="the sizes of --stages, in KB")
    parser.add_argument("--stage-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage_child:
        print(json.dumps(stages(*args.stage_child)))
        return
    if args.stages:
        stage_table([int(size) for size in args.kilobytes.split(",")])
        return
    for name, (make, sizes) in CASES.items():
        if args.case and not any(name.startswith(prefix) for prefix in args.case):
            continue
        first: float | None = None
        for size in (int(s * args.scale) for s in sizes):
            text = make(size)
            seconds = measure(text, args.validate, args.speakers, args.timeout)
            if seconds is None:
                print(f"{name:28} {size:>8,} {len(text.encode()) / 2**20:8.2f} MB   > {args.timeout:.0f} s (stopped)")
                break
            per_unit = seconds / size * 1000
            first = first or per_unit
            print(f"{name:28} {size:>8,} {len(text.encode()) / 2**20:8.2f} MB {seconds:8.2f} s "
                  f"{per_unit:8.3f} s/1000  ×{per_unit / first:.1f}", flush=True)


if __name__ == "__main__":
    main()
