"""Names: what a person's name looks like, and the id made from it.

Shared by the participants' recognizer and the persons and speakers passes, so that a
name is read the same way everywhere. Names are Unicode: a capitalized word is an upper
case letter and lower case letters of any Latin, Greek or Cyrillic alphabet
("Ødegaard", "Łukasz", "Волкова").

    >>> slug("Ødegaard"), slug("Волкова"), slug("Παπανδρέου")
    ('odegaard', 'volkova', 'papandreou')
"""

from __future__ import annotations

import re
import unicodedata

from tei.lexicon import entries, lazy_pattern, words
from tei.lexicon.letters import LOWER, UPPER

# A capitalized word ("Able", "McKay", "Ødegaard", "D’Arcy"), optionally with an apostrophe suffix.
# "(?:X){1,2}" rather than "X(?:X)?": the same matches, tried in the same order, with each
# letter class written once less, since every class costs re a bitmap of the BMP to compile.
# The runs of lower-case letters are possessive ("++"): what may follow a run (a capital, an
# apostrophe, or whatever a pattern puts after a name: a space, punctuation, the end) never
# starts with a lower-case letter, so giving letters back could never succeed, and ``re``
# no longer tries, letter by letter, at every capitalized word that is not followed as required.
NAME = rf"(?:[{UPPER}][{LOWER}]++){{1,2}}(?:[’'ʼ][{LOWER}]{{2,}}+)?"
# A name from its second character on, for patterns that consume the capital first (see
# :data:`tei.resolve.persons.shapes.SURNAME_AT_START`).
NAME_TAIL = rf"[{LOWER}]++(?:[{UPPER}][{LOWER}]++)?(?:[’'ʼ][{LOWER}]{{2,}}+)?"
INITIAL = rf"[{UPPER}]\."
# "ʼ" (a modifier letter, so a word character) ends a name in the possessive: "Ablesʼ".
NAME_END = r"(?!(?!ʼ)\w|[\-/]\w)"
# What may not stand right before a word: a letter, digit or apostrophe.
WORD_NOT_AFTER = r"\w’'"
# What may not stand right before a name (an apostrophe, a hyphen or a slash makes it part of a word).
NAME_NOT_AFTER = r"\w’'\-/"
NAME_START = rf"(?<![{NAME_NOT_AFTER}])"
CAPITALIZED = lazy_pattern(rf"[{UPPER}]")

HONORIFICS = words("honorifics")
TITLE_HEADS = words("titles") | HONORIFICS
TITLE_MODIFIERS = words("title-modifiers")
# Every word that can be part of a title, rank or honorific.
TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
PEOPLES = words("peoples")
NOT_NAMES = words("not-names") | PEOPLES | words("telegraphic-abbreviations")
PARTICLES = words("name-particles")
OPENING_PARTICLES = words("particles-opening-surnames")
PARTICLES_ALSO_NAMES = words("particles-also-names")

# "Amb." → "Ambassador": abbreviated titles of participant lists, written out.
TITLE_ABBREVIATIONS: dict[str, str] = {short: full for short, full in (entry.split(" = ", 1) for entry in entries("title-abbreviations"))}
# "Secretary" → "Sec.", "Secy.", "Sec": the short forms notes of conversations use for a title.
SHORT_TITLES: dict[str, list[str]] = {
    full: [short for short, written in TITLE_ABBREVIATIONS.items() if written == full]
    for full in set(TITLE_ABBREVIATIONS.values())}


def office_forms(office: str) -> set[str]:
    """The forms a text may use for an office a participant list gives: the office itself, what
    stands before " of " ("Minister of Agriculture" → "Minister"), the office without the people
    it is of ("Soviet Ambassador" → "Ambassador", "Foreign Minister of Korea" → "Foreign
    Minister"), and abbreviations written out ("Amb." → "Ambassador").

    A title alone has its short forms too ("Secretary" → "Sec.", "Secy.", "Sec").

    >>> sorted(office_forms("Soviet Amb."))
    ['Amb', 'Amb.', 'Ambassador', 'Soviet Amb.', 'Soviet Ambassador']
    """
    written_out = " ".join(TITLE_ABBREVIATIONS.get(word, word) for word in office.split())
    forms = {office, written_out, office.split(" of ")[0], written_out.split(" of ")[0]}
    forms |= {_without_people(form) for form in forms}
    # A title alone ("Secretary") also in its short forms: "the Sec. said", "the Amb said".
    forms |= {short for form in list(forms) for short in SHORT_TITLES.get(form, [])}
    return forms - {""}


