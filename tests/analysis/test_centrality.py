"""centrality() on small graphs worked out by hand (or by networkx on the
same graph), on both engines: the ranking, the sampling switch, the edge
cases and the helpers."""

from __future__ import annotations

import importlib
import itertools
import math
import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from coauthor.analysis.centrality import centrality, closeness_sampled, people_first, sample_sources
from coauthor.errors import OptionError
from coauthor.graph.build import coauthorship_graph
from coauthor.records import Paper

ENGINES = ["igraph", "networkx"]
module = importlib.import_module("coauthor.analysis.centrality")


def path(names: list[str], weight: float = 1) -> nx.Graph:
    return nx.Graph([(u, v, {"weight": weight}) for u, v in itertools.pairwise(names)])


def test_an_unknown_measure_is_named_with_the_known_ones() -> None:
    with pytest.raises(OptionError) as error:
        centrality(path(["a", "b"]), measures=["degree", "fame", "bogus"])
    assert str(error.value) == (
        "unknown centrality measure(s) ['bogus', 'fame'] "
        "(use: degree, strength, betweenness, closeness, eigenvector, pagerank, core, clustering)"
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_rows_are_sorted_by_pagerank_then_author_id(engine: str) -> None:
    """A hub h with leaves a and b, and c - d hanging off h; nodes added in
    another order. networkx's PageRank on the same graph gives the order;
    a and b tie (symmetric) and go by id."""
    graph = nx.Graph([("d", "c", {"weight": 1}), ("c", "h", {"weight": 2}), ("b", "h", {"weight": 1})])
    graph.add_edge("a", "h", weight=1)
    table = centrality(graph, engine=engine)
    rank = nx.pagerank(graph, alpha=0.85, weight="weight")
    assert table.index.tolist() == sorted(graph, key=lambda n: (-round(rank[n], 12), n))
    order = table.index.tolist()
    assert order[:2] == ["h", "c"] and order.index("a") + 1 == order.index("b")
    without = centrality(graph, measures=("degree",), engine=engine)
    assert without.index.tolist() == ["d", "c", "h", "b", "a"]  # node order without PageRank


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("nodes", "rank"), [([], []), (["a"], [1.0]), (["a", "b", "c"], [1 / 3] * 3)])
def test_graphs_without_links(engine: str, nodes: list[str], rank: list[float]) -> None:
    """No link: PageRank is uniform, 1/n (1 for a lone author), every other
    measure 0; an empty graph gives an empty table."""
    table = centrality(nx.empty_graph(nodes), engine=engine)
    assert table.index.tolist() == nodes
    assert table["pagerank"].tolist() == pytest.approx(rank)
    for measure in ("degree", "strength", "betweenness", "closeness", "eigenvector", "core", "clustering"):
        assert table[measure].tolist() == [0] * len(nodes), measure


@pytest.mark.parametrize("engine", ENGINES)
def test_strength_is_an_integer_for_integer_weights(engine: str) -> None:
    """Sums of paper counts stay integers (CSV shows 3, not 3.0); fractional
    weights give floats."""
    counts = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
    table = centrality(counts, measures=("strength",), engine=engine)
    assert table["strength"].tolist() == [2, 3, 1] and table["strength"].dtype.kind == "i"
    shares = nx.Graph([("a", "b", {"weight": 0.5}), ("b", "c", {"weight": 0.25})])
    assert centrality(shares, measures=("strength",), engine=engine)["strength"].tolist() == [0.5, 0.75, 0.25]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("measure", ["betweenness", "closeness"])
