"""The main job: records in, graph + tables + figures out, in one folder
(``make_report(["seeds/"], "report/")`` writes the files of ``REPORT_FILES``)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from coauthor.analysis.engine import runs_on_spark
from coauthor.atomic import incomplete_marker
from coauthor.errors import OptionError
from coauthor.exporters import ExportFormat, export_format
from coauthor.exporters.rows import write_graphml, write_table
from coauthor.graph.filters import GraphOptions
from coauthor.pipeline import Analysis, AnalysisOptions, Inputs, analyze, input_names
from coauthor.plot.kinds import KINDS, PlotOptions
from coauthor.readers import ReadOptions

#: Graph formats the report writes besides GraphML, unless told otherwise.
DEFAULT_EXPORTS = ("gexf", "vosviewer")
#: The report's tables: file name -> the Analysis table.
REPORT_TABLES = {
    "centrality.csv": "centrality",
    "communities.csv": "communities",
    "timeline.csv": "timeline",
    "author_timeline.csv": "author_timeline",
    "communities_over_time.csv": "communities_over_time",
    "indicators.csv": "indicators",
    "indicators_by_year.csv": "indicators_by_year",
}
REPORT_FILES = (
    "graph.graphml",
    *REPORT_TABLES,
    *(f"figures/{kind}.png" for kind in KINDS),
    "map.html",
)


#: The names ``coauthor analyze`` gave two tables before 0.1: still written,
#: as copies, until 0.2 (old name -> name).
OLD_TABLE_NAMES = {"timeline_years.csv": "timeline.csv", "timeline_authors.csv": "author_timeline.csv"}
#: What ``coauthor analyze`` writes: the report's tables, plus the old names.
ANALYSIS_FILES = REPORT_TABLES | {old: REPORT_TABLES[new] for old, new in OLD_TABLE_NAMES.items()}


def write_analysis(
    result: Analysis, out_dir: str | os.PathLike[str], names: dict[str, str] | None = None
) -> list[Path]:
    """Write the analysis tables (``ANALYSIS_FILES``, or ``names``: file ->
    table) under ``out_dir``, marked incomplete while they are written
    (:func:`~coauthor.atomic.incomplete_marker`); tables keyed by author id
    keep it as the first column. Returns the paths written."""
    with incomplete_marker(out_dir):
        return _write_tables(result, Path(out_dir), names or ANALYSIS_FILES)


def _write_tables(result: Analysis, out: Path, names: dict[str, str]) -> list[Path]:
    written = []
    for file_name, attribute in names.items():
        table = getattr(result, attribute)
        write_table(table, out / file_name, index=table.index.name == "author_id")
        written.append(out / file_name)
    return written


def make_report(
    inputs: Inputs,
    out_dir: str | os.PathLike[str],
    read: ReadOptions | None = None,
    graph_options: GraphOptions | None = None,
    options: AnalysisOptions | None = None,
    input_format: str | None = None,
    exports: Sequence[str] = DEFAULT_EXPORTS,
    on_stage: Callable[[str], None] | None = None,
    figures: PlotOptions | None = None,
) -> Analysis:
    """The main job: analyse ``inputs`` and write the report folder.

    Writes every file of ``REPORT_FILES`` under ``out_dir`` (the graph as
    GraphML, the tables, one figure of each kind, the interactive map), the
    graph in each export format named in ``exports``, and ``index.html``
    showing them all, last. Until then ``out_dir/.incomplete`` says the
    folder is being written (it stays if the run is cut short). A figure
    the input cannot give (no years in a graph file) is left out, with the
    reason in ``not_written`` of the result and on the index page.

    Parameters
    ----------
    inputs : sequence of str or os.PathLike, or pandas.DataFrame
        Record files or folders (read by :func:`coauthor.read_inputs`), or
        one graph file (``.graphml`` or ``.gexf``, of coauthor, networkx,
        igraph or Gephi) analysed as it is, or a DataFrame of records (as
        :func:`coauthor.read` gives one).
    out_dir : str or os.PathLike
        The report folder (made when missing).
    read : ReadOptions, optional
        How to read the records.
    graph_options : GraphOptions, optional
        How to build and filter the graph (weighting, ``max_authors``,
        years, ``min_papers``, ``top``, ego network, name resolution,
        organisations), in the order of the README's option table.
    options : AnalysisOptions, optional
        How to analyse: community method, resolution, seed, engine, path
        distance, years per time slice, processes.
    input_format : str, optional
        Read every input as this format (a key of :data:`coauthor.FORMATS`).
    on_stage : callable, optional
        Told each stage as it starts, ``on_stage(text)`` (the CLI shows it
        as progress).
    exports : sequence of str, default ("gexf", "vosviewer")
        Graph formats written besides GraphML (see
        :func:`coauthor.write_graph`): ``graph.<ext>``, or the format's own
        files such as ``vosviewer/``.
    figures : PlotOptions, optional
        What the figures show (labels, sizes, the ego author...; the seed
        is ``options.seed``) and the map's node size.

    Returns
    -------
    Analysis
        As :func:`coauthor.analyze` returns it, with ``files``: the paths
        written, ``index.html`` first.

    Raises
    ------
    InputError
        For an input that cannot be read (see :func:`coauthor.read_inputs`),
        a graph file that is not one or is directed, or when no author is
        left to analyse (no paper with authors, or every author filtered
        out).
    OptionError
        For an option value the library cannot use (unknown weighting,
        method or engine, export format, several graph files, years asked
        of a graph file).
    OutputError
        When a file of the report cannot be written (``.incomplete`` stays).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "refs.bib").write_text(
    ...     "@article{a, author = {Ann Lee and Bo Chen}, title = {One}, year = 2020}\\n"
    ...     "@article{b, author = {Ann Lee and Cy Diaz}, title = {Two}, year = 2021}\\n"
    ...     "@article{c, author = {Ann Lee and Di Wu}, title = {Three}, year = 2021}\\n")
    >>> result = make_report([folder / "refs.bib"], folder / "report")
    >>> names = sorted(path.name for path in (folder / "report").iterdir())
    >>> names  # doctest: +NORMALIZE_WHITESPACE
    ['author_timeline.csv', 'centrality.csv', 'communities.csv', 'communities_over_time.csv', 'figures',
     'graph.gexf', 'graph.graphml', 'index.html', 'indicators.csv', 'indicators_by_year.csv', 'map.html',
     'timeline.csv', 'vosviewer']
    >>> result.files[0].name, result.top_authors(1)
    ('index.html', ['Ann Lee'])
    """
    stage = on_stage or (lambda text: None)
    options = options or AnalysisOptions()
    formats = [export_format(out_dir, to=name) for name in exports]  # an unknown one fails before any work
    if runs_on_spark(options.engine):
        raise OptionError("a report is made on one machine: engine 'spark' runs analyze and graph only")
    result = analyze(inputs, read, graph_options, options, input_format, on_stage=stage)
    assert isinstance(result, Analysis)  # not Spark's tables: refused above
    out = Path(out_dir)
    with incomplete_marker(out):
        _write_report(result, out, inputs, replace(figures or PlotOptions(), seed=options.seed), formats, stage)
    return result


def _write_report(
    result: Analysis,
    out: Path,
    inputs: Inputs,
    figures: PlotOptions,
    exports: Sequence[ExportFormat],
    stage: Callable[[str], None],
) -> None:
    from coauthor.plot import figure_caption, write_figure
    from coauthor.plot.html import write_html
    from coauthor.report.index import write_index
    from coauthor.report.levels import write_levels

    stage("Writing the graph and tables")
    result.graph.graph.update(figures.described())
    write_graphml(result.graph, out / "graph.graphml")
    _write_tables(result, out, REPORT_TABLES)
    caption = figure_caption(result)
    for kind in KINDS:
        stage(f"Drawing the {kind} figure")
        try:
            write_figure(kind, result, out / "figures" / f"{kind}.png", figures, caption)
        except OptionError as exc:  # what this input cannot show (no years in a foreign graph): said, not fatal
            result.not_written[f"figures/{kind}.png"] = str(exc)
    stage("Writing the interactive map")
    write_html(result.graph, result.centrality, result.communities, out / "map.html", figures.size_by,
               figures.seed, caption=caption, components=figures.components)  # fmt: skip
    stage("Writing the institution and country graphs")
    levels = write_levels(result, out)
    result.files = [out / name for name in REPORT_FILES if name not in result.not_written] + levels
    for fmt in exports:
        stage(f"Exporting {fmt.name}")
        target = out / (f"graph{fmt.extensions[0]}" if fmt.extensions else fmt.name)
        result.files.extend(fmt.write(result.graph, target))
    title = "Collaboration report: " + ", ".join(input_names(inputs))
    result.files.insert(0, write_index(result, out, result.files, title))
