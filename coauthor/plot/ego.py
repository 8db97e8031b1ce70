"""One author's neighbourhood: the author in the centre, co-authors on the
first ring, their co-authors on the second, and so on."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd

from coauthor.graph.build import ordered_subgraph
from coauthor.graph.filters import find_author
from coauthor.graph.levels import nodes_word
from coauthor.plot.style import (
    add_caption,
    community_colour,
    community_legend,
    draw_graph,
    measure_column,
    node_areas,
    place_labels,
    ranked_nodes,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: Most authors drawn on ring d: ``RING_CAPACITY * d`` (the caption says when more were cut).
RING_CAPACITY = 60


def ego_rings(
    graph: nx.Graph,
    centre: str,
    hops: int,
    ranked: Sequence[str],
    groups: Mapping[str, int] | None = None,
    capacity: int = RING_CAPACITY,
) -> list[list[str]]:
    """The authors at distance 0, 1, ..., ``hops`` from ``centre``, one list
    per ring in drawing order (around the circle). Ring d keeps at most
    ``capacity * d`` authors, the highest in ``ranked`` among those linked to
    a kept author of ring d-1; each is placed next to its strongest link on
    the inner ring, then next to its community (``groups``), so links run
    outwards and rarely cross.

    >>> ego_rings(nx.path_graph(["a", "b", "c", "d"]), "b", 2, ["a", "b", "c", "d"])
    [['b'], ['a', 'c'], ['d']]
    """
    distance = nx.single_source_shortest_path_length(graph, centre, cutoff=hops)
    rank = {node: i for i, node in enumerate(ranked)}
    rings = [[centre]]
    for d in range(1, hops + 1):
        angle = {node: i / len(rings[-1]) for i, node in enumerate(rings[-1])}
        candidates = [n for n, dist in distance.items() if dist == d and any(p in angle for p in graph.adj[n])]
        kept = sorted(candidates, key=lambda n: (rank.get(n, len(rank)), n))[: capacity * d]
        if not kept:
            break

        def place(node: str, angle: dict[str, float] = angle) -> tuple[float, int, int, str]:
            parents = [p for p in graph.adj[node] if p in angle]
            parent = min(parents, key=lambda p: (-float(graph.adj[node][p].get("weight", 1)), angle[p]))
            return angle[parent], (groups or {}).get(node, 0), rank.get(node, len(rank)), node

        rings.append(sorted(kept, key=place))
    return rings


def plot_ego(
    graph: nx.Graph,
    centrality: pd.DataFrame,
    communities: pd.DataFrame,
    author: str,
    ax: Axes,
    hops: int = 1,
    size_by: str = "pagerank",
    top_labels: int = 15,
    labels: Sequence[str] = (),
    caption: str = "",
) -> Axes:
    """Draw ``author``'s ``hops``-hop neighbourhood on ``ax``: the author in
    the centre (black halo), each ring the authors at that many co-author
    links (:func:`ego_rings`), node area by ``size_by``, colour by community
    as on the network map, edge width by joint papers; the ``top_labels``
    most central authors, shared out between the rings (each ring its most
    central), and those named in ``labels`` are labelled.

    >>> import matplotlib.pyplot as plt
    >>> from coauthor.analysis import centrality, communities
    >>> g = nx.star_graph(["Ann", "Bo", "Cy", "Di"])
    >>> nx.set_node_attributes(g, {n: n for n in g}, "name")
    >>> ax = plot_ego(g, centrality(g), communities(g), "Ann", plt.figure().gca())
    >>> len(ax.collections[-1].get_offsets())
    4
    """
    import matplotlib.pyplot as plt

    centre = find_author(graph, author)
    values = measure_column(centrality, size_by)
    ranked = ranked_nodes(centrality, size_by)
    groups = communities["community"].astype(int)
    rings = ego_rings(graph, centre, max(hops, 0), ranked, {str(node): group for node, group in groups.items()})
    positions = {centre: (0.0, 0.0)}
    for d, ring in enumerate(rings[1:], start=1):
        for i, node in enumerate(ring):
            theta = math.pi / 2 - 2 * math.pi * (i + 0.5 * (d - 1)) / len(ring)
            positions[node] = (d * math.cos(theta), d * math.sin(theta))
        ax.add_patch(plt.Circle((0, 0), d, fill=False, ls="--", lw=0.8, color="#CCCCCC", zorder=0))
        ax.annotate(
            f"{d} hop{'s' * (d > 1)}",
            (0, -d),
            xytext=(0, -3),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=8,
            color="#777777",
        )
    shown = [n for ring in rings for n in ring]
    sub, chords_note = _thinned_chords(ordered_subgraph(graph, shown), centre)
    order = sorted(shown, key=lambda n: (n == centre, values[n], n))
    areas = node_areas(values[order], 40, 700)
    # a black halo under the centre node, then the edges and nodes
    ax.scatter([0], [0], s=areas.iloc[-1] * 1.7 + 60, color="black", zorder=1.5)
    draw_graph(ax, sub, positions, order, areas, [community_colour(groups[n]) for n in order])
    pinned = [find_author(graph, name) for name in labels if find_author(graph, name) in positions]
    share = math.ceil(top_labels / max(len(rings) - 1, 1))
    on_rings = [n for ring in rings[1:] for n in [m for m in ranked if m in set(ring)][:share]]
    named = {n: str(centrality.at[n, "name"]) for n in [centre, *pinned, *on_rings]}
    outside = {n: (x * 1.08, y * 1.08) for n, (x, y) in positions.items()}
    ax.set_aspect("equal")  # before the labels: it rescales the axes
    place_labels(ax, positions, named, bold=[centre], areas=dict(zip(order, areas, strict=True)), start=outside)
    community_legend(ax, communities, centrality, shown, size_by)
    ax.set_axis_off()
    reach = nx.single_source_shortest_path_length(graph, centre, cutoff=hops)
    name = str(centrality.at[centre, "name"])
    ax.set_title(f"Ego network of {name}: {len(reach) - 1:,} {nodes_word(graph)} within {hops} hop{'s' * (hops != 1)}")
    cut = (
        f"; showing {len(shown) - 1:,} of {len(reach) - 1:,} (most central per ring)" if len(shown) < len(reach) else ""
    ) + chords_note
    add_caption(ax, f"Node area: {size_by}; colour: community; edge width: joint papers{cut}. {caption}".strip())
    return ax


#: Past this many links per drawn co-author among the co-authors (the
#: chords), only the strongest are drawn: a dense ego network is otherwise
#: a hairball that hides the rings.
MAX_CHORDS_PER_AUTHOR = 2


def _thinned_chords(sub: nx.Graph, centre: str) -> tuple[nx.Graph, str]:
    """``sub`` with every link of the centre and, among the others, only
    the ``MAX_CHORDS_PER_AUTHOR`` x authors strongest (ties by ids), and the
    caption fragment saying so ("" when none was hidden).

    Six co-authors who all wrote together: 15 chords, 12 drawn (the
    heaviest first), with the centre's 6 links.

    >>> g = nx.complete_graph(["c", "a", "b", "d", "e", "f", "g"])
    >>> nx.set_edge_attributes(g, 1, "weight")
    >>> g["f"]["g"]["weight"] = 5
    >>> thin, note = _thinned_chords(g, "c")
    >>> thin.number_of_edges(), thin.has_edge("f", "g"), note
    (18, True, '; links among co-authors: the 12 strongest of 15')
    """
    chords = [(u, v, d) for u, v, d in sub.edges(data=True) if centre not in (u, v)]
    limit = MAX_CHORDS_PER_AUTHOR * (sub.number_of_nodes() - 1)
    if len(chords) <= limit:
        return sub, ""
    chords.sort(key=lambda e: (-float(e[2].get("weight", 1)), min(e[0], e[1]), max(e[0], e[1])))
    thin = nx.Graph()
    thin.add_nodes_from(sub.nodes(data=True))
    thin.add_edges_from((u, v, d) for u, v, d in sub.edges(data=True) if centre in (u, v))
    thin.add_edges_from(chords[:limit])
    return thin, f"; links among co-authors: the {limit:,} strongest of {len(chords):,}"
