"""The country collaboration figure: a chord-like circular network.

The countries with the most papers (at most ``max_countries``) sit on a
circle in order of papers, each a dot sized by its papers; every link
between two of them is an arc bowed towards the centre, as wide and as dark
as its weight. Labels sit outside the circle, turned along the radius, so
they never cross each other or the arcs.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np

from coauthor.plot.style import add_caption

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: At most this many countries are drawn (the caption says how many were left out).
MAX_COUNTRIES = 40


def plot_countries(
    graph: nx.Graph, ax: Axes | None = None, max_countries: int = MAX_COUNTRIES, caption: str | None = None
) -> Axes:
    """Draw the country graph of :func:`coauthor.graph.levels.level_graph`
    on ``ax`` (a new square figure when None); returns the axes.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> g = nx.Graph()
    >>> g.add_nodes_from([("NO", {"name": "Norway", "papers": 3}), ("CH", {"name": "Switzerland", "papers": 1})])
    >>> g.add_edge("NO", "CH", weight=1.0)
    >>> ax = plot_countries(g)
    >>> sorted(t.get_text() for t in ax.texts)[:2]
    ['Norway (3)', 'Switzerland (1)']
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as CurvePath

    if ax is None:
        _, ax = plt.subplots(figsize=(9, 9))
    papers = {node: float(data.get("papers") or 0) for node, data in graph.nodes(data=True)}
    shown = sorted(papers, key=lambda node: (-papers[node], str(node)))[:max_countries]
    n = len(shown)
    angle = {node: math.pi / 2 - 2 * math.pi * i / max(n, 1) for i, node in enumerate(shown)}
    point = {node: (math.cos(a), math.sin(a)) for node, a in angle.items()}
    inside = set(shown)
    edges = sorted(
        ((u, v, float(d.get("weight", 1))) for u, v, d in graph.edges(data=True) if u in inside and v in inside),
        key=lambda e: e[2],
    )
    heaviest = max((w for _, _, w in edges), default=1.0) or 1.0
    cmap = plt.get_cmap("Blues")
    for u, v, weight in edges:  # lightest first, so heavy links are on top
        share = weight / heaviest
        curve = CurvePath([point[u], (0.0, 0.0), point[v]], [CurvePath.MOVETO, CurvePath.CURVE3, CurvePath.CURVE3])
        ax.add_patch(PathPatch(curve, facecolor="none", edgecolor=cmap(0.35 + 0.65 * share),
                               linewidth=0.4 + 6 * share, alpha=0.35 + 0.6 * share, zorder=1))  # fmt: skip
    largest = max((papers[node] for node in shown), default=1.0) or 1.0
    xs, ys = zip(*(point[node] for node in shown), strict=True) if shown else ((), ())
    sizes = [30 + 400 * np.sqrt(papers[node] / largest) for node in shown]
    ax.scatter(xs, ys, s=sizes, color="#e6550d", edgecolor="white", linewidth=0.8, zorder=3)
    for node in shown:
        a = angle[node]
        x, y = 1.09 * math.cos(a), 1.09 * math.sin(a)
        degrees = math.degrees(a) % 360
        left = 90 < degrees < 270
        name = str(graph.nodes[node].get("name") or node)
        ax.text(x, y, f"{name} ({papers[node]:g})", rotation=degrees - 180 if left else degrees,
                rotation_mode="anchor", ha="right" if left else "left", va="center",
                fontsize=9 if n <= 25 else 7.5, zorder=4)  # fmt: skip
    ax.set_xlim(-1.75, 1.75)
    ax.set_ylim(-1.7, 1.9)  # room above the top labels for the title
    ax.set_aspect("equal")
    ax.axis("off")
    left_out = graph.number_of_nodes() - n
    title = f"Collaboration between {n} countries" + (f" (the {n} with most papers; {left_out} more)" * bool(left_out))
    ax.set_title(title, fontsize=12)
    if caption:
        add_caption(ax, caption)
    return ax
