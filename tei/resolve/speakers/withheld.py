"""speaker.withheld-subject: a speaker whose name the editors withheld.

A published record replaces what is still classified by a bracket ("[name not declassified]",
"[less than 1 line of source text not declassified]"). Where such a bracket is the subject of a
verb of saying, someone the text does not name speaks: the sentence is nobody's the text can name,
not the words of the speaker before, and a "he" after it is that unnamed person, not anyone named
earlier. Registered in :data:`~tei.resolve.speakers.rules.RULES` above ``speaker.joint-subject``.

    "[name not declassified], when asked, said things were better." → nobody
"""

from __future__ import annotations

from tei.lexicon import lazy_pattern
from tei.resolve.speakers.cast import Reading
from tei.resolve.speakers.clauses import main_clause_start
from tei.resolve.speakers.patterns import NAMED, PERSON_CLOSE, PERSON_OPEN
from tei.resolve.speakers.rules import RULES, Attribution, Sentence

# The editors' bracket, and an optional "when asked …," after it: "[…] when asked for comments, said".
WITHHELD = lazy_pattern(r"\[[^\]\[\uE000-\uE003]{3,120}\](?:,?\s+(?:when|after|if)\s+[^,;\uE000-\uE003]{1,60},)?")
# The bracket stands where a name would: read as a person's placeholder, the subject patterns apply.
STAND_IN = PERSON_OPEN + "0" + PERSON_CLOSE
PRIORITY = 81  # above the rules that read a named subject, and the continuation


class WithheldSubject:
    """An editors' bracket of withheld text as the subject of a verb of saying: someone unnamed speaks."""

    name = "speaker.withheld-subject"

    def decide(self, sentence: Sentence, reading: Reading) -> Attribution | None:
        if "[" not in sentence.text:
            return None
        text = sentence.text.lstrip()
        bracket = WITHHELD.match(text, main_clause_start(text))
        if bracket is None or NAMED.match(STAND_IN + text[bracket.end():]) is None:
            return None
        return Attribution(None, None, "the subject is a bracket of text the editors withheld: someone the "
                           "text does not name speaks", unnamed=True)


RULES.register(WithheldSubject(), WithheldSubject.name, PRIORITY)
