"""The engine helpers: engine names and their errors, the igraph copy of a
graph (order, weights, distances, the cache), node tables, integer
weights, distances and seeds, on hand-made graphs."""

from __future__ import annotations

import random
import sys

import igraph
import networkx as nx
import numpy as np
import pytest

from coauthor.analysis.engine import (
    as_networkx,
    check_distance,
    distance_attribute,
    integer_weights,
    node_table,
    pick_engine,
    runs_on_spark,
    seed_int,
    seeded,
    to_igraph,
)
from coauthor.errors import OptionError
from coauthor.graph.build import build_tables
from coauthor.names.resolve import authorship_table
from coauthor.records import Paper

PAPERS = [
    Paper("p1", "T", ["Cy Diaz", "Ann Lee"], 2000, "f:1"),
    Paper("p2", "T", ["Ann Lee", "Bo Chen"], 2001, "f:2"),
    Paper("p3", "T", ["Ann Lee", "Bo Chen", "Acme Corporation"], 2002, "f:3"),
    Paper("p4", "T", ["Zed Zulu"], 2003, "f:4"),  # alone: the last vertex has no link
]


def test_engine_names() -> None:
    assert [runs_on_spark(e) for e in ("spark", "auto", "igraph", "networkx")] == [True, False, False, False]
    with pytest.raises(OptionError) as error:
        runs_on_spark("dask")
    assert str(error.value) == "unknown engine 'dask' (use one of: auto, igraph, networkx, spark)"
    assert [pick_engine(e) for e in ("auto", "igraph", "networkx")] == ["igraph", "igraph", "networkx"]
    with pytest.raises(OptionError) as error:
        pick_engine("spark")
    assert str(error.value) == "unknown engine 'spark' (use one of: auto, igraph, networkx)"


def test_without_igraph_auto_is_networkx(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "igraph", None)  # import igraph raises ImportError
    assert pick_engine("auto") == "networkx" and pick_engine("networkx") == "networkx"
    with pytest.raises(OptionError) as error:
        pick_engine("igraph")
    assert str(error.value) == "the igraph engine needs python-igraph: pip install python-igraph"


def test_to_igraph_keeps_the_node_order_weights_and_distances() -> None:
    graph = nx.Graph()
    graph.add_nodes_from(["z", "a", "m"])
    graph.add_edge("z", "m", weight=4)
    graph.add_edge("a", "m")  # no weight: 1
    graph.add_node("q")  # the last vertex, without links
    hops = to_igraph(graph)
    assert hops.vcount() == 4 and [e.tuple for e in hops.es] == [(0, 2), (1, 2)]
    assert hops.es["weight"] == [4.0, 1.0] and hops.es["distance"] == [1.0, 1.0]
    assert not hops.is_directed()
    assert to_igraph(graph, "inverse-weight").es["distance"] == [0.25, 1.0]
    with pytest.raises(OptionError, match="unknown distance 'far'"):
        to_igraph(graph, "far")


def test_to_igraph_of_tables_is_cached_per_distance() -> None:
    tables = build_tables(authorship_table(PAPERS), "full", 50)
    hops = to_igraph(tables)
    assert to_igraph(tables) is hops and to_igraph(tables, "hops") is hops
    inverse = to_igraph(tables, "inverse-weight")
    assert inverse is not hops and to_igraph(tables, "inverse-weight") is inverse
    # node order: acme-corporation, ann-lee, bo-chen, cy-diaz; Ann-Bo twice
    edges = {tuple(sorted(e.tuple)): (w, d) for e, w, d in zip(inverse.es, inverse.es["weight"], inverse.es["distance"],
                                                             strict=True)}  # fmt: skip
    assert edges == {(0, 1): (1.0, 1.0), (0, 2): (1.0, 1.0), (1, 2): (2.0, 0.5), (1, 3): (1.0, 1.0)}
    assert hops.vcount() == 5 and hops.es["distance"] == [1.0] * 4 and not hops.is_directed()


