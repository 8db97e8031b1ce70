"""Option groups shared by the graph-building and analysing commands; each
turns its click options into one library options object."""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from coauthor.analysis.centrality import MEASURES
from coauthor.analysis.communities import METHODS
from coauthor.analysis.engine import DISTANCES, ENGINE_CHOICES, SPARK_TABLES
from coauthor.analysis.tracking import parse_slice
from coauthor.errors import CoauthorError, OptionError
from coauthor.graph.build import WEIGHTINGS
from coauthor.graph.filters import ORGANISATION_MODES, GraphOptions, parse_years, read_focus_file
from coauthor.graph.levels import LEVELS
from coauthor.names.resolve import RESOLVE_MODES
from coauthor.pipeline import AnalysisOptions
from coauthor.plot.kinds import PlotOptions

Command = Callable[..., Any]

#: Library parameters whose command-line option is spelled otherwise than
#: ``--`` + the name with hyphens.
FLAGS = {"slice_years": "--slice", "limits": "--limit"}


def error_line(error: CoauthorError) -> str:
    """The message of a library error as the CLI shows it: an OptionError
    about a parameter names that parameter's option (``--min-papers``).

    >>> error_line(OptionError("5: no author has that many papers", option="min_papers"))
    '--min-papers 5: no author has that many papers'
    """
    if isinstance(error, OptionError) and error.option:
        return f"{FLAGS.get(error.option, '--' + error.option.replace('_', '-'))} {error.message}"
    return str(error)


class FiniteFloat(click.FloatRange):
    """A float in a range that is a number: ``nan`` and ``inf`` are refused
    (FloatRange lets ``nan`` through every bound)."""

    name = "finite float"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number.", param, ctx)
        return number


#: The defaults of every option: the library's own (one place).
GRAPH_DEFAULTS, ANALYSIS_DEFAULTS, FIGURE_DEFAULTS = GraphOptions(), AnalysisOptions(), PlotOptions()

#: Seeds of the randomised steps: what numpy and igraph accept.
SEED = click.IntRange(0, 2**32 - 1)


def graph_options(command: Command) -> Command:
    """Level, weighting, author cap and filters -> ``graph_options: GraphOptions``."""
    return _graph_options([level_option(), _weight_option(), _max_authors_option(), *_filter_options()], command)


def level_option() -> Callable[[Command], Command]:
    """``--level``: what a node is (author, institution, country)."""
    return click.option("--level", type=click.Choice(LEVELS), default=GRAPH_DEFAULTS.level, show_default=True,
                        help="Nodes: authors, or institutions / countries linked when their authors wrote "
                             "together (affiliations of WoS C1, Scopus, OpenAlex, Crossref, RIS AD).")  # fmt: skip


def filter_options(command: Command) -> Command:
    """Author cap, names and the filters that keep authors, without a
    weighting (``sensitivity`` compares them all, and ``--min-weight`` is in
    the units of one) -> ``graph_options: GraphOptions``."""
    return _graph_options([_max_authors_option(), *_filter_options(edges=False)], command)


def _graph_options(options: list[Callable[[Command], Command]], command: Command) -> Command:
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {f.name: kwargs.pop(f.name) for f in dataclasses.fields(GraphOptions) if f.name in kwargs}
        values["years"] = parse_years(values["years"]) if values["years"] else None
        values["focus"] = read_focus_file(values["focus"]) if values["focus"] else ()
        return command(*args, graph_options=GraphOptions(**values), **kwargs)

    return _apply(options, wrapper)


def _weight_option() -> Callable[[Command], Command]:
    return click.option("--weight", type=click.Choice(WEIGHTINGS), default=GRAPH_DEFAULTS.weight, show_default=True,
                        help="Edge weight: joint papers (full), Newman's fractional count, or a normalised "
                             "association / jaccard / salton strength.")  # fmt: skip


def _max_authors_option() -> Callable[[Command], Command]:
    help_text = "Papers with more authors make no edges (their authors keep the paper); 0 = no cap."
    return click.option("--max-authors", type=click.IntRange(min=0), default=GRAPH_DEFAULTS.max_authors,
                        show_default=True, help=help_text)  # fmt: skip


