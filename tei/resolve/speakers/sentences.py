"""Sentences: inline content → sentences, and the masked text the speaker rules read.

    ['It was good. ', Quote(['“Yes.”']), ' Fine.'] → [['It was good. '], [Quote(…), ' '], ['Fine.']]
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Sequence

from tei.lexicon import LazyPattern, alternation, lazy_pattern, words
from tei.model import EditorialNote, Inline, LineBreak, NoteRef, PersName, Quote, Said
from tei.resolve.speakers.patterns import (
    BOUNDARY_CHARS,
    INITIAL_WORD,
    INITIALISM,
    NAMED,
    NEXT_WORD,
    NOTE_MARK,
    NUMBER_FOLLOWS,
    PARAGRAPH_NUMBER,
    PERSON_CLOSE,
    PERSON_NUMBER,
    PERSON_OPEN,
    QUOTE_MARK,
    SEMICOLON,
    SENTENCE_END,
)

# Abbreviations after which a period never ends a sentence.
TITLE_ABBREVIATIONS = words("abbreviations")
# Abbreviations that stand before a number: "pp. 53–54", "No. 5" (but "He said no. Then …" ends).
NUMBER_ABBREVIATIONS = words("number-abbreviations")
# Abbreviations that end a sentence only when a typical sentence opener follows
# ("… to the U.S. The text …" ends; "the U.S. side" does not).
OPENERS = words("sentence-openers")


# "the" before a role; the look-behind stands after the "T", so that ``re`` skips ahead to "T" and "t".
THE = lazy_pattern(r"[Tt](?<![\w’'].)he\s+")
SPACES = lazy_pattern(r"\s+")


@functools.cache
def _people_adjectives() -> tuple[LazyPattern, dict[str, list[str]]]:
    """The peoples' adjectives that may stand before a role ("the Korean Minister"; a plural noun,
    "Koreans", never qualifies an office), as one pattern that finds the longest at a place, and
    for each adjective the shorter ones it begins with, longest first ("South" for "South Korean")."""
    adjectives = words("peoples") - words("peoples-plural")
    shorter = {adjective: [adjective[:end] for end in range(len(adjective) - 1, 0, -1) if adjective[:end] in adjectives]
               for adjective in adjectives}
    return lazy_pattern(alternation(adjectives)), shorter


@functools.lru_cache(maxsize=256)
def _one_adjective(adjective: str) -> LazyPattern:
    return lazy_pattern(alternation([adjective]))


@functools.lru_cache(maxsize=128)
def _role_pattern(roles: tuple[str, ...]) -> re.Pattern[str]:
    """One of these roles, longest first, as a whole word; built once per cast (it is asked per sentence)."""
    ordered = sorted(roles, key=len, reverse=True)
    return re.compile(r"(?P<role>" + "|".join(re.escape(role) for role in ordered) + r")(?![\w’'\-])")


@functools.lru_cache(maxsize=128)
def _any_role(roles: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the roles, anywhere: one search where a test of each role would loop in Python."""
    return re.compile("|".join(re.escape(role) for role in sorted(roles, key=len, reverse=True)))


def _adjective_ends(text: str, start: int) -> list[int]:
    """Where each people's adjective that stands at ``start`` ends, the longest first."""
    pattern, shorter = _people_adjectives()
    longest = pattern.match(text, start)
    if longest is None:
        return []
    ends = [longest.end()]
    for adjective in shorter.get(" ".join(longest.group().split()), []):
        match = _one_adjective(adjective).match(text, start)
        if match:
            ends.append(match.end())
    return ends


