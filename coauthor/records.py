"""The record model shared by every stage: one :class:`Paper` per paper read,
and one :class:`ReadReport` per input file saying what became of its records.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Paper:
    """One paper as read from an input, names kept exactly as written.

    ``authors`` never holds "et al."; ``authors_truncated`` says the list was
    cut. ``inferred_authors`` holds names coauthor added (the owner of a profile
    page), never mixed with the names as written. ``author_orcids`` and
    ``author_ids`` (OpenAlex / DBLP ids), when the source has them, run
    parallel to ``authors`` (``None`` where one author has none) or are empty.
    ``doi`` is lower-case without the ``https://doi.org/`` prefix; ``venue``
    (journal, proceedings), ``volume``, ``issue`` and ``pages`` tell apart papers that
    share a title, year and first author (a "Calendar" in every issue). ``also_in``
    lists the sources of the records merged into this one.
    """

    id: str
    title: str
    authors: list[str]
    year: int | None
    source: str
    inferred_authors: list[str] = field(default_factory=list)
    authors_truncated: bool = False
    month: int | None = None
    day: int | None = None
    year_inferred: bool = False
    category: str | None = None
    has_code: bool = False
    score: float | None = None
    affiliation: str | None = None
    abstract: str | None = None
    doi: str | None = None
    arxiv_id: str | None = None
    venue: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    author_orcids: list[str | None] = field(default_factory=list)
    author_ids: list[str | None] = field(default_factory=list)
    also_in: list[str] = field(default_factory=list)

    @property
    def all_authors(self) -> list[str]:
        """Authors as written followed by inferred authors."""
        return self.authors + self.inferred_authors

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict, in the documented key order."""
        return asdict(self)


@dataclass
class ReadReport:
    """What became of the records of one input file.

    Always ``read == used + merged + sum(skipped.values())``.
    """

    file: str
    format: str
    read: int = 0
    used: int = 0
    merged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str]] = field(default_factory=list)

    def skip(self, reason: str, where: str | None = None) -> None:
        """Count one record skipped for ``reason``; ``where`` (``file:line``)
        is kept for ``inspect --errors``."""
        self.skipped[reason] += 1
        if where is not None:
            self.errors.append((where, reason))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with keys file, format, read, used, merged, skipped."""
        return {
            "file": self.file,
            "format": self.format,
            "read": self.read,
            "used": self.used,
            "merged": self.merged,
            "skipped": dict(sorted(self.skipped.items())),
        }


def fold_text(text: str) -> str:
    """Lower-case ASCII letters and digits only: the key for comparing texts.

    >>> fold_text("Giménez, 1.42\\\\% $\\\\sim$")
    'gimenez142sim'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", ascii_only.lower())


def paper_id(title: str, year: int | None) -> str:
    """A stable id from the folded title and year: the same paper read twice
    (in two files, or two formats) gets the same id.

    >>> paper_id("Location Augmentation for CNN", 2018)
    'p-cc7919936e'
    """
    digest = hashlib.sha1(f"{fold_text(title)}|{year}".encode()).hexdigest()
    return f"p-{digest[:10]}"