def _filter_options(edges: bool = True) -> list[Callable[[Command], Command]]:
    """``--years``, the author filters, ``--min-weight`` (with ``edges``) and
    the name options."""
    return [
        click.option("--years", metavar="A-B", default=None, help="Only papers published in these years."),
        click.option("--min-papers", type=click.IntRange(min=1), default=GRAPH_DEFAULTS.min_papers,
                     show_default=True, help="Only authors with at least this many papers."),
        *([click.option("--min-weight", type=FiniteFloat(min=0), default=GRAPH_DEFAULTS.min_weight,
                        help="Only edges at least this heavy.")] * edges),
        click.option("--top", type=click.IntRange(min=1), default=None, help="Only the N highest-ranked authors."),
        click.option("--top-by", type=click.Choice(("papers", *MEASURES)), default=GRAPH_DEFAULTS.top_by,
                     show_default=True, help="Ranking used by --top."),
        click.option("--largest-component", is_flag=True, help="Only the largest connected component."),
        click.option("--ego", metavar="NAME_OR_ID", default=None, help="Only this author's neighbourhood."),
        click.option("--focus", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
                     help="File listing authors (one per line): only their subgraph, or their "
                          "neighbourhood with --hops."),
        click.option("--hops", type=click.IntRange(min=0), default=None,
                     help="Neighbourhood size for --ego (default 1) and --focus (default 0)."),
        click.option("--organisations", type=click.Choice(ORGANISATION_MODES), default=GRAPH_DEFAULTS.organisations,
                     show_default=True,
                     help="Organisation authors (LaTeX Project Team, a braced BibTeX name): separate keeps them, "
                          "marked kind=organisation, ranked after every person; keep ranks them with the persons; "
                          "drop leaves them out."),
        *name_options(),
    ]  # fmt: skip


def name_options() -> list[Callable[[Command], Command]]:
    """``--resolve`` and ``--aliases``: how names become authors (keyword
    arguments ``resolve`` and ``aliases``, the alias file's path)."""
    return [
        click.option("--resolve", type=click.Choice(RESOLVE_MODES), default=GRAPH_DEFAULTS.resolve, show_default=True,
                     help="Name resolution: default merges variants of one person (initials, nicknames, "
                          "ORCIDs); strict only identifiers and equal names; off keys by the name as written; "
                          "split is default, then one name with mentions in unlinked groups of different times "
                          "(no shared co-author, id, venue...) becomes several people (rule split-evidence)."),
        click.option("--aliases", type=click.Path(exists=True, dir_okay=False), default=None, metavar="FILE",
                     help="Alias file (VOSviewer thesaurus: label<TAB>replace by); always wins."),
    ]  # fmt: skip


def resolve_options(command: Command) -> Command:
    """``--resolve`` and ``--aliases`` alone (for ``coauthor names``)."""
    return _apply(name_options(), command)


def analysis_options(command: Command) -> Command:
    """Communities, engine, distances, seed, slices -> ``analysis_options``
    (with where the Spark engine runs, when chosen) and ``spark_output``."""
    options: list[Callable[[Command], Command]] = [
        method_option(),
        click.option("--resolution", type=FiniteFloat(min=0, min_open=True), default=ANALYSIS_DEFAULTS.resolution,
                     show_default=True, help="Modularity resolution (higher: more, smaller communities)."),
        seed_option("Seed of every randomised step (communities, sampling, layout)."),
        click.option("--engine", type=click.Choice(ENGINE_CHOICES), default=ANALYSIS_DEFAULTS.engine, show_default=True,
                     help="igraph (fast) or networkx (reference) for the heavy algorithms; spark runs analyze "
                          "and graph on Apache Spark (pip install 'coauthor[spark]'; docs/scaling.md)."),
        click.option("--spark-master", default=ANALYSIS_DEFAULTS.spark_master, show_default=True, metavar="URL",
                     help="Spark master for --engine spark: local[N], spark://HOST:PORT, yarn, k8s://URL."),
        click.option("--spark-output", type=click.Choice(SPARK_TABLES), default=SPARK_TABLES[0], show_default=True,
                     help="Table format of analyze --engine spark (Spark writes folders of part files)."),
        click.option("--distance", type=click.Choice(DISTANCES), default=ANALYSIS_DEFAULTS.distance,
                     show_default=True, help="Path length for betweenness and closeness."),
        click.option("--slice", "slice_text", default=f"{ANALYSIS_DEFAULTS.slice_years}y", metavar="NY",
                     show_default=True, help="Years per time slice for communities over time."),
        click.option("--jobs", type=click.IntRange(min=1), default=None, metavar="N",
                     help="Processes for sampled betweenness and closeness (default: every CPU); "
                          "the results do not depend on it."),
    ]  # fmt: skip

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        names = ("method", "resolution", "seed", "engine", "distance", "jobs", "spark_master")
        values = {name: kwargs.pop(name) for name in names}
        values["slice_years"] = parse_slice(kwargs.pop("slice_text"))
        return command(*args, analysis_options=AnalysisOptions(**values), **kwargs)

    return _apply(options, wrapper)


