"""speakers: who says what, sentence by sentence (a resolve pass).

A memorandum of conversation reports a dialogue in the third person. This pass splits
every body paragraph into sentences and wraps each run of sentences that record one
participant's words or position in :class:`~tei.model.Said`; narrative and editorial
sentences stay outside::

    [PersName('Able', 'able'), ' asked where. ', PersName('Baker', 'baker'),
     ' said he would go. There was then some discussion.']
    → [Said(['able'], [PersName('Able', …), ' asked where.']), ' ',
       Said(['baker'], [PersName('Baker', …), ' said he would go.']), ' ',
       'There was then some discussion.']

How a sentence gets its speaker, in the order the rules are tried (each rule is one
function below, tested on its own in ``tests/test_speakers.py``):

=========================  ==============================================================
rule                       example → speaker
=========================  ==============================================================
new_speaker_clauses        "Carter asked …, and Baker answered …" → two units (Carter's,
                           Baker's) with "and" between them nobody's
editorial_aside            "(NOTE: Kern is …)", "(At lunch, it was agreed …)." → none
main_clause_start          "In answer to a question from Dorn, Baker said" →
                           the subject is looked for after the leading clause
opens_clause               the subject must open a clause: "… what Shore had said" is
                           not Shore's sentence
role_subject               "The Ambassador said" → the one participant listed as
                           Ambassador (participant_aliases: "Secretary Shore" is the
                           participant listed as "The Secretary")
joint_subject              "Able and Carter agreed." → both
named_subject              "Ambassador Carter said …", "Baker quipped" → him
pronoun_subject            "She recalled …" → the latest speaker of that gender, if the
                           text shows genders (learn_genders), else the latest speaker
reported_view              "Colonel Zed … thought …" (not a participant) inside a turn
                           → the participant who is talking; outside a turn → none,
                           and a ``speaker-not-in-participants`` warning
narrative                  "There was then some discussion …", "The group then
                           adjourned …" → none
continuation               "The other side is quite open to U.S. suggestions." → the
                           paragraph's current speaker (a paragraph without a cue
                           continues the previous paragraph's last speaker)
=========================  ==============================================================

Only participants speak; persons are told apart by the ids that the ``persons`` pass
linked. Genders come only from pronouns in the text ("Able said she …"), never from
names. Text is never dropped or reordered: sentences are cut inside strings only, and
quotations, editorial notes, note references and page breaks stay in their sentence.

The end of the module counts what each speaker said in a TEI file (``tei speakers``):
:func:`count_speakers` reads the ``said`` elements back and splits them with the same
sentence splitter.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from lxml import etree

from tei.errors import Reporter
from tei.model import (
    Block,
    Document,
    EditorialNote,
    Inline,
    LineBreak,
    PageBreak,
    Paragraph,
    PersName,
    Person,
    Quote,
    Said,
    Section,
    plain_text,
)
from tei.namespaces import TEI_NS, tei
from tei.resolve.base import Pass
from tei.resolve.persons import SAY_VERBS
from tei.rules import Registry

# ---------------------------------------------------------------- vocabulary

# Verbs that report what a participant said, asked or proposed (past and present tense).
SAYING = frozenset(SAY_VERBS) | frozenset([
    "answers", "comments", "recalls", "remarks", "observes", "tells", "explains", "responds", "inquires",
    "queries", "concludes", "stresses", "stressed", "hopes", "expresses", "insists", "argues", "confirms",
    "warns", "urges", "assures", "summarizes", "previewed", "outlined", "reviewed", "described",
    "mentioned", "mentions", "raised", "raises", "referred", "refers", "denied", "denies", "promised",
    "offered", "accepted", "accepts", "rejected", "predicted", "cautioned", "apologized", "complained",
    "protested", "invited", "recommended", "requested", "pressed", "informed", "announced", "affirmed",
    "conceded", "claimed", "corrected", "interrupted", "joked", "laughed", "went\\s+on", "went\\s+over",
    "disagreed", "demurred", "interposed", "recounted", "elaborated", "underlined", "underscored",
    "asserted", "contended", "retorted", "cited", "specified", "clarified", "characterized",
    "(?:began|opened|started|closed)\\s+(?:the\\s+\\w+\\s+)?by\\s+\\w+ing",
    "pointed\\s+out", "points\\s+out", "turned\\s+to", "nodded", "concurred", "assented",
])
# Verbs that record a participant's position rather than words: still that participant's.
THINKING = frozenset([
    "thought", "thinks", "believed", "believes", "felt", "feels", "realized", "realizes", "understood",
    "understands", "considered", "considers", "doubted", "doubts", "wanted", "wants", "preferred",
    "prefers", "wished", "wishes", "regretted", "regrets", "feared", "fears",
])
# Base forms after "seemed to", "went on to": "Mr. Evans seemed to emphasize that …".
BASE_FORMS = frozenset([
    "say", "ask", "add", "emphasize", "stress", "suggest", "propose", "note", "agree", "reply", "answer",
    "recall", "comment", "explain", "express",
])
VERB = (r"(?:(?:seemed|went\s+on|wished|wanted|began|proceeded|hastened)\s+to\s+(?:"
        + "|".join(sorted(BASE_FORMS)) + r")|"
        + "|".join(sorted(SAYING | THINKING, key=len, reverse=True))
        + r"|(?:was|is)\s+(?:not\s+)?(?:quite\s+|very\s+|still\s+)?(?:clear|sure|certain|puzzled|glad|pleased"
        r"|concerned|worried|disappointed|gratified|convinced|interested))\b")
# Words that may stand between a subject and its verb: "Fay then asked", "Dorn had said".
ADVERB = (r"(?:then|also|again|later|had|has|have|would|could|quickly|personally|immediately|further|both"
          r"|finally|categorically|once|first|still|merely|simply|only|clearly|strongly|briefly|thereupon"
          r"|rather|somewhat|indeed|however|therefore|nevertheless)")
# A leading clause that is not the main clause: its persons are not the subject
# ("When the Minister replied …, Dorn said"; "In answer to a question from Dorn, …").
LEADING_CLAUSE = re.compile(
    r"^(?:When|As|After|Before|While|Since|If|Although|Though|Because|Once|Until|Unless|Whereas|Whenever"
    r"|In\s+(?:answer|reply|response|responding|replying)\s+to|Responding\s+to|Replying\s+to"
    r"|Turning\s+to|Referring\s+to|Following|Asked)\b[^,;]*,\s*")
# What may stand right before the subject of a clause that is not the sentence's first:
# an introductory phrase ("However, he said"), a coordinated clause ("…, and he conveyed"),
# a participle of saying ("Saying she wanted …"), or a sentence adverb ("Later Able told Baker").
CLAUSE_OPENING = re.compile(
    r"(?:[,;:—]\s*(?:(?:and|but|so|then|yet)\s+)?"
    r"|^(?:Saying|Noting|Adding|Stressing|Explaining|Replying|Answering|Responding)\s+(?:that\s+)?"
    r"|^(?:Later|Then|Finally|Next|Again|Now|Afterwards|Subsequently|Thereupon|Here|Also)\s+)$")
# Sentences about the meeting rather than anyone's words.
NARRATIVE = re.compile(
    r"^There\s+(?:was|were|followed)\s+(?:then\s+|also\s+|now\s+)?(?:(?:some|a|an|further|brief|general|long"
    r"|short|lengthy|informal)\s+)*(?:discussion|conversation|exchange|banter|talk|debate)"
    r"|^(?:The\s+)?(?:group|meeting|session|participants|parties|delegations)\s+(?:then\s+)?"
    r"(?:adjourned|reconvened|broke\s+for)\b|\bthen\s+(?:adjourned|reconvened)\b"
    r"|^The\s+following\s+\w+\s+(?:was|were)\s+(?:then\s+|also\s+|briefly\s+)?discussed\b"
    r"|\b(?:was|were)\s+(?:then|next|briefly)\s+discussed\b"
    r"|^(?:Both|The\s+two)\s+(?:sides|delegations|parties|ministers|leaders|men)\s+(?:then\s+|also\s+)?"
    r"(?:agreed|decided|concluded)\b"
    r"|^(?:This|That|Which)\s+led\s+to\b"
    r"|\b(?:reporting\s+officer|drafter|notetaker|memorandum\s+of\s+conversation)\b"
    r"|\bhad\s+(?:a|an)\s+(?:\w+\s+)?(?:conversation|discussion|talk|exchange|meeting)\b"
    r"|\bit\s+was\s+(?:then\s+|also\s+)?agreed\b"
    r"|^(?:The\s+)?(?:meeting|conversation|luncheon|lunch|dinner|discussion)\s+(?:then\s+)?"
    r"(?:ended|began|closed|concluded|broke\s+up|lasted)\b")

# Abbreviations after which a period never ends a sentence.
TITLE_ABBREVIATIONS = frozenset([
    "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Gen.", "Col.", "Lt.", "Sgt.", "Capt.", "Adm.", "Gov.", "Sen.",
    "Rep.", "Amb.", "Prof.", "Rev.", "Messrs.", "Maj.", "cf.", "i.e.", "e.g.", "viz.", "vs.", "Inc.", "Co.",
    "Corp.", "Jr.", "ca.", "approx.",
])
# Abbreviations that stand before a number: "pp. 53–54", "No. 5" (but "He said no. Then …" ends).
NUMBER_ABBREVIATIONS = frozenset([
    "No.", "Nos.", "vol.", "Vol.", "vols.", "pp.", "p.", "ff.", "Art.", "art.", "para.", "paras.",
])
# Abbreviations that end a sentence only when a typical sentence opener follows
# ("… to the U.S. The text …" ends; "the U.S. side" does not).
OPENERS = frozenset([
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
    "There", "Here", "His", "Her", "Its", "Their", "Our", "But", "And", "Yet", "So", "However", "Moreover",
    "Thus", "Therefore", "Perhaps", "In", "On", "At", "If", "When", "As", "After", "Before", "While",
    "Since", "Although", "Both", "Each",
])
SENTENCE_END = re.compile(r"[.!?][”’\"')\]]*(?P<space>\s+)(?=[“‘\"(\[]?[A-Z0-9])")

# Placeholders in the masked text of a sentence (Unicode private use area):
PERSON_OPEN, PERSON_CLOSE = "\uE000", "\uE001"   # a PersName: \uE000<index>\uE001
QUOTE_MARK = "\uE002"                             # a quotation (atomic)
NOTE_MARK = "\uE003"                              # an editorial note (atomic)
PERSON = PERSON_OPEN + r"(?P<{name}>\d+)" + PERSON_CLOSE
PERSON_ANY = PERSON_OPEN + r"\d+" + PERSON_CLOSE
# Between a subject and its verb: a short aside in commas, and adverbs ("Evans, in turn, then said").
# The aside is a short adverbial phrase ("in turn", "after some hesitation"), never a relative clause:
# "Baker, who had been here a long time, understood …" is not Baker's sentence.
GAP = (r"(?:,\s+(?:in\s+turn|for\s+(?:his|her|their|its)\s+part|however|therefore|too|moreover|nevertheless"
       r"|once\s+again|(?:after|with|in|for|at|on|upon|without|by)\s+[^,;:\uE000-\uE003]{1,40}?),)?"
       r"(?:,?\s+" + ADVERB + r")*,?\s+")
NAMED = re.compile(PERSON.format(name="first") + r"(?P<more>(?:\s*,\s*" + PERSON_ANY + r")*"
                   r"(?:,?\s+and\s+" + PERSON_ANY + r"))?" + GAP + VERB)
PRONOUN = re.compile(r"(?<![\w’'])(?P<pronoun>[Hh]e|[Ss]he)" + GAP + VERB)
GENDER_PRONOUN = re.compile(r"(?<![\w’'])(he|she)(?![\w’'])", re.IGNORECASE)
# Small patterns used per sentence, compiled once.
PERSON_NUMBER = re.compile(PERSON_OPEN + r"(\d+)" + PERSON_CLOSE)
BOUNDARY_CHARS = re.compile(r"[.!?\s]")
INITIAL_WORD = re.compile(r"[A-Z]\.")
NUMBER_FOLLOWS = re.compile(r"[“‘\"(\[]?(?:\d|[IVXLC]+\b)")
NEXT_WORD = re.compile(r"[“‘\"(\[]?([\w’']+)")
INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}")
SEMICOLON = re.compile(r";\s+")
NOTE_ONLY = re.compile(NOTE_MARK + r"[\s.,;:]*")
CLOSING_PARENTHESIS_END = re.compile(r"\)[.!?]?$")


# ---------------------------------------------------------------- sentences

def _masked(items: list[Inline]) -> tuple[str, list[str | None]]:
    """The text of ``items`` for matching, with persons, quotations and notes as placeholders.

    ``[PersName('Able', 'able'), ' said, ', Quote(['“No.”'])]`` → ``('\\uE0000\\uE001 said, \\uE002',
    ['able'])``. Note references and page breaks take no room.
    """
    parts: list[str] = []
    refs: list[str | None] = []
    for item in items:
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, PersName):
            parts.append(f"{PERSON_OPEN}{len(refs)}{PERSON_CLOSE}")
            refs.append(item.ref)
        elif isinstance(item, Quote):
            parts.append(QUOTE_MARK)
        elif isinstance(item, EditorialNote):
            parts.append(NOTE_MARK)
        elif isinstance(item, LineBreak):
            parts.append(" ")
        elif isinstance(item, Said):
            inner, inner_refs = _masked(item.content)
            offset = len(refs)

            def renumber(match: re.Match[str], offset: int = offset) -> str:
                return f"{PERSON_OPEN}{int(match.group(1)) + offset}{PERSON_CLOSE}"

            parts.append(PERSON_NUMBER.sub(renumber, inner))
            refs += inner_refs
    return "".join(parts), refs


def _atom_text(item: Inline) -> str:
    """What an item contributes to the text the splitter reads: atomic items are one opaque block."""
    if isinstance(item, str):
        return item
    if isinstance(item, PersName):
        return BOUNDARY_CHARS.sub("x", item.text)  # "Mr. Evans", "A. Ames": never a boundary
    if isinstance(item, Quote):
        text = "".join(_atom_text(child) for child in item.content)
        # Keep the final punctuation visible ("“Yes.” The group" ends a sentence) but hide the
        # inside, so that no boundary is ever found within a quotation.
        return BOUNDARY_CHARS.sub("x", text[:-2]) + text[-2:] if len(text) > 2 else text
    if isinstance(item, EditorialNote):
        text = "".join(_atom_text(child) for child in item.content)
        return BOUNDARY_CHARS.sub("x", text[:-2]) + text[-2:] if len(text) > 2 else text
    if isinstance(item, LineBreak):
        return " "
    return ""  # NoteRef, PageBreak: no text


def is_sentence_end(text: str, period: int, following: str) -> bool:
    """Does the ``.``/``?``/``!`` at ``period`` end a sentence, given the word that ``following`` starts with?

    ``"the U.S. side"`` → no; ``"to the U.S. The"`` → yes; ``"Mr. Evans"``, ``"i.e. September"``,
    ``"pp. 53"``, ``"A. Ames"`` → no.
    """
    if text[period] != ".":
        return True
    # The last word, split off from the end: searching r"(\S+)$" tried every position of the
    # paragraph for every period: a third of the speakers pass on the bench collection.
    word = text[: period + 1].rsplit(None, 1)[-1].lstrip("(“‘\"[")
    if word.endswith(".."):
        return True  # "the U.S.." : an abbreviation and a full stop
    if word in TITLE_ABBREVIATIONS or INITIAL_WORD.fullmatch(word):
        return False  # a title or an initial: a name follows
    if word in NUMBER_ABBREVIATIONS:
        return NUMBER_FOLLOWS.match(following) is None
    next_word = NEXT_WORD.match(following)
    opener = next_word.group(1) if next_word else ""
    if INITIALISM.fullmatch(word) or word.lower() in ("etc.", "a.m.", "p.m."):
        return opener in OPENERS  # "U.S.", "A.M.", "U.S.S.R.": only before a clear opener
    return True


def split_sentences(content: list[Inline]) -> list[list[Inline]]:
    """Cut inline content into sentences; each keeps its trailing space, nothing is lost or moved.

    ``['It was good. ', Quote(['“Yes.”']), ' Fine.']`` → ``[['It was good. '], [Quote(…), ' '], ['Fine.']]``.
    Cuts fall only inside strings, after sentence-final punctuation and the space after it;
    quotations and editorial notes are never cut, and a note reference or page break glued
    to the end of a sentence stays with it. A semicolon followed by a new speaker's verb
    of saying also starts a new sentence ("Carter asked …; Baker answered, …").
    """
    texts = [_atom_text(item) for item in content]
    flat = "".join(texts)
    starts: list[int] = []
    position = 0
    for text in texts:
        starts.append(position)
        position += len(text)
    # Offsets in ``flat`` where a new sentence begins.
    cuts: set[int] = set()
    for match in SENTENCE_END.finditer(flat):
        if is_sentence_end(flat, match.start(), flat[match.end():]):
            cuts.add(match.end())
    cuts |= _speaker_clause_cuts(content, texts)

    sentences: list[list[Inline]] = [[]]
    for item, text, start in zip(content, texts, starts, strict=True):
        end = start + len(text)
        if isinstance(item, str):
            position = 0
            for cut in sorted(cut for cut in cuts if start < cut < end):
                sentences[-1].append(item[position:cut - start])
                sentences.append([])
                position = cut - start
            sentences[-1].append(item[position:])
        else:
            sentences[-1].append(item)
        if end > start and end in cuts:
            # The space after the sentence ends this item: a page break or name that
            # follows opens the next sentence.
            sentences.append([])
    return [sentence for sentence in sentences if sentence]


def _speaker_clause_cuts(content: list[Inline], texts: list[str]) -> set[int]:
    """Offsets after ``"; "`` where a participant's verb of saying follows: a new speaker starts there."""
    cuts: set[int] = set()
    position = 0
    for index, item in enumerate(content):
        if isinstance(item, str):
            for match in SEMICOLON.finditer(item):
                if match.end() == len(item) and index + 1 < len(content):
                    rest, _ = _masked(content[index + 1:])
                else:
                    rest, _ = _masked([item[match.end():], *content[index + 1:]])
                if NAMED.match(rest):
                    cuts.add(position + match.end())
        position += len(texts[index])
    return cuts


