"""The record model shared by every stage: one :class:`Paper` per paper read,
and one :class:`ReadReport` per input file saying what became of its records.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Affiliation:
    """One institution an author of a paper wrote from.

    Parameters
    ----------
    name : str
        The institution as the source names it (the organisation part of an
        address: ``Univ Oslo``, ``University of Lausanne``).
    ror : str, optional
        Its ROR id, short form (``01xtthb56``), when the source gives one.
    country : str, optional
        ISO 3166-1 alpha-2 code (``NO``), from the source or the address.

    Examples
    --------
    >>> Affiliation("Univ Oslo", country="NO").key, Affiliation("UiO", ror="01xtthb56").key
    ('name:univoslo', 'ror:01xtthb56')
    """

    name: str
    ror: str | None = None
    country: str | None = None

    @property
    def key(self) -> str:
        """The institution's node id: ``ror:<id>``, else ``name:`` and the
        folded name (:func:`fold_text`)."""
        return f"ror:{self.ror}" if self.ror else f"name:{_folded_name(self.name)}"


@dataclass(slots=True)
class Paper:
    """One paper as read from an input, names kept exactly as written.

    A big input holds millions of papers, so a paper is kept small: its
    fields in slots, one object per year, and (inside :func:`sharing_text`)
    one object for each name, ORCID, venue... that repeats from paper to paper.

    Parameters
    ----------
    id : str
        The source's own id when it has one (BibTeX key, DOI, OpenAlex
        ``W…``, ``arXiv:…``, WoS UT, Scopus EID, DBLP key), else ``p-`` and
        a hash of the folded title and year.
    title : str
        As written.
    authors : list of str
        The names exactly as written, in order, never "et al.".
    year : int or None
        The publication year.
    source : str
        ``file:line`` of the record's first line.
    inferred_authors : list of str, optional
        Names coauthor added (the owner of a profile page), never mixed
        with the names as written.
    authors_truncated : bool, default False
        The author list was cut ("et al."): counts of co-authors are lower
        bounds.
    month, day : int, optional
        The rest of the publication date, when the source gives it.
    year_inferred : bool, default False
        The year came from :attr:`ReadOptions.undated_year`.
    category, affiliation, abstract : str, optional
        What the source says, or None.
    has_code : bool, default False
        The source says the paper has code.
    score : float, optional
        The score a profile page shows.
    doi : str, optional
        Lower-case, without the ``https://doi.org/`` prefix.
    arxiv_id : str, optional
        The arXiv identifier.
    db_id : str, optional
        The record's id in the database it was exported from, prefixed by
        that database (``wos:000177484FG0017``, ``scopus:2-s2.0-85123480963``,
        ``pubmed:18026466``): two records with different ids of one
        database are never the same paper.
    venue, volume, issue, pages : str, optional
        Where the paper appeared (journal, proceedings): they tell apart
        papers that share a title, year and first author (a "Calendar" in
        every issue).
    author_orcids, author_ids : list of str or None, optional
        ORCIDs and OpenAlex / DBLP ids, when the source has them, parallel
        to ``authors`` (``None`` where one author has none), else empty.
    also_in : list of str, optional
        The sources of the records merged into this one.
    organisations : tuple of int, optional
        The positions in ``authors`` of the names the source itself marks
        as organisations (a braced BibTeX name, a Crossref ``name``, a CSL
        ``literal``); :func:`coauthor.names.author_kind` decides the others.
    author_affiliations : tuple of tuple of Affiliation, optional
        Each author's affiliations, parallel to ``authors`` (``()`` for an
        author the source gives none), when the source links them (OpenAlex
        and Crossref authorships, a Scopus ``Authors with affiliations``
        cell, a WoS ``C1`` ``[names] address``); else empty.
    unlinked_affiliations : tuple of Affiliation, optional
        Affiliations the source gives for the paper without saying whose
        (RIS ``AD``, a Scopus ``Affiliations`` cell, a WoS address without
        names). ``affiliation`` (one text, of profile pages) stays as it was.

    Examples
    --------
    >>> paper = Paper("p1", "Graphs", ["Ann Lee", "Bo Chen"], 2020, "refs.bib:1", doi="10.1/x")
    >>> paper.authors, paper.year, paper.inferred_authors
    (['Ann Lee', 'Bo Chen'], 2020, [])
    >>> paper.to_dict()["doi"], paper.to_dict()["source"]
    ('10.1/x', 'refs.bib:1')
    >>> paper.author_affiliations = ((Affiliation("Univ Oslo", country="NO"),), ())
    >>> [a.key for a in paper.affiliations()]
    ['name:univoslo']
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
    db_id: str | None = None
    venue: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    author_orcids: list[str | None] = field(default_factory=list)
    author_ids: list[str | None] = field(default_factory=list)
    also_in: list[str] = field(default_factory=list)
    organisations: tuple[int, ...] = ()
    author_affiliations: tuple[tuple[Affiliation, ...], ...] = ()
    unlinked_affiliations: tuple[Affiliation, ...] = ()

    def __post_init__(self) -> None:
        if type(self.year) is int and 0 <= self.year < len(_YEARS):
            self.year = _YEARS[self.year]
        table = _shared_text.get()
        if table is None:
            return
        share = table.setdefault
        if self.authors:
            _share_each(self.authors, share)
        if self.inferred_authors:
            _share_each(self.inferred_authors, share)
        if self.author_orcids:
            _share_each(self.author_orcids, share)
        if self.author_ids:
            _share_each(self.author_ids, share)
        if type(self.venue) is str:
            self.venue = share(self.venue, self.venue)
        if type(self.volume) is str:
            self.volume = share(self.volume, self.volume)
        if type(self.issue) is str:
            self.issue = share(self.issue, self.issue)
        if type(self.category) is str:
            self.category = share(self.category, self.category)
        if type(self.affiliation) is str:
            self.affiliation = share(self.affiliation, self.affiliation)

    def affiliations(self) -> list[Affiliation]:
        """The paper's distinct affiliations (by :attr:`Affiliation.key`),
        the authors' first, in order, then the unlinked ones."""
        seen: dict[str, Affiliation] = {}
        for group in (*self.author_affiliations, self.unlinked_affiliations):
            for affiliation in group:
                seen.setdefault(affiliation.key, affiliation)
        return list(seen.values())

    @property
    def all_authors(self) -> list[str]:
        """Authors as written followed by inferred authors."""
        return self.authors + self.inferred_authors

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict, in the documented key order."""
        return asdict(self)


#: One int object per year, shared by every paper of that year (ints above
#: 256 are a new object each time one is made).
_YEARS = tuple(range(3000))

_shared_text: ContextVar[dict[str, str] | None] = ContextVar("coauthor_shared_text", default=None)


def _share_each(names: list[Any], share: Callable[[str, str], str]) -> None:
    """Each str of ``names`` replaced, in place, by ``share(name, name)``."""
    if type(names) is list:
        for i in range(len(names)):
            name = names[i]
            if type(name) is str:
                names[i] = share(name, name)


@contextmanager
def sharing_text(table: dict[str, str] | None = None) -> Iterator[None]:
    """While inside, papers made keep one object for each repeated name,
    ORCID, author id, venue, volume, issue, category and affiliation (a big
    input repeats an author's name on every paper of theirs), looked up in
    ``table`` (pass the same one to share across blocks);
    :func:`coauthor.readers.read_inputs` reads inside it. The table goes with
    the last block that uses it (unlike ``sys.intern``'s, which CPython
    3.12.0-3.12.4 never frees).

    >>> names = [" ".join(["Ann", "Lee"]), " ".join(["Ann", "Lee"])]
    >>> names[0] is names[1]
    False
    >>> with sharing_text():
    ...     a, b = Paper("1", "T", [names[0]], 2020, "f:1"), Paper("2", "U", [names[1]], 2021, "f:2")
    >>> a.authors[0] is b.authors[0]
    True
    """
    token = _shared_text.set({} if table is None else table)
    try:
        yield
    finally:
        _shared_text.reset(token)


@dataclass(slots=True)
class ReadReport:
    """What became of the records of one input file.

    Always ``read == used + merged + sum(skipped.values())``.

    Parameters
    ----------
    file : str
        The input file.
    format : str
        The format found (a key of :data:`coauthor.FORMATS`), or
        ``unrecognised`` for a file met in a folder that no reader reads.
    read, used, merged : int, default 0
        Records read; used as papers; merged into another paper (a
        duplicate, or an abstract linked to its paper).
    skipped : collections.Counter, optional
        Records skipped: reason -> count.
    errors : list of (str, str), optional
        ``(file:line, reason)`` of every skipped record and every warning
        that knows its place (``coauthor inspect --errors``).
    warnings : collections.Counter, optional
        Things that were read but look suspicious (reason -> count), such
        as authors that are only initials or a column that could not be
        mapped; the record is still used.
    encoding : str, optional
        The text encoding the file was decoded with.
    variant : str, optional
        The layout of the format found (``"short form"`` for a Scopus file
        with ``Surname, I.`` authors), when the reader knows it.

    Examples
    --------
    >>> report = ReadReport("refs.bib", "bibtex", read=3, used=1, merged=1)
    >>> report.skip("no authors", "refs.bib:9")
    >>> report.read == report.used + report.merged + sum(report.skipped.values())
    True
    >>> report.errors
    [('refs.bib:9', 'no authors')]
    """

    file: str
    format: str
    read: int = 0
    used: int = 0
    merged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: Counter[str] = field(default_factory=Counter)
    encoding: str | None = None
    variant: str | None = None

    def skip(self, reason: str, where: str | None = None) -> None:
        """Count one record skipped for ``reason``; ``where`` (``file:line``)
        is kept for ``inspect --errors``."""
        self.skipped[reason] += 1
        if where is not None:
            self.errors.append((where, reason))

    def warn(self, reason: str, where: str | None = None, count: int = 1) -> None:
        """Count ``count`` suspicious things for ``reason`` (the record is
        still used); ``where`` (``file:line``) is kept for ``inspect --errors``.

        >>> report = ReadReport("a.csv", "scopus")
        >>> report.warn("author is only initials", "a.csv:3")
        >>> report.to_dict()["warnings"]
        {'author is only initials': 1}
        """
        self.warnings[reason] += count
        if where is not None:
            self.errors.append((where, f"warning: {reason}"))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with keys file, format, variant, encoding, read,
        used, merged, skipped and warnings."""
        return {
            "file": self.file,
            "format": self.format,
            "variant": self.variant,
            "encoding": self.encoding,
            "read": self.read,
            "used": self.used,
            "merged": self.merged,
            "skipped": dict(sorted(self.skipped.items())),
            "warnings": dict(sorted(self.warnings.items())),
        }


@functools.lru_cache(maxsize=1 << 16)
def _folded_name(name: str) -> str:
    """:func:`fold_text` of an institution's name, cached (one name recurs on thousands of papers)."""
    return fold_text(name)


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
