"""Which groups exist: Louvain communities with a fixed seed."""

from __future__ import annotations

import networkx as nx
import pandas as pd


def communities(graph: nx.Graph, seed: int = 42, resolution: float = 1.0) -> pd.DataFrame:
    """Louvain communities (weighted), numbered 0, 1, ... by size, largest
    first (ties by their first author id).

    Returns a table indexed by ``author_id`` with ``name``, ``community`` and
    ``community_size``, sorted by community then author id.

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
    >>> communities(g)["community"].to_dict()
    {'a': 0, 'b': 0, 'c': 0, 'x': 1, 'y': 1}
    """
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed, resolution=resolution)
    groups = sorted((sorted(group) for group in found), key=lambda g: (-len(g), g[0]))
    rows = [
        (author_id, graph.nodes[author_id].get("name", author_id), number, len(group))
        for number, group in enumerate(groups)
        for author_id in group
    ]
    table = pd.DataFrame(rows, columns=["author_id", "name", "community", "community_size"])
    return table.set_index("author_id")
