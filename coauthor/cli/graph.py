"""``coauthor graph`` and ``coauthor export``: the graph written as a file."""

from __future__ import annotations

from pathlib import Path

import click

from coauthor.analysis.engine import SPARK_TABLES, runs_on_spark
from coauthor.cli.job import Job, job_options, read_options
from coauthor.cli.options import (
    output_option,
)
from coauthor.exporters import EXPORT_FORMATS, GRAPH_SUFFIXES, export_format
from coauthor.exporters.rows import write_graph
from coauthor.pipeline import Analysis, graph_for_export
from coauthor.readers import ReadOptions


@click.command()
@job_options
@output_option(f"Graph file; the format comes from the extension ({', '.join(GRAPH_SUFFIXES)}).")
def graph(job: Job, output: Path) -> None:
    """Build the weighted collaboration graph (filters applied), with
    centrality and communities as node attributes, and write it to a file."""
    if output.suffix.lower().lstrip(".") not in SPARK_TABLES or not runs_on_spark(job.analysis.engine):
        export_format(output)  # an unknown extension fails before the work
    result = job.run()
    if not isinstance(result, Analysis):  # --engine spark: Spark's tables
        return job.write_spark_result(result, output)
    write_graph(result.graph, output)
    click.echo(
        f"{result.graph.number_of_nodes()} authors, {result.graph.number_of_edges()} "
        f"co-author links written to {output}",
        err=True,
    )


_EXPORT_HELP = "; ".join(
    f"{f.name} ({', '.join(f.extensions) or 'no extension'}): {f.opens_in}" for f in EXPORT_FORMATS.values()
)


@click.command(epilog=f"Formats: {_EXPORT_HELP}.")
@read_options()
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="Output file; for csv and vosviewer a folder, or a stem (X.csv gives X_nodes.csv "
                   "and X_edges.csv).")  # fmt: skip
@click.option("--to", "to", type=click.Choice(list(EXPORT_FORMATS)), default=None,
              help="Output format [default: from the extension of -o].")  # fmt: skip
def export(
    inputs: tuple[Path, ...], options: ReadOptions, input_format: str | None, output: Path, to: str | None
) -> None:
    """Write the graph in a format another program opens: GraphML, GEXF
    (dynamic, years on Gephi's timeline), Pajek, VOSviewer, CSV tables,
    node-link JSON or Cytoscape.js. INPUTS are records (the graph is built
    and analysed as by `coauthor graph`) or one .graphml written by coauthor."""
    chosen = export_format(output, to)
    built = graph_for_export(inputs, options, input_format)
    written = chosen.write(built, output)
    click.echo(
        f"{built.number_of_nodes()} authors, {built.number_of_edges()} co-author links written as "
        f"{chosen.name} to {', '.join(str(p) for p in written)}",
        err=True,
    )
