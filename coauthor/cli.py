"""The ``coauthor`` command line: parse options, call the library, print.

Every known failure is a :class:`coauthor.errors.CoauthorError`, printed as
one ``Error: ...`` line on stderr with a non-zero exit.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import click

from coauthor import __version__
from coauthor.atomic import write_text_atomic
from coauthor.cli_options import analysis_options as with_analysis_options
from coauthor.cli_options import (
    figure_options,
    filter_options,
    max_nodes_option,
    method_option,
    output_option,
    resolve_options,
    seed_option,
    size_by_option,
)
from coauthor.cli_options import graph_options as with_graph_options
from coauthor.errors import CoauthorError
from coauthor.export import RECORD_FORMATS, records_text, table_text, write_graph
from coauthor.exporters import EXPORT_FORMATS, GRAPH_SUFFIXES, export_format, graph_for_export
from coauthor.filters import GraphOptions
from coauthor.pipeline import Analysis, AnalysisOptions, analyze
from coauthor.plot.kinds import KINDS, PlotOptions
from coauthor.progress import file_progress, stage_progress
from coauthor.readers import FORMATS, UNRECOGNISED, ReadOptions, read_inputs
from coauthor.readers.limits import LIMIT_HELP, MAX_YEAR, MIN_YEAR, Limits
from coauthor.report import DEFAULT_EXPORTS

_FORMATS_HELP = "; ".join(f"{f.name}: {f.description}" for f in FORMATS.values())


def read_options(format_flag: bool = True) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The inputs argument and the options every reading command shares.

    The option forcing an input format is ``--input-format``, also spelled
    ``--format`` where the command has no output ``--format`` of its own.
    """
    format_names = ("--input-format", "--format") if format_flag else ("--input-format",)

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        return _with_read_options(command, format_names)

    return decorate


def _with_read_options(command: Callable[..., Any], format_names: tuple[str, ...]) -> Callable[..., Any]:
    @click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
    @click.option(
        "--undated-year",
        type=click.IntRange(MIN_YEAR, MAX_YEAR),
        default=None,
        metavar="YEAR",
        help="Year for dates printed without one [default: the current year].",
    )
    @click.option(
        "--owner",
        default=None,
        metavar="NAME",
        help="Owner of profile pages (an author of every paper on the page); "
        "overrides the page header or the name common to its papers.",
    )
    @click.option(
        *format_names,
        "input_format",
        type=click.Choice(list(FORMATS)),
        default=None,
        help="Read every input as this format instead of detecting it.",
    )
    @click.option(
        "--author-sep",
        default=";",
        show_default=True,
        metavar="SEP",
        help="Separator of names in the authors column of a generic CSV.",
    )
    @click.option("--limit", "limits", multiple=True, metavar="NAME=N",
                  help=f"Change a limit on the input (repeatable; 0: no limit): {LIMIT_HELP}.")  # fmt: skip
    @click.option("--encoding", default=None, metavar="NAME",
                  help="Text encoding of every input (utf-8, cp1252, gb18030, ...) instead of the one "
                       "detected.")  # fmt: skip
    @click.option("-q", "--quiet", is_flag=True, help="No progress bar on standard error.")
    @functools.wraps(command)
    def wrapper(
        *args: Any, undated_year: int | None, owner: str | None, author_sep: str, limits: tuple[str, ...],
        encoding: str | None, quiet: bool, **kwargs: Any,
    ) -> Any:  # fmt: skip
        with file_progress(quiet) as progress:
            try:
                options = ReadOptions(owner=owner, author_sep=author_sep, progress=progress,
                                      limits=Limits.parse(limits), encoding=encoding)  # fmt: skip
                if undated_year is not None:
                    options = dataclasses.replace(options, undated_year=undated_year)
                return command(*args, options=options, **kwargs)
            except CoauthorError as exc:
                raise click.ClickException(str(exc)) from exc

    return wrapper


