"""The speakers pass: wrap each run of one participant's sentences in :class:`~tei.model.Said`.

    [PersName('Able', 'able'), ' asked where. ', PersName('Baker', 'baker'),
     ' said he would go. There was then some discussion.']
    → [Said(['able'], [PersName('Able', …), ' asked where.']), ' ',
       Said(['baker'], [PersName('Baker', …), ' said he would go.']), ' ',
       'There was then some discussion.']

Each sentence is decided by the first rule of :data:`~.rules.RULES` with an opinion; the
decision is recorded for ``tei convert --explain``.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterator

from tei.errors import InternalError, Reporter
from tei.model import (
    Block,
    Document,
    Inline,
    NoteRef,
    PageBreak,
    Paragraph,
    Said,
    Section,
    iter_nodes,
    plain_text,
)
from tei.resolve.speakers.cast import (
    Mask,
    Reading,
    count_genders,
    document_writer,
    genders_from,
    participant_roles,
)
from tei.resolve.speakers.clauses import new_speaker_clauses
from tei.resolve.speakers.rules import (
    RULES,
    SOURCE_LINE_REASON,
    Attribution,
    Sentence,
    SpeakerRule,
    editorial_aside,
    is_source_line,
)
from tei.resolve.speakers.sentences import cut_sentences, sentence_cuts, split_sentences
from tei.rules import Registry

EXCERPT = 60
# Characters of masked text kept from the first reading of a document's paragraphs for the second.
KEPT_TEXT = 100_000


def decide_sentence(sentence: list[Inline], current: list[str] | None, reading: Reading,
                    rules: Registry[SpeakerRule] | None = None, *,
                    masked_text: tuple[str, list[str | None]] | None = None) -> tuple[str, Attribution]:
    """The first rule with an opinion on ``sentence`` and its decision; the reading is updated.
    ``masked_text``: ``reading.mask(sentence)``, when the caller has it already."""
    text, refs = masked_text if masked_text is not None else reading.mask(sentence)
    context = Sentence(sentence, text, refs, current)
    for rule in rules if rules is not None else RULES:
        decision = rule.decide(context, reading)
        if decision is not None:
            reading.at_opening = False
            if decision.names_speaker and decision.who:
                reading.spoke(decision.who)
                reading.turn_started = True
            elif decision.actor is not None:
                reading.spoke([decision.actor])
            elif decision.unnamed:
                reading.history.clear()  # "he" after an unnamed speaker is no one spoken of before
            return rule.name, decision
    raise InternalError(f"no speaker rule decided {plain_text(sentence)[:EXCERPT]!r}")


def attribute_sentence(sentence: list[Inline], current: list[str] | None,
                       reading: Reading) -> tuple[list[str] | None, list[str] | None]:
    """The speakers of one sentence, and the paragraph's current speakers after it."""
    _rule, decision = decide_sentence(sentence, current, reading)
    return decision.who, decision.current


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
    if not participants and not any(isinstance(item, Said) and item.direct for item in iter_nodes(document)):
        return  # nobody to attribute speech to
    paragraphs = [block for blocks in _paragraph_lists(document.body) for block in blocks
                  if isinstance(block, Paragraph)]
    reading = Reading(participants, participant_roles(document), document_writer(document))
    names = {person.id: person.name for person in document.mentioned}  # for warnings; built once
    kept, cuts_of = _first_reading(paragraphs, reading)
    for blocks in _paragraph_lists(document.body):
        carried: list[str] | None = None  # the last speaker of the previous paragraph of this list
        turn: list[str] | None = None  # the speaker of the last labelled turn of a transcript
        for block in blocks:
            if isinstance(block, PageBreak):
                continue  # a page break between paragraphs does not interrupt a turn
            if not isinstance(block, Paragraph):
                carried = turn = None
                continue
            turns = [item.who for item in block.content if isinstance(item, Said) and item.direct and item.who]
            if turns or any(isinstance(item, Said) for item in block.content):
                turn = turns[-1] if turns else turn
                _set_asides_apart(block, reading, reporter)
                continue  # attributed by its label
            if is_source_line(plain_text([item for item in block.content if not isinstance(item, NoteRef)])):
                carried = turn = None  # the source of the words quoted below: nobody's, and no turn goes on
                if reporter.explaining:
                    reporter.decide("speaker.source-line", f"'{_excerpt(block.content)}'", "nobody's words",
                                    SOURCE_LINE_REASON, block.line)
                continue
            if turn is None and not participants:
                continue  # only participants speak in reported speech
            if id(block) in kept:
                sentences, reading.masks = kept.pop(id(block))
            else:
                sentences, reading.masks = cut_sentences(block.content, cuts_of.pop(id(block))), {}
            if turn is not None:
                _continue_turn(block, sentences, turn, reporter)
            else:
                carried = _attribute_paragraph(block, sentences, carried, reading, names, reporter)
            reading.masks = {}


Kept = dict[int, tuple[list[list[Inline]], dict[int, Mask]]]


