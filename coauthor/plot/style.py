"""Shared look of the figures: colour-blind-safe palette, measure names, node
sizes, legends, labels that never overlap, the caption line, saving."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from coauthor.atomic import atomic_path
from coauthor.errors import OptionError

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.text import Text
    from matplotlib.transforms import Bbox
    from matplotlib.typing import RcKeyType

#: Okabe & Ito (2008) colour-blind-safe palette, then grey for "other".
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
OTHER_COLOUR = "#BBBBBB"
EDGE_COLOUR = "#8C8C8C"
FIGURE_FORMATS = (".png", ".svg", ".pdf")
#: Sequential, colour-blind-safe and readable in grey: for years and counts.
SEQUENTIAL_CMAP = "viridis"

MEASURE_LABELS = {
    "pagerank": "PageRank (weighted by joint papers)",
    "betweenness": "Betweenness (normalised, hop distance)",
    "closeness": "Closeness (normalised)",
    "eigenvector": "Eigenvector centrality (max 1 per component)",
    "degree": "Degree (number of co-authors)",
    "strength": "Strength (sum of joint papers over co-authors)",
    "core": "k-core number",
    "clustering": "Clustering coefficient",
    "papers": "Papers",
}
INTEGER_MEASURES = ("degree", "strength", "papers", "core")
#: Every text of a figure is drawn as written: names and file names such as
#: ``$\\frac$`` are not TeX (mathtext) and no LaTeX is run, whatever the
#: user's matplotlibrc says. Figures are drawn and saved inside it.
LITERAL_TEXT: dict[RcKeyType, Any] = {"text.parse_math": False, "text.usetex": False}


def community_colour(community: int) -> str:
    """Colour of community ``community`` (0 = largest); grey past the palette."""
    return PALETTE[community] if 0 <= community < len(PALETTE) else OTHER_COLOUR


def measure_column(table: pd.DataFrame, measure: str) -> pd.Series:
    """The column ``measure`` of a centrality table as floats; OptionError
    naming the measures there are when it is missing."""
    if measure not in table.columns or measure == "name":
        known = ", ".join(c for c in table.columns if c != "name")
        raise OptionError(f"unknown measure '{measure}' (use one of: {known})")
    return table[measure].astype(float)


def ranked_nodes(table: pd.DataFrame, measure: str) -> list[str]:
    """Author ids of ``table`` by ``measure``, highest first, ties by name
    then id (so the order never depends on the input order)."""
    values = measure_column(table, measure)
    order = pd.DataFrame({"v": values, "name": table["name"].astype(str), "id": table.index.astype(str)})
    return order.sort_values(["v", "name", "id"], ascending=[False, True, True]).index.tolist()


def node_areas(values: pd.Series, smallest: float = 40.0, largest: float = 900.0) -> pd.Series:
    """Marker areas (points²) growing linearly with ``values`` from
    ``smallest`` to ``largest``."""
    low, high = float(values.min()), float(values.max())
    spread = (high - low) or 1.0
    return smallest + (largest - smallest) * (values.astype(float) - low) / spread


def area_range(nodes: int) -> tuple[float, float]:
    """Smallest and largest marker area (points²) for a map of ``nodes``
    authors on a figure about 12 inches wide: 30-900 up to 100 authors,
    shrinking with more so that nodes do not hide each other."""
    shrink = min(1.0, 100 / max(nodes, 1)) ** 0.7
    return max(30 * shrink, 12.0), max(900 * shrink, 150.0)


def shorten(name: str, limit: int = 28) -> str:
    """``name`` cut to ``limit`` characters with an ellipsis."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def legend_dot(colour: str, label: str, size: float = 9) -> Line2D:
    """A round legend handle in ``colour``."""
    from matplotlib.lines import Line2D

    return Line2D(
        [], [], marker="o", linestyle="", markersize=size, markerfacecolor=colour, markeredgecolor="white", label=label
    )


def community_legend(
    ax: Axes,
    communities: pd.DataFrame,
    centrality: pd.DataFrame,
    drawn: Sequence[str],
    rank_by: str = "pagerank",
    noun: str = "author",
) -> None:
    """Legend right of ``ax``: one entry per coloured community with a
    ``drawn`` author: its size, how many are drawn when not all, and its top
    author by ``rank_by``; the grey communities summed up in one entry.
    ``noun`` names the nodes (``institution``, ``country`` at those levels)."""
    sizes = communities.groupby("community").size()
    shown = communities.loc[list(drawn), "community"].astype(int).value_counts()
    leader = community_leaders(communities, centrality, rank_by)
    handles = []
    for community in sorted(c for c in shown.index if c < len(PALETTE)):
        size, seen = int(sizes[community]), int(shown[community])
        part = "" if seen == size else f" ({seen:,} drawn)"
        label = f"{plural(size, noun)}{part}, led by {shorten(leader[community])}"
        handles.append(legend_dot(community_colour(community), label))
    rest = shown[shown.index >= len(PALETTE)]
    if len(rest):
        label = f"{plural(len(rest), 'smaller group')}: {plural(int(rest.sum()), noun)} drawn"
        handles.append(legend_dot(OTHER_COLOUR, label))
    ax.legend(
        handles=handles,
        title="Communities",
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=9,
        title_fontsize=10,
        frameon=False,
    )


