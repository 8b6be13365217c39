"""Which schema and which rules a document is checked against.

=============  ====================================  ==================================
schema         grammar                               rules (:mod:`tei.validate.rules`)
=============  ====================================  ==================================
``memo``       ``schemas/memo.xsd``                  all, as errors: they are part of
                                                     the customization
``tei_all``    all of TEI P5                         those that hold for any TEI, as
                                                     warnings (TEI does not require them)
a file         the file                              as for ``tei_all``
``auto``       ``memo`` for a document this toolkit  as chosen
               made or one the memo customization
               accepts, ``tei_all`` for other TEI
=============  ====================================  ==================================

Under ``auto``, a document valid against tei_all but outside the customization is valid,
with a warning naming what the customization would not accept.
"""

from __future__ import annotations

import re
from typing import Final

from lxml import etree

from tei.errors import Level
from tei.namespaces import tei
from tei.validate.rules import GENERAL_RULES, RULES
from tei.validate.schemas import Schema

#: How this toolkit signs the TEI it writes: ``encodingDesc/appInfo/application/@ident``,
#: or (older output) a ``publisher`` naming it with its version.
APPLICATION_IDENT = "tei"
_PUBLISHER = re.compile(r"tei \d+(\.\d+)*")


class Profile:
    """A schema, the rules that go with it, and how grave a rule's finding is."""

    __slots__ = ("rule_level", "rules", "schema")

    def __init__(self, schema: Schema, rules: tuple[str, ...], rule_level: Level) -> None:
        self.schema: Final = schema
        self.rules: Final = rules
        self.rule_level: Final = rule_level


def profile_for(schema: Schema) -> Profile:
    """The rules that go with a schema (see the table above)."""
    if schema.name == "memo":
        return Profile(schema, tuple(rule.name for rule in RULES), Level.ERROR)
    return Profile(schema, GENERAL_RULES, Level.WARNING)


def made_here(tree: etree._ElementTree) -> bool:
    """Whether this toolkit wrote the document, as its header says (the first header, for a corpus)."""
    root = tree.getroot()
    header = root.find(tei("teiHeader"))
    if header is None:
        return False
    for application in header.iter(tei("application")):
        if application.get("ident") == APPLICATION_IDENT:
            return True
    publisher = header.find(f"{tei('fileDesc')}/{tei('publicationStmt')}/{tei('publisher')}")
    return publisher is not None and _PUBLISHER.fullmatch((publisher.text or "").strip()) is not None
