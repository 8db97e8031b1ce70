"""How collaboration changes over time: per-year and per-author tables."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from coauthor.names.resolve import authorship_table
from coauthor.records import Paper

YEAR_COLUMNS = [
    "year", "papers", "active_authors", "new_authors", "new_collaborations",
    "authors_total", "collaborations_total", "largest_component_share",
]  # fmt: skip


def timeline(
    graph: nx.Graph, papers: list[Paper] | None = None, authorships: pd.DataFrame | None = None
) -> pd.DataFrame:
    """How the collaboration grew: one row per year of the graph's authors.

    Only the authors in ``graph`` count, so a filtered graph gets the
    timeline of its own authors. Undated papers are left out.

    Parameters
    ----------
    graph : networkx.Graph
        The collaboration graph, with ``first_year`` on its nodes and edges.
    papers : list of Paper, optional
        The papers it was built from. Without them (a graph read from
        GraphML) the per-year ``papers`` and ``active_authors`` are unknown
        and left empty.
    authorships : pandas.DataFrame, optional
        The authorship table the graph was built from
        (:func:`coauthor.authorship_table`, its author ids); else the
        papers are resolved again by default.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``papers`` and ``active_authors`` (papers with an
        author of the graph that year, and those authors), ``new_authors``
        (first paper that year), ``new_collaborations`` (edges whose first
        joint paper is that year), the graph size so far
        (``authors_total``, ``collaborations_total``) and
        ``largest_component_share``: the share of the authors so far who are
        in the largest connected component of the graph so far.

    Examples
    --------
    Two authors in 2020; in 2022 a third joins both:

    >>> from coauthor import Paper, coauthorship_graph
    >>> papers = [Paper("p1", "T", ["Ann Lee", "Bo Chen"], 2020, "f:1"),
    ...           Paper("p2", "U", ["Ann Lee", "Bo Chen", "Cy Diaz"], 2022, "f:4")]
    >>> table = timeline(coauthorship_graph(papers), papers)
    >>> table[["year", "active_authors", "new_authors", "new_collaborations", "collaborations_total"]].values.tolist()
    [[2020, 2, 2, 1, 1], [2022, 3, 1, 2, 3]]
    """
    node_years = pd.Series(dict(graph.nodes(data="first_year")), dtype="float").dropna().astype(np.int64)
    edges = [(u, v, d["first_year"]) for u, v, d in graph.edges(data=True) if "first_year" in d]
    edge_years = pd.Series([y for *_, y in edges], dtype=np.int64)
    dated = _dated(papers, authorships, graph) if papers is not None else None
    paper_years = set(dated["year"].astype(np.int64)) if dated is not None else set()
    years = sorted(set(node_years) | set(edge_years) | paper_years)
    table = pd.DataFrame(index=pd.Index(years, name="year", dtype=np.int64))
    if dated is not None:
        by_year = dated.groupby(dated["year"].astype(np.int64))
        table["papers"] = by_year["paper_id"].nunique().reindex(table.index, fill_value=0).astype(np.int64)
        table["active_authors"] = by_year["author_id"].nunique().reindex(table.index, fill_value=0).astype(np.int64)
    else:
        table["papers"] = pd.NA
        table["active_authors"] = pd.NA
    table["new_authors"] = node_years.value_counts().reindex(table.index, fill_value=0).astype(np.int64)
    table["new_collaborations"] = edge_years.value_counts().reindex(table.index, fill_value=0).astype(np.int64)
    table["authors_total"] = table["new_authors"].cumsum()
    table["collaborations_total"] = table["new_collaborations"].cumsum()
    table["largest_component_share"] = _largest_share_by_year(node_years, edges, years)
    return table.reset_index()[YEAR_COLUMNS]


def _largest_share_by_year(node_years: pd.Series, edges: list[tuple[str, str, int]], years: list[int]) -> list[float]:
    """For each year, the largest component's share of the graph so far."""
    index = {node: i for i, node in enumerate(node_years.index)}
    rows = np.array([index[u] for u, _, _ in edges], dtype=np.int64)
    cols = np.array([index[v] for _, v, _ in edges], dtype=np.int64)
    edge_year = np.array([y for *_, y in edges], dtype=np.int64)
    first = node_years.to_numpy()
    shares = []
    for year in years:
        present = first <= year
        keep = edge_year <= year
        adjacency = sp.coo_matrix((np.ones(keep.sum()), (rows[keep], cols[keep])), shape=(len(first), len(first)))
        _, labels = connected_components(adjacency, directed=False)
        sizes = np.bincount(labels[present]) if present.any() else np.array([0])
        shares.append(float(sizes.max() / present.sum()) if present.any() else 0.0)
    return shares


