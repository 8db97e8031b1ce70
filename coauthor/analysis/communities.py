"""Which groups exist: Leiden (default), Louvain or label propagation, with
a seed; communities numbered by size."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from coauthor.analysis.engine import pick_engine, seeded, to_igraph
from coauthor.errors import OptionError

METHODS = ("leiden", "louvain", "label-propagation")


def communities(
    graph: nx.Graph,
    method: str = "leiden",
    resolution: float = 1.0,
    seed: int = 42,
    engine: str = "auto",
) -> pd.DataFrame:
    """Communities of the weighted graph, numbered 0, 1, ... by size, largest
    first (ties by their first author id).

    ``method``: ``leiden`` (igraph; modularity objective), ``louvain`` or
    ``label-propagation`` (networkx's deterministic semi-synchronous
    variant). Returns a table indexed by ``author_id`` with ``name``,
    ``community`` and ``community_size``, sorted by community then author
    id; ``attrs["modularity"]`` is the weighted modularity of the partition.

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
    >>> table = communities(g)
    >>> table["community"].to_dict(), round(table.attrs["modularity"], 3)
    ({'a': 0, 'b': 0, 'c': 0, 'x': 1, 'y': 1}, 0.375)
    """
    if method not in METHODS:
        raise OptionError(f"unknown community method '{method}' (use one of: {', '.join(METHODS)})")
    groups = _find(graph, method, resolution, seed, pick_engine(engine))
    ordered = sorted((sorted(group) for group in groups if group), key=lambda g: (-len(g), g[0]))
    rows = [
        (author_id, graph.nodes[author_id].get("name", author_id), number, len(group))
        for number, group in enumerate(ordered)
        for author_id in group
    ]
    table = pd.DataFrame(rows, columns=["author_id", "name", "community", "community_size"]).set_index("author_id")
    modularity = nx.community.modularity(graph, ordered, weight="weight") if graph.number_of_edges() else 0.0
    table.attrs.update(method=method, resolution=resolution, seed=seed, modularity=modularity)
    return table


def _find(graph: nx.Graph, method: str, resolution: float, seed: int, engine: str) -> list[set[str]]:
    if method == "label-propagation":
        return [set(c) for c in nx.community.label_propagation_communities(graph)]
    if method == "louvain" and engine == "networkx":
        return nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=seed)
    if method == "leiden" and engine == "networkx":
        raise OptionError("Leiden needs the igraph engine (pip install python-igraph), or use --method louvain")
    g = to_igraph(graph)
    with seeded(seed):
        if method == "leiden":
            clusters = g.community_leiden(
                objective_function="modularity", weights="weight", resolution=resolution, n_iterations=-1
            )
        else:
            clusters = g.community_multilevel(weights="weight", resolution=resolution)
    nodes = list(graph.nodes)
    return [{nodes[v] for v in members} for members in clusters]
