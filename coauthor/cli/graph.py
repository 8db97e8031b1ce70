"""``coauthor graph`` and ``coauthor export``: the graph written as a file."""

from __future__ import annotations

from pathlib import Path

import click
import networkx as nx

from coauthor.analysis.engine import SPARK_TABLES, runs_on_spark
from coauthor.cli.job import Job, job_options, read_options
from coauthor.cli.options import level_option, output_option
from coauthor.exporters import EXPORT_FORMATS, GRAPH_SUFFIXES, export_format
from coauthor.exporters.rows import write_graph
from coauthor.graph.levels import level_line, nodes_word
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
    _say_level(result.graph)
    click.echo(
        f"{result.graph.number_of_nodes()} {nodes_word(result.graph)}, {result.graph.number_of_edges()} "
        f"{_links(result.graph)} written to {output}",
        err=True,
    )


def _links(graph: nx.Graph) -> str:
    return "co-author links" if nodes_word(graph) == "authors" else "collaboration links"


def _say_level(graph: nx.Graph) -> None:
    line = level_line(graph)
    if line:
        click.echo(line, err=True)


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
@level_option()
def export(
    inputs: tuple[Path, ...], options: ReadOptions, input_format: str | None, output: Path, to: str | None, level: str
) -> None:
    """Write the graph in a format another program opens: GraphML, GEXF
    (dynamic, years on Gephi's timeline), Pajek, VOSviewer, CSV tables,
    node-link JSON or Cytoscape.js. INPUTS are records (the graph is built
    and analysed as by `coauthor graph`) or one .graphml written by coauthor."""
    chosen = export_format(output, to)
    built = graph_for_export(inputs, options, input_format, level)
    written = chosen.write(built, output)
    _say_level(built)
    click.echo(
        f"{built.number_of_nodes()} {nodes_word(built)}, {built.number_of_edges()} {_links(built)} written as "
        f"{chosen.name} to {', '.join(str(p) for p in written)}",
        err=True,
    )
