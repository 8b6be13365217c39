"""speaker roles: "the <role>" of a participant is read as that person, a people's adjective allowed before it."""

from __future__ import annotations

import pytest

from tei.resolve.speakers import sentences
from tei.resolve.speakers.sentences import role_subject

P = "\ue000{}\ue001"


def test_the_role_is_the_participant() -> None:
    assert role_subject("The Ambassador said no.", [], {"Ambassador": "dorn"}) == (P.format(0) + " said no.", ["dorn"])


def test_a_peoples_adjective_may_stand_before_the_role() -> None:
    text, refs = role_subject("Then the Korean Foreign Minister said no.", ["able"], {"Foreign Minister": "baker"})
    assert (text, refs) == ("Then " + P.format(1) + " said no.", ["able", "baker"])


def test_the_longest_role_is_taken_and_only_whole_roles() -> None:
    roles = {"Minister": "able", "Deputy Minister": "baker"}
    assert role_subject("the Deputy Minister and the Minister", [], roles)[1] == ["baker", "able"]
    assert role_subject("the Ministers agreed", [], roles) == ("the Ministers agreed", [])


def test_no_role_after_a_word_ending_in_t() -> None:
    assert role_subject("Northe Minister", [], {"Minister": "able"}) == ("Northe Minister", [])


@pytest.fixture
def nested_adjectives(monkeypatch: pytest.MonkeyPatch) -> None:
    """A lexicon where one adjective begins another ("South", "South Korean")."""
    real = sentences.words
    monkeypatch.setattr(sentences, "words", lambda name: frozenset({"South", "South Korean"}) if name == "peoples"
                        else frozenset() if name == "peoples-plural" else real(name))
    sentences._people_adjectives.cache_clear()
    yield
    sentences._people_adjectives.cache_clear()


@pytest.mark.usefixtures("nested_adjectives")
def test_a_shorter_adjective_is_tried_when_the_longest_leaves_no_role() -> None:
    # "South Korean Minister": the longest adjective leaves "Minister", which is no role here;
    # "South" leaves "Korean Minister", which is.
    assert role_subject("the South Korean Minister spoke", [], {"Korean Minister": "able"})[1] == ["able"]
    assert role_subject("the South\n  Korean Minister spoke", [], {"Minister": "able"})[1] == ["able"]
