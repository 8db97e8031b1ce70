"""Affiliations read from address texts: the institution, the country.

An address is split at commas. The **country** is its last part, looked up in
ISO 3166 by pycountry (names, official and common names, alpha-2/3 codes,
then the subdivisions, so ``England`` and ``Scotland`` give ``GB``), after
the few spellings Web of Science and Scopus abbreviate (``Peoples R
China``, ``U Arab Emirates``, ``Turkey``...); a US state with a ZIP code
(``TN 37830``, ``IL 61801 USA``) gives ``US``. The **institution** is the
first part (Web of Science puts the organisation first) or, for the
``Department of X, University of Y, City, Country`` addresses of Scopus and
Crossref, the first part that names an organisation (university, institute,
hospital...) rather than a unit of one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import pycountry

from coauthor.names.parse import name_key
from coauthor.records import Affiliation

#: Web of Science and Scopus spellings that pycountry does not know (lower case).
COUNTRY_SPELLINGS = {
    "peoples r china": "CN", "pr china": "CN", "p r china": "CN", "u arab emirates": "AE", "turkey": "TR",
    "turkiye": "TR", "korea": "KR", "north ireland": "GB", "russia": "RU", "bosnia & herceg": "BA",
    "trinid & tobago": "TT", "papua n guinea": "PG", "dem rep congo": "CD", "rep congo": "CG", "cote ivoire": "CI",
    "macedonia": "MK", "fed rep ger": "DE", "w germany": "DE", "west germany": "DE", "byelarus": "BY",
    "laos": "LA", "st kitts & nevi": "KN", "antigua & barbu": "AG", "sao tome & prin": "ST", "vatican": "VA",
    "micronesia": "FM", "brunei": "BN", "cape verde": "CV", "swaziland": "SZ", "the netherlands": "NL",
    "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
}  # fmt: skip
#: US state and territory codes: ``TN 37830`` at the end of an old WoS address is in the USA.
US_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH "
    "OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR".split()
)
_US_ZIP = re.compile(r"^(?:([A-Z]{2})\s+)?\d{5}(?:-\d{4})?(?:\s+USA)?$")
_TRAILING_USA = re.compile(r"\bUSA$")
#: Words that name an organisation (first tier: a university or school of its own).
_UNIVERSITY = re.compile(r"univ|hochschule|politec|polytech|ecole|escola|escuela", re.IGNORECASE)
_COLLEGE = re.compile(r"college|\bcoll\b", re.IGNORECASE)
_ORGANISATION = re.compile(
    r"inst|acad|hosp|klinik|clinic|\blab|ctr\b|centre|center|centro|council|found|\bfdn\b|\bnatl\b|national|"
    r"agency|ministry|museum|observ|\bcorp|\binc\b|\bltd\b|gmbh|company|cnrs|csic|\bcnr\b|\bnasa\b|\bcern\b",
    re.IGNORECASE,
)
_UNIT = re.compile(
    r"^(?:dept|department|div|division|sch|school|fac|faculty|(?:state )?key lab\w*|lab\w*|grp|group|unit|sect\w*)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def country_code(text: str, wos: bool = False, codes: bool = False) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country as an address ends with it, else None.
    A bare US state code (``MO``, ``CA``) is the USA in a WoS address
    (``wos``: old records leave the country out), else no country; another
    bare two-letter code is a country only with ``codes`` (Crossref's
    ``Heerlen, NL``; in Scopus and WoS it is a state: ``Bhopal, MP``).

    >>> [country_code(t) for t in ("Norway.", "USA", "Peoples R China", "England", "TN 37830", "Sarawak", "NL")]
    ['NO', 'US', 'CN', 'GB', 'US', None, None]
    >>> country_code("IL 61801 USA"), country_code("United States"), country_code("South Korea"), country_code("CA")
    ('US', 'US', 'KR', None)
    >>> country_code("MO", wos=True), country_code("Wales"), country_code("St Lucia"), country_code("NL", codes=True)
    ('US', 'GB', 'LC', 'NL')
    """
    text = " ".join(text.strip().rstrip(".").split())
    if not text or any(c.isdigit() for c in text):
        match = _US_ZIP.match(text)
        return "US" if match and (match[1] is None or match[1] in US_STATES) else None
    if _TRAILING_USA.search(text) and text != "USA":
        return "US"
    folded = text.casefold()
    if folded in COUNTRY_SPELLINGS:
        return COUNTRY_SPELLINGS[folded]
    if len(text) == 2 and text.upper() in US_STATES:  # CA, IN, DE...: a state as often as a country
        return "US" if wos and text.isupper() else None
    if len(text) == 2 and not codes:
        return None
    for name in (text, re.sub(r"^St\.? ", "Saint ", text)):  # WoS: St Lucia, St Vincent
        try:
            return str(pycountry.countries.lookup(name).alpha_2)
        except LookupError:
            pass
    try:
        subdivision = pycountry.subdivisions.lookup(text)
    except LookupError:
        return None
    return str(subdivision.country_code) if subdivision.type in ("Country", "Nation", "Province") else None


