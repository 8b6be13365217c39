"""One participant's entry → :class:`~tei.model.Person`: title words, name parts, and what follows the name.

    "Ambassador Able"                        → role "Ambassador", surname "Able"
    "Second Secretary Ivan Carr"             → role "Second Secretary", forename "Ivan"
    "Ann Bell (SOV) (notetaker)"             → affiliation "SOV", occupation "notetaker"
    "Mr. Alex Dorn, Editor-in-Chief, X"      → role "Mr.", occupation …, affiliation "X"
    "The President"                          → role only: mentions of "the President" are this person
    "The Finnish Minister, Mr. Eliasson"     → role "Mr.", surname "Eliasson", occupation "Finnish Minister"
    "Colonel Fay were present for Item 2."   → "Colonel Fay"; the rest stays text after the name
    "NEA—Mr. Able"                           → role "Mr.", surname "Able", affiliation "NEA"
    "Director, Region (ABC)—Mr. Carl Able"   → surname "Able", occupation "Director, Region (ABC)"
    "Chancellor Ann Able 2"                  → surname "Able"; the footnote number stays after the name
    "Mr. Ann Able III", "Ann Able, Jr."      → surname "Able", generational name "III", "Jr."
"""

from __future__ import annotations

from tei.errors import Reporter
from tei.lexicon import lazy_pattern, words
from tei.lexicon.names import (
    ABBREVIATION,
    HONORIFICS,
    INITIAL_TOKEN,
    PARTICLES,
    TITLE_HEADS,
    is_name_word,
    is_title_word,
    slug,
    split_name,
)
from tei.model import Person
from tei.recognize.base import excerpt

# Lower-case words a name or a title may hold: "Mr. and Mrs. Able", "Ambassador to the U.S.".
NAME_CONNECTORS = PARTICLES | frozenset(["of", "the", "and", "to", "for", "at", "in", "on"])
ARTICLES = frozenset({"The", "the"})
# "(notetaker)", "[D-Rhode Island]": a parenthesized or bracketed group after the name.
TRAILING_GROUP = lazy_pattern(r"\s*[(\[](?P<text>[^()\[\]]*)[)\]]\s*$")
# Between the name and what describes the person: a comma or a dash ("Ann Able—GER").
DESCRIPTOR_SEPARATOR = lazy_pattern(r"\s*,\s*|\s*[—–]\s*|\s+-\s+")

def _surname(tokens: list[str]) -> tuple[str | None, list[str]]:
    """The surname and forenames of a name's words (:func:`~tei.lexicon.names.split_name`)."""
    if not tokens:
        return None, []
    forenames, surname = split_name(tokens)
    return surname, forenames


# "R.F.", "G.M.": a person's initials before a name word, not an office's abbreviation.
INITIALS = lazy_pattern(r"^(?:[A-Z]\.){2,3}$")
# What an office's words may go on with: "Secretary of State", "Ambassador to the U.S.".
OFFICE_WORDS = frozenset(["of", "to", "at", "in"])


def _title_words(tokens: list[str]) -> list[str]:
    """The title words that open a name's tokens, taken off them; "Secretary of State Able",
    "Minister of the Interior Able" and "Ambassador to the U.S. Dr. Able" keep their office ("of
    State", "to the U.S.") in the title, and "Secretary of State" alone is all title."""
    roles: list[str] = []
    while len(tokens) > 1:
        if is_title_word(tokens[0]) and not (INITIALS.match(tokens[0]) and is_name_word(tokens[1])):
            roles.append(tokens.pop(0))
            continue
        office = 3 if tokens[1:2] == ["the"] else 2
        if roles and tokens[0] in OFFICE_WORDS and len(tokens) >= office and tokens[office - 1][:1].isupper():
            roles += [tokens.pop(0) for _ in range(office)]
            continue
        # The office's body goes on in words that are no name: "Director of Central Intelligence
        # Able", "Chairman of the Joint Chiefs of Staff Baker" (never "Secretary of State Carl Able").
        if OFFICE_WORDS & set(roles) and tokens[0][:1].isupper() and not is_name_word(tokens[0]):
            roles.append(tokens.pop(0))
            continue
        break
    return roles


