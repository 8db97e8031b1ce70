"""The whole path in one call: read -> resolve -> build -> filter -> analyse.

>>> from coauthor.readers import ReadOptions
>>> result = analyze(["seeds/"], ReadOptions(undated_year=2026))
>>> result.graph.number_of_nodes(), result.top_authors(2)
(92, ['Zhenyi Wang', 'Chongyang Gao'])
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import networkx as nx
import pandas as pd

from coauthor._version import __version__
from coauthor.analysis import author_timeline, centrality, communities, timeline
from coauthor.analysis.centrality import BETWEENNESS_EXACT_LIMIT, BETWEENNESS_SAMPLE, MEASURES, people_first
from coauthor.analysis.engine import DEFAULT_SEED, DEFAULT_SPARK_MASTER, runs_on_spark
from coauthor.analysis.indicators import indicators, indicators_by_year
from coauthor.analysis.tracking import DEFAULT_SLICE_YEARS, track_communities
from coauthor.errors import InputError, OptionError
from coauthor.exporters.gexf import read_gexf
from coauthor.exporters.graphml import analysable, read_graphml
from coauthor.exporters.vosviewer import add_mean_years
from coauthor.graph.build import graph_from_authorships
from coauthor.graph.filters import GraphOptions, authorships_of, filter_built, filter_graph, papers_in_years
from coauthor.graph.levels import check_level, level_graph, level_line, nodes_word, unit_columns, unit_table
from coauthor.names.aliases import read_aliases
from coauthor.names.resolve import authorship_table
from coauthor.readers import ReadOptions, read_inputs
from coauthor.readers.frame import FRAME, papers_from_frame
from coauthor.records import Paper, ReadReport

if TYPE_CHECKING:
    from coauthor.spark.pipeline import SparkAnalysis

#: What the pipeline reads: record files or folders (or one graph file), or
#: a DataFrame of records (:func:`coauthor.read`).
Inputs: TypeAlias = Sequence[str | os.PathLike[str]] | pd.DataFrame

#: Graph files analysed as they are (by suffix), read by these functions.
GRAPH_READERS = {".graphml": read_graphml, ".gexf": read_gexf}


@dataclass(frozen=True)
class AnalysisOptions:
    """How to analyse, for :func:`coauthor.analyze` and
    :func:`coauthor.make_report`.

    Parameters
    ----------
    method : {"leiden", "louvain", "label-propagation", "label-propagation-sync"}
        The community method (see :func:`coauthor.communities`).
    resolution : float, default 1.0
        Its modularity resolution.
    seed : int, default 42
        The seed of every randomised step (communities, sampled paths,
        layouts).
    engine : {"auto", "igraph", "networkx", "spark"}
        Which library runs the heavy algorithms (see
        :func:`coauthor.centrality`), or ``spark``: the whole job on Apache
        Spark (:func:`analyze` decides, nothing else).
    distance : {"hops", "inverse-weight"}
        Path length for betweenness and closeness.
    slice_years : int, default 5
        Years per time slice for communities over time.
    jobs : int, optional
        Processes for sampled betweenness and closeness (None: every CPU;
        the numbers do not depend on it, so it is not run metadata).
    spark_master : str, default "local[*]"
        Where ``engine="spark"`` runs: ``local[N]``, ``spark://HOST:PORT``,
        ``yarn``, ``k8s://URL``.

    Examples
    --------
    >>> options = AnalysisOptions(method="louvain", seed=7)
    >>> options.method, options.seed, options.engine
    ('louvain', 7, 'auto')
    """

    method: str = "leiden"
    resolution: float = 1.0
    seed: int = DEFAULT_SEED
    engine: str = "auto"
    distance: str = "hops"
    slice_years: int = DEFAULT_SLICE_YEARS
    jobs: int | None = None
    spark_master: str = DEFAULT_SPARK_MASTER


@dataclass
class Analysis:
    """Everything computed from the inputs, as :func:`coauthor.analyze`
    returns it.

    Parameters
    ----------
    papers : list of Paper or None
        The papers analysed (None for a graph file).
    reports : list of ReadReport
        One per input file.
    graph : networkx.Graph
        The graph, with centrality and community on its nodes and the run's
        options as graph attributes.
    centrality, communities, timeline, author_timeline : pandas.DataFrame
        The tables of :func:`coauthor.centrality` (persons first unless
        organisations are ranked with them), :func:`coauthor.communities`,
        :func:`coauthor.timeline` and :func:`coauthor.author_timeline`.
    communities_over_time : pandas.DataFrame
        Communities per time slice and how they continue, split, merge, are
        born or die.
    files : list of pathlib.Path, optional
        The files written (by :func:`coauthor.make_report`).
    authorships : pandas.DataFrame, optional
        The authorship table the graph was built from.
    not_written : dict of str to str, optional
        Files of a report that the input cannot give, each with the reason.
    indicators : pandas.DataFrame, optional
        The bibliometric and network indicators, one row each
        (:func:`coauthor.indicators`).
    indicators_by_year : pandas.DataFrame, optional
        The indicators per publication year (empty for a graph file).
    levels : dict of str to str, optional
        The institution and country graphs a report wrote, each with a
        one-line summary (set by the report).

    Examples
    --------
    >>> result = analyze(["seeds/"])
    >>> result.top_authors(1) == result.centrality["name"].head(1).tolist()
    True
    >>> set(result.centrality.index) == set(result.graph)
    True
    """

    papers: list[Paper] | None
    reports: list[ReadReport]
    graph: nx.Graph
    centrality: pd.DataFrame
    communities: pd.DataFrame
    timeline: pd.DataFrame
    author_timeline: pd.DataFrame
    communities_over_time: pd.DataFrame
    files: list[Path] = field(default_factory=list)
    authorships: pd.DataFrame | None = None
    #: Files of a report that the input cannot give (a graph file without
    #: years has no overlay), each with the reason: set by the report.
    not_written: dict[str, str] = field(default_factory=dict)
    indicators: pd.DataFrame = field(default_factory=pd.DataFrame)
    indicators_by_year: pd.DataFrame = field(default_factory=pd.DataFrame)
    levels: dict[str, str] = field(default_factory=dict)

    def why_empty(self) -> dict[str, str]:
        """The tables left empty by the input, each with the reason (a graph
        file holds no papers, and may hold no years)."""
        reasons: dict[str, str] = {}
        if self.papers is None:
            no_papers = "a graph file holds no papers: give the records to get it"
            reasons |= dict.fromkeys(("author_timeline", "communities_over_time", "indicators_by_year"), no_papers)
        if self.timeline.empty and self.graph.number_of_nodes():
            reasons["timeline"] = "no first_year on the nodes or edges of the graph" if self.papers is None else (
                "no paper has a year")  # fmt: skip
        return reasons

    def summary(self) -> list[str]:
        """What was read, the graph, the top authors, the communities and
        what is left out or empty, a line each (the CLI prints them)."""
        g, lines = self.graph, []
        if self.papers is not None:
            skipped = sum(sum(r.skipped.values()) for r in self.reports)
            merged = sum(r.merged for r in self.reports)
            lines.append(f"Papers: {len(self.papers)} ({merged} records merged, {skipped} skipped; "
                         "see `coauthor inspect`)")  # fmt: skip
        left_out = level_line(g)
        if left_out:
            lines.append(left_out)
        over_cap = g.graph.get("papers_over_author_cap")
        if over_cap:
            lines.append(f"Papers with more than {g.graph['max_authors']} authors left out of the edges: {over_cap} "
                         f"(largest: {g.graph['largest_author_count']} authors; see --max-authors)")  # fmt: skip
        word = nodes_word(g)
        if word == "authors":
            lines.append(f"Authors: {g.number_of_nodes()}   co-author links: {g.number_of_edges()}")
        else:
            lines.append(f"{word.capitalize()}: {g.number_of_nodes()}   collaboration links: {g.number_of_edges()}")
        lines.append(f"Top {word} (PageRank): {', '.join(self.top_authors(5))}")
        groups = self.communities
        n_communities = groups["community"].nunique()
        largest = groups["community_size"].max() if n_communities else 0
        lines.append(f"Communities: {n_communities} (largest: {largest} {word}; "
                     f"modularity {groups.attrs.get('modularity', 0.0):.3f})")  # fmt: skip
        sample = self.centrality.attrs.get("betweenness_sample")
        if sample:
            lines.append(f"Betweenness and closeness estimated from {sample} sampled sources (seeded)")
        lines += [f"Empty {table.replace('_', ' ')} table: {reason}" for table, reason in self.why_empty().items()]
        lines += [f"{level.capitalize()} graph: {line}" for level, line in self.levels.items()]
        by_reason: dict[str, list[str]] = {}
        for name, reason in self.not_written.items():
            by_reason.setdefault(reason, []).append(name)
        lines += [f"Not written: {', '.join(names)}: {reason}" for reason, names in by_reason.items()]
        return lines

    def _repr_html_(self) -> str:
        """The summary and the ten top authors, as a notebook shows the result."""
        top = self.centrality.head(10)[[c for c in ("name", "papers", "degree", "pagerank") if c in self.centrality]]
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self.summary())
        return (f"<div><strong>coauthor analysis</strong><ul>{items}</ul>"
                f"<p>Top authors by PageRank:</p>{top.to_html(float_format=lambda v: f'{v:.4f}')}</div>")  # fmt: skip

    def top_authors(self, n: int = 5) -> list[str]:
        """Names of the ``n`` authors with the highest PageRank (persons
        first unless organisations are ranked with them: ``--organisations keep``)."""
        return self.centrality["name"].head(n).tolist()


#: The run metadata that describes this run's analysis, not the graph's
#: build: a graph file analysed again takes these from the run.
ANALYSIS_KEYS = ("coauthor_version", "inputs", "community_method", "resolution", "seed", "distance", "engine",
                 "slice_years")  # fmt: skip


def run_metadata(
    inputs: Inputs,
    read: ReadOptions,
    graph: GraphOptions,
    analysis: AnalysisOptions,
    input_format: str | None = None,
) -> dict[str, object]:
    """Graph-level attributes saying how a graph was made (no timestamps, so
    the same run gives the same bytes)."""
    meta: dict[str, object] = {
        "coauthor_version": __version__,
        "inputs": input_names(inputs),
        "undated_year": read.undated_year,
        "owner": read.owner,
        "input_format": input_format,
        "author_sep": read.author_sep,
    }
    not_filters = ("weight", "max_authors", "resolve", "aliases", "organisations", "level")
    meta.update({f"filter_{k}": v for k, v in graph.described().items() if k not in not_filters})
    meta.update(name_resolution=graph.resolve, **({"aliases": graph.aliases} if graph.aliases else {}))
    meta.update(organisations=graph.organisations, **({"level": graph.level} if graph.level != "author" else {}))
    meta.update(community_method=analysis.method, resolution=analysis.resolution, seed=analysis.seed)
    meta.update(distance=analysis.distance, engine=analysis.engine, slice_years=analysis.slice_years)
    return meta


def build_graph(
    inputs: Inputs,
    read: ReadOptions | None = None,
    options: GraphOptions | None = None,
    input_format: str | None = None,
    metadata: dict[str, object] | None = None,
) -> tuple[nx.Graph, list[Paper] | None, list[ReadReport]]:
    """Read ``inputs`` (records, or one graph written by coauthor) and build
    and filter the graph. Returns the graph, the papers (None for a graph
    input) and the read reports."""
    graph, papers, reports, _ = _build(inputs, read, options, input_format, metadata)
    return graph, papers, reports


def _build(
    inputs: Inputs,
    read: ReadOptions | None,
    options: GraphOptions | None,
    input_format: str | None,
    metadata: dict[str, object] | None,
) -> tuple[nx.Graph, list[Paper] | None, list[ReadReport], pd.DataFrame | None]:
    """:func:`build_graph`, plus the authorship table the graph was built from."""
    read = read or ReadOptions()
    options = options or GraphOptions()
    check_level(options.level)
    if isinstance(inputs, pd.DataFrame):
        papers, reports = papers_from_frame(inputs, read)
    elif inputs and all(Path(i).suffix.lower() in GRAPH_READERS for i in inputs):
        if len(inputs) > 1:
            raise OptionError("give one graph file, or record files to build a graph from")
        graph = analysable(GRAPH_READERS[Path(inputs[0]).suffix.lower()](inputs[0]), inputs[0])
        # how it was built stays as the file says; how it is analysed is this run's
        graph.graph.update({k: v for k, v in (metadata or {}).items() if k in ANALYSIS_KEYS})
        if options.years:
            raise OptionError("needs the records; a graph file holds only the built graph", option="years")
        if options.level != "author":
            raise OptionError("needs the records; a graph file holds only the built graph", option="level")
        return filter_graph(graph, options), None, [], None
    else:
        papers, reports = read_inputs(inputs, read, input_format)
    window = papers_in_years(papers, options.years)
    meta = dict(metadata or {})
    meta.update(papers=len(window), records_read=sum(r.read for r in reports))
    meta["records_skipped"] = sum(sum(r.skipped.values()) for r in reports)
    if options.level != "author":
        return _level_build(inputs, window, reports, options, meta)
    aliases = read_aliases(options.aliases) if options.aliases else None
    authorships = authorships_of(authorship_table(window, aliases, options.resolve), options.organisations)
    authorships = unit_columns(authorships, window)
    graph = graph_from_authorships(authorships, weight=options.weight, max_authors=options.max_authors, metadata=meta)
    return filter_built(graph, options, owned=True), window, reports, authorships


def input_names(inputs: Inputs) -> list[str]:
    """The inputs as run metadata and messages name them.

    >>> import pandas as pd
    >>> input_names(["refs.bib", "more/"]), input_names(pd.DataFrame({"authors": [["Ann Lee"]]}))
    (['refs.bib', 'more/'], ['DataFrame (1 records)'])
    """
    if isinstance(inputs, pd.DataFrame):
        return [f"{FRAME} ({len(inputs)} records)"]
    return [str(i) for i in inputs]


def _level_build(
    inputs: Inputs,
    papers: list[Paper],
    reports: list[ReadReport],
    options: GraphOptions,
    meta: dict[str, object],
) -> tuple[nx.Graph, list[Paper], list[ReadReport], pd.DataFrame]:
    """:func:`_build` at the institution or country level
    (:mod:`coauthor.graph.levels`); InputError when no paper names one."""
    graph = level_graph(papers, options.level, options.weight, options.max_authors, meta)
    if graph.number_of_nodes() == 0:
        where = ", ".join(input_names(inputs))
        raise InputError(where, f"none of the {len(papers)} papers has an affiliation with a known {options.level}, "
                                f"so there is no {options.level} graph (affiliations are read from WoS C1, Scopus, "
                                "OpenAlex, Crossref and RIS AD)")  # fmt: skip
    return filter_graph(graph, options), papers, reports, unit_table(papers, options.level)[0]


def _nothing_to_analyse(papers: list[Paper] | None, reports: list[ReadReport]) -> str:
    """Why a graph came out empty, for the one-line error."""
    if papers:
        return "no author is left after the filters (see --min-papers, --top, --ego, --focus, --years)"
    read = sum(r.read for r in reports)
    return f"no paper with authors to analyse ({read} records read; see `coauthor inspect`)"


def analyze(
    inputs: Inputs,
    read: ReadOptions | None = None,
    graph_options: GraphOptions | None = None,
    options: AnalysisOptions | None = None,
    input_format: str | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> Analysis | SparkAnalysis:
    """Read, build, filter and analyse, in one call.

    Computes every centrality measure, the communities, the timelines and
    the communities over time; centrality and community are also put on
    the graph's nodes, and the run's options on the graph. This is where
    the engine of ``options`` is chosen: igraph or networkx for the heavy
    algorithms on this machine, or Apache Spark for the whole job
    (``engine="spark"``, at ``options.spark_master``), which returns the
    Spark engine's tables instead.

    Parameters
    ----------
    inputs : sequence of str or os.PathLike, or pandas.DataFrame
        Record files or folders (read by :func:`coauthor.read_inputs`), or
        one graph file (``.graphml`` or ``.gexf``, of coauthor, networkx,
        igraph or Gephi) analysed as it is, or a DataFrame of records (as
        :func:`coauthor.read` gives one).
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

    Returns
    -------
    Analysis or SparkAnalysis
        The papers (None for a graph file), the read reports, the graph
        and the tables ``centrality``, ``communities``, ``timeline``,
        ``author_timeline`` and ``communities_over_time``; with
        ``engine="spark"``, a :class:`coauthor.spark.pipeline.SparkAnalysis`
        (Spark DataFrames: graph, centrality, components, communities,
        and the timeline).

    Raises
    ------
    InputError
        For an input that cannot be read (see :func:`coauthor.read_inputs`),
        a graph file that is not one or is directed, or when no author is
        left to analyse (no paper with authors, or every author filtered
        out).
    OptionError
        For an option value the library cannot use (unknown weighting,
        method or engine, several graph files, years asked of a graph
        file), or ``engine="spark"`` without pyspark installed.
    CoauthorError
        When Spark fails (``engine="spark"``): a
        :class:`coauthor.spark.errors.SparkError` naming Spark's log.

    Examples
    --------
    Ann Lee wrote with each of three others, who never wrote together:
    she is on every path between them (betweenness 1) and first by
    PageRank.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "refs.bib").write_text(
    ...     "@article{a, author = {Ann Lee and Bo Chen}, title = {One}, year = 2020}\\n"
    ...     "@article{b, author = {Ann Lee and Cy Diaz}, title = {Two}, year = 2021}\\n"
    ...     "@article{c, author = {Ann Lee and Di Wu}, title = {Three}, year = 2021}\\n")
    >>> stages = []
    >>> result = analyze([folder], on_stage=stages.append)
    >>> stages[:3]
    ['Reading and building the graph', 'Centrality of 4 authors', 'Communities (leiden)']
    >>> result.top_authors(1), float(result.centrality.loc["ann-lee", "betweenness"])
    (['Ann Lee'], 1.0)
    >>> result.timeline[["year", "papers"]].values.tolist()
    [[2020, 1], [2021, 2]]

    Proceedings with editors and no authors leave nobody to analyse:

    >>> _ = (folder / "proceedings.bib").write_text("@proceedings{p, editor = {Ann Lee}, title = {P}, year = 2020}")
    >>> analyze([folder / "proceedings.bib"])
    Traceback (most recent call last):
    coauthor.errors.InputError: ...proceedings.bib: no paper with authors to analyse (1 records read; ...)
    """
    stage = on_stage or (lambda text: None)
    read = read or ReadOptions()
    graph_options = graph_options or GraphOptions()
    options = options or AnalysisOptions()
    if runs_on_spark(options.engine):
        if graph_options.level != "author":
            raise OptionError(f"'{graph_options.level}' runs on one machine: the Spark engine builds the author graph",
                              option="level")  # fmt: skip
        stage("Reading, building and analysing on Spark")
        return _analyze_on_spark(inputs, read, graph_options, options, input_format)
    meta = run_metadata(inputs, read, graph_options, options, input_format)
    stage("Reading and building the graph")
    graph, papers, reports, authorships = _build(inputs, read, graph_options, input_format, meta)
    if graph.number_of_nodes() == 0:
        raise InputError(", ".join(input_names(inputs)), _nothing_to_analyse(papers, reports))
    authors = graph.number_of_nodes()
    sampled = authors > BETWEENNESS_EXACT_LIMIT
    stage(f"Centrality of {authors:,} authors" + (f" (paths from {BETWEENNESS_SAMPLE:,} sampled sources)" * sampled))
    central = centrality(graph, MEASURES, options.distance, options.seed, options.engine, options.jobs)
    if graph_options.organisations == "separate":
        central = people_first(central)
    stage(f"Communities ({options.method})")
    groups = communities(graph, options.method, options.resolution, options.seed, options.engine)
    for column in MEASURES:
        nx.set_node_attributes(graph, central[column].to_dict(), column)
    nx.set_node_attributes(graph, groups["community"].to_dict(), "community")
    graph.graph["modularity"] = groups.attrs["modularity"]
    if central.attrs.get("betweenness_sample"):
        graph.graph["betweenness_sampled_sources"] = central.attrs["betweenness_sample"]
    if papers is not None:
        stage(f"Communities over time ({options.slice_years}-year slices)")
    tracking = (
        track_communities(
            papers, options.slice_years, method=options.method, resolution=options.resolution,
            seed=options.seed, max_authors=graph_options.max_authors, weight=graph_options.weight,
            authorships=authorships, authors=set(graph),
        )
        if papers is not None
        else pd.DataFrame()
    )  # fmt: skip
    stage("Timelines")
    people = author_timeline(graph, papers, authorships) if papers is not None else pd.DataFrame()
    years = timeline(graph, papers, authorships)
    stage("Indicators")
    found = Analysis(papers, reports, graph, central, groups, years, people, tracking, authorships=authorships)
    found.indicators = indicators(graph, authorships, groups, options.seed)
    if authorships is not None:
        found.indicators_by_year = indicators_by_year(authorships, set(graph), graph_options.max_authors)
    return found


def _analyze_on_spark(
    inputs: Inputs,
    read: ReadOptions,
    graph_options: GraphOptions,
    options: AnalysisOptions,
    input_format: str | None,
) -> SparkAnalysis:
    """:func:`analyze` with ``engine="spark"``: the Spark engine, imported
    only now (OptionError saying how to install it where it is missing)."""
    if isinstance(inputs, pd.DataFrame):
        raise OptionError("the Spark engine reads record files, not a DataFrame of records")
    try:
        from coauthor.spark.pipeline import analyze as analyze_on_spark
        from coauthor.spark.pipeline import community_method
        from coauthor.spark.session import spark_session
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in ("pyspark", "py4j"):
            raise
        raise OptionError(
            "spark needs pyspark: pip install 'coauthor[spark]' (and Java 17 or 21)", option="engine"
        ) from None
    community_method(options.method)  # an unknown one fails before Spark starts
    run = spark_session(options.spark_master)
    with run.errors():
        result = analyze_on_spark(run.spark, inputs, graph_options, input_format, read)
    result.run = run
    return result


def graph_for_export(
    inputs: Sequence[str | os.PathLike[str]],
    read: ReadOptions | None = None,
    input_format: str | None = None,
    level: str = "author",
) -> nx.Graph:
    """The graph to export: read back from one ``.graphml`` file, or built
    and analysed from records at ``level`` (:func:`analyze`, plus
    ``mean_year`` on the nodes for VOSviewer's score)."""
    if inputs and all(Path(i).suffix.lower() == ".graphml" for i in inputs):
        if len(inputs) > 1:
            raise OptionError("give one .graphml file, or record files to build the graph from")
        if level != "author":
            raise OptionError("needs the records; a graph file holds only the built graph", option="level")
        return read_graphml(inputs[0])
    result = analyze(inputs, read, GraphOptions(level=level), input_format=input_format)
    assert isinstance(result, Analysis)  # the default engine runs here
    add_mean_years(result.graph, result.author_timeline)
    return result.graph


def compare_weightings(
    inputs: Inputs,
    read: ReadOptions | None = None,
    graph_options: GraphOptions | None = None,
    input_format: str | None = None,
    **compare: Any,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read, resolve and filter as for :func:`analyze` (the filters applied
    to the graph of ``graph_options.weight``), then compare the weightings
    and resolutions on the authors kept
    (:func:`coauthor.analysis.sensitivity.sensitivity`, which takes
    ``compare``: ``resolutions``, ``top_k``, ``seed``, ``method``...).
    Returns the ranking and the partition tables."""
    from coauthor.analysis.sensitivity import sensitivity

    graph_options = graph_options or GraphOptions()
    graph, _, _, authorships = _build(inputs, read, graph_options, input_format, None)
    if authorships is None:
        raise OptionError("sensitivity needs the records: a graph file holds only one weighting")
    return sensitivity(authorships, max_authors=graph_options.max_authors, authors=set(graph), **compare)