def community_leaders(communities: pd.DataFrame, centrality: pd.DataFrame, rank_by: str) -> dict[int, str]:
    """The name of each community's top author by ``rank_by``."""
    ranked = ranked_nodes(centrality.loc[communities.index], rank_by)
    first = communities.loc[ranked, "community"].astype(int).drop_duplicates()
    return {int(c): str(centrality.at[node, "name"]) for node, c in first.items()}


def thousands(axis: object) -> None:
    """Tick labels of ``axis`` (an x or y axis) with thousands separators."""
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))  # type: ignore[attr-defined]


def plural(count: int, noun: str) -> str:
    """``"1 author"``, ``"2,000 authors"``, ``"3 countries"``."""
    if count != 1 and noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return f"{count:,} {noun[:-1]}ies"
    return f"{count:,} {noun}{'s' * (count != 1)}"


def draw_graph(
    ax: Axes,
    graph: object,
    positions: dict[str, tuple[float, float]],
    nodes: Sequence[str],
    areas: Iterable[float],
    colours: Iterable[object],
    edge_alpha: float = 0.5,
) -> None:
    """Edges (width grows with ``weight``, up to 3.5 pt; fainter past 400
    edges) under the ``nodes`` (areas in points², white rims), in the given
    order; the nodes' collection has the gid ``AUTHORS_GID`` (see
    :func:`authors_drawn`)."""
    import networkx as nx

    edges = list(graph.edges(data="weight", default=1))  # type: ignore[attr-defined]
    edge_alpha *= min(1.0, (400 / max(len(edges), 1)) ** 0.5)  # many edges: each fainter
    top = max((float(w) for *_, w in edges), default=1.0) or 1.0
    if edges:
        nx.draw_networkx_edges(
            graph,
            positions,
            ax=ax,
            edgelist=[(u, v) for u, v, _ in edges],
            width=[0.3 + 3.2 * float(w) / top for *_, w in edges],
            edge_color=EDGE_COLOUR,
            alpha=edge_alpha,
        )
    nx.draw_networkx_nodes(
        graph,
        positions,
        nodelist=list(nodes),
        ax=ax,
        node_size=list(areas),
        node_color=list(colours),
        edgecolors="white",
        linewidths=0.8,
    ).set_gid(AUTHORS_GID)


#: The gid of the collection of author nodes a figure draws.
AUTHORS_GID = "authors"


def authors_drawn(fig: Figure) -> int | None:
    """How many author nodes ``fig`` draws (:func:`draw_graph`), or None
    when it draws none (a chart, not a map)."""
    import numpy as np

    counts = [np.shape(c.get_offsets())[0] for ax in fig.axes for c in ax.collections if c.get_gid() == AUTHORS_GID]
    return sum(counts) if counts else None


def place_labels(
    ax: Axes,
    positions: Mapping[str, tuple[float, float]],
    labels: Mapping[str, str],
    bold: Sequence[str] = (),
    fontsize: float = 9,
    areas: Mapping[str, float] | None = None,
    start: Mapping[str, tuple[float, float]] | None = None,
) -> list[Text]:
    """Label nodes without overlaps: ``labels`` (node -> text, in priority
    order) start on their node (or at ``start``) and are moved off each
    other and off the nodes (the rims of the ``MAX_OBSTACLES`` largest
    markers, ``areas`` in points²) by adjustText, with an iteration limit,
    never its time limit, so the picture is reproducible. A label still
    overlapping a higher-priority one is then removed. A thin leader line
    joins a moved label to its node. Returns the labels shown."""
    from adjustText import adjust_text, get_renderer

    if not labels:
        return []
    origin = start or positions
    texts = [
        ax.text(
            *origin.get(node, positions[node]),
            text,
            fontsize=fontsize,
            ha="center",
            va="center",
            zorder=5,
            fontweight="bold" if node in bold else "normal",
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
        )
        for node, text in labels.items()
    ]
    xs, ys = _obstacles(ax, positions, areas or {})
    adjust_text(texts, x=xs, y=ys, ax=ax, iter_lim=250, ensure_inside_axes=False)
    renderer = get_renderer(ax.figure)
    pad = 0.3 * fontsize * ax.figure.dpi / 72  # the white box around the text, and a hair more
    kept: list[Text] = []
    boxes: list[Bbox] = []
    for node, text in zip(labels, texts, strict=True):
        box = text.get_window_extent(renderer).padded(pad)
        if any(box.overlaps(other) for other in boxes):
            text.remove()
            continue
        kept.append(text)
        boxes.append(box)
        here, there = text.get_position(), positions[node]
        shift = ax.transData.transform(here) - ax.transData.transform(there)
        if (shift**2).sum() > 12**2:
            ax.plot([here[0], there[0]], [here[1], there[1]], color="#555555", lw=0.6, zorder=4)
    return kept


