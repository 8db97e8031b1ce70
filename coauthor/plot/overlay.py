"""The collaboration map coloured by when authors published (VOSviewer's
overlay visualisation): the same layout, sizes and labels as the network
map, the colour the average publication year of each author's papers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import pandas as pd

from coauthor.analysis.engine import DEFAULT_SEED
from coauthor.errors import OptionError
from coauthor.graph.levels import nodes_word
from coauthor.names.resolve import authorship_table
from coauthor.plot.layout import DEFAULT_COMPONENTS
from coauthor.plot.network import MAX_DRAWN_NODES, draw_map, map_caption
from coauthor.plot.style import SEQUENTIAL_CMAP, add_caption
from coauthor.records import Paper

if TYPE_CHECKING:
    from matplotlib.axes import Axes


def average_years(
    graph: nx.Graph, papers: Iterable[Paper] | None = None, authorships: pd.DataFrame | None = None
) -> tuple[pd.Series, str]:
    """Average publication year of each author of ``graph`` and how it was
    found: the mean year of their dated papers ("mean year of their
    papers"), from ``authorships`` (the resolved table the graph was built
    from, columns ``author_id`` and ``year``) or else from ``papers``
    resolved by name; without either, the midpoint of each author's first
    and last year (the node attributes; "midpoint of first and last year").
    Authors without a year are left out.

    >>> g = nx.Graph([("a", "b")]); nx.set_node_attributes(g, {"a": 2010, "b": 2020}, "first_year")
    >>> nx.set_node_attributes(g, {"a": 2014, "b": 2020}, "last_year")
    >>> average_years(g)[0].to_dict()
    {'a': 2012.0, 'b': 2020.0}
    """
    if authorships is None and papers is not None:
        authorships = authorship_table(p for p in papers if p.year is not None)
    if authorships is not None:
        dated = authorships[authorships["year"].notna() & authorships["author_id"].isin(list(graph.nodes))]
        years = dated.groupby("author_id")["year"].mean().astype(float)
        return years.rename("average_year"), "mean year of their papers"
    first = pd.Series(dict(graph.nodes(data="first_year")), dtype=float)
    last = pd.Series(dict(graph.nodes(data="last_year")), dtype=float)
    return ((first + last) / 2).dropna().rename("average_year"), "midpoint of first and last year"


def plot_overlay(
    graph: nx.Graph,
    centrality: pd.DataFrame,
    ax: Axes,
    papers: Iterable[Paper] | None = None,
    authorships: pd.DataFrame | None = None,
    size_by: str = "pagerank",
    top_labels: int = 15,
    labels: Sequence[str] = (),
    seed: int = DEFAULT_SEED,
    max_nodes: int = MAX_DRAWN_NODES,
    caption: str = "",
    components: int | None = DEFAULT_COMPONENTS,
) -> Axes:
    """Draw the map of :func:`coauthor.plot.plot_network` on ``ax``, each
    author coloured by their average publication year (:func:`average_years`,
    from ``authorships`` or ``papers`` when given; the caption says which),
    with a colour bar (the ``components`` largest connected components, as
    that map draws them). Authors with no year are grey."""
    import matplotlib as mpl

    years, source = average_years(graph, papers, authorships)
    if years.empty:
        raise OptionError("no author has a publication year: the overlay needs dated papers")
    norm = mpl.colors.Normalize(vmin=years.min(), vmax=max(years.max(), years.min() + 1))
    cmap = mpl.colormaps[SEQUENTIAL_CMAP]
    nodes = list(graph.nodes)
    found = years.reindex(nodes).to_numpy(dtype=float)
    rgba = cmap(norm(found))  # one call for every author: a call per author took 9 s for 37 k of them
    colours = {n: tuple(rgba[i]) if not np.isnan(found[i]) else "#BBBBBB" for i, n in enumerate(nodes)}
    # the colour bar first: it narrows the axes, which would move placed labels onto each other
    bar = ax.figure.colorbar(mpl.cm.ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.7, pad=0.02)
    drawn = draw_map(graph, centrality, ax, colours, size_by, top_labels, labels, seed, max_nodes, components)
    bar.set_label("Average publication year")
    bar.ax.yaxis.set_major_formatter(mpl.ticker.FormatStrFormatter("%d"))
    bar.ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    word = nodes_word(graph)
    ax.set_title(f"When {word} published: {graph.number_of_nodes():,} {word}, coloured by average year")
    add_caption(ax, map_caption(f"colour: average publication year ({source})", size_by, drawn, caption))
    return ax
