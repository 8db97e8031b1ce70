"""From papers to authorships: one row per (paper, author), with the author id.

This first resolver keys authors by their normalised full name
(:func:`coauthor.names.name_key`: accents, case, punctuation and spacing
folded), so ``Giménez`` and ``Gimenez`` are one author and ``Li Shen`` and
``Shen Li`` are two. The display name is the most frequent spelling as written.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from coauthor.names import name_key
from coauthor.records import Paper

AUTHORSHIP_COLUMNS = ["paper_id", "position", "name", "inferred", "author_id", "year"]


def authorship_table(papers: Iterable[Paper]) -> pd.DataFrame:
    """One row per authorship: ``paper_id``, ``position`` (0-based, inferred
    authors after the written ones), ``name`` as written, ``inferred``,
    ``author_id`` and the paper's ``year`` (nullable Int64). An author listed
    twice on one paper keeps the first position only."""
    rows = []
    for paper in papers:
        seen: set[str] = set()
        for position, name in enumerate(paper.all_authors):
            author_id = name_key(name)
            if not author_id or author_id in seen:
                continue
            seen.add(author_id)
            inferred = position >= len(paper.authors)
            rows.append((paper.id, position, name, inferred, author_id, paper.year))
    table = pd.DataFrame(rows, columns=AUTHORSHIP_COLUMNS)
    table["year"] = table["year"].astype("Int64")
    return table


def display_names(authorships: pd.DataFrame) -> pd.Series:
    """The display name of each author id: the most frequent spelling as
    written (inferred mentions count too), ties to the first seen."""
    counts = (
        authorships.assign(order=range(len(authorships)))
        .groupby(["author_id", "name"], sort=False)
        .agg(n=("order", "size"), first=("order", "min"))
        .reset_index()
        .sort_values(["author_id", "n", "first"], ascending=[True, False, True])
    )
    return counts.drop_duplicates("author_id").set_index("author_id")["name"]
