"""communities(): each method and option against the library that runs it
called directly with the documented settings, or a hand-worked partition;
the numbering, the attrs, the modularity and the errors."""

from __future__ import annotations

import importlib
import random

import igraph
import networkx as nx
import pytest
from skewed_papers import random_papers

from coauthor.analysis.communities import communities
from coauthor.errors import OptionError
from coauthor.graph.build import build_tables, coauthorship_graph
from coauthor.names.resolve import authorship_table
from coauthor.records import Paper

module = importlib.import_module("coauthor.analysis.communities")


@pytest.fixture(scope="module")
def graph() -> nx.Graph:
    return coauthorship_graph(random_papers(5, 400))


def partition(table) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset(members.index) for _, members in table.groupby("community")}


def igraph_partition(graph: nx.Graph, seed: int, method: str, resolution: float) -> set[frozenset[str]]:
    """igraph run directly on the graph: Leiden (modularity, weighted, two
    iterations) or multilevel (Louvain), its generator random.Random(seed)."""
    nodes = list(graph)
    position = {n: i for i, n in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), edges=[(position[u], position[v]) for u, v in graph.edges])
    g.es["weight"] = [float(w) for *_, w in graph.edges(data="weight")]
    igraph.set_random_number_generator(random.Random(seed))
    try:
        if method == "leiden":
            found = g.community_leiden(
                objective_function="modularity", weights="weight", resolution=resolution, n_iterations=2
            )
        else:
            found = g.community_multilevel(weights="weight", resolution=resolution)
    finally:
        igraph.set_random_number_generator(random)
    return {frozenset(nodes[v] for v in members) for members in found}


@pytest.mark.parametrize(
    ("method", "resolution", "seed"), [("leiden", 1.0, 3), ("leiden", 2.0, 4), ("louvain", 2.0, 5)]
)
def test_igraph_methods_are_igraphs(graph: nx.Graph, method: str, resolution: float, seed: int) -> None:
    table = communities(graph, method=method, resolution=resolution, seed=seed, engine="igraph")
    assert partition(table) == igraph_partition(graph, seed, method, resolution)
    assert table.attrs["method"] == method and table.attrs["resolution"] == resolution and table.attrs["seed"] == seed


def test_leiden_and_louvain_differ_here(graph: nx.Graph) -> None:
    """So that the test above tells the two methods (and the resolutions) apart."""
    assert igraph_partition(graph, 3, "leiden", 1.0) != igraph_partition(graph, 3, "louvain", 1.0)
    assert igraph_partition(graph, 3, "leiden", 1.0) != igraph_partition(graph, 3, "leiden", 2.0)


@pytest.mark.parametrize(("resolution", "seed"), [(1.0, 1), (2.0, 2)])
def test_networkx_louvain_is_networkxs(graph: nx.Graph, resolution: float, seed: int) -> None:
    table = communities(graph, method="louvain", resolution=resolution, seed=seed, engine="networkx")
    expected = nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=seed)
    assert partition(table) == {frozenset(c) for c in expected}
    assert {frozenset(c) for c in expected} != igraph_partition(graph, seed, "louvain", resolution)


@pytest.mark.parametrize("engine", ["igraph", "networkx"])
def test_label_propagation_is_networkxs_on_either_engine(graph: nx.Graph, engine: str) -> None:
    expected = {frozenset(c) for c in nx.community.label_propagation_communities(graph)}
    assert partition(communities(graph, method="label-propagation", engine=engine)) == expected
    assert expected != igraph_partition(graph, 42, "louvain", 1.0)


def test_the_default_resolution_is_1(graph: nx.Graph) -> None:
    table = communities(graph)
    assert table.attrs["resolution"] == 1.0 and table.attrs["method"] == "leiden" and table.attrs["seed"] == 42
    assert partition(table) == igraph_partition(graph, 42, "leiden", 1.0)


def test_sync_label_propagation_reads_missing_weights_as_one() -> None:
    """c - a has no weight (1), c - b weighs 1.5; ids in order a, b, c. By
    hand (module rules): round 1 a keeps a (tie 1 : 1, smallest), b keeps b,
    c takes b (b 1.5 ties c's own 1.5, b is smaller); round 2 nothing
    changes. {b, c} is community 0, {a} community 1. (Were c - a 2, c would
    take a and then everyone a.)"""
    graph = nx.Graph()
    graph.add_edge("c", "a")
    graph.add_edge("c", "b", weight=1.5)
    table = communities(graph, method="label-propagation-sync")
    assert table["community"].to_dict() == {"b": 0, "c": 0, "a": 1}
    assert table["community_size"].tolist() == [2, 2, 1]


def test_sync_label_propagation_on_tables() -> None:
    """Path Ann - Bo - Cy and a pair Dee - Eve, all weights 1: by hand Cy
    takes Bo's label in round 1, then Ann's in round 2: two communities."""
    papers = [
        Paper("p1", "T", ["Ann Lee", "Bo Chen"], 2000, "f:1"),
        Paper("p2", "T", ["Bo Chen", "Cy Diaz"], 2000, "f:2"),
        Paper("p3", "T", ["Dee Ek", "Eve Fu"], 2000, "f:3"),
    ]
    table = communities(build_tables(authorship_table(papers), "full", 50), method="label-propagation-sync")
    assert table["community"].to_dict() == {"ann-lee": 0, "bo-chen": 0, "cy-diaz": 0, "dee-ek": 1, "eve-fu": 1}


def test_equal_sizes_are_numbered_by_their_smallest_author_id() -> None:
    graph = nx.Graph([("x", "y"), ("y", "z"), ("x", "z"), ("a", "b"), ("b", "c"), ("a", "c"), ("m", "n")])
    table = communities(graph)
    assert table["community"].to_dict() == {"a": 0, "b": 0, "c": 0, "x": 1, "y": 1, "z": 1, "m": 2, "n": 2}
    assert table.index.tolist() == ["a", "b", "c", "x", "y", "z", "m", "n"]


@pytest.mark.parametrize("fallback", [False, True])
def test_modularity_by_hand(fallback: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Weighted modularity Σ l_c/m − (d_c/2m)²: triangle a, b, c (weights
    1, 1, 2) and pair x - y (weight 4), m = 8: (4/8 − (8/16)²) + (4/8 −
    (8/16)²) = 0.5; without links 0. ``fallback``: as without igraph (the
    networkx formula)."""
    if fallback:
        monkeypatch.setattr(module, "pick_engine", lambda engine: "networkx")
    graph = nx.Graph([("a", "b", {"weight": 1}), ("b", "c", {"weight": 1}), ("a", "c", {"weight": 2})])
    graph.add_edge("x", "y", weight=4)
    method = "louvain" if fallback else "leiden"
    assert communities(graph, method=method).attrs["modularity"] == pytest.approx(0.5)
    assert communities(nx.empty_graph(["a", "b"]), method=method).attrs["modularity"] == 0.0
    assert communities(nx.Graph([("a", "b")]), method=method).attrs["modularity"] == 0.0


def test_unknown_method_engine_and_leiden_on_networkx_are_errors(graph: nx.Graph) -> None:
    with pytest.raises(OptionError) as error:
        communities(graph, method="walktrap")
    assert str(error.value) == (
        "unknown community method 'walktrap' (use one of: leiden, louvain, label-propagation, label-propagation-sync)"
    )
    with pytest.raises(OptionError) as error:
        communities(graph, engine="networkx")
    assert str(error.value) == ("Leiden needs the igraph engine (pip install python-igraph), or use --method louvain")
    with pytest.raises(OptionError, match="unknown engine 'bogus'"):
        communities(graph, engine="bogus")
