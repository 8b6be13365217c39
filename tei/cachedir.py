"""The user's cache folder: what tei builds the same way in every run, kept between runs."""

from __future__ import annotations

import marshal
import os
from typing import Any


def cache_folder() -> str:
    """``$TEI_CACHE_DIR``, else ``$XDG_CACHE_HOME/tei``, else ``~/.cache/tei``."""
    if os.environ.get("TEI_CACHE_DIR"):
        return os.environ["TEI_CACHE_DIR"]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "tei")


def read_kept(path: str) -> Any:
    """What a file of the cache folder holds, or None where it is missing, unreadable or broken
    (the caller builds again what it would have held)."""
    try:
        with open(path, "rb") as handle:
            return marshal.load(handle)
    except Exception:  # noqa: BLE001 - no file, or a broken one
        return None


def write_kept(path: str, value: dict[Any, Any]) -> None:
    """Write ``value`` to ``path`` in the cache folder, through a temporary file renamed over the
    old one (a reader sees the old file or the new); where it cannot, write nothing."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        data = marshal.dumps(value)
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except (OSError, ValueError):
        try:
            os.unlink(temporary)
        except OSError:
            pass
