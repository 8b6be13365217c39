"""The attribution rules: who said a sentence, each rule named, tried in order of priority.

Each rule looks at one sentence (its masked text, its persons, the paragraph's current
speakers) and either has no opinion (``None``) or returns an :class:`Attribution` with its
reason. The first rule with an opinion decides; ``tei convert --explain`` shows which.
Rules never change the reading: the pass applies what they decide.

=============================  ==========================================================
rule (priority)                example → speaker
=============================  ==========================================================
speaker.editorial-aside (100)  "(NOTE: Kern is …)", "(At lunch, it was agreed …).", a row of
                               omission dots ". . . . . ." → none
speaker.paragraph-heading (95) "2. Trade.", "3. Other business." → none; nobody speaks after it
speaker.source-line (94)       "News Conference of March 9, 1967" (above the words quoted) → none;
                               nobody speaks after it
speaker.pronoun-assent (91)    "He agreed but added …" opening a paragraph after Able's words → the
                               speaker before Able (:mod:`.assent`)
speaker.pronoun-subject (90)   "She recalled …" → the latest speaker of that gender, if the
                               text shows genders, else the latest speaker; never a person
                               the clause names after the pronoun ("He met Baker")
speaker.first-person (85)      "I then told him …" → the participant a footnote says drafted
                               the memorandum ("Drafted by Able."), or the title ("Memorandum
                               of Conversation, by the Ambassador (Able)"), else none; nobody goes on
speaker.withheld-subject (81)  "[name not declassified] said …" → none; nobody known speaks after it
                               (:mod:`.withheld`)
speaker.joint-subject (80)     "Able and Carr agreed." → both
speaker.named-subject (70)     "Ambassador Carr said …", "Baker quipped", "The Ambassador
                               said" (the one participant listed as Ambassador) → him
speaker.outsider-subject (60)  "Colonel Zed … thought …" (not a participant): inside a turn
                               the participant talking reports it; outside a turn → none,
                               with a ``speaker-not-in-participants`` warning
speaker.participant-acts (55) "The Ambassador called at his request" (a participant, any other
                               verb, nobody speaking) → none; a "he" after it may be him
speaker.narrative (50)         "There was then some discussion …", "The group then
                               adjourned …" → none
speaker.continuation (0)       "The other side is quite open to suggestions." → the
                               paragraph's current speaker (a paragraph without a cue
                               continues the previous paragraph's last speaker)
=============================  ==========================================================

A subject must open the main clause ("In answer to a question from Dorn, Baker said" is
Baker's; "… what Shore had said" is not Shore's): see :mod:`.clauses`.
"""

from __future__ import annotations

from typing import Final, Protocol

from tei.lexicon import lazy_pattern
from tei.model import Inline
from tei.recognize.sections import ENDS_WITH_DATE
from tei.resolve.speakers.cast import Reading, participant, resolve_pronoun
from tei.resolve.speakers.clauses import (
    Subject,
    actor_subject,
    first_person_subject,
    named_subject,
    pronoun_subject,
)
from tei.resolve.speakers.patterns import (
    CLOSING_PARENTHESIS_END,
    NARRATIVE,
    NARRATIVE_OPENING,
    NOTE_MARK,
    NOTE_ONLY,
    OMISSION_DOTS,
    PARAGRAPH_HEADING,
)
from tei.resolve.speakers.sentences import masked, opening_mark
from tei.rules import Registry

# A short line of capitalized words, commas and numbers, no person and no final punctuation.
SOURCE_LINE = lazy_pattern(r"[A-Z][\w’' ,-]{0,80}")
SOURCE_LINE_LENGTH = 81  # what SOURCE_LINE can match: a longer text is asked nothing


class Sentence:
    """A sentence as the rules see it: its content, masked text and person ids, and who was speaking."""

    __slots__ = ("_subject", "_subject_found", "content", "current", "refs", "text")

    def __init__(self, content: list[Inline], text: str, refs: list[str | None], current: list[str] | None) -> None:
        self.content = content
        self.text = text
        self.refs = refs
        self.current = current
        self._subject: Subject | None = None
        self._subject_found = False

    @property
    def subject(self) -> Subject | None:
        """The persons named as the subject of a verb of saying: asked by several rules, found once.
        (Not a ``cached_property``: in Python 3.11 each of its reads takes a lock.)"""
        if not self._subject_found:
            self._subject, self._subject_found = named_subject(self.text, self.refs), True
        return self._subject


class Attribution:
    """A rule's decision: the sentence's speakers (None: nobody's) and the current speakers after it."""

    __slots__ = ("actor", "current", "names_speaker", "outsiders", "reason", "unnamed", "who")

    def __init__(self, who: list[str] | None, current: list[str] | None, reason: str,
                 names_speaker: bool = False, outsiders: tuple[str, ...] = (),
                 actor: str | None = None, unnamed: bool = False) -> None:
        self.who: Final = who
        self.current: Final = current
        self.reason: Final = reason
        self.names_speaker: Final = names_speaker  # the sentence names its speaker: a turn starts
        self.outsiders: Final = outsiders  # non-participants speaking outside any turn
        self.actor: Final = actor  # a participant the sentence names as the subject of an action
        self.unnamed: Final = unnamed  # someone the text does not name speaks: a "he" after it is not known


