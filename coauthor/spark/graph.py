"""The weighted collaboration graph on Spark: node and edge DataFrames with
the columns of :func:`coauthor.graph.build_tables`, built by the formulas in
:mod:`coauthor.graph` (every weighting, the author cap).

The edges are a self-join of the authorships on ``paper_id`` (pairs with
``source < target``) grouped by pair: Σ_p n_p² rows in the shuffle, with n_p
capped by ``max_authors`` — the cap bounds the work as well as the hairball.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F

from coauthor.graph.build import DEFAULT_MAX_AUTHORS, EDGE_COLUMNS, UNDATED, check_weighting
from coauthor.names.parse import PERSON

NODE_COLUMNS = ("author_id", "name", "papers", "first_year", "last_year", "variants", "kind")


@dataclass
class SparkGraph:
    """The graph as DataFrames: ``nodes`` (:data:`NODE_COLUMNS`), ``edges``
    (:data:`coauthor.graph.EDGE_COLUMNS`, ``source < target``; years
    ``UNDATED`` when unknown) and ``info`` about the build."""

    nodes: DataFrame
    edges: DataFrame
    info: dict[str, Any] = field(default_factory=dict)

    def keep(self, nodes: DataFrame) -> SparkGraph:
        """The subgraph on the authors in ``nodes`` (a frame with ``author_id``)."""
        ids = nodes.select("author_id")
        kept = self.nodes.join(ids, "author_id", "left_semi")
        edges = self.edges.join(ids.withColumnRenamed("author_id", "source"), "source", "left_semi")
        edges = edges.join(ids.withColumnRenamed("author_id", "target"), "target", "left_semi")
        return SparkGraph(kept, edges.select(*EDGE_COLUMNS), self.info)


def build_graph(authorships: DataFrame, weight: str = "full", max_authors: int = DEFAULT_MAX_AUTHORS) -> SparkGraph:
    """The graph of an authorship frame (:mod:`coauthor.spark.authorships`).
    Runs one small job for ``info``; the tables stay lazy."""
    check_weighting(weight, max_authors)
    sizes = authorships.groupBy("paper_id").agg(F.count("*").alias("n"))
    over = (F.col("n") > max_authors) if max_authors else F.lit(False)
    stats = sizes.agg(F.sum(over.cast("long")).alias("over"), F.max("n").alias("largest")).collect()[0]
    info = {
        "weight": weight,
        "max_authors": max_authors,
        "papers_over_author_cap": int(stats["over"] or 0),
        "largest_author_count": int(stats["largest"] or 0),
    }
    nodes = node_frame(authorships)
    members = authorships.join(sizes.filter((F.col("n") >= 2) & ~over), "paper_id")
    return SparkGraph(nodes, weighted(pair_frame(members), nodes, weight), info)


def node_frame(authorships: DataFrame) -> DataFrame:
    """Per author: ``papers``, first and last year (``UNDATED`` when none),
    ``name`` (the resolver's ``author_name``; without one, the most frequent
    spelling, ties to the smallest), ``variants`` (the distinct spellings,
    sorted, ``"; "``-joined) and ``kind`` (``person`` unless the resolver
    says ``organisation``)."""
    columns = set(authorships.columns)
    shown = F.col("author_name") if "author_name" in columns else F.lit(None).cast("string")
    kind = F.col("kind") if "kind" in columns else F.lit(PERSON)
    spellings = authorships.groupBy("author_id", "name").agg(
        F.count("*").alias("n"), F.min("year").alias("first"), F.max("year").alias("last"),
        F.first(shown).alias("shown"), F.first(kind).alias("kind"),
    )  # fmt: skip
    nodes = spellings.groupBy("author_id").agg(
        F.min(F.struct((-F.col("n")).alias("rank"), F.col("name"))).alias("best"),
        F.first("shown", ignorenulls=True).alias("shown"),
        F.first("kind").alias("kind"),
        F.sum("n").alias("papers"),
        F.min("first").alias("first_year"),
        F.max("last").alias("last_year"),
        F.array_join(F.array_sort(F.collect_list("name")), "; ").alias("variants"),
    )
    return nodes.select(
        "author_id",
        F.coalesce(F.col("shown"), F.col("best.name")).alias("name"),
        "papers",
        _dated(F.col("first_year")).alias("first_year"),
        _dated(F.col("last_year")).alias("last_year"),
        "variants",
        "kind",
    )


def pair_frame(members: DataFrame) -> DataFrame:
    """Co-author pairs of the papers in ``members`` (authorships with their
    paper's author count ``n``): ``source``, ``target``, ``papers`` (c_ij),
    ``fractional`` (Σ 1/(n_p − 1)), ``first_year``, ``last_year``."""
    left = members.select("paper_id", F.col("author_id").alias("source"), "year", "n")
    right = members.select("paper_id", F.col("author_id").alias("target"))
    pairs = left.join(right, "paper_id").filter(F.col("source") < F.col("target"))
    edges = pairs.groupBy("source", "target").agg(
        F.count("*").alias("papers"),
        F.sum(1.0 / (F.col("n") - 1)).alias("fractional"),
        F.min("year").alias("first_year"),
        F.max("year").alias("last_year"),
    )
    return edges.select(
        "source", "target", "papers", "fractional",
        _dated(F.col("first_year")).alias("first_year"), _dated(F.col("last_year")).alias("last_year"),
    )  # fmt: skip


def weighted(pairs: DataFrame, nodes: DataFrame, weight: str) -> DataFrame:
    """The edges with their ``weight`` (formulas in :mod:`coauthor.graph`)."""
    joint = F.col("papers")
    if weight == "full":
        value = joint
    elif weight == "fractional":
        value = F.col("fractional")
    else:
        papers = nodes.select("author_id", "papers")
        pairs = pairs.join(papers.toDF("source", "c_i"), "source").join(papers.toDF("target", "c_j"), "target")
        c_i, c_j = F.col("c_i").cast("double"), F.col("c_j").cast("double")
        value = {
            "association": joint / (c_i * c_j),
            "jaccard": joint / (c_i + c_j - joint),
            "salton": joint / F.sqrt(c_i * c_j),
        }[weight]
    return pairs.withColumn("weight", value).select(*EDGE_COLUMNS)


def _dated(year: Column) -> Column:
    return F.coalesce(year.cast("long"), F.lit(UNDATED).cast("long"))