def _roles_in(text: str, roles: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """"the <role>", a people's adjective allowed before the role ("the Korean Foreign Minister"),
    left to right: each match of the role itself, after "the", the adjective tried first (the
    longest, then shorter ones: "the South Korean Minister" may be a South Korean or a South
    one's "Korean Minister"). This is the search of one pattern holding the adjectives, without
    compiling them again for every cast."""
    role = _role_pattern(roles)
    found: list[tuple[int, int, str]] = []  # (where "the" starts, where the role ends, the role)
    for article in THE.finditer(text):
        if found and article.start() < found[-1][1]:
            continue
        for end in _adjective_ends(text, article.end()):
            space = SPACES.match(text, end)
            match = role.match(text, space.end()) if space else None
            if match:
                break
        else:
            match = role.match(text, article.end())
        if match:
            found.append((article.start(), match.end(), match.group("role")))
    return found


def role_subject(text: str, refs: list[str | None], roles: dict[str, str]) -> tuple[str, list[str | None]]:
    """Treat "the <role>" of a participant like a name, so that the subject rules see a person.

    ``("The Ambassador said no.", [], {"Ambassador": "dorn"})`` → ``("\uE0000\uE001 said no.", ["dorn"])``;
    "the Deputy Minister" is not "the Minister": the whole role must match.
    """
    cast = tuple(roles)
    if _any_role(cast).search(text) is None:
        return text, refs  # most sentences: the pattern, which stops at every "t", is not tried
    refs = list(refs)
    pieces: list[str] = []
    position = 0
    for start, end, role in _roles_in(text, cast):
        refs.append(roles[role])
        pieces += [text[position:start], f"{PERSON_OPEN}{len(refs) - 1}{PERSON_CLOSE}"]
        position = end
    return "".join(pieces) + text[position:], refs


def masked(items: list[Inline], roles: dict[str, str] | None = None) -> tuple[str, list[str | None]]:
    """The text of ``items`` for matching, with persons, quotations and notes as placeholders.

    With ``roles``, "the <role>" of a participant is a person too (see :func:`role_subject`).
    ``[PersName('Able', 'able'), ' said, ', Quote(['“No.”'])]`` → ``('\\uE0000\\uE001 said, \\uE002',
    ['able'])``. Note references and page breaks take no room.
    """
    text, refs = _masked_items(items)
    return role_subject(text, refs, roles) if roles else (text, refs)


def _masked_items(items: list[Inline]) -> tuple[str, list[str | None]]:
    parts: list[str] = []
    refs: list[str | None] = []
    for item in items:
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, PersName):
            parts.append(f"{PERSON_OPEN}{len(refs)}{PERSON_CLOSE}")
            refs.append(item.ref)
        elif isinstance(item, Quote):
            parts.append(QUOTE_MARK)
        elif isinstance(item, EditorialNote):
            parts.append(NOTE_MARK)
        elif isinstance(item, LineBreak):
            parts.append(" ")
        elif isinstance(item, Said):
            inner, inner_refs = _masked_items(item.content)
            offset = len(refs)

            def renumber(match: re.Match[str], offset: int = offset) -> str:
                return f"{PERSON_OPEN}{int(match.group(1)) + offset}{PERSON_CLOSE}"

            parts.append(PERSON_NUMBER.sub(renumber, inner))
            refs += inner_refs
    return "".join(parts), refs


def opening_mark(items: list[Inline]) -> str:
    """The first character of ``masked(items)[0].strip()``, without building the masked text
    ("" when it is empty): ``[' ', Quote(…), ' said']`` → the quotation's mark."""
    for item in items:
        if isinstance(item, str):
            stripped = item.lstrip()
            if stripped:
                return stripped[0]
        elif isinstance(item, PersName):
            return PERSON_OPEN
        elif isinstance(item, Quote):
            return QUOTE_MARK
        elif isinstance(item, EditorialNote):
            return NOTE_MARK
        elif isinstance(item, Said):
            inner = opening_mark(item.content)
            if inner:
                return inner
    return ""


# The ASCII characters, those BOUNDARY_CHARS matches made "x": a table ``str.translate`` indexes.
_OPAQUE = "".join("x" if char in ".!?" or char.isspace() else char for char in map(chr, range(128)))


def opaque(text: str) -> str:
    """``text`` with every character that could bound a sentence (``.!?`` and spaces) an "x":
    ``"Mr. A. Ames"`` → ``"MrxxAxxAmes"``. A table where the text is ASCII, as most names are."""
    if text.isascii():
        # Most names: spaces and full stops only (the other ASCII spaces are not printable).
        plain = text.replace(" ", "x").replace(".", "x")
        if plain.isprintable() and "!" not in plain and "?" not in plain:
            return plain
        return text.translate(_OPAQUE)
    return BOUNDARY_CHARS.sub("x", text)


