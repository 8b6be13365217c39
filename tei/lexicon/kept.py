"""Pattern texts built from word lists, kept between runs in the user's cache folder.

:func:`tei.lexicon.alternation` writes a word list as the text of a regular expression (a
trie), in Python, a character at a time: for the lexicon's lists, which the converter's modules
turn into patterns when they are imported, some 4 ms of every run (about a tenth of ``tei
convert`` of a short text), the same in each. So the texts of the long lists are written to
``<cache folder>/alternations-<python>-<code>.marshal`` when the process ends (if it built one
the file lacked), and a later process takes them from there::

    words, options ──(first run: alternation's trie)──► text ──► lazy pattern
                   ──(later runs: the text kept on disk)──►

An entry is found by the words and options it was built from, and the file is named by the code
that built its texts (the size and time of its source file, as Python's own bytecode cache
tells its files apart): other code (another version of the package, an edit) has a file of its
own, so a text kept is always the one the code would build again, and two installations do not
take turns rewriting one file. A missing, unreadable or broken file: the texts are built, and
the run is the same.
"""

from __future__ import annotations

import atexit
import os
import sys
from collections.abc import Callable

from tei.cachedir import cache_folder, read_kept, write_kept

# What the file may weigh: it is read in every run. The texts this process used come first, then
# older ones (a document's own lists come and go; the lexicon's are used by every run).
MAX_BYTES = 300_000

# The words (sorted, distinct) and the options they were built with.
Key = tuple[object, ...]

_kept: dict[Key, str] | None = None  # the file's texts, read at the first request
_used: dict[Key, str] = {}  # the texts of this process, in the order of first use
_added = False  # whether this process built one the file did not hold


def text(key: Key, build: Callable[[], str], code: str) -> str:
    """The text built from ``key`` by ``build()``: from the file of ``code`` (what names the code
    that builds) when it holds it, else built, once in a process."""
    global _added
    found = _used.get(key) or _read(code).get(key)
    if found is None:
        found = build()
        if not _added:
            _added = True
            atexit.register(save, code)
    _used.setdefault(key, found)
    return found


def path(code: str) -> str:
    """The file of the texts of this Python and ``code``."""
    version = ".".join(map(str, sys.version_info[:3]))
    return os.path.join(cache_folder(), f"alternations-{sys.implementation.name}-{version}-{code}.marshal")


def _read(code: str) -> dict[Key, str]:
    global _kept
    if _kept is None:
        loaded = read_kept(path(code))
        items = loaded.items() if isinstance(loaded, dict) else ()
        _kept = {key: value for key, value in items if isinstance(key, tuple) and isinstance(value, str)}
    return _kept


def save(code: str) -> None:
    """Write the texts of this process, then the file's other ones, up to :data:`MAX_BYTES` (a
    temporary file renamed over the old one: a reader sees the old file or the new)."""
    entries: dict[Key, str] = {}
    weight = 0
    for key, value in [*_used.items(), *_read(code).items()]:
        if key in entries:
            continue
        weight += len(value) + sum(len(str(part)) for part in key)
        if weight > MAX_BYTES:
            break
        entries[key] = value
    write_kept(path(code), entries)
