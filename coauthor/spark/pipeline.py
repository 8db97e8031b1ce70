"""The Spark engine's whole path: read -> authorships -> graph -> filters ->
degree, strength, PageRank, components, communities, timeline.

Everything is a DataFrame until it is written (:mod:`coauthor.spark.output`);
only one-number results (counts, convergence checks) and per-year or
per-partition tables come back to the driver.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from coauthor.analysis.timeline import YEAR_COLUMNS
from coauthor.errors import OptionError
from coauthor.graph.filters import GraphOptions
from coauthor.readers import ReadOptions
from coauthor.records import ReadReport
from coauthor.spark.authorships import authorship_frame
from coauthor.spark.centrality import centrality_frame
from coauthor.spark.components import graph_components
from coauthor.spark.filters import check_options, filter_graph
from coauthor.spark.graph import SparkGraph, build_graph
from coauthor.spark.groups import modularity, numbered
from coauthor.spark.labelprop import label_propagation
from coauthor.spark.parse import release_parsed
from coauthor.spark.read import read_with_reports
from coauthor.spark.session import SparkRun, checkpoint, cut
from coauthor.spark.timeline import timeline_frame

#: The community method of the Spark engine (the same as the single-machine
#: ``label-propagation-sync``); ``leiden``, the CLI's default, is read as it.
METHOD = "label-propagation-sync"


@dataclass
class SparkAnalysis:
    """The filtered ``graph``, the ``authorships`` it was built from and the
    tables: ``centrality`` (author_id, name, papers, degree, strength,
    pagerank), ``components`` and ``communities`` (author_id, name, number,
    size; 0 = the largest, ties by smallest author id) and ``timeline`` (one
    row per year, pandas). ``info``: the build's info, PageRank iterations,
    label propagation rounds, modularity and sizes. ``reports``: what became
    of the records of the files read by coauthor's readers."""

    graph: SparkGraph
    authorships: DataFrame
    centrality: DataFrame
    components: DataFrame
    communities: DataFrame
    timeline: pd.DataFrame
    info: dict[str, Any] = field(default_factory=dict)
    reports: list[ReadReport] = field(default_factory=list)
    #: The session the tables live in (writing them runs Spark again:
    #: ``with result.run.errors():``).
    run: SparkRun | None = None


def community_method(method: str) -> str:
    """The Spark engine's community method for a ``--method`` value."""
    if method not in ("leiden", METHOD):
        raise OptionError(f"--engine spark finds communities with {METHOD} only, not {method}")
    return METHOD


def analyze(
    spark: SparkSession,
    inputs: Sequence[str | os.PathLike[str]],
    options: GraphOptions | None = None,
    input_format: str | None = None,
    read_options: ReadOptions | None = None,
    with_timeline: bool = True,
) -> SparkAnalysis:
    """Read ``inputs`` (:func:`coauthor.spark.read.read_papers`, with
    ``read_options``), build and filter the graph, and compute every table
    (the timeline left empty unless ``with_timeline``)."""
    options = options or GraphOptions()
    check_options(options)
    graph, authorships, reports = build(spark, inputs, options, input_format, read_options)
    central, iterations = centrality_frame(graph)
    names = graph.nodes.select("author_id", "name")
    components, count, largest = numbered(graph_components(graph), "component", "component")
    labels, rounds = label_propagation(graph.nodes, graph.edges)
    communities, groups, _ = numbered(labels, "label", "community")
    # every later use (summary, modularity, writing, collecting) reads them again
    central, components, communities = (
        cut(frame) for frame in (central, names.join(components, "author_id"), names.join(communities, "author_id"))
    )
    info = dict(graph.info)
    info.update(
        components=count,
        largest_component=largest,
        communities=groups,
        community_method=METHOD,
        modularity=modularity(graph, communities, "community"),
        pagerank_iterations=iterations,
        label_propagation_rounds=rounds,
    )
    years = timeline_frame(graph, authorships) if with_timeline else pd.DataFrame(columns=YEAR_COLUMNS)
    return SparkAnalysis(graph, authorships, central, components, communities, years, info, reports)


def build(
    spark: SparkSession,
    inputs: Sequence[str | os.PathLike[str]],
    options: GraphOptions,
    input_format: str | None = None,
    read_options: ReadOptions | None = None,
) -> tuple[SparkGraph, DataFrame, list[ReadReport]]:
    """The filtered graph of ``inputs`` (checkpointed; its info counts the
    papers within the years, the authors and the links), the authorships it was built from (cached: every
    later stage reads them) and the reports of the files read by coauthor's
    readers."""
    read_options = read_options or ReadOptions()
    papers, reports = read_with_reports(spark, inputs, input_format, read_options.author_sep, read_options)
    window = papers.filter(F.col("year").between(*options.years)) if options.years else papers
    count = window.count()
    authorships = authorship_frame(window, options=options).persist()
    release_parsed()  # the authorships came through the driver: nothing reads the parsed files again
    built = build_graph(authorships, options.weight, options.max_authors)
    graph = filter_graph(built, options)
    nodes, counted = checkpoint(graph.nodes, authors=F.count("*"))
    edges, linked = checkpoint(graph.edges, links=F.count("*"))
    info = {**graph.info, **counted, **linked, "papers": count}
    return SparkGraph(nodes, edges, info), authorships, reports
