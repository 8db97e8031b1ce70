"""Groups of authors (components, communities) numbered as the
single-machine engine numbers communities: 0 is the largest, ties by the
smallest author id; and the weighted modularity of a partition.

Numbers are given without moving every row to one partition: the groups are
sorted, each partition counts its rows, and a row's number is its partition's
offset (from the few per-partition counts) plus its place in the partition.
"""

from __future__ import annotations

from itertools import accumulate

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from coauthor.spark.graph import SparkGraph
from coauthor.spark.session import cut

_ROW_BITS = 33  # monotonically_increasing_id: partition id above bit 33, row below


def numbered(members: DataFrame, group: str, name: str) -> tuple[DataFrame, int, int]:
    """``author_id``, ``name`` (the group's number) and ``name_size`` for
    ``members`` (``author_id`` and a ``group`` label per author); and the
    number of groups and the size of the largest."""
    sizes = members.groupBy(group).agg(F.count("*").alias("size"), F.min("author_id").alias("first"))
    ranked, count = dense_positions(sizes.orderBy(F.desc("size"), F.asc("first")), "number")
    largest = ranked.filter(F.col("number") == 0).select("size").first() if count else None
    labelled = members.join(ranked.select(group, "number", "size"), group)
    numbers = labelled.select("author_id", F.col("number").alias(name), F.col("size").alias(f"{name}_size"))
    return numbers, count, int(largest["size"]) if largest else 0


def dense_positions(ordered: DataFrame, column: str) -> tuple[DataFrame, int]:
    """``ordered`` (a sorted frame) with ``column`` = 0, 1, 2, ... in its
    order (checkpointed), and its number of rows."""
    tagged = ordered.withColumn("_id", F.monotonically_increasing_id()).withColumn("_part", F.spark_partition_id())
    tagged = cut(tagged)
    counts = sorted((r["_part"], r["count"]) for r in tagged.groupBy("_part").count().collect())
    starts = [0, *accumulate(count for _, count in counts)]
    offsets = ordered.sparkSession.createDataFrame(
        [(part, start) for (part, _), start in zip(counts, starts, strict=False)], "_part int, _offset long"
    )
    row = F.col("_id") - F.shiftleft(F.col("_part").cast("long"), _ROW_BITS)
    result = tagged.join(F.broadcast(offsets), "_part").withColumn(column, F.col("_offset") + row)
    return cut(result.drop("_id", "_part", "_offset")), starts[-1]


def modularity(graph: SparkGraph, groups: DataFrame, group: str) -> float:
    """Weighted modularity (resolution 1) of the partition ``groups``
    (``author_id``, ``group``): Σ_c L_c/m − (d_c/2m)², as networkx computes
    it (L_c: weight inside c, d_c: strength of c, m: total weight)."""
    label = groups.select("author_id", group)
    edges = graph.edges.select("source", "target", F.col("weight").cast("double").alias("w"))
    edges = edges.join(label.toDF("source", "gs"), "source").join(label.toDF("target", "gt"), "target")
    inside = F.when(F.col("gs") == F.col("gt"), F.col("w")).otherwise(0.0)
    ends = edges.select(F.col("gs").alias("g"), "w", inside.alias("inside")).unionByName(
        edges.select(F.col("gt").alias("g"), "w", F.lit(0.0).alias("inside"))
    )
    per_group = ends.groupBy("g").agg(F.sum("w").alias("d"), F.sum("inside").alias("inside"))
    total = per_group.agg(F.sum("d"), F.sum("inside"), F.sum(F.col("d") * F.col("d"))).collect()[0]
    if not total[0]:
        return 0.0
    m = total[0] / 2
    return float(total[1] / m - total[2] / (4 * m * m))
