"""BibTeX and biblatex name lists: splitting at ``and``, the parts of each
name by the BibTeX rules ("Tame the BeaST", §11), and the biblatex extended
name format (biblatex manual §3.4).

A name is split into tokens at spaces and ``~`` outside braces, and into
parts at commas outside braces: ``First von Last``, ``von Last, First`` or
``von Last, Jr, First``. The *von* part is the run of tokens that start with
a lower-case letter (not the last token); a token's case is that of its first
letter outside braces, a braced group counting only when it is a special
character (``{\\'E}cole``). So braces protect what they hold: ``Nancy {Van
Cleave}`` has the family name ``Van Cleave``, and a name that is one braced
group (``{Barnes and Noble}``, ``{Adobe Systems, Inc.}``) is one author, an
organisation, never split at its commas.

The biblatex extended format writes each name as ``key=value`` pairs
(``family=Beethoven, given=Ludwig, prefix=van, useprefix=true``); a list item
made of options alone (``useprefix=true``) sets options of the list and is
no author.

>>> [str(name) for name in split_names(r"María José {Castro Bleda} and de la Fuente, Jos{\\'e} and others")[0]]
['Castro Bleda, María José', 'de la Fuente, José']
"""

from __future__ import annotations

import re
from typing import NamedTuple

from coauthor.names.parse import ORGANISATION, author_kind, parse_name
from coauthor.readers.latex import latex_to_text

_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
#: Special characters whose case is that of the command itself (``{\o}``, ``{\AA}``).
_CASED_COMMANDS = frozenset("i j oe OE ae AE aa AA o O l L ss".split())
_SPECIAL = re.compile(r"\{\\([A-Za-z]+|.)\s*\{?\s*([A-Za-z]?)")
#: Keys of the biblatex extended name format: name parts, and options.
NAME_PART_KEYS = frozenset({"family", "given", "prefix", "suffix"})
NAME_OPTION_KEYS = frozenset({
    "useprefix", "sortingnamekeytemplatename", "uniquename", "uniquelist", "id", "gender", "hash",
})  # fmt: skip
_KEY_VALUE = re.compile(r"\s*([a-z][a-z-]*)(?:\s*=\s*(.*))?$", re.IGNORECASE | re.DOTALL)


class BibName(NamedTuple):
    """One name of a list, its parts LaTeX-decoded: ``first``, ``von``,
    ``last``, ``jr``; ``organisation`` when the whole name is one braced group.
    ``commas``: it was written ``von Last, First``. ``str()`` is the name
    as coauthor keeps it: in its written order, except that ``First von
    Last`` becomes ``von Last, Jr, First`` where reading it back would
    split it elsewhere (``María José {Castro Bleda}``) and it is no organisation."""

    first: str
    von: str
    last: str
    jr: str = ""
    organisation: bool = False
    commas: bool = False

    def __str__(self) -> str:
        plain = " ".join(p for p in (self.first, self.von, self.last) if p)
        if self.organisation or (not self.commas and author_kind(plain) == ORGANISATION):
            return plain  # {\LaTeX} {Project Team} is LaTeX Project Team, not "Project Team, LaTeX"
        family = " ".join(p for p in (self.von, self.last) if p)
        comma = ", ".join(p for p in (family, self.jr, self.first) if p)
        if self.commas:
            return comma
        if self.jr:
            plain = f"{plain}, {self.jr}"
        if (not self.first and not self.jr) or parse_name(plain) == parse_name(comma):
            return plain
        # the readings differ: BibTeX's wins (María José {Castro Bleda}), except for a
        # suffix written last, which BibTeX takes for the last name (John Smith Jr.)
        return plain if parse_name(plain).suffix == self.last else comma


def split_names(text: str) -> tuple[list[BibName], bool]:
    """The names of an ``author`` value (``and`` outside braces splits it),
    and whether ``and others`` cut the list; options-only items (biblatex)
    and empty names are left out."""
    names: list[BibName] = []
    truncated = False
    for item in _split_outside_braces(text, _AND):
        if item.strip().lower() == "others":
            truncated = True
            continue
        name = _extended_name(item) if _is_extended(item) else parse_bibtex_name(item)
        if name is not None and (name.first or name.last or name.von):
            names.append(name)
    return names, truncated


def parse_bibtex_name(text: str) -> BibName:
    """The parts of one BibTeX name by the BibTeX rules.

    >>> parse_bibtex_name("Ludwig van Beethoven")[:3], parse_bibtex_name("Don {De Smet}").last
    (('Ludwig', 'van', 'Beethoven'), 'De Smet')
    >>> parse_bibtex_name("van der Waals, Jr., Johannes Diderik")[:4]
    ('Johannes Diderik', 'van der', 'Waals', 'Jr.')
    >>> parse_bibtex_name("{Adobe Systems, Inc.}").organisation
    True
    """
    text = " ".join(text.split())
    if _one_group(text):
        return BibName("", "", latex_to_text(text), organisation=True)
    parts = [_tokens(part) for part in _split_outside_braces(text, re.compile(r"\s*,\s*"))]
    parts = [p for p in parts if p] or [[]]
    if len(parts) == 1:
        first, von, last = _first_von_last(parts[0])
        jr: list[str] = []
    else:
        von, last = _von_last(parts[0])
        jr = parts[1] if len(parts) > 2 else []
        first = [token for part in parts[2 if len(parts) > 2 else 1 :] for token in part]
    return BibName(_decoded(first), _decoded(von), _decoded(last), _decoded(jr), commas=len(parts) > 1)


