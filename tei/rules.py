"""Named, ordered registries and the decisions their rules record.

Every convention the converter knows is a named item in a :class:`Registry` (recognizers,
passes, attribution rules, validation rules), registered by the module that defines it, with
a priority that fixes its place. A rule that decides something about the text records a
:class:`Decision` through :meth:`tei.errors.Reporter.decide`, so that ``tei convert --explain``
can say which rule decided what, on which line, and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final, Generic, NamedTuple, TypeVar

T = TypeVar("T")


class Decision(NamedTuple):
    """One decision about the input: ``rule`` decided that ``subject`` is ``verdict``, because ``reason``."""

    rule: str
    subject: str
    verdict: str
    reason: str = ""
    line: int | None = None

    def __str__(self) -> str:
        because = f" ({self.reason})" if self.reason else ""
        return f"{self.subject}: {self.verdict}{because}"


class _Entry(Generic[T]):
    __slots__ = ("item", "name", "order", "priority")

    def __init__(self, name: str, priority: float, item: T, order: int) -> None:
        self.name: Final = name
        self.priority: Final = priority
        self.item: Final = item
        self.order: Final = order


class Registry(Generic[T]):
    """Items with a name and a priority; iterated from the highest priority down.

    Items of equal priority keep the order in which they were registered. Registering a
    name again replaces the item (an extension can override a built-in rule).
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._entries: dict[str, _Entry[T]] = {}
        self._sorted: list[_Entry[T]] | None = None
        self._items: tuple[T, ...] | None = None

    def register(self, item: T, name: str, priority: float) -> T:
        order = self._entries[name].order if name in self._entries else len(self._entries)
        self._entries[name] = _Entry(name, priority, item, order)
        self._sorted = self._items = None
        return item

    def deregister(self, name: str) -> None:
        del self._entries[name]
        self._sorted = self._items = None

    def _ordered(self) -> list[_Entry[T]]:
        if self._sorted is None:
            self._sorted = sorted(self._entries.values(), key=lambda entry: (-entry.priority, entry.order))
        return self._sorted

    def __iter__(self) -> Iterator[T]:
        return iter(self.ordered())

    def ordered(self) -> tuple[T, ...]:
        """The items from the highest priority down (kept until the registry changes)."""
        if self._items is None:
            self._items = tuple(entry.item for entry in self._ordered())
        return self._items

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __getitem__(self, name: str) -> T:
        return self._entries[name].item

    def items(self) -> Iterator[tuple[str, T]]:
        return ((entry.name, entry.item) for entry in self._ordered())

    def listing(self) -> list[tuple[str, float, str]]:
        """(name, priority, first line of the item's docstring) for each item, in order."""
        return [(entry.name, entry.priority, _summary(entry.item)) for entry in self._ordered()]


def format_registries(registries: list[Registry[Any]]) -> str:
    """Each registry's items as ``priority  name  summary`` lines under the registry's kind."""
    lines: list[str] = []
    for registry in registries:
        listing = registry.listing()
        width = max((len(name) for name, _, _ in listing), default=0)
        lines.append(f"{registry.kind} ({len(listing)}), highest priority first:")
        lines += [f"  {priority:>5g}  {name:<{width}}  {_plain(summary)}".rstrip()
                  for name, priority, summary in listing]
        lines.append("")
    return "\n".join(lines)


def _plain(text: str) -> str:
    """A docstring line without its reStructuredText markup: ``x`` and :class:`x` → x."""
    return _ROLE.sub(r"\1", text).replace("``", "")


_ROLE = re.compile(r":[a-z]+:`~?([^`]+)`")


def _summary(item: object) -> str:
    """The first paragraph of the item's docstring, as one line."""
    doc = (getattr(item, "__doc__", None) or "").strip()
    return " ".join(doc.split("\n\n")[0].split())