def _atom_text(item: Inline) -> str:
    """What an item contributes to the text the splitter reads: atomic items are one opaque block."""
    if isinstance(item, str):
        return item
    if isinstance(item, PersName):
        return opaque(item.text)  # "Mr. Evans", "A. Ames": never a boundary
    if isinstance(item, (Quote, EditorialNote)):
        text = "".join(_atom_text(child) for child in item.content)
        # Keep the final punctuation visible ("“Yes.” The group" ends a sentence) but hide the
        # inside, so that no boundary is ever found within a quotation or note.
        return opaque(text[:-2]) + text[-2:] if len(text) > 2 else text
    if isinstance(item, (LineBreak, NoteRef)):
        # A note number glued between two sentences ("papers.3Mr. Baker said") stands where the
        # space was: the sentence ends there.
        return " "
    return ""  # PageBreak: no text


def _atom_length(item: Inline) -> int:
    """``len(_atom_text(item))``, without building the text."""
    if isinstance(item, str):
        return len(item)
    if isinstance(item, PersName):
        return len(item.text)
    if isinstance(item, (Quote, EditorialNote)):
        return sum(_atom_length(child) for child in item.content)
    return 1 if isinstance(item, (LineBreak, NoteRef)) else 0


# Characters before a period within which its word is looked for first.
WORD_WINDOW = 48
# The longest word PARAGRAPH_NUMBER matches ("XXIV.").
PARAGRAPH_NUMBER_LENGTH = 5


def is_sentence_end(text: str, period: int, following: str) -> bool:
    """Does the ``.``/``?``/``!`` at ``period`` end a sentence, given the word that ``following`` starts with?

    ``"the U.S. side"`` → no; ``"to the U.S. The"`` → yes; ``"Mr. Evans"``, ``"i.e. September"``,
    ``"pp. 53"``, ``"A. Ames"`` → no.
    """
    return ends_sentence(text[: period + 1] + following, period, period + 1)


def ends_sentence(text: str, period: int, following: int) -> bool:
    """:func:`is_sentence_end`, the word after it read at offset ``following`` of ``text``: a paragraph's
    periods are asked about without copying its text before and after each."""
    if text[period] != ".":
        return True
    # The last word, split off the few characters before the period (the whole text before it
    # only for a longer word): copying and splitting that text, per period, costs more.
    window = text[max(0, period - WORD_WINDOW): period + 1]
    token = window.rsplit(None, 1)[-1]
    if len(token) == len(window) and period >= WORD_WINDOW:
        token = text[: period + 1].rsplit(None, 1)[-1]
    start = period + 1 - len(token)
    word = token.lstrip("(“‘\"[")
    # The lengths asked first are those the patterns can match: most words are asked nothing more.
    if len(word) <= PARAGRAPH_NUMBER_LENGTH and PARAGRAPH_NUMBER.fullmatch(word) and word == token \
            and not text[:start].strip():
        return False  # "2.  Ambassador Carr replied": the paragraph's number, not a sentence
    if word.endswith(".."):
        return True  # "the U.S.." : an abbreviation and a full stop
    if word in TITLE_ABBREVIATIONS or (len(word) == 2 and INITIAL_WORD.fullmatch(word)):
        return False  # a title or an initial: a name follows
    if word in NUMBER_ABBREVIATIONS:
        return NUMBER_FOLLOWS.match(text, following) is None
    if (word[1:2] == "." and INITIALISM.fullmatch(word)) or word.lower() in ("etc.", "a.m.", "p.m."):
        next_word = NEXT_WORD.match(text, following)
        return (next_word.group(1) if next_word else "") in OPENERS  # "U.S.", "U.S.S.R.": only before a clear opener
    return True


def split_sentences(content: list[Inline], roles: dict[str, str] | None = None) -> list[list[Inline]]:
    """Cut inline content into sentences; each keeps its trailing space, nothing is lost or moved.

    ``['It was good. ', Quote(['“Yes.”']), ' Fine.']`` → ``[['It was good. '], [Quote(…), ' '], ['Fine.']]``.
    Cuts fall only inside strings, after sentence-final punctuation and the space after it;
    quotations and editorial notes are never cut, and a note reference or page break glued
    to the end of a sentence stays with it. A semicolon followed by a new speaker's verb
    of saying also starts a new sentence ("Carr asked …; Baker answered, …").
    """
    return cut_sentences(content, sentence_cuts(content, roles))


