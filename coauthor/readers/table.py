"""Reader for generic CSV/TSV tables with an ``authors`` column, and the
row iterator that the Scopus and Web of Science table readers share.

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
Bhuiyan``, ``Bo Yang 杨博Kai Lu 卢凯``, ``HAMDADKarima``): such a list
cannot be split, nor told from one name, without guessing, so every row
with authors is skipped with that reason. The line Dimensions
writes above the header (``About the data: ...``) is passed over.

Quoted fields may span lines; every row is reported at its first real line
of the file. Rows without authors are skipped with ``file:line``; so are rows
whose quotes do not pair up (a quote left open swallows the lines after it:
that row is skipped, saying which lines it ran over).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from coauthor.errors import InputError
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
from coauthor.readers.jsonworks import normalize_orcid
from coauthor.readers.openalex import short_id
from coauthor.readers.tagged import decoded_lines, text_head
from coauthor.records import Paper, ReadReport

DELIMITERS = (",", ";", "\t")
_PREAMBLE = re.compile(r"^\W*About the data\b", re.IGNORECASE)
GLUED = "authors glued together without a separator (SpringerLink CSV; export RIS or BibTeX instead)"

#: A csv module quoting mode (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE).
Quoting = Literal[0, 1, 2, 3]


@dataclass
class Row:
    """One data row: its first and last line, its cells keyed by the header
    name (stripped, case-folded), and why it is malformed, if it is. A row
    with ``extra`` more fields than the header also has ``from_end``: its
    cells matched to the header from the last field backwards (the columns
    after the field too many)."""

    line: int
    end: int
    cells: dict[str, str]
    problem: str | None = None
    extra: int = 0
    from_end: dict[str, str] = field(default_factory=dict)

    def get(self, *names: str) -> str:
        """The first non-empty cell among the columns ``names``, else ``""``."""
        for name in names:
            value = self.cells.get(name, "")
            if value:
                return value
        return ""


class _Lines:
    """Lines of a file with ``\\n`` put back (for :mod:`csv`), counting them
    and keeping those of the row being read."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.number = 0
        self.buffer: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self.lines) + "\n"
        self.number += 1
        self.buffer.append(line)
        return line


def header_cells(line: str, delimiter: str, quoting: Quoting = csv.QUOTE_MINIMAL) -> list[str]:
    """The cells of one header line, stripped and case-folded.

    >>> header_cells('\\ufeff"Authors","Title", Year', ",")
    ['authors', 'title', 'year']
    """
    try:
        cells = next(csv.reader([line], delimiter=delimiter, quoting=quoting), [])
    except csv.Error:
        return []
    return [cell.strip().lstrip("\ufeff").strip('"').strip().casefold() for cell in cells]


def first_line(head: str) -> str:
    """The first non-blank line of ``head`` (UTF-16 decoded, without a
    byte-order mark), past a Dimensions ``About the data`` line.

    >>> first_line('\\n"About the data: Exported on Jul 06, 2020."\\nRank,Publication ID,Title')
    'Rank,Publication ID,Title'
    """
    for line in text_head(head).splitlines():
        if line.strip() and not _PREAMBLE.match(line):
            return line
    return ""


def table_rows(
    path: Path, delimiter: str | Callable[[str], str | None], quoting: Quoting = csv.QUOTE_MINIMAL
) -> Iterator[Row]:
    """The data rows of the table in ``path`` (header: its first non-blank
    line). ``delimiter`` is a character, or a function choosing it from the
    header line (None: not a table of this kind, InputError). Blank rows are
    not rows; rows whose quotes do not pair up come with ``problem`` set."""
    lines = _Lines(decoded_lines(path))
    header_line = ""
    for line in lines:
        if line.strip() and not _PREAMBLE.match(line):
            header_line = line.rstrip("\n")
            break
    chosen = delimiter(header_line) if callable(delimiter) else delimiter
    if chosen is None:
        raise InputError(f"{path}:{lines.number or 1}", "header row not understood (no 'authors' column)")
    header = header_cells(header_line, chosen, quoting)
    reader = csv.reader(lines, delimiter=chosen, quoting=quoting)
    while True:
        start = lines.number + 1
        lines.buffer.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Row(start, lines.number, {}, f"CSV row not understood ({exc})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        cells = _cells(header, row)
        extra = max(0, len(row) - len(header))
        from_end = _cells(header, row[extra:]) if extra else {}
        problem = None
        if lines.number > start and not _quotes_pair(lines.buffer, chosen, quoting):
            problem = f"quotes do not pair up (the row runs over lines {start}-{lines.number})"
        elif lines.number == start and any("\n" in cell or "\r" in cell for cell in row):
            problem = "a quote is not closed before the end of the file"  # the only way one line holds a break
        yield Row(start, lines.number, cells, problem, extra, from_end)


def _cells(header: list[str], row: list[str]) -> dict[str, str]:
    cells: dict[str, str] = {}
    for name, value in zip(header, row, strict=False):
        cells.setdefault(name, value.strip())
    return cells


def _quotes_pair(raw_lines: list[str], delimiter: str, quoting: Quoting) -> bool:
    """True when the lines of one multi-line row parse in strict mode."""
    try:
        rows = list(csv.reader(raw_lines, delimiter=delimiter, quoting=quoting, strict=True))
    except csv.Error:
        return False
    return len(rows) == 1


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
    # Imported here: both modules build on this one.
    from coauthor.readers.scopus import sniff_scopus
    from coauthor.readers.wos import sniff_wos

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
    rows = row_outcomes(path, csv_delimiter, lambda row, where: _paper(row, where, layout, report), report=report)
    return tally(report, rows), report


def row_outcomes(
    path: Path,
    delimiter: str | Callable[[str], str | None],
    to_paper: Callable[[Row, str], Paper | str],
    quoting: Quoting = csv.QUOTE_MINIMAL,
    report: ReadReport | None = None,
) -> Iterator[tuple[str, Paper | str]]:
    """``(file:line, paper or reason to skip)`` for every data row, for
    :func:`coauthor.readers.base.tally`; rows with more fields than the
    header are warnings of ``report``."""
    for row in table_rows(path, delimiter, quoting):
        where = f"{path}:{row.line}"
        if row.extra and report is not None and not row.problem:
            report.warn(EXTRA_FIELDS, where)
        yield where, row.problem or to_paper(row, where)


EXTRA_FIELDS = "row has more fields than the header"


def _paper(row: Row, where: str, layout: columns.TableLayout, report: ReadReport) -> Paper | str:
    text = row.get(layout.authors)
    if layout.author_sep is None and text:
        return GLUED
    names = split_names(text, layout.author_sep or ";")
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
    )  # fmt: skip


def _cell(row: Row, column: str | None) -> str | None:
    return (row.get(column) or None) if column else None


def _openalex_ids(row: Row, column: str | None, count: int) -> list[str | None]:
    """The OpenAlex author ids (``A...``) of an OpenAlex CSV row, parallel to its authors."""
    values = row.get(column).split("|") if column else []
    return parallel([short_id(v, "A") for v in values]) if len(values) == count else []


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
