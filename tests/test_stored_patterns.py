"""Compiled patterns kept between runs (tei/lexicon/stored.py): the same patterns as ``re``'s,
whatever the file holds."""

from __future__ import annotations

import _sre
import importlib
import marshal
import pkgutil
import re
import sys
from pathlib import Path

import pytest

import tei
from tei.lexicon import LazyPattern, stored
from tei.lexicon.letters import ascii_form


@pytest.fixture(autouse=True)
def fresh_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of its own, and the module as a new process finds it."""
    monkeypatch.setenv("TEI_CACHE_DIR", str(tmp_path / "cache"))
    new_process(monkeypatch)
    return tmp_path / "cache"


def new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stored, "_stored", None)
    monkeypatch.setattr(stored, "_used", {})
    monkeypatch.setattr(stored, "_added", True)  # no save at the end of the test run


def package_patterns() -> list[tuple[str, int]]:
    """Every lazy pattern of the package, as written and in its ASCII form."""
    for module in pkgutil.walk_packages(tei.__path__, "tei."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found = {(value.pattern, int(value.flags)) for name, module in list(sys.modules.items()) if name.startswith("tei.")
             for value in vars(module).values() if isinstance(value, LazyPattern)}
    return sorted(found | {(ascii_form(source, flags), flags) for source, flags in found})


def same_as_re(pattern: re.Pattern[str], source: str, flags: int, expected: re.Pattern[str] | None = None) -> None:
    expected = re.compile(source, flags) if expected is None else expected
    assert pattern == expected  # same text, flags and engine code
    assert (pattern.groups, pattern.groupindex, pattern.flags) == (expected.groups, expected.groupindex, expected.flags)


def test_every_pattern_of_the_package_is_the_same_from_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    patterns = package_patterns()
    assert len(patterns) > 150
    for source, flags in patterns:
        same_as_re(stored.compile(source, flags), source, flags)
    stored.save()
    new_process(monkeypatch)

    def no_parsing(*args: object) -> None:
        raise AssertionError("parsed, not taken from the file")

    # re's own patterns made first: re's cache may have let some go, and only stored.compile is watched.
    expected = [re.compile(source, flags) for source, flags in patterns]
    monkeypatch.setattr(re._parser, "parse", no_parsing)  # type: ignore[attr-defined]
    for (source, flags), made in zip(patterns, expected, strict=True):
        same_as_re(stored.compile(source, flags), source, flags, made)


def test_a_pattern_with_groups_and_flags() -> None:
    source = r"(?P<title>Mr|Mrs)\.\s+(?P<name>[A-Z]\w+)(?:,\s+(\w+))?"
    for _ in range(2):
        stored.save()
        pattern = stored.compile(source, re.IGNORECASE | re.MULTILINE)
        same_as_re(pattern, source, re.IGNORECASE | re.MULTILINE)
        assert pattern.match("mr. Able, jr").groups() == ("mr", "Able", "jr")


@pytest.mark.parametrize("content", [b"", b"not marshal", marshal.dumps([1, 2])[:-1], marshal.dumps(["a list"]),
                                     marshal.dumps({(b"Able|Baker", 0): (32, b"\x01\x02\x03\x04", 0, {}, ())}),
                                     marshal.dumps({(b"Able|Baker", 0): "not an entry", (b"Carr", 0): 5, "Dorn": ()})])
def test_a_broken_file_or_entry_means_compiling_as_re_does(content: bytes, fresh_process: Path) -> None:
    fresh_process.mkdir()
    Path(stored.path()).write_bytes(content)
    same_as_re(stored.compile("Able|Baker"), "Able|Baker", 0)
    stored.save()
    assert list(marshal.loads(Path(stored.path()).read_bytes())) == [(b"Able|Baker", 0)]


def test_an_error_in_a_pattern_is_re_s_own() -> None:
    with pytest.raises(re.error) as expected:
        re.compile("(?P<a>x")
    with pytest.raises(re.error) as found:
        stored.compile("(?P<a>x")
    assert str(found.value) == str(expected.value)


def test_the_file_keeps_the_entries_of_the_last_process_first(monkeypatch: pytest.MonkeyPatch) -> None:
    for source in ("Able", "Baker", "Carr"):
        stored.compile(source)
    stored.save()
    data = marshal.loads(Path(stored.path()).read_bytes())
    monkeypatch.setattr(stored, "MAX_BYTES", sum(len(key[0]) + len(entry[1]) for key, entry in data.items()))
    new_process(monkeypatch)
    stored.compile("Dorn")
    stored.compile("Baker")
    stored.save()
    kept = marshal.loads(Path(stored.path()).read_bytes())
    assert list(kept) == [(b"Dorn", 0), (b"Baker", 0), (b"Able", 0)]


def test_a_cache_folder_that_cannot_be_written_is_no_error(fresh_process: Path, tmp_path: Path) -> None:
    fresh_process.write_text("a file where the folder should be")
    stored.compile("Able")
    stored.save()
    assert fresh_process.read_text() == "a file where the folder should be"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cache"]


def test_the_file_is_named_by_the_python_and_its_engine() -> None:
    name = Path(stored.path()).name
    assert ".".join(map(str, sys.version_info[:3])) in name and str(_sre.MAGIC) in name
