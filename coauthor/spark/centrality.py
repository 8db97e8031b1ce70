"""Centrality that scales out: degree, strength (sums over the edges) and
PageRank (:mod:`coauthor.spark.pagerank`). Betweenness, closeness,
eigenvector, k-core and clustering need the whole graph on one machine: run
the single-machine engine on the written tables when they are wanted."""

from __future__ import annotations

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from coauthor.spark.graph import SparkGraph
from coauthor.spark.pagerank import pagerank

MEASURES = ("degree", "strength", "pagerank")


def degree_strength(graph: SparkGraph) -> DataFrame:
    """``author_id``, ``degree`` (co-authors) and ``strength`` (sum of edge
    weights) of every author; 0 for authors without links."""
    ends = graph.edges.select(F.col("source").alias("author_id"), "weight").unionByName(
        graph.edges.select(F.col("target").alias("author_id"), "weight")
    )
    sums = ends.groupBy("author_id").agg(F.count("*").alias("degree"), F.sum("weight").alias("strength"))
    found = graph.nodes.select("author_id").join(sums, "author_id", "left")
    zero = F.lit(0).cast(dict(sums.dtypes)["strength"])
    return found.select(
        "author_id", F.coalesce("degree", F.lit(0)).alias("degree"), F.coalesce("strength", zero).alias("strength")
    )


def centrality_frame(graph: SparkGraph) -> tuple[DataFrame, int]:
    """``author_id``, ``name``, ``papers``, ``degree``, ``strength`` and
    ``pagerank`` of every author; and the PageRank iterations run."""
    ranks, iterations = pagerank(graph.nodes, graph.edges)
    table = graph.nodes.select("author_id", "name", "papers").join(degree_strength(graph), "author_id")
    return table.join(ranks, "author_id"), iterations
