"""Which library runs the heavy algorithms: python-igraph (compiled, the
default) or networkx (the reference). Both see the graph in the same node
order, so their results line up."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import networkx as nx

from coauthor.errors import OptionError

if TYPE_CHECKING:
    import igraph

ENGINES = ("auto", "igraph", "networkx")


def pick_engine(engine: str) -> str:
    """``"igraph"`` or ``"networkx"``; ``auto`` is igraph when it is installed."""
    if engine not in ENGINES:
        raise OptionError(f"unknown engine '{engine}' (use one of: {', '.join(ENGINES)})")
    if engine == "networkx":
        return engine
    try:
        import igraph  # noqa: F401
    except ImportError as exc:
        if engine == "igraph":
            raise OptionError("the igraph engine needs python-igraph: pip install python-igraph") from exc
        return "networkx"
    return "igraph"


def to_igraph(graph: nx.Graph, distance: str = "hops") -> igraph.Graph:
    """The graph as igraph, vertices in ``graph.nodes`` order, with edge
    attributes ``weight`` and ``distance`` (1 per hop, or 1/weight)."""
    import igraph

    index = {node: i for i, node in enumerate(graph.nodes)}
    edges = [(index[u], index[v]) for u, v in graph.edges]
    weights = [float(w) for _, _, w in graph.edges(data="weight", default=1.0)]
    result = igraph.Graph(n=len(index), edges=edges, directed=False)
    result.es["weight"] = weights
    result.es["distance"] = [1.0 / w for w in weights] if distance == "inverse-weight" else [1.0] * len(weights)
    return result


def distance_attribute(graph: nx.Graph, distance: str) -> str | None:
    """Put the edge ``distance`` attribute on a networkx graph and return its
    name for shortest-path algorithms (None: hop distance)."""
    if distance == "hops":
        return None
    if distance != "inverse-weight":
        raise OptionError(f"unknown distance '{distance}' (use hops or inverse-weight)")
    nx.set_edge_attributes(graph, {(u, v): 1.0 / w for u, v, w in graph.edges(data="weight", default=1.0)}, "distance")
    return "distance"


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """Seed Python's ``random`` (igraph's random source: community search,
    ARPACK start vectors) for the block, restoring its state afterwards."""
    state = random.getstate()
    random.seed(seed)
    try:
        yield
    finally:
        random.setstate(state)
