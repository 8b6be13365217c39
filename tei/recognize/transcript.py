"""Transcripts: a paragraph that opens with a speaker's label → a labelled turn of direct speech.

    "K: What did they say?"                → Paragraph([Said([], [PersName("K"), ": What did they say?"],
                                                             direct=True)])
    "The President: Let us begin."         → the label "The President"
    "Dr. Able : I am glad we met."         → the label "Dr. Able" (a space before the colon)
    "Mr. Baker. If I may, Mr. President"   → the label "Mr. Baker" (a title, a name and a full stop)
    "President Able. We are glad."         → the label "President Able" (an office or rank, a name,
                                             a full stop: the italic run-in labels of memoranda)
    "Q. Will the sales go forward?"        → the label "Q" (with "A." answers in the same text)
    "Able—We have three choices."          → the label "Able" (an em dash after the name, as minutes
                                             of meetings write it; what follows begins as a sentence
                                             or a parenthesis does, never in lower case)

Which words are a speaker's label is decided from the whole text: a label counts when it
labels at least two paragraphs, or names a participant, or is Q or A in a text that has both;
run-in words such as "Comment:" or "Reference:" never do. Who the speaker is (``Said.who``)
is resolved later, from the label and the participants.
"""

from __future__ import annotations

import re
from collections import Counter

from tei.lexicon import lazy_pattern, words
from tei.model import Inline, Paragraph, PersName, Said
from tei.read.blocks import Block as TextBlock
from tei.recognize.base import ParseState, Recognizers, excerpt, join_lines, lines_of
from tei.recognize.header_fields import FIELD_KINDS

NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|da|van|von|der|le|la|al|bin|of|the)"
COLON_LABEL = lazy_pattern(r"^(?P<label>(?:Q\.\s+|A\.\s+)?[A-Z][\w'’.-]*(?:\s+" + NAME_WORD + r"){0,3})"
                         r"(?P<sep>\s?:\s+)(?=\S)")
PERIOD_LABEL = lazy_pattern(r"^(?P<label>(?:Mr|Mrs|Ms|Dr|Miss|Sen|Amb|Gen)\.\s+[A-Z][\w'’-]+|[QA])(?P<sep>\.\s+)(?=\S)")
# "Able—We agree." / "RN—(laughter)": the minutes' label, a name before an em dash. What follows
# must open a sentence, so that a name with a dash clause ("Able—who had just come—said") is none.
DASH_LABEL = lazy_pattern(r"^(?P<label>[A-Z][\w'’.-]*(?:\s+" + NAME_WORD + r"){0,3})"
                          r"(?P<sep>\s?—\s?)(?=[^\sa-z—])")
# "President Able." / "The Secretary.": its first word (after "The") must be an office or rank
# of the titles list, so that a sentence of two capitalized words ("Good Morning.") is no label.
TITLED_PERIOD_LABEL = lazy_pattern(r"^(?P<label>(?:The\s+)?(?P<title>[A-Z][a-z]+)(?:\s+[A-Z][\w'’-]+){0,2})"
                                   r"(?P<sep>\.\s+)(?=\S)")
# Run-in words that introduce a paragraph without being anybody's words.
NOT_SPEAKERS = frozenset(["NOTE", "COMMENT", "COMMENTS", "REFERENCE", "REF", "SOURCE", "SUMMARY", "ACTION", "BACKGROUND", "DISCUSSION", "RECOMMENDATION", "RECOMMENDATIONS", "CONCLUSION", "CONCLUSIONS", "QUESTION", "ANSWER", "ITEM", "AGENDA", "ATTACHMENT", "ENCLOSURE", "TAB", "ANNEX", "DECISION", "RESULT", "PROBLEM", "ISSUE", "ISSUES", "OBJECTIVE", "OBJECTIVES", "PURPOSE", "TEXT", "BEGIN", "END", "PARAGRAPH", "PARA", "PART", "SECTION", "PHASE", "STEP", "OPTION", "OPTIONS", "ALTERNATIVE", "EXAMPLE", "FOLLOWING", "ALSO", "FIRST", "SECOND", "THIRD", "FINALLY", "PS", "CLEARANCE", "CLEARANCES", "DRAFTED", "APPROVED", "CONCURRENCE"])
MEMO = "transcript-labels"


