"""Reader for MEDLINE / PubMed text exports (``Save: PubMed format``)::

    PMID- 26524502
    DP  - 2016 Jan 15
    TI  - Bioinformatic survey of ABC transporters in
          dermatophytes.
    LID - 10.1016/j.gene.2015.10.064 [doi]
    FAU - Gadzalski, Marek
    AU  - Gadzalski M
    JT  - Gene

A record starts at ``PMID-`` and runs to the next one; tags of up to four
letters are padded to four and followed by ``- ``; continuation lines are
indented six spaces. Authors come from ``FAU`` (full names), else ``AU``;
``CN`` (a collective name), ``IR``/``FIR`` (investigators) and editors are
not authors. The PMID is the id (``db_id`` ``pubmed:<PMID>``), the DOI the
``LID``/``AID`` value marked ``[doi]``, the year the first four digits of
``DP``. Records without authors are skipped with ``file:line``.
"""

from __future__ import annotations

import re
from pathlib import Path

from coauthor.readers.base import Format, ReadOptions, tally
from coauthor.readers.fields import build_paper, clean_authors, database_id, drop_initials, first_year
from coauthor.readers.tagged import TaggedRecord, TagSyntax, tagged_outcomes, text_head
from coauthor.records import Paper, ReadReport

MEDLINE = TagSyntax(tag_line=re.compile(r"^([A-Z][A-Z0-9]{1,3}) {0,3}-(?: (.*))?$"), start="PMID", end=None)
_SNIFF = re.compile(r"^PMID- ?\d+\s*$")


def sniff_medline(head: str) -> bool:
    """True when the first non-blank line is ``PMID- <number>``.

    >>> sniff_medline("\\nPMID- 26524502\\nOWN - NLM\\n"), sniff_medline("PT J\\nAU Smith, J\\n")
    (True, False)
    """
    line = next((x for x in text_head(head).splitlines() if x.strip()), "")
    return _SNIFF.match(line) is not None


def read_medline(path: Path, options: ReadOptions) -> tuple[list[Paper], ReadReport]:
    """Read every record of a MEDLINE file: the papers and the report."""
    report = ReadReport(file=str(path), format="medline")
    return tally(report, tagged_outcomes(path, MEDLINE, lambda record, where: _paper(record, where, report))), report


def _paper(record: TaggedRecord, where: str, report: ReadReport) -> Paper | str:
    authors, truncated = clean_authors(record.values("FAU"))
    if not authors:
        authors, truncated = clean_authors(record.values("AU"))
    if not authors:
        return "no authors (collective name only)" if record.first("CN") else "no authors"
    authors = drop_initials(authors, report, where)
    if not authors:
        return "no authors (only initials)"
    pmid = record.first("PMID")
    return build_paper(
        where, authors, truncated, given_id=f"pubmed:{pmid}" if pmid else "", title=record.first("TI"),
        year=first_year(record.first("DP")), doi=_doi(record), abstract=record.first("AB") or None,
        db_id=database_id("pubmed", pmid), venue=record.first("JT", "TA") or None,
        volume=record.first("VI") or None, issue=record.first("IP") or None, pages=record.first("PG") or None,
    )  # fmt: skip


def _doi(record: TaggedRecord) -> str:
    """The ``LID`` or ``AID`` value marked ``[doi]``, without the mark.

    >>> _doi(TaggedRecord(1, {"LID": ["S0378-1119(15)01297-4 [pii]", "10.1016/j.gene.2015.10.064 [doi]"]}))
    '10.1016/j.gene.2015.10.064'
    """
    for value in record.values("LID", "AID"):
        if value.strip().endswith("[doi]"):
            return value.strip()[: -len("[doi]")].strip()
    return ""


FORMAT = Format(
    "medline",
    "MEDLINE / PubMed text export (PMID- ...; authors from FAU, PMID as id)",
    sniff_medline,
    read_medline,
)
