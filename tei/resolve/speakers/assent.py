"""speaker.pronoun-assent: "He agreed" opening a paragraph answers the speaker before.

One agrees with someone else: a paragraph that opens "He agreed but added …" after another
participant's words is not that participant agreeing with themselves, but the one who spoke
before them. The rule is registered in :data:`~tei.resolve.speakers.rules.RULES` just above
``speaker.pronoun-subject``.

    "Able said the talks would go on." / "Baker asked when." / "He agreed but added …" → Able
"""

from __future__ import annotations

from tei.lexicon import lazy_pattern
from tei.lexicon.names import WORD_NOT_AFTER
from tei.resolve.speakers.cast import Reading, resolve_pronoun
from tei.resolve.speakers.patterns import ADVERB, PERSON_OPEN
from tei.resolve.speakers.rules import RULES, Attribution, Sentence

# "He agreed", "She then concurred", "He fully agreed but …": a pronoun and a verb of assent.
ASSENT = lazy_pattern(rf"(?<![{WORD_NOT_AFTER}])(?P<pronoun>[Hh]e|[Ss]he)(?:,?\s+{ADVERB})*\s+"
                      r"(?:agreed|concurred|assented)\b")
PRIORITY = 91  # above speaker.pronoun-subject (90), which would give the sentence to the latest speaker


class PronounAssent:
    """A paragraph opening with "He agreed"/"She concurred" after someone's words: the latest speaker
    of that gender other than the one talking, when the sentence names nobody else ("He agreed with
    Carr" is left to ``speaker.pronoun-subject``)."""

    name = "speaker.pronoun-assent"

    def decide(self, sentence: Sentence, reading: Reading) -> Attribution | None:
        current = sentence.current
        if not reading.at_opening or not current or len(current) != 1:
            return None
        match = ASSENT.match(sentence.text.lstrip())
        if match is None or PERSON_OPEN in sentence.text:
            return None
        history = [person for person in reading.history if person not in current]
        pronoun = match.group("pronoun").lower()
        who = resolve_pronoun(pronoun, history, reading.genders)
        if who is None or reading.genders.get(current[0], pronoun) != pronoun:
            return None
        return Attribution([who], [who], f"'{pronoun} agreed' opens the paragraph after #{current[0]}'s words: "
                           f"#{who}, the speaker before, agrees", names_speaker=True)


RULES.register(PronounAssent(), PronounAssent.name, PRIORITY)