GLUED_NUMBER = lazy_pattern(r"(?:(?<=[^\W\d_]{2})|(?<=\)))\d{1,3}$")
# "Chancellor Ludwig Able 2": a footnote number set off by a space at the end of the entry.
SPACED_NUMBER = lazy_pattern(r"(?<=[^\W\d_]{2})\s+\d{1,2}$")

OF_PLACE_RULE = "participants-of-place"


def _of_place(tokens: list[str], roles: list[str]) -> int | None:
    """Where "of" sets off the place or body a titled or full name belongs to: "President Able of
    Ruritania", "Dr. Ann Baker of the Embassy" → the name ends before "of", which opens the
    affiliation. Only after a title or two name words, and before capitalized words to the end."""
    if "of" not in tokens:
        return None
    index = tokens.index("of")
    name, place = tokens[:index], [token for token in tokens[index + 1:] if token not in ("the", "and")]
    if not place or not (roles or len(name) >= 2) or not name:
        return None
    if not all(is_name_word(token) or INITIAL_TOKEN.match(token) for token in name):
        return None
    return index if all(token[:1].isupper() for token in place) else None


ROLE_THEN_NAME_RULE = "participants-role-then-name"
DASHES = frozenset(["—", "–", "-"])


def _name_after_role(descriptor: str, dashed: bool) -> tuple[list[str], list[str]] | None:
    """ "Mr. Eliasson", "Dr. Ann Q. Baker" after a role alone: an honorific and one to three name
    words or initials; after a dash ("Chairman—Ann Q. Baker"), two to four name words need no
    honorific. The honorific and the name's words, else None."""
    tokens = descriptor.split()
    honorific = tokens[:1] if tokens and tokens[0] in HONORIFICS else []
    names = tokens[len(honorific):]
    if not (1 if honorific else 2) <= len(names) <= (3 if honorific else 4) or not (honorific or dashed):
        return None
    if not all(is_name_word(token) or INITIAL_TOKEN.match(token) for token in names) or INITIAL_TOKEN.match(names[-1]):
        return None
    if not honorific and not (names[0][:1].isupper() and names[-1][:1].isupper()):
        return None
    return honorific, names


WORD = lazy_pattern(r"\S+")


def _name_before_lower_case(name_part: str) -> str:
    """ "Colonel Fay were present for Item 2." → "Colonel Fay": a name ends before a lower-case word
    that no name or title holds (the rest of the entry stays in the list as text)."""
    words = list(WORD.finditer(name_part))
    for word in words[1:]:
        text = word.group()
        if text[:1].islower() and text.isalpha() and text not in NAME_CONNECTORS:
            return name_part[:word.start()].rstrip()
    return name_part


OFFICE_SYMBOL_RULE = "participants-office-symbol"
GENERATION_RULE = "participants-generation"


def _generation(name_part: str, descriptors: list[str]) -> tuple[str, str]:
    """The name without a generational suffix after it, and the suffix ("" if none): "Ann Able III"
    → ("Ann Able", "III"); "Ann Able, Jr." → the first descriptor, taken from ``descriptors``.
    Such a suffix is no surname, office or affiliation."""
    suffixes = words("generational-suffixes")
    if descriptors and descriptors[0] in suffixes:
        return name_part, descriptors.pop(0)
    head, _, last = name_part.rpartition(" ")
    if head and last in suffixes and any(is_name_word(word) for word in head.split()):
        return head, last
    return name_part, ""
# An office's symbol: "U", "NEA", "EUR/WE", "S/P".
OFFICE_SYMBOL = lazy_pattern(r"^[A-Z]{1,6}(?:/[A-Z]{1,6})*$")