def _first_reading(paragraphs: list[Paragraph], reading: Reading) -> tuple[Kept, dict[int, array[int]]]:
    """Read every paragraph once for the genders (set on ``reading``); keep what the second
    reading needs: each paragraph's sentences and masked texts, while they weigh little (a
    memorandum's, whole), and past KEPT_TEXT only where its sentences begin, since a long
    document's sentences weigh several times its text."""
    cuts_of: dict[int, array[int]] = {}
    kept: Kept = {}
    kept_text = 0
    votes: dict[str, Counter[str]] = {}
    for paragraph in paragraphs:
        cuts = sentence_cuts(paragraph.content, reading.roles)
        sentences = cut_sentences(paragraph.content, cuts)
        reading.masks = {}
        count_genders(sentences, reading, votes)
        if kept_text < KEPT_TEXT:
            kept[id(paragraph)] = (sentences, reading.masks)
            kept_text += sum(len(text) for _sentence, text, _refs in reading.masks.values())
        else:
            cuts_of[id(paragraph)] = array("l", cuts)
    reading.genders = genders_from(votes)
    return kept, cuts_of


def _attribute_paragraph(block: Paragraph, whole_sentences: list[list[Inline]], current: list[str] | None,
                         reading: Reading, names: dict[str, str], reporter: Reporter) -> list[str] | None:
    """Attribute the sentences of one paragraph; returns the current speakers at its end."""
    sentences: list[list[Inline]] = []
    speakers: list[list[str] | None] = []
    reading.turn_started = False
    reading.at_opening = True
    for whole in whole_sentences:
        connector: list[Inline] | None = None
        # The reading has the sentence's masked text already (the genders were learned from it).
        mask = reading.mask(whole)
        for piece, is_connector in new_speaker_clauses(whole, reading.roles, masked_text=mask):
            if is_connector:
                connector = piece
                continue
            rule, decision = decide_sentence(piece, current, reading, masked_text=mask if piece is whole else None)
            who, current = decision.who, decision.current
            if reporter.explaining:
                _record(rule, decision, piece, block.line, reporter)
            if decision.outsiders:
                _report_outsiders(names, list(decision.outsiders), piece, block.line, reporter)
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
    return current


def _continue_turn(block: Paragraph, sentences: list[list[Inline]], turn: list[str], reporter: Reporter) -> None:
    """A paragraph without a label after a labelled turn goes on with that turn ("speaker.turn-continues"),
    in the speaker's own words as the labelled paragraph (``direct``); the editor's bracketed notes ("[They confer.]") and a paragraph wholly in brackets are nobody's."""
    text = plain_text(block.content).strip()
    aside = text.startswith("[") and text.endswith("]")
    speakers = [None if aside or editorial_aside(sentence) else turn for sentence in sentences]
    if reporter.explaining:
        for sentence, who in zip(sentences, speakers, strict=True):
            reason = "a labelled turn goes on in the next paragraph" if who else "the editor's note in brackets"
            reporter.decide("speaker.turn-continues", f"'{_excerpt(sentence)}'",
                            "said by " + " and ".join(f"#{person}" for person in who) if who else "nobody's words",
                            reason, block.line)
    block.content[:] = _wrap(sentences, speakers)
    for item in block.content:
        if isinstance(item, Said):
            item.direct = True  # the turn's own words, as after its label


def _set_asides_apart(block: Paragraph, reading: Reading, reporter: Reporter) -> None:
    """The transcriber's notes inside a labelled turn ("(Laughter.)") are nobody's words: the turn
    is cut around them ("speaker.turn-aside"), its words stay the speaker's."""
    content: list[Inline] = []
    for item in block.content:
        if not (isinstance(item, Said) and item.direct and item.who):
            content.append(item)
            continue
        sentences = split_sentences(item.content, reading.roles)
        asides = [editorial_aside(sentence) for sentence in sentences]
        if not any(asides):
            content.append(item)
            continue
        pieces = _wrap(sentences, [None if aside else item.who for aside in asides])
        for piece in pieces:
            if isinstance(piece, Said):
                piece.direct = True
        content += pieces
        if reporter.explaining:
            for sentence in (sentence for sentence, aside in zip(sentences, asides, strict=True) if aside):
                reporter.decide("speaker.turn-aside", f"'{_excerpt(sentence)}'", "nobody's words",
                                "a note in parentheses inside a labelled turn", block.line)
    block.content[:] = content


def _excerpt(sentence: list[Inline]) -> str:
    text = " ".join(plain_text(sentence).split())
    return text if len(text) <= EXCERPT else text[:EXCERPT - 3] + "…"


def _record(rule: str, decision: Attribution, sentence: list[Inline], line: int, reporter: Reporter) -> None:
    verdict = "said by " + " and ".join(f"#{who}" for who in decision.who) if decision.who else "nobody's words"
    reporter.decide(rule, f"'{_excerpt(sentence)}'", verdict, decision.reason, line)


# What every such warning says after its sentence and speaker: held once for all of them.
OUTSIDER_SPEAKS = (" speaks but is not among the participants; the sentence is left without a speaker "
                   "(list the person as a participant if they took part)")


def _report_outsiders(names: dict[str, str], refs: list[str], sentence: list[Inline], line: int,
                      reporter: Reporter) -> None:
    """A person who is not a participant speaks outside anyone's turn: the sentence gets no speaker.

    Often the person took part but is missing from the participant list; ``names``: the
    mentioned persons' names by id.
    """
    who = " and ".join(names.get(ref, ref or "a person") for ref in refs)
    excerpt = _excerpt(sentence)
    reporter.warning((f"'{excerpt}': {who}", OUTSIDER_SPEAKS), line, "speaker-not-in-participants")