CONNECTOR = re.compile(r",(?P<connector>\s+(?:and|but|while|whereupon)\s+)")


def new_speaker_clauses(sentence: list[Inline]) -> list[tuple[list[Inline], bool]]:
    """Cut a sentence where ", and" opens a clause with another person speaking.

    ``"Carter asked if it applied, and Baker answered that it did."`` → ``"Carter asked if it
    applied,"`` (Carter's), ``" and "`` (a connector: nobody's), ``"Baker answered that it did."``
    (Baker's). ``"Baker said no, but Baker personally believes …"`` stays whole. Pieces come
    with True when they are the connector; a cut whose two sides turn out to have the same
    speaker ("He said …, but Baker personally believes") is joined again by the pass.
    """
    text, refs = _masked(sentence)
    first = _named_match(text)
    pronoun = next((match for match in PRONOUN.finditer(text) if opens_clause(text, 0, match.start())), None)
    if pronoun is not None and (first is None or pronoun.start() < first.start()):
        first_ref: str | None = "he or she"  # the sentence opens with a pronoun: any name differs
    elif first is not None:
        first_ref = refs[int(first.group("first"))]
    else:
        return [(sentence, False)]
    for index, item in enumerate(sentence):
        if not isinstance(item, str):
            continue
        for match in CONNECTOR.finditer(item):
            rest, rest_refs = _masked([item[match.end():], *sentence[index + 1:]])
            named = NAMED.match(rest)
            if named is None or named.group("more"):
                continue
            ref = rest_refs[int(named.group("first"))]
            if ref is None or ref == first_ref:
                continue
            head = [*sentence[:index], item[:match.start("connector")]]
            tail = [piece for piece in (item[match.end():], *sentence[index + 1:]) if piece != ""]
            return [(head, False), ([match.group("connector")], True), *new_speaker_clauses(tail)]
    return [(sentence, False)]


