"""Who is central: degree, strength, betweenness, closeness, eigenvector,
PageRank, k-core number and clustering coefficient."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import pandas as pd

from coauthor.analysis.engine import (
    DEFAULT_SEED,
    Seed,
    as_networkx,
    check_distance,
    distance_attribute,
    integer_weights,
    node_table,
    pick_engine,
    seed_int,
    seeded,
    to_igraph,
)
from coauthor.analysis.parallel import DistanceSums, path_pool, resolve_jobs
from coauthor.errors import OptionError
from coauthor.graph.build import GraphTables, ordered_subgraph
from coauthor.names.parse import ORGANISATION

if TYPE_CHECKING:
    import igraph

#: Above this many nodes betweenness and closeness are estimated from
#: ``BETWEENNESS_SAMPLE`` source nodes drawn with the seed (closeness: per
#: component; exact below the limit); the table's ``attrs`` say so. Exact
#: all-pairs paths on 20,000 authors took 22 s for closeness alone.
BETWEENNESS_EXACT_LIMIT = 5000
BETWEENNESS_SAMPLE = 1000

MEASURES = ("degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank", "core", "clustering")
DAMPING = 0.85


def centrality(
    graph: nx.Graph | GraphTables,
    measures: Sequence[str] = MEASURES,
    distance: str = "hops",
    seed: Seed = DEFAULT_SEED,
    engine: str = "auto",
    jobs: int | None = None,
) -> pd.DataFrame:
    """Centrality of every author, sorted by PageRank (highest first) when it
    is computed, else in node order.

    Above 5,000 authors, betweenness and closeness are estimated from 1,000
    seeded source authors (exact paths between all pairs cost hours at that
    size); ``attrs["betweenness_sample"]`` of the table is the number of
    sampled sources, or None when they are exact.

    Parameters
    ----------
    graph : networkx.Graph or GraphTables
        The collaboration graph (:func:`coauthor.coauthorship_graph`) or, for
        speed on large data, the tables of ``build_tables``.
    measures : sequence of str, optional
        Which columns to compute, of ``degree`` (co-authors), ``strength``
        (sum of edge weights), ``betweenness`` and ``closeness``
        (normalised as networkx does), ``eigenvector`` (weighted, per
        connected component, max 1 in each), ``pagerank`` (weighted,
        damping 0.85), ``core`` (k-core number) and ``clustering`` (local
        clustering coefficient, unweighted). Default: all of them.
    distance : {"hops", "inverse-weight"}
        Path length for betweenness and closeness: hops, or 1/weight (a
        heavy link is a short one).
    seed : int, numpy.random.Generator or None, default 42
        Seed of the sampled sources.
    engine : {"auto", "igraph", "networkx"}
        igraph (compiled, fast), networkx (the reference) or ``auto``
        (igraph when it is installed).
    jobs : int, optional
        Processes for sampled betweenness and closeness with igraph (None:
        every CPU); the result is the same bytes for any number.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``author_id``: ``name``, ``papers``, ``kind``, then the
        columns of ``measures``.

    Raises
    ------
    OptionError
        For an unknown measure or engine, ``engine="igraph"`` without
        python-igraph installed, or an unknown ``distance`` with the
        networkx engine.

    Examples
    --------
    On a path a - b - c whose first link is twice as heavy, b is on the
    one path between a and c (betweenness 1) and has both links (strength
    2 + 1):

    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
    >>> table = centrality(g, engine="networkx")
    >>> row = table.loc["b"]
    >>> int(row["degree"]), int(row["strength"]), float(row["betweenness"]), int(row["core"])
    (2, 3, 1.0, 1)
    >>> table.index[0], table.attrs["betweenness_sample"]
    ('b', None)
    >>> centrality(g, measures=["fame"])
    Traceback (most recent call last):
    coauthor.errors.OptionError: unknown centrality measure(s) ['fame'] (use: degree, strength, ...)
    """
    seed = seed_int(seed)
    check_distance(distance)
    unknown = set(measures) - set(MEASURES)
    if unknown:
        raise OptionError(f"unknown centrality measure(s) {sorted(unknown)} (use: {', '.join(MEASURES)})")
    jobs = resolve_jobs(jobs)
    table = node_table(graph)
    sample = BETWEENNESS_SAMPLE if len(table) > BETWEENNESS_EXACT_LIMIT else None
    wanted = [m for m in MEASURES if m in measures]
    if pick_engine(engine) == "igraph":
        g = to_igraph(graph, distance)
        values = _igraph_measures(g, integer_weights(graph), wanted, distance, seed, sample, jobs)
    else:
        values = _networkx_measures(as_networkx(graph), wanted, distance, seed, sample)
    for measure in wanted:
        table[measure] = values[measure]
    table.attrs["betweenness_sample"] = sample if {"betweenness", "closeness"} & set(measures) else None
    if "pagerank" in table:
        # rank on PageRank rounded to 12 digits, so float noise between
        # engines never reorders authors whose scores tie (symmetric positions)
        order = table.assign(rank=-table["pagerank"].astype(float).round(12)).reset_index()
        table = table.loc[order.sort_values(["rank", "author_id"])["author_id"]]
    return table


def people_first(table: pd.DataFrame) -> pd.DataFrame:
    """The centrality table with the organisations (``kind``) after every
    person, each group in its order: the person ranking.

    >>> table = pd.DataFrame({"kind": ["organisation", "person", "person"]}, index=["o", "a", "b"])
    >>> people_first(table).index.tolist()
    ['a', 'b', 'o']
    """
    if "kind" not in table:
        return table
    return table.iloc[np.argsort(table["kind"].eq(ORGANISATION).to_numpy(), kind="stable")]


def sample_sources(nodes: Sequence[object], k: int, seed: int) -> list[int]:
    """Positions of ``k`` nodes drawn with ``seed``, the same for both engines."""
    rng = np.random.default_rng(seed)
    return sorted(rng.choice(len(nodes), size=k, replace=False).tolist())


def _networkx_measures(
    graph: nx.Graph, measures: list[str], distance: str, seed: int, sample: int | None
) -> dict[str, list[float]]:
    nodes = list(graph.nodes)
    out: dict[str, list[float]] = {}
    if "degree" in measures:
        out["degree"] = [graph.degree(n) for n in nodes]
    if "strength" in measures:
        out["strength"] = [graph.degree(n, weight="weight") for n in nodes]
    path_weight = distance_attribute(graph, distance) if {"betweenness", "closeness"} & set(measures) else None
    if "betweenness" in measures:
        if sample:
            sources = [nodes[i] for i in sample_sources(nodes, sample, seed)]
            raw = nx.betweenness_centrality_subset(graph, sources, nodes, normalized=False, weight=path_weight)
            n = len(nodes)
            scale = (n / sample) * 2.0 / ((n - 1) * (n - 2))
            values = {node: value * scale for node, value in raw.items()}
        else:
            values = nx.betweenness_centrality(graph, weight=path_weight)
        out["betweenness"] = [values[n] for n in nodes]
    if "closeness" in measures:
        if sample:
            position = {node: i for i, node in enumerate(nodes)}
            components = [sorted(position[v] for v in c) for c in nx.connected_components(graph)]
            sums = _nx_distance_sums(graph, nodes, path_weight)
            out["closeness"] = closeness_sampled(len(nodes), components, sums, sample, seed)
        else:
            values = nx.closeness_centrality(graph, distance=path_weight)
            out["closeness"] = [values[n] for n in nodes]
    if "eigenvector" in measures:
        values = _eigenvector_networkx(graph)
        out["eigenvector"] = [values[n] for n in nodes]
    if "pagerank" in measures:
        values = nx.pagerank(graph, alpha=DAMPING, weight="weight", tol=1e-12, max_iter=10000)
        out["pagerank"] = [values[n] for n in nodes]
    if "core" in measures:
        values = nx.core_number(graph)
        out["core"] = [values[n] for n in nodes]
    if "clustering" in measures:
        values = nx.clustering(graph)
        out["clustering"] = [values[n] for n in nodes]
    return out


def _eigenvector_networkx(graph: nx.Graph) -> dict[str, float]:
    """Weighted eigenvector centrality per connected component, by power
    iteration from a uniform start, scaled to a maximum of 1.

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


