"""Reader for Scopus CSV exports.

Recognised by the header: ``Authors`` and ``Title`` with one of
``Author full names``, ``Author(s) ID``, ``EID`` or ``Source title``.
Authors come from ``Author full names`` when present (``Last, First (id)``
separated by ``;``: names as written, the Scopus author id into
``author_ids``), else from ``Authors`` (``Smith J.; Doe J.A.`` in recent
exports, ``Smith J., Doe J.A.`` in old ones) with the ids of ``Author(s) ID``
when there are as many. ``EID`` is the id, ``DOI`` the DOI. Rows without
authors (``[No author name available]``) are skipped with ``file:line``.
"""

from __future__ import annotations

import re
from pathlib import Path

from coauthor.readers.base import Format, ReadOptions, tally
from coauthor.readers.fields import build_paper, clean_authors, first_year, parallel, split_names
from coauthor.readers.table import Row, first_line, header_cells, row_outcomes
from coauthor.records import Paper, ReadReport

MARKER_COLUMNS = ("author full names", "author(s) id", "eid", "source title")
NO_AUTHOR = "[no author name available]"
_FULL_NAME = re.compile(r"^(?P<name>.*?)\s*\((?P<id>\d+)\)$")


def sniff_scopus(head: str) -> bool:
    """True when the first line is a Scopus export header.

    >>> sniff_scopus('\\ufeff"Authors","Author full names","Author(s) ID","Title","Year","EID"')
    True
    >>> sniff_scopus("authors,title,year")
    False
    """
    cells = header_cells(first_line(head), ",")
    return "authors" in cells and "title" in cells and any(name in cells for name in MARKER_COLUMNS)


def scopus_authors(row: Row) -> tuple[list[str], list[str | None], bool]:
    """Names, Scopus author ids (parallel, or ``[]``) and whether "et al." cut the list.

    >>> row = Row(2, 2, {"author full names": "Müller, Jürgen (57190000001); Doe, Jane A. (57190000002)"})
    >>> scopus_authors(row)
    (['Müller, Jürgen', 'Doe, Jane A.'], ['57190000001', '57190000002'], False)
    """
    full = row.get("author full names")
    if full and full.casefold() != NO_AUTHOR:
        names: list[str] = []
        ids: list[str | None] = []
        for part in split_names(full, ";"):
            match = _FULL_NAME.match(part)
            names.append(match["name"] if match else part)
            ids.append(match["id"] if match else None)
        kept, truncated = clean_authors(names)
        return kept, (parallel(ids) if len(kept) == len(ids) else []), truncated
    short = row.get("authors")
    if not short or short.casefold() == NO_AUTHOR:
        return [], [], False
    names = split_names(short, ";" if ";" in short else ",")
    kept, truncated = clean_authors(names)
    id_list: list[str | None] = list(split_names(row.get("author(s) id"), ";"))
    return kept, (id_list if len(id_list) == len(kept) else []), truncated


def read_scopus(path: Path, options: ReadOptions) -> tuple[list[Paper], ReadReport]:
    """Read every row of a Scopus CSV export: the papers and the report."""
    report = ReadReport(file=str(path), format="scopus")
    return tally(report, row_outcomes(path, ",", _paper)), report


def _paper(row: Row, where: str) -> Paper | str:
    authors, ids, truncated = scopus_authors(row)
    if not authors:
        return "no authors"
    return build_paper(
        where, authors, truncated, given_id=row.get("eid"), title=row.get("title"), year=first_year(row.get("year")),
        doi=row.get("doi"), abstract=_abstract(row.get("abstract")), author_ids=ids,
    )  # fmt: skip


def _abstract(text: str) -> str | None:
    return None if not text or text.casefold() == "[no abstract available]" else text


FORMAT = Format(
    "scopus",
    "Scopus CSV export (authors from 'Author full names' with Scopus author ids, EID as id)",
    sniff_scopus,
    read_scopus,
)
