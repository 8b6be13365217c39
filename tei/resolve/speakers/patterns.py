"""The patterns the speaker rules match, built once from the lexicon.

Sentences are matched in a *masked* form: each person is a placeholder ``\\uE000<n>\\uE001``
(``n`` indexes the sentence's person ids), a quotation ``\\uE002``, an editorial note
``\\uE003`` (see :func:`tei.resolve.speakers.sentences.masked`).
"""

from __future__ import annotations

import re

from tei.lexicon import alternation, lazy_pattern, words
from tei.lexicon.letters import UPPER
from tei.lexicon.names import WORD_NOT_AFTER

# A reporting verb: of saying ("said", "went on"), of thinking ("felt"), a base form after
# "seemed to", the opening of a speech ("began by noting"), or a state ("was not sure").
VERB = (r"(?:(?:seemed|went\s+on|wished|wanted|began|proceeded|hastened|intervened|interjected|interrupted)\s+to\s+"
        + alternation(words("say-base-forms")) + "|"
        + alternation(words("say-verbs") | words("think-verbs"))
        + r"|(?:began|opened|started|closed)\s+(?:the\s+\w+\s+)?by\s+\w+ing"
        # An act done by speaking: "brought the talk back to trade by saying", "replied to this by noting".
        + r"|[a-z]{3,}\s+(?:[a-z]+\s+){0,8}?by\s+(?:saying|noting|stating|asking|observing|remarking|recalling)"
        + r"|(?:was|is)\s+(?:not\s+)?(?:quite\s+|very\s+|still\s+)?(?:clear|sure|certain|puzzled|glad|pleased"
        r"|concerned|worried|disappointed|gratified|convinced|interested))\b")
# Words that may stand between a subject and its verb: "Fay then asked", "Dorn had said".
ADVERB = alternation(words("adverbs"))
# A leading clause that is not the main clause: its persons are not the subject
# ("When the Minister replied …, Dorn said"; "In answer to a question from Dorn, …").
LEADING_CLAUSE = lazy_pattern(
    r"^(?:\d{1,3}|[a-z]|[IVXL]{1,4})\.\s+(?=\S)"  # the paragraph's number: "2.  Carr replied"
    r"|^(?:When|As|After|Before|While|Since|If|Although|Though|Because|Once|Until|Unless|Whereas|Whenever"
    r"|In\s+(?:answer|reply|response|responding|replying)\s+to|Responding\s+to|Replying\s+to"
    r"|Turning\s+to|Referring\s+to|Following|Asked)\b[^,;]*,\s*")
# What may stand right before the subject of a clause that is not the sentence's first:
# an introductory phrase ("However, he said"), a coordinated clause ("…, and he conveyed"),
# a participle of saying ("Saying she wanted …"), or a sentence adverb ("Later Able told Baker").
CLAUSE_OPENING = lazy_pattern(
    r"(?:[,;:—]\s*(?:(?:and|but|so|then|yet)\s+)?"
    r"|^(?:Saying|Noting|Adding|Stressing|Explaining|Replying|Answering|Responding)\s+(?:that\s+)?"
    r"|^(?:Later|Then|Finally|Next|Again|Now|Afterwards|Subsequently|Thereupon|Here|Also"
    # A phrase of time without its comma: "At this point Dorn intervened", "Following this talk Able said".
    r"|At\s+(?:this|that)\s+(?:point|juncture|stage|moment)|Following\s+(?:this|that|the)\s+\w+)\s+)$")
# Sentences about the meeting rather than anyone's words: how such a sentence opens, and
# phrases that may stand anywhere in it. Two patterns, not one with "^" alternatives: a
# search then tries only the second at each position of the sentence.
NARRATIVE_OPENING = lazy_pattern(
    r"There\s+(?:then\s+)?ensued\b"
    r"|There\s+(?:was|were|followed)\s+(?:then\s+|also\s+|now\s+)?(?:(?:some|a|an|further|brief|general|long"
    r"|short|lengthy|informal)\s+)*(?:discussion|conversation|exchange|banter|talk|debate)"
    r"|(?:The\s+)?(?:group|meeting|session|participants|parties|delegations)\s+(?:then\s+)?"
    r"(?:adjourned|reconvened|broke\s+for)\b"
    r"|The\s+following\s+\w+\s+(?:was|were)\s+(?:then\s+|also\s+|briefly\s+)?discussed\b"
    r"|(?:Both|The\s+two)\s+(?:sides|delegations|parties|ministers|leaders|men)\s+(?:then\s+|also\s+)?"
    r"(?:agreed|decided|concluded)\b"
    r"|(?:This|That|Which)\s+led\s+to\b"
    r"|(?:The\s+)?(?:meeting|conversation|luncheon|lunch|dinner|discussion)\s+(?:then\s+)?"
    r"(?:ended|began|closed|concluded|broke\s+up|lasted)\b")
