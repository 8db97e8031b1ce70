"""Synchronous weighted label propagation on DataFrames: the rules of
:mod:`coauthor.analysis.labelprop` (own label voting with the weight of the
heaviest link, vote totals compared on the same 2⁻³² grid, ties to the
smallest author id, stop when nothing changes), so both engines find the
same communities.

One round is one join (the labels with the votes each author casts: one per
link end, plus their own) and two aggregations, in one Spark job that also
counts the changed labels and checkpoints them.
"""

from __future__ import annotations

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from coauthor.analysis.labelprop import GRID, MAX_ROUNDS
from coauthor.spark.session import checkpoint, cut


def label_propagation(nodes: DataFrame, edges: DataFrame, max_rounds: int = MAX_ROUNDS) -> tuple[DataFrame, int]:
    """``author_id`` and ``label`` (an author id) for every author in
    ``nodes``, over ``edges`` (``source``, ``target``, ``weight``); and the
    number of rounds run."""
    both = edges.select(F.col("source").alias("src"), F.col("target").alias("id"), "weight").unionByName(
        edges.select(F.col("target").alias("src"), F.col("source").alias("id"), "weight")
    )
    heaviest = both.groupBy("id").agg(F.max("weight").alias("weight"))
    ids = nodes.select(F.col("author_id").alias("id"))
    own = ids.join(heaviest, "id", "left").select(
        F.col("id").alias("src"), "id", F.coalesce(F.col("weight").cast("double"), F.lit(0.0)).alias("weight")
    )  # an author without links votes 0 for their own label, and keeps it
    votes = both.withColumn("own", F.lit(False)).unionByName(own.withColumn("own", F.lit(True)))
    votes = cut(votes.repartition("src"))
    labels = cut(ids.select("id", F.col("id").alias("label")).repartition("id"))
    rounds = 0
    for rounds in range(1, max_rounds + 1):  # noqa: B007 (the count is returned)
        cast = votes.join(labels.withColumnRenamed("id", "src"), "src")
        totals = cast.groupBy("id", "label").agg(F.sum("weight").alias("total"), F.max("own").alias("own"))
        score = F.floor(F.col("total") * GRID + 0.5)
        best = totals.groupBy("id").agg(
            F.min(F.struct((-score).alias("rank"), F.col("label"))).alias("best"),
            F.first(F.when(F.col("own"), F.col("label")), ignorenulls=True).alias("old"),
        )
        new = best.select("id", F.col("best.label").alias("label"), "old")
        new, stats = checkpoint(new, changed=F.count_if(F.col("label") != F.col("old")))
        labels = new.drop("old")
        if not stats["changed"]:
            break
    return labels.select(F.col("id").alias("author_id"), "label"), rounds
