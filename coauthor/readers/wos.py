"""Reader for Web of Science exports, both layouts:

* **tab-delimited** (``wos-tab``): a header line of field tags
  ``PT	AU	BA	BE	GP	AF	...	TI	...	PY	...	DI	...	UT``, one record a
  line, no quoting (quotes in titles are literal); UTF-8, or UTF-16 in old
  "Win" exports.
* **plain text** (``wos-plain``)::

      FN Clarivate Analytics Web of Science
      VR 1.0
      PT J
      AU Smith, J
         Doe, JA
      AF Smith, John
         Doe, Jane A.
      TI A long title
         continued here
      PY 2019
      UT WOS:000123456700001
      ER

      EF

  tags at column 0, continuation lines indented three spaces (one name a line
  in ``AU``/``AF``, one text in ``TI``), ``ER`` ends a record, ``EF`` the file.

Authors come from ``AF`` (full names ``Last, First``) when present, else
``AU``; ``BE`` (book editors) and ``CA`` (group authors) are not authors.
ORCIDs come from ``OI`` (``Name/0000-...``) matched to the ``AF`` names.
Affiliations come from ``C1``: ``[Last, First; Other, Name] Address``
gives those authors the address (its first comma part the institution, its
last the country: :mod:`~coauthor.readers.affiliations`); an address
without names (older records) is the paper's, linked to no author.
``UT`` (accession number) is the id (``db_id`` ``wos:<UT>``: two records
with different UTs are two papers, even when they share a DOI), ``DI`` the DOI, ``PY`` (else the early
access year ``EY`` or date ``EA``) the year. Records without authors, and malformed plain
text records (no ``PT``, no ``ER``), are skipped with ``file:line``; a plain
text file that does not end with ``EF`` is a warning (it may be cut short).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from coauthor.names.parse import name_key
from coauthor.readers.affiliations import wos_affiliations
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
from coauthor.readers.rows import Row, first_line, header_cells, row_outcomes
from coauthor.readers.tagged import TagSyntax, tagged_outcomes, text_head
from coauthor.records import Paper, ReadReport

WOS_PLAIN = TagSyntax(
    tag_line=re.compile(r"^([A-Z][A-Z0-9])(?: (.*))?$"),
    start="PT",
    end="ER",
    file_tags=frozenset({"FN", "VR"}),
    file_end="EF",
    join_continuation=False,
    indent="   ",
)
_HEADER_TAGS = {"pt", "au", "ti", "ut"}
_PLAIN_START = re.compile(r"^FN .*(?:Web of Science|Clarivate|Thomson)", re.IGNORECASE)
_ORCID = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]")


def sniff_wos_tab(head: str) -> bool:
    """True when the first line is a tab-delimited WoS header.

    >>> sniff_wos_tab("PT\\tAU\\tBA\\tAF\\tTI\\tPY\\tUT\\n"), sniff_wos_tab("PT J\\nAU Smith, J\\n")
    (True, False)
    """
    return _HEADER_TAGS <= set(header_cells(first_line(head), "\t", csv.QUOTE_NONE))


def sniff_wos_plain(head: str) -> bool:
    """True when the text starts like a WoS plain-text export (``FN ...Web of
    Science``, or a first record ``PT J`` followed by tagged lines).

    >>> sniff_wos_plain("FN Clarivate Analytics Web of Science\\nVR 1.0\\n")
    True
    """
    line = first_line(head)
    if _PLAIN_START.match(line):
        return True
    lines = [x for x in text_head(head).splitlines() if x.strip()][:3]
    return bool(re.fullmatch(r"PT [A-Z]", line)) and len(lines) > 1 and WOS_PLAIN.tag_line.match(lines[1]) is not None


def sniff_wos(head: str) -> bool:
    """True for either WoS layout."""
    return sniff_wos_tab(head) or sniff_wos_plain(head)


def read_wos(path: Path, options: ReadOptions) -> tuple[list[Paper], ReadReport]:
    """Read every record of a WoS export (either layout): papers and report."""
    if sniff_wos_plain(read_head(path)):
        return _read_plain(path)
    return _read_tab(path)


def _read_tab(path: Path) -> tuple[list[Paper], ReadReport]:
    report = ReadReport(file=str(path), format="wos-tab")
    rows = row_outcomes(path, "\t", lambda row, where: _tab_paper(row, where, report), csv.QUOTE_NONE, report)
    return tally(report, rows), report


def _tab_paper(row: Row, where: str, report: ReadReport) -> Paper | str:
    return wos_paper({name.upper(): [value] for name, value in row.cells.items() if value}, where, report)


def _read_plain(path: Path) -> tuple[list[Paper], ReadReport]:
    report = ReadReport(file=str(path), format="wos-plain")
    return tally(
        report, tagged_outcomes(path, WOS_PLAIN, lambda record, where: wos_paper(record.fields, where, report), report)
    ), report


def wos_paper(fields: dict[str, list[str]], where: str, report: ReadReport | None = None) -> Paper | str:
    """The paper of one WoS record (tag -> values), or why it is skipped;
    authors that are only initials are left out, a warning of ``report``.

    >>> wos_paper({"AU": ["Smith, J; Doe, JA"], "AF": ["Smith, John; Doe, Jane A."], "TI": ["T"]}, "f:2").authors
    ['Smith, John', 'Doe, Jane A.']
    """

    def items(tag: str) -> list[str]:
        return [item for value in fields.get(tag, []) for item in split_names(value, ";")]

    def text(tag: str) -> str:
        return " ".join(" ".join(fields.get(tag, [])).split())

    authors, truncated = clean_authors(items("AF"))
    if not authors:
        authors, truncated = clean_authors(items("AU"))
    if not authors:
        return "no authors (editors only)" if items("BE") else "no authors"
    if report is not None:
        authors = drop_initials(authors, report, where)
        if not authors:
            return "no authors (only initials)"
    year = first_year(text("PY")) or first_year(text("EY")) or first_year(text("EA"))
    linked, unlinked = wos_affiliations(authors, fields.get("C1", []))
    return build_paper(
        where, authors, truncated, given_id=text("UT"), title=text("TI"), year=year, doi=text("DI"),
        abstract=text("AB") or None, author_orcids=_orcids(authors, items("OI")), db_id=database_id("wos", text("UT")),
        author_affiliations=linked, unlinked_affiliations=unlinked,
    )  # fmt: skip


def _orcids(authors: list[str], entries: list[str]) -> list[str | None]:
    """ORCIDs of ``authors`` from ``OI`` entries ``Name/0000-0000-0000-0000``."""
    by_name: dict[str, str] = {}
    for entry in entries:
        name, _, rest = entry.rpartition("/")
        match = _ORCID.search(rest)
        if name and match:
            by_name.setdefault(name_key(name), match.group(0))
    return parallel([by_name.get(name_key(author)) for author in authors])


FORMAT = Format(
    "wos",
    "Web of Science export, tab-delimited or plain text (authors from AF, UT as id)",
    sniff_wos,
    read_wos,
)
