"""Sampled betweenness and closeness on several processes: the same bytes as
on one, and the numbers networkx's sampled reference gives."""

from __future__ import annotations

import importlib
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from coauthor.analysis import centrality
from coauthor.cli import main
from coauthor.errors import OptionError

MEASURES = ["betweenness", "closeness"]


def clustered_graph(seed: int) -> nx.Graph:
    """Hubs and triangles (Holme-Kim) with weights 1, 2 or 4 (so 1/weight path
    lengths add up exactly and both engines see the same ties), plus a path and a
    pair beside it: a large component that is sampled and small exact ones."""
    graph = nx.powerlaw_cluster_graph(300, 2, 0.4, seed=seed)
    rng = np.random.default_rng(seed)
    graph.add_edges_from([(300, 301), (301, 302), (302, 303), (310, 311)])
    graph = nx.relabel_nodes(graph, {n: f"a{n:03d}" for n in graph})
    for u, v in graph.edges:
        graph.edges[u, v].update(weight=int(rng.choice([1, 2, 4])), papers=1)
    nx.set_node_attributes(graph, 1, "papers")
    nx.set_node_attributes(graph, {n: n for n in graph}, "name")
    return graph


@pytest.fixture
def sampled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sample 40 sources above 50 authors, cut into tasks of 7 sources (six
    tasks), so small graphs take the sampled, pooled path."""
    monkeypatch.setattr(importlib.import_module("coauthor.analysis.centrality"), "BETWEENNESS_EXACT_LIMIT", 50)
    monkeypatch.setattr(importlib.import_module("coauthor.analysis.centrality"), "BETWEENNESS_SAMPLE", 40)
    monkeypatch.setattr(importlib.import_module("coauthor.analysis.parallel"), "CHUNK_SOURCES", 7)


@pytest.mark.parametrize("distance", ["hops", "inverse-weight"])
def test_two_processes_give_the_bytes_of_one(sampled: None, distance: str) -> None:
    graph = clustered_graph(6)
    one = centrality(graph, measures=MEASURES, distance=distance, seed=5, engine="igraph", jobs=1)
    two = centrality(graph, measures=MEASURES, distance=distance, seed=5, engine="igraph", jobs=2)
    assert one.attrs["betweenness_sample"] == 40
    pd.testing.assert_frame_equal(one, two, check_exact=True)
    reference = centrality(graph, measures=MEASURES, distance=distance, seed=5, engine="networkx").loc[one.index]
    np.testing.assert_allclose(one[MEASURES], reference[MEASURES], atol=1e-12)


def test_jobs_must_be_positive() -> None:
    with pytest.raises(OptionError, match="jobs must be at least 1"):
        centrality(clustered_graph(1), jobs=0)


def test_cli_jobs_reaches_the_analysis_and_changes_no_byte(sampled: None, tmp_path: Path) -> None:
    """``analyze --jobs`` runs the sampled paths on that many processes (seen
    by the pool) and writes the same centrality table as ``--jobs 1``."""
    parallel = importlib.import_module("coauthor.analysis.parallel")
    pools: list[int | None] = []
    real_pool = parallel.path_pool

    def spy(graph: object, jobs: int | None) -> object:
        pools.append(jobs)
        return real_pool(graph, jobs)

    centrality_module = importlib.import_module("coauthor.analysis.centrality")
    tables = {}
    for jobs in ("1", "2"):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(centrality_module, "path_pool", spy)
            out = tmp_path / jobs
            result = CliRunner().invoke(main, ["analyze", "seeds", "-o", str(out), "--undated-year", "2026",
                                               "--jobs", jobs])  # fmt: skip
        assert result.exit_code == 0, result.output
        tables[jobs] = (out / "centrality.csv").read_bytes()
    assert pools == [1, 2]
    assert tables["1"] == tables["2"]
    bad = CliRunner().invoke(main, ["analyze", "seeds", "-o", str(tmp_path / "x"), "--jobs", "0"])
    assert bad.exit_code == 2 and "--jobs" in bad.output


def test_the_chunk_size_is_read_when_called(sampled: None) -> None:
    """The fixture's 7 sources a task reach the pool (40 sources: 6 tasks)."""
    parallel = importlib.import_module("coauthor.analysis.parallel")
    assert [len(c) for c in parallel.chunks(list(range(40)))] == [7, 7, 7, 7, 7, 5]
    assert parallel.chunks([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]  # a size given wins


@pytest.mark.parametrize("jobs", [1, 2])
def test_pooled_sums_are_igraphs_in_one_call(sampled: None, jobs: int) -> None:
    """Betweenness from 40 sources and distance sums to every author, cut into
    6 tasks, on 1 and 2 processes: igraph's single call over all sources."""
    import igraph

    parallel = importlib.import_module("coauthor.analysis.parallel")
    graph = igraph.Graph.from_networkx(clustered_graph(3).subgraph([f"a{i:03d}" for i in range(300)]))
    sources, targets = list(range(0, 80, 2)), list(range(graph.vcount()))
    with parallel.path_pool(graph, jobs) as pool:
        assert (pool.executor is None) == (jobs == 1)
        between = pool.betweenness(sources, None)
        sums = pool.distance_sums(sources, targets, "weight")
    np.testing.assert_allclose(between, graph.betweenness(sources=sources), rtol=1e-12)
    np.testing.assert_allclose(sums, np.asarray(graph.distances(source=sources, weights="weight")).sum(axis=0))


def test_available_cpus_without_affinity(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the system has no affinity call (macOS, Windows): cpu_count, or
    1 when it is unknown."""
    import os

    parallel = importlib.import_module("coauthor.analysis.parallel")
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    assert parallel.available_cpus() == 3
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert parallel.available_cpus() == 1


def test_a_worker_computes_on_the_graph_it_was_started_with() -> None:
    """The worker functions, run in this process: a task on the worker's
    graph is igraph's own call; a worker without a graph says so."""
    import igraph

    parallel = importlib.import_module("coauthor.analysis.parallel")
    graph = igraph.Graph.Ring(6)
    try:
        parallel._start_worker(graph)
        between = parallel._in_worker(("betweenness", [0, 1], None, None))
        sums = parallel._in_worker(("distances", [0, 1], [2, 3], None))
    finally:
        parallel._graph = None
    np.testing.assert_allclose(between, graph.betweenness(sources=[0, 1]))
    assert sums.tolist() == [2 + 1, 3 + 2]  # ring of 6: 0-2 is 2, 1-2 is 1; 0-3 is 3, 1-3 is 2
    with pytest.raises(AssertionError, match=r"^worker started without its graph$"):
        parallel._in_worker(("betweenness", [0], None, None))