def test_node_tables() -> None:
    graph = nx.Graph()
    graph.add_node("b", name="Bo Chen", papers=3, kind="organisation")
    graph.add_node("a")
    table = node_table(graph)
    assert table.index.name == "author_id" and table.index.tolist() == ["b", "a"] and table.index.dtype == object
    assert table.to_dict("list") == {"name": ["Bo Chen", "a"], "papers": [3, 0], "kind": ["organisation", "person"]}
    tables = build_tables(authorship_table(PAPERS), "full", 50)
    from_tables = node_table(tables)
    assert from_tables.index.name == "author_id" and list(from_tables.columns) == ["name", "papers", "kind"]
    assert from_tables["kind"].tolist() == ["organisation", "person", "person", "person", "person"]
    assert from_tables["papers"].tolist() == [1, 3, 2, 1, 1]
    tables.nodes = tables.nodes.drop(columns="kind")
    assert node_table(tables)["kind"].tolist() == ["person"] * 5


def test_as_networkx() -> None:
    graph = nx.path_graph(3)
    assert as_networkx(graph) is graph
    tables = build_tables(authorship_table(PAPERS), "full", 50)
    converted = as_networkx(tables)
    assert sorted(converted.edges(data="weight")) == [
        ("acme-corporation", "ann-lee", 1), ("acme-corporation", "bo-chen", 1), ("ann-lee", "bo-chen", 2),
        ("ann-lee", "cy-diaz", 1),
    ]  # fmt: skip


def test_integer_weights() -> None:
    assert integer_weights(nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": np.int64(1)})]))
    assert integer_weights(nx.Graph([("a", "b")]))  # no weight: 1
    assert not integer_weights(nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 0.5})]))
    assert not integer_weights(nx.Graph([("a", "b", {"weight": 2.0})]))
    authorships = authorship_table(PAPERS)
    assert integer_weights(build_tables(authorships, "full", 50))
    assert not integer_weights(build_tables(authorships, "fractional", 50))


def test_distances() -> None:
    assert check_distance("hops") == "hops" and check_distance("inverse-weight") == "inverse-weight"
    with pytest.raises(OptionError) as error:
        check_distance("far")
    assert str(error.value) == "unknown distance 'far' (use hops or inverse-weight)"
    graph = nx.Graph([("a", "b", {"weight": 4})])
    graph.add_edge("b", "c")
    assert distance_attribute(graph, "hops") is None
    assert nx.get_edge_attributes(graph, "distance") == {}
    assert distance_attribute(graph, "inverse-weight") == "distance"
    assert nx.get_edge_attributes(graph, "distance") == {("a", "b"): 0.25, ("b", "c"): 1.0}
    with pytest.raises(OptionError):
        distance_attribute(graph, "far")


def test_seed_int() -> None:
    assert seed_int(7) == 7 and type(seed_int(np.int64(7))) is int
    drawn = np.random.default_rng(1).integers(2**32)
    assert seed_int(np.random.default_rng(1)) == drawn and type(seed_int(np.random.default_rng(1))) is int
    fresh = {seed_int(None) for _ in range(5)}
    assert len(fresh) == 5 and all(0 <= s < 2**32 for s in fresh)


def test_seeded_gives_igraph_its_own_generator() -> None:
    """Inside the block igraph draws from random.Random(seed); nested blocks
    give the outer one back; after the block igraph draws from the global
    random module again."""

    def draw() -> list[tuple[int, int]]:
        return igraph.Graph.Erdos_Renyi(n=12, p=0.3).get_edgelist()

    igraph.set_random_number_generator(random.Random(5))
    five = draw()
    igraph.set_random_number_generator(random.Random(6))
    six = draw()
    igraph.set_random_number_generator(random)
    assert five != six
    with seeded(5):
        assert draw() == five
    with seeded(5):
        with seeded(6):
            assert draw() == six
        # the outer block's generator, untouched by the inner one
        assert draw() == five
    random.seed(11)
    first = draw()
    random.seed(11)
    with seeded(5):
        pass
    assert draw() == first