@dataclass(frozen=True)
class Job:
    """What to read and how to build and analyse it: the options shared by
    ``graph``, ``analyze``, ``report``, ``plot`` and ``html``."""

    inputs: tuple[Path, ...]
    read: ReadOptions
    input_format: str | None
    graph: GraphOptions
    analysis: AnalysisOptions

    def figure(self, chosen: PlotOptions) -> PlotOptions:
        """The figure options ``chosen``, with this job's seed and ``--hops``
        (1 unless given) for the ego figure."""
        return replace(chosen, hops=self.graph.hops if self.graph.hops is not None else 1, seed=self.analysis.seed)

    def analyze(self) -> Analysis:
        """Read, build, filter and analyse (:func:`coauthor.pipeline.analyze`),
        naming each stage under the progress bar."""
        with stage_progress(bool(click.get_current_context().params.get("quiet"))) as stage:
            return analyze(self.inputs, self.read, self.graph, self.analysis, self.input_format, on_stage=stage)


def job_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The reading, graph and analysis options, handed to ``command`` as one
    ``job: Job``."""

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        inputs: tuple[Path, ...],
        options: ReadOptions,
        input_format: str | None,
        graph_options: GraphOptions,
        analysis_options: AnalysisOptions,
        **kwargs: Any,
    ) -> Any:
        return command(*args, job=Job(inputs, options, input_format, graph_options, analysis_options), **kwargs)

    return read_options()(with_graph_options(with_analysis_options(wrapper)))


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=f"Input formats (detected from the content): {_FORMATS_HELP}.",
)
@click.version_option(__version__, prog_name="coauthor")
def main() -> None:
    """Co-authorship network analysis: turn author lists of papers into a
    weighted collaboration graph, its central authors, communities and
    timelines, with figures and GraphML.

    INPUTS are files or folders (every file inside, sorted).
    """


@main.command()
@read_options()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@click.option("--errors", is_flag=True, help="Also list every skipped record: file:line and reason.")
def inspect(
    inputs: tuple[Path, ...], options: ReadOptions, input_format: str | None, as_json: bool, errors: bool
) -> None:
    """Say, per input file, the format found and what became of its records:
    read = used + merged + skipped (with the reason of each skip)."""
    _, reports = read_inputs(inputs, options, input_format)
    if as_json:
        rows = [r.to_dict() | ({"errors": [list(e) for e in r.errors]} if errors else {}) for r in reports]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for report in reports:
        skipped = sum(report.skipped.values())
        layout = f"{report.format} ({report.variant})" if report.variant else report.format
        encoding = f", {report.encoding}" if report.encoding else ""
        click.echo(
            f"{report.file}: {layout}{encoding}, {report.read} read, {report.used} used, "
            f"{report.merged} merged, {skipped} skipped, {sum(report.warnings.values())} warnings"
        )
        for reason, count in sorted(report.skipped.items()):
            click.echo(f"    skipped {count}: {reason}")
        for reason, count in sorted(report.warnings.items()):
            click.echo(f"    warning {count}: {reason}")
        if report.format == UNRECOGNISED:
            click.echo(f"    {report.errors[0][1]}")
        if errors:
            for where, reason in report.errors:
                click.echo(f"    {where}: {reason}")


@main.command()
@read_options(format_flag=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(RECORD_FORMATS),
    default="jsonl",
    show_default=True,
    help="Output format.",
)
@output_option("Write to this file (atomically) instead of standard output.", required=False)
def records(
    inputs: tuple[Path, ...], options: ReadOptions, input_format: str | None, fmt: str, output: Path | None
) -> None:
    """Print one normalised record per paper (names exactly as written)."""
    papers, _ = read_inputs(inputs, options, input_format)
    text = records_text(papers, fmt)
    if output is None:
        sys.stdout.write(text)
    else:
        write_text_atomic(output, text)
        click.echo(f"{len(papers)} records written to {output}", err=True)


@main.command()
@read_options(format_flag=False)
@click.option(
    "--format", "fmt", type=click.Choice(RECORD_FORMATS), default="csv", show_default=True, help="Output format."
)
@output_option("Write the table to this file (atomically) instead of standard output.", required=False)
@resolve_options
@click.option(
    "--export-aliases",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Write every merge as an alias file; edit it and pass it back with --aliases.",
)
@click.option("--report", "show_report", is_flag=True,
              help="List merges with their rule, names left apart and possible homonyms "
                   "(on standard error when the table goes to standard output).")  # fmt: skip
def names(
    inputs: tuple[Path, ...], options: ReadOptions, input_format: str | None, fmt: str, output: Path | None,
    resolve: str, aliases: str | None, export_aliases: Path | None, show_report: bool,
) -> None:  # fmt: skip
    """Resolve the author names into people and print one row per
    authorship: paper_id, position, name (as written), author_id,
    author_name and the rule that decided (then evidence, year, ids and the
    parsed name)."""
    from coauthor.aliases import aliases_text, read_aliases
    from coauthor.namereport import name_report
    from coauthor.resolve import resolve as resolve_names

    papers, _ = read_inputs(inputs, options, input_format)
    alias_file = read_aliases(aliases) if aliases else None
    table = resolve_names(papers, alias_file, resolve)
    if output is None:
        sys.stdout.write(table_text(table, fmt))
    else:
        write_text_atomic(output, table_text(table, fmt))
        click.echo(f"{len(table)} authorships of {table['author_id'].nunique()} authors written to {output}", err=True)
    if export_aliases is not None:
        write_text_atomic(export_aliases, aliases_text(table, alias_file))
        click.echo(f"Aliases written to {export_aliases}", err=True)
    if show_report:
        for line in name_report(table).lines():
            click.echo(line, err=output is None)


@main.command()
@job_options
@output_option(f"Graph file; the format comes from the extension ({', '.join(GRAPH_SUFFIXES)}).")
def graph(job: Job, output: Path) -> None:
    """Build the weighted collaboration graph (filters applied), with
    centrality and communities as node attributes, and write it to a file."""
    result = job.analyze()
    write_graph(result.graph, output)
    click.echo(
        f"{result.graph.number_of_nodes()} authors, {result.graph.number_of_edges()} "
        f"co-author links written to {output}",
        err=True,
    )


_EXPORT_HELP = "; ".join(
    f"{f.name} ({', '.join(f.extensions) or 'no extension'}): {f.opens_in}" for f in EXPORT_FORMATS.values()
)


@main.command(epilog=f"Formats: {_EXPORT_HELP}.")
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


@main.command(name="analyze")
@job_options
@output_option("Folder for the tables (created if needed).", folder=True)
def analyze_command(job: Job, out_dir: Path) -> None:
    """Analyse records or one graph file, GraphML or GEXF (written by
    coauthor, networkx, igraph, Gephi: name or label on nodes, weight on
    edges): write centrality,
    communities, per-year and per-author timelines and communities over
    time as CSV tables."""
    from coauthor.report import OLD_TABLE_NAMES, write_analysis

    result = job.analyze()
    written = write_analysis(result, out_dir)
    _summary(result)
    click.echo(f"Written to {out_dir}/:")
    for path in written:
        old = OLD_TABLE_NAMES.get(path.name)
        click.echo(f"  {path.relative_to(out_dir)}" + (f" (the old name of {old}, written until 0.2)" * bool(old)))


@main.command()
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
    from coauthor.export import write_table
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


@main.command()
@job_options
@output_option("Folder for the report (created if needed).", folder=True)
@click.option("--export", "exports", multiple=True, type=click.Choice(list(EXPORT_FORMATS)),
              default=DEFAULT_EXPORTS, show_default=True,
              help="Graph formats written besides GraphML (repeatable: --export gexf --export pajek).")  # fmt: skip
@figure_options(max_nodes=300)
def report(job: Job, out_dir: Path, exports: tuple[str, ...], figure: PlotOptions) -> None:
    """The main job: write the graph (GraphML, GEXF, VOSviewer), the
    centrality, communities and timeline tables (CSV), every figure (PNG),
    the interactive map (map.html) and index.html that shows them all to a
    folder, and summarise."""
    from coauthor.report import make_report

    quiet = bool(click.get_current_context().params.get("quiet"))
    with stage_progress(quiet) as stage:
        result = make_report(job.inputs, out_dir, job.read, job.graph, job.analysis, job.input_format, exports,
                             on_stage=stage, figures=job.figure(figure))  # fmt: skip
    _summary(result)
    click.echo(f"Written to {out_dir}/:")
    for path in result.files:
        click.echo(f"  {path.relative_to(out_dir)}")


_KINDS_HELP = "; ".join(f"{k.name}: {k.description}" for k in KINDS.values())


@main.command(epilog=f"Kinds: {_KINDS_HELP}.")
@click.argument("kind", metavar="KIND")
@job_options
@output_option("Figure file; the format comes from the extension (.png, .svg, .pdf).")
@figure_options(max_nodes=300)
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
    showing = f"showing {shown:,} of {total:,} authors" if cut else f"of {total:,} authors"
    click.echo(f"{kind} figure {showing} written to {output}", err=True)


@main.command(name="html")
@job_options
@output_option("The page (.html): one self-contained file that works offline.")
@size_by_option("Node size.")
@max_nodes_option(5000, "Show at most this many authors (the most central); the page says so.")
def html_command(job: Job, output: Path, size_by: str, max_nodes: int) -> None:
    """Write an interactive map of the network as one HTML page that works
    offline: the network figure's sizes, colours and seeded layout, a search
    box, details on hover, click to highlight co-authors, a community
    filter."""
    from coauthor.html import write_html
    from coauthor.plot.kinds import figure_caption

    result = job.analyze()
    caption = figure_caption(result)
    write_html(result.graph, result.centrality, result.communities, output, size_by, job.analysis.seed, max_nodes,
               caption)  # fmt: skip
    click.echo(f"Map of {result.graph.number_of_nodes()} authors written to {output}", err=True)


def _summary(result: Analysis) -> None:
    g = result.graph
    if result.papers is not None:
        skipped = sum(sum(r.skipped.values()) for r in result.reports)
        merged = sum(r.merged for r in result.reports)
        click.echo(f"Papers: {len(result.papers)} ({merged} records merged, {skipped} skipped; see `coauthor inspect`)")
    over_cap = g.graph.get("papers_over_author_cap")
    if over_cap:
        click.echo(f"Papers with more than {g.graph['max_authors']} authors left out of the edges: {over_cap} "
                   f"(largest: {g.graph['largest_author_count']} authors; see --max-authors)")  # fmt: skip
    click.echo(f"Authors: {g.number_of_nodes()}   co-author links: {g.number_of_edges()}")
    click.echo(f"Top authors (PageRank): {', '.join(result.top_authors(5))}")
    groups = result.communities
    n_communities = groups["community"].nunique()
    largest = groups["community_size"].max() if n_communities else 0
    click.echo(f"Communities: {n_communities} (largest: {largest} authors; "
               f"modularity {groups.attrs.get('modularity', 0.0):.3f})")  # fmt: skip
    sample = result.centrality.attrs.get("betweenness_sample")
    if sample:
        click.echo(f"Betweenness and closeness estimated from {sample} sampled sources (seeded)")
    for table, reason in result.why_empty().items():
        click.echo(f"Empty {table.replace('_', ' ')} table: {reason}")
    for name, reason in result.not_written.items():
        click.echo(f"Not written: {name}: {reason}")


from coauthor.fetch.cli import fetch  # noqa: E402  (its own package; imports no HTTP stack until run)

main.add_command(fetch)
