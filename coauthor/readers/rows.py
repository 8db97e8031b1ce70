"""Rows of delimited tables, as the generic CSV/TSV, Scopus and Web of
Science readers read them: the header line, one :class:`Row` per data row
(quoted fields may span lines; every row is reported at its first real line
of the file) and the outcome of each row for
:func:`coauthor.readers.base.tally`."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from coauthor.errors import InputError
from coauthor.readers.tagged import decoded_lines, text_head
from coauthor.records import Paper, ReadReport

_PREAMBLE = re.compile(r"^\W*About the data\b", re.IGNORECASE)


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
