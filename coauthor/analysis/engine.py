"""Which library runs the heavy algorithms: python-igraph (compiled, the
default) or networkx (the reference). Both see the graph in the same node
order, so their results line up."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import pandas as pd

from coauthor.errors import OptionError
from coauthor.graph.build import GraphTables, tables_to_networkx
from coauthor.names.parse import PERSON

if TYPE_CHECKING:
    import igraph

ENGINES = ("auto", "igraph", "networkx")
#: The seed of every randomised step (communities, sampled paths, layouts)
#: unless one is given: the same input gives the same bytes.
DEFAULT_SEED = 42
#: A seed as the randomised functions take it: an int, a numpy Generator
#: (one int is drawn from it) or None (a fresh, unpredictable seed).
Seed = int | np.random.Generator | None
#: The engine that runs whole jobs (read, build, filter, analyse) on Apache
#: Spark DataFrames: :mod:`coauthor.spark`, imported only when chosen.
SPARK = "spark"
#: Table formats the Spark engine writes (folders of part files).
SPARK_TABLES = ("parquet", "csv")
#: Where the Spark engine runs unless told: every core of this machine.
DEFAULT_SPARK_MASTER = "local[*]"
#: Every value an ``engine`` option takes.
ENGINE_CHOICES = (*ENGINES, SPARK)
#: Path lengths of betweenness and closeness: one per link, or 1/weight
#: (a heavy link is a short one).
DISTANCES = ("hops", "inverse-weight")


def runs_on_spark(engine: str) -> bool:
    """Whether ``engine`` is the Spark engine (whole jobs on a cluster)
    rather than a single-machine one; OptionError for an unknown engine.

    >>> runs_on_spark("spark"), runs_on_spark("auto")
    (True, False)
    """
    if engine not in ENGINE_CHOICES:
        raise OptionError(f"unknown engine '{engine}' (use one of: {', '.join(ENGINE_CHOICES)})")
    return engine == SPARK


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


def to_igraph(graph: nx.Graph | GraphTables, distance: str = "hops") -> igraph.Graph:
    """The graph (networkx, or the tables of :func:`coauthor.graph.build_tables`)
    as igraph, vertices in node order, with edge attributes ``weight`` and
    ``distance`` (1 per hop, or 1/weight)."""
    import igraph

    if isinstance(graph, GraphTables):
        key = f"igraph:{distance}"
        if key not in graph.cache:  # PageRank, communities, ... share one copy
            graph.cache[key] = _tables_to_igraph(graph, distance)
        return graph.cache[key]
    position = {node: i for i, node in enumerate(graph.nodes)}
    edges = [(position[u], position[v]) for u, v in graph.edges]
    weights = np.array([w for _, _, w in graph.edges(data="weight", default=1.0)], dtype=float)
    return _with_weights(igraph.Graph(n=len(position), edges=edges, directed=False), weights, distance)


def _tables_to_igraph(graph: GraphTables, distance: str) -> igraph.Graph:
    import igraph

    pairs = graph.positions()
    weights = graph.edges["weight"].to_numpy(dtype=float)
    # a list of int pairs converts 3x faster than a numpy array
    edges = list(zip(pairs[:, 0].tolist(), pairs[:, 1].tolist(), strict=True))
    return _with_weights(igraph.Graph(n=len(graph.nodes), edges=edges, directed=False), weights, distance)


def _with_weights(result: igraph.Graph, weights: np.ndarray, distance: str) -> igraph.Graph:
    result.es["weight"] = weights
    result.es["distance"] = 1.0 / weights if check_distance(distance) == "inverse-weight" else np.ones(len(weights))
    return result


def node_table(graph: nx.Graph | GraphTables) -> pd.DataFrame:
    """Author ids (index, in node order) with ``name``, ``papers`` and
    ``kind`` (``person`` or ``organisation``; ``person`` where unknown)."""
    if isinstance(graph, GraphTables):
        table = graph.nodes[["name", "papers"]].rename_axis("author_id")
        return table.assign(kind=graph.nodes["kind"] if "kind" in graph.nodes else PERSON)
    nodes = list(graph.nodes)
    return pd.DataFrame(
        {
            "name": [graph.nodes[n].get("name", n) for n in nodes],
            "papers": [graph.nodes[n].get("papers", 0) for n in nodes],
            "kind": [graph.nodes[n].get("kind", PERSON) for n in nodes],
        },
        index=pd.Index(nodes, name="author_id", dtype=object),
    )


def as_networkx(graph: nx.Graph | GraphTables) -> nx.Graph:
    """The graph as networkx (the reference engine needs it)."""
    return tables_to_networkx(graph) if isinstance(graph, GraphTables) else graph


def integer_weights(graph: nx.Graph | GraphTables) -> bool:
    """True when every edge weight is an integer (the ``full`` weighting)."""
    if isinstance(graph, GraphTables):
        return graph.edges["weight"].dtype.kind in "iu"
    return all(isinstance(w, int | np.integer) for _, _, w in graph.edges(data="weight", default=1))


def check_distance(distance: str) -> str:
    """``distance`` when it is one of :data:`DISTANCES`, else OptionError
    (whichever engine runs, before any work).

    >>> check_distance("far")
    Traceback (most recent call last):
    coauthor.errors.OptionError: unknown distance 'far' (use hops or inverse-weight)
    """
    if distance not in DISTANCES:
        raise OptionError(f"unknown distance '{distance}' (use {' or '.join(DISTANCES)})")
    return distance


def distance_attribute(graph: nx.Graph, distance: str) -> str | None:
    """Put the edge ``distance`` attribute on a networkx graph and return its
    name for shortest-path algorithms (None: hop distance)."""
    if check_distance(distance) == "hops":
        return None
    nx.set_edge_attributes(graph, {(u, v): 1.0 / w for u, v, w in graph.edges(data="weight", default=1.0)}, "distance")
    return "distance"


def seed_int(seed: Seed) -> int:
    """The int seed that ``seed`` stands for (what igraph, the run metadata
    and every draw below take).

    >>> seed_int(7), seed_int(np.random.default_rng(1)) == seed_int(np.random.default_rng(1))
    (7, True)
    """
    if seed is None:
        seed = np.random.default_rng()
    if isinstance(seed, np.random.Generator):
        return int(seed.integers(2**32))
    return int(seed)


_IGRAPH_RANDOM = threading.RLock()
_generators: list[random.Random] = []


@contextmanager
def seeded(seed: int) -> Iterator[None]:
    """Give igraph (community search, ARPACK start vectors, layouts) a
    generator of its own, ``random.Random(seed)``, for the block: the global
    ``random`` module is never reseeded. igraph has one generator per
    process, so blocks take turns, and a nested block gives the outer one
    back when it ends."""
    import igraph

    with _IGRAPH_RANDOM:
        _generators.append(random.Random(seed))
        igraph.set_random_number_generator(_generators[-1])
        try:
            yield
        finally:
            _generators.pop()
            igraph.set_random_number_generator(_generators[-1] if _generators else random)
