"""Synchronous label propagation (``label-propagation-sync``): the rules
that make it reproducible across engines, on hand-made graphs."""

from __future__ import annotations

import networkx as nx
import numpy as np

from coauthor.analysis import communities
from coauthor.analysis.labelprop import GRID, quantised, sync_label_propagation
from coauthor.graph import coauthorship_graph
from coauthor.records import Paper


def run(n: int, edges: list[tuple[int, int, float]]) -> list[int]:
    pairs = np.array([(u, v) for u, v, _ in edges], dtype=np.int64).reshape(-1, 2)
    return sync_label_propagation(n, pairs, np.array([w for *_, w in edges], dtype=float))[0].tolist()


def test_two_coauthors_do_not_swap_forever() -> None:
    labels, rounds = sync_label_propagation(2, np.array([[0, 1]]), np.array([1.0]))
    assert labels.tolist() == [0, 0]
    assert rounds == 2


def test_isolated_authors_keep_their_label() -> None:
    assert run(3, [(0, 1, 1.0)]) == [0, 0, 2]


def test_heavier_links_win_and_ties_go_to_the_smallest_label() -> None:
    # node 3 hears label 0 (weight 1) and label 4's group (weight 3): the heavier wins
    edges = [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (2, 3, 1.0), (3, 4, 3.0), (4, 5, 3.0), (3, 5, 3.0)]
    labels = run(6, edges)
    assert labels[:3] == [0, 0, 0] and labels[3:] == [3, 3, 3]


def test_totals_equal_in_exact_arithmetic_tie() -> None:
    # 0.1 + 0.2 != 0.3 in floats, but both land on the same grid point
    assert 0.1 + 0.2 != 0.3
    assert quantised(np.array([0.1 + 0.2])) == quantised(np.array([0.3]))
    assert GRID == 2.0**32


def test_the_same_communities_from_tables_and_from_networkx() -> None:
    papers = [
        Paper(f"p{i}", "T", authors, 2000 + i % 5, f"f:{i}")
        for i, authors in enumerate(
            [
                ["Ann Lee", "Bo Chen"],
                ["Bo Chen", "Cy Dee"],
                ["Ann Lee", "Cy Dee"],
                ["Dan Eve", "Fay Gus"],
                ["Fay Gus", "Hal Ivy", "Dan Eve"],
                ["Cy Dee", "Dan Eve"],
                ["Jo Kim"],
            ]
        )
    ]
    graph = coauthorship_graph(papers)
    shuffled = nx.Graph()
    shuffled.add_nodes_from(sorted(graph.nodes(data=True), reverse=True))  # node order must not matter
    shuffled.add_edges_from(graph.edges(data=True))
    a = communities(graph, method="label-propagation-sync")
    b = communities(shuffled, method="label-propagation-sync")
    assert a["community"].sort_index().equals(b["community"].sort_index())
    assert a.loc["jo-kim", "community_size"] == 1
    assert a.attrs["method"] == "label-propagation-sync"
