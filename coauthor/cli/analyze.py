"""``coauthor analyze`` and ``coauthor sensitivity``: the analysis tables."""

from __future__ import annotations

from pathlib import Path

import click

from coauthor.cli.job import Job, job_options, read_options, summary
from coauthor.cli.options import (
    filter_options,
    method_option,
    output_option,
    seed_option,
)
from coauthor.errors import CoauthorError
from coauthor.graph.filters import GraphOptions
from coauthor.pipeline import Analysis
from coauthor.readers import ReadOptions


@click.command(name="analyze")
@job_options
@output_option("Folder for the tables (created if needed).", folder=True)
def analyze_command(job: Job, out_dir: Path) -> None:
    """Analyse records or one graph file, GraphML or GEXF (written by
    coauthor, networkx, igraph, Gephi: name or label on nodes, weight on
    edges): write centrality,
    communities, per-year and per-author timelines, communities over
    time and the bibliometric indicators (also per year) as CSV tables."""
    from coauthor.report.make import OLD_TABLE_NAMES, write_analysis

    result = job.run()
    if not isinstance(result, Analysis):  # --engine spark: Spark's tables
        return job.write_spark_result(result, out_dir)
    written = write_analysis(result, out_dir)
    summary(result)
    click.echo(f"Written to {out_dir}/:")
    for path in written:
        old = OLD_TABLE_NAMES.get(path.name)
        click.echo(f"  {path.relative_to(out_dir)}" + (f" (the old name of {old}, written until 0.2)" * bool(old)))


@click.command()
@read_options()
@output_option("Also write rankings.csv and partitions.csv to this folder.", folder=True, required=False)
@click.option("--top-k", type=click.IntRange(min=2), default=20, show_default=True,
              help="How many top authors (by PageRank) to compare.")  # fmt: skip
@click.option(
    "--resolutions", default="0.5,1,2", show_default=True, metavar="R,R,...", help="Community resolutions to compare."
)
@filter_options
@method_option()
@seed_option("Seed of the community search and of sampled centrality.")
def sensitivity(
    inputs: tuple[Path, ...], options: ReadOptions, input_format: str | None, out_dir: Path | None, top_k: int,
    resolutions: str, graph_options: GraphOptions, method: str, seed: int,
) -> None:  # fmt: skip
    """Compare the top authors and the communities across the five
    weightings and several resolutions (Spearman/Kendall, ARI/NMI), to see
    which conclusions are robust. The filters choose the authors compared
    (applied to the full-weight graph)."""
    from coauthor.exporters.rows import write_table
    from coauthor.pipeline import compare_weightings

    try:
        values = [float(r) for r in resolutions.split(",") if r.strip()]
    except ValueError as exc:
        raise CoauthorError(f"--resolutions '{resolutions}': expected numbers separated by commas") from exc
    rankings, partitions = compare_weightings(
        inputs, options, graph_options, input_format, resolutions=values, top_k=top_k, seed=seed, method=method
    )
    click.echo(f"Top-{top_k} authors by PageRank, compared between weightings:")
    click.echo(rankings.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    click.echo("\nCommunities compared with the full weighting at resolution 1:")
    click.echo(partitions.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    if out_dir is not None:
        write_table(rankings, out_dir / "rankings.csv", index=False)
        write_table(partitions, out_dir / "partitions.csv", index=False)
        click.echo(f"Written to {out_dir}/: rankings.csv, partitions.csv")
