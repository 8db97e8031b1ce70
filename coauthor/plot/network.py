"""The collaboration map: nodes sized by centrality, coloured by community.

:func:`draw_map` (what the map and the overlay share) draws the visible part
of the graph with given node colours and labels; :func:`plot_network` adds
the community colours and legend.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd

from coauthor.analysis.engine import DEFAULT_SEED
from coauthor.graph.filters import find_author
from coauthor.plot.layout import DEFAULT_COMPONENTS, Visible, layout, visible_subgraph
from coauthor.plot.style import (
    add_caption,
    area_range,
    community_colour,
    community_legend,
    draw_graph,
    measure_column,
    node_areas,
    place_labels,
    plural,
    ranked_nodes,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: Larger graphs are cut to their most central authors (the caption says so).
MAX_DRAWN_NODES = 300
#: Past this many links among the drawn authors only a backbone is drawn.
MAX_DRAWN_EDGES = 1500


def plot_network(
    graph: nx.Graph,
    centrality: pd.DataFrame,
    communities: pd.DataFrame,
    ax: Axes,
    size_by: str = "pagerank",
    top_labels: int = 15,
    labels: Sequence[str] = (),
    seed: int = DEFAULT_SEED,
    max_nodes: int = MAX_DRAWN_NODES,
    caption: str = "",
    components: int | None = DEFAULT_COMPONENTS,
) -> Axes:
    """Draw the collaboration map on ``ax``.

    Node area grows with ``size_by`` (a column of ``centrality``: a measure
    or ``papers``), colour is the community (the largest eight in the
    Okabe-Ito colour-blind-safe palette, the rest grey; the legend gives each
    one's size and top author), edge width grows with the weight. The
    ``top_labels`` authors ranking highest by ``size_by`` and the authors
    named in ``labels`` (names or ids; always drawn) are labelled without
    overlaps. Only the ``components`` largest connected components are
    drawn (0: all; None: those at least a tenth of the largest; those of
    the labelled authors too), graphs of more than
    ``max_nodes`` authors are cut to the most central ones, and dense cuts
    to a backbone of links; the caption says so.

    >>> import matplotlib.pyplot as plt
    >>> from coauthor.analysis import centrality, communities
    >>> g = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
    >>> nx.set_node_attributes(g, {"a": "Ann", "b": "Bo", "c": "Cy"}, "name")
    >>> ax = plot_network(g, centrality(g), communities(g), plt.figure().gca())
    >>> len(ax.collections[-1].get_offsets()), len(ax.get_legend().get_texts())
    (3, 1)
    """
    groups = communities["community"].astype(int)
    colours = groups.map(community_colour).to_dict()
    drawn = draw_map(graph, centrality, ax, colours, size_by, top_labels, labels, seed, max_nodes, components)
    noun = str(graph.graph.get("level", "author"))
    community_legend(ax, communities, centrality, drawn.nodes, size_by, noun)
    links = "co-author links" if noun == "author" else "collaboration links"
    ax.set_title(f"Collaboration network: {plural(graph.number_of_nodes(), noun)}, {graph.number_of_edges():,} {links}")
    add_caption(
        ax,
        map_caption(f"colour: community ({graph.graph.get('community_method', 'detected')})", size_by, drawn, caption),
    )
    return ax


def draw_map(
    graph: nx.Graph,
    centrality: pd.DataFrame,
    ax: Axes,
    colours: Mapping[str, object],
    size_by: str = "pagerank",
    top_labels: int = 15,
    labels: Sequence[str] = (),
    seed: int = DEFAULT_SEED,
    max_nodes: int = MAX_DRAWN_NODES,
    components: int | None = DEFAULT_COMPONENTS,
) -> Visible:
    """Draw the visible part of ``graph`` (:func:`visible_subgraph`) with the
    seeded layout, node areas by ``size_by``, the given node ``colours`` and
    the top and pinned labels; returns what was drawn."""
    values = measure_column(centrality, size_by)
    pinned = [find_author(graph, name) for name in labels]
    ranked = ranked_nodes(centrality, size_by)
    drawn = visible_subgraph(graph, ranked, max_nodes, MAX_DRAWN_EDGES, pinned, size_by, components)
    positions = layout(drawn.graph, seed)
    # smallest first, so big nodes are never hidden under small ones
    order = sorted(drawn.nodes, key=lambda n: (values[n], n))
    areas = node_areas(values[order], *area_range(len(order)))
    draw_graph(ax, drawn.edges, positions, order, areas, [colours[n] for n in order])
    top = [n for n in drawn.nodes if n not in pinned][:top_labels]
    named = {n: str(centrality.at[n, "name"]) for n in [*pinned, *top]}
    place_labels(ax, positions, named, bold=[*pinned, *top[:3]], areas=dict(zip(order, areas, strict=True)))
    ax.set_axis_off()
    return drawn


def map_caption(colour: str, size_by: str, drawn: Visible, caption: str) -> str:
    """The caption of a map: what size and colour mean, what was cut, then
    the data and options (``caption``)."""
    encoding = "; ".join(p for p in (f"Node area: {size_by}", colour, "edge width: joint papers", drawn.note) if p)
    return f"{encoding}. {caption}".strip()
