"""The collaboration map: nodes sized by centrality, coloured by community."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd

from coauthor.graph import ordered_subgraph
from coauthor.plot.style import OTHER_COLOUR, PALETTE, add_caption, community_colour

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D

MAX_DRAWN_NODES = 300


def plot_network(
    graph: nx.Graph,
    centrality: pd.DataFrame,
    communities: pd.DataFrame,
    ax: Axes,
    size_by: str = "pagerank",
    top_labels: int = 15,
    seed: int = 42,
    caption: str = "",
) -> Axes:
    """Draw the collaboration map on ``ax``.

    Node area grows with ``size_by`` (a column of ``centrality``), colour is
    the community (the largest ones in a colour-blind-safe palette, the rest
    grey), edge width grows with the weight, and the ``top_labels`` most
    central authors are labelled without overlaps. Graphs larger than
    ``MAX_DRAWN_NODES`` are cut to their most central authors, and the
    caption says so.
    """
    from adjustText import adjust_text

    ranked = centrality.sort_values([size_by, "name"], ascending=[False, True])
    shown = list(ranked.index[:MAX_DRAWN_NODES])
    sub = ordered_subgraph(graph, shown)
    if len(shown) < graph.number_of_nodes():
        caption = f"{caption}; showing the {len(shown)} most central of {graph.number_of_nodes()} authors".lstrip("; ")
    positions = _layout(sub, seed)
    values = centrality.loc[shown, size_by].astype(float)
    spread = (values.max() - values.min()) or 1.0
    sizes = 40 + 900 * ((values - values.min()) / spread)
    groups = communities.loc[shown, "community"]
    colours = [community_colour(int(groups[n])) for n in shown]
    weights = [d.get("weight", 1) for *_, d in sub.edges(data=True)]
    top_weight = max(weights, default=1)
    nx.draw_networkx_edges(
        sub,
        positions,
        ax=ax,
        width=[0.4 + 3.0 * w / top_weight for w in weights],
        edge_color="#999999",
        alpha=0.6,
    )
    nx.draw_networkx_nodes(
        sub,
        positions,
        nodelist=shown,
        ax=ax,
        node_size=sizes.to_numpy(),
        node_color=colours,
        edgecolors="white",
        linewidths=0.8,
    )
    texts = [
        ax.text(
            *positions[n],
            centrality.at[n, "name"],
            fontsize=9,
            ha="center",
            va="center",
            fontweight="bold" if i < 3 else "normal",
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75},
        )
        for i, n in enumerate(shown[:top_labels])
    ]
    if texts:
        # iter_lim, not the default 1-second time limit: same input, same picture
        adjust_text(texts, ax=ax, iter_lim=300, arrowprops={"arrowstyle": "-", "color": "#555555", "lw": 0.6})
    _community_legend(ax, communities, centrality)
    ax.set_axis_off()
    ax.set_title(f"Collaboration network: {graph.number_of_nodes()} authors, {graph.number_of_edges()} co-author links")
    add_caption(ax, f"Node size: {size_by}; colour: community (Louvain); edge width: joint papers. {caption}".strip())
    return ax


def _layout(graph: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Seeded force-directed layout of each connected component, the
    components packed in rows (largest first) so none drifts off the map."""
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    total_width = 2.2 * sum(len(c) for c in components) ** 0.5 * 1.6
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for nodes in components:
        radius = max(len(nodes) ** 0.5, 0.5)
        if x > 0 and x + 2 * radius > total_width:
            x, y, row_height = 0.0, y - row_height - 0.6, 0.0
        sub = ordered_subgraph(graph, nodes)
        if len(nodes) == 1:
            local = {nodes[0]: (0.0, 0.0)}
        else:
            local = nx.spring_layout(
                sub,
                seed=seed,
                weight="weight",
                k=1.6 / len(nodes) ** 0.5,
                iterations=300,
                scale=radius,
                center=(0.0, 0.0),
            )
        for node, (px, py) in local.items():
            positions[node] = (x + radius + float(px), y - radius + float(py))
        x += 2 * radius + 0.6
        row_height = max(row_height, 2 * radius)
    return positions


def _community_legend(ax: Axes, communities: pd.DataFrame, centrality: pd.DataFrame) -> None:
    handles = []
    sizes = communities.groupby("community").size()
    for community, size in sizes.items():
        if community >= len(PALETTE):
            break
        members = communities.index[communities["community"] == community]
        top = centrality.loc[members].sort_values("pagerank", ascending=False).iloc[0]["name"]
        handles.append(_dot(community_colour(int(community)), f"{size} authors, led by {top}"))
    rest = sizes[sizes.index >= len(PALETTE)]
    if len(rest):
        handles.append(_dot(OTHER_COLOUR, f"{len(rest)} smaller groups, {rest.sum()} authors"))
    ax.legend(
        handles=handles,
        title="Communities",
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=9,
        title_fontsize=10,
        frameon=False,
    )


def _dot(colour: str, label: str) -> Line2D:
    from matplotlib.lines import Line2D

    return Line2D(
        [],
        [],
        marker="o",
        linestyle="",
        markersize=9,
        markerfacecolor=colour,
        markeredgecolor="white",
        label=label,
    )
