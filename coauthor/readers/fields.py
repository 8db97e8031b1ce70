"""Field clean-up shared by the bibliographic readers (RIS, CSV, Scopus, WoS,
DBLP): DOIs, years, author lists and the id of a record.

>>> clean_doi("https://doi.org/10.1145/ABC.123")
'10.1145/abc.123'
>>> first_year("2019///")
2019
>>> clean_authors(["Smith, John", " ", "et al."])
(['Smith, John'], True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from coauthor.records import Paper, ReadReport, paper_id

_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.|www\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_INITIAL = r"[^\W\d_]{1,2}\."
_INITIALS_ONLY = re.compile(rf"^{_INITIAL}(?:[\s-]*{_INITIAL})*$")
_ET_AL = re.compile(r"^(?:et\.?\s*al\.?|others|\.\.\.)$", re.IGNORECASE)


def clean_doi(text: str | None) -> str | None:
    """The DOI in ``text``, lower-case without a resolver prefix; None when
    ``text`` holds no DOI (a DOI starts with ``10.``).

    >>> clean_doi("doi: 10.1000/XYZ"), clean_doi("http://example.org/x")
    ('10.1000/xyz', None)
    """
    if not text:
        return None
    doi = _DOI_PREFIX.sub("", text.strip()).strip().lower()
    return doi if doi.startswith("10.") and "/" in doi else None


def doi_from_url(url: str) -> str | None:
    """The DOI of a ``doi.org`` link, else None.

    >>> doi_from_url("https://doi.org/10.1109/CVPR.2016.90"), doi_from_url("https://arxiv.org/abs/1512.03385")
    ('10.1109/cvpr.2016.90', None)
    """
    return clean_doi(url) if _DOI_PREFIX.match(url.strip()) else None


def first_year(text: str | None) -> int | None:
    """The first run of exactly four digits in ``text`` as a year, else None.

    >>> first_year("2021/03/05/"), first_year("n.d."), first_year("Spring 1998")
    (2021, None, 1998)
    """
    if not text:
        return None
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def clean_authors(names: Iterable[str]) -> tuple[list[str], bool]:
    """Names stripped, empty ones dropped, and a trailing "et al." / "others"
    removed; also says whether the list was cut that way."""
    kept: list[str] = []
    truncated = False
    for name in names:
        name = " ".join(name.split())
        if not name:
            continue
        if _ET_AL.match(name):
            truncated = True
            continue
        kept.append(name)
    return kept, truncated


def only_initials(name: str) -> bool:
    """True when ``name`` is initials and nothing else (``C.``, ``J.-P.``,
    ``J. R.``, ``J``): not a name anyone can be found by. A one-letter
    name without a capital (``王``) is not initials.

    >>> only_initials("C."), only_initials("J.-P."), only_initials("J"), only_initials("Pan, Y."), only_initials("王")
    (True, True, True, False, False)
    """
    name = name.strip()
    return _INITIALS_ONLY.match(name) is not None or (len(name) == 1 and name.isupper())


INITIALS_ONLY = "author is only initials (left out)"


def drop_initials(names: list[str], report: ReadReport, where: str) -> list[str]:
    """``names`` without those that are only initials, each one left out
    counted as a warning of ``report`` at ``where``."""
    kept = [name for name in names if not only_initials(name)]
    if len(kept) < len(names):
        report.warn(INITIALS_ONLY, where, count=len(names) - len(kept))
    return kept


def database_id(database: str, value: str | None) -> str | None:
    """The ``db_id`` of a record: ``database:value``, the id stripped of
    the database's own prefix (``WOS:``, ``ISI:``); None without a value.

    >>> database_id("wos", "WOS:000177484FG0017"), database_id("scopus", " "), database_id("pubmed", "18026466")
    ('wos:000177484FG0017', None, 'pubmed:18026466')
    """
    value = (value or "").strip()
    if database == "wos":
        value = re.sub(r"^(?:WOS|ISI):", "", value, flags=re.IGNORECASE)
    return f"{database}:{value}" if value else None


def split_names(text: str | None, sep: str) -> list[str]:
    """``text`` split on ``sep``, parts stripped, empty parts dropped.

    >>> split_names("Smith, J.; Doe, A.;", ";")
    ['Smith, J.', 'Doe, A.']
    """
    if not text:
        return []
    return [part.strip() for part in text.split(sep) if part.strip()]


def record_id(given: str | None, title: str, year: int | None, doi: str | None, where: str) -> str:
    """The id of a record: the source's own id when it has one, else
    :func:`~coauthor.records.paper_id` of title and year; an untitled record
    gets ``doi:<doi>``, else its ``file:line`` (so that untitled records are
    never merged with each other).

    >>> record_id(None, "", None, "10.1/x", "a.ris:3"), record_id(None, "", None, None, "a.ris:3")
    ('doi:10.1/x', 'a.ris:3')
    """
    if given and given.strip():
        return given.strip()
    if title.strip():
        return paper_id(title, year)
    if doi:
        return f"doi:{doi}"
    return where


def parallel(values: list[str | None]) -> list[str | None]:
    """``values`` when at least one is known, else ``[]`` (the convention of
    :class:`~coauthor.records.Paper` for ``author_ids`` / ``author_orcids``)."""
    return values if any(v is not None for v in values) else []


def build_paper(
    where: str,
    authors: list[str],
    truncated: bool,
    *,
    given_id: str | None,
    title: str,
    year: int | None,
    doi: str | None,
    **extra: Any,
) -> Paper:
    """The Paper of one table row or tagged record: whitespace in ``title``
    collapsed, ``doi`` cleaned, the id from :func:`record_id`; ``extra`` are
    further Paper fields (abstract, author ids...).

    >>> build_paper("a.csv:2", ["Ann Lee"], False, given_id="", title=" Deep  Nets ", year=2020,
    ...             doi="https://doi.org/10.1/X").doi
    '10.1/x'
    """
    title = " ".join(title.split())
    doi = clean_doi(doi)
    return Paper(
        id=record_id(given_id, title, year, doi, where),
        title=title,
        authors=authors,
        year=year,
        source=where,
        authors_truncated=truncated,
        doi=doi,
        **extra,
    )
