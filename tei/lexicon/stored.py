"""Compiled regular expressions kept between runs, in the user's cache folder.

``re`` compiles a pattern in Python: it parses the pattern, then writes the engine's code
for it. For the lexicon's long alternations and the name patterns this is most of what a
single-file command spends converting a short text (some 10 ms of CPU), the same in every
run. So the engine's code of each pattern compiled here is written to
``<cache folder>/patterns-<python>-<engine>-<byte order>.marshal`` when the process ends, and a later
process hands it to the engine (``_sre``), which checks it, without parsing the pattern:

    pattern text and flags ──(first run: re's parser and code generator)──► engine code ──► Pattern
                           ──(later runs: the code kept on disk)──────────────────────────►

An entry is found by the pattern's own text and flags, and the file is named by the Python
version and the engine's (``_sre.MAGIC``), so an entry is only ever used for the pattern it
was made from, by the code generator that made it; a pattern the package changes is a new
entry. A pattern compiled from the file is equal (``==``) to ``re.compile``'s. A missing,
unreadable or broken file, an entry the engine refuses, or a Python whose ``re`` has other
internals: the pattern is compiled as ``re`` does, and the run is the same, only slower.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import atexit
import os
import re
import sys
from array import array

from tei.cachedir import cache_folder, read_kept, write_kept

# What the file may weigh (patterns and code): its entries are read in every run. Those the
# last process used come first, then older ones; a document's own patterns (a cast's names)
# come and go, the package's stay in front. A memorandum uses some 100 to 300 KB; the package's
# patterns all together, in both forms (tests/test_stored_patterns.py), some 1.2 MB.
MAX_BYTES = 2_000_000

# The pattern's text as UTF-8 (surrogates too) and its flags: bytes are read without decoding.
Key = tuple[bytes, int]
# What ``_sre.compile`` takes after the pattern (flags, code, groups, group index, index
# group), the code as the bytes of its words: a file of many entries loads at the cost of
# reading it, and only the entries a process uses become lists.
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

_stored: dict[Key, Entry] | None = None  # the file, read at the first compile
_used: dict[Key, Entry] = {}  # the entries of this process, in the order of first use
_added = False  # whether this process compiled one the file did not hold


def compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from the engine code kept on disk when it is there."""
    global _added
    key = (source.encode("utf-8", "surrogatepass"), int(flags))
    entry = _read().get(key)
    found = None if entry is None else _from_entry(source, entry)
    if found is not None and entry is not None:
        _used.setdefault(key, entry)
        return found
    pattern, made = _compiled(source, int(flags))
    if made is not None:
        if not _added:
            _added = True
            atexit.register(save)
        _used[key] = made
    return pattern


def _from_entry(source: str, entry: Entry) -> re.Pattern[str] | None:
    """The pattern from its entry, or None if the engine refuses it."""
    try:
        flags, code, groups, group_index, index_group = entry
        pattern: re.Pattern[str] = _sre.compile(source, flags, memoryview(code).cast("I").tolist(), groups,
                                                group_index, index_group)
    except Exception:  # noqa: BLE001 - any refusal of the engine means: compile it again
        return None
    return pattern


def _compiled(source: str, flags: int) -> tuple[re.Pattern[str], Entry | None]:
    """The pattern, compiled as ``re.compile`` does (``re._compiler.compile``), and its entry."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(source, flags)
        code = _compiler._code(parsed, flags)
        state = parsed.state
        index_group: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            index_group[index] = name
        pattern = _sre.compile(source, flags | state.flags, code, state.groups - 1, state.groupdict,
                               tuple(index_group))
        words = array("I", code)  # the engine's words are 32 bits (an OverflowError if not)
        return pattern, (flags | state.flags, words.tobytes(), state.groups - 1, dict(state.groupdict),
                         tuple(index_group))
    except Exception:  # noqa: BLE001 - an error in the pattern, or another re: re says which
        return re.compile(source, flags), None


def path() -> str:
    """The file of this Python's entries."""
    version = ".".join(map(str, sys.version_info[:3]))
    name = f"patterns-{sys.implementation.name}-{version}-{_sre.MAGIC}-{sys.byteorder}.marshal"
    return os.path.join(cache_folder(), name)


def _read() -> dict[Key, Entry]:
    global _stored
    if _stored is None:
        loaded = read_kept(path())  # a broken entry: _from_entry refuses it, save drops it
        _stored = loaded if isinstance(loaded, dict) else {}
    return _stored


def save() -> None:
    """Write the entries of this process, then the file's other ones, up to :data:`MAX_BYTES`
    (a temporary file renamed over the old one: a reader sees the old file or the new)."""
    entries: dict[Key, Entry] = {}
    weight = 0
    for key, entry in [*_used.items(), *_read().items()]:
        if key in entries or not _well_formed(key, entry):
            continue
        weight += len(key[0]) + len(entry[1])
        if weight > MAX_BYTES:
            break
        entries[key] = entry
    write_kept(path(), entries)


def _well_formed(key: object, entry: object) -> bool:
    """Whether a key and entry of the file have their types (a broken file's are dropped)."""
    return (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], bytes)
            and isinstance(entry, tuple) and len(entry) == 5 and isinstance(entry[1], bytes))