def test_inverse_weight_alone(engine: str, measure: str) -> None:
    """a - b weighs 1, a - c and c - b weigh 4: at 1/weight the way a - c - b
    (0.5) is shorter than a - b (1), so c is between a and b (betweenness
    1 of the 1 pair) and c is 0.25 from both (closeness 2 / 0.5 = 4); by
    hops c is between nobody and 2 / 2 = 1 close. Each measure asked alone."""
    graph = nx.Graph([("a", "b", {"weight": 1}), ("a", "c", {"weight": 4}), ("c", "b", {"weight": 4})])
    by_weight = centrality(graph, measures=(measure,), distance="inverse-weight", engine=engine)[measure]
    by_hops = centrality(graph, measures=(measure,), engine=engine)[measure]
    assert by_weight["c"] == pytest.approx({"betweenness": 1.0, "closeness": 4.0}[measure])
    assert by_hops["c"] == pytest.approx({"betweenness": 0.0, "closeness": 1.0}[measure])


@pytest.mark.parametrize("engine", ENGINES)
def test_eigenvector_of_a_long_path_and_one_per_component(engine: str) -> None:
    """On a path of 30 the leading eigenvector is sin(iπ/31) (i = 1..30),
    scaled here to a maximum of 1; power iteration needs thousands of steps
    there (the second eigenvalue is close). The karate club, a separate
    component, also has its own maximum of exactly 1."""
    names = [f"p{i:02d}" for i in range(1, 31)]
    graph = path(names)
    karate = nx.relabel_nodes(nx.karate_club_graph(), lambda k: f"k{k:02d}")
    graph.update(karate)
    values = centrality(graph, measures=("eigenvector",), engine=engine)["eigenvector"]
    expected = [math.sin(i * math.pi / 31) / math.sin(15 * math.pi / 31) for i in range(1, 31)]
    np.testing.assert_allclose(values.loc[names], expected, atol=1e-6)
    reference = nx.eigenvector_centrality_numpy(karate, weight="weight")
    top = max(reference.values())
    np.testing.assert_allclose(values.loc[list(karate)], [reference[n] / top for n in karate], atol=1e-6)
    assert values.loc[names].max() == 1.0 and values.loc[list(karate)].max() == 1.0


def test_igraph_eigenvector_hides_its_nearly_zero_note_only() -> None:
    """A link of weight 1e-30 leaves its end with a score near 0: igraph's
    note about disconnected graphs is not shown (the graph is connected)."""
    graph = nx.Graph([("a", "b", {"weight": 1}), ("b", "c", {"weight": 1}), ("a", "c", {"weight": 1})])
    graph.add_edge("c", "d", weight=1e-30)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = centrality(graph, measures=("eigenvector",), engine="igraph")["eigenvector"]
    assert values["d"] < 1e-20 and values.max() == 1.0


