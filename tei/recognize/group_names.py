"""The names of groups in a list of participants: lines that head the persons under them.

    "U.S. Side", "United States", "U.S.S.R.:"    → a side of the table (:func:`side_name`)
    "State", "CIA", "White House"                 → the department or agency they represent (:func:`agency_name`)
    "Arms Control and Disarmament Agency"         → likewise, by its full name
    "Department", "Embassy"                       → likewise, by the institution's word alone
    "Other Persons Present", "Also Present:"      → those present besides the sides (:func:`attendance_name`)

Such a line is no person; with nobody listed under it, the participants reader takes it as one.
"""

from __future__ import annotations

import re

from tei.lexicon import lazy_pattern, words
from tei.lexicon.names import PEOPLES, is_title_word

SIDE_WORDS = words("places") | PEOPLES | frozenset(
    ["United", "States", "Soviet", "Union", "Kingdom", "Republic", "Federal", "Democratic", "People’s",
     "People's", "of", "the", "and", "Side", "Delegation", "Government", "Team"])
SIDE_ENDINGS = frozenset(["Side", "side", "Delegation", "delegation", "Team", "team"])
COUNTRY_CODE = lazy_pattern(r"^(?:[A-Z]\.){2,}$")
AGENCIES = words("agencies")
# "Arms Control and Disarmament Agency", "Bureau of the Budget": an institution's full name ends in
# a word such as "Agency" or opens with "Bureau of"; its other words are capitalized or connectors.
INSTITUTION_ENDINGS = words("organization-words")
INSTITUTION_CONNECTORS = frozenset(["of", "the", "and", "for", "on", "&"])
# "Other Persons Present", "Others Present", "Also Present", "Also Attending": the words that
# introduce those who attend without belonging to a side.
ATTENDANCE = lazy_pattern(r"(?:Others?|Also)\b(?:\s+\w+){0,2}\s+(?:Present|Attending|Participating)", re.IGNORECASE)


def side_name(text: str) -> str | None:
    """The line names a side of the table, not a person: "U.S. Side", "United States", "U.S.S.R.:".

    ``"Soviet Delegation"`` → ``"Soviet Delegation"``; ``"Ambassador Able"`` → None.
    """
    name = text.strip().rstrip(":").strip()
    tokens = name.split()
    if not tokens or len(tokens) > 6:
        return None
    if tokens[-1] in SIDE_ENDINGS or (all(token in SIDE_WORDS or COUNTRY_CODE.match(token) for token in tokens)
                                      and any(token[0].isupper() for token in tokens)):
        return name
    return None


def agency_name(text: str) -> str | None:
    """The line names a department or agency that the persons under it represent ("State",
    "CIA", "White House"), as minutes of a council list those present: a group's name, no person."""
    name = text.strip().rstrip(":").strip()
    return name if name in AGENCIES or _institution(name) else None


def _institution(name: str) -> bool:
    """An institution's full name: two words or more, the last an institution's ("Agency",
    "Council"), no title word first ("Director, Central Intelligence Agency" names a person); or
    that word alone ("Department": those of the department the record was written in)."""
    tokens = name.split()
    if len(tokens) == 1:
        return name in INSTITUTION_ENDINGS
    return (len(tokens) > 1 and tokens[-1] in INSTITUTION_ENDINGS and "," not in name
            and not is_title_word(tokens[0])
            and all(token[:1].isupper() or token in INSTITUTION_CONNECTORS for token in tokens))


def attendance_name(text: str) -> str | None:
    """The line introduces those present besides the sides: "Other Persons Present", "ALSO PRESENT:"."""
    name = text.strip().rstrip(":").strip()
    return name if ATTENDANCE.fullmatch(name) else None


def group_name(text: str) -> str | None:
    """The name of the group the line heads (a side, an agency, those also present), or None."""
    return side_name(text) or agency_name(text) or attendance_name(text)
