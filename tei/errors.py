"""Exceptions and diagnostics: every one the package has, and the one format they are printed in.

Problems in the *input* are diagnostics: collected by a :class:`Reporter`, printed
``file:line:column: level: rule: message``, never raised; the decisions of the rules are
diagnostics of level ``info`` (``tei convert --explain``). Exceptions are for input that
cannot be processed at all (empty, binary, no title line), for the environment (a missing
stylesheet) and for misuse of the library; they subclass :class:`TeiError`, and only the
CLI turns them into an exit status.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tei.rules import Decision


# ---------------------------------------------------------------- exceptions
#
#   TeiError                  every error this package raises on purpose
#   ├── InputError            an input cannot be processed at all (``file:line: what is wrong``)
#   │   ├── ConversionError   a text that cannot be converted (empty, binary, no title line)
#   │   ├── FileError         a file that cannot be read or written as asked
#   │   └── UnsafeXmlError    XML refused: not well-formed, entities, not TEI
#   │       └── UnreadableFileError
#   ├── RenderError           a stylesheet missing or broken, an unknown format
#   ├── SchemaError           a schema missing or not compiling
#   ├── BatchError            a batch that cannot run
#   │   └── BatchUsageError   a batch that would destroy an input (exit 2)
#   ├── LockedError           an output folder another run is writing into
#   ├── PersonographyError    a personography that cannot be read
#   └── InternalError         a state the code should never reach


class TeiError(Exception):
    """Base class of every error this package raises on purpose."""


def format_location(path: str, line: int | None = None, column: int | None = None) -> str:
    """``path``, ``path:line`` or ``path:line:column``: where a diagnostic or an error points."""
    if line is None:
        return path
    return f"{path}:{line}" if column is None else f"{path}:{line}:{column}"


class InputError(TeiError):
    """An input that cannot be processed at all. ``str()`` gives ``file[:line[:column]]: what is wrong``."""

    def __init__(self, message: str, path: str = "<input>", line: int | None = None,
                 column: int | None = None, rule: str | None = None) -> None:
        self.path, self.line, self.column, self.message, self.rule = path, line, column, message, rule
        super().__init__(f"{format_location(path, line, column)}: {message}")


class ConversionError(InputError):
    """The text cannot be converted at all. ``str()`` gives ``file:line: what is wrong``."""

    def __init__(self, message: str, path: str = "<input>", line: int | None = None) -> None:
        super().__init__(message, path, line)


class FileError(InputError):
    """A file cannot be read or written as asked. ``str()`` gives ``file: what is wrong; what to do``."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message, path)


class UnsafeXmlError(InputError):
    """The file is not well-formed, or uses a construct we refuse (DTD entities, external resources)."""

    def __init__(self, message: str, path: str, line: int | None = None, column: int | None = None,
                 rule: str = "well-formed") -> None:
        # A parser gives line 0 (or a column without a line) when it does not know where.
        line = line or None
        super().__init__(message, path, line, column if line else None, rule)