# ---------------------------------------------------------------- rules

@dataclass
class Subject:
    """What the main clause of a sentence says about its speaker."""

    kind: str                       # "named", "pronoun"
    refs: list[str | None] = field(default_factory=list)
    pronoun: str = ""               # "he" or "she"


def editorial_aside(sentence: list[Inline]) -> bool:
    """A sentence that is only an editorial note, or wholly in parentheses, is the editor's or drafter's.

    ``[EditorialNote(['(NOTE: Kern is …)'])]`` → True; ``['(At lunch, it was agreed …).']`` → True;
    ``['Dorn added that perhaps (Embassy Minister Counselor) Ivers could …']`` → False.
    """
    text, _ = _masked(sentence)
    text = text.strip()
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


def main_clause_start(text: str) -> int:
    """Where the main clause of a masked sentence begins: after a leading subordinate clause.

    ``"In answer to a question from Dorn, Baker said …"`` → the offset of "Baker";
    ``"When the Minister replied, Dorn said"`` → the offset of "Dorn"; otherwise 0.
    """
    match = LEADING_CLAUSE.match(text)
    return match.end() if match else 0


def named_subject(text: str, refs: list[str | None]) -> Subject | None:
    """A person (or persons joined by "and") as the subject of a verb of saying or thinking.

    ``"\uE0000\uE001 then asked whether …"`` → ``Subject("named", [refs[0]])``. The subject must
    open a clause (see :func:`opens_clause`): in "The text calls for what Shore had mentioned",
    Shore is not the one speaking.
    """
    match = _named_match(text)
    if match is None:
        return None
    indexes = [int(match.group("first"))]
    if match.group("more"):
        more = PERSON_NUMBER.findall(match.group("more"))
        indexes += [int(number) for number in more]
    return Subject("named", [refs[index] for index in indexes])