def _without_people(office: str) -> str:
    """"Soviet Ambassador" → "Ambassador": the office without the peoples' names before it."""
    office_words = office.split()
    while len(office_words) > 1 and office_words[0] in PEOPLES:
        office_words = office_words[1:]
    return " ".join(office_words)


ABBREVIATION = lazy_pattern(r"^[A-Z][A-Z/&.\-]*[A-Z.]$|^[A-Z]/[A-Z]+$")
INITIAL_TOKEN = lazy_pattern(rf"^{INITIAL}$")


def is_title_word(token: str) -> bool:
    """A word of a title or rank ("Ambassador", "Deputy"), or a short abbreviation ("FM", "DCM")."""
    if INITIAL_TOKEN.match(token):
        return False
    return token in TITLE_WORDS or bool(ABBREVIATION.match(token) and len(token) <= 6)


def is_particle(tokens: list[str], index: int) -> bool:
    """Whether ``tokens[index]`` is a name's particle: in lower case always ("von", "de"); capitalized
    ("Von Able", "De Baker") too, except a particle that is also a name of another naming system
    after a name word ("Nguyen Van Able": a middle name; "Van Baker", "Ann B. Van Baker", "General
    Van Baker" keep it)."""
    token = tokens[index]
    if token in PARTICLES:
        return True
    if token.lower() not in PARTICLES or not token[:1].isupper():
        return False
    before = tokens[index - 1] if index else ""
    return token not in PARTICLES_ALSO_NAMES or not before or before.endswith(".") or not is_name_word(before)


# Given names (``given-names.txt``): before a particle, the forename, not part of the surname.
GIVEN_NAMES = words("given-names")


def split_name(tokens: list[str]) -> tuple[list[str], str]:
    """A name's words → (forenames, surname): the last word, or the compound its first particle
    makes (rule ``names.particle-surname``). A German or Dutch particle opens the surname ("Berndt
    Von Able" → ["Berndt"], "Von Able"); another joins the word before it ("Ann Baker de
    Carr" → ["Ann"], "Baker de Carr"), unless that word is a known given name ("Jean de Carr"
    → ["Jean"], "de Carr"), as a particle first does the rest ("de Able")."""
    particle = next((index for index in range(len(tokens) - 1) if is_particle(tokens, index)), None)
    if particle is None:
        return tokens[:-1], tokens[-1] if tokens else ""
    opens = particle == 0 or tokens[particle].lower() in OPENING_PARTICLES or tokens[particle - 1] in GIVEN_NAMES
    start = particle if opens else particle - 1
    return tokens[:start], " ".join(tokens[start:])


# "We’ve", "They’ll", "You’re": a word of NOT_NAMES with a verb's contraction is that word.
CONTRACTION = lazy_pattern(r"(?P<word>\w+)[’'ʼ](?:ve|ll|re|d)")


def is_name_word(word: str) -> bool:
    """Whether a capitalized word can be a person's name: not a title, not a common capitalized word,
    not such a word with a verb's contraction ("We’ve")."""
    if word in NOT_NAMES or word in TITLE_WORDS:
        return False
    contracted = CONTRACTION.fullmatch(word) if "'" in word or "’" in word or "ʼ" in word else None
    return contracted is None or contracted.group("word") not in NOT_NAMES


# Letters that Unicode does not decompose to ASCII, and the Cyrillic and Greek alphabets
# (a simple romanization in the style of BGN/PCGN; ids need to be readable, not reversible).
_TRANSLITERATION = str.maketrans({
    "Ø": "O", "ø": "o", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "ß": "ss", "Ł": "L", "ł": "l",
    "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Þ": "Th", "þ": "th", "ı": "i", "Ħ": "H", "ħ": "h",
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
    "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
    "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
})


def romanize(text: str) -> str:
    """``text`` in ASCII letters: accents dropped, Cyrillic and Greek romanized ("Волкова" → "volkova")."""
    # Romanized before decomposing ("й" is not "и" with a mark) and after (Greek accents).
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("ου", "ou").translate(_TRANSLITERATION))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.translate(_TRANSLITERATION).encode("ascii", "ignore").decode()


def slug(text: str) -> str:
    """A name folded to an XML name: ASCII, lower case, hyphens ("Baker de Carr" → "baker-de-carr")."""
    value = re.sub(r"[^a-z0-9]+", "-", romanize(text)).strip("-")
    return value if value and value[0].isalpha() else f"p-{value or 'person'}"
