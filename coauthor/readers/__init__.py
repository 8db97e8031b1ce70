"""Input formats: one registry that sniffing and the CLI's help both read, and
:func:`read_inputs`, which reads files or folders and accounts for every record.

>>> sorted(FORMATS)
['abstracts', 'profile']
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from coauthor.errors import InputError
from coauthor.readers import abstracts, profile
from coauthor.readers.base import Format, ReadOptions, read_head
from coauthor.records import Paper, ReadReport, fold_text

__all__ = ["FORMATS", "Format", "ReadOptions", "detect_format", "expand_inputs", "read_inputs"]

#: The registry: one entry per reader module (its ``FORMAT``), tried in this
#: order when sniffing. The CLI's help and ``--format`` read it.
FORMATS: dict[str, Format] = {
    module.FORMAT.name: module.FORMAT
    for module in (
        abstracts,
        profile,
    )
}


def detect_format(path: Path) -> Format:
    """The format of ``path``, from its first bytes; InputError if none fits."""
    head = read_head(path)
    if not head.strip():
        raise InputError(str(path), "empty file")
    for fmt in FORMATS.values():
        if fmt.sniff(head):
            return fmt
    known = ", ".join(FORMATS)
    raise InputError(f"{path}:1", f"unknown input format (coauthor reads: {known})")


def expand_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders replaced by their files (recursive, sorted,
    hidden files left out)."""
    paths: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                raise InputError(str(path), "folder holds no files")
            paths.extend(files)
        elif path.exists():
            paths.append(path)
        else:
            raise InputError(str(path), "no such file or folder")
    return paths


def read_inputs(
    inputs: Iterable[str | Path], options: ReadOptions | None = None
) -> tuple[list[Paper], list[ReadReport]]:
    """Read every input and account for every record.

    Papers read twice (same title and year) are merged into the first one;
    author-less entries whose abstract matches a paper's are linked to it
    (merged); the other author-less entries are skipped ("no authors").
    Returns the papers in reading order and one report per file.
    """
    options = options or ReadOptions()
    papers: list[Paper] = []
    by_id: dict[str, Paper] = {}
    authorless: list[tuple[Paper, ReadReport]] = []
    reports: list[ReadReport] = []
    for path in expand_inputs(inputs):
        fmt = detect_format(path)
        read, report = fmt.read(path, options)
        reports.append(report)
        for paper in read:
            if not paper.authors:
                authorless.append((paper, report))
            elif paper.id in by_id:
                by_id[paper.id].also_in.append(paper.source)
                report.merged += 1
            else:
                by_id[paper.id] = paper
                papers.append(paper)
                report.used += 1
    _link_abstracts(papers, authorless)
    return papers, reports


def _link_abstracts(papers: list[Paper], authorless: list[tuple[Paper, ReadReport]]) -> None:
    by_abstract = {fold_text(p.abstract): p for p in reversed(papers) if p.abstract}
    for entry, report in authorless:
        target = by_abstract.get(fold_text(entry.abstract or ""))
        if target is not None and entry.abstract:
            target.also_in.append(entry.source)
            report.merged += 1
        else:
            report.skip("no authors (abstract matches no paper read)", entry.source)
