"""Mentions: which capitalized words of the text name persons, found by name shape and context.

Each rule is named and reads one string; it proposes :class:`Candidate` names with its
reason. A proposal is kept unless the word is known not to be a person's name:

=============================  ==============================================================
rule                           proposes
=============================  ==============================================================
persons.titled-name            "Ambassador Ødegaard", "Foreign Ministers Able and Baker",
                               "Secretary of State Carr"
persons.titled-name-in-capitals  "TELEPHONE CALL TO AMB ABLE": a title and a name ending a
                               line in capitals (:mod:`~tei.resolve.persons.capitals`)
persons.particle-name          "de Able", "Baker von Carr" (a name with a particle)
persons.subject-of-verb        "Dorn replied", "Able and Baker discuss", "said Carr might":
                               the subject of a verb of speech, thought or action
persons.joint-subject          "Able and Dorn say": two names, the subject of a plural verb
                               of saying or thinking (:mod:`~tei.resolve.persons.together`)
persons.object-of-verb         "had told Dorn that": the object of a verb of addressing
persons.possessive             "Able’s letter"
persons.listed-with-a-person   "Able, Baker and Carr" where one of them is a person
persons.listed-names           "Able, Baker and Carr": three names or more, none of them a
                               place, an organization or a common word
                               (these two and slash-pair: :mod:`~tei.resolve.persons.together`)
persons.named-as               "a man named Dorn", "an aide called Dorn"
persons.relative-who           "Dorn, who": the antecedent of "who"
persons.full-name              "Ann B. Dorn": a given name, a middle initial and a surname
persons.family-name-first      "Dorn Tae-sun": a family name, then a given name of two
                               syllables joined by a hyphen (romanized East Asian names)
persons.party-to-an-exchange   "talked with Dorn", "a letter from Dorn"
                               (:mod:`~tei.resolve.persons.partners`)
persons.with-a-pronoun         "he and Dorn", "Dorn and I"
persons.drafter                "Drafted by Ann Dorn", "Prepared by A. B. Dorn"
persons.slash-pair             "the Able/Dorn talks", where one of them is a person
persons.signer                 a signature line ("Ann Dorn", "McG. Dorn") at the end of a document
persons.addressed              the name ending an address line ("FROM: EUR - Ann Dorn")
                               (this and signer: :mod:`~tei.resolve.persons.frame`)
=============================  ==============================================================

Names are looked for in the text and in its quotations. What is *not* a person (places,
organizations, common words, abbreviated titles, abstract nouns) is decided by the named
exclusions of :mod:`tei.resolve.persons.exclusions`; a proposal none of them refuses is kept.
No statistical model: the rules must stay fast and explainable.
"""

from __future__ import annotations

from collections.abc import Iterator

from tei.errors import Reporter
from tei.lexicon import alternation, lazy_pattern, words
from tei.lexicon.names import (
    NAME,
    NAME_END,
    NAME_START,
    PARTICLES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    WORD_NOT_AFTER,
    is_name_word,
)
from tei.model import Document
from tei.resolve.persons.candidate import Candidate, MentionRule
from tei.resolve.persons.capitals import TitledNameInCapitals
from tei.resolve.persons.exclusions import places_in
from tei.resolve.persons.frame import addressed, signatures
from tei.resolve.persons.gates import first_segments, first_words, has_any_word, may_hold_capitalized
from tei.resolve.persons.given_names import KnownGivenName
from tei.resolve.persons.keeping import Kept
from tei.resolve.persons.partners import Drafter, PartyToAnExchange, WithAPronoun
from tei.resolve.persons.shapes import (
    ARTICLE_BEFORE,
    DATE_AFTER,
    HYPHENATED_GIVEN_WORD,
    PARTICLE,
    SECOND_NAME,
    SURNAME,
    SURNAME_AT_START,
    TITLE_START,
    TITLED_NAME,
    at_sentence_start,
    line_runs,
    scan,
    singular_title,
    texts_with_lines,
)
from tei.resolve.persons.together import JointSubject, listed, paired
from tei.rules import Registry

