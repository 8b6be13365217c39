"""Files and streams at the command line: no input is destroyed, no output left half-written.

=================================================  ==========================================
given                                              outcome
=================================================  ==========================================
``-o`` naming the input (same path, a symbolic     exit 2 before anything is read or written;
or a hard link)                                    the input unchanged
a write that fails (a full disk)                   exit 1, one line naming the output; the
                                                   old output unchanged, no temporary file left
an input that is a device, a pipe or a folder      exit 1, one line: not a regular file
an endless standard input (``yes | tei convert -``) exit 1 after the documented size, in
                                                   bounded time and memory
standard output closed (``>&-``)                   exit 1, one line
the reader of standard output gone (``| head``)    a quiet exit (status 141), nothing on stderr
an input the user may not read                     exit 1, one line naming it
=================================================  ==========================================
"""

from __future__ import annotations

import errno
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from teitext import ROOT

import tei.converter
import tei.fileio
from tei.cli import BROKEN_PIPE_STATUS, main
from tei.read import MAX_TEXT_BYTES

SEED = ROOT / "seeds" / "frus1981-88v05-d256.txt"
MB = 2**20


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture()
def memo(tmp_path: Path) -> Path:
    path = tmp_path / "memo.txt"
    shutil.copy(SEED, path)
    return path


@pytest.fixture()
def tei_file(tmp_path: Path) -> Path:
    path = tmp_path / "memo.xml"
    path.write_bytes(tei.converter.convert_bytes(SEED.read_bytes(), "memo.txt").xml)
    return path


def _link(kind: str, target: Path) -> Path:
    link = target.with_name(f"{kind}-{target.name}")
    if kind == "symlink":
        link.symlink_to(target)
    elif kind == "hardlink":
        os.link(target, link)
    else:
        return target
    return link


@pytest.mark.parametrize("kind", ["same", "symlink", "hardlink"])
@pytest.mark.parametrize("command", ["convert", "render"])
def test_an_output_that_is_the_input_is_refused_before_anything_is_written(
        command: str, kind: str, memo: Path, tei_file: Path) -> None:
    source = memo if command == "convert" else tei_file
    before = source.read_bytes()
    output = _link(kind, source)
    args = ["convert", str(source)] if command == "convert" else ["render", str(source), "--to", "text"]
    result = invoke(*args, "-o", str(output))
    assert result.exit_code == 2, result.output
    assert "is the input file" in result.stderr and "destroy" in result.stderr
    assert source.read_bytes() == before