@functools.lru_cache(maxsize=1024)
def _named_match(text: str) -> re.Match[str] | None:
    """The first "<person> … <verb of saying>" that opens a clause of the masked ``text``.
    Remembered: a sentence is asked about when learning genders, cutting and attributing."""
    start = main_clause_start(text)
    for match in NAMED.finditer(text, start):
        if opens_clause(text, start, match.start()):
            return match
    return None


def opens_clause(text: str, start: int, position: int) -> bool:
    """Does ``position`` open a main clause: the sentence start, or after an introductory phrase?

    ``"However, he said"``, ``"…, and he conveyed"``, ``"Saying she wanted"`` → yes;
    ``"… as Baker had explained"``, ``"… what Shore had said"`` → no.
    """
    return position == start or CLAUSE_OPENING.search(text, start, position) is not None


def joint_subject(subject: Subject, participants: set[str]) -> list[str] | None:
    """"A and B agreed" → both speak: the participants among a compound subject, in order.

    ``Subject("named", ["able", "carter"])`` → ``["able", "carter"]``; one person → None.
    """
    if len(subject.refs) < 2:
        return None
    who = [ref for ref in subject.refs if ref in participants]
    return list(dict.fromkeys(who)) or None


def pronoun_subject(text: str) -> Subject | None:
    """"He"/"She" as the subject of a verb of saying.

    ``"She recalled …"`` → ``Subject("pronoun", pronoun="she")``.

    Only when it opens a clause and comes before any named subject; "Baker said he …"
    is Baker's.
    """
    start = main_clause_start(text)
    for match in PRONOUN.finditer(text, start):
        if not opens_clause(text, start, match.start()):
            continue
        named = _named_match(text)
        if named is not None and named.start() < match.start():
            return None
        return Subject("pronoun", pronoun=match.group("pronoun").lower())
    return None


