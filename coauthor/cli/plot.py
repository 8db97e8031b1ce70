"""``coauthor plot`` and ``coauthor html``: one figure, or the interactive map."""

from __future__ import annotations

from pathlib import Path

import click

from coauthor.cli.job import Job, job_options
from coauthor.cli.options import (
    components_option,
    figure_options,
    max_nodes_option,
    output_option,
    size_by_option,
)
from coauthor.graph.levels import level_line, nodes_word
from coauthor.plot.html import MAX_HTML_NODES
from coauthor.plot.kinds import KINDS, PlotOptions

_KINDS_HELP = "; ".join(f"{k.name}: {k.description}" for k in KINDS.values())


@click.command(epilog=f"Kinds: {_KINDS_HELP}.")
@click.argument("kind", metavar="KIND")
@job_options
@output_option("Figure file; the format comes from the extension (.png, .svg, .pdf).")
@figure_options()
def plot(kind: str, job: Job, output: Path, figure: PlotOptions) -> None:
    """Draw one figure of KIND from INPUTS (records, or one .graphml written
    by coauthor) and write it as PNG, SVG or PDF, with a caption line saying
    what data and options it shows."""
    from coauthor.plot.kinds import draw_figure, figure_kind
    from coauthor.plot.style import authors_drawn, figure_format, save_figure

    figure_kind(kind)
    figure_format(output)
    result = job.analyze()
    drawn = draw_figure(kind, result, job.figure(figure))
    save_figure(drawn, output)
    total, shown = result.graph.number_of_nodes(), authors_drawn(drawn)
    cut = shown is not None and shown < total
    word = nodes_word(result.graph)
    showing = f"showing {shown:,} of {total:,} {word}" if cut else f"of {total:,} {word}"
    if level_line(result.graph):
        click.echo(level_line(result.graph), err=True)
    click.echo(f"{kind} figure {showing} written to {output}", err=True)


@click.command(name="html")
@job_options
@output_option("The page (.html): one self-contained file that works offline.")
@size_by_option("Node size.")
@max_nodes_option(MAX_HTML_NODES, "Show at most this many authors (the most central); the page says so.")
@components_option()
def html_command(job: Job, output: Path, size_by: str, max_nodes: int, components: int) -> None:
    """Write an interactive map of the network as one HTML page that works
    offline: the network figure's sizes, colours and seeded layout, a search
    box, details on hover, click to highlight co-authors, a community
    filter."""
    from coauthor.plot.html import write_map
    from coauthor.plot.kinds import figure_caption

    result = job.analyze()
    caption = figure_caption(result)
    written = write_map(result.graph, result.centrality, result.communities, output, size_by, job.analysis.seed,
                        max_nodes, caption, components)  # fmt: skip
    if level_line(result.graph):
        click.echo(level_line(result.graph), err=True)
    click.echo(str(written), err=True)