SAYING = words("say-verbs") | words("think-verbs")
AUXILIARIES = words("auxiliaries")
SUBJECT_VERBS = SAYING | words("action-verbs") | AUXILIARIES
# "said Able would", "that Baker might", "do you think Carr will": after these an auxiliary's
# subject is a person.
REPORTING = lazy_pattern(rf"(?:{alternation(SAYING | words('think-base-forms') | {'that'})})\s+\Z")
SUBJECT_THEN_VERB = lazy_pattern(
    rf"(?P<surname>{SURNAME_AT_START})(?:,\s+too,)?\s+(?:(?:{alternation(words('adverbs'))})\s+){{0,2}}"
    rf"(?P<verb>{alternation(SUBJECT_VERBS)})(?![\w’'])")
NAME_WORD = lazy_pattern(NAME)
JOINT_BEFORE = lazy_pattern(rf"(?P<first>{SURNAME_AT_START})\s+and\s+\Z")
OBJECT_VERBS = words("object-verbs")
OBJECT = lazy_pattern(rf"(?:{alternation(OBJECT_VERBS, not_after=WORD_NOT_AFTER)})\s+(?P<surname>{SURNAME})"
                    rf"(?=\s+(?:that|to|about|of|for|whether|if|how|what|why|when|he|she)\b|[,;.])")
POSSESSIVE = lazy_pattern(rf"(?P<surname>{SURNAME_AT_START})[’']s\s+(?=[\w“])")
PARTICLE_NAME = lazy_pattern(NAME_START + rf"(?P<surname>(?:{NAME}\s+)?(?:{PARTICLE})\s+{NAME}){NAME_END}")
PARTICLE_START = lazy_pattern(rf"(?:{alternation(PARTICLES, not_after=WORD_NOT_AFTER)})\s")
WINDOW = 80
TITLE_KEYS = first_words(TITLE_MODIFIERS | TITLE_HEADS)
OBJECT_SEGMENTS = first_segments(OBJECT_VERBS)
# "named Dorn", "called Ann Dorn" (not "so-called Dorn territory").
NAMED_AS = lazy_pattern(rf"(?<![\w’'\-])(?:named|called)\s+(?P<given>(?:{NAME}\s+)?)(?P<surname>{SURNAME}){NAME_END}")
NAMED_WORDS = ("named ", "called ")
WHO = ", who "
BEFORE_WHO = lazy_pattern(rf"(?P<surname>{SURNAME_AT_START})\Z")
# "Hans V. Able": the initial (after a word and one space), then the surname. The look-behind
# stands after the capital, so that ``re`` skips ahead to capitals.
MIDDLE_INITIAL = lazy_pattern(r"[A-Z](?<=\w [A-Z])\. ")
GIVEN_AFTER_FAMILY = lazy_pattern(NAME_START + HYPHENATED_GIVEN_WORD + NAME_END)
FULL_NAME = lazy_pattern(rf"(?P<surname>{SURNAME}){NAME_END}")


class TitledName:
    """A name after a title or rank: "Ambassador Ødegaard", "Foreign Ministers Able and Baker"."""

    name = "persons.titled-name"

    def find(self, text: str) -> Iterator[Candidate]:
        if not may_hold_capitalized(text, TITLE_KEYS):
            return  # no title word: most texts
        for match in scan(TITLED_NAME, text, TITLE_START):
            title = match.group("title")
            one = singular_title(title)
            surname, given = match.group("surname"), match.group("given").split()
            if given and DATE_AFTER.match(text, match.start("surname")) and is_name_word(given[-1]):
                # "met UNSG Dorn February 4": a date, not a surname, after the name (the style of cables).
                surname, given = given[-1], given[:-1]
            yield Candidate(surname, one, " ".join(given), self.name, f"after the title '{title}'", strong=True)
            second = SECOND_NAME.match(text, match.end())
            if second and one != title:
                yield Candidate(second.group("second"), one, "", self.name, f"second of '{title}'", strong=True)


class ParticleName:
    """A name with a particle: "de Able", "Baker von Carr"."""

    name = "persons.particle-name"

    def find(self, text: str) -> Iterator[Candidate]:
        for particle in PARTICLE_START.finditer(text):
            start = max(0, particle.start() - 30)
            match = PARTICLE_NAME.search(text, start, particle.end() + 40)
            if match and match.start("surname") <= particle.start() < match.end():
                surname = match.group("surname")
                first = surname.split()[0]
                if first[0].isupper() and first.lower() not in PARTICLES and not is_name_word(first):
                    surname = surname.split(None, 1)[1]  # "General de Able": the title is not the name
                yield Candidate(surname, rule=self.name, reason=f"a name with the particle '{particle.group().strip()}'")


