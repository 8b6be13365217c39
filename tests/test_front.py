"""Front matter: dates in the forms memoranda use, and where the subject lines end."""

from __future__ import annotations

import pytest

from tei.recognize.front import is_front_line, parse_date


@pytest.mark.parametrize(("line", "when"), [
    ("July 26, 1986", "1986-07-26"),
    ("Washington, July 26, 1986", "1986-07-26"),
    ("June 1985", "1985-06"),
    ("June 15, 1965, 5:30 p.m.", "1965-06-15T17:30:00"),
    ("January 3, 1962, 12:15 a.m.", "1962-01-03T00:15:00"),
    ("Sometime in 1986", None),
    ("July 32, 1986", None),
])
def test_parse_date(line: str, when: str | None) -> None:
    assert parse_date(line) == when


@pytest.mark.parametrize(("line", "front"), [
    ("Visit of Deputy Foreign Minister Alpha", True),
    ("SUBJECT: Discussion on Broad Policy Aspects", True),
    ("The cable reports on the talks.1", False),
    ("A a. [Page 3]", False),
    ("He said so.", False),
])
def test_front_lines(line: str, front: bool) -> None:
    assert is_front_line(line) is front
