"""Analysis: the igraph engine agrees with the networkx reference, results
are seeded and stable, and the timeline and tracking tables add up."""

from __future__ import annotations

import importlib
import itertools
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from coauthor.analysis import centrality, communities, timeline
from coauthor.analysis.centrality import MEASURES
from coauthor.analysis.timeline import author_timeline
from coauthor.analysis.tracking import track_communities, year_slices
from coauthor.graph import coauthorship_graph
from coauthor.readers import ReadOptions, read_inputs
from coauthor.records import Paper


@pytest.fixture(scope="module")
def seed_papers() -> list[Paper]:
    return read_inputs([Path(__file__).resolve().parents[2] / "seeds"], ReadOptions(2026))[0]


GIVEN = "Ada Ben Cleo Dev Emil Fay Gus Hana Ivo Jun Kai Lea Milo Nia Omar Pia Quin Rosa Sven Tara".split()
FAMILY = "Abbott Brandt Costa Dubois Evans Fischer Garcia Horvat Ito Jansen Kowalski Larsen Moreau Novak Okafor".split()


def person(k: int) -> str:
    """The k-th of 300 distinct realistic names."""
    return f"{GIVEN[k % 20]} {FAMILY[k // 20]}"


def random_collaboration_graph(seed: int) -> nx.Graph:
    """A realistic-shaped random graph: papers with 1-8 authors drawn from a
    skewed population, so there are hubs, triangles and several components."""
    rng = np.random.default_rng(seed)
    papers = []
    for i in range(400):
        size = int(rng.integers(1, 9))
        authors = sorted({person(int(rng.zipf(1.6)) % 300) for _ in range(size)})
        papers.append(Paper(f"p{i}", f"T{i}", authors, int(rng.integers(2000, 2021)), f"r:{i}"))
    return coauthorship_graph(papers)


def assert_engines_agree(graph: nx.Graph, distance: str = "hops") -> None:
    fast = centrality(graph, distance=distance, engine="igraph")
    reference = centrality(graph, distance=distance, engine="networkx").loc[fast.index]
    for measure in MEASURES:
        np.testing.assert_allclose(fast[measure].astype(float), reference[measure].astype(float), atol=1e-9,
                                   err_msg=measure)  # fmt: skip
    assert list(fast.index) == list(centrality(graph, engine="networkx").index)  # same PageRank ordering


def test_engines_agree_on_seeds(seed_papers: list[Paper]) -> None:
    graph = coauthorship_graph(seed_papers)
    assert_engines_agree(graph)
    assert_engines_agree(graph, distance="inverse-weight")


@pytest.mark.parametrize("seed", [1, 2])
def test_engines_agree_on_random_graphs(seed: int) -> None:
    graph = random_collaboration_graph(seed)
    assert nx.number_connected_components(graph) > 1
    assert_engines_agree(graph)


def test_engines_agree_on_real_bibliography(shared_data: Path) -> None:
    papers, _ = read_inputs([shared_data / "bibtex" / "typeset.bib"], ReadOptions(2026))
    graph = coauthorship_graph(papers)
    assert graph.number_of_edges() > 100
    assert_engines_agree(graph)


def test_louvain_modularity_close_between_engines(seed_papers: list[Paper]) -> None:
    graph = random_collaboration_graph(3)
    fast = communities(graph, method="louvain", engine="igraph").attrs["modularity"]
    slow = communities(graph, method="louvain", engine="networkx").attrs["modularity"]
    assert abs(fast - slow) < 0.01


def test_communities_numbered_by_size_and_seeded(seed_papers: list[Paper]) -> None:
    graph = coauthorship_graph(seed_papers)
    table = communities(graph)
    sizes = table.groupby("community").size()
    assert list(sizes) == sorted(sizes, reverse=True)
    assert set(table.index) == set(graph.nodes)
    assert table.attrs["modularity"] == pytest.approx(nx.community.modularity(
        graph, [set(m.index) for _, m in table.groupby("community")], weight="weight"))  # fmt: skip
    pd.testing.assert_frame_equal(table, communities(graph))
    # the two profile pages share no author: no community spans both
    owners = table.loc[["zhenyi-wang", "chongyang-gao"], "community"]
    assert owners.nunique() == 2


def test_betweenness_sampling_is_seeded_and_said(monkeypatch: pytest.MonkeyPatch) -> None:
    module = importlib.import_module("coauthor.analysis.centrality")

    graph = random_collaboration_graph(4)
    monkeypatch.setattr(module, "BETWEENNESS_EXACT_LIMIT", 50)
    monkeypatch.setattr(module, "BETWEENNESS_SAMPLE", 40)
    first = centrality(graph, measures=("betweenness",), seed=7)
    assert first.attrs["betweenness_sample"] == 40
    pd.testing.assert_frame_equal(first, centrality(graph, measures=("betweenness",), seed=7))
    reference = centrality(graph, measures=("betweenness",), seed=7, engine="networkx").loc[first.index]
    np.testing.assert_allclose(first["betweenness"], reference["betweenness"], atol=1e-12)


