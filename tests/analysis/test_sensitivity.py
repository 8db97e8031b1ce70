"""sensitivity(): the agreement measures against igraph's, the ranking
comparison by hand, and the tables' rows on graphs whose communities are
known."""

from __future__ import annotations

import igraph
import numpy as np
import pandas as pd
import pytest
from skewed_papers import random_papers

from coauthor.analysis.communities import communities
from coauthor.analysis.sensitivity import (
    PARTITION_COLUMNS,
    RANKING_COLUMNS,
    _compare_rankings,
    adjusted_rand,
    normalized_mutual_info,
    sensitivity,
)
from coauthor.graph.build import build_tables
from coauthor.names.resolve import authorship_table
from coauthor.records import Paper


def igraph_agreement(a: np.ndarray, b: np.ndarray, method: str) -> float:
    codes_a, codes_b = np.unique(a, return_inverse=True)[1], np.unique(b, return_inverse=True)[1]
    return float(igraph.compare_communities(codes_a.tolist(), codes_b.tolist(), method=method))


def random_labels(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n = int(rng.integers(2, 40))
    a = rng.integers(0, int(rng.integers(1, 6)), size=n) * 7 + 3  # labels with gaps, not 0..k-1
    b = rng.integers(0, int(rng.integers(2, 6)), size=n)
    return a, b


@pytest.mark.parametrize("seed", range(8))
def test_agreement_measures_are_igraphs(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(5):
        a, b = random_labels(rng)
        assert adjusted_rand(a, b) == pytest.approx(igraph_agreement(a, b, "adjusted_rand"), abs=1e-12)
        if len(set(a)) > 1 or len(set(b)) > 1:
            assert normalized_mutual_info(a, b) == pytest.approx(igraph_agreement(a, b, "nmi"), abs=1e-12)


def test_agreement_by_hand() -> None:
    """[0,0,1,1,2] against [0,0,1,2,2]: pairs together in both 1 (the 0s),
    in the first 2, in the second 2, of 10 pairs; ARI = (1 - 0.4) / (2 -
    0.4) = 0.375. One author, or everyone in one group: identical (1)."""
    a, b = np.array([0, 0, 1, 1, 2]), np.array([0, 0, 1, 2, 2])
    assert adjusted_rand(a, b) == pytest.approx(0.375)
    assert adjusted_rand(np.array([4]), np.array([9])) == 1.0
    assert adjusted_rand(np.zeros(5, int), np.zeros(5, int)) == 1.0
    assert normalized_mutual_info(np.zeros(5, int), np.ones(5, int)) == 1.0
    # the cells of the contingency table, and the two marginals
    cells = {(0, 0): 0.4, (1, 1): 0.2, (1, 2): 0.2, (2, 2): 0.2}
    pa, pb = {0: 0.4, 1: 0.4, 2: 0.2}, {0: 0.4, 1: 0.2, 2: 0.4}
    mutual = sum(p * np.log(p / (pa[i] * pb[j])) for (i, j), p in cells.items())
    h = -(2 * 0.4 * np.log(0.4) + 0.2 * np.log(0.2))  # the entropy of either labelling
    assert normalized_mutual_info(a, b) == pytest.approx(mutual / h)


def test_compare_rankings_by_hand() -> None:
    """Top 2: {a, b} and {a, c}; over a, b, c the first ranks 3 2 1, the
    second 3 1 2: rho = 1 - 6 (0 + 1 + 1) / (3 (9 - 1)) = 0.5; of the three
    pairs two agree, one not: tau = 1/3; overlap 1 of 2."""
    first = pd.Series([0.5, 0.3, 0.2, 0.1], index=["a", "b", "c", "d"])
    second = pd.Series([0.4, 0.35, 0.1, 0.05], index=["a", "c", "b", "d"])
    row = _compare_rankings("full", "salton", first, second, 2)
    assert row == {"weight_a": "full", "weight_b": "salton", "top_k": 2, "overlap": 0.5, "spearman": pytest.approx(0.5),
                   "kendall": pytest.approx(1 / 3)}  # fmt: skip
    wide = _compare_rankings("full", "salton", first, second, 10)  # k above the 4 authors: 4 of 4 in common
    assert wide["overlap"] == 1.0 and wide["top_k"] == 10
    flat = pd.Series([0.25] * 4, index=["a", "b", "c", "d"])
    assert np.isnan(_compare_rankings("x", "y", flat, second, 2)["spearman"])
    assert np.isnan(_compare_rankings("x", "y", second, flat, 2)["kendall"])
    one = _compare_rankings("x", "y", first.iloc[:1], second.loc[["a"]], 5)
    assert np.isnan(one["spearman"]) and np.isnan(one["kendall"]) and one["overlap"] == 1.0


def two_groups() -> list[Paper]:
    """A triangle written twice and a pair."""
    triangle = ["Ann Lee", "Bo Chen", "Cy Diaz"]
    return [
        Paper("p1", "T", triangle, 2000, "f:1"),
        Paper("p2", "T", triangle, 2001, "f:2"),
        Paper("p3", "T", ["Dee Ek", "Eve Fu"], 2001, "f:3"),
    ]


def test_tables_rows_on_two_groups() -> None:
    """Full weighting: triangle links weigh 2, the pair 1, m = 7. At
    resolution γ the triangle scores 6/7 - γ (12/14)², its three authors
    apart -3 γ (4/14)²; merging with the pair (no link) only loses: at 0.5
    and 1 the groups are the triangle and the pair, modularity (at 1) 6/7 -
    (12/14)² + 1/7 - (2/14)² = 12/49. (The other weightings give every link
    of a paper the same weight too, and the same two groups.)"""
    weights = ("full", "fractional", "jaccard")
    rankings, partitions = sensitivity(authorship_table(two_groups()), weights=weights, resolutions=(0.5, 1.0), top_k=3)
    assert list(rankings.columns) == RANKING_COLUMNS and list(partitions.columns) == PARTITION_COLUMNS
    assert rankings[["weight_a", "weight_b"]].values.tolist() == [
        ["full", "fractional"], ["full", "jaccard"], ["fractional", "jaccard"],
    ]  # fmt: skip
    assert rankings["top_k"].tolist() == [3, 3, 3]
    assert partitions[["weight", "resolution"]].values.tolist() == [[w, r] for w in weights for r in (0.5, 1.0)]
    assert partitions["communities"].tolist() == [2] * 6
    assert partitions["ari"].tolist() == [1.0] * 6 and partitions["nmi"].tolist() == pytest.approx([1.0] * 6)
    full = partitions[partitions["weight"] == "full"]["modularity"]
    assert full.tolist() == pytest.approx([12 / 49, 12 / 49])


def test_a_resolution_that_splits_the_triangle() -> None:
    """At γ = 2 the triangle's authors apart score -3·2 (4/14)² = -0.49, more
    than the whole triangle's 6/7 - 2 (12/14)² = -0.61: four communities.
    Against the reference (triangle, pair): ARI (1 - 0.4) / (2.5 - 0.4) =
    2/7; NMI = H(ref) / mean entropy (the split refines the reference);
    modularity at resolution 1: -3 (4/14)² + 1/7 - (2/14)² = -6/49."""
    _, partitions = sensitivity(authorship_table(two_groups()), weights=("full",), resolutions=(2.0,))
    (row,) = partitions.itertuples()
    h_reference = -(0.6 * np.log(0.6) + 0.4 * np.log(0.4))
    h_split = -(3 * 0.2 * np.log(0.2) + 0.4 * np.log(0.4))
    assert (row.weight, row.resolution, row.communities) == ("full", 2.0, 4)
    assert row.ari == pytest.approx(2 / 7) and row.nmi == pytest.approx(h_reference / ((h_reference + h_split) / 2))
    assert row.modularity == pytest.approx(-6 / 49)


def test_the_cap_and_the_authors_cut_the_graphs() -> None:
    """max_authors=2: the triangle's papers make no links, its three authors
    are groups of one (4 communities); authors = the pair: 1 community."""
    authorships = authorship_table(two_groups())
    _, capped = sensitivity(authorships, weights=("full", "salton"), resolutions=(1.0,), max_authors=2)
    assert capped["communities"].tolist() == [4, 4]
    rankings, cut = sensitivity(
        authorships, weights=("full", "salton"), resolutions=(1.0,), authors={"dee-ek", "eve-fu"}
    )
    assert cut["communities"].tolist() == [1, 1]
    assert rankings["overlap"].tolist() == [1.0]


@pytest.mark.parametrize("method", ["leiden", "louvain"])
def test_partitions_follow_the_seed_and_the_method(method: str) -> None:
    """On a graph whose partitions depend on the seed: each row is the
    communities() of that weighting and resolution with the seed and
    method given, compared by igraph's ARI and NMI with the full-weighting
    partition at resolution 1 (the reference, even when ``full`` is not
    among the weightings)."""
    authorships = authorship_table(random_papers(5, 300))
    weights, resolutions = ("fractional", "salton"), (1.0, 2.0)
    _, partitions = sensitivity(authorships, weights=weights, resolutions=resolutions, seed=3, method=method)
    reference = communities(build_tables(authorships, "full", 50), method=method, seed=3)["community"].sort_index()
    for row in partitions.itertuples():
        found = communities(build_tables(authorships, row.weight, 50), method=method, resolution=row.resolution, seed=3)
        labels = found["community"].loc[reference.index].to_numpy()
        assert row.communities == found["community"].nunique()
        assert row.modularity == found.attrs["modularity"]
        assert row.ari == pytest.approx(igraph_agreement(reference.to_numpy(), labels, "adjusted_rand"), abs=1e-12)
        assert row.nmi == pytest.approx(igraph_agreement(reference.to_numpy(), labels, "nmi"), abs=1e-12)
    other = sensitivity(authorships, weights=weights, resolutions=resolutions, seed=4, method=method)[1]
    assert not other["ari"].equals(partitions["ari"])


def test_two_authors_are_ranked_too() -> None:
    """Top 1: a for the first, c for the second, in reverse order over {a, c}:
    rho = tau = -1 (two points are enough), no author in common."""
    first = pd.Series([0.5, 0.3, 0.2], index=["a", "b", "c"])
    second = pd.Series([0.4, 0.35, 0.1], index=["c", "a", "b"])
    row = _compare_rankings("full", "jaccard", first, second, 1)
    assert (row["overlap"], row["spearman"], row["kendall"]) == (0.0, pytest.approx(-1.0), pytest.approx(-1.0))


FAMILY17 = (
    "Abbott Brandt Costa Dubois Evans Fischer Garcia Horvat Ito Jansen Kowalski Larsen Moreau Novak Okafor Petrov Quist"
).split()


def test_defaults_and_empty_tables_keep_their_columns() -> None:
    """Defaults: top 20, papers of up to 50 authors linked (51 are not: 51
    authors alone plus the pair = 52 communities). One weighting: no pair
    of rankings; no resolution: no partition; the columns stay."""
    big = Paper("big", "T", [f"{g} {f}" for g in ("Ada", "Ben", "Cleo") for f in FAMILY17][:51], 2000, "f:9")
    papers = [big, Paper("p3", "T", ["Dee Ek", "Eve Fu"], 2001, "f:3")]
    rankings, partitions = sensitivity(authorship_table(papers), weights=("full", "salton"), resolutions=(1.0,))
    assert rankings["top_k"].tolist() == [20]
    assert partitions["communities"].tolist() == [52, 52]
    rankings, partitions = sensitivity(authorship_table(two_groups()), weights=("full",), resolutions=())
    assert rankings.empty and list(rankings.columns) == RANKING_COLUMNS
    assert partitions.empty and list(partitions.columns) == PARTITION_COLUMNS
