"""Connected components on DataFrames by the large-star / small-star
algorithm (Kiveris et al., "Connected Components in MapReduce and Beyond",
SoCC 2014): O(log² n) rounds of joins and aggregations, no vertex state on
the driver.

Each round turns the edge set into a forest of stars around each group's
smallest id: *large-star* links every neighbour larger than a node to the
smallest id of the node's neighbourhood, *small-star* links a node and its
smaller neighbours to the smallest of them. Connectivity is preserved at
every step; the rounds stop when the edges form stars (every node has one
parent and no parent has a parent), whose centres are the components'
smallest ids. The edge frame is checkpointed every round, so the lineage
stays one round long.
"""

from __future__ import annotations

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from coauthor.spark.graph import SparkGraph
from coauthor.spark.session import cut

#: Rounds after which the algorithm has certainly converged for any graph
#: Spark can hold (it needs O(log² n)); reaching it means a bug, not data.
MAX_ROUNDS = 200


def connected_components(vertices: DataFrame, edges: DataFrame) -> DataFrame:
    """``id`` and ``component`` (the smallest id in its component) for every
    id in ``vertices`` (a frame with ``id``); ``edges`` has ``src`` and
    ``dst`` (either direction; self-loops and repeats allowed)."""
    links = edges.select(F.greatest("src", "dst").alias("child"), F.least("src", "dst").alias("parent"))
    links = cut(links.filter(F.col("child") != F.col("parent")).distinct())
    for _ in range(MAX_ROUNDS):
        if _is_star_forest(links):
            break
        links = cut(_small_star(_large_star(links)))
    else:  # pragma: no cover - the algorithm converges in O(log² n) rounds
        raise RuntimeError("connected components did not converge")
    found = vertices.select("id").join(links.withColumnRenamed("child", "id"), "id", "left")
    return found.select("id", F.coalesce("parent", "id").alias("component"))


def _large_star(links: DataFrame) -> DataFrame:
    """Every neighbour v > u of a node u is linked to the smallest id of u's
    closed neighbourhood."""
    both = links.select(F.col("child").alias("u"), F.col("parent").alias("v")).unionByName(
        links.select(F.col("parent").alias("u"), F.col("child").alias("v"))
    )
    smallest = both.groupBy("u").agg(F.min("v").alias("v")).select("u", F.least("u", "v").alias("m"))
    larger = both.filter(F.col("v") > F.col("u")).join(smallest, "u")
    return larger.select(F.col("v").alias("child"), F.col("m").alias("parent")).distinct()


def _small_star(links: DataFrame) -> DataFrame:
    """A node u and its smaller neighbours are linked to the smallest of them
    (links point from the larger id to the smaller)."""
    smallest = links.groupBy("child").agg(F.min("parent").alias("m"))
    neighbours = links.join(smallest, "child").select(F.col("parent").alias("child"), F.col("m").alias("parent"))
    centre = smallest.select("child", F.col("m").alias("parent"))
    result = neighbours.unionByName(centre)
    return result.filter(F.col("child") != F.col("parent")).distinct()


def _is_star_forest(links: DataFrame) -> bool:
    """True when every child has one parent and no parent is a child."""
    parents = links.select(F.col("parent").alias("child")).distinct()
    chained = links.join(parents, "child", "left_semi").select("child")
    several = links.groupBy("child").count().filter(F.col("count") > 1).select("child")
    return chained.unionByName(several).isEmpty()


def graph_components(graph: SparkGraph) -> DataFrame:
    """``author_id`` and ``component`` (its smallest author id) of every author."""
    vertices = graph.nodes.select(F.col("author_id").alias("id"))
    links = graph.edges.select(F.col("source").alias("src"), F.col("target").alias("dst"))
    return connected_components(vertices, links).withColumnRenamed("id", "author_id")