def author_timeline(graph: nx.Graph, papers: list[Paper], authorships: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per author of ``graph`` and year: papers and distinct co-authors.

    Parameters
    ----------
    graph : networkx.Graph
        The collaboration graph: its authors are the rows kept.
    papers : list of Paper
        The papers it was built from (undated ones are left out).
    authorships : pandas.DataFrame, optional
        As for :func:`coauthor.timeline`.

    Returns
    -------
    pandas.DataFrame
        Columns ``author_id``, ``name``, ``year``, ``papers`` and
        ``coauthors`` (distinct co-authors on that year's papers, whether
        in the graph or not), sorted by author id then year.

    Examples
    --------
    >>> from coauthor import Paper, coauthorship_graph
    >>> papers = [Paper("p1", "T", ["Ann Lee", "Bo Chen"], 2020, "f:1"),
    ...           Paper("p2", "U", ["Ann Lee", "Bo Chen", "Cy Diaz"], 2022, "f:4"),
    ...           Paper("p3", "V", ["Ann Lee"], 2022, "f:7")]
    >>> table = author_timeline(coauthorship_graph(papers), papers)
    >>> table[table["author_id"] == "ann-lee"][["year", "papers", "coauthors"]].values.tolist()
    [[2020, 1, 1], [2022, 2, 2]]
    """
    everyone = _dated(papers, authorships)
    if everyone.empty:
        return pd.DataFrame(columns=["author_id", "name", "year", "papers", "coauthors"])
    counts = everyone.groupby(["author_id", "year"]).size().rename("papers").reset_index()
    counts["year"] = counts["year"].astype(np.int64)
    counts["coauthors"] = _coauthors_per_year(everyone, counts)
    counts = counts[counts["author_id"].isin(list(graph.nodes))].reset_index(drop=True)
    counts.insert(1, "name", [graph.nodes[a].get("name", a) for a in counts["author_id"]])
    return counts


def _coauthors_per_year(authorships: pd.DataFrame, counts: pd.DataFrame) -> np.ndarray:
    """Distinct co-authors per (author, year) row of ``counts``: per year,
    the non-zero off-diagonal entries of each column of BᵀB."""
    author_codes, authors = pd.factorize(authorships["author_id"], sort=True)
    paper_codes, papers = pd.factorize(authorships["paper_id"])
    years = authorships["year"].astype(np.int64).to_numpy()
    result: dict[tuple[str, int], int] = {}
    for year in np.unique(years):
        mask = years == year
        incidence = sp.csr_matrix(
            (np.ones(mask.sum()), (paper_codes[mask], author_codes[mask])), shape=(len(papers), len(authors))
        )
        joint = (incidence.T @ incidence).tocsr()
        joint.setdiag(0)
        joint.eliminate_zeros()
        per_author = np.diff(joint.indptr)
        for code in np.unique(author_codes[mask]):
            result[(authors[code], int(year))] = int(per_author[code])
    return np.array([result[(a, y)] for a, y in zip(counts["author_id"], counts["year"], strict=True)])


def _dated(papers: list[Paper], authorships: pd.DataFrame | None, graph: nx.Graph | None = None) -> pd.DataFrame:
    """The authorships of the dated papers (of the authors in ``graph`` when
    given): from the given table, else resolved."""
    if authorships is None:
        authorships = authorship_table(p for p in papers if p.year is not None)
    dated = authorships[authorships["year"].notna()]
    return dated if graph is None else dated[dated["author_id"].isin(list(graph.nodes))]
