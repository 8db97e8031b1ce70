"""``coauthor report``: the main job, every output in one folder."""

from __future__ import annotations

from pathlib import Path

import click

from coauthor.cli.job import Job, job_options, summary
from coauthor.cli.options import (
    figure_options,
    output_option,
)
from coauthor.cli.progress import stage_progress
from coauthor.exporters import EXPORT_FORMATS
from coauthor.plot.kinds import PlotOptions
from coauthor.report.make import DEFAULT_EXPORTS


@click.command()
@job_options
@output_option("Folder for the report (created if needed).", folder=True)
@click.option("--export", "exports", multiple=True, type=click.Choice(list(EXPORT_FORMATS)),
              default=DEFAULT_EXPORTS, show_default=True,
              help="Graph formats written besides GraphML (repeatable: --export gexf --export pajek).")  # fmt: skip
@figure_options()
def report(job: Job, out_dir: Path, exports: tuple[str, ...], figure: PlotOptions) -> None:
    """The main job: write the graph (GraphML, GEXF, VOSviewer), the
    centrality, communities, timeline and indicator tables (CSV), every figure (PNG),
    the interactive map (map.html) and index.html that shows them all to a
    folder, and summarise."""
    from coauthor.report.make import make_report

    job.require_local()
    quiet = bool(click.get_current_context().params.get("quiet"))
    with stage_progress(quiet) as stage:
        result = make_report(job.inputs, out_dir, job.read, job.graph, job.analysis, job.input_format, exports,
                             on_stage=stage, figures=job.figure(figure))  # fmt: skip
    summary(result)
    click.echo(f"Written to {out_dir}/:")
    for path in result.files:
        click.echo(f"  {path.relative_to(out_dir)}")