def method_option() -> Callable[[Command], Command]:
    """``--method``: the community detection algorithm."""
    return click.option("--method", type=click.Choice(METHODS), default=ANALYSIS_DEFAULTS.method, show_default=True,
                        help="Community detection algorithm.")  # fmt: skip


def seed_option(help_text: str) -> Callable[[Command], Command]:
    """``--seed``: the seed of the randomised steps."""
    return click.option("--seed", type=SEED, default=ANALYSIS_DEFAULTS.seed, show_default=True, help=help_text)


def figure_options(max_nodes: int = FIGURE_DEFAULTS.max_nodes) -> Callable[[Command], Command]:
    """What the figures show -> ``figure: PlotOptions`` (its ``hops`` and
    ``seed`` are the command's ``--hops`` and ``--seed``): ``--size-by``,
    ``--top-labels``, ``--label``, ``--author``, ``--max-nodes`` and ``--components``."""
    options: list[Callable[[Command], Command]] = [
        size_by_option("Node size on the maps; the ranking of the centrality figure."),
        click.option("--top-labels", type=click.IntRange(min=0), default=FIGURE_DEFAULTS.top_labels, show_default=True,
                     help="Authors labelled on the maps; bars of centrality; rows of the timeline's heat strip."),
        click.option("--label", "labels", multiple=True, metavar="NAME",
                     help="Always label this author on the maps (repeat for more)."),
        click.option("--author", default=None, metavar="NAME",
                     help="ego: the author in the centre, with --hops rings [default: the top author by PageRank]."),
        max_nodes_option(max_nodes, "Maps draw at most this many authors (the most central); the caption says so."),
        components_option(),
    ]  # fmt: skip

    def decorate(command: Command) -> Command:
        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            names = ("size_by", "top_labels", "labels", "author", "max_nodes", "components")
            values = {name: kwargs.pop(name) for name in names}
            return command(*args, figure=PlotOptions(**values), **kwargs)

        return _apply(options, wrapper)

    return decorate


#: What a figure can size or rank authors by.
SIZE_MEASURES = ("papers", *MEASURES)


def size_by_option(help_text: str) -> Callable[[Command], Command]:
    """``--size-by`` (alias ``--measure``): a centrality measure or papers."""
    return click.option("--size-by", "--measure", "size_by", type=click.Choice(SIZE_MEASURES),
                        default=FIGURE_DEFAULTS.size_by, show_default=True, help=help_text)  # fmt: skip


def max_nodes_option(default: int, help_text: str) -> Callable[[Command], Command]:
    """``--max-nodes``: how many authors a map shows at most."""
    return click.option("--max-nodes", type=click.IntRange(min=1), default=default, show_default=True,
                        help=help_text)  # fmt: skip


def components_option() -> Callable[[Command], Command]:
    """``--components``: how many of the largest connected components a map draws."""
    return click.option("--components", type=click.IntRange(min=0), default=FIGURE_DEFAULTS.components,
                        metavar="N",
                        help="Maps draw the N largest connected components (0: all) [default: those with at "
                             "least a tenth of the largest one's authors]; the caption says what was cut.")  # fmt: skip


def _apply(options: Sequence[Callable[[Any], Any]], command: Command) -> Command:
    for option in reversed(options):
        command = option(command)
    return command


def output_option(help_text: str, *, folder: bool = False, required: bool = True) -> Callable[[Command], Command]:
    """``-o/--output``: a file (``output: Path``), or with ``folder`` a
    folder (``out_dir: Path``); optional when not ``required``."""
    kind = click.Path(file_okay=False, path_type=Path) if folder else click.Path(dir_okay=False, path_type=Path)
    name = "out_dir" if folder else "output"
    return click.option("-o", "--output", name, required=required, default=None, type=kind, help=help_text)
