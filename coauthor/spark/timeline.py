"""The per-year table of :func:`coauthor.analysis.timeline.timeline` on
Spark (columns :data:`coauthor.analysis.timeline.YEAR_COLUMNS`).

Counts per year are aggregations. ``largest_component_share`` needs the
components of the graph as it stood at the end of every year, for every
year at once: each author carries a *staircase* of (year, label) steps —
from that year on, the smallest author id it is connected to — starting
with (its first year, itself). Every round, each link passes its ends'
steps to the other end, no earlier than the link's first year, and each
author keeps the steps that lower its label. When no staircase changes
(rounds = the longest shortest path, not the number of years), an author's
component at year y is labelled by its last step up to y, and one
aggregation counts the components of every year. The table itself has one
row per year and is built on the driver.
"""

from __future__ import annotations

import pandas as pd
from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F

from coauthor.analysis.timeline import YEAR_COLUMNS
from coauthor.graph.build import UNDATED
from coauthor.spark.graph import SparkGraph
from coauthor.spark.session import checkpoint, cut

#: Rounds after which the staircases have certainly settled (the longest
#: shortest path of a co-authorship graph is far shorter).
MAX_ROUNDS = 10_000


def timeline_frame(graph: SparkGraph, authorships: DataFrame) -> pd.DataFrame:
    """One row per year in which an author or a link of ``graph`` first
    appears; ``papers`` and ``active_authors`` counted over ``authorships``
    (all dated ones, as the single-machine engine does)."""
    new_authors, new_links = _per_year(graph.nodes), _per_year(graph.edges)
    years = sorted(set(new_authors) | set(new_links))
    dated = authorships.filter(F.col("year").isNotNull()).groupBy("year")
    active = dated.agg(F.countDistinct("paper_id").alias("papers"), F.countDistinct("author_id").alias("active"))
    counts = {int(r["year"]): (int(r["papers"]), int(r["active"])) for r in active.collect()}
    table = pd.DataFrame({"year": pd.array(years, dtype="int64")})
    table["papers"] = [counts.get(y, (0, 0))[0] for y in years]
    table["active_authors"] = [counts.get(y, (0, 0))[1] for y in years]
    table["new_authors"] = [new_authors.get(y, 0) for y in years]
    table["new_collaborations"] = [new_links.get(y, 0) for y in years]
    table["authors_total"] = table["new_authors"].cumsum()
    table["collaborations_total"] = table["new_collaborations"].cumsum()
    table["largest_component_share"] = largest_shares(graph, years)
    return table[YEAR_COLUMNS].astype({c: "int64" for c in YEAR_COLUMNS[:-1]})


def _per_year(frame: DataFrame) -> dict[int, int]:
    """Rows per (dated) ``first_year``."""
    rows = frame.filter(F.col("first_year") != UNDATED).groupBy("first_year").count().collect()
    return {int(r["first_year"]): int(r["count"]) for r in rows}


def largest_shares(graph: SparkGraph, years: list[int]) -> list[float]:
    """For each year, the largest component's share of the authors so far."""
    if not years:
        return []
    steps = staircases(graph)
    year = F.array(*(F.lit(y).cast("long") for y in years))
    label_at = lambda y: F.element_at(F.filter("steps", lambda step: step["year"] <= y), -1)["label"]  # noqa: E731
    present = F.filter(year, lambda y: y >= F.col("first_year"))
    rows = steps.select(
        F.explode(F.transform(present, lambda y: F.struct(y.alias("year"), label_at(y).alias("label"))))
    )
    sizes = rows.groupBy("col.year", "col.label").count().groupBy("year")
    found = {r["year"]: r["largest"] / r["present"] for r in sizes.agg(
        F.max("count").alias("largest"), F.sum("count").alias("present")).collect()}  # fmt: skip
    return [float(found.get(y, 0.0)) for y in years]


def staircases(graph: SparkGraph) -> DataFrame:
    """``id``, ``first_year`` and ``steps`` (year, label) of every dated
    author (see the module docs). One round is one join and one
    aggregation, in one Spark job that also checkpoints the staircases."""
    dated = graph.nodes.filter(F.col("first_year") != UNDATED)
    start = F.array(F.struct(F.col("first_year").alias("year"), F.col("author_id").alias("label")))
    state = cut(dated.select(F.col("author_id").alias("id"), start.alias("steps")).repartition("id"))
    links = graph.edges.filter(F.col("first_year") != UNDATED).select("source", "target", "first_year")
    passes = links.select(F.col("source").alias("src"), F.col("target").alias("id"), F.col("first_year").alias("since"))
    passes = passes.unionByName(links.select("target", "source", "first_year").toDF("src", "id", "since"))
    own = state.select(F.col("id").alias("src"), "id", F.lit(None).cast("long").alias("since"))
    passes = cut(
        passes.withColumn("own", F.lit(False)).unionByName(own.withColumn("own", F.lit(True))).repartition("src")
    )
    for _ in range(MAX_ROUNDS):
        passed = passes.join(state.withColumnRenamed("id", "src"), "src").select(
            "id",
            "own",
            "steps",
            F.transform(
                "steps", lambda s: F.struct(F.greatest(s["year"], F.col("since")).alias("year"), s["label"])
            ).alias("moved"),
        )  # greatest() skips the null "since" of an author's own row
        merged = passed.groupBy("id").agg(
            _lowering(F.array_sort(F.flatten(F.collect_list("moved")))).alias("steps"),
            F.first(F.when(F.col("own"), F.col("steps")), ignorenulls=True).alias("old"),
        )
        new, stats = checkpoint(merged, changed=F.count_if(F.col("steps") != F.col("old")))
        state = new.drop("old")
        if not stats["changed"]:
            break
    return state.join(dated.select(F.col("author_id").alias("id"), "first_year"), "id")


def _lowering(steps: Column) -> Column:
    """The steps (sorted by year, then label) that lower the label."""
    empty = F.array().cast("array<struct<year:bigint,label:string>>")
    keep = lambda kept, step: F.when(  # noqa: E731
        (F.size(kept) == 0) | (step["label"] < F.element_at(kept, -1)["label"]), F.concat(kept, F.array(step))
    ).otherwise(kept)
    return F.aggregate(steps, empty, keep)
