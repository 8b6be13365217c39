"""Start-up of a single-file command, and the part of it that is not ours.

Usage: ``python bench/bench_startup.py [--runs 21] [--no-instructions]``

Each command is a new process. Two figures for each:

``CPU ms``        user + system time of the process, median and best of ``--runs``: the figure
                  the targets are stated in, but it follows the machine's load.
``instructions``  what ``valgrind --tool=callgrind`` counts for one run: the same for the same
                  bytecode and inputs whatever else the machine is doing, so the shares between
                  the commands hold on a busy machine (skipped where valgrind is not installed).

The floor rows are what any ``tei`` command pays before a line of ours runs: the interpreter,
and the interpreter with click imported (click is the project's CLI library). Bytecode is
warmed first and ``PYTHONDONTWRITEBYTECODE`` removed from the environment, as a user runs it.
The conversion runs twice: with the user's cache folder, which the first run fills with the
compiled patterns (``tei/lexicon/stored.py``), and with an empty cache folder each time (cold).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

TINY = "1. Memorandum of Conversation\n\nWashington, May 1, 1980\n\nAble said hello.\n"


COLD = "(cache cold)"


def commands(tiny: Path) -> dict[str, list[str]]:
    python = sys.executable
    tei = shutil.which("tei", path=str(Path(python).parent)) or shutil.which("tei") or "tei"
    return {"python -c pass": [python, "-c", "pass"],
            "python -c 'import click'": [python, "-c", "import click"],
            "tei --help": [tei, "--help"],
            "tei convert (tiny file)": [tei, "convert", str(tiny), "-q"],
            f"tei convert (tiny file) {COLD}": [tei, "convert", str(tiny), "-q"]}


def environment(cache: str | None = None) -> dict[str, str]:
    """The environment of a run; ``cache``: the cache folder, else the user's."""
    return {**{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
            **({"TEI_CACHE_DIR": cache} if cache else {})}


def cpu_ms(command: list[str], runs: int, cold: bool = False) -> tuple[float, float]:
    """Median and best CPU time (ms) of ``runs`` runs of ``command`` (``cold``: each with an
    empty cache folder)."""
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=environment())  # warm bytecode
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=environment(cache if cold else None))
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
    return statistics.median(times), min(times)


def instructions(command: list[str], folder: Path, cold: bool = False) -> int | None:
    """Instructions of one run under callgrind, or None without valgrind."""
    if not shutil.which("valgrind"):
        return None
    with tempfile.TemporaryDirectory() as cache:
        result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder / 'callgrind.out'}",
                                 *command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                env=environment(cache if cold else None), check=True)
    found = re.search(r"Collected : (\d+)", result.stderr)
    return int(found.group(1)) if found else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--no-instructions", action="store_true", help="skip the callgrind counts")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        tiny = folder / "tiny.txt"
        tiny.write_text(TINY, encoding="utf-8")
        print(f"load average {os.getloadavg()[0]:.2f}\n")
        print("| command | CPU ms, median | CPU ms, best | instructions (M) |\n|---|---|---|---|")
        for label, command in commands(tiny).items():
            cold = label.endswith(COLD)
            median, best = cpu_ms(command, options.runs, cold)
            counted = None if options.no_instructions else instructions(command, folder, cold)
            shown = "–" if counted is None else f"{counted / 1e6:.1f}"
            print(f"| {label} | {median:.1f} | {best:.1f} | {shown} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