# Each phrase opens with its first letter, the word boundary before it a look-behind after it
# ("t(?<!\wt)hen" is "\bthen"): ``re`` skips ahead to those letters instead of trying every position.
NARRATIVE = lazy_pattern(
    r"t(?<!\wt)hen\s+(?:adjourned|reconvened)\b"
    r"|w(?<!\ww)(?:as|ere)\s+(?:then|next|briefly)\s+discussed\b"
    r"|r(?<!\wr)eporting\s+officer\b|d(?<!\wd)rafter\b|n(?<!\wn)otetaker\b"
    r"|m(?<!\wm)emorandum\s+of\s+conversation\b"
    r"|h(?<!\wh)ad\s+(?:a|an)\s+(?:\w+\s+)?(?:conversation|discussion|talk|exchange|meeting)\b"
    r"|i(?<!\wi)t\s+was\s+(?:then\s+|also\s+)?agreed\b")

SENTENCE_END = lazy_pattern(rf"[.!?][”’\"')\]]*(?P<space>\s+)(?=[“‘\"(\[]?[{UPPER}0-9])")

# Placeholders in the masked text of a sentence (Unicode private use area):
PERSON_OPEN, PERSON_CLOSE = "\uE000", "\uE001"   # a PersName: \uE000<index>\uE001
QUOTE_MARK = "\uE002"                             # a quotation (atomic)
NOTE_MARK = "\uE003"                              # an editorial note (atomic)
PERSON = PERSON_OPEN + r"(?P<{name}>\d+)" + PERSON_CLOSE
PERSON_ANY = PERSON_OPEN + r"\d+" + PERSON_CLOSE
# Between a subject and its verb: a short aside in commas, and adverbs ("Evans, in turn, then said",
# "Able, continuing, said").
# The aside is a short adverbial phrase ("in turn", "after some hesitation"), never a relative clause:
# "Baker, who had been here a long time, understood …" is not Baker's sentence.
GAP = (r"(?:,\s+(?:in\s+turn|for\s+(?:his|her|their|its)\s+part|however|therefore|too|moreover|nevertheless"
       r"|once\s+again|continuing|resuming|interrupting|intervening|interjecting"
       r"|(?:after|with|in|for|at|on|upon|without|by)\s+[^,;:\uE000-\uE003]{1,40}?),)?"
       r"(?:,?\s+" + ADVERB + r")*,?\s+")
# A speaker's office or agency after the name: "Able of Defense said", "Baker of the Embassy noted".
AFFILIATION = r"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})?"
NAMED = lazy_pattern(PERSON.format(name="first") + r"(?P<more>(?:\s*,\s*" + PERSON_ANY + r")*"
                   r"(?:,?\s+and\s+" + PERSON_ANY + r"))?" + AFFILIATION + GAP + VERB)
# A person as the subject of any other verb in the past ("The Ambassador called at his request",
# "Able then handed over a note"): what a "he" or "she" after it may refer to.
ACTOR = lazy_pattern(PERSON.format(name="first") + GAP
                     + r"(?:" + alternation(words("action-verbs") | words("auxiliaries")) + r"|[a-z]{2,}ed)\b")
# The writer as the subject of a verb of saying: "I told him …", "I then indicated …" (a
# memorandum drafted by one of those who spoke).
FIRST_PERSON = lazy_pattern(alternation(["I"], not_after=WORD_NOT_AFTER) + GAP + VERB)
PRONOUN = lazy_pattern(rf"(?P<pronoun>{alternation(['He', 'he', 'She', 'she'], not_after=WORD_NOT_AFTER)})" + GAP + VERB)
GENDER_PRONOUN = lazy_pattern(r"(?<![\w’'])(he|she)(?![\w’'])", re.IGNORECASE)
# A paragraph's number or letter: "2.", "b.", "IV.".
PARAGRAPH_NUMBER = lazy_pattern(r"(?:\d{1,3}|[a-z]|[IVXL]{1,4})\.")
# A numbered paragraph's heading: its number and up to four words, the first capitalized ("2. Trade.").
PARAGRAPH_HEADING = lazy_pattern(r"(?:\d{1,3}|[a-z]|[IVXL]{1,4})\.\s+[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}[.:]")
# Small patterns used per sentence, compiled once.
PERSON_NUMBER = lazy_pattern(PERSON_OPEN + r"(\d+)" + PERSON_CLOSE)
BOUNDARY_CHARS = lazy_pattern(r"[.!?\s]")
INITIAL_WORD = lazy_pattern(rf"[{UPPER}]\.")
NUMBER_FOLLOWS = lazy_pattern(r"[“‘\"(\[]?(?:\d|[IVXLC]+\b)")
NEXT_WORD = lazy_pattern(r"[“‘\"(\[]?([\w’']+)")
INITIALISM = lazy_pattern(r"(?:[A-Za-z]\.){2,}")
SEMICOLON = lazy_pattern(r";\s+")
NOTE_ONLY = lazy_pattern(NOTE_MARK + r"[\s.,;:]*")
# A row of dots where the editors left text out (". . . . . . .").
OMISSION_DOTS = lazy_pattern(r"(?:[.…]\s*){3,}")
CLOSING_PARENTHESIS_END = lazy_pattern(r"\)[.!?]?$")