def _igraph_measures(
    g: igraph.Graph,
    integer: bool,
    measures: list[str],
    distance: str,
    seed: int,
    sample: int | None,
    jobs: int | None = None,
) -> dict[str, list[float]]:
    n = g.vcount()
    out: dict[str, list[float]] = {}
    if "degree" in measures:
        out["degree"] = g.degree()
    if "strength" in measures:
        strength = g.strength(weights="weight")
        out["strength"] = [round(v) for v in strength] if integer else strength
    path_weight = None if distance == "hops" else "distance"
    if sample and {"betweenness", "closeness"} & set(measures):
        out |= _sampled_paths(g, measures, path_weight, seed, sample, jobs)
    else:
        if "betweenness" in measures:
            raw = np.asarray(g.betweenness(weights=path_weight), dtype=float) if n else np.zeros(0)
            out["betweenness"] = (raw * (2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0)).tolist()
        if "closeness" in measures:
            out["closeness"] = _closeness_wf(g, path_weight, n)
    if "eigenvector" in measures:
        with seeded(seed):
            out["eigenvector"] = _eigenvector_igraph(g)
    if "pagerank" in measures:
        out["pagerank"] = g.pagerank(weights="weight", damping=DAMPING) if g.ecount() else [1.0 / max(n, 1)] * n
    if "core" in measures:
        out["core"] = g.coreness()
    if "clustering" in measures:
        out["clustering"] = g.transitivity_local_undirected(mode="zero")
    return out