def label_of(text: str) -> tuple[str, str] | None:
    """(label, separator as written) if the line opens like a turn, else None."""
    match = COLON_LABEL.match(text) or PERIOD_LABEL.match(text) or titled_period_label(text) \
        or DASH_LABEL.match(text)
    if not match:
        return None
    label = match.group("label")
    if label.split()[-1].upper().rstrip(".") in NOT_SPEAKERS or label.upper() in FIELD_KINDS:
        return None
    return label, match.group("sep")


def titled_period_label(text: str) -> re.Match[str] | None:
    """"President Able. We are glad." → the match of "President Able", the office a title of the
    lexicon; "The President." alone is a label too, but an office alone without "The" is not."""
    match = TITLED_PERIOD_LABEL.match(text)
    if match is None or match.group("title") not in words("titles"):
        return None
    if " " not in match.group("label"):
        return None
    return match


def speaker_labels(state: ParseState) -> set[str]:
    """The labels of this text that are speakers' (computed once per document)."""
    labels: set[str] | None = state.memo.get(MEMO)
    if labels is not None:
        return labels
    counts = Counter(found[0] for block in state.body if (found := label_of(block.lines[0].text.strip())))
    # Compared in lower case: transcripts often write labels in capitals ("MR. ABLE:").
    names = {word.casefold() for person in state.document.participants
             for word in [person.surname or "", *person.role_names] if word}
    labels = {label for label, count in counts.items()
              if count >= 2 or label.split()[-1].casefold() in names
              or (label in "QA" and {"Q", "A"} <= counts.keys())}
    state.memo[MEMO] = labels
    return labels


HEADER_ENDS_AT_TURN = "header-ends-at-turn"


def opens_repeated_turn(block: TextBlock, state: ParseState) -> bool:
    """Whether the block opens with a label that opens at least one other block of the text too:
    a transcript that starts right under its title ("ABL: Hello?" / "BD: Hello") is in its body
    from its first turn, though a line of capitals and a colon could be a header field.

    Counted over every block of the text, not memoized: the participants, read later in the
    front matter, may still change which labels are speakers'.
    """
    found = label_of(block.lines[0].text.strip())
    if found is None:
        return False
    label = found[0]
    count = 0
    for other in state.body:
        other_found = label_of(other.lines[0].text.strip())
        count += other_found is not None and other_found[0] == label
        if count >= 2:
            state.reporter.decide(HEADER_ENDS_AT_TURN, excerpt(block.lines[0].text), "not a header line",
                                  f"the label {label!r} opens other paragraphs too: a speaker's turn", block.line)
            return True
    return False


def is_turn(text: str, state: ParseState) -> bool:
    found = label_of(text.strip())
    return found is not None and found[0] in speaker_labels(state)


class TurnBlockRecognizer:
    """A paragraph opening with a speaker's label → Paragraph holding one direct Said."""

    name = "transcript-turn"

    def test(self, block: TextBlock, state: ParseState) -> bool:
        return is_turn(block.lines[0].text, state)

    def run(self, block: TextBlock, state: ParseState) -> None:
        lines = lines_of(block)
        found = label_of(lines[0][1])
        label, separator = found if found else ("", "")
        first_number, first = lines[0]
        rest = first[len(label) + len(separator):]
        parts = [[PersName(label, None), separator, *state.parse_inline([(first_number, rest)])]]
        parts += [state.parse_inline([line]) for line in lines[1:]]
        content: list[Inline] = join_lines(parts, [number for number, _ in lines])
        state.target.append(Paragraph([Said([], content, direct=True)], block.line))
        state.reporter.decide(self.name, excerpt(first), f"turn of {label!r}",
                              "the paragraph opens with a label that marks speakers in this text", block.line)


def register(recognizers: Recognizers) -> None:
    recognizers.blocks.register(TurnBlockRecognizer(), "transcript-turn", 85)
