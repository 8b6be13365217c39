"""Reading and writing the files a command is given, safely.

- :func:`read_file` reads a regular file only (a device such as ``/dev/zero``, a pipe or a
  socket never ends or never answers), and no more than a given size;
  :func:`read_stream` reads standard input up to the same kind of limit;
- :func:`write_atomic` writes to a temporary file in the target's folder and renames it over
  the target: a reader sees the old file or the complete new one, never a truncated file,
  and a failure (a full disk) leaves the old file as it was;
- :func:`same_file` tells whether an output would overwrite an input (also through a
  symbolic or a hard link), so that a command can refuse before it writes anything.

Every failure is a :class:`~tei.errors.FileError` whose message names the file, says what
is wrong and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from tei.errors import FileError

MB = 2**20
_CHUNK = MB
#: The largest TEI file read (render, speakers): the parser's own limits (one text node,
#: the number of tags) refuse the hostile ones below it; this stops a stream that never ends.
MAX_XML_BYTES = 256 * MB


def _size(n: int) -> str:
    return f"{n / MB:,.1f} MB" if n >= MB else f"{n:,} bytes"


def read_file(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``; a :class:`FileError` if it is not one, cannot be
    read, or holds more than ``limit`` bytes."""
    name = str(path)
    try:
        info = os.stat(path)
    except OSError as error:
        raise FileError(f"cannot read the file ({error.strerror}); check its name", name) from error
    if stat.S_ISDIR(info.st_mode):
        raise FileError("this is a folder, not a file; give a file", name)
    if not stat.S_ISREG(info.st_mode):
        raise FileError("not a regular file (a device, a pipe or a socket); save the text to a file and "
                        "give its name", name)
    if info.st_size > limit:
        raise _too_large(name, info.st_size, limit)
    try:
        with open(path, "rb") as source:
            data = source.read(limit + 1)
    except OSError as error:
        raise FileError(f"cannot read the file ({error.strerror}); check its permissions", name) from error
    if len(data) > limit:  # it grew while we read it
        raise _too_large(name, len(data), limit)
    return data


def read_stream(stream: BinaryIO, name: str, limit: int) -> bytes:
    """At most ``limit`` bytes of ``stream``; a :class:`FileError` if it holds more (``yes | tei …``)."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(min(_CHUNK, limit + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise FileError(f"more than {_size(limit)} on standard input, the most tei reads; refused — "
                            "split the input", name)
    return b"".join(chunks)


def _too_large(name: str, size: int, limit: int) -> FileError:
    return FileError(f"the file is {_size(size)}, more than the {_size(limit)} tei reads; refused — "
                     "split it into smaller files", name)


def same_file(first: str | Path, second: str | Path) -> bool:
    """Whether the two paths name one existing file (the same path, a symbolic or a hard link)."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def write_atomic(path: str | Path, data: bytes | Callable[[BinaryIO], object]) -> int:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename it;
    the number of bytes written. ``data`` is bytes, or a function that writes them to the
    stream it is given (a large output is then never held whole).

    The folder is created if need be. A symbolic link at ``path`` is kept and its target
    replaced. The new file has the old file's permissions, or the usual ones for a new file.
    """
    name = str(path)
    target = Path(os.path.realpath(path))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FileError(f"cannot create the folder {target.parent} ({error.strerror}); "
                        "choose another output", name) from error
    temporary: str | None = None
    try:
        temporary, descriptor = _create_temporary(target)
        with os.fdopen(descriptor, "wb") as sink:
            if isinstance(data, bytes):
                sink.write(data)
            else:
                data(sink)
            sink.flush()
            size = sink.tell()
            os.fsync(sink.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode))  # the old file's permissions
        os.replace(temporary, target)
        temporary = None
        return size
    except OSError as error:
        raise FileError(f"cannot write the file ({error.strerror}); any previous file there is unchanged",
                        name) from error
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _create_temporary(target: Path) -> tuple[str, int]:
    """A new file beside ``target``, created with the usual permissions of a new file (the
    umask applies), unlike ``tempfile``'s owner-only ones."""
    for _ in range(100):
        candidate = str(target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp"))
        try:
            return candidate, os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(target.parent))
