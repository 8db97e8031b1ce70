"""Writing the Spark engine's results: every table as Parquet or CSV
(Spark's folders of part files, written in parallel by the executors), and
the graph in any format of :data:`coauthor.exporters.EXPORT_FORMATS` when it
is small enough to collect to the driver.

Only :func:`collect_graph` brings the edge list to the driver, after
checking its size against ``limit``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import networkx as nx
from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from coauthor.analysis.engine import SPARK_TABLES
from coauthor.errors import OptionError
from coauthor.exporters.common import file_set
from coauthor.graph.build import GraphTables, tables_to_networkx
from coauthor.spark.graph import SparkGraph
from coauthor.spark.pipeline import SparkAnalysis

OUTPUT_FORMATS = SPARK_TABLES
#: The most authors or links :func:`collect_graph` brings to the driver.
MAX_COLLECT = 1_000_000
#: Node attributes added to a collected graph, from the analysis tables.
ATTRIBUTES = {
    "centrality": ("degree", "strength", "pagerank"),
    "components": ("component",),
    "communities": ("community",),
}


def write_frame(frame: DataFrame, path: str | os.PathLike[str], fmt: str = "parquet") -> str:
    """Write ``frame`` as a Parquet or CSV folder at ``path`` (replacing it);
    returns the path. A path without a scheme is a local path."""
    if fmt not in OUTPUT_FORMATS:
        raise OptionError(f"unknown table format '{fmt}' (use {' or '.join(OUTPUT_FORMATS)})")
    target = str(path) if "://" in str(path) else str(Path(path).absolute())
    writer = frame.write.mode("overwrite").format(fmt)
    if fmt == "csv":
        writer = writer.option("header", True)
    writer.save(target)
    return str(path)


def write_tables(analysis: SparkAnalysis, out_dir: str | os.PathLike[str], fmt: str = "parquet") -> list[str]:
    """Write ``nodes``, ``edges``, ``centrality`` (by PageRank), ``components``,
    ``communities`` and ``timeline`` as ``NAME.parquet`` or ``NAME.csv``
    folders under ``out_dir``; returns the paths written."""
    spark = analysis.centrality.sparkSession
    rank = F.round("pagerank", 12)  # float noise never reorders tied authors (as coauthor.analysis.centrality)
    tables = {
        "nodes": analysis.graph.nodes.orderBy("author_id"),
        "edges": analysis.graph.edges.orderBy("source", "target"),
        "centrality": analysis.centrality.orderBy(rank.desc(), "author_id"),
        "components": analysis.components.orderBy("component", "author_id"),
        "communities": analysis.communities.orderBy("community", "author_id"),
        "timeline": spark.createDataFrame(analysis.timeline).orderBy("year").coalesce(1),
    }
    base = str(out_dir).rstrip("/")
    return [write_frame(frame, f"{base}/{name}.{fmt}", fmt) for name, frame in tables.items()]


def write_graph_tables(analysis: SparkAnalysis, path: str | os.PathLike[str], fmt: str) -> list[str]:
    """The graph as two tables (a folder: ``nodes.FMT``, ``edges.FMT``; or a
    stem: ``STEM_nodes.FMT``, ``STEM_edges.FMT``), the nodes with every
    attribute of :func:`collect_graph`."""
    nodes = analysis.graph.nodes
    for table, columns in ATTRIBUTES.items():
        nodes = nodes.join(getattr(analysis, table).select("author_id", *columns), "author_id", "left")
    nodes_path, edges_path = file_set(path, [f"nodes.{fmt}", f"edges.{fmt}"])
    return [
        write_frame(nodes.orderBy("author_id"), nodes_path, fmt),
        write_frame(analysis.graph.edges.orderBy("source", "target"), edges_path, fmt),
    ]


def collect_graph(
    analysis: SparkAnalysis, metadata: dict[str, Any] | None = None, limit: int = MAX_COLLECT
) -> nx.Graph:
    """The analysed graph as networkx (node attributes: name, papers, years,
    variants, degree, strength, pagerank, component, community), when it has
    at most ``limit`` authors and links; OptionError otherwise."""
    check_collectable(analysis.graph, limit)
    nodes = analysis.graph.nodes.toPandas().set_index("author_id").sort_index()  # type: ignore[attr-defined]  # stubs
    edges = analysis.graph.edges.orderBy("source", "target").toPandas()
    keep = ("weight", "max_authors", "papers_over_author_cap", "largest_author_count")
    info = {key: analysis.graph.info[key] for key in keep if key in analysis.graph.info}
    info.update(engine="spark", community_method=analysis.info.get("community_method"))
    info["modularity"] = analysis.info.get("modularity")
    graph = tables_to_networkx(GraphTables(nodes, edges, {k: v for k, v in info.items() if v is not None}), metadata)
    for table, columns in ATTRIBUTES.items():
        values = getattr(analysis, table).select("author_id", *columns).toPandas().set_index("author_id")
        for column in columns:
            nx.set_node_attributes(graph, values[column].to_dict(), column)
    return graph


def check_collectable(graph: SparkGraph, limit: int = MAX_COLLECT) -> None:
    """OptionError when the graph has more than ``limit`` authors or links."""
    authors, links = graph.info.get("authors"), graph.info.get("links")
    if authors is None or links is None:
        authors, links = graph.nodes.count(), graph.edges.count()
    if max(authors, links) > limit:
        raise OptionError(
            f"the graph has {authors:,} authors and {links:,} links, more than the {limit:,} that are collected "
            "to one machine for a graph file; write Parquet or CSV tables instead (-o graph.parquet)"
        )
