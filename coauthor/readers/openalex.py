"""Reader for OpenAlex works (``api.openalex.org/works``).

Accepted shapes (:func:`~coauthor.readers.jsonworks.works_in`): one work
object, a ``{"results": [...]}`` page, a bare list of works, or JSON Lines
(the snapshot). A work without a title is a paper when it has a DOI. Each ``authorships[]`` entry gives
the name as written (``raw_author_name``, else ``author.display_name``), the
author id (``A...``) and ORCID; list responses cut author lists at 100 and
say so with ``is_authors_truncated``. The paper's id is the work id ``W...``.
Each author's affiliations are the authorship's ``institutions[]``
(``display_name``, ``ror``, ``country_code``), else its
``raw_affiliation_strings`` read as addresses.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from coauthor.readers.affiliations import parse_address, ror_id
from coauthor.readers.base import Format, ReadOptions
from coauthor.readers.jsonworks import (
    WorkAuthor,
    as_dict,
    as_list,
    build_paper,
    checked_date,
    clean_title,
    has_key,
    iso_date,
    join_name,
    looks_like_json,
    normalize_doi,
    normalize_orcid,
    read_works,
    text,
)
from coauthor.records import Affiliation, Paper, ReadReport

_WORK_ID = re.compile(r'"id"\s*:\s*"https://openalex\.org/W\d')


def sniff_openalex(head: str) -> bool:
    """True for OpenAlex works: an ``authorships`` key or a work id URL."""
    return looks_like_json(head) and (has_key(head, "authorships") or bool(_WORK_ID.search(head)))


def short_id(value: Any, kind: str) -> str | None:
    """``A5023888391`` from ``https://openalex.org/A5023888391`` (``kind`` is
    the letter expected); None when absent or of another kind.

    >>> short_id("https://openalex.org/W2741809807", "W"), short_id("a12", "A"), short_id(None, "A")
    ('W2741809807', 'A12', None)
    """
    match = re.search(rf"(?:^|/)({kind}\d+)$", text(value), re.IGNORECASE)
    return match.group(1).upper() if match else None


def parse_openalex(work: dict[str, Any], where: str) -> Paper | str:
    """One OpenAlex work as a Paper, or the reason it is skipped."""
    authors = []
    for authorship in map(as_dict, as_list(work.get("authorships"))):
        author = as_dict(authorship.get("author"))
        name = join_name(authorship.get("raw_author_name")) or join_name(author.get("display_name"))
        orcid, author_id = normalize_orcid(author.get("orcid")), short_id(author.get("id"), "A")
        authors.append(WorkAuthor(name, orcid, author_id, affiliations=openalex_affiliations(authorship)))
    year = checked_date(work.get("publication_year"))[0]
    published = iso_date(work.get("publication_date"))
    date = published if year in (None, published[0]) else (year, None, None)
    return build_paper(
        where,
        clean_title(work.get("title")) or clean_title(work.get("display_name")),
        authors,
        date,
        work_id=short_id(work.get("id"), "W"),
        doi=normalize_doi(work.get("doi")) or normalize_doi(as_dict(work.get("ids")).get("doi")),
        authors_truncated=work.get("is_authors_truncated") is True,
    )


def openalex_affiliations(authorship: dict[str, Any]) -> tuple[Affiliation, ...]:
    """The affiliations of one OpenAlex authorship: its ``institutions``, else
    its raw affiliation strings read as addresses.

    >>> openalex_affiliations({"institutions": [{"display_name": "University of Oslo",
    ...     "ror": "https://ror.org/01xtthb56", "country_code": "NO"}]})
    (Affiliation(name='University of Oslo', ror='01xtthb56', country='NO'),)
    >>> openalex_affiliations({"institutions": [], "raw_affiliation_strings": ["Dept X, Univ Oslo, Oslo, Norway"]})
    (Affiliation(name='Univ Oslo', ror=None, country='NO'),)
    """
    found: list[Affiliation] = []
    for institution in map(as_dict, as_list(authorship.get("institutions"))):
        name = text(institution.get("display_name"))
        code = text(institution.get("country_code")).upper() or None
        if name:
            found.append(Affiliation(name, ror_id(institution.get("ror")), code))
    if not found:
        raw = [text(value) for value in as_list(authorship.get("raw_affiliation_strings"))]
        found = [a for a in map(parse_address, raw) if a is not None]
    return tuple(dict.fromkeys(found))


def read_openalex(path: Path, options: ReadOptions) -> tuple[list[Paper], ReadReport]:
    """Read a file of OpenAlex works (JSON or JSON Lines, maybe compressed)."""
    return read_works(path, "openalex", parse_openalex)


FORMAT = Format(
    "openalex",
    "OpenAlex works (API response, list or JSON Lines snapshot)",
    sniff_openalex,
    read_openalex,
)