def test_timeline_adds_up(seed_papers: list[Paper]) -> None:
    graph = coauthorship_graph(seed_papers)
    years = timeline(graph, seed_papers)
    assert years["papers"].sum() == len(seed_papers)
    assert years["authors_total"].iloc[-1] == graph.number_of_nodes()
    assert years["collaborations_total"].iloc[-1] == graph.number_of_edges()
    last_share = max(len(c) for c in nx.connected_components(graph)) / graph.number_of_nodes()
    assert years["largest_component_share"].iloc[-1] == pytest.approx(last_share)
    people = author_timeline(graph, seed_papers)
    owner = people[people["author_id"] == "zhenyi-wang"]
    assert owner["papers"].sum() == graph.nodes["zhenyi-wang"]["papers"]
    assert (owner["coauthors"] <= owner["papers"] * 3 + 1).all()  # three names shown per paper at most


def test_tracking_slices_and_events(seed_papers: list[Paper]) -> None:
    assert year_slices(seed_papers, 5) == [(2017, 2021), (2022, 2026)]
    table = track_communities(seed_papers, 5)
    assert set(table["event"]) <= {"birth", "continuation", "merge", "split", "death"}
    assert (table[table["slice"] == 0]["event"] == "birth").all()
    later = table[(table["slice"] == 1) & (table["event"] == "continuation")]
    assert "Zhenyi Wang" in set(later["top_author"]) or "Chongyang Gao" in set(later["top_author"])


def test_partition_agreement_measures() -> None:
    from coauthor.analysis.sensitivity import adjusted_rand, normalized_mutual_info

    same, crossed = np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1])
    assert adjusted_rand(same, same + 7) == 1.0 and normalized_mutual_info(same, same[::-1]) == pytest.approx(1.0)
    assert adjusted_rand(same, crossed) == pytest.approx(-0.5)  # the textbook value for this pair
    assert normalized_mutual_info(same, crossed) == pytest.approx(0.0)


def test_sensitivity_on_seeds(seed_papers: list[Paper]) -> None:
    from coauthor.analysis.sensitivity import sensitivity
    from coauthor.resolve import authorship_table

    rankings, partitions = sensitivity(authorship_table(seed_papers), resolutions=(1.0, 2.0), top_k=10)
    assert len(rankings) == 10  # 5 weightings, every pair
    full_vs_fractional = rankings[(rankings["weight_a"] == "full") & (rankings["weight_b"] == "fractional")]
    assert full_vs_fractional["spearman"].iloc[0] > 0.9  # the page owners lead either way
    reference = partitions[(partitions["weight"] == "full") & (partitions["resolution"] == 1.0)]
    assert reference[["ari", "nmi"]].iloc[0].tolist() == [1.0, 1.0]
    assert (partitions["ari"] <= 1.0).all() and (partitions["nmi"].between(0, 1 + 1e-9)).all()


def test_closeness_sampling_exact_when_sample_covers_and_engines_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    module = importlib.import_module("coauthor.analysis.centrality")
    graph = random_collaboration_graph(5)
    exact = centrality(graph, measures=("closeness",), engine="networkx")["closeness"]
    monkeypatch.setattr(module, "BETWEENNESS_EXACT_LIMIT", 50)
    monkeypatch.setattr(module, "BETWEENNESS_SAMPLE", graph.number_of_nodes())  # every member is a source
    covered = centrality(graph, measures=("closeness",), engine="igraph")["closeness"]
    np.testing.assert_allclose(covered.loc[exact.index], exact, atol=1e-12)
    monkeypatch.setattr(module, "BETWEENNESS_SAMPLE", 40)
    fast = centrality(graph, measures=("closeness",), seed=3, engine="igraph")
    slow = centrality(graph, measures=("closeness",), seed=3, engine="networkx").loc[fast.index]
    np.testing.assert_allclose(fast["closeness"], slow["closeness"], atol=1e-12)
    assert fast.attrs["betweenness_sample"] == 40
    assert np.corrcoef(fast["closeness"], exact.loc[fast.index])[0, 1] > 0.9  # a close estimate