def country_name(code: str) -> str:
    """The short name of a country code (pycountry's common name, else its name).

    >>> country_name("GB"), country_name("TW"), country_name("XX")
    ('United Kingdom', 'Taiwan', 'XX')
    """
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def address_parts(address: str) -> list[str]:
    """The comma parts of an address, stripped, the final full stop dropped."""
    return [part.strip() for part in address.strip().rstrip(".").split(",") if part.strip()]


def parse_address(
    address: str, first_part: bool = False, ror: str | None = None, codes: bool = False
) -> Affiliation | None:
    """The affiliation an address names: its institution (the first part with
    ``first_part``, as Web of Science writes it, else the first that names an
    organisation) and the country of its last part (a two-letter code read
    only with ``codes``). None for an empty text.

    >>> parse_address("Univ Napoli Federico II, Dept Econ & Stat, Via Cintia, I-80126 Naples, Italy.", True)
    Affiliation(name='Univ Napoli Federico II', ror=None, country='IT')
    >>> parse_address("Department of Plant Molecular Biology, University of Lausanne, Lausanne, Switzerland")
    Affiliation(name='University of Lausanne', ror=None, country='CH')
    """
    parts = address_parts(address)
    if not parts:
        return None
    country = country_code(parts[-1], first_part, codes) if len(parts) > 1 else None
    body = parts[:-1] if country and len(parts) > 1 else parts
    return Affiliation(body[0] if first_part else organisation_part(body), ror, country)


def split_addresses(text: str) -> list[str]:
    """The addresses of a text that may join several with commas (an older
    Scopus cell, ``..., Abha, Saudi Arabia, Nano-Science Unit, ..., Egypt``):
    a new address starts after each part that is a country.

    >>> split_addresses("Dept A, King Khalid University, Abha, Saudi Arabia, Physics Unit, Cairo Univ, Egypt")
    ['Dept A, King Khalid University, Abha, Saudi Arabia', 'Physics Unit, Cairo Univ, Egypt']
    >>> split_addresses("Univ Oslo, Oslo, Norway")
    ['Univ Oslo, Oslo, Norway']
    """
    addresses: list[str] = []
    current: list[str] = []
    for part in address_parts(text):
        current.append(part)
        if len(current) > 1 and country_code(part):
            addresses.append(", ".join(current))
            current = []
    if current:
        addresses.append(", ".join(current))
    return addresses


def organisation_part(parts: list[str]) -> str:
    """The part of an address that names the organisation: the first naming
    a university, else a college, else another organisation, else the first
    that is not a unit (department, faculty...), else the first.

    >>> organisation_part(["Key Laboratory of Ecology", "Institute of Geographic Sciences", "Chinese Academy"])
    'Institute of Geographic Sciences'
    >>> organisation_part(["Department of Physics", "Science College", "King Saud University", "Riyadh"])
    'King Saud University'
    """
    for pattern in (_UNIVERSITY, _COLLEGE, _ORGANISATION):
        for part in parts:
            if pattern.search(part) and not (pattern is _ORGANISATION and _UNIT.match(part)):
                return part
    return next((part for part in parts if not _UNIT.match(part)), parts[0])


