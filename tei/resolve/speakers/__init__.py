"""speakers: who says what, sentence by sentence (a resolve pass).

A memorandum of conversation reports a dialogue in the third person. This pass splits
every body paragraph into sentences and wraps each run of sentences that record one
participant's words or position in :class:`~tei.model.Said`; narrative and editorial
sentences stay outside. Only participants speak; persons are told apart by the ids that
the ``persons`` pass linked. Genders come only from pronouns in the text ("Able said
she …"), never from names. Text is never dropped or reordered.

=================  ============================================================
module             job
=================  ============================================================
``patterns``       the patterns the rules match, built from the lexicon
``sentences``      inline content → sentences; the masked text rules read
``clauses``        the main clause and its subject; ", and Baker answered" cuts
``cast``           participants and their roles, genders, who spoke last
``rules``          the named attribution rules, in a :class:`~tei.rules.Registry`
``assent``         ``speaker.pronoun-assent``: "He agreed" opening a paragraph
``withheld``       ``speaker.withheld-subject``: "[name not declassified] said"
``attribute``      the pass: each sentence decided by the rules, runs wrapped
=================  ============================================================
"""

from __future__ import annotations

from tei.resolve.base import Pass
from tei.resolve.speakers import assent as assent  # registers speaker.pronoun-assent
from tei.resolve.speakers import withheld as withheld  # registers speaker.withheld-subject
from tei.resolve.speakers.attribute import attribute_sentence, attribute_speakers, decide_sentence
from tei.resolve.speakers.cast import (
    Reading,
    learn_genders,
    participant_roles,
    resolve_pronoun,
)
from tei.resolve.speakers.clauses import (
    Subject,
    main_clause_start,
    named_subject,
    new_speaker_clauses,
    opens_clause,
    pronoun_subject,
)
from tei.resolve.speakers.rules import RULES, editorial_aside, joint_subject, narrative
from tei.resolve.speakers.sentences import is_sentence_end, role_subject, split_sentences
from tei.rules import Registry

__all__ = [
    "RULES",
    "Reading",
    "Subject",
    "attribute_sentence",
    "attribute_speakers",
    "decide_sentence",
    "editorial_aside",
    "is_sentence_end",
    "joint_subject",
    "learn_genders",
    "main_clause_start",
    "named_subject",
    "narrative",
    "new_speaker_clauses",
    "opens_clause",
    "participant_roles",
    "pronoun_subject",
    "register",
    "resolve_pronoun",
    "role_subject",
    "split_sentences",
]


def register(passes: Registry[Pass]) -> None:
    passes.register(attribute_speakers, "speakers", 60)
