"""Reader for Scopus CSV exports.

Recognised by the header: ``Authors`` and ``Title`` with one of
``Author full names``, ``Author(s) ID``, ``EID`` or ``Source title``.
Authors come from ``Author full names`` when present (``Last, First (id)``
separated by ``;``: names as written, the Scopus author id into
``author_ids``; layout ``full names``), else from ``Authors``, with the ids
of ``Author(s) ID`` when there are as many. ``Authors`` is written in one
of two shapes: ``Smith J.; Doe J.A.`` or ``Smith J., Doe J.A.`` (each
part a name: ``abbreviated``), or, in older exports, ``Smith, J., Doe,
J.A.`` (a surname and its initials at every other comma: ``short form``).
The layout found is the report's ``variant`` (``authors: short form``). A
name that is only initials is never an author: it is left out with a
warning. ``EID`` is the id (``db_id`` ``scopus:<EID>``), ``DOI`` the DOI.
A row with more fields than the header (an unquoted extra field, as some
exports write) is a warning; its EID is taken from the end of the row.
Rows without authors (``[No author name available]``) are skipped with
``file:line``. Affiliations come from ``Authors with affiliations``
(``Name, address; Name, address``, a part that starts with no author's name
being one more address of the author before it), else from
``Affiliations`` (the paper's, linked to no author); the institution is the
part of the address that names an organisation, the country its last part
(:mod:`~coauthor.readers.affiliations`).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from coauthor.readers.affiliations import grouped, parse_address, split_addresses
from coauthor.readers.base import Format, ReadOptions, tally
from coauthor.readers.fields import (
    build_paper,
    clean_authors,
    database_id,
    drop_initials,
    first_year,
    only_initials,
    parallel,
    split_names,
)
from coauthor.readers.rows import Row, first_line, header_cells, row_outcomes
from coauthor.records import Affiliation, Paper, ReadReport, fold_text

MARKER_COLUMNS = ("author full names", "author(s) id", "eid", "source title")
NO_AUTHOR = "[no author name available]"
_EID = re.compile(r"^2-s2\.0-\w+$")
FULL_NAMES, ABBREVIATED, SHORT_FORM = "full names", "abbreviated", "short form"
_FULL_NAME = re.compile(r"^(?P<name>.*?)\s*\((?P<id>\d+)\)$")


def sniff_scopus(head: str) -> bool:
    """True when the first line is a Scopus export header.

    >>> sniff_scopus('\\ufeff"Authors","Author full names","Author(s) ID","Title","Year","EID"')
    True
    >>> sniff_scopus("authors,title,year")
    False
    """
    cells = header_cells(first_line(head), ",")
    dimensions = "pubyear" in cells or "dimensions url" in cells  # also has Authors, Title, Source title
    return "authors" in cells and "title" in cells and any(name in cells for name in MARKER_COLUMNS) and not dimensions


def scopus_authors(row: Row) -> tuple[list[str], list[str | None], bool, str]:
    """Names, Scopus author ids (parallel, or ``[]``), whether "et al." cut
    the list, and the layout read (see the module's docstring).

    >>> row = Row(2, 2, {"author full names": "Müller, Jürgen (57190000001); Doe, Jane A. (57190000002)"})
    >>> scopus_authors(row)
    (['Müller, Jürgen', 'Doe, Jane A.'], ['57190000001', '57190000002'], False, 'full names')
    >>> scopus_authors(Row(2, 2, {"authors": "Pan, Y., Yu, C., Zhang, X."}))[0]
    ['Pan, Y.', 'Yu, C.', 'Zhang, X.']
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
        return kept, (parallel(ids) if len(kept) == len(ids) else []), truncated, FULL_NAMES
    short = row.get("authors")
    if not short or short.casefold() == NO_AUTHOR:
        return [], [], False, ""
    names, layout = split_short(short)
    kept, truncated = clean_authors(names)
    id_list: list[str | None] = list(split_names(row.get("author(s) id"), ";"))
    return kept, (id_list if len(id_list) == len(kept) else []), truncated, layout


def split_short(text: str) -> tuple[list[str], str]:
    """The names of an ``Authors`` cell and its layout: ``;``-separated, or
    at commas, where a part that is only initials belongs to the surname
    before it (``short form``; an initial with no surname before it stays on
    its own, to be left out).

    >>> split_short("Phillips J.C., Braun R., Kalé L.")
    (['Phillips J.C.', 'Braun R.', 'Kalé L.'], 'abbreviated')
    >>> split_short("Smith Jr., J., Doe, J.-P., A.")
    (['Smith Jr., J.', 'Doe, J.-P.', 'A.'], 'short form')
    """
    if ";" in text:
        return split_names(text, ";"), ABBREVIATED
    names: list[str] = []
    paired = False  # the last name already has its initials
    short_form = False
    for part in split_names(text, ","):
        if only_initials(part) and names and not paired and not only_initials(names[-1]):
            names[-1] = f"{names[-1]}, {part}"
            paired = short_form = True
        else:
            names.append(part)
            paired = False
    return names, SHORT_FORM if short_form else ABBREVIATED


def read_scopus(path: Path, options: ReadOptions) -> tuple[list[Paper], ReadReport]:
    """Read every row of a Scopus CSV export: the papers and the report."""
    report = ReadReport(file=str(path), format="scopus")
    layouts: Counter[str] = Counter()
    rows = row_outcomes(path, ",", lambda row, where: _paper(row, where, report, layouts), report=report)
    papers = tally(report, rows)
    report.variant = "authors: " + ", ".join(name for name, _ in layouts.most_common()) if layouts else None
    return papers, report


def _paper(row: Row, where: str, report: ReadReport, layouts: Counter[str]) -> Paper | str:
    authors, ids, truncated, layout = scopus_authors(row)
    if layout:
        layouts[layout] += 1
    kept = drop_initials(authors, report, where)
    linked = _linked_affiliations(row, len(authors))
    if len(kept) < len(authors):
        ids = []
        linked = [group for name, group in zip(authors, linked, strict=True) if not only_initials(name)]
    if not kept:
        return "no authors (only initials)" if authors else "no authors"
    eid = _eid(row)
    return build_paper(
        where, kept, truncated, given_id=eid, title=row.get("title"), year=first_year(row.get("year")),
        doi=row.get("doi"), abstract=_abstract(row.get("abstract")), author_ids=ids, db_id=database_id("scopus", eid),
        author_affiliations=grouped(linked),
        unlinked_affiliations=() if any(linked) else _addresses(split_names(row.get("affiliations"), ";")),
    )  # fmt: skip


def _linked_affiliations(row: Row, count: int) -> list[tuple[Affiliation, ...]]:
    """Each author's affiliations from ``Authors with affiliations``, for
    the ``count`` authors read; all empty when the cell does not name them
    in order.

    >>> cell = "Pan, Y., Univ A, Beijing, China; Univ B, Paris, France; Yu, C., Univ C, Oslo, Norway"
    >>> groups = _linked_affiliations(Row(2, 2, {"authors": "Pan, Y., Yu, C.", "authors with affiliations": cell}), 2)
    >>> [[(a.name, a.country) for a in group] for group in groups]
    [[('Univ A', 'CN'), ('Univ B', 'FR')], [('Univ C', 'NO')]]
    """
    empty: list[tuple[Affiliation, ...]] = [()] * count
    short, _ = split_short(row.get("authors") or "")
    entries = split_names(row.get("authors with affiliations"), ";")
    if len(short) != count or not entries:
        return empty
    texts: list[list[str]] = [[] for _ in range(count)]
    author = -1
    for entry in entries:
        rest = _after_name(entry, short[author + 1]) if author + 1 < count else None
        if rest is not None:
            author += 1
            entry = rest
        if author >= 0 and entry:
            texts[author].append(entry)
    if author != count - 1:
        return empty
    return [_addresses(group) for group in texts]


def _after_name(entry: str, name: str) -> str | None:
    """``entry`` without the author ``name`` it starts with (compared folded:
    ``Phillips, J.C., Univ`` starts with ``Phillips J.C.``), else None.

    >>> _after_name("Phillips, J.C., Beckman Institute, Urbana", "Phillips J.C."), _after_name("Univ B", "Yu C.")
    ('Beckman Institute, Urbana', None)
    """
    target = fold_text(name)
    if not target or not fold_text(entry).startswith(target):
        return None
    parts = entry.split(",")
    for i in range(1, len(parts) + 1):
        if fold_text(",".join(parts[:i])) == target:
            return ",".join(parts[i:]).strip()
    return None


def _addresses(texts: list[str]) -> tuple[Affiliation, ...]:
    found = (parse_address(address) for text in texts for address in split_addresses(text))
    return tuple(dict.fromkeys(a for a in found if a is not None))


def _eid(row: Row) -> str:
    """The EID of the row: from its column, or, when the row has fields too
    many and that column holds something else, from the end of the row."""
    for cells in (row.cells, row.from_end):
        value = cells.get("eid", "")
        if _EID.match(value):
            return value
    return row.cells.get("eid", "") if not row.extra else ""


def _abstract(text: str) -> str | None:
    return None if not text or text.casefold() == "[no abstract available]" else text


FORMAT = Format(
    "scopus",
    "Scopus CSV export (authors from 'Author full names' with Scopus author ids, EID as id)",
    sniff_scopus,
    read_scopus,
)