def narrative(text: str) -> bool:
    """A sentence about the meeting itself, not anyone's words.

    ``"There was then some discussion about …"``, ``"The group then adjourned for lunch."``,
    ``"This led to a discussion of trade."`` → True.
    """
    return NARRATIVE.search(text) is not None


def resolve_pronoun(pronoun: str, history: list[str], genders: dict[str, str]) -> str | None:
    """The participant a pronoun refers to: the latest speaker who can be that gender, else the latest.

    ``("she", ["able", "baker"], {"able": "she", "baker": "he"})`` → ``"able"``.
    A speaker whose gender the text never shows can be either, so ``("he", ["adzhubei",
    "president"], {"adzhubei": "he"})`` → ``"president"``, the latest.
    """
    for who in reversed(history):
        if genders.get(who, pronoun) == pronoun:
            return who
    return history[-1] if history else None


def learn_genders(sentences: list[list[Inline]], state: _State) -> dict[str, str]:
    """Genders shown by the text: "Able said she …" → ``{"able": "she"}``.

    The first he/she after a participant's verb of saying, before any other person is named,
    refers to that participant. A participant seen with both keeps the majority; a tie, none.
    """
    votes: dict[str, Counter[str]] = {}
    for sentence in sentences:
        text, refs = state.mask(sentence)
        match = _named_match(text)
        if match is None or match.group("more"):
            continue
        who = _participant(refs[int(match.group("first"))], state.participants, state.aliases)
        if who is None:
            continue
        rest = text[match.end():]
        cut = rest.find(PERSON_OPEN)
        pronoun = GENDER_PRONOUN.search(rest if cut < 0 else rest[:cut])
        if pronoun:
            votes.setdefault(who, Counter())[pronoun.group(1).lower()] += 1
    genders: dict[str, str] = {}
    for who, counter in votes.items():
        (first, first_count), *others = counter.most_common()
        if not others or others[0][1] < first_count:
            genders[who] = first
    return genders


def participant_aliases(document: Document) -> dict[str, str]:
    """Mentioned persons who are a participant listed by role alone: "Secretary Shore" is "The Secretary".

    ``{"shore": "secretary"}`` when the participants include "The Secretary" (role only) and the
    text names "Secretary Shore"; only when exactly one role-only participant has that title.
    """
    by_role: dict[str, list[Person]] = {}
    for person in document.participants:
        if person.role_only and person.role_names:
            by_role.setdefault(" ".join(person.role_names).lower(), []).append(person)
    aliases: dict[str, str] = {}
    for person in document.mentioned:
        role = " ".join(person.role_names).lower()
        if role and len(by_role.get(role, [])) == 1:
            aliases[person.id] = by_role[role][0].id
    return aliases


