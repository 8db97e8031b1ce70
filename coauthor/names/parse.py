"""Parsing and normalising one personal name, and splitting author lists.

>>> name_key("Giménez,  J.-P.")
'gimenez-j-p'
>>> split_author_list("Ruibo Liu, Guoqing Zheng, Shashank Gupta et al.")
(['Ruibo Liu', 'Guoqing Zheng', 'Shashank Gupta'], True)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ET_AL = re.compile(r",?\s*\bet\s+al\.?\s*$", re.IGNORECASE)

#: Lower-case words that may stand inside a personal name ("Nees Jan van Eck").
PARTICLES = frozenset("van von der den de del della di da dos das du la le bin ibn al el ter ten zu y".split())

#: Prefixes after which a capital inside a surname is normal ("McDonald").
_INNER_CAPITAL_PREFIXES = ("Mc", "Mac", "Di", "De", "Da", "Du", "La", "Le", "O'", "D'", "Van", "Von", "St")

#: Titles written before a name (``Prof.``, ``Dr.``), compared without the
#: dot and case folded: they start a name and are not part of it.
HONORIFICS = frozenset({"prof", "professor", "dr"})

_LETTERS = r"[^\W\d_]"
_LOWER_RUN = r"[^\W\d_A-Z]*"


def _is_name_token(token: str) -> bool:
    """True for one token of a personal name: ``Zhenyi``, ``J.``, ``Jun-Yan``,
    ``DiPalma``, ``O'Brien``, a particle such as ``van``."""
    if token in PARTICLES:
        return True
    if re.fullmatch(r"[A-Z]\.(?:-?[A-Z]\.)*", token):  # initials: J. / J.-P.
        return True
    for part in token.split("-"):
        if not _is_capitalised_word(part):
            return False
    return True


def is_honorific(token: str) -> bool:
    """True for a title written before a name: ``Prof.``, ``Dr.``, ``Dr``.

    >>> is_honorific("Prof."), is_honorific("Dr"), is_honorific("Drew")
    (True, True, False)
    """
    return token.rstrip(".").casefold() in HONORIFICS


def _is_capitalised_word(word: str) -> bool:
    if not word or not word[0].isupper():
        return False
    rest = word[1:]
    if all(c.islower() or c in "'’" for c in rest):
        return True
    for prefix in _INNER_CAPITAL_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix):
            tail = word[len(prefix) :]
            return tail[0].isupper() and all(c.islower() for c in tail[1:])
    return False


def looks_like_name(text: str) -> bool:
    """True when ``text`` reads as one personal name of 2 to 6 tokens.

    >>> looks_like_name("Gianfranco Doretto"), looks_like_name("LearningZhenyi Wang")
    (True, False)
    """
    tokens = text.split()
    if not 2 <= len(tokens) <= 6:
        return False
    if tokens[0] in PARTICLES and len(tokens) < 3:
        return False
    return all(_is_name_token(t) for t in tokens)


def split_author_list(text: str) -> tuple[list[str], bool]:
    """Split ``"A, B, C et al."`` into names and whether the list was cut."""
    text = text.strip()
    truncated = bool(ET_AL.search(text))
    if truncated:
        text = ET_AL.sub("", text)
    names = [n.strip() for n in re.split(r",\s*|\s+and\s+", text) if n.strip()]
    return names, truncated


def is_author_list(text: str) -> bool:
    """True when every comma-separated part of ``text`` looks like a name."""
    names, _ = split_author_list(text)
    return bool(names) and all(looks_like_name(n) for n in names)


def split_title_authors(line: str) -> tuple[str, str] | None:
    """Split a title glued to its author list, or None when no split fits.

    The author list starts at the leftmost capital that is glued to the
    character before it (no space) and from which the rest of the line reads
    as an author list.

    >>> split_title_authors("Location Augmentation for CNNZhenyi Wang, Olga Veksler")
    ('Location Augmentation for CNN', 'Zhenyi Wang, Olga Veksler')
    """
    for i in range(1, len(line)):
        if line[i].isupper() and not line[i - 1].isspace():
            if is_author_list(line[i:]):
                return line[:i].rstrip(), line[i:].strip()
    return None


PERSON, ORGANISATION, NOBODY = "person", "organisation", "nobody"