_ROR = re.compile(r"(?:^|ror\.org/)(0[a-z0-9]{6}\d\d)$", re.IGNORECASE)


def ror_id(text: object) -> str | None:
    """The short ROR id (``01xtthb56``) of ``https://ror.org/01xtthb56`` or
    of the bare id; None for anything else.

    >>> ror_id("https://ror.org/01xtthb56"), ror_id("01XTTHB56"), ror_id("https://openalex.org/I1"), ror_id(None)
    ('01xtthb56', '01xtthb56', None, None)
    """
    match = _ROR.search(text.strip()) if isinstance(text, str) else None
    return match.group(1).lower() if match else None


_C1_ENTRY = re.compile(r"\[([^\]]*)\]\s*([^\[]*)")
#: A cited reference (``Abraham M., 1909, RC CIRC MAT PALERMO, V28``) under ``C1`` in a file that lost its ``CR`` tag.
_REFERENCE = re.compile(r"^[^,\[]+, (?:1[5-9]|20)\d\d, ")


def wos_addresses(values: Iterable[str]) -> list[tuple[list[str], str]]:
    """``(names, address)`` pairs of a WoS ``C1`` field (one value a line in
    plain text, one ``;``-joined cell in the tab layout); ``names`` is empty
    for an address without ``[names]`` (older records).

    >>> wos_addresses(["[Lee, Ann; Chen, Bo] Univ Oslo, Oslo, Norway.; [Wu, Di] MIT, Cambridge, MA 02139 USA."])
    [(['Lee, Ann', 'Chen, Bo'], 'Univ Oslo, Oslo, Norway.'), (['Wu, Di'], 'MIT, Cambridge, MA 02139 USA.')]
    >>> wos_addresses(["OAK RIDGE NATL LAB,OAK RIDGE,TN 37830."])
    [([], 'OAK RIDGE NATL LAB,OAK RIDGE,TN 37830.')]
    """
    pairs: list[tuple[list[str], str]] = []
    for value in values:
        value = " ".join(value.split())
        if _REFERENCE.match(value):
            continue
        if "[" in value:
            for names, address in _C1_ENTRY.findall(value):
                address = address.strip().rstrip(";").strip()
                if address:
                    pairs.append(([n.strip() for n in names.split(";") if n.strip()], address))
        else:
            pairs.extend(([], part.strip()) for part in value.split(";") if part.strip())
    return pairs


def wos_affiliations(
    authors: list[str], values: Iterable[str]
) -> tuple[tuple[tuple[Affiliation, ...], ...], tuple[Affiliation, ...]]:
    """Each author's affiliations (parallel to ``authors``, matched by
    :func:`~coauthor.names.parse.name_key`), or ``()`` when no address names
    an author; and the affiliations linked to no author.

    >>> c1 = ["[Lee, Ann] Univ Oslo, Oslo, Norway.", "CERN, Geneva, Switzerland"]
    >>> linked, unlinked = wos_affiliations(["Lee, Ann", "Wu, Di"], c1)
    >>> [[a.name for a in group] for group in linked], [a.country for a in unlinked]
    ([['Univ Oslo'], []], ['CH'])
    """
    by_name: dict[str, list[Affiliation]] = {}
    unlinked: list[Affiliation] = []
    for names, address in wos_addresses(values):
        affiliation = parse_address(address, first_part=True)
        if affiliation is None:
            continue
        if not names:
            unlinked.append(affiliation)
        for name in names:
            found = by_name.setdefault(name_key(name), [])
            if affiliation not in found:
                found.append(affiliation)
    linked = tuple(tuple(by_name.get(name_key(author), ())) for author in authors)
    linked_any = any(linked)
    leftover = [a for a in unlinked if not linked_any or all(a not in group for group in linked)]
    return (linked if linked_any else ()), tuple(dict.fromkeys(leftover))


def grouped(affiliations: list[tuple[Affiliation, ...]]) -> tuple[tuple[Affiliation, ...], ...]:
    """``affiliations`` as the Paper field: ``()`` when no author has one."""
    return tuple(affiliations) if any(affiliations) else ()
