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


def test_without_links_every_author_keeps_its_label() -> None:
    """No vote at all (every author alone, or no author): one round, nothing
    changes (this raised IndexError before)."""
    labels, rounds = sync_label_propagation(3, [], [])
    assert labels.tolist() == [0, 1, 2] and rounds == 1
    assert sync_label_propagation(0, [], [])[0].tolist() == []
    table = communities(nx.empty_graph(["c", "a", "b"]), method="label-propagation-sync")
    assert table["community"].to_dict() == {"a": 0, "b": 1, "c": 2}


def test_weights_not_counts_decide() -> None:
    """Node 2 hears 0 (weight 1), 1 (weight 3) and itself (its heaviest
    link, 3): round 1 it takes 1 (ties its own 3, 1 is smaller), and keeps
    it. Counting votes instead, it would take 0 and then so would 1."""
    assert run(3, [(0, 2, 1.0), (1, 2, 3.0)]) == [0, 1, 1]


def test_the_smallest_node_changes_label_too() -> None:
    """0 - 1 and 0 - 2 weigh 1, 1 - 2 weighs 3: round 1 gives [0, 1, 1];
    round 2 node 0 hears label 1 twice (2) against its own (1) and takes it."""
    labels, rounds = sync_label_propagation(3, np.array([[0, 1], [0, 2], [1, 2]]), np.array([1.0, 1.0, 3.0]))
    assert labels.tolist() == [1, 1, 1] and rounds == 3


def test_max_rounds_is_the_number_of_rounds_run() -> None:
    pair = np.array([[0, 1]]), np.array([1.0])
    assert [x.tolist() if hasattr(x, "tolist") else x for x in sync_label_propagation(2, *pair, max_rounds=0)] == [
        [0, 1], 0,
    ]  # fmt: skip
    labels, rounds = sync_label_propagation(2, *pair, max_rounds=1)
    assert labels.tolist() == [0, 0] and rounds == 1


def test_totals_are_rounded_half_up_on_the_grid() -> None:
    assert quantised(np.array([0.0, 0.49 / GRID, 0.5 / GRID, 2.5 / GRID, 1.0])).tolist() == [0, 0, 1, 3, GRID]
