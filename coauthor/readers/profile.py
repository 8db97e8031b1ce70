"""Reader for author-profile pages scraped from a paper aggregator.

Two layouts occur (see ``seeds/``):

* **lines** (``000_*.txt``): three lines per paper, no blank lines::

      LGJul 16, 2023Code
      A Survey of ForgettingZhenyi Wang, Enneng Yang, Li Shen et al.
      Forgetting refers to ...

* **blocks** (``003_*.txt``): a header naming the page's owner, then blocks::

      71.4AIMay 27
      MIRA: A Bilingual Benchmark for Medical Information Response Audit

      Mengyu Xu, Qiaoxin Yang, Qianqian Wang et al. · deepmind

      Abstract text ...

The meta line is ``[score]CATEGORY Mon D[, YYYY][Code]``; a date without a
year belongs to the page's current year (``undated_year``). "et al." marks a
list cut to three names; the page owner is then added as an inferred author
when the list does not show them.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from coauthor.names.parse import is_author_list, looks_like_name, name_key, split_author_list, split_title_authors
from coauthor.readers.base import Format, ReadOptions, read_text, tally
from coauthor.records import Paper, ReadReport, paper_id

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_ALT = "|".join(MONTHS)

#: Any line shaped like a meta line starts a record (so nothing is absorbed
#: silently); the strict pattern then decides whether it is understood.
META_START = re.compile(rf"^(?:\d+(?:\.\d+)?)?[A-Z]{{1,8}}(?:{_MONTH_ALT})[a-z]*\.?\s*\d")
META = re.compile(
    rf"^(?P<score>\d+(?:\.\d+)?)?(?P<category>[A-Z]{{1,8}}?)"
    rf"(?P<month>{_MONTH_ALT})\s(?P<day>\d{{1,2}})(?:,\s(?P<year>\d{{4}}))?(?P<code>Code)?$"
)
AFFILIATION_SEP = " · "


def sniff_profile(head: str) -> bool:
    """True when the text starts like a profile page (a meta line early on)."""
    lines = [line for line in head.splitlines() if line.strip()][:40]
    return any(META_START.match(line) for line in lines)


def profile_layout(lines: list[str]) -> str:
    """``"blocks"`` when records are blank-separated, else ``"lines"``."""
    starts = [i for i, line in enumerate(lines) if META_START.match(line)]
    if starts and any(not line.strip() for line in lines[starts[0] :]):
        return "blocks"
    return "lines"


def read_profile(path: Path, options: ReadOptions) -> tuple[list[Paper], ReadReport]:
    """Read one profile page: its papers and the report of what was read.

    ``options.undated_year`` dates entries printed without a year;
    ``options.owner`` (else the header, else the name common to the page)
    is added as inferred author to truncated lists that do not show them."""
    lines = read_text(path).splitlines()
    layout = profile_layout(lines)
    report = ReadReport(file=str(path), format=f"profile-{layout}")
    starts = [i for i, line in enumerate(lines) if META_START.match(line)]
    header_owner = _header_owner(lines[: starts[0]] if starts else lines)
    ends = [*starts[1:], len(lines)]
    papers = tally(report, (
        (f"{path}:{start + 1}", _parse_record(path, lines, start, end, layout, options))
        for start, end in zip(starts, ends, strict=True)
    ))  # fmt: skip
    owner = options.owner or header_owner or common_author(papers)
    if owner:
        _add_owner(papers, owner)
    return papers, report


def _header_owner(header: list[str]) -> str | None:
    for line in header:
        if line.strip():
            return line.strip() if looks_like_name(line.strip()) else None
    return None


def _parse_record(path: Path, lines: list[str], start: int, end: int, layout: str, options: ReadOptions) -> Paper | str:
    """Parse lines[start:end] into a Paper, or return why it was skipped."""
    meta = META.match(lines[start].strip())
    if meta is None:
        return "meta line not understood"
    body = [line.strip() for line in lines[start + 1 : end] if line.strip()]
    if layout == "blocks":
        if len(body) < 2:
            return "title or author line missing"
        title, author_line, abstract_lines = body[0], body[1], body[2:]
    else:
        if not body:
            return "title and author line missing"
        split = split_title_authors(body[0])
        if split is None:
            return "title and authors could not be split"
        (title, author_line), abstract_lines = split, body[1:]
    affiliation = None
    if AFFILIATION_SEP in author_line:
        author_line, affiliation = (s.strip() for s in author_line.split(AFFILIATION_SEP, 1))
    if not is_author_list(author_line):
        return "author line not understood"
    if not title:
        return "empty title"
    authors, truncated = split_author_list(author_line)
    year_text = meta["year"]
    year = int(year_text) if year_text else options.undated_year
    return Paper(
        id=paper_id(title, year),
        title=title,
        authors=authors,
        year=year,
        source=f"{path}:{start + 1}",
        authors_truncated=truncated,
        month=MONTHS.index(meta["month"]) + 1,
        day=int(meta["day"]),
        year_inferred=year_text is None,
        category=meta["category"],
        has_code=meta["code"] is not None,
        score=float(meta["score"]) if meta["score"] else None,
        affiliation=affiliation,
        abstract=" ".join(abstract_lines) or None,
    )


def common_author(papers: list[Paper]) -> str | None:
    """The page owner when no header names one: the most frequent name among
    those shown on every complete (not truncated) author list."""
    complete = [p for p in papers if not p.authors_truncated]
    pool = complete or papers
    if not pool:
        return None
    shared = set.intersection(*({name_key(a) for a in p.authors} for p in pool))
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for paper in papers:
        for name in paper.authors:
            key = name_key(name)
            if key in shared:
                counts[key] += 1
                spelling.setdefault(key, name)
    if not counts:
        return None
    best = min(counts, key=lambda key: (-counts[key], key))
    return spelling[best] if counts[best] >= 2 else None


def _add_owner(papers: list[Paper], owner: str) -> None:
    owner_key = name_key(owner)
    for paper in papers:
        shown = any(name_key(a) == owner_key for a in paper.authors)
        if paper.authors_truncated and not shown:
            paper.inferred_authors.append(owner)


FORMAT = Format(
    "profile",
    "author-profile pages of a paper aggregator (three-line or block layout)",
    sniff_profile,
    read_profile,
)
