"""Reader for RIS files (EndNote, Zotero, Mendeley, publisher exports).

A record runs from ``TY  - `` to ``ER  - ``; every line of it is a two-char
tag, two spaces (one is read too), ``-`` and a space, then the value; an untagged line continues
the value above it::

    TY  - JOUR
    AU  - Müller, Jürgen
    AU  - van der Berg, Anna
    A2  - Editor, Not An
    TI  - A title
    PY  - 2019///
    DO  - https://doi.org/10.1000/XYZ
    ER  -

Authors come from ``AU`` and ``A1`` (``A2``, ``A3``, ``ED`` are editors and
secondary authors, not authors), names as written. The year is the first four
digits of ``PY``, ``Y1`` or ``DA``; the title is ``TI``, ``T1`` or ``CT``;
``DO`` is the DOI; each ``AD`` (address) is an affiliation of the
paper, linked to no author (RIS does not say whose); ``ID`` is the id (else :func:`~coauthor.records.paper_id`
of title and year). The file is read line by line (rispy cannot say where a
record starts, nor notice a missing ``ER``). Malformed records (tag lines
before any ``TY``, a ``TY`` before the ``ER`` of the record above, no ``ER``
at the end of the file) and records without authors are skipped with their
``file:line``; the records after them are still read.
"""

from __future__ import annotations

import re
from pathlib import Path

from coauthor.readers.affiliations import parse_address
from coauthor.readers.base import Format, ReadOptions, tally
from coauthor.readers.fields import build_paper, clean_authors, drop_initials, first_year
from coauthor.readers.tagged import TaggedRecord, TagSyntax, tagged_outcomes
from coauthor.records import Paper, ReadReport

#: Two spaces before the dash, as the standard says; one (``TY -  BOOK``, written by some exporters) is read too.
RIS = TagSyntax(tag_line=re.compile(r"^([A-Z][A-Z0-9])  ?-(?: (.*))?\s*$"), start="TY", end="ER")
AUTHOR_TAGS = ("AU", "A1")
EDITOR_TAGS = ("A2", "A3", "A4", "ED")
TITLE_TAGS = ("TI", "T1", "CT")
YEAR_TAGS = ("PY", "Y1", "DA")
_SNIFF = re.compile(r"^\ufeff?TY  ?-", re.MULTILINE)


def sniff_ris(head: str) -> bool:
    """True when a line of the head starts a RIS record (``TY  -``).

    >>> sniff_ris("\\nTY  - JOUR\\nAU  - Smith, J.\\n"), sniff_ris("PT J\\nAU Smith, J\\n")
    (True, False)
    """
    return _SNIFF.search(head) is not None


def read_ris(path: Path, options: ReadOptions) -> tuple[list[Paper], ReadReport]:
    """Read every record of a RIS file: the papers and the report of what was read."""
    report = ReadReport(file=str(path), format="ris")
    return tally(report, tagged_outcomes(path, RIS, lambda record, where: _paper(record, where, report))), report


def _paper(record: TaggedRecord, where: str, report: ReadReport) -> Paper | str:
    """The paper of a well-formed record, or why it is skipped."""
    authors, truncated = clean_authors(record.values(*AUTHOR_TAGS))
    if not authors:
        editors, _ = clean_authors(record.values(*EDITOR_TAGS))
        return "no authors (editors only)" if editors else "no authors (AU/A1)"
    authors = drop_initials(authors, report, where)
    if not authors:
        return "no authors (only initials)"
    year = next((y for y in map(first_year, record.values(*YEAR_TAGS)) if y is not None), None)
    return build_paper(
        where, authors, truncated, given_id=record.first("ID"), title=record.first(*TITLE_TAGS), year=year,
        doi=record.first("DO"), abstract=record.first("AB", "N2") or None,
        unlinked_affiliations=tuple(dict.fromkeys(a for a in map(parse_address, record.values("AD")) if a)),
    )  # fmt: skip


FORMAT = Format(
    "ris",
    "RIS records (TY ... ER; authors from AU/A1, editors left out)",
    sniff_ris,
    read_ris,
)