def _is_full_name(descriptor: str) -> bool:
    """ "Mr. Able", "Ann Q. Baker": title words, then name words and initials ending in a
    name word; without a title, two words at least."""
    tokens = descriptor.split()
    titles = 0
    while titles < len(tokens) - 1 and is_title_word(tokens[titles]):
        titles += 1
    names = tokens[titles:]
    if titles and not TITLE_HEADS.intersection(tokens[:titles]):
        return False  # "Political Officer": words that may open a title, but no title
    if not 1 <= len(names) <= 4 or (not titles and len(names) < 2) or INITIAL_TOKEN.match(names[-1]):
        return False
    return all(token[:1].isupper() and (is_name_word(token) or INITIAL_TOKEN.match(token)) for token in names)


def _is_role_only(tokens: list[str], roles: list[str], has_article: bool) -> bool:
    """Whether the entry names a role and no person ("The Secretary", "Chairman")."""
    if not tokens:
        return bool(roles)
    if all(is_title_word(token) for token in tokens) and (has_article or not roles):
        return True
    # "The Finnish Minister", "First Party": without a title's head word, a last word that is
    # no surname makes a role ("Mr. May" and "Ambassador Hall" keep their names).
    last = tokens[-1]
    return (not TITLE_HEADS.intersection(roles) and not is_name_word(last.rstrip(".,;:"))
            and not INITIAL_TOKEN.match(last))


def _sort_descriptors(descriptors: list[str], extras: list[str], affiliations: list[str],
                      occupations: list[str]) -> None:
    """An abbreviation ("CIA") or the last of several descriptors is an affiliation; the rest occupations."""
    for position, descriptor in enumerate(descriptors + extras):
        last_of_several = position == len(descriptors) - 1 and len(descriptors) > 1
        if ABBREVIATION.match(descriptor.split()[0] if descriptor else "") or last_of_several:
            affiliations.append(descriptor)
        else:
            occupations.append(descriptor)


OFFICE_THEN_NAME_RULE = "participants-office-then-name"


def _office_then_name(text: str) -> tuple[str, str] | None:
    """ "Assistant Secretary of Defense (ISA)—Mr. Carl Able", "Chief Negotiator, Canal Talks—Ambassador
    Ann Baker": an office of several words, an em dash outside parentheses, then a full name (with
    what follows it). The office and the person's part, else None. An office's symbol before the
    dash ("NEA—Mr. Able") and a name before it ("Ann Able—GER") are other conventions."""
    index = text.rfind("—")
    office, person = text[:index].strip(), text[index + 1:].strip()
    if index <= 0 or not person or office.count("(") != office.count(")") or OFFICE_SYMBOL.match(office):
        return None
    name = GLUED_NUMBER.sub("", DESCRIPTOR_SEPARATOR.split(SPACED_NUMBER.sub("", person))[0])
    if not _is_full_name(name) or _is_full_name(GLUED_NUMBER.sub("", office.split(",")[0])):
        return None
    return office, person


