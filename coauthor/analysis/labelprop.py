"""Synchronous weighted label propagation with fixed tie-breaking: the same
communities from every engine (this module, and the Spark engine's
DataFrame version in ``coauthor.spark.labelprop``).

Labels start as the nodes themselves. Each round every node takes, all at
once, the label with the largest total edge weight among its co-authors'
labels and its own — its own label voting with the weight of its heaviest
link, which keeps two co-authors from swapping labels forever — ties going
to the smallest label (the smallest author id). Isolated nodes keep their
own label. Rounds stop when no label changes, or after ``max_rounds``.

Vote totals are compared on a grid of 2⁻³² (rounded half up), so totals
that are equal in exact arithmetic tie even when two engines add the same
floats in a different order.

>>> import numpy as np
>>> labels, rounds = sync_label_propagation(5, np.array([[0, 1], [1, 2], [0, 2], [3, 4]]), np.ones(4))
>>> labels.tolist(), rounds
([0, 0, 0, 3, 3], 2)
"""

from __future__ import annotations

import numpy as np

MAX_ROUNDS = 100
GRID = 2.0**32


def quantised(totals: np.ndarray) -> np.ndarray:
    """Vote totals on the comparison grid (see the module docs)."""
    return np.floor(totals * GRID + 0.5)


def sync_label_propagation(
    n: int, pairs: np.ndarray, weights: np.ndarray, max_rounds: int = MAX_ROUNDS
) -> tuple[np.ndarray, int]:
    """Labels of nodes 0..n-1 (a label is a node number; ties go to the
    smallest, so number nodes in author id order) for undirected edges
    ``pairs`` (m x 2) with ``weights``; and the number of rounds run."""
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    weights = np.asarray(weights, dtype=float)
    source = np.concatenate([pairs[:, 0], pairs[:, 1]])
    target = np.concatenate([pairs[:, 1], pairs[:, 0]])
    both = np.concatenate([weights, weights])
    heaviest = np.zeros(n)
    np.maximum.at(heaviest, target, both)
    linked = np.flatnonzero(np.bincount(target, minlength=n) > 0)
    voter = np.concatenate([source, linked])  # whose label is cast
    voted = np.concatenate([target, linked])  # the node that takes it
    weight = np.concatenate([both, heaviest[linked]])
    labels = np.arange(n, dtype=np.int64)
    rounds = 0
    for rounds in range(1, max_rounds + 1):  # noqa: B007 (the count is returned)
        keys, where = np.unique(voted * n + labels[voter], return_inverse=True)
        score = quantised(np.bincount(where, weights=weight))
        node, label = keys // n, keys % n
        order = np.lexsort((label, -score, node))  # by node, best total first, then smallest label
        first = np.ones(len(order), dtype=bool)  # each node's first (best) vote; none without links
        first[1:] = node[order][1:] != node[order][:-1]
        best = order[first]
        new = labels.copy()
        new[node[best]] = label[best]
        if np.array_equal(new, labels):
            break
        labels = new
    return labels, rounds
