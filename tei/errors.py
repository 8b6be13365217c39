"""Exceptions and diagnostics.

Problems in the *input* are diagnostics: collected by a :class:`Reporter`, printed
``file:line: level: message``, never raised. Exceptions are for input that cannot be
processed at all (empty, binary, no title line) and for misuse of the library; they
subclass :class:`TeiError`, and only the CLI turns them into an exit status.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tei.rules import Decision


class TeiError(Exception):
    """Base class of every error this package raises on purpose."""


class ConversionError(TeiError):
    """The text cannot be converted at all. ``str()`` gives ``file:line: what is wrong``."""

    def __init__(self, message: str, path: str = "<input>", line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        location = f"{path}:{line}" if line is not None else path
        super().__init__(f"{location}: {message}")


class FileError(TeiError):
    """A file cannot be read or written as asked. ``str()`` gives ``file: what is wrong; what to do``."""

    def __init__(self, message: str, path: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


class InternalError(TeiError):
    """A state that the code should never reach."""

    def __init__(self, message: str) -> None:
        super().__init__(f"{message}. Please report this bug.")


class Level(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a file: ``path:line:column: level: [rule] message``."""

    level: Level
    message: str
    path: str = "<input>"
    line: int | None = None
    column: int | None = None
    rule: str | None = None

    def __str__(self) -> str:
        location = self.path
        if self.line is not None:
            location += f":{self.line}"
            if self.column is not None:
                location += f":{self.column}"
        rule = f"{self.rule}: " if self.rule else ""
        return f"{location}: {self.level.name.lower()}: {rule}{self.message}"


@dataclass
class Reporter:
    """Collects the diagnostics of one run over one file."""

    path: str = "<input>"
    diagnostics: list[Diagnostic] = field(default_factory=list)
    explaining: bool = False  # record decisions (``tei convert --explain``); off, deciding costs a call
    decisions: list[Decision] = field(default_factory=list)

    def report(self, level: Level, message: str, line: int | None = None, rule: str | None = None,
               column: int | None = None) -> None:
        self.diagnostics.append(Diagnostic(level, message, self.path, line, column, rule))

    def warning(self, message: str, line: int | None = None, rule: str | None = None) -> None:
        self.report(Level.WARNING, message, line, rule)

    def error(self, message: str, line: int | None = None, rule: str | None = None) -> None:
        self.report(Level.ERROR, message, line, rule)

    def info(self, message: str, line: int | None = None, rule: str | None = None) -> None:
        self.report(Level.INFO, message, line, rule)

    def decide(self, rule: str, subject: str, verdict: str, reason: str = "", line: int | None = None) -> None:
        """Record that ``rule`` decided ``subject`` is ``verdict`` (kept only when explaining)."""
        if self.explaining:
            from tei.rules import Decision

            self.decisions.append(Decision(rule, subject, verdict, reason, line))

    def explanations(self) -> list[Diagnostic]:
        """The decisions as ``info`` diagnostics, in line order."""
        ordered = sorted(self.decisions, key=lambda decision: decision.line or 0)
        return [Diagnostic(Level.INFO, str(d), self.path, d.line, None, d.rule) for d in ordered]

    def worst(self) -> Level | None:
        return max((d.level for d in self.diagnostics), default=None)
