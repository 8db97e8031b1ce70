"""One name as the resolver compares it, and the rule saying whether two
names may belong to one person.

A :class:`NameForm` holds the folded family name (the *block*: family name
and first initial), the particle, the suffix and the given names as tokens
of pieces: ``Jun-Yan`` is one token of two pieces, ``J. A.`` two tokens; an
abbreviated piece keeps its dot (``j.``, ``chr.``).

>>> form = name_form("Zhu, Jun-Yan")
>>> form.key == name_form("Junyan Zhu").key, form.block
(True, ('zhu', 'j'))
>>> compatible(name_form("J. Smith"), name_form("John Smith"))
True
>>> compatible(name_form("J. A. Smith"), name_form("J. B. Smith"))
False
>>> compatible(name_form("Matt Post"), name_form("Matthew Post"))
True
>>> compatible(name_form("Y. Chen"), name_form("Yiran Chen"))  # East Asian: never on initials
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coauthor.names.data import CANONICAL, EAST_ASIAN_FAMILIES, NICKNAMES, WESTERN_GIVEN
from coauthor.names.parse import ascii_fold, name_key, parse_name

_BRACKETED = re.compile(r"\s*[(\[][^)\]]*[)\]]")
#: Run-together initials in a given name: ``JA`` in ``Smith JA``.
_RUN_INITIALS = re.compile(r"[A-Z]{2,3}")
#: A prefix is a nickname only when it is this long (Alex, Chris) and the
#: full name is at least 2 letters longer (not Paul / Paula).
MIN_PREFIX = 4


@dataclass(frozen=True)
class NameForm:
    """A parsed, folded name: ``family`` (letters only, no particle),
    ``particle``, ``suffix`` (``jr``, ``ii``, DBLP's ``0001``) and ``given``
    tokens, each a tuple of pieces."""

    family: str
    particle: str
    suffix: str
    given: tuple[tuple[str, ...], ...]

    @property
    def key(self) -> str:
        """Equal for names that differ only in case, accents, punctuation,
        spacing, order or hyphens inside given names."""
        given = "".join("".join(token) for token in self.given)
        return f"{self.family}|{self.particle}|{given}|{self.suffix}"

    @property
    def block(self) -> tuple[str, str]:
        """(family, first initial): only names in one block are compared."""
        return self.family, self.given[0][0][0] if self.given else ""

    def initials(self) -> frozenset[str]:
        """The letters an abbreviation of the first given name may show:
        its initial, and for a nickname its full names' (``Bill``: b, w)."""
        if not self.given:
            return frozenset()
        first = self.given[0][0]
        return frozenset({first[0]} | {c[0] for c in CANONICAL.get(first, ())})

    @property
    def initials_only(self) -> bool:
        """The first given name is abbreviated (``J. Smith``, ``Smith J``)."""
        return not self.given or self.given[0][0].endswith(".")

    @property
    def east_asian(self) -> bool:
        """An East Asian family name, unless the first given name is a known
        Western one (``Andrew Hwang``)."""
        western = bool(self.given) and self.given[0][0] in WESTERN_GIVEN
        return self.family in EAST_ASIAN_FAMILIES and not western

    @property
    def specificity(self) -> tuple[int, int, int, int, int]:
        """How complete the name is: full first name, full pieces, pieces,
        particle and suffix written, letters."""
        pieces = [piece for token in self.given for piece in token]
        full = sum(not piece.endswith(".") for piece in pieces)
        extras = bool(self.particle) + bool(self.suffix)
        return int(not self.initials_only), full, len(pieces), extras, sum(len(p) for p in pieces)

    @property
    def id_key(self) -> str:
        """The readable author id of this name: ``jun-yan-zhu``, ``wei-wang-0001``."""
        given = " ".join(piece.rstrip(".") for token in self.given for piece in token)
        return name_key(f"{given} {self.particle} {self.family} {self.suffix}")

    def index_keys(self) -> frozenset[str]:
        """Keys shared by any two compatible full first names (exact, prefix
        or nickname): the inverted index that replaces all-pairs comparison."""
        if self.initials_only:
            return frozenset()
        token = self.given[0]
        keys = {_stem(token[0]), _stem("".join(token))}
        for canonical in CANONICAL.get(token[0], ()):
            keys.add(_stem(canonical))
        return frozenset(keys)


def _stem(word: str) -> str:
    return word[:MIN_PREFIX]


@lru_cache(maxsize=1 << 20)
def name_form(name: str, organisation: bool = False) -> NameForm:
    """Parse and fold one name as written (LaTeX accents decoded, a
    bracketed nickname such as ``Xiong (Bill) Yu`` left out). An
    organisation's name is folded whole, digits kept, as its ``family``: it
    equals only the same name.

    >>> name_form("LaTeX 3 Project Team", True) == name_form("LaTeX Project Team", True)
    False
    """
    if "\\" in name:
        from coauthor.readers.latex import latex_to_text

        name = latex_to_text(name)
    if organisation:
        return NameForm(re.sub(r"[^a-z0-9]", "", ascii_fold(name).lower()) or name.casefold(), "", "", ())
    parts = parse_name(_BRACKETED.sub("", name))
    family = _letters(parts.family)
    if not family:  # nothing parsable: keep every letter
        return NameForm(_letters(name), "", "", ())
    suffix = _letters(parts.suffix) or re.sub(r"\D", "", parts.suffix)
    particle = " ".join(_letters(p) for p in parts.particle.split())
    return NameForm(family, particle, suffix, _given_tokens(parts.given))


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", ascii_fold(text).lower())


def _given_tokens(given: str) -> tuple[tuple[str, ...], ...]:
    """``"J.-P. Ann"`` -> ``(("j.", "p."), ("ann",))``; dots between
    initials without a hyphen separate tokens (``J.A.`` is two names)."""
    tokens: list[tuple[str, ...]] = []
    for word in given.split():
        if _RUN_INITIALS.fullmatch(word):
            tokens.extend((f"{c.lower()}.",) for c in word)
            continue
        groups = [word] if "-" in word or "‐" in word else re.findall(r"[^.]+\.?", word)
        for group in groups:
            pieces = tuple(p for p in (_piece(p) for p in re.split(r"[-‐]", group)) if p)
            if pieces:
                tokens.append(pieces)
    return tuple(tokens)


def _piece(text: str) -> str:
    letters = _letters(text)
    return f"{letters}." if letters and (text.endswith(".") or len(letters) == 1) else letters


def compatible(a: NameForm, b: NameForm, east_asian_rule: bool = True) -> bool:
    """True when nothing in the two names says they are different people:
    same family and first initial, no conflicting particle or suffix, and
    given names that agree token by token (initials, prefixes, nicknames;
    a middle name may be missing on one side). East Asian names must agree
    in full on the first given name and in the number of given names
    (``east_asian_rule=False`` drops that restriction, to flag names that
    would merge, never to merge them)."""
    if a.family != b.family or not _agree(a.particle, b.particle) or not _suffixes_agree(a.suffix, b.suffix):
        return False
    if a.key == b.key:
        return True
    if not a.given or not b.given:
        return False
    strict = east_asian_rule and (a.east_asian or b.east_asian)
    if strict and (a.initials_only or b.initials_only or len(a.given) != len(b.given)):
        return False
    return all(_tokens_agree(x, y, strict) for x, y in zip(a.given, b.given, strict=False))


def _agree(x: str, y: str) -> bool:
    return not x or not y or x == y


def _suffixes_agree(x: str, y: str) -> bool:
    """Jr vs none agree; Jr vs Sr and DBLP's 0001 vs none or 0002 do not."""
    if x == y:
        return True
    return not (x.isdigit() or y.isdigit()) and (not x or not y)


def _tokens_agree(x: tuple[str, ...], y: tuple[str, ...], strict: bool) -> bool:
    if "".join(x) == "".join(y):
        return True
    if len(x) == len(y):
        return all(_pieces_agree(p, q, strict) for p, q in zip(x, y, strict=True))
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return len(short) == 1 and short[0].endswith(".") and _pieces_agree(short[0], long[0], strict)


def _pieces_agree(p: str, q: str, strict: bool) -> bool:
    """Equal, an abbreviation of the other, or (not strict) a nickname or
    a long enough prefix."""
    if p.endswith(".") or q.endswith("."):  # either way round when both are abbreviated (chr. ~ c.)
        return (p.endswith(".") and _abbreviates(p, q)) or (q.endswith(".") and _abbreviates(q, p))
    if p == q:
        return True
    if strict:
        return False
    return _nicknames(p, q) or _prefix(p, q)


def _abbreviates(short: str, long: str) -> bool:
    """``short`` (a piece with its dot) starts ``long`` or a name that
    ``long`` is a nickname of (``w.`` ~ ``bill``)."""
    start, full = short.rstrip("."), long.rstrip(".")
    return full.startswith(start) or any(c.startswith(start) for c in CANONICAL.get(full, ()))


def _nicknames(p: str, q: str) -> bool:
    if q in NICKNAMES.get(p, ()) or p in NICKNAMES.get(q, ()):
        return True
    return bool(CANONICAL.get(p, frozenset()) & CANONICAL.get(q, frozenset()))


def _prefix(p: str, q: str) -> bool:
    short, long = sorted((p, q), key=len)
    return len(short) >= MIN_PREFIX and len(long) >= len(short) + 2 and long.startswith(short)