@pytest.mark.parametrize("command", ["convert", "render"])
def test_a_failed_write_keeps_the_old_output_and_names_the_file(
        command: str, memo: Path, tei_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "out" / "result"
    output.parent.mkdir()
    output.write_bytes(b"the old output\n")

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(tei.fileio.os, "fsync", disk_full)
    args = ["convert", str(memo)] if command == "convert" else ["render", str(tei_file), "--to", "text"]
    result = invoke(*args, "-o", str(output))
    assert result.exit_code == 1, result.output
    assert result.stderr == (f"Error: {output}: cannot write the file (No space left on device); "
                             "any previous file there is unchanged\n")
    assert output.read_bytes() == b"the old output\n"
    assert sorted(path.name for path in output.parent.iterdir()) == ["result"]


def test_a_written_output_replaces_the_old_one_whole_and_keeps_its_permissions(memo: Path, tmp_path: Path) -> None:
    output = tmp_path / "memo.tei.xml"
    output.write_bytes(b"old")
    output.chmod(0o640)
    assert invoke("convert", str(memo), "-o", str(output)).exit_code == 0
    assert output.read_bytes().startswith(b"<?xml") and output.read_bytes().endswith(b"</TEI>\n")
    assert output.stat().st_mode & 0o777 == 0o640
    assert sorted(path.name for path in tmp_path.iterdir()) == ["memo.tei.xml", "memo.txt"]


def test_an_output_through_a_symbolic_link_replaces_the_target_and_keeps_the_link(memo: Path,
                                                                                 tmp_path: Path) -> None:
    target = tmp_path / "target.xml"
    target.write_bytes(b"old")
    link = tmp_path / "link.xml"
    link.symlink_to(target)
    assert invoke("convert", str(memo), "-o", str(link)).exit_code == 0
    assert link.is_symlink() and target.read_bytes().startswith(b"<?xml")


# ---------------------------------------------------------------------------- in a child process


LIMIT = 1024 * MB  # address space of the child: a runaway read fails, not the machine


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def tei_child(*args: str, stdin: int | None = subprocess.DEVNULL, stdout: int | None = subprocess.PIPE,
              shell_suffix: str = "", timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """``tei ARGS`` in a child process with its memory capped and a time limit."""
    command = [sys.executable, "-m", "tei", *args]
    if shell_suffix:
        command = ["sh", "-c", 'exec "$@" ' + shell_suffix, "sh", *command]
    return subprocess.run(command, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, timeout=timeout,
                          preexec_fn=_limit_memory, check=False)


@pytest.mark.parametrize("command", ["convert", "render", "speakers"])
def test_an_input_that_is_not_a_regular_file_is_refused(command: str, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # opening it would wait for a writer forever
    for path in (str(fifo), "/dev/zero"):
        args = [command, path] + (["--to", "text"] if command == "render" else [])
        result = tei_child(*args, timeout=30)
        assert result.returncode == 1, result
        assert result.stderr.decode() == (f"Error: {path}: not a regular file (a device, a pipe or a socket); "
                                          "save the text to a file and give its name\n")


TITLE = "12. Memorandum of Conversation\n\n"


@pytest.mark.parametrize(("shape", "text"), [
    ("a 900 KB paragraph", TITLE + " ".join(["Able said the talks would go on, and Baker agreed."] * 17_000)),
    ("20,000 unclosed (NOTE:", TITLE + "Able said (NOTE: this " * 20_000),
    ("50,000 unclosed quotation marks", TITLE + "Able said “yes " * 50_000),
    ("50,000 page markers on one line", TITLE + "".join(f"word [Page {n}] " for n in range(1, 50_001))),
])
def test_long_lines_convert_without_hanging(shape: str, text: str, tmp_path: Path) -> None:
    """Each shape took minutes when the cost grew with the square of the line (bench_scaling.py
    measures the time per unit); the limit here only stops a hang."""
    memo = tmp_path / "long.txt"
    memo.write_text(text + "\n", encoding="utf-8")
    result = tei_child("convert", str(memo), "-o", str(tmp_path / "long.xml"), timeout=60)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "long.xml").read_bytes().endswith(b"</TEI>\n")


def test_an_endless_standard_input_stops_at_the_documented_size() -> None:
    yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    try:
        assert yes.stdout is not None
        result = tei_child("convert", "-", stdin=yes.stdout.fileno())
    finally:
        yes.kill()
        yes.wait()
        if yes.stdout is not None:
            yes.stdout.close()
    assert result.returncode == 1
    assert result.stderr.decode() == (f"Error: <stdin>: more than {MAX_TEXT_BYTES // MB:.1f} MB on standard "
                                      "input, the most tei reads; refused — split the input\n")


def test_a_closed_standard_output_is_one_line(memo: Path) -> None:
    result = tei_child("convert", str(memo), stdout=None, shell_suffix=">&-")
    assert result.returncode == 1
    assert result.stderr.decode() == "Error: <stdout>: standard output is closed; give -o FILE\n"


@pytest.mark.parametrize("command", ["convert", "render", "speakers", "validate"])
def test_a_reader_that_goes_away_ends_the_command_quietly(command: str, memo: Path, tei_file: Path,
                                                          tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>")
    args = {"convert": [str(memo)], "render": [str(tei_file), "--to", "text"], "speakers": [str(tei_file)],
            "validate": [str(broken)]}[command]
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head` that has already stopped reading
    try:
        result = tei_child(command, *args, stdout=write_end)
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr.decode()) == (BROKEN_PIPE_STATUS, "")


def test_an_input_the_user_may_not_read_is_one_line_naming_it(memo: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # The tests may run as root, who reads everything: the refusal is simulated.
    def forbidden(path: object, mode: str = "r") -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(tei.fileio, "open", forbidden, raising=False)
    result = invoke("convert", str(memo))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {memo}: cannot read the file (Permission denied); check its permissions\n"


def test_the_longest_line_converted_is_read_back_by_validate_and_render(tmp_path: Path) -> None:
    """What convert writes, validate and render read: one line just under the limit."""
    from tei.read import MAX_LINE_CHARS

    memo = tmp_path / "long.txt"
    memo.write_text("12. Memorandum of Conversation\n\n" + "&é" * (MAX_LINE_CHARS // 2) + "\n", encoding="utf-8")
    converted = tei_child("convert", str(memo), "-o", str(tmp_path / "long.xml"), timeout=120)
    assert converted.returncode == 0, converted.stderr
    checked = tei_child("validate", str(tmp_path / "long.xml"), timeout=120)
    assert checked.returncode == 0, checked.stdout
    rendered = tei_child("render", str(tmp_path / "long.xml"), "--to", "text", timeout=120)
    assert rendered.returncode == 0, rendered.stderr


def test_an_eleven_megabyte_paragraph_is_refused_in_bounded_time_and_memory(tmp_path: Path) -> None:
    memo = tmp_path / "huge.txt"
    memo.write_bytes(b"12. Memorandum of Conversation\n\n" + b"word " * (11 * MB // 5) + b"\n")
    result = tei_child("convert", str(memo), "-o", str(tmp_path / "huge.xml"))
    assert result.returncode == 1
    assert result.stderr.decode().startswith(f"Error: {memo}:3: the line is 11,534,334 characters long")
    assert not (tmp_path / "huge.xml").exists()


def test_a_new_output_has_the_usual_permissions_of_a_new_file(memo: Path, tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        assert invoke("convert", str(memo), "-o", str(tmp_path / "new.xml")).exit_code == 0
    finally:
        os.umask(umask)
    assert (tmp_path / "new.xml").stat().st_mode & 0o777 == 0o644