#: What sources write where no person is named: placeholders, a list cut
#: short, a role instead of names (compared folded: case, brackets, dots and
#: spacing ignored).
NOT_A_PERSON = frozenset({
    "anonymous", "anon", "anonym", "anonymus", "noauthornameavailable", "noauthor", "noauthors", "unknown",
    "unknownauthor", "na", "nn", "etal", "others", "andothers", "organizers", "organisers", "editors", "editor",
    "eds", "theeditors", "variousauthors", "various", "author", "authors", "sponsors", "participants", "program",
})  # fmt: skip

#: Placeholders (folded) that say the author list was cut.
LIST_CUT = frozenset({"etal", "others", "andothers"})

#: Words that make a name a collective author (``LaTeX Project Team``,
#: ``World Health Organization``, ``ATLAS Collaboration``), matched as whole
#: words, case folded.
ORGANISATION_WORDS = frozenset(
    """
    team group consortium collaboration collaborative committee commission council organization organisation
    association society institute institution university universitat universite college school academy
    foundation federation union agency office bureau department ministry board panel network project
    laboratory laboratories labs corporation corp company inc ltd llc gmbh plc limited incorporated
    program programme initiative alliance partnership taskforce working workgroup
    secretariat authority industries systems publishers
""".split()
)

_NOT_WORD = re.compile(r"[\W_]+")


def author_kind(name: str, declared_organisation: bool = False) -> str:
    """Whether an author as written is a ``person``, an ``organisation``
    (kept, marked) or ``nobody`` (a placeholder such as ``Anonymous``,
    ``[No author name available]``, ``et al.``, ``Editors``: not an author).
    ``declared_organisation``: the source says it is one (a braced BibTeX
    name, a Crossref ``name``, a CSL ``literal``). The one place that decides.

    >>> author_kind("[Anonymous]"), author_kind("et al."), author_kind("LaTeX 3 Project Team")
    ('nobody', 'nobody', 'organisation')
    >>> author_kind("Ann Lee"), author_kind("凯撒"), author_kind("Barnes and Noble", declared_organisation=True)
    ('person', 'person', 'organisation')
    """
    words = [_NOT_WORD.sub("", word) for word in ascii_fold(name).lower().split()]  # Group-Smith stays one word
    if "".join(words) in NOT_A_PERSON or not "".join(words):
        return NOBODY
    if declared_organisation or any(word in ORGANISATION_WORDS for word in words):
        return ORGANISATION
    return PERSON


#: Letters that are not a base letter plus an accent, so NFKD keeps them.
_LETTER_FOLDS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                               "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "Þ": "Th"})  # fmt: skip


