"""The graph filters that make sense distributed, in the order of
:mod:`coauthor.graph.filters`: ``--years`` (on the papers, before the build: see
:func:`coauthor.spark.authorships.authorship_frame`), ``--min-papers``,
``--min-weight``, ``--top`` (by papers or degree) and
``--largest-component``. ``--ego`` and ``--focus`` pick a few authors out of
the whole graph: filter the written tables, or run the single-machine
engine on a smaller input.
"""

from __future__ import annotations

from pyspark.sql import functions as F

from coauthor.errors import OptionError
from coauthor.graph.filters import GraphOptions
from coauthor.spark.centrality import degree_strength
from coauthor.spark.components import graph_components
from coauthor.spark.graph import SparkGraph

TOP_BY = ("papers", "degree")


def check_options(options: GraphOptions) -> None:
    """OptionError for the options the Spark engine does not offer."""
    if options.ego or options.focus:
        raise OptionError("--ego and --focus are not available with --engine spark; filter its tables instead")
    if options.top and options.top_by not in TOP_BY:
        raise OptionError(f"--top-by {options.top_by} is not available with --engine spark (use {' or '.join(TOP_BY)})")
    if options.resolve == "split":
        raise OptionError("--resolve split is not available with --engine spark (use default, strict or off)")


def filter_graph(graph: SparkGraph, options: GraphOptions) -> SparkGraph:
    """Steps 3 to 6 of :mod:`coauthor.graph.filters` on a built graph."""
    check_options(options)
    if options.min_papers > 1:
        graph = graph.keep(graph.nodes.filter(F.col("papers") >= options.min_papers))
    if options.min_weight:
        graph = SparkGraph(graph.nodes, graph.edges.filter(F.col("weight") >= options.min_weight), graph.info)
    if options.top:
        scored = graph.nodes if options.top_by == "papers" else degree_strength(graph)
        top = scored.orderBy(F.desc(options.top_by), F.asc("author_id")).limit(options.top)
        graph = graph.keep(top)
    if options.largest_component:
        found = graph_components(graph)
        sizes = found.groupBy("component").count()
        largest = sizes.orderBy(F.desc("count"), F.desc("component")).first()  # ties as coauthor.graph.filters
        if largest is not None:
            graph = graph.keep(found.filter(F.col("component") == largest["component"]))
    return graph
