"""Who is who on the Spark engine: the single-machine engine's name
resolution (:func:`coauthor.names.resolve.resolve_mentions`), so both
engines give the same authors.

Resolving names needs a view of every mention at once (a variant joins the
only person it fits; initials are decided by the co-authors), so it runs on
the driver over the mention table (paper id, position, name, ORCID,
author id, year: no titles or other fields), which comes from the executors
through Arrow; the resolved authorships go back to them the same way. The
driver's Python grows by ~1.1 KB per authorship (measured: docs/scaling.md);
the graph, centralities, components and communities stay distributed.
"""

from __future__ import annotations

import pandas as pd
from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F

from coauthor.graph.filters import GraphOptions, authorships_of
from coauthor.names.aliases import read_aliases
from coauthor.names.resolve import MENTION_COLUMNS, resolve_mentions

#: The authorships after resolution (``author_name``: the display name;
#: ``kind``: ``person`` or ``organisation``).
RESOLVED_SCHEMA = (
    "paper_id string, position long, name string, author_id string, author_name string, kind string, year int"
)


def mention_frame(papers: DataFrame) -> DataFrame:
    """One row per name of ``papers`` (``paper_id``, ``authors``,
    ``written``, ``orcids``, ``external_ids``, ``organisations``, ``year``,
    ``order``), columns :data:`coauthor.names.resolve.MENTION_COLUMNS` and
    ``order``, as :func:`coauthor.names.resolve.resolve` makes them."""
    exploded = papers.select("*", F.posexplode("authors").alias("position", "name"))
    at = F.col("position") + 1

    def parallel(column: str) -> Column:
        values = F.coalesce(F.col(column), F.array().cast("array<string>"))
        return F.when(F.col("position") < F.size(values), F.element_at(values, at.cast("int")))

    return exploded.select(
        "paper_id",
        F.col("position").cast("long").alias("position"),
        "name",
        (F.col("position") >= F.col("written")).alias("inferred"),
        "year",
        parallel("orcids").alias("orcid"),
        parallel("external_ids").alias("external_id"),
        F.coalesce(F.array_contains("organisations", F.col("position").cast("int")), F.lit(False)).alias("declared"),
        "order",
    )


def resolved_authorships(papers: DataFrame, options: GraphOptions) -> DataFrame:
    """The authorships of ``papers`` (:data:`RESOLVED_SCHEMA`), resolved
    with ``options.resolve`` and ``options.aliases`` and without the
    organisations when ``options.organisations`` is ``drop``, exactly as on
    one machine."""
    spark = papers.sparkSession
    mentions = mention_frame(papers).orderBy("order", "position").drop("order")
    table = pd.DataFrame(mentions.toPandas())[MENTION_COLUMNS].astype({"year": "object"})
    table["year"] = [None if pd.isna(y) else int(y) for y in table["year"]]
    aliases = read_aliases(options.aliases) if options.aliases else None
    resolved = authorships_of(resolve_mentions(table, aliases, options.resolve), options.organisations)
    chosen = resolved[["paper_id", "position", "name", "author_id", "author_name", "kind", "year"]]
    return spark.createDataFrame(chosen.astype({"year": "Int32"}), RESOLVED_SCHEMA)