class SubjectOfVerb:
    """The subject of a verb of speech, thought or action: "Dorn replied", "Able and Baker discuss"."""

    name = "persons.subject-of-verb"

    def find(self, text: str) -> Iterator[Candidate]:
        # Read forward from capitalized words (the engine skips lower-case text quickly), the
        # given name and a joint subject then backward from the match.
        for match in SUBJECT_THEN_VERB.finditer(text):
            start = match.start("surname")
            if ARTICLE_BEFORE.search(text, max(0, start - 5), start):
                continue
            verb = match.group("verb")
            given = ""
            previous = _previous_word(text, start)
            if previous is not None:
                word, begins = previous
                if NAME_WORD.fullmatch(word) and is_name_word(word) and not at_sentence_start(text, begins):
                    given, start = word, begins
                    previous = _previous_word(text, start)
            if previous is not None and _capitalized(text, *previous):
                continue  # "Discussion Paper noted": part of a longer proper noun
            if verb in AUXILIARIES and not REPORTING.search(text, max(0, start - 30), start):
                continue  # "Geneva would be": anything can be the subject of an auxiliary
            reason = f"the subject of '{verb}'"
            yield Candidate(match.group("surname"), "", given, self.name, reason, strong=verb in SAYING)
            # Asked only where "and" stands before the subject: most texts then never compile the pattern.
            window = max(0, start - WINDOW)
            joint = JOINT_BEFORE.search(text, window, start) if "and" in text[window:start] else None
            if joint:
                yield Candidate(joint.group("first"), rule=self.name, reason=f"{reason}, with another person")


class ObjectOfVerb:
    """The object of a verb of addressing someone: "had told Dorn that"."""

    name = "persons.object-of-verb"

    def find(self, text: str) -> Iterator[Candidate]:
        if not has_any_word(text, OBJECT_SEGMENTS):
            return  # the pattern would be tried at the letters each verb begins with
        for match in OBJECT.finditer(text):
            yield Candidate(match.group("surname"), rule=self.name, reason="the one addressed")


class Possessive:
    """A name in the possessive: "Able’s letter"."""

    name = "persons.possessive"

    def find(self, text: str) -> Iterator[Candidate]:
        if "’s" not in text and "'s" not in text:
            return  # most texts: no possessive, and the pattern would be tried at every position
        for match in POSSESSIVE.finditer(text):
            if ARTICLE_BEFORE.search(text, max(0, match.start() - 5), match.start()) or _capitalized_before(
                    text, match.start()):
                continue
            yield Candidate(match.group("surname"), rule=self.name, reason="a name in the possessive")


class NamedAs:
    """The name a person is introduced by: "a man named Dorn", "an aide called Ann Dorn"."""

    name = "persons.named-as"

    def find(self, text: str) -> Iterator[Candidate]:
        for word in NAMED_WORDS:
            position = text.find(word)
            while position >= 0:
                match = NAMED_AS.match(text, position)
                if match:
                    yield Candidate(match.group("surname"), "", match.group("given").strip(), self.name,
                                    f"introduced as '{word.strip()}' someone", strong=True)
                position = text.find(word, position + len(word))


class RelativeWho:
    """The antecedent of "who", a pronoun of persons only: "Dorn, who would rather stay"."""

    name = "persons.relative-who"

    def find(self, text: str) -> Iterator[Candidate]:
        position = text.find(WHO)
        while position >= 0:
            match = BEFORE_WHO.search(text, max(0, position - 40), position)
            if match and not ARTICLE_BEFORE.search(text, max(0, match.start() - 5), match.start()):
                yield Candidate(match.group("surname"), rule=self.name, reason="the antecedent of 'who'")
            position = text.find(WHO, position + len(WHO))


class FullName:
    """A given name, a middle initial and a surname: "Hans V. Able" (a shape only persons' names have)."""

    name = "persons.full-name"

    def find(self, text: str) -> Iterator[Candidate]:
        if ". " not in text:
            return
        for initial in MIDDLE_INITIAL.finditer(text):
            match = FULL_NAME.match(text, initial.end())
            previous = _previous_word(text, initial.start())
            if match is None or previous is None:
                continue
            given, begins = previous
            if NAME_WORD.fullmatch(given) and is_name_word(given) and begins + len(given) + 1 == initial.start():
                yield Candidate(match.group("surname"), "", f"{given} {initial.group().strip()}", self.name,
                                "after a given name and a middle initial", strong=True)