@pytest.mark.parametrize("engine", ENGINES)
def test_sampling_starts_above_the_limit_and_is_said_only_for_path_measures(
    engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five authors and a limit of five: exact (networkx's values); a limit
    of four: sampled, said in attrs only when betweenness or closeness is
    asked for."""
    graph = path(["a", "b", "c", "d", "e"])
    monkeypatch.setattr(module, "BETWEENNESS_EXACT_LIMIT", 5)
    monkeypatch.setattr(module, "BETWEENNESS_SAMPLE", 2)
    exact = centrality(graph, measures=("betweenness",), engine=engine)
    assert exact.attrs["betweenness_sample"] is None
    assert exact["betweenness"].to_dict() == pytest.approx(nx.betweenness_centrality(graph))
    monkeypatch.setattr(module, "BETWEENNESS_EXACT_LIMIT", 4)
    assert centrality(graph, measures=("closeness",), engine=engine).attrs["betweenness_sample"] == 2
    assert centrality(graph, measures=("degree", "pagerank"), engine=engine).attrs["betweenness_sample"] is None


@pytest.mark.parametrize("engine", ENGINES)
def test_a_component_of_exactly_the_sample_size_is_exact(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sampling on (10 authors > 5), sample 4: the path of 4 has every member
    as a source, so its closeness is networkx's exact value."""
    small, large = [f"s{i}" for i in range(4)], [f"l{i}" for i in range(6)]
    graph = path(small)
    graph.update(path(large))
    monkeypatch.setattr(module, "BETWEENNESS_EXACT_LIMIT", 5)
    monkeypatch.setattr(module, "BETWEENNESS_SAMPLE", 4)
    values = centrality(graph, measures=("closeness",), engine=engine)["closeness"]
    exact = nx.closeness_centrality(graph)
    np.testing.assert_allclose(values.loc[small], [exact[n] for n in small], atol=1e-12)
    assert values.loc[large].gt(0).all()


def test_sample_sources_draw_without_replacement() -> None:
    assert sample_sources(range(10), 10, 3) == list(range(10))
    drawn = sample_sources(range(100), 30, 1)
    assert len(set(drawn)) == 30 and drawn == sorted(drawn)


@pytest.mark.parametrize("seed", range(6))
def test_closeness_sampled_sources_and_values(seed: int) -> None:
    """A complete graph of six (positions 2..7 of ten authors), five sources:
    distinct members, drawn as documented with default_rng([seed, first
    member]); every distance is 1, so every closeness is (6-1)/(10-1)."""
    members = list(range(2, 8))
    asked: list[list[int]] = []

    def distance_sums(sources: list[int], targets: list[int]) -> np.ndarray:
        asked.append(list(sources))
        return np.array([sum(s != t for s in sources) for t in targets], dtype=float)

    values = closeness_sampled(10, [[0], members], distance_sums, 5, seed)
    (sources,) = asked
    assert len(set(sources)) == 5 and set(sources) <= set(members)
    assert sources == sorted(np.random.default_rng([seed, 2]).choice(members, size=5, replace=False).tolist())
    assert values == pytest.approx([0.0, 0.0] + [5 / 9] * 6 + [0.0, 0.0])


def test_people_first_keeps_each_group_in_its_order() -> None:
    """200 rows, every third an organisation: persons first, then the
    organisations, each in the order given; a table without kinds is left
    as it is."""
    kinds = ["organisation" if i % 3 == 0 else "person" for i in range(200)]
    table = pd.DataFrame({"kind": kinds}, index=[f"n{i:03d}" for i in range(200)])
    expected = [f"n{i:03d}" for i in range(200) if i % 3] + [f"n{i:03d}" for i in range(200) if i % 3 == 0]
    assert people_first(table).index.tolist() == expected
    plain = pd.DataFrame({"x": [3, 1, 2]}, index=["c", "a", "b"])
    assert people_first(plain).index.tolist() == ["c", "a", "b"]


GIVEN = "Ada Ben Cleo Dev Emil Fay Gus Hana Ivo Jun Kai Lea Milo Nia Omar Pia Quin Rosa Sven Tara".split()
FAMILY = "Abbott Brandt Costa Dubois Evans Fischer Garcia Horvat".split()


def test_the_seed_reaches_igraphs_eigenvector_start() -> None:
    """ARPACK starts from a random vector: on 400 random papers the last
    bits of the scores move with the seed; the same seed gives the same
    bytes."""
    rng = np.random.default_rng(5)
    papers = []
    for i in range(400):
        drawn = [int(rng.zipf(1.6)) % 150 for _ in range(int(rng.integers(1, 9)))]
        papers.append(
            Paper(f"p{i}", "T", sorted({f"{GIVEN[k % 20]} {FAMILY[k // 20]}" for k in drawn}), 2000, f"r:{i}")
        )
    graph = coauthorship_graph(papers)
    runs = {seed: centrality(graph, measures=("eigenvector",), seed=seed, engine="igraph") for seed in (1, 2, 3)}
    again = centrality(graph, measures=("eigenvector",), seed=1, engine="igraph")
    pd.testing.assert_frame_equal(runs[1], again, check_exact=True)
    assert not (
        runs[1]["eigenvector"].equals(runs[2]["eigenvector"]) and runs[1]["eigenvector"].equals(runs[3]["eigenvector"])
    )