class UnreadableFileError(UnsafeXmlError):
    """The file cannot be read (missing, a directory, no permission)."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message, path, rule="unreadable")


class RenderError(TeiError):
    """A stylesheet is missing or broken, the format is unknown, or the transform failed."""


class SchemaError(TeiError):
    """The schema file is missing or does not compile."""


class BatchError(TeiError):
    """The batch cannot run: bad folders or formats, or a worker process died."""


class BatchUsageError(BatchError):
    """The batch was asked to do something that would destroy an input (a usage error, exit 2)."""


class LockedError(TeiError):
    """Another run is writing into the same output folder."""


class PersonographyError(TeiError):
    """The personography file cannot be read."""


class InternalError(TeiError):
    """A state that the code should never reach."""

    def __init__(self, message: str) -> None:
        super().__init__(f"{message}. Please report this bug.")


# ---------------------------------------------------------------- diagnostics


class Level(IntEnum):
    """How much a diagnostic matters: an error fails the run, a warning fails it under
    ``--strict``, ``info`` (the decisions ``--explain`` shows) never does."""

    INFO = 1
    WARNING = 2
    ERROR = 3


class Diagnostic:
    """One problem (or, at level ``info``, one decision) about a file; immutable.

    ``str()`` is the one format every command prints: ``path:line:column: level: rule: message``
    (line, column and rule when known).
    """

    # A long text can give tens of thousands of warnings, each quoting its sentence: they are
    # kept small (slots, and a message outside ASCII held as UTF-8, half the size of the str
    # that one "…" or curly quotation mark would make two bytes a character). A message given
    # in parts is kept in parts, so that the part every warning of a rule repeats is held once.
    __slots__ = ("_message", "column", "decision", "level", "line", "path", "rule")

    level: Level
    _message: str | bytes | tuple[str | bytes, ...]
    path: str
    line: int | None
    column: int | None
    rule: str | None
    decision: Decision | None  # what an ``info`` diagnostic explains

    def __init__(self, level: Level, message: str | tuple[str, ...], path: str = "<input>", line: int | None = None,
                 column: int | None = None, rule: str | None = None, decision: Decision | None = None) -> None:
        kept = tuple(map(_compact, message)) if isinstance(message, tuple) else _compact(message)
        for name, value in (("level", level), ("_message", kept), ("path", path), ("line", line),
                            ("column", column), ("rule", rule), ("decision", decision)):
            object.__setattr__(self, name, value)

    @property
    def message(self) -> str:
        if isinstance(self._message, tuple):
            return "".join(map(_text, self._message))
        return _text(self._message)

    def _fields(self) -> tuple[object, ...]:
        return (self.level, self.message, self.path, self.line, self.column, self.rule, self.decision)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Diagnostic cannot be changed (its {name})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Diagnostic cannot be changed (its {name})")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Diagnostic) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return ("Diagnostic(level={!r}, message={!r}, path={!r}, line={!r}, column={!r}, rule={!r}, "
                "decision={!r})".format(*self._fields()))

    def __reduce__(self) -> tuple[type[Diagnostic], tuple[object, ...]]:
        return Diagnostic, self._fields()

    def __str__(self) -> str:
        rule = f"{self.rule}: " if self.rule else ""
        return f"{format_location(self.path, self.line, self.column)}: {self.level.name.lower()}: {rule}{self.message}"

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict (``--format json``): the same fields, and a decision's parts."""
        fields: dict[str, object] = {"file": self.path, "line": self.line, "column": self.column,
                                     "rule": self.rule, "level": self.level.name.lower(), "message": self.message}
        if self.decision is not None:
            fields.update(subject=self.decision.subject, verdict=self.decision.verdict, reason=self.decision.reason)
        return fields


def _compact(text: str) -> str | bytes:
    return text if text.isascii() else text.encode()


def _text(kept: str | bytes) -> str:
    return kept if isinstance(kept, str) else kept.decode()


def format_diagnostic(diagnostic: Diagnostic) -> str:
    """Diagnostic → its one line (``str(diagnostic)``)."""
    return str(diagnostic)


def diagnostic_json(diagnostic: Diagnostic) -> dict[str, object]:
    """Diagnostic → a JSON-ready dict (``diagnostic.to_json()``)."""
    return diagnostic.to_json()


def worst(diagnostics: list[Diagnostic]) -> Level | None:
    """The highest level among ``diagnostics`` (None if there are none)."""
    return max((d.level for d in diagnostics), default=None)


def fails(diagnostics: list[Diagnostic], strict: bool = False) -> bool:
    """Whether these diagnostics fail a run: any error, or with ``strict`` any warning."""
    level = worst(diagnostics)
    return level is not None and level >= (Level.WARNING if strict else Level.ERROR)


class Reporter:
    """Collects the diagnostics of one run over one file."""

    def __init__(self, path: str = "<input>", diagnostics: list[Diagnostic] | None = None,
                 explaining: bool = False) -> None:
        self.path = path
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.explaining = explaining  # record decisions (``tei convert --explain``); off, deciding costs a call
        self.decisions: list[Decision] = []

    def report(self, level: Level, message: str | tuple[str, ...], line: int | None = None,
               rule: str | None = None, column: int | None = None) -> None:
        self.diagnostics.append(Diagnostic(level, message, self.path, line, column, rule))

    def warning(self, message: str | tuple[str, ...], line: int | None = None, rule: str | None = None) -> None:
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
        return [Diagnostic(Level.INFO, str(d), self.path, d.line, None, d.rule, d) for d in ordered]

    def worst(self) -> Level | None:
        return worst(self.diagnostics)

    def fails(self, strict: bool = False) -> bool:
        return fails(self.diagnostics, strict)
