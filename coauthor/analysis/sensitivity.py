"""Which conclusions survive a change of method: rankings and partitions
compared across weightings and community resolutions.

Rankings: for every pair of weightings, the PageRank scores of the union of
both top-k lists are compared with Spearman's rho and Kendall's tau (1: same
order), and ``overlap`` is the share of the top-k they have in common.
Partitions: every (weighting, resolution) partition is compared with the
reference (``full`` weighting, resolution 1) by the adjusted Rand index and
normalised mutual information (1: identical; ~0: unrelated).
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence

import numpy as np
import pandas as pd
from scipy import stats

from coauthor.analysis.centrality import centrality
from coauthor.analysis.communities import communities
from coauthor.analysis.engine import DEFAULT_SEED, Seed, seed_int
from coauthor.graph.build import WEIGHTINGS, GraphTables, build_tables, subgraph_tables

RANKING_COLUMNS = ["weight_a", "weight_b", "top_k", "overlap", "spearman", "kendall"]
PARTITION_COLUMNS = ["weight", "resolution", "communities", "modularity", "ari", "nmi"]


def sensitivity(
    authorships: pd.DataFrame,
    weights: Sequence[str] = WEIGHTINGS,
    resolutions: Sequence[float] = (0.5, 1.0, 2.0),
    top_k: int = 20,
    max_authors: int = 50,
    seed: Seed = DEFAULT_SEED,
    method: str = "leiden",
    authors: Collection[str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ranking table (``RANKING_COLUMNS``) and the partition table
    (``PARTITION_COLUMNS``) for one authorship table; with ``authors`` (a
    filtered graph's), every weighting's graph is cut to them."""
    seed = seed_int(seed)

    def build(weight: str) -> GraphTables:
        tables = build_tables(authorships, weight, max_authors)
        return tables if authors is None else subgraph_tables(tables, authors)

    graphs = {w: build(w) for w in weights}
    ranks = {w: centrality(g, measures=("pagerank",), seed=seed)["pagerank"] for w, g in graphs.items()}
    ranking_rows = [_compare_rankings(a, b, ranks[a], ranks[b], top_k) for a, b in itertools.combinations(weights, 2)]
    reference = _membership(graphs.get("full") or build("full"), 1.0, seed, method)
    partition_rows = []
    for w, res in itertools.product(weights, resolutions):
        found = communities(graphs[w], method=method, resolution=res, seed=seed)
        labels, base = found["community"].loc[reference.index].to_numpy(), reference.to_numpy()
        partition_rows.append({
            "weight": w, "resolution": res, "communities": int(found["community"].nunique()),
            "modularity": found.attrs["modularity"],
            "ari": adjusted_rand(base, labels), "nmi": normalized_mutual_info(base, labels),
        })  # fmt: skip
    return pd.DataFrame(ranking_rows, columns=RANKING_COLUMNS), pd.DataFrame(partition_rows, columns=PARTITION_COLUMNS)


def _membership(graph: GraphTables, resolution: float, seed: int, method: str) -> pd.Series:
    return communities(graph, method=method, resolution=resolution, seed=seed)["community"].sort_index()


def _compare_rankings(a: str, b: str, first: pd.Series, second: pd.Series, k: int) -> dict[str, object]:
    top_a, top_b = set(first.index[:k]), set(second.index[:k])
    union = sorted(top_a | top_b)
    x, y = first.loc[union].to_numpy(), second.loc[union].to_numpy()
    constant = len(union) < 2 or np.ptp(x) == 0 or np.ptp(y) == 0
    return {
        "weight_a": a, "weight_b": b, "top_k": k, "overlap": len(top_a & top_b) / max(min(k, len(first)), 1),
        "spearman": np.nan if constant else float(stats.spearmanr(x, y).statistic),
        "kendall": np.nan if constant else float(stats.kendalltau(x, y).statistic),
    }  # fmt: skip


def _contingency(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    _, ia = np.unique(a, return_inverse=True)
    _, ib = np.unique(b, return_inverse=True)
    table = np.zeros((ia.max() + 1, ib.max() + 1), dtype=np.int64)
    np.add.at(table, (ia, ib), 1)
    return table


def adjusted_rand(a: np.ndarray, b: np.ndarray) -> float:
    """Hubert & Arabie's adjusted Rand index of two labelings.

    >>> adjusted_rand(np.array([0, 0, 1, 1]), np.array([5, 5, 7, 7]))
    1.0
    """
    table = _contingency(a, b)
    n = table.sum()

    def pairs(x: np.ndarray) -> float:
        return float((x * (x - 1) // 2).sum())

    index, rows, cols = pairs(table), pairs(table.sum(axis=1)), pairs(table.sum(axis=0))
    expected = rows * cols / (n * (n - 1) / 2) if n > 1 else 0.0
    maximum = (rows + cols) / 2
    return 1.0 if maximum == expected else float((index - expected) / (maximum - expected))


def normalized_mutual_info(a: np.ndarray, b: np.ndarray) -> float:
    """Mutual information normalised by the mean of the two entropies.

    >>> round(normalized_mutual_info(np.array([0, 0, 1, 1]), np.array([1, 1, 0, 0])), 6)
    1.0
    """
    table = _contingency(a, b).astype(float)
    p = table / table.sum()
    pa, pb = p.sum(axis=1), p.sum(axis=0)
    nonzero = p > 0
    mutual = float((p[nonzero] * np.log(p[nonzero] / np.outer(pa, pb)[nonzero])).sum())
    entropy_a = float(-(pa[pa > 0] * np.log(pa[pa > 0])).sum())
    entropy_b = float(-(pb[pb > 0] * np.log(pb[pb > 0])).sum())
    mean = (entropy_a + entropy_b) / 2
    return 1.0 if mean == 0 else mutual / mean
