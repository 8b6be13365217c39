"""persons: find the people a memorandum names, decide who is who, link every mention (a resolve pass).

    participants + text → mentions (name shape and context) → identities (one table) → PersName

====================  ==============================================================
module                job
====================  ==============================================================
``shapes``            what names look like: titles, compound surnames, sentence starts
``capitals``          titled names in lines written in capitals ("CALL TO AMB ABLE")
``mentions``          the named rules that find persons' names in running text
``together``          names listed together or paired with a person's
``frame``             names in signatures and address lines
``exclusions``        what is not a person's name
``prefixed``          "Ben Able": a two-word family name the text never shortens
``identity``          one identity per person: ids from surnames, forms, roles named
``link``              every mention of a known person → :class:`~tei.model.PersName`
``initial_subjects``  "L said": a participant called by the surname's initial
``short_forms``       "Dorn Eck (hereafter DE) … DE said": a short form the text defines
``labels``            a transcript's speaker labels → their persons
====================  ==============================================================

Example::

    'Ambassador Able welcomed Baker.'
    → [PersName('Ambassador Able', 'able'), ' welcomed ', PersName('Baker', …), '.']

Persons who are not participants become ``Document.mentioned``.
"""

from __future__ import annotations

from tei.errors import Reporter
from tei.model import Document, map_text
from tei.resolve.base import Pass
from tei.resolve.persons.candidate import Candidate
from tei.resolve.persons.capitals import add_capital_forms
from tei.resolve.persons.frame import closings
from tei.resolve.persons.identity import Identities, identify
from tei.resolve.persons.initial_subjects import link_initial_subjects
from tei.resolve.persons.labels import resolve_labels
from tei.resolve.persons.link import Linker, link_initials
from tei.resolve.persons.mentions import discover
from tei.resolve.persons.prefixed import join_prefixed_surnames
from tei.resolve.persons.short_forms import link_short_forms
from tei.rules import Registry


def link_persons(document: Document, reporter: Reporter) -> None:
    """Find the persons named, decide their identities once, then turn every mention into a PersName."""
    candidates = discover(document, reporter)
    join_prefixed_surnames(document, candidates, reporter)
    table = identify(document, candidates, reporter)
    document.mentioned = [person for person in table.persons if person.group == 0]
    add_capital_forms(document, table)
    linker = Linker(table)
    for content in list(document.text_lists()):
        content[:] = map_text(content, linker.split)
    link_initials(closings(document.body), table)
    link_short_forms(document, reporter)
    link_initial_subjects(document, reporter)
    resolve_labels(document, table, reporter)


def register(passes: Registry[Pass]) -> None:
    passes.register(link_persons, "persons", 80)


__all__ = ["Candidate", "Identities", "Linker", "discover", "identify", "link_persons", "register"]
