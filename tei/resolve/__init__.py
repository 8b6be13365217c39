"""resolve: passes over the whole :class:`~tei.model.Document`, run in priority order.

Each pass needs more than one block to decide: where the footnotes are referenced,
which words are persons, whether the page numbers make sense. They rewrite the model
in place and report problems; none of them drops text. Each pass module registers its
pass with a name and a priority (``register(passes)``); :data:`PASS_MODULES` lists the
modules, ``tei convert --list-rules`` prints the order. A pass that consults rules of its
own keeps them in a registry named ``RULES`` in its module, so that they are listed too.
A pass can be run alone on a model (``tests/passes/``): ``Document.dump()`` shows what
it changed.
"""

from __future__ import annotations

from functools import lru_cache
from types import ModuleType
from typing import Any

from tei.errors import Reporter
from tei.model import Document
from tei.resolve import (
    also_present,
    footnotes,
    lines,
    pages,
    persons,
    sides,
    speakers,
    speaking_participants,
    title_participants,
)
from tei.resolve.base import Pass
from tei.rules import Registry

PASS_MODULES: tuple[ModuleType, ...] = (lines, footnotes, title_participants, speaking_participants, sides, persons,
                                         also_present, speakers, pages)


def build_passes(modules: tuple[ModuleType, ...] = PASS_MODULES) -> Registry[Pass]:
    """A fresh registry, filled by each module's ``register``."""
    passes: Registry[Pass] = Registry("resolve passes")
    for module in modules:
        module.register(passes)
    return passes


def rule_registries(modules: tuple[ModuleType, ...] = PASS_MODULES) -> list[Registry[Any]]:
    """The registries of rules that passes consult (a pass module's ``RULES``), for listing."""
    return [module.RULES for module in modules if isinstance(getattr(module, "RULES", None), Registry)]


@lru_cache(maxsize=1)
def default_passes() -> Registry[Pass]:
    """The passes of :data:`PASS_MODULES`, built once per process."""
    return build_passes()


def resolve(document: Document, reporter: Reporter, passes: Registry[Pass] | None = None) -> Document:
    for run in (passes or default_passes()).ordered():
        run(document, reporter)
    return document


__all__ = ["PASS_MODULES", "Pass", "build_passes", "default_passes", "resolve", "rule_registries"]
