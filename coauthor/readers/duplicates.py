"""Which records are one paper: the duplicate rule of
:func:`coauthor.readers.read_inputs`.

Two records are the same paper when they share a database id (``db_id``),
else a DOI, else (neither having a DOI) the folded title, year, first
author's family name, volume, issue and pages. They are never the same
paper, whatever else they share, when their DOIs differ or when they have
different ids of the same database (two Web of Science UTs, two Scopus
EIDs); a record without a title is never merged on its authors alone.

>>> a = Paper("a", "Deep Nets", ["Ann Lee"], 2020, "f:1", doi="10.1/a")
>>> b = Paper("b", "Deep Nets", ["Ann Lee"], 2020, "g:1", doi="10.1/b")
>>> index = Duplicates()
>>> index.add(a, duplicate_keys(a))
>>> index.find(b, duplicate_keys(b)) is None
True
"""

from __future__ import annotations

from coauthor.names.parse import parse_name
from coauthor.records import Paper, fold_text


def duplicate_keys(paper: Paper) -> list[str]:
    """The keys under which ``paper`` is looked up, strongest first: its
    database id, its DOI, else (no DOI, a title) its folded title, year, first
    author's family name, volume, issue and pages (empty when unknown, so a
    record with pages never merges with one without).

    >>> duplicate_keys(Paper("x", "Deep Nets!", ["Ann Lee"], 2020, "f:1", pages="1--9"))
    ['deepnets|2020|lee|||19']
    >>> duplicate_keys(Paper("x", "", ["Ann Lee"], None, "f:1", db_id="wos:0001"))
    ['db:wos:0001']
    """
    keys = []
    if paper.db_id:
        keys.append(f"db:{paper.db_id.lower()}")
    if paper.doi:
        keys.append(f"doi:{paper.doi.lower()}")
    elif fold_text(paper.title):
        first = parse_name(paper.authors[0]).family if paper.authors else ""
        parts = (paper.title, str(paper.year), first, paper.volume or "", paper.issue or "", paper.pages or "")
        keys.append("|".join(fold_text(part) for part in parts))
    return keys


def conflict(a: Paper, b: Paper) -> bool:
    """True when ``a`` and ``b`` cannot be one paper: different DOIs, or
    different ids of one database.

    >>> wos = Paper("x", "T", ["Ann Lee"], 2020, "f:1", doi="10.1/a", db_id="wos:0001")
    >>> conflict(wos, Paper("y", "T", ["Ann Lee"], 2020, "f:9", doi="10.1/a", db_id="wos:0002"))
    True
    >>> conflict(wos, Paper("y", "T", ["Ann Lee"], 2020, "g:1", doi="10.1/a", db_id="scopus:2-s2.0-1"))
    False
    """
    if a.doi and b.doi and a.doi.lower() != b.doi.lower():
        return True
    if a.db_id and b.db_id:
        db_a, _, id_a = a.db_id.partition(":")
        db_b, _, id_b = b.db_id.partition(":")
        return db_a == db_b and id_a.lower() != id_b.lower()
    return False


class Duplicates:
    """The papers kept so far, by their :func:`duplicate_keys`. A key holds
    one paper, or a list of those that share it but :func:`conflict`."""

    def __init__(self) -> None:
        self.by_key: dict[str, Paper | list[Paper]] = {}

    def find(self, paper: Paper, keys: list[str]) -> Paper | None:
        """The kept paper that ``paper`` (whose keys are ``keys``) is a duplicate of, else None."""
        for key in keys:
            held = self.by_key.get(key)
            for kept in held if isinstance(held, list) else (held,) if held is not None else ():
                if not conflict(kept, paper):
                    return kept
        return None

    def add(self, kept: Paper, keys: list[str]) -> None:
        """Index ``kept`` under ``keys`` (its own, or those of a duplicate
        merged into it, whose DOI or database id then finds it)."""
        for key in keys:
            held = self.by_key.setdefault(key, kept)
            if held is kept:
                continue
            if not isinstance(held, list):
                held = self.by_key[key] = [held]
            if not any(p is kept for p in held):
                held.append(kept)


def merge_into(kept: Paper, duplicate: Paper) -> None:
    """Record the duplicate's source and fill identifiers the kept record lacks."""
    kept.also_in.append(duplicate.source)
    kept.doi = kept.doi or duplicate.doi
    kept.arxiv_id = kept.arxiv_id or duplicate.arxiv_id
    kept.db_id = kept.db_id or duplicate.db_id
    kept.abstract = kept.abstract or duplicate.abstract
