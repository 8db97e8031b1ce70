"""Which groups exist: Leiden (default), Louvain or label propagation
(networkx's semi-synchronous variant, or the synchronous one that the Spark
engine also runs), with a seed; communities numbered by size."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import pandas as pd

from coauthor.analysis.engine import (
    DEFAULT_SEED,
    Seed,
    as_networkx,
    node_table,
    pick_engine,
    seed_int,
    seeded,
    to_igraph,
)
from coauthor.analysis.labelprop import sync_label_propagation
from coauthor.errors import OptionError
from coauthor.graph.build import GraphTables

if TYPE_CHECKING:
    import igraph

METHODS = ("leiden", "louvain", "label-propagation", "label-propagation-sync")
#: Leiden passes (igraph's default); -1 iterates until nothing changes: on 100k
#: synthetic papers that took 9x longer for +0.0025 modularity (0.711 -> 0.714).
LEIDEN_ITERATIONS = 2


def communities(
    graph: nx.Graph | GraphTables,
    method: str = "leiden",
    resolution: float = 1.0,
    seed: Seed = DEFAULT_SEED,
    engine: str = "auto",
) -> pd.DataFrame:
    """Communities of the weighted graph, numbered 0, 1, ... by size,
    largest first (ties by their first author id).

    Parameters
    ----------
    graph : networkx.Graph or GraphTables
        The collaboration graph (:func:`coauthor.coauthorship_graph`) or
        the tables of ``build_tables``.
    method : {"leiden", "louvain", "label-propagation", "label-propagation-sync"}
        ``leiden`` (igraph; modularity objective), ``louvain``,
        ``label-propagation`` (networkx's deterministic semi-synchronous
        variant, unweighted) or ``label-propagation-sync`` (synchronous and
        weighted, ties to the smallest author id: the same communities as
        the Spark engine's).
    resolution : float, default 1.0
        Modularity resolution: above 1, more and smaller communities.
    seed : int, numpy.random.Generator or None, default 42
        Seed of the randomised methods: the same seed gives the same
        communities.
    engine : {"auto", "igraph", "networkx"}
        As for :func:`coauthor.centrality`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``author_id``, with ``name``, ``community`` and
        ``community_size``, sorted by community then author id;
        ``attrs["modularity"]`` is the weighted modularity of the partition
        (``attrs`` also holds ``method``, ``resolution`` and ``seed``).

    Raises
    ------
    OptionError
        For an unknown method or engine, or Leiden on the networkx engine.

    Examples
    --------
    A triangle and a separate pair: two communities, the triangle first.
    Each has modularity share l/m - (d/2m)^2 with m = 4 links: 3/4 - (6/8)^2
    and 1/4 - (2/8)^2, 0.375 in all:

    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
    >>> table = communities(g)
    >>> table["community"].to_dict(), round(table.attrs["modularity"], 3)
    ({'a': 0, 'b': 0, 'c': 0, 'x': 1, 'y': 1}, 0.375)
    >>> table["community_size"].tolist()
    [3, 3, 3, 2, 2]
    """
    seed = seed_int(seed)
    if method not in METHODS:
        raise OptionError(f"unknown community method '{method}' (use one of: {', '.join(METHODS)})")
    engine = pick_engine(engine)
    nodes = node_table(graph)
    ids = nodes.index.to_numpy()
    if method == "label-propagation-sync":
        membership = _sync_membership(graph, ids)
    elif method == "label-propagation" or engine == "networkx":
        membership = _networkx_membership(as_networkx(graph), ids, method, resolution, seed)
    else:
        membership = _igraph_membership(to_igraph(graph), method, resolution, seed)
    # renumber: by size (largest first), ties by the smallest author id in the group
    table = pd.DataFrame({"author_id": ids, "group": membership}).sort_values("author_id")
    sizes = table.groupby("group")["author_id"].agg(["size", "first"])
    order = sizes.sort_values(["size", "first"], ascending=[False, True]).index
    number = pd.Series(np.arange(len(order)), index=order)
    table["community"] = number.loc[table["group"]].to_numpy()
    table["community_size"] = sizes["size"].loc[table["group"]].to_numpy()
    table["name"] = nodes["name"].loc[table["author_id"]].to_numpy()
    table = table.sort_values(["community", "author_id"]).set_index("author_id")
    table = table[["name", "community", "community_size"]]
    modularity = _modularity(graph, ids, table["community"].loc[ids].to_numpy())
    table.attrs.update(method=method, resolution=resolution, seed=seed, modularity=modularity)
    return table


def _networkx_membership(graph: nx.Graph, ids: np.ndarray, method: str, resolution: float, seed: int) -> np.ndarray:
    if method == "label-propagation":
        groups = nx.community.label_propagation_communities(graph)
    elif method == "louvain":
        groups = nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=seed)
    else:
        raise OptionError("Leiden needs the igraph engine (pip install python-igraph), or use --method louvain")
    label = {node: k for k, group in enumerate(groups) for node in group}
    return np.array([label[node] for node in ids])


def _sync_membership(graph: nx.Graph | GraphTables, ids: np.ndarray) -> np.ndarray:
    """Synchronous label propagation, nodes numbered in author id order."""
    rank = np.empty(len(ids), dtype=np.int64)
    rank[np.argsort(ids.astype(str), kind="stable")] = np.arange(len(ids))
    if isinstance(graph, GraphTables):
        pairs, weights = graph.positions(), graph.edges["weight"].to_numpy(dtype=float)
    else:
        position = {node: i for i, node in enumerate(ids)}
        pairs = np.array([(position[u], position[v]) for u, v in graph.edges], dtype=np.int64).reshape(-1, 2)
        weights = np.array([w for *_, w in graph.edges(data="weight", default=1.0)], dtype=float)
    labels, _ = sync_label_propagation(len(ids), rank[pairs], weights)
    return labels[rank]  # by node position, as the other methods


def _igraph_membership(g: igraph.Graph, method: str, resolution: float, seed: int) -> np.ndarray:
    with seeded(seed):
        if method == "leiden":
            clusters = g.community_leiden(
                objective_function="modularity", weights="weight", resolution=resolution, n_iterations=LEIDEN_ITERATIONS
            )
        else:
            clusters = g.community_multilevel(weights="weight", resolution=resolution)
    return np.asarray(clusters.membership)


def _modularity(graph: nx.Graph | GraphTables, ids: np.ndarray, membership: np.ndarray) -> float:
    """Weighted modularity (resolution 1) of the partition, computed by igraph
    when it is installed (the same formula as networkx's)."""
    g = to_igraph(graph) if pick_engine("auto") == "igraph" else None
    if g is None:
        nx_graph = as_networkx(graph)
        if nx_graph.number_of_edges() == 0:
            return 0.0
        groups = pd.Series(ids).groupby(membership).agg(set).tolist()
        return float(nx.community.modularity(nx_graph, groups, weight="weight"))
    if g.ecount() == 0:
        return 0.0
    return float(g.modularity(membership.tolist(), weights="weight"))