#: Labels are kept off the rims of this many of the largest nodes (adjustText
#: slows down with the square of the obstacles).
MAX_OBSTACLES = 40


def _obstacles(
    ax: Axes, positions: Mapping[str, tuple[float, float]], areas: Mapping[str, float]
) -> tuple[list[float], list[float]]:
    """Points labels must avoid, in data coordinates: the centre and four
    rim points of the ``MAX_OBSTACLES`` largest nodes."""
    import numpy as np

    nodes = sorted(positions, key=lambda n: (-areas.get(n, 0.0), n))[:MAX_OBSTACLES]
    centres = ax.transData.transform(np.array([positions[n] for n in nodes], dtype=float).reshape(-1, 2))
    radius = np.sqrt(np.array([areas.get(n, 0.0) for n in nodes], dtype=float)) / 2 * ax.figure.dpi / 72
    angles = np.linspace(0, 2 * np.pi, 4, endpoint=False) + np.pi / 4
    ring = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    rims = (centres[:, None, :] + radius[:, None, None] * ring[None, :, :]).reshape(-1, 2)
    points = ax.transData.inverted().transform(np.vstack([centres, rims]))
    return points[:, 0].tolist(), points[:, 1].tolist()


def drop_overlapping_labels(fig: Figure) -> int:
    """Remove every label (a text in a box, as :func:`place_labels` and the
    alluvial blocks draw them) that overlaps a text drawn before it or a
    text without a box (ring names, captions), once the figure is laid out
    as it will be saved (a colour bar or an aspect set after the labels
    were placed moves them). Returns how many were removed."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    removed = 0
    for ax in fig.axes:
        texts = [t for t in ax.texts if t.get_visible() and t.get_text().strip()]
        fixed = [t.get_window_extent(renderer) for t in texts if t.get_bbox_patch() is None]
        kept: list[Bbox] = []
        for text in (t for t in texts if t.get_bbox_patch() is not None):
            box = text.get_window_extent(renderer)
            if any(box.overlaps(other) for other in (*fixed, *kept)):
                text.remove()
                removed += 1
            else:
                kept.append(box)
    return removed


def add_caption(ax: Axes, text: str) -> None:
    """A small grey line under the axes (below the x-axis label when there is
    one) saying what data and options were used. Drawn literally: its
    dollar signs are escaped (matplotlib measures wrapped lines as TeX when
    they hold two ``$``, whatever ``text.parse_math`` says)."""
    label = ax.xaxis.label
    below = label if ax.axison and label.get_text() else "axes fraction"
    ax.annotate(
        text.replace("$", r"\$"),
        parse_math=True,
        xy=(0, 0),
        xycoords=("axes fraction", below),
        xytext=(0, -8),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=8,
        color="#555555",
        wrap=True,
    )


def figure_format(path: str | os.PathLike[str]) -> str:
    """The figure format named by the extension of ``path`` (``png``,
    ``svg``, ``pdf``); OptionError for any other."""
    suffix = Path(path).suffix.lower()
    if suffix not in FIGURE_FORMATS:
        raise OptionError(f"{path}: unknown figure format '{suffix}' (use {', '.join(FIGURE_FORMATS)})")
    return suffix[1:]


#: A saved figure is cropped to what it draws, but never grows past this
#: share of its set size on any side (a stray label cannot make it huge).
MAX_OVERHANG = 0.25


def save_figure(fig: Figure, path: str | os.PathLike[str], dpi: int = 150) -> None:
    """Save ``fig`` atomically; the format comes from the extension. No
    creation date is embedded, so the same figure gives the same bytes. The
    image is cropped to what is drawn, within ``MAX_OVERHANG`` of the
    figure's size on each side: at most 1.5 times its width and height."""
    fmt = figure_format(path)
    import matplotlib as mpl

    metadata = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}
    # SVG element ids are hashes salted with a random uuid unless a salt is set
    rc: dict[RcKeyType, Any] = {"svg.hashsalt": "coauthor", **LITERAL_TEXT}
    with atomic_path(path) as tmp, mpl.rc_context(rc):
        fig.savefig(tmp, format=fmt, dpi=dpi, bbox_inches=_bounded_box(fig), metadata=metadata[fmt])


def _bounded_box(fig: Figure) -> Bbox:
    """What ``fig`` draws (in inches, with matplotlib's tight padding),
    clipped to the figure grown by ``MAX_OVERHANG`` on each side."""
    from matplotlib.transforms import Bbox

    width, height = fig.get_size_inches()
    drawn = fig.get_tightbbox().padded(0.1)
    limit = Bbox.from_extents(-MAX_OVERHANG * width, -MAX_OVERHANG * height, (1 + MAX_OVERHANG) * width,
                              (1 + MAX_OVERHANG) * height)  # fmt: skip
    return Bbox.intersection(drawn, limit) or limit