class SpeakerRule(Protocol):
    name: str

    def decide(self, sentence: Sentence, reading: Reading) -> Attribution | None: ...


def editorial_aside(sentence: list[Inline]) -> bool:
    """A sentence that is only an editorial note, a row of omission dots, or wholly in parentheses,
    is the editor's or drafter's.

    ``[EditorialNote(['(NOTE: Kern is …)'])]`` → True; ``['(At lunch, it was agreed …).']`` → True;
    ``['. . . . . . .']`` → True; ``['Dorn added that perhaps (Embassy Minister Counselor) Ivers could …']``
    → False.
    """
    if opening_mark(sentence) not in ("(", NOTE_MARK, ".", "…"):
        return False  # most sentences: their masked text need not be built
    text, _ = masked(sentence)
    text = text.strip()
    if OMISSION_DOTS.fullmatch(text):
        return True
    if NOTE_ONLY.fullmatch(text):
        return True
    return text.startswith("(") and CLOSING_PARENTHESIS_END.search(text) is not None and _balanced_outer(text)


def _balanced_outer(text: str) -> bool:
    """True when the opening parenthesis of ``text`` closes at its very end."""
    depth = 0
    for index, char in enumerate(text):
        depth += char == "("
        depth -= char == ")"
        if depth == 0:
            return text[index + 1:].strip(" .!?") == ""
    return False


def joint_subject(subject: Subject, participants: set[str]) -> list[str] | None:
    """"A and B agreed" → both speak: the participants among a compound subject, in order.

    ``Subject("named", ["able", "baker"])`` → ``["able", "baker"]``; one person → None.
    """
    if len(subject.refs) < 2:
        return None
    who = [ref for ref in subject.refs if ref in participants]
    return list(dict.fromkeys(who)) or None


def narrative(text: str) -> bool:
    """A sentence about the meeting itself, not anyone's words.

    ``"There was then some discussion about …"``, ``"The group then adjourned for lunch."``,
    ``"This led to a discussion of trade."`` → True.
    """
    return NARRATIVE_OPENING.match(text) is not None or NARRATIVE.search(text) is not None


def _speakers(subject: Subject, reading: Reading) -> list[str]:
    found = (participant(ref, reading.participants) for ref in subject.refs)
    return [person for person in found if person]


def _ids(who: list[str] | None) -> str:
    return " ".join(f"#{person}" for person in who) if who else "nobody"


class EditorialAside:
    """A sentence that is only an editorial note, or wholly in parentheses: nobody's words."""

    name = "speaker.editorial-aside"

    def decide(self, sentence: Sentence, reading: Reading) -> Attribution | None:
        if not editorial_aside(sentence.content):
            return None
        return Attribution(None, sentence.current, "an editorial note, a row of omission dots, or a sentence "
                           "wholly in parentheses")


class ParagraphHeading:
    """A numbered paragraph's heading ("2. Trade.", "3. Other business."): the writer's, nobody's words,
    and nobody is speaking after it (a new item of the record begins)."""

    name = "speaker.paragraph-heading"

    def decide(self, sentence: Sentence, reading: Reading) -> Attribution | None:
        if not PARAGRAPH_HEADING.fullmatch(sentence.text.strip()):
            return None
        return Attribution(None, None, "a paragraph's number and a heading of a few words")


class SourceLine:
    """A line naming where and when words quoted below were said ("News Conference of March 9,
    1967", "Detroit, August 19, 1968"): nobody's words, and nobody is speaking after it."""

    name = "speaker.source-line"

    def decide(self, sentence: Sentence, reading: Reading) -> Attribution | None:
        if not is_source_line(sentence.text.replace(NOTE_MARK, "")):
            return None
        return Attribution(None, None, SOURCE_LINE_REASON)


SOURCE_LINE_REASON = "a short line ending with a date, without final punctuation: the source of a quotation"


def is_source_line(text: str) -> bool:
    """Whether ``text`` (notes left out) is a line naming where and when quoted words were said."""
    text = text.strip()
    return len(text) <= SOURCE_LINE_LENGTH and bool(SOURCE_LINE.fullmatch(text) and ENDS_WITH_DATE.search(text))


class PronounSubject:
    """"He"/"She" opening a clause before a verb of saying: the latest speaker who can be that gender."""

    name = "speaker.pronoun-subject"

    def decide(self, sentence: Sentence, reading: Reading) -> Attribution | None:
        pronoun = pronoun_subject(sentence.text)
        if pronoun is None:
            return None
        others = {sentence.refs[index] for index in pronoun.others}
        history = [person for person in reading.history if person not in others] if others else reading.history
        who = resolve_pronoun(pronoun.pronoun, history, reading.genders)
        if who is None:
            return None
        known = reading.genders.get(who) == pronoun.pronoun
        reason = (f"'{pronoun.pronoun}' is the subject; #{who} is the latest speaker "
                  + ("the text calls that" if known else "(the text shows no gender that rules it out)"))
        return Attribution([who], [who], reason, names_speaker=True)


