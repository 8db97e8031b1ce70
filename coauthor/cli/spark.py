"""``coauthor analyze`` and ``coauthor graph`` with ``--engine spark``: the
click side of the Spark engine. :func:`coauthor.pipeline.analyze` runs the
job on Spark when ``--engine spark`` is given; the two commands hand its
tables here (importing this module only then) to be written; every Spark
failure reaches the user as one ``Error:`` line.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import click

from coauthor.analysis.engine import SPARK
from coauthor.errors import OptionError
from coauthor.exporters import write_graph
from coauthor.graph.filters import GraphOptions
from coauthor.pipeline import Analysis, AnalysisOptions, analyze, run_metadata
from coauthor.readers import ReadOptions
from coauthor.records import ReadReport
from coauthor.spark.errors import spark_errors
from coauthor.spark.output import OUTPUT_FORMATS, check_collectable, collect_graph, write_graph_tables, write_tables
from coauthor.spark.pipeline import SparkAnalysis, community_method

COMMANDS = ("analyze", "graph")


def run_with_spark(
    command: str,
    analysis_options: AnalysisOptions,
    spark_master: str,
    spark_output: str,
    inputs: tuple[Path, ...],
    options: ReadOptions,
    input_format: str | None,
    graph_options: GraphOptions,
    **outputs: Path,
) -> None:
    """Run ``command`` (``analyze`` or ``graph``) on Spark at ``spark_master``
    and write its ``out_dir`` or ``output`` (the entry point of 0.1's
    ``coauthor.spark.cli``; the commands call :func:`coauthor.pipeline.analyze`)."""
    chosen = dataclasses.replace(analysis_options, engine=SPARK, spark_master=spark_master)
    output = outputs.get("out_dir") or outputs["output"]
    name = _command(command)
    result = analyze(inputs, options, graph_options, chosen, input_format)
    assert not isinstance(result, Analysis)  # engine="spark" gives Spark's tables
    write_spark_result(name, result, chosen, spark_output, inputs, options, graph_options, output)


def _command(command: str) -> str:
    name = command.removesuffix("_command")
    if name not in COMMANDS:
        raise OptionError(f"--engine spark runs `coauthor analyze` and `coauthor graph`, not `coauthor {name}`")
    return name


def write_spark_result(
    command: str,
    result: SparkAnalysis,
    analysis_options: AnalysisOptions,
    spark_output: str,
    inputs: tuple[Path, ...],
    options: ReadOptions,
    graph_options: GraphOptions,
    output: Path,
) -> None:
    """Write what ``command`` (``analyze`` or ``graph``) writes from the
    Spark engine's tables: Spark tables in ``spark_output`` format and the
    graph (analyze), or the graph file or tables (graph)."""
    name = _command(command)
    chosen = dataclasses.replace(analysis_options, method=community_method(analysis_options.method))
    with spark_errors(result.run.log if result.run else None):
        meta = run_metadata(inputs, options, graph_options, chosen)
        if name == "analyze":
            _summary(result)
            _write_analysis(result, output, spark_output, meta)
        else:
            _write_graph(result, output, meta)


def _write_analysis(result: SparkAnalysis, out_dir: Path, fmt: str, meta: dict[str, Any]) -> None:
    written = [Path(p).name + "/" for p in write_tables(result, out_dir, fmt)]
    try:
        check_collectable(result.graph)
    except OptionError as exc:
        click.echo(f"graph.graphml not written: {exc}", err=True)
    else:
        write_graph(collect_graph(result, meta), out_dir / "graph.graphml")
        written.append("graph.graphml")
    click.echo(f"Written to {out_dir}/:")
    for name in written:
        click.echo(f"  {name}")


def _write_graph(result: SparkAnalysis, output: Path, meta: dict[str, Any]) -> None:
    fmt = _table_format(output)
    if fmt is not None:
        written = write_graph_tables(result, output, fmt)
    else:
        written = [str(p) for p in write_graph(collect_graph(result, meta), output)]
    info = result.graph.info
    click.echo(f"{info['authors']} authors, {info['links']} co-author links written to {', '.join(written)}", err=True)


def _table_format(output: Path) -> str | None:
    """``parquet`` or ``csv`` when the graph goes to Spark tables."""
    suffix = output.suffix.lower().lstrip(".")
    return suffix if suffix in OUTPUT_FORMATS else None


def read_line(papers: int, reports: list[ReadReport]) -> str:
    """The summary's line on what was read, as the single-machine engine
    says it (:meth:`coauthor.pipeline.Analysis.summary`)."""
    merged = sum(r.merged for r in reports)
    skipped = sum(sum(r.skipped.values()) for r in reports)
    return f"Papers: {papers} ({merged} records merged, {skipped} skipped; see `coauthor inspect`)"


def _summary(result: SparkAnalysis) -> None:
    info = result.info | result.graph.info
    click.echo(read_line(info["papers"], result.reports))
    if info.get("papers_over_author_cap"):
        click.echo(f"Papers with more than {info['max_authors']} authors left out of the edges: "
                   f"{info['papers_over_author_cap']} (largest: {info['largest_author_count']} authors; "
                   "see --max-authors)")  # fmt: skip
    click.echo(f"Authors: {info['authors']}   co-author links: {info['links']}   (engine: Spark)")
    top = result.centrality.orderBy(result.centrality["pagerank"].desc(), "author_id").limit(5).collect()
    click.echo(f"Top authors (PageRank, {info['pagerank_iterations']} iterations): {', '.join(r['name'] for r in top)}")
    click.echo(f"Components: {info['components']} (largest: {info['largest_component']} authors)")
    click.echo(f"Communities ({info['community_method']}): {info['communities']} (modularity {info['modularity']:.3f})")
