"""The lexicon: word lists as data, loaded once and shared by every pass.

Each list is a text file in this folder, ``<name>.txt``: its first line, a comment, says
where the list comes from; then one entry a line (an entry may be a phrase: "went on").
Blank lines and lines starting with ``#`` are ignored. A pass asks for a list by name::

    >>> "said" in words("say-verbs")
    True

Lists are matched as regular expressions built by :func:`alternation` (a trie, so that a
long list costs little at positions where it cannot match).
"""

from __future__ import annotations

import functools
import itertools
import operator
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from tei.errors import InternalError
from tei.lexicon import kept, stored

# The lists are files of the package, like the schemas and stylesheets (tei/resources.py):
# read from the folder itself, without importlib.resources' imports at start-up.
_FOLDER = Path(__file__).resolve().parent


@functools.cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of list ``name``, in the file's order."""
    try:
        text = (_FOLDER / f"{name}.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InternalError(f"no word list {name!r} in the lexicon (lists: {', '.join(list_names())})") from None
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@functools.cache
def words(name: str) -> frozenset[str]:
    """The entries of list ``name`` as a set."""
    return frozenset(entries(name))


def provenance(name: str) -> str:
    """The first line of list ``name``: where its words come from."""
    text = (_FOLDER / f"{name}.txt").read_text(encoding="utf-8")
    return text.splitlines()[0].lstrip("# ").strip()


def list_names() -> list[str]:
    """The names of all lists."""
    return sorted(entry.name[:-4] for entry in _FOLDER.iterdir()
                  if entry.name.endswith(".txt"))


def alternation(words: Iterable[str], *, not_after: str | None = None) -> str:
    """A regex matching exactly the given words, longest first where one is a prefix of another.

    A space inside an entry matches any run of white space ("went on" across a line break).

    >>> alternation(["said", "says", "asked"])
    '(?:asked|sa(?:id|ys))'

    ``not_after``, the inside of a character class: the words only where the character
    before is not in it. This is ``(?<![…])`` before the alternation, written instead after
    each first letter, so that ``re`` can skip ahead to the letters a word starts with
    rather than try the whole pattern at every position of a text:

    >>> alternation(["said", "asked"], not_after=r"\\w")
    '(?:a(?<![\\\\w]a)sked|s(?<![\\\\w]s)aid)'
    """
    unique = sorted(set(words))
    if not_after is not None:
        for word in unique:
            if word[:1].isspace():
                raise InternalError(f"{word!r} starts with white space: no character can be required before it")
    if len(unique) < KEPT_FROM:
        return _pattern(unique, 0, not_after) if unique else "(?!)"
    return kept.text((not_after, *unique), lambda: _pattern(unique, 0, not_after), _builder())


# Texts of this many words or more are kept between runs (:mod:`tei.lexicon.kept`): the
# lexicon's lists. A shorter list is built in microseconds, and a document's own come and go.
KEPT_FROM = 40


@functools.cache
def _builder() -> str:
    """What names the code that builds an alternation: this file's size and time."""
    source = os.stat(__file__)
    return f"{source.st_size}-{source.st_mtime_ns}"


def _pattern(words: list[str], depth: int, not_after: str | None = None) -> str:
    """The trie of ``words`` below their common first ``depth`` characters: sorted and distinct,
    so that the words of a branch stand together, in the order of their next character."""
    ends_here = len(words[0]) == depth
    rest = words[1:] if ends_here else words
    if not rest:
        return ""
    if len(rest) == 1 and not_after is None:  # one word left: the rest of it as it is
        body = r"\s+".join(map(re.escape, rest[0][depth:].split(" ")))
    else:
        branches = []
        for char, branch in itertools.groupby(rest, operator.itemgetter(depth)):
            head = r"\s+" if char == " " else re.escape(char)
            if not_after is not None:
                head += _guard(not_after, head)
            branches.append(head + _pattern(list(branch), depth + 1))
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A word that ends here and also continues: try the longer words first.
    return f"(?:{body})?" if ends_here else body


def _guard(not_after: str, head: str) -> str:
    """``(?<![not_after]head)``: seen from after the letter, the two characters are not a
    character of the class and the letter. A character beyond Latin-1 gets a look-behind of
    its own (``(?<![\\w']a)(?<!’a)``, the same test): in a class, it costs ``re`` a bitmap of the
    whole basic plane to compile, once for every letter a word may start with."""
    tokens = re.findall(r"\\.|.", not_after)
    latin = "".join(token for token in tokens if len(token) == 2 or ord(token) < 0x100)
    guards = [f"(?<![{latin}]{head})"] if latin else []
    return "".join(guards + [f"(?<!{re.escape(token)}{head})" for token in tokens
                             if len(token) == 1 and ord(token) >= 0x100])


class LazyPattern:
    """A regular expression compiled the first time it is used.

    Name patterns built from Unicode letter classes take milliseconds each to compile, and
    a short memorandum needs only some of them: a command that converts one file should
    not pay for the others. After the first use, the compiled pattern's methods are the
    instance's own attributes, so a match costs what it costs on a compiled pattern.

    A pattern holding the letter classes (:mod:`tei.lexicon.letters`) is compiled in their
    ASCII form while the texts it is given have no letter beyond ASCII, as most memoranda
    (its matches on them are the same), and each call looks at its text. The pattern as
    written is compiled at the first text with such a letter, or once the pattern has been
    used so often that its compilation costs less than looking at the texts would: from then
    on it serves every text, and no call looks.
    """

    search: Callable[..., re.Match[str] | None]
    match: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    finditer: Callable[..., Iterator[re.Match[str]]]
    findall: Callable[..., list[Any]]
    sub: Callable[..., str]
    split: Callable[..., list[str | Any]]

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")
    # Calls of a method in the ASCII form, per letter class of the pattern, before the pattern
    # is compiled as written: a class costs about 0.4 ms to compile, looking at a text 0.1 µs.
    CALLS_PER_CLASS = 1000

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = source
        self.flags = flags

    @property
    def compiled(self) -> re.Pattern[str]:
        """The pattern as written, which from now on serves every call."""
        compiled: re.Pattern[str] | None = self.__dict__.get("_written")
        if compiled is None:
            compiled = self._written = stored.compile(self.pattern, self.flags)
            for method in self._METHODS:
                setattr(self, method, getattr(compiled, method))
        return compiled

    def __getattr__(self, name: str) -> Any:
        # Only reached before the first use: compiling sets the methods on the instance.
        if name not in self._METHODS:
            raise AttributeError(name)
        from tei.lexicon.letters import ascii_form

        narrow = ascii_form(self.pattern, self.flags)
        if narrow == self.pattern:
            return getattr(self.compiled, name)

        def first_use(*args: Any, **kwargs: Any) -> Any:
            if name not in self.__dict__:
                self._first_use(narrow, args[1] if name == "sub" else args[0])
            return getattr(self, name)(*args, **kwargs)
        return first_use

    def _first_use(self, narrow: str, text: str) -> None:
        """The ASCII form, looking at each text, if it serves the first text; else the pattern
        as written."""
        from tei.lexicon.letters import has_non_ascii_letter, letter_classes

        if has_non_ascii_letter(text):
            self.compiled  # noqa: B018 (compiling is the point)
            return
        narrowed = stored.compile(narrow, self.flags)
        calls = self.CALLS_PER_CLASS * letter_classes(self.pattern)
        for method in self._METHODS:
            setattr(self, method, _looking(method, getattr(narrowed, method), lambda: self.compiled, calls))


def _looking(name: str, narrowed: Callable[..., Any], written: Callable[[], re.Pattern[str]],
             calls: int) -> Callable[..., Any]:
    """Method ``name`` of the ASCII form for a text without a letter beyond ASCII, else of the
    pattern as written (``written()`` compiles it, and its methods replace this one), also
    after ``calls`` calls. Positional parameters, as ``re``'s own, and the test written out in
    each: a call of a pattern costs about 0.1 µs, and this adds about as much to every one."""
    from tei.lexicon.letters import has_non_ascii_letter

    if name == "sub":
        def sub(repl: Any, string: str, count: int = 0) -> Any:
            nonlocal calls
            calls -= 1
            if calls > 0 and (string.isascii() or not has_non_ascii_letter(string)):
                return narrowed(repl, string, count)
            return written().sub(repl, string, count)
        return sub
    if name == "split":
        def split(string: str, maxsplit: int = 0) -> Any:
            nonlocal calls
            calls -= 1
            if calls > 0 and (string.isascii() or not has_non_ascii_letter(string)):
                return narrowed(string, maxsplit)
            return written().split(string, maxsplit)
        return split

    def call(string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        nonlocal calls
        calls -= 1
        if calls > 0 and (string.isascii() or not has_non_ascii_letter(string)):
            return narrowed(string, pos, endpos)
        return getattr(written(), name)(string, pos, endpos)
    return call


# A compiled pattern or a lazy one: what functions that take a pattern accept.
Matcher = re.Pattern[str] | LazyPattern


def lazy_pattern(source: str, flags: int = 0) -> LazyPattern:
    """``re.compile(source, flags)``, deferred until the pattern is first used."""
    return LazyPattern(source, flags)