def test_tracking_counts_only_authors_active_in_both_slices() -> None:
    """A group that keeps its four people and takes in twenty students
    continues (plain Jaccard 4/24 < 0.2 would not see it at 0.2); a group
    whose members all stop publishing ends; a new group is born."""
    core = ["Ann Alpha", "Bo Beta", "Cy Gamma", "Di Delta"]
    leavers = ["Ed Eps", "Fay Zeta", "Gus Eta"]
    students = [f"Student {chr(65 + i)}{chr(97 + i)}" for i in range(20)]
    newcomers = ["Hal Theta", "Ida Iota", "Jo Kappa"]
    papers = [Paper(f"a{i}", f"Core {i}", core, 2001 + i, f"t:a{i}") for i in range(3)]
    papers += [Paper(f"b{i}", f"Left {i}", leavers, 2001 + i, f"t:b{i}") for i in range(3)]
    papers += [Paper(f"c{i}", f"Grown {i}", core + students, 2008 + i, f"t:c{i}") for i in range(2)]
    papers += [Paper(f"d{i}", f"New {i}", newcomers, 2008 + i, f"t:d{i}") for i in range(2)]
    table = track_communities(papers, 5, threshold=0.2)
    later = table[table["slice"] == 1].set_index("top_author")
    grown = later.loc[later.index.isin(core)]
    assert grown["size"].tolist() == [24]  # plain Jaccard: 4 / 24
    assert grown["event"].tolist() == ["continuation"] and grown["jaccard"].iloc[0] == 1.0
    assert later.loc[later.index.isin(newcomers), "event"].tolist() == ["birth"]
    assert (later["event"] == "death").sum() == 1  # the leavers' group


@pytest.mark.parametrize("distance", ["hops", "inverse-weight"])
def test_sampled_closeness_with_many_small_components(monkeypatch: pytest.MonkeyPatch, distance: str) -> None:
    """Above the exact limit, components no larger than the sample are exact
    (igraph computes them in one call, networkx source by source) and the
    engines agree; the large component is sampled the same way on both."""
    module = importlib.import_module("coauthor.analysis.centrality")
    graph = random_collaboration_graph(5)
    for k, size in enumerate([2, 3, 4, 5, 6, 6]):  # paths: closeness differs along each one
        path = [f"small {k}-{i}" for i in range(size)]
        graph.add_nodes_from(path, papers=1)
        graph.add_edges_from(itertools.pairwise(path), weight=1 + k % 2, papers=1)
    monkeypatch.setattr(module, "BETWEENNESS_EXACT_LIMIT", 50)
    monkeypatch.setattr(module, "BETWEENNESS_SAMPLE", 40)
    fast = centrality(graph, measures=("closeness",), distance=distance, seed=3, engine="igraph")["closeness"]
    slow = centrality(graph, measures=("closeness",), distance=distance, seed=3, engine="networkx")["closeness"]
    np.testing.assert_allclose(fast, slow.loc[fast.index], atol=1e-12)
    weight = "distance" if distance == "inverse-weight" else None
    if weight:
        nx.set_edge_attributes(graph, {(u, v): 1 / w for u, v, w in graph.edges(data="weight")}, "distance")
    exact = nx.closeness_centrality(graph, distance=weight)
    small = [node for node in graph if node.startswith("small ")]
    np.testing.assert_allclose(fast.loc[small], [exact[node] for node in small], atol=1e-12)
    assert fast.loc[small].nunique() > 5  # the paths' ends and middles differ


def test_sampled_paths_follow_the_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sampled betweenness and closeness: another seed draws other sources
    (other estimates), the same seed the same ones; both estimate the exact
    values (networkx, all sources)."""
    module = importlib.import_module("coauthor.analysis.centrality")
    graph = random_collaboration_graph(4)
    monkeypatch.setattr(module, "BETWEENNESS_EXACT_LIMIT", 50)
    monkeypatch.setattr(module, "BETWEENNESS_SAMPLE", 40)
    measures = ("betweenness", "closeness")
    runs = {seed: centrality(graph, measures=measures, seed=seed) for seed in (7, 8)}
    pd.testing.assert_frame_equal(runs[7], centrality(graph, measures=measures, seed=7))
    for measure in measures:
        assert not np.allclose(runs[7][measure], runs[8][measure].loc[runs[7].index]), measure
    exact = pd.Series(nx.betweenness_centrality(graph))
    for run in runs.values():
        estimate = run["betweenness"].loc[exact.index]
        assert np.corrcoef(estimate, exact)[0, 1] > 0.9


def test_leiden_is_seeded_and_its_default_seed_is_42() -> None:
    """On a graph whose Leiden partition depends on the seed: the same seed
    gives the same partition run after run, and no seed means seed 42 (the
    README's default)."""
    graph = random_collaboration_graph(5)
    found = {seed: communities(graph, seed=seed)["community"] for seed in (1, 2, 42)}
    assert not found[1].equals(found[2])
    for seed, partition in found.items():
        pd.testing.assert_series_equal(communities(graph, seed=seed)["community"], partition)
    pd.testing.assert_series_equal(communities(graph)["community"], found[42])
