"""Reader for the arXiv metadata snapshot (Kaggle / Cornell), JSON Lines of
``{"id", "authors", "authors_parsed", "title", "doi", "versions",
"update_date"}``.

Names come from ``authors_parsed`` (``[last, first, suffix, affiliation?]``,
LaTeX accents already decoded) written ``first last suffix``; the year is
that of the first version (``versions[0].created``, an RFC 2822 date), else
of ``update_date``. The paper's id is ``arXiv:<id>``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from coauthor.readers.base import Format, ReadOptions
from coauthor.readers.jsonworks import (
    NO_DATE,
    Date,
    WorkAuthor,
    as_dict,
    as_list,
    build_paper,
    checked_date,
    first_date,
    has_key,
    iso_date,
    join_name,
    looks_like_json,
    normalize_doi,
    read_works,
    text,
)
from coauthor.readers.profile import MONTHS
from coauthor.records import Paper, ReadReport

_SPACED_HYPHEN = re.compile(r"(?<=\.) -(?=\w)")
_RFC2822_DATE = re.compile(rf"\b(\d{{1,2}})\s+({'|'.join(MONTHS)})[a-z]*\.?\s+(\d{{4}})\b", re.IGNORECASE)


def sniff_arxiv(head: str) -> bool:
    """True for arXiv snapshot records (an ``authors_parsed`` key)."""
    return looks_like_json(head) and has_key(head, "authors_parsed")


def parsed_name(entry: Any) -> str:
    """``first last suffix`` from one ``authors_parsed`` entry (the space the
    snapshot's parser put into hyphenated initials, ``C. -P.``, taken out).

    >>> parsed_name(["Evans", "Neal J.", "II"]), parsed_name(["The BABAR Collaboration", "", ""])
    ('Neal J. Evans II', 'The BABAR Collaboration')
    >>> parsed_name(["Yuan", "C. -P.", ""])
    'C.-P. Yuan'
    """
    last, first, suffix = ([*as_list(entry), "", "", ""])[:3]
    return join_name(_SPACED_HYPHEN.sub("-", text(first)), last, suffix)


def first_version_date(record: dict[str, Any]) -> Date:
    """The date of version v1 (else of the first version listed).

    >>> first_version_date({"versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}]})
    (2007, 4, 2)
    """
    versions = [as_dict(v) for v in as_list(record.get("versions"))]
    first = next((v for v in versions if v.get("version") == "v1"), versions[0] if versions else {})
    match = _RFC2822_DATE.search(text(first.get("created")))
    if match is None:
        return NO_DATE
    day, month, year = match.groups()
    return checked_date(year, MONTHS.index(month.title()) + 1, day)


def parse_arxiv(record: dict[str, Any], where: str) -> Paper | str:
    """One snapshot record as a Paper, or the reason it is skipped."""
    authors = [WorkAuthor(parsed_name(entry)) for entry in as_list(record.get("authors_parsed"))]
    arxiv_id = text(record.get("id")) or None
    return build_paper(
        where,
        join_name(record.get("title")),
        authors,
        first_date(first_version_date(record), iso_date(record.get("update_date"))),
        work_id=f"arXiv:{arxiv_id}" if arxiv_id else None,
        doi=normalize_doi(record.get("doi")),
        arxiv_id=arxiv_id,
    )


def read_arxiv(path: Path, options: ReadOptions) -> tuple[list[Paper], ReadReport]:
    """Read arXiv snapshot records (JSON Lines or a list, maybe compressed)."""
    return read_works(path, "arxiv", parse_arxiv)


FORMAT = Format(
    "arxiv",
    "arXiv metadata snapshot records (Kaggle/Cornell JSON Lines)",
    sniff_arxiv,
    read_arxiv,
)
