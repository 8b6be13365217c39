"""Alternations kept between runs (tei/lexicon/kept.py): the text the code builds, whatever the
file holds."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from tei import lexicon
from tei.lexicon import KEPT_FROM, alternation, kept

WORDS = [f"Able{'x' * length}" for length in range(KEPT_FROM)] + ["Baker", "Baker Carr", "said"]


@pytest.fixture(autouse=True)
def fresh_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of its own, and the module as a new process finds it."""
    monkeypatch.setenv("TEI_CACHE_DIR", str(tmp_path / "cache"))
    new_process(monkeypatch)
    return tmp_path / "cache"


def new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kept, "_kept", None)
    monkeypatch.setattr(kept, "_used", {})
    monkeypatch.setattr(kept, "_added", True)  # no save at the end of the test run


def built(words: list[str], not_after: str | None = None) -> str:
    return lexicon._pattern(sorted(set(words)), 0, not_after)


def no_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> str:
        raise AssertionError("built, not taken from the file")

    monkeypatch.setattr(lexicon, "_pattern", refuse)


def test_a_long_list_is_built_once_then_taken_from_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = built(WORDS), built(WORDS, r"\w")
    assert (alternation(WORDS), alternation(reversed(WORDS), not_after=r"\w")) == expected
    kept.save(lexicon._builder())
    new_process(monkeypatch)
    no_building(monkeypatch)
    assert (alternation(WORDS), alternation(WORDS, not_after=r"\w")) == expected


def test_the_same_list_twice_in_a_process_is_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    first = alternation(WORDS)
    no_building(monkeypatch)
    assert alternation(list(reversed(WORDS))) == first


def test_a_short_list_is_always_built() -> None:
    alternation(WORDS[:KEPT_FROM - 1])
    assert kept._used == {}


def test_the_texts_of_other_code_are_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kept, "_used", {(None, *sorted(set(WORDS))): "(?:wrong)"})
    kept.save("1-2")
    new_process(monkeypatch)
    assert alternation(WORDS) == built(WORDS)
    assert kept.path("1-2") != kept.path(lexicon._builder())


@pytest.mark.parametrize("content", [b"", b"not marshal", marshal.dumps(["a list"]), marshal.dumps(("code",)),
                                     marshal.dumps({"not a tuple": "x", ("a",): 5})])
def test_a_broken_file_means_building(content: bytes, fresh_process: Path) -> None:
    fresh_process.mkdir()
    Path(kept.path(lexicon._builder())).write_bytes(content)
    assert alternation(WORDS) == built(WORDS)
    kept.save(lexicon._builder())
    assert list(marshal.loads(Path(kept.path(lexicon._builder())).read_bytes())) == [(None, *sorted(set(WORDS)))]


def test_the_file_keeps_the_texts_of_the_last_process_first(monkeypatch: pytest.MonkeyPatch) -> None:
    lists = [[f"{name}{index}" for index in range(KEPT_FROM)] for name in ("Able", "Baker", "Carr")]
    for words in lists:
        alternation(words)
    kept.save(lexicon._builder())
    new_process(monkeypatch)
    alternation(lists[2])
    kept.save(lexicon._builder())
    texts = marshal.loads(Path(kept.path(lexicon._builder())).read_bytes())
    assert list(texts) == [(None, *sorted(words)) for words in (lists[2], lists[0], lists[1])]


def test_the_file_holds_no_more_than_its_weight(monkeypatch: pytest.MonkeyPatch) -> None:
    alternation(WORDS)
    monkeypatch.setattr(kept, "MAX_BYTES", 100)
    kept.save(lexicon._builder())
    assert marshal.loads(Path(kept.path(lexicon._builder())).read_bytes()) == {}