def _sampled_paths(
    g: igraph.Graph, measures: list[str], weights: str | None, seed: int, sample: int, jobs: int | None
) -> dict[str, list[float]]:
    """Betweenness and closeness from ``sample`` seeded sources, their
    shortest paths computed by ``jobs`` processes."""
    n = g.vcount()
    out: dict[str, list[float]] = {}
    with path_pool(g, jobs) as pool:
        if "betweenness" in measures:
            raw = pool.betweenness(sample_sources(range(n), sample, seed), weights)
            out["betweenness"] = (raw * (2.0 / ((n - 1) * (n - 2)) * n / sample)).tolist()
        if "closeness" in measures:
            # components up to ``sample`` authors are exact anyway: one closeness call over all of them, as
            # one distances call per component costs O(n) each (minutes for 50,000 small components)
            components = [sorted(c) for c in g.connected_components()]
            large = [c for c in components if len(c) > sample]
            small = sorted(v for c in components if len(c) <= sample for v in c)
            sums = partial(pool.distance_sums, weights=weights)
            closeness = np.asarray(closeness_sampled(n, large, sums, sample, seed))
            closeness[small] = _closeness_wf(g.induced_subgraph(small), weights, n)
            out["closeness"] = closeness.tolist()
    return out


def _closeness_wf(g: igraph.Graph, weights: str | None, n: int) -> list[float]:
    """Closeness over reachable authors, scaled by (r − 1)/(n − 1) as
    networkx does (Wasserman and Faust), so both engines agree; ``n`` is the
    number of authors of the whole graph (``g`` may be a union of its
    components)."""
    raw = g.closeness(weights=weights, normalized=True)
    components = g.connected_components()
    sizes, membership = components.sizes(), components.membership
    out = []
    for v, value in enumerate(raw):
        reach = sizes[membership[v]]
        out.append(0.0 if value != value or reach < 2 or n < 2 else value * (reach - 1) / (n - 1))
    return out


def closeness_sampled(
    n: int, components: list[list[int]], distance_sums: DistanceSums, sample: int, seed: int
) -> list[float]:
    """Closeness (Wasserman-Faust, as networkx) estimated from at most
    ``sample`` distinct source authors per connected component, drawn by
    ``numpy.random.default_rng([seed, first member])`` (Eppstein & Wang
    2004): an author's mean distance to the sources stands for its mean
    distance to everyone it can reach. Components no larger than
    ``sample`` use every member as a source, so their values are exact.

    ``components`` are lists of node positions; ``distance_sums(sources,
    targets)`` returns, per target, the sum of its path lengths to the sources.
    """
    out = np.zeros(n)
    for members in components:
        reach = len(members)
        if reach < 2:
            continue
        rng = np.random.default_rng([seed, members[0]])  # the same draw whatever the component order
        sources = members if reach <= sample else sorted(rng.choice(members, size=sample, replace=False).tolist())
        totals = distance_sums(sources, members)
        counts = np.full(reach, float(len(sources)))
        counts[np.searchsorted(members, sources)] -= 1  # a source's distance to itself is no sample
        out[members] = (reach - 1) / (n - 1) * counts / totals
    return out.tolist()


def _nx_distance_sums(graph: nx.Graph, nodes: list[str], weight: str | None) -> DistanceSums:
    def distance_sums(sources: Sequence[int], targets: list[int]) -> np.ndarray:
        totals = np.zeros(len(targets))
        for source in sources:
            if weight is None:
                lengths = nx.single_source_shortest_path_length(graph, nodes[source])
            else:
                lengths = nx.single_source_dijkstra_path_length(graph, nodes[source], weight=weight)
            totals += np.asarray([lengths[nodes[t]] for t in targets], dtype=float)
        return totals

    return distance_sums


def _eigenvector_igraph(g: igraph.Graph) -> list[float]:
    scores = [0.0] * g.vcount()
    for members in g.connected_components():
        if len(members) < 2:
            continue
        sub = g.induced_subgraph(members)
        with warnings.catch_warnings():  # igraph's note on near-zero scores is about disconnected graphs;
            warnings.filterwarnings("ignore", "Some eigenvector centralities are nearly zero", RuntimeWarning)
            values = sub.eigenvector_centrality(weights="weight", scale=False)  # each sub is connected
        top = max(values)
        for vertex, value in zip(members, values, strict=True):
            scores[vertex] = value / top
    return scores
