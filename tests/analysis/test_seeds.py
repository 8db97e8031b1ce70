"""Randomness through ``seed=`` only: an int, a numpy Generator or None, as
networkx takes them; igraph draws from a generator of its own, so nothing
reseeds Python's global ``random`` module."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from coauthor.analysis import centrality, communities
from coauthor.graph.build import coauthorship_graph
from coauthor.plot.layout import layout
from coauthor.readers import ReadOptions, read_inputs

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def graph():  # type: ignore[no-untyped-def]
    papers, _ = read_inputs([SEEDS], ReadOptions(undated_year=2026))
    return coauthorship_graph(papers)


def test_no_step_reseeds_the_global_random_module(graph, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("random.seed called: the global generator was reseeded")

    monkeypatch.setattr(random, "seed", refuse)
    monkeypatch.setattr(random, "setstate", refuse)
    communities(graph, "leiden", seed=3)
    communities(graph, "louvain", seed=3, engine="igraph")
    layout(graph, seed=3)


def test_a_generator_seed_is_the_int_it_draws(graph) -> None:  # type: ignore[no-untyped-def]
    drawn = int(np.random.default_rng(5).integers(2**32))  # what numpy gives for that generator
    by_generator = communities(graph, "leiden", seed=np.random.default_rng(5))
    by_int = communities(graph, "leiden", seed=drawn)
    pd.testing.assert_frame_equal(by_generator, by_int)
    assert by_generator.attrs["seed"] == drawn


def test_no_seed_still_runs_and_says_which_it_used(graph) -> None:  # type: ignore[no-untyped-def]
    found = communities(graph, "leiden", seed=None)
    again = communities(graph, "leiden", seed=found.attrs["seed"])
    pd.testing.assert_frame_equal(found, again)


def test_sampled_paths_take_a_generator(graph, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    module = __import__("coauthor.analysis.centrality", fromlist=["x"])
    monkeypatch.setattr(module, "BETWEENNESS_EXACT_LIMIT", 50)
    monkeypatch.setattr(module, "BETWEENNESS_SAMPLE", 20)
    assert graph.number_of_nodes() > 50  # sampled, not exact
    drawn = int(np.random.default_rng(9).integers(2**32))
    by_generator = centrality(graph, ("betweenness",), seed=np.random.default_rng(9), jobs=1)
    pd.testing.assert_frame_equal(by_generator, centrality(graph, ("betweenness",), seed=drawn, jobs=1))
