"""Papers -> authorships on Spark: one row per (paper, author), columns
:data:`AUTHORSHIP_COLUMNS`.

Authors are who the single-machine engine says they are: the names are
resolved by :mod:`coauthor.spark.resolve` (the alias file, identifiers,
equal names once folded, compatible variants and initials), with the same
ids, display names (``author_name``) and kinds, so both engines build the
same graph. A person listed twice on one paper keeps the first position.
"""

from __future__ import annotations

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from coauthor.graph.filters import GraphOptions
from coauthor.spark.resolve import resolved_authorships

AUTHORSHIP_COLUMNS = ("paper_id", "position", "name", "author_id", "author_name", "kind", "year")


def authorship_frame(
    papers: DataFrame, years: tuple[int, int] | None = None, options: GraphOptions | None = None
) -> DataFrame:
    """The authorships of ``papers`` (:mod:`coauthor.spark.read`), only those
    published within ``years`` when given (undated papers then left out),
    resolved with the name options of ``options`` (``resolve``,
    ``aliases``, ``organisations``)."""
    if years is not None:
        papers = papers.filter(F.col("year").between(*years))
    return resolved_authorships(papers, options or GraphOptions())
