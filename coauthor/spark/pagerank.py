"""Weighted PageRank on DataFrames, the same iteration as networkx's
``pagerank`` (and the same fixed point as igraph's PRPACK solver).

Every undirected edge is followed both ways with probability weight /
strength of its start; an author without links (dangling) spreads their
rank uniformly over everyone, and a share 1 − damping of every rank is
teleported uniformly. Starting from 1/N everywhere::

    x' = damping · (xᵀW + Σ_dangling x / N) + (1 − damping) / N

until Σ|x' − x| < ``tol``. The iteration contracts by ``damping``, so the
result is within damping/(1 − damping) · tol of the fixed point in Σ|·|
(about 6 · 10⁻⁸ for the default ``tol``).

One iteration is one join (ranks x moves, both partitioned by author) and
one aggregation. Dangling authors have no inflow, so they all hold the same
rank and their total is known on the driver without a job. Convergence is
checked every :data:`CHECK_EVERY` iterations, in the job that checkpoints
the ranks (so the lineage never grows longer than that).
"""

from __future__ import annotations

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from coauthor.analysis.centrality import DAMPING
from coauthor.spark.session import checkpoint, cut

TOLERANCE = 1e-8
MAX_ITERATIONS = 1000
CHECK_EVERY = 5


def pagerank(
    nodes: DataFrame, edges: DataFrame, damping: float = DAMPING, tol: float = TOLERANCE, max_iter: int = MAX_ITERATIONS
) -> tuple[DataFrame, int]:
    """``author_id`` and ``pagerank`` for every author in ``nodes``
    (``author_id``), over ``edges`` (``source``, ``target``, ``weight``);
    and the number of iterations run."""
    both = edges.select(F.col("source").alias("src"), F.col("target").alias("dst"), "weight").unionByName(
        edges.select(F.col("target").alias("src"), F.col("source").alias("dst"), "weight")
    )
    strength = both.groupBy("src").agg(F.sum("weight").alias("out"))
    ids = nodes.select(F.col("author_id").alias("id")).join(strength.withColumnRenamed("src", "id"), "id", "left")
    ids, stats = checkpoint(ids.repartition("id"), n=F.count("*"), dangling=F.count_if(F.col("out").isNull()))
    n, dangling = stats["n"], stats["dangling"]
    if n == 0:
        return ids.select(F.col("id").alias("author_id"), F.lit(0.0).alias("pagerank")), 0
    # moves: each link both ways with its probability, plus a row per author
    # carrying their own rank through (own = 1), so one join reads the ranks once
    links = both.join(strength, "src").select(
        "src", "dst", (F.col("weight") / F.col("out")).alias("p"), F.lit(0).alias("own")
    )
    own = ids.select(F.col("id").alias("src"), F.col("id").alias("dst"), F.lit(0.0).alias("p"), F.lit(1).alias("own"))
    moves = cut(links.unionByName(own).repartition("src"))
    ranks = ids.select("id", F.lit(1.0 / n).alias("x"))
    held = dangling / n  # the rank held by dangling authors (all equal), spread over everyone
    iterations = 0
    for iterations in range(1, max_iter + 1):
        base = damping * held / n + (1.0 - damping) / n
        held = dangling * base
        moved = moves.join(ranks.withColumnRenamed("id", "src"), "src")
        new = moved.groupBy(F.col("dst").alias("id")).agg(
            (damping * F.sum(F.col("p") * F.col("x")) + base).alias("x"), F.sum(F.col("own") * F.col("x")).alias("old")
        )
        if iterations % CHECK_EVERY and iterations < max_iter:
            ranks = new.drop("old")
            continue
        new, stats = checkpoint(new, change=F.sum(F.abs(F.col("x") - F.col("old"))))
        ranks = new.drop("old")
        if stats["change"] < tol:
            break
    return ranks.select(F.col("id").alias("author_id"), F.col("x").alias("pagerank")), iterations
