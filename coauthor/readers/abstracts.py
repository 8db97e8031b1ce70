"""Reader for abstract-only files: one ``Abstract:`` line per entry.

Entries carry no title and no authors; the collecting step links each one to
a paper with the same abstract text, or counts it as skipped.
"""

from __future__ import annotations

from pathlib import Path

from coauthor.readers.base import Format, ReadOptions, read_text
from coauthor.records import Paper, ReadReport

PREFIX = "Abstract:"


def sniff_abstracts(head: str) -> bool:
    """True when every non-blank line starts with ``Abstract:``."""
    lines = [line for line in head.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith(PREFIX) for line in lines[:-1] or lines)


def read_abstracts(path: Path, options: ReadOptions) -> tuple[list[Paper], ReadReport]:
    """Read every ``Abstract:`` line as an author-less, title-less record."""
    report = ReadReport(file=str(path), format="abstracts")
    papers: list[Paper] = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        report.read += 1
        if not line.startswith(PREFIX):
            report.skip("line without 'Abstract:' prefix", f"{path}:{number}")
            continue
        text = line[len(PREFIX) :].strip()
        if not text:
            report.skip("empty abstract", f"{path}:{number}")
            continue
        papers.append(Paper(id="", title="", authors=[], year=None, source=f"{path}:{number}", abstract=text))
    return papers, report


FORMAT = Format(
    "abstracts",
    "abstract-only lines ('Abstract:...'), linked to papers with the same abstract",
    sniff_abstracts,
    read_abstracts,
)