def sentence_cuts(content: list[Inline], roles: dict[str, str] | None = None) -> list[int]:
    """Where the sentences of ``content`` begin, as offsets in its text (see :func:`split_sentences`):
    a few numbers, which a pass can keep for a whole document where the sentences would weigh
    as much as its text."""
    texts = [item if type(item) is str else _atom_text(item) for item in content]
    flat = "".join(texts)
    cuts: set[int] = set()
    for start, end in _sentence_end_marks(flat):
        if ends_sentence(flat, start, end):
            cuts.add(end)
    cuts |= _speaker_clause_cuts(content, texts, roles)
    return sorted(cuts)


def _sentence_end_marks(text: str) -> list[tuple[int, int]]:
    """Where ``SENTENCE_END`` matches in ``text``, left to right, as ``finditer`` finds them: where
    only full stops can end sentences, tried at each full stop, which ``str.find`` skips to
    (``re`` would test every character of the text against the pattern's first class)."""
    if "?" in text or "!" in text:
        return [match.span() for match in SENTENCE_END.finditer(text)]
    found: list[tuple[int, int]] = []
    position = text.find(".")
    while position >= 0:
        match = SENTENCE_END.match(text, position)
        if match is None:
            position = text.find(".", position + 1)
        else:
            found.append(match.span())
            position = text.find(".", match.end())
    return found


def cut_sentences(content: list[Inline], cuts: Sequence[int]) -> list[list[Inline]]:
    """``content`` cut at the offsets :func:`sentence_cuts` found in it."""
    cut_set = set(cuts)
    sentences: list[list[Inline]] = [[]]
    start = 0
    for item in content:
        end = start + (len(item) if type(item) is str else _atom_length(item))
        if isinstance(item, str):
            position = 0
            index = bisect_right(cuts, start)
            while index < len(cuts) and cuts[index] < end:
                sentences[-1].append(item[position:cuts[index] - start])
                sentences.append([])
                position = cuts[index] - start
                index += 1
            sentences[-1].append(item[position:])
        else:
            sentences[-1].append(item)
        if end > start and end in cut_set:
            # The space after the sentence ends this item: a page break or name that
            # follows opens the next sentence.
            sentences.append([])
        start = end
    return [sentence for sentence in sentences if sentence]


def _speaker_clause_cuts(content: list[Inline], texts: list[str], roles: dict[str, str] | None) -> set[int]:
    """Offsets after ``"; "`` where a participant's verb of saying follows: a new speaker starts there."""
    cuts: set[int] = set()
    position = 0
    whole: bool | None = None
    for index, item in enumerate(content):
        if isinstance(item, str) and ";" in item:
            if whole is None:
                # A role with a semicolon in it could be cut by :func:`_up_to_semicolon`: then the whole rest is read.
                whole = bool(roles) and any(";" in role for role in roles or ())
            for match in SEMICOLON.finditer(item):
                rest, _ = masked([item[match.end():], *content[index + 1:]] if whole
                                 else _up_to_semicolon(content, index, item, match.end()), roles)
                if NAMED.match(rest):
                    cuts.add(position + match.end())
        position += len(texts[index])
    return cuts


def _up_to_semicolon(content: list[Inline], index: int, text: str, start: int) -> list[Inline]:
    """``text[start:]`` (``content[index]``) and the items after it, to the next semicolon of a string,
    included: a subject, its verb of saying and what stands between them (``NAMED``) never hold
    one, so the clause is read there, not to the end of a paragraph of many semicolons (each read again)."""
    end = text.find(";", start)
    if end >= 0:
        return [text[start:end + 1]]
    items: list[Inline] = [text[start:]]
    for later in range(index + 1, len(content)):
        item = content[later]
        if isinstance(item, str) and (end := item.find(";")) >= 0:
            items.append(item[:end + 1])
            break
        items.append(item)
    return items
