"""The weighted collaboration graph, built with sparse matrices.

With B the papers x authors incidence matrix of one publication year, the
co-authorship counts of that year are the off-diagonal entries of BᵀB. Summing
over years gives, for each pair of authors i, j:

* ``weight`` = ``papers`` = c_ij, the number of papers they wrote together;
* ``first_year`` / ``last_year``: the years of the first and last of them.

Nodes are author ids (sorted), with ``name``, ``papers``, ``first_year`` and
``last_year``. Inferred authors (profile owners added to truncated lists)
count as authors.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from coauthor.records import Paper
from coauthor.resolve import authorship_table, display_names

UNDATED = -1  # year key for papers without a year while building


def coauthorship_graph(papers: Iterable[Paper], metadata: dict[str, Any] | None = None) -> nx.Graph:
    """Build the collaboration graph of ``papers``.

    >>> from coauthor.records import Paper
    >>> g = coauthorship_graph([Paper("p1", "T", ["Ann Lee", "Bo Chen"], 2020, "f:1"),
    ...                         Paper("p2", "U", ["Bo Chen", "Ann Lee"], 2022, "f:4")])
    >>> dict(g.edges["ann-lee", "bo-chen"])
    {'weight': 2, 'papers': 2, 'first_year': 2020, 'last_year': 2022}
    """
    authorships = authorship_table(papers)
    return graph_from_authorships(authorships, metadata)


def graph_from_authorships(authorships: pd.DataFrame, metadata: dict[str, Any] | None = None) -> nx.Graph:
    """Build the graph from an authorship table (see :mod:`coauthor.resolve`)."""
    graph = nx.Graph()
    graph.graph.update(metadata or {})
    if authorships.empty:
        return graph
    nodes = _node_table(authorships)
    for author_id, row in nodes.iterrows():
        attrs = {"name": row["name"], "papers": int(row["papers"])}
        if not pd.isna(row["first_year"]):
            attrs["first_year"] = int(row["first_year"])
            attrs["last_year"] = int(row["last_year"])
        graph.add_node(author_id, **attrs)
    edges = edge_table(authorships, list(nodes.index))
    for row in edges.itertuples(index=False):
        attrs = {"weight": int(row.papers), "papers": int(row.papers)}
        if row.first_year != UNDATED:
            attrs["first_year"] = int(row.first_year)
            attrs["last_year"] = int(row.last_year)
        graph.add_edge(row.source, row.target, **attrs)
    return graph


def _node_table(authorships: pd.DataFrame) -> pd.DataFrame:
    grouped = authorships.groupby("author_id", sort=True)
    nodes = pd.DataFrame(
        {
            "papers": grouped["paper_id"].nunique(),
            "first_year": grouped["year"].min(),
            "last_year": grouped["year"].max(),
        }
    )
    nodes["name"] = display_names(authorships)
    return nodes


def edge_table(authorships: pd.DataFrame, author_ids: list[str]) -> pd.DataFrame:
    """Edges as a table: ``source``, ``target`` (source < target), ``papers``,
    ``first_year``, ``last_year`` (``UNDATED`` when no joint paper has a year).
    Computed per year as the upper triangle of BᵀB."""
    author_index = pd.Index(author_ids)
    paper_codes, paper_ids = pd.factorize(authorships["paper_id"], sort=True)
    author_codes = author_index.get_indexer(authorships["author_id"])
    years = authorships["year"].fillna(UNDATED).to_numpy(dtype=np.int64)
    parts = []
    for year in np.unique(years):
        mask = years == year
        incidence = sp.csr_matrix(
            (np.ones(mask.sum(), dtype=np.int64), (paper_codes[mask], author_codes[mask])),
            shape=(len(paper_ids), len(author_index)),
        )
        joint = sp.triu(incidence.T @ incidence, k=1).tocoo()
        parts.append(pd.DataFrame({"i": joint.row, "j": joint.col, "n": joint.data, "year": year}))
    pairs = pd.concat(parts, ignore_index=True)
    if pairs.empty:
        return pd.DataFrame(columns=["source", "target", "papers", "first_year", "last_year"])
    dated = pairs["year"].where(pairs["year"] != UNDATED)
    pairs = pairs.assign(dated=dated)
    grouped = pairs.groupby(["i", "j"], sort=True)
    edges = pd.DataFrame(
        {
            "papers": grouped["n"].sum(),
            "first_year": grouped["dated"].min().fillna(UNDATED).astype(np.int64),
            "last_year": grouped["dated"].max().fillna(UNDATED).astype(np.int64),
        }
    ).reset_index()
    edges.insert(0, "source", author_index[edges.pop("i")])
    edges.insert(1, "target", author_index[edges.pop("j")])
    return edges


def ordered_subgraph(graph: nx.Graph, nodes: Iterable[str]) -> nx.Graph:
    """A copy of the subgraph on ``nodes`` whose nodes and edges are in sorted
    order. ``graph.subgraph`` iterates its node set, whose order changes with
    Python's hash seed; algorithms summing floats in that order then differ
    in the last digits from run to run, and layouts differ entirely."""
    keep = sorted(set(nodes))
    sub = nx.Graph()
    sub.graph.update(graph.graph)
    sub.add_nodes_from((n, graph.nodes[n]) for n in keep)
    inside = set(keep)
    sub.add_edges_from(
        sorted((min(u, v), max(u, v), d) for u in keep for v, d in graph.adj[u].items() if v in inside and u < v)
    )
    return sub
