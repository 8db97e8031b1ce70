"""Who is central: degree, strength, betweenness, eigenvector, PageRank."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from coauthor.graph import ordered_subgraph

#: Above this many nodes betweenness is estimated from a seeded sample of
#: sources (exact below); the sample size is ``BETWEENNESS_SAMPLE``.
BETWEENNESS_EXACT_LIMIT = 5000
BETWEENNESS_SAMPLE = 1000

MEASURES = ("degree", "strength", "betweenness", "eigenvector", "pagerank")


def centrality(graph: nx.Graph, seed: int = 42) -> pd.DataFrame:
    """Centrality of every author, sorted by PageRank (highest first).

    Columns: ``name``, ``papers``, ``degree`` (number of co-authors),
    ``strength`` (sum of edge weights: joint papers), ``betweenness``
    (normalised, hop distances), ``eigenvector`` (weighted, computed within
    each connected component and scaled to a maximum of 1 there) and
    ``pagerank`` (weighted, damping 0.85). Index: ``author_id``.

    >>> g = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
    >>> row = centrality(g).loc["b"]
    >>> int(row["degree"]), int(row["strength"]), float(row["betweenness"])
    (2, 3, 1.0)
    """
    nodes = list(graph.nodes)
    table = pd.DataFrame(index=pd.Index(nodes, name="author_id"))
    table["name"] = [graph.nodes[n].get("name", n) for n in nodes]
    table["papers"] = [graph.nodes[n].get("papers", 0) for n in nodes]
    table["degree"] = [graph.degree(n) for n in nodes]
    table["strength"] = [graph.degree(n, weight="weight") for n in nodes]
    if graph.number_of_nodes() == 0:
        for measure in ("betweenness", "eigenvector", "pagerank"):
            table[measure] = pd.Series(dtype=float)
        return table
    sample = BETWEENNESS_SAMPLE if len(nodes) > BETWEENNESS_EXACT_LIMIT else None
    betweenness = nx.betweenness_centrality(graph, k=sample, seed=seed)
    table["betweenness"] = pd.Series(betweenness)
    table["eigenvector"] = pd.Series(_eigenvector(graph))
    table["pagerank"] = pd.Series(nx.pagerank(graph, weight="weight"))
    table = table.reset_index().sort_values(["pagerank", "author_id"], ascending=[False, True])
    return table.set_index("author_id")


def _eigenvector(graph: nx.Graph) -> dict[str, float]:
    """Weighted eigenvector centrality per connected component, by power
    iteration from a uniform start (deterministic), scaled to a maximum of 1.

    On a disconnected graph the leading eigenvector lives in one component
    and is 0 everywhere else, which says nothing about the other groups; per
    component, each group's central authors stand out. Isolated authors get 0.
    """
    scores = dict.fromkeys(graph, 0.0)
    for component in nx.connected_components(graph):
        if len(component) < 2:
            continue
        values = nx.eigenvector_centrality(
            ordered_subgraph(graph, component), weight="weight", max_iter=10000, tol=1e-12
        )
        top = max(values.values())
        scores.update({node: value / top for node, value in values.items()})
    return scores