HONORIFICS = frozenset(["Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Messrs.", "Mr", "Mrs", "Ms", "Dr"])


def participant_roles(document: Document) -> dict[str, str]:
    """Role phrases that name exactly one participant: "Ambassador Dorn, USSR" makes "the Ambassador" Dorn.

    ``{"Ambassador": "dorn"}`` when Dorn is the only participant listed as Ambassador; with two
    Ambassadors the phrase names neither. Honorifics ("Mr.") are no role; a role-only participant
    ("The Secretary") is linked by the persons pass already.
    """
    holders: dict[str, list[str]] = {}
    for person in document.participants:
        if person.role_only:
            continue
        phrases = {" ".join(person.role_names), *person.occupations} - {""}
        for phrase in phrases:
            if phrase not in HONORIFICS and phrase[:1].isupper():
                holders.setdefault(phrase, []).append(person.id)
    taken = {" ".join(person.role_names) for person in document.participants if person.role_only}
    return {phrase: ids[0] for phrase, ids in holders.items() if len(ids) == 1 and phrase not in taken}


@functools.lru_cache(maxsize=128)
def _role_pattern(roles: tuple[str, ...]) -> re.Pattern[str]:
    """"the <role>" for these roles, longest first; built once per cast (it is asked per sentence)."""
    return re.compile(r"(?<![\w’'])[Tt]he\s+(?P<role>" + "|".join(re.escape(role) for role in roles)
                      + r")(?![\w’'\-])")


def role_subject(text: str, refs: list[str | None], roles: dict[str, str]) -> tuple[str, list[str | None]]:
    """Treat "the <role>" of a participant like a name, so that the subject rules see a person.

    ``("The Ambassador said no.", [], {"Ambassador": "dorn"})`` → ``("\uE0000\uE001 said no.", ["dorn"])``;
    "the Deputy Minister" is not "the Minister": the whole role must match.
    """
    if not roles:
        return text, refs
    refs = list(refs)
    pattern = _role_pattern(tuple(sorted(roles, key=len, reverse=True)))

    def mark(match: re.Match[str]) -> str:
        refs.append(roles[match.group("role")])
        return f"{PERSON_OPEN}{len(refs) - 1}{PERSON_CLOSE}"

    return pattern.sub(mark, text), refs


def _participant(ref: str | None, participants: set[str], aliases: dict[str, str]) -> str | None:
    ref = aliases.get(ref or "", ref)
    return ref if ref in participants else None


# ---------------------------------------------------------------- the pass

@dataclass
class _State:
    """What a reader keeps in mind while reading: who spoke last, and genders seen."""

    participants: set[str]
    aliases: dict[str, str]
    roles: dict[str, str]
    genders: dict[str, str] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)  # speakers, latest last
    outsiders: list[str] = field(default_factory=list)  # non-participants speaking outside any turn
    turn_started: bool = False  # has a subject in this paragraph named the current speaker?
    masks: dict[int, tuple[list[Inline], str, list[str | None]]] = field(default_factory=dict)

    def mask(self, sentence: list[Inline]) -> tuple[str, list[str | None]]:
        """The sentence's masked text, participants' role phrases marked as persons.

        Remembered per sentence: the genders are learned from the same sentences that are
        then attributed. The entry keeps the sentence itself, so that its id is not reused.
        """
        cached = self.masks.get(id(sentence))
        if cached is not None and cached[0] is sentence:
            return cached[1], list(cached[2])
        text, refs = role_subject(*_masked(sentence), self.roles)
        self.masks[id(sentence)] = (sentence, text, refs)
        return text, list(refs)

    def spoke(self, who: list[str]) -> None:
        for person in who:
            if person in self.history:
                self.history.remove(person)
            self.history.append(person)


def attribute_sentence(sentence: list[Inline], current: list[str] | None,
                       state: _State) -> tuple[list[str] | None, list[str] | None]:
    """The speakers of one sentence, and the paragraph's current speakers after it.

    Applies the rules in the order of the module docstring.
    """
    if editorial_aside(sentence):
        return None, current
    text, refs = state.mask(sentence)
    subject = named_subject(text, refs)
    pronoun = pronoun_subject(text)
    if pronoun is not None:
        who = resolve_pronoun(pronoun.pronoun, state.history, state.genders)
        if who is not None:
            state.spoke([who])
            state.turn_started = True
            return [who], [who]
    if subject is not None:
        speakers = [person for person in (_participant(ref, state.participants, state.aliases)
                                          for ref in subject.refs) if person]
        joint = joint_subject(Subject("named", list[str | None](speakers)), state.participants)
        if joint:
            state.spoke(joint)
            state.turn_started = True
            return joint, joint
        if speakers:
            state.spoke(speakers)
            state.turn_started = True
            return speakers, speakers
        if current is None or not state.turn_started:
            # Outside a turn (or opening a paragraph) a non-participant is not being reported:
            # their words belong to no participant.
            state.outsiders += [ref or "" for ref in subject.refs]
            return None, None
        return reported_view(current), current
    if narrative(text):
        return None, None
    return current, current


