"""persons.role-in-others-words: a titled name inside another participant's reported words.

A memorandum calls the participant listed by role alone ("The Secretary") by that role, also
inside what others say to them: "Dorn said that the Secretary's proposal …". A "Secretary Carr"
named in the words another participant is reported to say ("Dorn said that Secretary Carr's trip
…") is another holder of such a title, and does not name the participant (rule
``persons.role-named`` in :mod:`.identity`).
"""

from __future__ import annotations

import re

from tei.lexicon import alternation, words
from tei.model import Document, plain_text

SAYING = alternation(words("say-verbs"))


def named_in_others_words(document: Document, role: str, speakers: set[str]) -> set[str]:
    """The surnames given the ``role`` ("secretary") in the words of a participant whose surname is in
    ``speakers``, reported with "that": "Dorn said that … Secretary Carr's trip" → {"Carr"}."""
    if not speakers:
        return set()
    reported = re.compile(r"\b(?P<speaker>[A-Z][\w’'-]+)\s+" + SAYING + r"\s+that\b[^.;]*?\b(?i:"
                          + re.escape(role) + r")\s+(?P<surname>[A-Z][\w’'-]+)")
    surnames: set[str] = set()
    for content in document.text_lists():
        text = plain_text(content)
        if role not in text.lower():
            continue
        surnames.update(match.group("surname") for match in reported.finditer(text)
                        if match.group("speaker") in speakers)
    return {surname.removesuffix("'s").removesuffix("’s") for surname in surnames}
