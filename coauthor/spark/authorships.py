"""Papers -> authorships on Spark: one row per (paper, author), columns
:data:`AUTHORSHIP_COLUMNS`.

Authors are keyed by :func:`coauthor.names.name_key` (accents, case,
punctuation and spacing folded): a rule that needs no global view of the
data, so every executor applies it on its own. The key is computed by a
vectorised pandas UDF (once per distinct name in each Arrow batch), so it is
the very function the single-machine engine uses. Names whose key is empty
are left out; an author listed twice on one paper keeps the first position.
:func:`coauthor.spark.reference.keyed_authorships` builds the same table
with pandas.
"""

from __future__ import annotations

import pandas as pd
from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F
from pyspark.sql.functions import pandas_udf

from coauthor.names.parse import name_key

AUTHORSHIP_COLUMNS = ("paper_id", "position", "name", "author_id", "year")


def name_keys(names: Column) -> Column:
    """:func:`coauthor.names.name_key` of every name in the column."""

    @pandas_udf("string")  # type: ignore[call-overload]  # stubs lack this form
    def keys(batch: pd.Series) -> pd.Series:
        distinct = batch.dropna().unique()
        return batch.map(dict(zip(distinct, map(name_key, distinct), strict=True))).astype(object)

    return keys(names)


def authorship_frame(papers: DataFrame, years: tuple[int, int] | None = None) -> DataFrame:
    """The authorships of ``papers`` (:mod:`coauthor.spark.read`), only those
    published within ``years`` when given (undated papers then left out)."""
    if years is not None:
        papers = papers.filter(F.col("year").between(*years))
    mentions = papers.select("paper_id", "year", F.posexplode("authors").alias("position", "name"))
    keyed = mentions.filter(F.col("name").isNotNull()).withColumn("author_id", name_keys(F.col("name")))
    by_author = keyed.filter(F.col("author_id") != "").groupBy("paper_id", "author_id")
    first = by_author.agg(F.min(F.struct("position", "name", "year")).alias("m"))
    return first.select("paper_id", F.col("m.position").cast("long").alias("position"), "m.name", "author_id", "m.year")
