"""Parsing and normalising one personal name, and splitting author lists.

>>> name_key("Giménez,  J.-P.")
'gimenez-j-p'
>>> split_author_list("Ruibo Liu, Guoqing Zheng, Shashank Gupta et al.")
(['Ruibo Liu', 'Guoqing Zheng', 'Shashank Gupta'], True)
"""

from __future__ import annotations

import re
import unicodedata

ET_AL = re.compile(r",?\s*\bet\s+al\.?\s*$", re.IGNORECASE)

#: Lower-case words that may stand inside a personal name ("Nees Jan van Eck").
PARTICLES = frozenset("van von der den de del della di da dos das du la le bin ibn al el ter ten zu y".split())

#: Prefixes after which a capital inside a surname is normal ("McDonald").
_INNER_CAPITAL_PREFIXES = ("Mc", "Mac", "Di", "De", "Da", "Du", "La", "Le", "O'", "D'", "Van", "Von", "St")

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


def ascii_fold(text: str) -> str:
    """Strip accents: ``Giménez`` -> ``Gimenez``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """The normalised form of a name: accents, case, punctuation and spacing
    folded, tokens joined by ``-``. Names with equal keys are one author."""
    folded = ascii_fold(name).lower()
    tokens = re.findall(r"[^\W_]+", folded)
    return "-".join(tokens)
