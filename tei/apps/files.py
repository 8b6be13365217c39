"""Files the applications write: whole or not at all, and one writer per output folder.

    atomic_write(path, data)   temporary file beside ``path`` → fsync-free rename over it
    OutputLock(folder)         an advisory lock on ``folder/.tei-batch.lock`` (released when the process ends)

**Why rename.** A file written in place is destroyed by a full disk, a signal or a crash
half-way (the old content gone, the new one cut). A file written beside it and renamed over
it is, at every moment, either the old file or the complete new one: ``rename`` within one
folder replaces the name in one step. The temporary name starts with a dot and ends with
``.tmp`` so that no reader of the folder takes it for an output, and a later run removes
what a killed one left (:func:`remove_stale`).
"""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path
from typing import IO, Self

from tei.errors import LockedError

__all__ = ["LockedError", "OutputLock", "atomic_write", "atomic_writer", "printable", "remove_stale"]

TEMPORARY_SUFFIX = ".tmp"
LOCK_NAME = ".tei-batch.lock"


def temporary_path(path: Path) -> Path:
    """``out/a.html`` → ``out/.a.html.1234.tmp`` (the pid keeps two writers apart)."""
    return path.with_name(f".{path.name}.{os.getpid()}{TEMPORARY_SUFFIX}")


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename; on any failure the
    temporary file is removed and ``path`` is left as it was. Raises :class:`OSError`."""
    target = Path(path)
    scratch = temporary_path(target)
    try:
        scratch.write_bytes(data)
        os.replace(scratch, target)
    except OSError as error:
        scratch.unlink(missing_ok=True)
        # The message names the file the user asked for, not the temporary one.
        raise OSError(error.errno, error.strerror, str(target)) from error
    except BaseException:
        scratch.unlink(missing_ok=True)
        raise


class atomic_writer:
    """``with atomic_writer(path) as stream:`` — a text stream whose file replaces ``path`` only
    when the block ends without an exception."""

    def __init__(self, path: str | Path) -> None:
        self.target = Path(path)
        self.scratch = temporary_path(self.target)
        self.stream: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        self.stream = self.scratch.open("w", encoding="utf-8")
        return self.stream

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        assert self.stream is not None
        try:
            self.stream.close()
            if kind is None:
                os.replace(self.scratch, self.target)
        finally:
            self.scratch.unlink(missing_ok=True)


def remove_stale(folder: Path) -> None:
    """Remove the temporary files a killed run left in ``folder`` and below (never a file of
    another name: only ``.NAME.PID.tmp`` whose process is gone)."""
    for path in folder.rglob(f".*{TEMPORARY_SUFFIX}"):
        pid = path.name.rsplit(".", 2)[-2]
        if pid.isdigit() and not _alive(int(pid)):
            path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class OutputLock:
    """``with OutputLock(folder):`` — refuses (:class:`LockedError`) when another process holds
    the folder. ``flock`` locks end with their process, so a killed run leaves no stale lock
    (the empty, hidden lock file stays)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self.fd: int | None = None

    def __enter__(self) -> Self:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            os.close(fd)
            if error.errno in (errno.EWOULDBLOCK, errno.EACCES):
                raise LockedError(f"{self.path.parent}: another tei batch is writing into this folder; "
                                  "wait for it to end or choose another folder") from None
            raise
        self.fd = fd
        return self

    def __exit__(self, *_: object) -> None:
        # The file stays: removing it would let a third run lock a new file while a
        # second one, which opened the old file, locks that one too.
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


def printable(text: str) -> str:
    """A name for the terminal: control characters (ESC, CR, …) shown as escapes, not obeyed.

    ``"a\\x1b[31m.txt"`` → ``"a\\\\x1b[31m.txt"``.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)
