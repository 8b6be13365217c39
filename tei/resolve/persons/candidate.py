"""A candidate: a name a mention rule proposes as a person's, with its reason; the rules' protocol."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol


class Candidate:
    """A name a rule proposes as a person's, and why."""

    __slots__ = ("given", "line", "reason", "rule", "strong", "surname", "title")

    def __init__(self, surname: str, title: str = "", given: str = "", rule: str = "", reason: str = "",
                 line: int | None = None, strong: bool = False) -> None:
        self.surname = surname
        self.title = title
        self.given = given
        self.rule = rule
        self.reason = reason
        self.line = line
        self.strong = strong  # a title or a verb of saying speaks for it: a word after "in" may still be a name


class MentionRule(Protocol):
    name: str

    def find(self, text: str) -> Iterator[Candidate]: ...