def reported_view(current: list[str] | None) -> list[str] | None:
    """A person who is not a participant "said" or "thought": the participant talking reports it.

    Inside Carter's turn, "Colonel Zed … thought …" stays Carter's (``["carter"]`` → ``["carter"]``).
    Outside a turn, or opening a paragraph, the sentence gets no speaker (and a warning).
    """
    return current


def _paragraph_lists(blocks: list[Block]) -> Iterator[list[Block]]:
    """The body's block lists (the body itself and every section's blocks), in reading order."""
    yield blocks
    for block in blocks:
        if isinstance(block, Section):
            yield from _paragraph_lists(block.blocks)


def _wrap(sentences: list[list[Inline]], speakers: list[list[str] | None]) -> list[Inline]:
    """Runs of sentences with the same speakers → one Said; spaces between runs stay outside."""
    result: list[Inline] = []
    index = 0
    while index < len(sentences):
        who = speakers[index]
        end = index + 1
        while end < len(sentences) and speakers[end] == who:
            end += 1
        run = [item for sentence in sentences[index:end] for item in sentence]
        if who is None:
            result += run
        else:
            trailing = ""
            if run and isinstance(run[-1], str) and run[-1] != run[-1].rstrip():
                stripped = run[-1].rstrip()
                trailing = run[-1][len(stripped):]
                run = run[:-1] + ([stripped] if stripped else [])
            result.append(Said(list(who), run))
            if trailing:
                result.append(trailing)
        index = end
    return result


def attribute_speakers(document: Document, reporter: Reporter) -> None:
    """Wrap every run of one participant's sentences in :class:`Said`, paragraph by paragraph.

    Before: ``Paragraph(['Able', ' asked where. Baker said later.'])`` (names linked) →
    after: ``Paragraph([Said(['able'], […]), ' ', Said(['baker'], […])])``.
    """
    participants = {person.id for person in document.participants}
    if not participants:
        return
    aliases = participant_aliases(document)
    paragraphs: list[Paragraph] = []
    for blocks in _paragraph_lists(document.body):
        paragraphs += [block for block in blocks if isinstance(block, Paragraph)]
    # Split once: the genders are learned from the same sentences that are then attributed.
    sentences_of = {id(paragraph): split_sentences(paragraph.content) for paragraph in paragraphs}
    all_sentences = [sentence for paragraph in paragraphs for sentence in sentences_of[id(paragraph)]]
    state = _State(participants, aliases, participant_roles(document))
    state.genders = learn_genders(all_sentences, state)

    for blocks in _paragraph_lists(document.body):
        carried: list[str] | None = None  # the last speaker of the previous paragraph of this list
        for block in blocks:
            if isinstance(block, PageBreak):
                continue  # a page break between paragraphs does not interrupt a turn
            if not isinstance(block, Paragraph):
                carried = None
                continue
            if any(isinstance(item, Said) for item in block.content):
                continue  # already attributed
            sentences: list[list[Inline]] = []
            speakers: list[list[str] | None] = []
            current = carried
            state.turn_started = False
            for whole in sentences_of[id(block)]:
                connector: list[Inline] | None = None
                for piece, is_connector in new_speaker_clauses(whole):
                    if is_connector:
                        connector = piece
                        continue
                    who, current = attribute_sentence(piece, current, state)
                    if state.outsiders:
                        _report_outsiders(document, state.outsiders, piece, block.line, reporter)
                        state.outsiders.clear()
                    if connector is not None and speakers[-1] == who:
                        sentences[-1] += connector + piece  # the same speaker after all: one unit
                    else:
                        if connector is not None:
                            sentences.append(connector)
                            speakers.append(None)  # ", and": nobody's words
                        sentences.append(piece)
                        speakers.append(who)
                    connector = None
            block.content[:] = _wrap(sentences, speakers)
            carried = current


def _report_outsiders(document: Document, refs: list[str], sentence: list[Inline], line: int,
                      reporter: Reporter) -> None:
    """A person who is not a participant speaks outside anyone's turn: the sentence gets no speaker.

    Often the person took part but is missing from the participant list.
    """
    names = {person.id: person.name for person in document.mentioned}
    who = " and ".join(names.get(ref, ref or "a person") for ref in refs)
    text = " ".join(plain_text(sentence).split())
    excerpt = text if len(text) <= 60 else text[:57] + "…"
    reporter.warning(f"'{excerpt}': {who} speaks but is not among the participants; the sentence is left "
                     "without a speaker (list the person as a participant if they took part)", line,
                     "speaker-not-in-participants")




# ---------------------------------------------------------------- statistics from TEI

TEI_PREFIX = f"{{{TEI_NS}}}"
NO_SECTION = "(no section)"
FORMATS = ("table", "csv", "json")


@dataclass
class SpeakerCount:
    """What one speaker said in a TEI document: sentences, words, and the sections spoken in."""

    id: str
    name: str
    sentences: int = 0
    words: int = 0
    sections: list[str] = field(default_factory=list)


def _normalize(text: str) -> str:
    return " ".join(text.split())