def ascii_fold(text: str) -> str:
    """Strip accents: ``Giménez`` -> ``Gimenez``, ``Bogusław`` -> ``Boguslaw``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTER_FOLDS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """The normalised form of a name: accents, case, punctuation and spacing
    folded, tokens joined by ``-``. Names with equal keys are one author."""
    folded = ascii_fold(name).lower()
    tokens = re.findall(r"[^\W_]+", folded)
    return "-".join(tokens)


SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "jnr", "snr"})


@dataclass(frozen=True)
class NameParts:
    """The parts of one personal name: ``given`` and ``family`` names, a
    ``particle`` (``van``, ``de la``) that belongs to the family name, a
    ``suffix`` (``Jr.``, ``II``, or a DBLP homonym number ``0001``) and the
    ``initials`` of the given names (``Jun-Yan`` -> ``JY``)."""

    given: str
    family: str
    particle: str = ""
    suffix: str = ""

    @property
    def initials(self) -> str:
        """Upper-case first letters of the given names, hyphenated parts too;
        run-together initials (``JA`` in ``Smith JA``) give each letter."""
        parts = [part for part in re.split(r"[\s.\-‐]+", self.given) if part]
        return "".join(part if _INITIALS.fullmatch(part) else part[0].upper() for part in parts)


#: Initials written after the family name (``Smith J``, ``Smith JA``, ``Smith J.-P.``).
_INITIALS = re.compile(r"[A-Z]{1,3}|(?:[A-Z]\.-?)+")


#: Generational numbers: a suffix only when written in capitals (``II``),
#: not ``Ii``, which is a name.
_ROMAN = frozenset({"ii", "iii", "iv", "v"})


def _is_suffix(token: str, written: bool = False) -> bool:
    """A suffix word (``Jr.``, ``III``, ``0001``). ``written``: the token
    stands where a suffix is only known by its form (the end of a name
    without commas), so a generational number must be in capitals."""
    word = token.lower().rstrip(".")
    if written and word in _ROMAN and not token.isupper():
        return False
    return word in SUFFIXES or bool(re.fullmatch(r"\d{4}", token))


def is_particle(token: str) -> bool:
    """True for a word of the *von* part of a name, by the BibTeX rule: it
    starts with a lower-case letter (``van``, ``de``, ``zur``, ``ten``, ``y``).

    >>> is_particle("zur"), is_particle("Van"), is_particle("d'"), is_particle("J.")
    (True, False, True, False)
    """
    return token in PARTICLES or (token[:1].isalpha() and token[:1].islower())


def _split_particle(family: str) -> tuple[str, str]:
    """``"van der Berg"`` -> (``"van der"``, ``"Berg"``): the particle runs
    to the last lower-case word before the last word (BibTeX's von part)."""
    tokens = family.split()
    lower = [i for i, token in enumerate(tokens[:-1]) if is_particle(token)]
    k = lower[-1] + 1 if lower else 0
    return " ".join(tokens[:k]), " ".join(tokens[k:])


def parse_name(name: str) -> NameParts:
    """Split a name as written into its parts. Accepts ``First Last``,
    ``Last, First``, ``Last, Jr, First`` (BibTeX), ``Last, First, Jr.``
    (RIS), ``First Last, Jr.`` and DBLP homonym numbers (``Wei Wang 0001``).

    >>> parse_name("van Eck, Nees Jan")
    NameParts(given='Nees Jan', family='Eck', particle='van', suffix='')
    >>> parse_name("Ludwig van Beethoven").particle, parse_name("Wei Wang 0001").suffix
    ('van', '0001')
    >>> parse_name("Angelo Di Iorio") == parse_name("Di Iorio, Angelo")
    True
    >>> parse_name("Bell, II, Edwin V.").initials, parse_name("van Eck NJ")
    ('EV', NameParts(given='NJ', family='Eck', particle='van', suffix=''))
    """
    text = " ".join(name.replace("{", "").replace("}", "").split())
    parts = [p.strip() for p in text.split(",")]
    suffix = ""
    if len(parts) >= 3 and _is_suffix(parts[-1]) and not _is_suffix(parts[1]):
        family, given, suffix = parts[0], ", ".join(parts[1:-1]), parts[-1]  # RIS: Last, First, Suffix
    elif len(parts) >= 3:
        family, suffix, given = parts[0], parts[1], ", ".join(parts[2:])  # BibTeX: Last, Jr, First
    elif len(parts) == 2 and _is_suffix(parts[1]):
        given, family, _, _ = _given_family(parts[0])
        suffix = parts[1]
        particle, family = _split_particle(family)
        return NameParts(given, family, particle, suffix)
    elif len(parts) == 2:
        family, given = parts
    else:
        given, family, particle, suffix = _given_family(text)
        return NameParts(given, family, particle, suffix)
    particle, family = _split_particle(family)
    return NameParts(given, family, particle, suffix)


def _given_family(text: str) -> tuple[str, str, str, str]:
    """``First [particles] Last [Suffix]`` -> given, family, particle, suffix."""
    tokens = text.split()
    suffix = ""
    if len(tokens) > 1 and _is_suffix(tokens[-1], written=True):
        suffix = tokens.pop()
    if not tokens:
        return "", "", "", suffix
    initials = len(tokens)
    while initials > 1 and _INITIALS.fullmatch(tokens[initials - 1]):
        initials -= 1
    if initials < len(tokens) and not _INITIALS.fullmatch(tokens[0]):  # "Smith JA": family first
        particle, family = _split_particle(" ".join(tokens[:initials]))
        return " ".join(tokens[initials:]), family, particle, suffix
    lower = [i for i in range(1, len(tokens) - 1) if is_particle(tokens[i])]  # the first word is a given name
    if not lower:
        # a capitalised particle just before the last word starts the family name, as
        # BibTeX reads "Di Iorio, Angelo" or "Angelo {Di Iorio}": "Angelo Di Iorio" is the same
        start = len(tokens) - 1
        while start > 1 and tokens[start - 1].lower() in PARTICLES and tokens[start - 1][:1].isupper():
            start -= 1
        return " ".join(tokens[:start]), " ".join(tokens[start:]), "", suffix
    start, end = lower[0], lower[-1] + 1  # BibTeX's von: first to last lower-case word before the last
    return " ".join(tokens[:start]), " ".join(tokens[end:]), " ".join(tokens[start:end]), suffix
