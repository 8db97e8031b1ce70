"""How collaboration changes over time: per-year and per-author tables."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from coauthor.records import Paper
from coauthor.resolve import authorship_table


def timeline(graph: nx.Graph, papers: list[Paper]) -> pd.DataFrame:
    """One row per year that has papers: ``papers``, ``active_authors``
    (authors with a paper that year), ``new_authors`` (first paper that
    year), ``new_collaborations`` (edges whose first joint paper is that
    year), and the running totals ``authors_total`` and
    ``collaborations_total``. Papers without a year are left out."""
    dated = [p for p in papers if p.year is not None]
    authorships = authorship_table(dated)
    if authorships.empty:
        columns = ["papers", "active_authors", "new_authors", "new_collaborations"]
        return pd.DataFrame(columns=["year", *columns, "authors_total", "collaborations_total"])
    years = authorships.groupby("year")
    table = pd.DataFrame(
        {
            "papers": years["paper_id"].nunique(),
            "active_authors": years["author_id"].nunique(),
        }
    )
    first_years = authorships.groupby("author_id")["year"].min()
    table["new_authors"] = first_years.value_counts()
    edge_years = pd.Series([d["first_year"] for *_, d in graph.edges(data=True) if "first_year" in d], dtype="Int64")
    table["new_collaborations"] = edge_years.value_counts()
    table = table.fillna(0).astype("int64")
    table["authors_total"] = table["new_authors"].cumsum()
    table["collaborations_total"] = table["new_collaborations"].cumsum()
    table.index = table.index.astype("int64").rename("year")
    return table.reset_index()


def author_timeline(graph: nx.Graph, papers: list[Paper]) -> pd.DataFrame:
    """Papers per author per year: ``author_id``, ``name``, ``year``,
    ``papers``, sorted by author id then year."""
    authorships = authorship_table(p for p in papers if p.year is not None)
    counts = authorships.groupby(["author_id", "year"]).size().rename("papers").reset_index()
    counts.insert(1, "name", [graph.nodes[a].get("name", a) if a in graph else a for a in counts["author_id"]])
    counts["year"] = counts["year"].astype("int64")
    return counts