class FirstPersonSubject:
    """"I", the writer, opening a clause before a verb of saying: the participant who drafted the
    memorandum, where a footnote says who ("Drafted by Able.") or the title does ("Memorandum by the
    Under Secretary (Able)"), else nobody the text names.

    Never the speaker before: "I then indicated …" after the Ambassador's words is the writer's.
    The writer is nobody's current speaker after it: in "I told the Minister so. He then referred to
    …", "he" is not "I", and a sentence without a subject of its own is not taken to be the writer's.
    """

    name = "speaker.first-person"

    def decide(self, sentence: Sentence, reading: Reading) -> Attribution | None:
        if not first_person_subject(sentence.text):
            return None
        writer = reading.writer
        if writer is None:
            return Attribution(None, None, "'I', the writer, is the subject, and the text does not say "
                               "which participant wrote it")
        return Attribution([writer], None, f"'I', the writer, is the subject: #{writer} drafted the memorandum")


class JointSubject:
    """"A and B agreed": the participants among a compound subject of a verb of saying."""

    name = "speaker.joint-subject"

    def decide(self, sentence: Sentence, reading: Reading) -> Attribution | None:
        subject = sentence.subject
        if subject is None:
            return None
        joint = joint_subject(Subject("named", list[str | None](_speakers(subject, reading))),
                              reading.participants)
        if not joint:
            return None
        return Attribution(joint, joint, f"{_ids(joint)} together are the subject of a verb of saying",
                           names_speaker=True)


class NamedSubject:
    """A participant named (or called by their role) as the subject of a verb of saying or thinking."""

    name = "speaker.named-subject"

    def decide(self, sentence: Sentence, reading: Reading) -> Attribution | None:
        subject = sentence.subject
        speakers = _speakers(subject, reading) if subject is not None else []
        if not speakers:
            return None
        return Attribution(speakers, speakers, f"{_ids(speakers)} is the subject of a verb of saying",
                           names_speaker=True)


class OutsiderSubject:
    """A person who is not a participant is the subject: reported by the participant talking, if any."""

    name = "speaker.outsider-subject"

    def decide(self, sentence: Sentence, reading: Reading) -> Attribution | None:
        subject = sentence.subject
        if subject is None:
            return None
        outsiders = tuple(ref or "" for ref in subject.refs)
        if sentence.current is None or not reading.turn_started:
            return Attribution(None, None, f"{_ids(list(outsiders))} is the subject but not a participant, "
                               "and no participant is talking", outsiders=outsiders)
        return Attribution(sentence.current, sentence.current,
                           f"{_ids(list(outsiders))} is the subject but not a participant: "
                           f"{_ids(sentence.current)}, who is talking, reports it")


class ParticipantActs:
    """While nobody is speaking, or opening a paragraph (the words of the paragraph before, Baker's,
    do not go on into "Able took his leave"), a participant as the subject of an action ("The
    Ambassador called at his own request …"): nobody's words, but a "he" or "she" after it may be that
    participant, who otherwise has not spoken yet. Inside someone's turn an action may be reported by
    the speaker ("The Secretary had pointed out …"), and a pronoun after it still refers to the
    speaker's subject."""

    name = "speaker.participant-acts"

    def decide(self, sentence: Sentence, reading: Reading) -> Attribution | None:
        if sentence.current is not None and not reading.at_opening:
            return None
        actor = participant(actor_subject(sentence.text, sentence.refs), reading.participants)
        if actor is None or (sentence.current is not None and actor in sentence.current):
            return None  # the speaker of the paragraph before, acting, goes on
        situation = "and nobody is speaking" if sentence.current is None else "opening the paragraph"
        return Attribution(None, None, f"#{actor} is the subject of an action, not of a verb of saying, "
                           + situation, actor=actor)


class Narrative:
    """A sentence about the meeting itself ("There was then some discussion"): nobody's words."""

    name = "speaker.narrative"

    def decide(self, sentence: Sentence, reading: Reading) -> Attribution | None:
        if not narrative(sentence.text):
            return None
        return Attribution(None, None, "a sentence about the meeting, not anyone's words")


class Continuation:
    """No speaker of its own: the paragraph's current speaker goes on."""

    name = "speaker.continuation"

    def decide(self, sentence: Sentence, reading: Reading) -> Attribution | None:
        reason = ("no subject of its own: the current speaker goes on" if sentence.current
                  else "no subject of its own, and nobody is speaking")
        return Attribution(sentence.current, sentence.current, reason)


def build_rules() -> Registry[SpeakerRule]:
    """The attribution rules, highest priority first (the table of the module docstring)."""
    rules: Registry[SpeakerRule] = Registry("speaker rules")
    for rule, priority in ((EditorialAside(), 100), (ParagraphHeading(), 95), (SourceLine(), 94),
                           (PronounSubject(), 90), (FirstPersonSubject(), 85),
                           (JointSubject(), 80),
                           (NamedSubject(), 70), (OutsiderSubject(), 60), (ParticipantActs(), 55), (Narrative(), 50),
                           (Continuation(), 0)):
        rules.register(rule, rule.name, priority)
    return rules


RULES = build_rules()