def parse_participant(text: str, line: int, group: int, reporter: Reporter | None = None) -> Person:
    if (office_person := _office_then_name(text.strip())) is not None:
        return _office_then_person(text, office_person, line, group, reporter)
    rest, extras = _without_numbers_and_groups(text)
    name_part, *descriptors = [part.strip() for part in DESCRIPTOR_SEPARATOR.split(rest)]
    # "Ambassador Able2": a footnote number glued to the name is not part of it; it stays in the
    # line's tail, where the footnotes pass finds it.
    name_part = _name_before_lower_case(GLUED_NUMBER.sub("", name_part))
    full_name = name_part
    name_part, generation = _generation(name_part, descriptors)
    if generation and reporter is not None:
        reporter.decide(GENERATION_RULE, excerpt(text), f"generational name {generation!r}",
                        "a generational suffix after the name is no surname, office or affiliation", line)
    symbol, name_part = _office_symbol(text, name_part, descriptors, line, reporter)
    tokens = name_part.split()
    article = tokens[:1] if tokens and tokens[0] in ARTICLES else []
    tokens = tokens[len(article):]
    roles = _title_words(tokens)
    place: list[str] = []
    if (of := _of_place(tokens, roles)) is not None:
        place, tokens = tokens[of + 1:], tokens[:of]
        name_part = name_part[: name_part.rindex(" of ")]
        if reporter is not None:
            reporter.decide(OF_PLACE_RULE, excerpt(text), f"affiliation {' '.join(place)!r}",
                            "'of' and capitalized words after a titled or full name", line)
    role_only = _is_role_only(tokens, roles, bool(article))
    occupations: list[str] = []
    separator = DESCRIPTOR_SEPARATOR.search(rest)
    dashed = separator is not None and separator.group().strip() in DASHES
    if role_only and descriptors and (named := _name_after_role(descriptors[0], dashed)) is not None:
        # "The Finnish Minister, Mr. Eliasson", "Chairman—Ann Q. Baker": the role, then the person's name.
        occupations.append(" ".join(roles + tokens))
        (roles, tokens), role_only, name_part = named, False, descriptors.pop(0)
        if reporter is not None:
            reporter.decide(ROLE_THEN_NAME_RULE, excerpt(text), f"the person {name_part!r}, "
                            f"occupation {occupations[0]!r}", "a role alone, then a name after an honorific "
                            "or a dash", line)
    surname, forenames = (None, []) if role_only else _surname(tokens)
    roles = roles + tokens if role_only else roles
    affiliations: list[str] = symbol + ([" ".join(place)] if place else [])
    _sort_descriptors(descriptors, extras, affiliations, occupations)
    name = full_name if generation and full_name.endswith(generation) else name_part
    start = text.find(name)
    tail = text[start + len(name):] if start >= 0 else ""
    lead = text[:start] if start > 0 else ""
    key = " ".join(roles) if role_only else (surname or name)
    return Person(id=slug(key), name=name, surname=surname, forenames=forenames, role_names=roles,
                  affiliations=affiliations, occupations=occupations, group=group, line=line,
                  role_only=role_only, tail=tail, lead=lead, tail_content=[tail] if tail else [],
                  generation=generation)


def _office_then_person(text: str, office_person: tuple[str, str], line: int, group: int,
                        reporter: Reporter | None) -> Person:
    """"Director, Region (ABC)—Mr. Carl Able": the person of the name after the office."""
    office, person_text = office_person
    person = parse_participant(person_text, line, group, reporter)
    person.occupations.insert(0, office)
    start = text.find(person.name)
    person.lead, person.tail = text[:start], text[start + len(person.name):]
    person.tail_content = [person.tail] if person.tail else []
    if reporter is not None:
        reporter.decide(OFFICE_THEN_NAME_RULE, excerpt(text), f"the person {person.name!r}, occupation "
                        f"{office!r}", "an office, an em dash, then a full name", line)
    return person


def _without_numbers_and_groups(text: str) -> tuple[str, list[str]]:
    """The entry without footnote numbers at its end, and the bracketed groups after the name."""
    rest = SPACED_NUMBER.sub("", GLUED_NUMBER.sub("", text.strip()))
    extras: list[str] = []
    while (match := TRAILING_GROUP.search(rest)) and match.start() > 0:
        extras.insert(0, match.group("text").strip())
        rest = rest[: match.start()]
    return rest, extras


def _office_symbol(text: str, name_part: str, descriptors: list[str], line: int,
                   reporter: Reporter | None) -> tuple[list[str], str]:
    """"NEA—Mr. Able", "U—Ann Q. Baker": the office's symbol, then the person (taken off
    ``descriptors``); else no symbol and the name as it was."""
    if not (descriptors and OFFICE_SYMBOL.match(name_part) and _is_full_name(descriptors[0])):
        return [], name_part
    symbol, name_part = name_part, descriptors.pop(0)
    if reporter is not None:
        reporter.decide(OFFICE_SYMBOL_RULE, excerpt(text), f"the person {name_part!r}, affiliation "
                        f"{symbol!r}", "an office's symbol in capitals, a dash, then a name", line)
    return [symbol], name_part
