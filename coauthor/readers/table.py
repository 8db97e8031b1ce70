"""Reader for generic CSV/TSV tables with an ``authors`` column (the rows
themselves are read by :mod:`coauthor.readers.rows`, as for Scopus and Web
of Science tables).

The generic table has a header row naming an ``authors`` (or ``author``)
column and, optionally, ``id``, ``title``, ``year`` and ``doi`` columns
(header names match whatever their case). The delimiter (``,``, ``;`` or
tab) is the one that makes the header show the ``authors`` column; names in
it are separated by ``ReadOptions.author_sep`` (default ``;``)::

    id,title,year,doi,authors
    ,"Graphs, weighted",2019,10.1/x,"Müller, Jürgen; van der Berg, Anna"

The exports of IEEE Xplore, SpringerLink, Lens, OpenAlex (CSV) and
Dimensions are read with their own column names and author separators
(:mod:`coauthor.readers.columns`); the source found is the report's
``variant``. A table without a title or year column says so in a warning,
as does a year it cannot read. SpringerLink writes the names of a paper one
after the other with nothing between them (``Vivek K. PallipuramMohammad
Bhuiyan``, ``Bo Yang 杨博Kai Lu 卢凯``, ``HAMDADKarima``):
:mod:`coauthor.readers.glued` splits them, with the evidence of the whole
file (a first pass over its author column), and a row whose split stays
ambiguous is a warning. The line Dimensions
writes above the header (``About the data: ...``) is passed over.

Quoted fields may span lines; every row is reported at its first real line
of the file. Rows without authors are skipped with ``file:line``; so are rows
whose quotes do not pair up (a quote left open swallows the lines after it:
that row is skipped, saying which lines it ran over).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coauthor.readers import columns
from coauthor.readers.base import Format, ReadOptions, read_head, tally
from coauthor.readers.fields import (
    build_paper,
    clean_authors,
    database_id,
    drop_initials,
    first_year,
    parallel,
    split_names,
)
from coauthor.readers.glued import GluedEvidence, split_glued
from coauthor.readers.jsonworks import normalize_orcid
from coauthor.readers.openalex import short_id
from coauthor.readers.rows import Row, first_line, header_cells, row_outcomes, table_rows
from coauthor.readers.scopus import sniff_scopus
from coauthor.readers.wos import sniff_wos
from coauthor.records import Affiliation, Paper, ReadReport

DELIMITERS = (",", ";", "\t")
GLUED_AMBIGUOUS = "glued author names could be split more than one way (SpringerLink CSV; check the names)"


def csv_delimiter(line: str) -> str | None:
    """The delimiter that makes ``line`` a header with an ``authors`` column
    (the one giving most columns), else None.

    >>> csv_delimiter("id;Title;Authors"), csv_delimiter("title,year")
    (';', None)
    """
    best: tuple[int, str] | None = None
    for delimiter in DELIMITERS:
        cells = header_cells(line, delimiter)
        if any(name in cells for name in columns.AUTHOR_COLUMNS) and (best is None or len(cells) > best[0]):
            best = (len(cells), delimiter)
    return best[1] if best else None


def sniff_csv(head: str) -> bool:
    """True when the first line is a header with an ``authors`` column and
    the table is not a Scopus or Web of Science export (their readers)."""
    return csv_delimiter(first_line(head)) is not None and not sniff_scopus(head) and not sniff_wos(head)


def read_csv(path: Path, options: ReadOptions) -> tuple[list[Paper], ReadReport]:
    """Read every row of a CSV/TSV table (coauthor's own shape or a
    database export): the papers and the report."""
    report = ReadReport(file=str(path), format="csv")
    line = first_line(read_head(path))
    layout = columns.table_layout(header_cells(line, csv_delimiter(line) or ","), options.author_sep)
    report.variant = layout.source
    for name in layout.missing:
        report.warn(f"no {name} column (every {name} left empty)", f"{path}:1")
    glued = _evidence(path, layout) if layout.glued else None
    rows = row_outcomes(
        path, csv_delimiter, lambda row, where: _paper(row, where, layout, report, glued), report=report
    )
    return tally(report, rows), report


def _evidence(path: Path, layout: columns.TableLayout) -> GluedEvidence:
    """Where the glued author cells of the file surely end and start names."""
    return GluedEvidence.from_cells(
        row.get(layout.authors) for row in table_rows(path, csv_delimiter) if not row.problem
    )


def _names(
    text: str, where: str, layout: columns.TableLayout, report: ReadReport, glued: GluedEvidence | None
) -> list[str]:
    """The author names of one cell: split on the layout's separator, or
    out of a glued cell (a warning when the split is ambiguous)."""
    if glued is None:
        return split_names(text, layout.author_sep or ";")
    split = split_glued(text, glued)
    if split.ambiguous:
        report.warn(GLUED_AMBIGUOUS, where)
    return list(split.names)


def _paper(
    row: Row, where: str, layout: columns.TableLayout, report: ReadReport, glued: GluedEvidence | None = None
) -> Paper | str:
    text = row.get(layout.authors)
    names = _names(text, where, layout, report, glued)
    authors, truncated = clean_authors(names)
    kept = drop_initials(authors, report, where)
    if not kept:
        return "no authors (only initials)" if authors else "no authors"
    year_text = row.get(layout.year) if layout.year else ""
    year = first_year(year_text)
    if year_text and year is None:
        report.warn("year not understood (left empty)", where)
    given_id = row.get(layout.id) if layout.id else ""
    if layout.database == "openalex":
        given_id = short_id(given_id, "W") or ""
    same = len(kept) == len(names)
    return build_paper(
        where, kept, truncated, given_id=given_id, title=row.get(layout.title) if layout.title else "", year=year,
        doi=row.get(layout.doi) if layout.doi else "",
        db_id=database_id(layout.database, given_id) if layout.database else None,
        venue=_cell(row, layout.venue), volume=_cell(row, layout.volume), issue=_cell(row, layout.issue),
        author_ids=_openalex_ids(row, layout.author_ids, len(kept)) if same else [],
        author_orcids=_orcids(row, layout.author_orcids, len(kept)) if same else [],
        **(_openalex_affiliations(row, layout, len(kept)) if same and layout.institutions else {}),
    )  # fmt: skip


def _cell(row: Row, column: str | None) -> str | None:
    return (row.get(column) or None) if column else None


def _openalex_ids(row: Row, column: str | None, count: int) -> list[str | None]:
    """The OpenAlex author ids (``A...``) of an OpenAlex CSV row, parallel to its authors."""
    values = row.get(column).split("|") if column else []
    return parallel([short_id(v, "A") for v in values]) if len(values) == count else []


def _openalex_affiliations(row: Row, layout: columns.TableLayout, count: int) -> dict[str, Any]:
    """``author_affiliations`` of an OpenAlex CSV row (one institution per
    author, with the country of ``authorships.countries`` when that has one
    per author too), or its institutions as ``unlinked_affiliations`` when
    their number is not the authors' (an author with two cannot be told;
    each author's country is then kept on an affiliation without a name).

    >>> layout = columns.table_layout(["authorships.author.display_name", "authorships.institutions.display_name",
    ...                                "authorships.countries"])
    >>> row = Row(2, 2, {"authorships.institutions.display_name": "Univ A|", "authorships.countries": "IT|"})
    >>> _openalex_affiliations(row, layout, 2)
    {'author_affiliations': ((Affiliation(name='Univ A', ror=None, country='IT'),), ())}
    """
    names = row.get(layout.institutions or "").split("|")
    codes = row.get(layout.countries).split("|") if layout.countries else []
    if len(codes) != count:
        codes = [""] * count
    if len(names) != count:  # the countries are still each author's: a nameless affiliation holds them
        unlinked = tuple(dict.fromkeys(Affiliation(n.strip()) for n in names if n.strip()))
        countries = [(Affiliation("", None, c.strip().upper()),) if c.strip() else () for c in codes]
        return {"unlinked_affiliations": unlinked, "author_affiliations": tuple(countries) if any(countries) else ()}
    groups = [
        (Affiliation(name.strip(), None, code.strip().upper() or None),) if name.strip() else ()
        for name, code in zip(names, codes, strict=True)
    ]
    return {"author_affiliations": tuple(groups) if any(groups) else ()}


def _orcids(row: Row, column: str | None, count: int) -> list[str | None]:
    values = row.get(column).split("|") if column else []
    return parallel([normalize_orcid(v) for v in values]) if len(values) == count else []


FORMAT = Format(
    "csv",
    "CSV/TSV table with an 'authors' column (names split on --author-sep), optional id, title, year, doi;"
    " IEEE Xplore, SpringerLink, Lens, OpenAlex and Dimensions CSV exports",
    sniff_csv,
    read_csv,
)
