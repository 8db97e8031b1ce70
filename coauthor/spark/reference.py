"""The single-machine twin of the Spark authorship table, for comparing the
two engines on the same input: authors keyed by
:func:`coauthor.names.name_key`, as :mod:`coauthor.spark.authorships` does
(pandas only; no Spark needed).

>>> from coauthor.records import Paper
>>> table = keyed_authorships([Paper("p1", "T", ["Ann Lée", "Bo Chen", "ann lee"], 2020, "f:1")])
>>> table[["position", "author_id"]].values.tolist()
[[0, 'ann-lee'], [1, 'bo-chen']]
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from coauthor.names.parse import name_key
from coauthor.records import Paper


def keyed_authorships(papers: Iterable[Paper], years: tuple[int, int] | None = None) -> pd.DataFrame:
    """One row per (paper, author): ``paper_id``, ``position``, ``name``,
    ``author_id`` (the name's key), ``year`` (nullable Int64); names with an
    empty key left out, an author listed twice keeps the first position;
    only papers within ``years`` (inclusive) when given."""
    rows = [
        (paper.id, position, name, name_key(name), paper.year)
        for paper in papers
        if years is None or (paper.year is not None and years[0] <= paper.year <= years[1])
        for position, name in enumerate(paper.all_authors)
    ]
    table = pd.DataFrame(rows, columns=["paper_id", "position", "name", "author_id", "year"])
    table = table[table["author_id"] != ""].drop_duplicates(["paper_id", "author_id"]).reset_index(drop=True)
    return table.astype({"position": "int64", "year": "Int64"})