def _first_von_last(tokens: list[str]) -> tuple[list[str], list[str], list[str]]:
    """``First von Last``: von from the first to the last lower-case token
    before the last token."""
    lower = [i for i, token in enumerate(tokens[:-1]) if token_case(token) == "lower"]
    if not lower:
        return tokens[:-1], [], tokens[-1:]
    return tokens[: lower[0]], tokens[lower[0] : lower[-1] + 1], tokens[lower[-1] + 1 :]


def _von_last(tokens: list[str]) -> tuple[list[str], list[str]]:
    """``von Last``: von up to the last lower-case token before the last token."""
    lower = [i for i, token in enumerate(tokens[:-1]) if token_case(token) == "lower"]
    cut = lower[-1] + 1 if lower else 0
    return tokens[:cut], tokens[cut:]


def token_case(token: str) -> str | None:
    """``lower`` or ``upper``: the case of the first letter outside braces
    (a special character ``{\\'e}`` counts as its letter); None when there is none.

    >>> token_case("von"), token_case("{\\\\'E}cole"), token_case("{van}"), token_case("{\\\\o}ster")
    ('lower', 'upper', None, 'lower')
    """
    depth = 0
    i = 0
    while i < len(token):
        char = token[i]
        if char == "{":
            if depth == 0 and token.startswith("{\\", i):
                special = _SPECIAL.match(token, i)
                if special:
                    command, letter = special.groups()
                    decisive = command if command in _CASED_COMMANDS else letter
                    if decisive:
                        return "upper" if decisive[0].isupper() else "lower"
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif depth == 0 and char.isalpha():
            return "upper" if char.isupper() else "lower"
        i += 1
    return None


def _is_extended(item: str) -> bool:
    """True for a biblatex extended-format name (every comma part ``key=value``)."""
    pairs = [_KEY_VALUE.match(part) for part in _split_outside_braces(item, re.compile(r","))]
    return bool(pairs) and all(
        m is not None and m.group(2) is not None and m.group(1).lower() in NAME_PART_KEYS | NAME_OPTION_KEYS
        for m in pairs
    )


def _extended_name(item: str) -> BibName | None:
    """The parts of an extended-format name; None for options alone.

    >>> str(_extended_name("family=Beethoven, given=Ludwig, prefix=van, useprefix=true"))
    'Ludwig van Beethoven'
    >>> _extended_name("useprefix=true") is None
    True
    """
    values: dict[str, str] = {}
    for part in _split_outside_braces(item, re.compile(r",")):
        match = _KEY_VALUE.match(part)
        if match and match.group(2) is not None:
            values[match.group(1).lower()] = match.group(2).strip()
    if not NAME_PART_KEYS & set(values):
        return None
    family = values.get("family", "")
    given_name, prefix, suffix = (latex_to_text(values.get(key, "")) for key in ("given", "prefix", "suffix"))
    organisation = not values.get("given") and _one_group(family)
    return BibName(given_name, prefix, latex_to_text(family), suffix, organisation=organisation)


def _split_outside_braces(text: str, separator: re.Pattern[str]) -> list[str]:
    """``text`` cut at each match of ``separator`` at brace depth 0."""
    pieces: list[str] = []
    start = 0
    for match in separator.finditer(text):
        if match.start() >= start and _depth(text, match.start()) == 0:
            pieces.append(text[start : match.start()])
            start = match.end()
    pieces.append(text[start:])
    return pieces


def _depth(text: str, stop: int) -> int:
    """Brace depth at ``text[stop]`` (escaped braces not counted)."""
    depth = 0
    for pos in range(stop):
        char = text[pos]
        if char == "{" and (pos == 0 or text[pos - 1] != "\\"):
            depth += 1
        elif char == "}" and (pos == 0 or text[pos - 1] != "\\") and depth > 0:
            depth -= 1
    return depth


def _one_group(text: str) -> bool:
    """True when ``text`` is one brace group ``{...}`` (not ``{\\'E}cole``)."""
    text = text.strip()
    return text.startswith("{") and _closes_at_end(text)


def _closes_at_end(text: str) -> bool:
    """True when the brace opened at ``text[0]`` closes at its last character."""
    depth = 0
    for pos, char in enumerate(text):
        if char == "{" and (pos == 0 or text[pos - 1] != "\\"):
            depth += 1
        elif char == "}" and text[pos - 1] != "\\":
            depth -= 1
            if depth == 0:
                return pos == len(text) - 1
    return False


def _tokens(part: str) -> list[str]:
    """The tokens of one comma part: split at spaces and ``~`` outside braces."""
    return [t for t in _split_outside_braces(part, re.compile(r"[\s~]+")) if t]


def _decoded(tokens: list[str]) -> str:
    return latex_to_text(" ".join(tokens)) if tokens else ""
