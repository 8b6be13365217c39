"""What every ``tei`` command shares: its output by verbosity, its exit rules, reading its
input and writing its output. :mod:`tei.cli` declares the commands with these.
"""

from __future__ import annotations

import functools
import io
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

import click
from click import formatting

if TYPE_CHECKING:
    from tei.errors import Diagnostic

#: Writes some bytes to a stream and returns how many (``Conversion.write``): a large output
#: goes to its file without being held whole.
Writer = Callable[[BinaryIO], int]

F = TypeVar("F", bound=Callable[..., Any])


class Output:
    """What a command prints on standard error, by verbosity: errors always, warnings
    unless quiet, informational lines only when verbose."""

    def __init__(self, quiet: bool = False, verbose: bool = False) -> None:
        self.quiet, self.verbose = quiet, verbose

    def error(self, message: str) -> None:
        click.echo(message, err=True)

    def warning(self, message: str) -> None:
        if not self.quiet:
            click.echo(message, err=True)

    def info(self, message: str) -> None:
        if self.verbose:
            click.echo(message, err=True)

    def diagnostics(self, diagnostics: list[Diagnostic]) -> None:
        from tei.errors import Level

        shown = {Level.ERROR: self.error, Level.WARNING: self.warning, Level.INFO: self.info}
        for diagnostic in diagnostics:
            shown[diagnostic.level](str(diagnostic))


class HelpFormatter(click.HelpFormatter):
    """click's help formatter, told the terminal's width: asked by click, it imports shutil
    (and shutil the compression modules), a fifth of what ``tei --help`` adds to click."""

    def __init__(self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None) -> None:
        if width is None and formatting.FORCED_WIDTH is None:  # forced: in click's test runner
            width = max(min(terminal_columns(), 80 if max_width is None else max_width) - 2, 50)
        super().__init__(indent_increment, width, max_width)


def terminal_columns() -> int:
    """The columns ``shutil.get_terminal_size()`` reports: ``$COLUMNS``, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    stream = sys.__stdout__
    if columns <= 0 and stream is not None:
        try:
            columns = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class Context(click.Context):
    formatter_class = HelpFormatter


class Command(click.Command):
    context_class = Context


class Group(click.Group):
    context_class = Context
    command_class = Command


# 128 + SIGPIPE: what a shell reports for a Unix tool whose reader went away.
BROKEN_PIPE_STATUS = 141


def silencestdout() -> None:
    """Point standard output at /dev/null, so that flushing it at exit raises no second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass  # not a real file (a test's buffer), or already gone


def one_line(text: str) -> str:
    return " ".join(text.split())


def command(func: F) -> F:
    """Gives a command ``-q/--quiet`` and ``-v/--verbose`` (passed on as ``out``, an
    :class:`Output`) and the common exit rules: a :class:`TeiError` or a file that cannot
    be read or written is ``Error: …`` and exit 1, never a traceback."""

    @click.option("-v", "--verbose", is_flag=True, help="Also say what was read and written, and how long it took.")
    @click.option("-q", "--quiet", is_flag=True, help="Print errors only (no warnings, no progress, no summary).")
    @functools.wraps(func)
    def wrapper(*args: Any, quiet: bool, verbose: bool, **kwargs: Any) -> Any:
        from tei.errors import TeiError  # here, not at start-up: tei --help needs no dataclasses

        if quiet and verbose:
            raise click.UsageError("--quiet and --verbose exclude each other; give one")
        out = Output(quiet, verbose)
        started = time.perf_counter()
        try:
            return func(*args, out=out, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except TeiError as error:
            raise click.ClickException(one_line(str(error))) from error
        except BrokenPipeError as error:
            # The reader went away (``tei … | head``): stop quietly, as Unix tools do.
            silencestdout()
            raise click.exceptions.Exit(BROKEN_PIPE_STATUS) from error
        except OSError as error:
            # Writing the output (a folder we may not create, a full disk, a closed pipe).
            where = f"{error.filename}: " if error.filename else ""
            raise click.ClickException(f"{where}{error.strerror or error}") from error
        except (MemoryError, RecursionError) as error:
            raise click.ClickException(f"the input is too large or too deeply nested to process "
                                       f"({type(error).__name__})") from error
        except Exception as error:
            # A bug: one line for the user; -v shows where, for the report.
            if verbose:
                import traceback

                traceback.print_exc()
            raise click.ClickException(f"internal error: {type(error).__name__}: {one_line(str(error))}. "
                                       "Please report this bug (-v shows where it happened).") from error
        finally:
            out.info(f"tei {func.__name__}: {time.perf_counter() - started:.2f} s")

    return wrapper  # type: ignore[return-value]


def read_input(input_path: str, out: Output, limit: int) -> tuple[bytes, str]:
    """A path or '-' → (bytes, the name used in messages). A file that cannot be read, is not
    a regular file or holds more than ``limit`` bytes is a :class:`FileError` (exit 1)."""
    from tei.errors import FileError
    from tei.fileio import read_file, read_stream

    name = input_name(input_path)
    if input_path == "-":
        if sys.stdin is None:
            raise FileError("standard input is closed; give a file name", name)
        data = read_stream(sys.stdin.buffer, name, limit)
    else:
        data = read_file(input_path, limit)
    out.info(f"{name}: read {len(data):,} bytes")
    return data, name


def input_name(input_path: str) -> str:
    """The name of an input in messages: its path, or ``<stdin>`` for '-'."""
    return "<stdin>" if input_path == "-" else input_path


def refuse_overwriting_input(input_path: str, output_path: str) -> None:
    """An output that is the input (also through a link) would destroy it: a usage error, before
    anything is read or written."""
    from tei.fileio import same_file

    if "-" not in (input_path, output_path) and same_file(input_path, output_path):
        link = "" if output_path == input_path else f" ({input_path}, through a link)"
        raise click.BadParameter(f"{output_path} is the input file{link}; writing it would destroy the input — "
                                 "choose another output", param_hint="'-o' / '--output'")


def stdout() -> BinaryIO:
    if sys.stdout is None:
        from tei.errors import FileError

        raise FileError("standard output is closed; give -o FILE", "<stdout>")
    return sys.stdout.buffer


def write_output(output_path: str, data: bytes | Writer, out: Output) -> None:
    """Write ``data`` (bytes, or a function that writes them to a stream and says how many)
    to the file ``output_path``, or to standard output for '-'."""
    from tei.fileio import write_atomic

    if output_path == "-":
        stream = stdout()
        size = _write(stream, data)
        stream.flush()
        out.info(f"<stdout>: wrote {size:,} bytes")
        return
    size = write_atomic(output_path, data)
    out.info(f"{output_path}: wrote {size:,} bytes")


def _write(stream: BinaryIO, data: bytes | Writer) -> int:
    if isinstance(data, bytes):
        stream.write(data)
        return len(data)
    return data(stream)