class FamilyNameFirst:
    """A romanized East Asian name, the family name first: "Dorn Tae-sun" (later "Dorn" alone)."""

    name = "persons.family-name-first"

    def find(self, text: str) -> Iterator[Candidate]:
        if "-" not in text:
            return
        for given in GIVEN_AFTER_FAMILY.finditer(text):
            previous = _previous_word(text, given.start())
            if previous is None or previous[1] + len(previous[0]) + 1 != given.start():
                continue
            family = previous[0]
            if NAME_WORD.fullmatch(family) and is_name_word(family):
                yield Candidate(f"{family} {given.group()}", rule=self.name,
                                reason="a family name before a given name of two syllables")


def _previous_word(text: str, start: int) -> tuple[str, int] | None:
    """The word that ends before the spaces before ``start``, and where it begins, looking back
    at most 40 characters: what ``(\\S+)\\s+\\Z`` finds there, without trying every position."""
    low = max(0, start - 40)
    before = text[low:start]
    end = len(before.rstrip())
    if end == len(before) or end == 0:
        return None
    word = before[:end].rsplit(None, 1)[-1]
    return word, low + end - len(word)


def _capitalized(text: str, word: str, begins: int) -> bool:
    """Whether ``word``, at ``begins``, is capitalized and not a sentence's first word."""
    return word[0].isupper() and word.isalpha() and not at_sentence_start(text, begins)


def _capitalized_before(text: str, start: int) -> bool:
    """Whether a capitalized word that is not a sentence's first word stands just before
    ("Discussion Paper noted", "for Political Affairs could"): part of a longer proper noun."""
    previous = _previous_word(text, start)
    return previous is not None and _capitalized(text, *previous)


def build_rules() -> Registry[MentionRule]:
    """The mention rules, highest priority first (the table of the module docstring)."""
    rules: Registry[MentionRule] = Registry("mention rules")
    for rule, priority in ((TitledName(), 100), (TitledNameInCapitals(), 95), (ParticleName(), 90), (SubjectOfVerb(), 80), (JointSubject(), 75),
                           (ObjectOfVerb(), 70), (Possessive(), 60), (NamedAs(), 50), (RelativeWho(), 40),
                           (FullName(), 30), (KnownGivenName(), 28), (FamilyNameFirst(), 25), (PartyToAnExchange(), 20), (WithAPronoun(), 10),
                           (Drafter(), 5)):
        rules.register(rule, rule.name, priority)
    return rules


RULES = build_rules()


def discover(document: Document, reporter: Reporter,
             rules: Registry[MentionRule] | None = None) -> list[Candidate]:
    """The names the rules propose, in order of the text, those not a person's name left out."""
    texts = list(texts_with_lines(document))
    # Quotations and a transcript's turns hold names too; each text's strings are read once.
    runs = [(list(line_runs(content)), line) for content, line in texts]
    kept = Kept(places_in(document, [text for strings, _line in runs for text in strings]), reporter)
    found = kept.found
    # The surnames found so far, kept up to date rather than rebuilt for every string.
    surnames: set[str] = set()
    counted = 0
    for strings, line in runs:
        for text in strings:
            for rule in rules if rules is not None else RULES:
                for candidate in rule.find(text):
                    candidate.line = line
                    kept.keep(candidate, text)
            surnames.update(candidate.surname for candidate in found[counted:])
            counted = len(found)
            if " and " not in text:
                continue  # no list of names
            for candidate in listed(text, surnames, kept.places, line):
                kept.keep(candidate, text)
    surnames.update(candidate.surname for candidate in found[counted:])
    surnames.update(person.surname for person in document.participants if person.surname)
    for candidate, text in [*paired(texts, surnames), *signatures(document), *addressed(document)]:
        kept.keep(candidate, text)
    # "Christopher Brown" where Christopher is a person's surname: two persons, not one.
    return [candidate for candidate in found
            if candidate.rule != KnownGivenName.name or candidate.given not in surnames]
