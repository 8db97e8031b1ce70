"""The figure kinds of ``coauthor plot`` and the report, in one registry:
each kind draws one figure from an :class:`~coauthor.pipeline.Analysis`.

>>> list(KINDS)
['network', 'overlay', 'ego', 'timeline', 'communities-over-time', 'centrality', 'degree']
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coauthor._version import __version__
from coauthor.analysis.engine import DEFAULT_SEED
from coauthor.errors import OptionError
from coauthor.graph.levels import nodes_word
from coauthor.plot.centrality import plot_centrality
from coauthor.plot.communities_over_time import plot_communities_over_time
from coauthor.plot.degree import plot_degree
from coauthor.plot.ego import plot_ego
from coauthor.plot.layout import DEFAULT_COMPONENTS
from coauthor.plot.network import MAX_DRAWN_NODES, plot_network
from coauthor.plot.overlay import plot_overlay
from coauthor.plot.style import LITERAL_TEXT, drop_overlapping_labels, figure_format, save_figure
from coauthor.plot.timeline import MAX_HEAT_ROWS, plot_timeline_panels

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from coauthor.pipeline import Analysis


@dataclass(frozen=True)
class PlotOptions:
    """What a figure shows, for :func:`coauthor.make_report` and the
    figure functions.

    Parameters
    ----------
    size_by : str, default "pagerank"
        Node size and ranking: a centrality measure or ``papers``.
    top_labels : int, default 15
        How many of the most central authors are labelled (also the bars of
        the centrality figure and the rows of the timeline's heat strip).
    labels : tuple of str, optional
        Authors always labelled.
    author : str, optional
        The ego figure's author (default: the top author).
    hops : int, default 1
        The ego figure's rings.
    max_nodes : int, default 300
        The most authors a map draws (larger graphs are cut to their most
        central authors, and the caption says so).
    components : int, optional
        How many of the largest connected components the maps (network,
        overlay, HTML) draw, 0 for all; default: those with at least a tenth
        of the largest one's authors. The caption says what was left out.
    seed : int, default 42
        The layout seed.

    Examples
    --------
    >>> PlotOptions(size_by="betweenness", labels=("Li Shen",)).described()["figure_labels"]
    ['Li Shen']
    """

    size_by: str = "pagerank"
    top_labels: int = 15
    labels: tuple[str, ...] = ()
    author: str | None = None
    hops: int = 1
    max_nodes: int = MAX_DRAWN_NODES
    seed: int = DEFAULT_SEED
    components: int | None = DEFAULT_COMPONENTS

    def described(self) -> dict[str, object]:
        """The options as graph metadata (``figure_size_by``, ...; the seed
        and hops are the run's own)."""
        return {
            "figure_size_by": self.size_by, "figure_top_labels": self.top_labels, "figure_labels": list(self.labels),
            "figure_author": self.author, "figure_max_nodes": self.max_nodes,
            "figure_components": self.components,
        }  # fmt: skip


Draw = Callable[["Analysis", "Figure", PlotOptions, str], None]


@dataclass(frozen=True)
class FigureKind:
    """One kind of figure: its ``name``, a one-line ``description``, the
    figure ``size`` in inches and ``draw(result, fig, options, caption)``."""

    name: str
    description: str
    size: tuple[float, float]
    draw: Draw


def _network(result: Analysis, fig: Figure, o: PlotOptions, caption: str) -> None:
    plot_network(result.graph, result.centrality, result.communities, fig.add_subplot(), **_map_options(o, caption))


def _overlay(result: Analysis, fig: Figure, o: PlotOptions, caption: str) -> None:
    authorships = getattr(result, "authorships", None)
    plot_overlay(
        result.graph, result.centrality, fig.add_subplot(), result.papers, authorships, **_map_options(o, caption)
    )


def _map_options(o: PlotOptions, caption: str) -> dict[str, Any]:
    """What the two maps (network, overlay) take from ``o``, as keywords."""
    return {
        "size_by": o.size_by,
        "top_labels": o.top_labels,
        "labels": o.labels,
        "seed": o.seed,
        "max_nodes": o.max_nodes,
        "caption": caption,
        "components": o.components,
    }


def _ego(result: Analysis, fig: Figure, o: PlotOptions, caption: str) -> None:
    if result.graph.number_of_nodes() == 0:
        raise OptionError("the graph has no authors: nothing to centre the ego network on")
    author = o.author or str(result.centrality.index[0])
    plot_ego(
        result.graph,
        result.centrality,
        result.communities,
        author,
        fig.add_subplot(),
        o.hops,
        o.size_by,
        o.top_labels,
        o.labels,
        caption,
    )


def _timeline(result: Analysis, fig: Figure, o: PlotOptions, caption: str) -> None:
    if result.timeline.empty:
        raise OptionError(f"no timeline to draw: {result.why_empty().get('timeline', 'no paper has a year')}")
    rows = max(3, min(o.top_labels, MAX_HEAT_ROWS))
    axes = fig.subplots(3, 1, gridspec_kw={"height_ratios": [3, 0.5 + 0.28 * rows, 3], "hspace": 0.55})
    plot_timeline_panels(result.timeline, _ranked_people(result), list(axes), o.top_labels, caption)


def _ranked_people(result: Analysis) -> pd.DataFrame:
    """The per-author timeline the activity strip ranks: organisations left
    out, as from every person ranking, unless ``--organisations keep``."""
    table = result.author_timeline
    if result.graph.graph.get("organisations", "separate") == "keep":
        return table
    organisations = [n for n, kind in result.graph.nodes(data="kind") if kind == "organisation"]
    if not organisations or "author_id" not in table:  # a graph file has no per-author timeline
        return table
    return table[~table["author_id"].isin(organisations)]


def _communities_over_time(result: Analysis, fig: Figure, o: PlotOptions, caption: str) -> None:
    if result.communities_over_time.empty:
        reason = result.why_empty().get("communities_over_time", "no paper has a year")
        raise OptionError(f"no communities over time to draw: {reason}")
    groups = result.communities["community"].astype(int).to_dict()
    plot_communities_over_time(result.communities_over_time, fig.add_subplot(), caption=caption, communities=groups)


def _centrality(result: Analysis, fig: Figure, o: PlotOptions, caption: str) -> None:
    plot_centrality(result.centrality, fig.add_subplot(), o.size_by, o.top_labels, caption, nodes_word(result.graph))


def _degree(result: Analysis, fig: Figure, o: PlotOptions, caption: str) -> None:
    plot_degree(result.graph, fig.add_subplot(), caption)


KINDS: dict[str, FigureKind] = {
    k.name: k
    for k in (
        FigureKind("network", "the collaboration map, coloured by community", (13, 8), _network),
        FigureKind("overlay", "the map coloured by average publication year", (13, 8), _overlay),
        FigureKind("ego", "one author's neighbourhood in rings (--author, --hops)", (12, 9), _ego),
        FigureKind("timeline", "papers, new links, top authors' activity and growth per year", (11, 13), _timeline),
        FigureKind(
            "communities-over-time", "communities across time slices (alluvial)", (12, 7), _communities_over_time
        ),
        FigureKind("centrality", "top authors by a measure (--size-by)", (8, 6.5), _centrality),
        FigureKind("degree", "degree and strength distributions (log-log CCDF)", (8, 6), _degree),
    )
}


def figure_kind(name: str) -> FigureKind:
    """The kind called ``name``; OptionError listing the kinds otherwise."""
    if name not in KINDS:
        raise OptionError(f"unknown figure kind '{name}' (use one of: {', '.join(KINDS)})")
    return KINDS[name]


def figure_caption(result: Analysis) -> str:
    """The data and options behind ``result``, for the caption line:
    inputs, papers, weighting, filters, community method and seed."""
    meta = result.graph.graph
    inputs = ", ".join(meta.get("inputs", [])) if isinstance(meta.get("inputs"), list) else meta.get("inputs", "")
    count = f"{len(result.papers):,} papers" if result.papers is not None else "a graph file"
    filters = [
        f"{k.removeprefix('filter_')} {v}"
        for k, v in meta.items()
        if k.startswith("filter_")
        and not (k == "filter_min_papers" and v == 1)
        and not (k == "filter_top_by" and "filter_top" not in meta)
    ]
    parts = [
        f"Data: {inputs} ({count})" if inputs else f"Data: {count}",
        f"weight {meta.get('weight', 'full')}",
        *filters,
        f"communities {meta.get('community_method', '?')}, seed {meta.get('seed', '?')}",
    ]
    return f"{'; '.join(parts)}. coauthor {__version__}"


def draw_figure(kind: str, result: Analysis, options: PlotOptions | None = None, caption: str | None = None) -> Figure:
    """A new matplotlib figure of ``kind`` drawn from ``result`` (caption:
    :func:`figure_caption` unless given), on an Agg canvas of its own: no
    pyplot state, nothing to close."""
    import matplotlib as mpl
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    chosen = figure_kind(kind)
    with mpl.rc_context(LITERAL_TEXT):
        fig = Figure(figsize=chosen.size)
        FigureCanvasAgg(fig)
        chosen.draw(result, fig, options or PlotOptions(), figure_caption(result) if caption is None else caption)
        drop_overlapping_labels(fig)
    return fig


def write_figure(
    kind: str,
    result: Analysis,
    path: str | os.PathLike[str],
    options: PlotOptions | None = None,
    caption: str | None = None,
) -> Path:
    """Draw ``kind`` (:func:`draw_figure`) and save it atomically to
    ``path`` in the format of its extension (PNG, SVG, PDF). Returns the
    path."""
    figure_format(path)
    save_figure(draw_figure(kind, result, options, caption), path)
    return Path(path)
