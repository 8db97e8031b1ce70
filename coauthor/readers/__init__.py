"""Input formats: one registry that sniffing and the CLI's help both read, and
:func:`read_inputs`, which reads files or folders and accounts for every record.

>>> sorted(FORMATS)
['abstracts', 'profile']
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from coauthor.errors import InputError
from coauthor.readers.abstracts import read_abstracts, sniff_abstracts
from coauthor.readers.profile import ProfileOptions, read_profile, sniff_profile
from coauthor.records import Paper, ReadReport, fold_text

SNIFF_BYTES = 65536


@dataclass(frozen=True)
class ReadOptions:
    """Options shared by the readers.

    ``undated_year``: year given to dates printed without one (default: the
    current calendar year). ``owner``: the owner of profile pages, overriding
    the header or the name common to the page.
    """

    undated_year: int = field(default_factory=lambda: _dt.date.today().year)
    owner: str | None = None


@dataclass(frozen=True)
class Format:
    """One input format: its name, a one-line description, how to recognise
    it from the start of the text, and how to read a file of it."""

    name: str
    description: str
    sniff: Callable[[str], bool]
    read: Callable[[Path, ReadOptions], tuple[list[Paper], ReadReport]]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "abstracts",
            "abstract-only lines ('Abstract:...'), linked to papers with the same abstract",
            sniff_abstracts,
            lambda path, options: read_abstracts(path),
        ),
        Format(
            "profile",
            "author-profile pages of a paper aggregator (three-line or block layout)",
            sniff_profile,
            lambda path, options: read_profile(
                path, ProfileOptions(undated_year=options.undated_year, owner=options.owner)
            ),
        ),
    )
}


def detect_format(path: Path) -> Format:
    """The format of ``path``, from its first bytes; InputError if none fits."""
    try:
        raw = path.open("rb").read(SNIFF_BYTES)
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror})") from exc
    if not raw.strip():
        raise InputError(str(path), "empty file")
    try:
        head = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(raw) - 4:  # not just a character cut at the end
            line = raw[: exc.start].count(b"\n") + 1
            raise InputError(f"{path}:{line}", "not UTF-8 text") from exc
        head = raw[: exc.start].decode("utf-8")
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
        try:
            read, report = fmt.read(path, options)
        except UnicodeDecodeError as exc:
            raise InputError(str(path), "not UTF-8 text") from exc
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
            report.skip("no authors (abstract matches no paper read)")