def _element_inlines(element: etree._Element) -> list[Inline]:
    """The inline content of a TEI element as model items, so that sentences split as in the converter.

    ``<said>A said, <q>“Yes.”</q> Fine.</said>`` → ``['A said, ', Quote(['“Yes.”']), ' Fine.']``.
    Footnotes count as note references (no text); editorial notes stay whole.
    """
    items: list[Inline] = [element.text] if element.text else []
    for child in element:
        name = child.tag.replace(TEI_PREFIX, "") if isinstance(child.tag, str) else ""
        if name == "q":
            items.append(Quote(_element_inlines(child)))
        elif name == "note" and child.get("place") == "foot":
            pass  # a footnote is the editor's, not spoken: it takes no room
        elif name == "note":
            items.append(EditorialNote(_element_inlines(child), _line(child)))
        elif name == "pb":
            items.append(PageBreak(child.get("n", ""), _line(child)))
        elif name == "lb":
            items.append(LineBreak(_line(child)))
        elif name == "persName":
            items.append(PersName(_text_of(child), (child.get("ref") or "").lstrip("#") or None))
        elif isinstance(child.tag, str):
            items += _element_inlines(child)
        if child.tail:
            items.append(child.tail)
    return items


def _line(element: etree._Element) -> int:
    line = element.sourceline
    return line if isinstance(line, int) else 0


def _text_of(element: etree._Element) -> str:
    return "".join(str(text) for text in element.itertext())


def _spoken_words(content: list[Inline]) -> int:
    """Words of the speaker's own text: editorial notes (and footnotes, already left out) do not count."""
    def spoken(items: list[Inline]) -> str:
        parts = []
        for item in items:
            if isinstance(item, str):
                parts.append(item)
            elif isinstance(item, PersName):
                parts.append(item.text)
            elif isinstance(item, (Quote, Said)):
                parts.append(spoken(item.content))
            else:
                parts.append(" ")
        return "".join(parts)
    return len(spoken(content).split())


def _section_labels(root: etree._Element) -> dict[etree._Element, str]:
    """Each section ``div`` → its head text, or "section N" (N counts every section, in order).

    A heading used twice (the same topic before and after lunch) gets its number too:
    "1. Trade (section 6)".
    """
    sections = [div for div in root.iter(tei("div")) if div.get("type") == "section"]
    heads = []
    for div in sections:
        head = div.find(tei("head"))
        heads.append(_normalize(_text_of(head)) if head is not None else "")
    repeated = {text for text in heads if text and heads.count(text) > 1}
    labels: dict[etree._Element, str] = {}
    for number, (div, text) in enumerate(zip(sections, heads, strict=True), start=1):
        labels[div] = f"{text} (section {number})" if text in repeated else text or f"section {number}"
    return labels


def count_speakers(root: etree._Element) -> list[SpeakerCount]:
    """Per speaker of a TEI document: sentences and words inside ``said``, and the sections spoken in.

    A ``said`` with ``who="#a #b"`` counts for both. Speakers come in order of sentences spoken
    (most first), then by id. Before: ``<said who="#able">Able asked. She sat.</said>``
    → after: ``[SpeakerCount("able", "Ambassador Able", sentences=2, words=4, …)]``.
    """
    names = {person.get("{http://www.w3.org/XML/1998/namespace}id"): _normalize(
        _text_of(name)) if (name := person.find(tei("persName"))) is not None else ""
        for person in root.iter(tei("person"))}
    labels = _section_labels(root)
    counts: dict[str, SpeakerCount] = {}
    text = root.find(tei("text"))
    for said in (text.iter(tei("said")) if text is not None else []):
        content = _element_inlines(said)
        sentences = [sentence for sentence in split_sentences(content)
                     if not editorial_aside(sentence) and plain_text(sentence).strip()]
        words = _spoken_words(content)
        section = next((labels[div] for div in said.iterancestors(tei("div")) if div in labels),
                       NO_SECTION)
        for pointer in (said.get("who") or "").split():
            who = pointer.lstrip("#")
            count = counts.setdefault(who, SpeakerCount(who, names.get(who) or ""))
            count.sentences += len(sentences)
            count.words += words
            if section not in count.sections:
                count.sections.append(section)
    return sorted(counts.values(), key=lambda count: (-count.sentences, -count.words, count.id))


def format_speakers(counts: list[SpeakerCount], output_format: str, path: str = "") -> str:
    """The counts as an aligned ``table``, ``csv`` (sections joined by "; ") or ``json``."""
    if output_format == "json":
        return json.dumps({"file": path, "speakers": [asdict(count) for count in counts]},
                          ensure_ascii=False, indent=2) + "\n"
    rows = [[count.id, count.name, str(count.sentences), str(count.words), "; ".join(count.sections)]
            for count in counts]
    header = ["speaker", "name", "sentences", "words", "sections"]
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return buffer.getvalue()
    if output_format != "table":
        raise ValueError(f"unknown format {output_format!r}; use one of: {', '.join(FORMATS)}")
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(4)]
    lines = []
    for row in [header, *rows]:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].rjust(widths[2]),
                 row[3].rjust(widths[3]), row[4]]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


__all__ = [
    "SpeakerCount",
    "attribute_sentence",
    "attribute_speakers",
    "count_speakers",
    "editorial_aside",
    "format_speakers",
    "is_sentence_end",
    "joint_subject",
    "learn_genders",
    "main_clause_start",
    "named_subject",
    "narrative",
    "new_speaker_clauses",
    "opens_clause",
    "participant_aliases",
    "participant_roles",
    "pronoun_subject",
    "reported_view",
    "resolve_pronoun",
    "role_subject",
    "split_sentences",
]


def register(passes: Registry[Pass]) -> None:
    passes.register(attribute_speakers, "speakers", 60)
