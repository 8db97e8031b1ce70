"""How co-authorship is spread: degree and strength distributions as
complementary cumulative distributions on log-log axes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from coauthor.graph.levels import nodes_word
from coauthor.plot.style import PALETTE, add_caption

if TYPE_CHECKING:
    from matplotlib.axes import Axes


def ccdf(values: pd.Series | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The complementary CDF of the positive ``values``: each distinct value
    x and the share of values at least x.

    >>> ccdf(np.array([1, 1, 2, 4]))
    (array([1., 2., 4.]), array([1.  , 0.5 , 0.25]))
    """
    data = np.sort(np.asarray(values, dtype=float))
    data = data[data > 0]
    if not len(data):
        return np.array([]), np.array([])
    distinct, first = np.unique(data, return_index=True)
    return distinct, 1.0 - first / len(data)


def plot_degree(graph: nx.Graph, ax: Axes, caption: str = "") -> Axes:
    """Log-log complementary CDFs P(X ≥ x) of the degree (co-authors) and
    the strength (sum of edge weights: joint papers under the full
    weighting) of the authors; authors without co-authors have neither and
    are left out (the caption counts them)."""
    from matplotlib.ticker import FuncFormatter, LogFormatter

    word = nodes_word(graph)
    partners = "co-authors" if word == "authors" else f"linked {word}"
    degree = pd.Series(dict(graph.degree()), dtype=float)
    strength = pd.Series(dict(graph.degree(weight="weight")), dtype=float)
    series = (
        (f"Degree k ({partners})", degree, PALETTE[0], "o"),
        ("Strength s (joint papers, summed)", strength, PALETTE[5], "s"),
    )
    for label, values, colour, marker in series:
        x, share = ccdf(values)
        if len(x):
            ax.step(x, share, where="post", color=colour, lw=1.2)
            ax.plot(x, share, linestyle="", marker=marker, ms=4, color=colour, label=f"{label}, max {x[-1]:g}")
    ax.set_xscale("log")
    ax.set_yscale("log")
    plain = FuncFormatter(lambda value, _: f"{value:g}")
    ax.xaxis.set_major_formatter(plain)
    ax.yaxis.set_major_formatter(plain)
    for axis in (ax.xaxis, ax.yaxis):  # the default minor labels are mathtext ($2\times10^{-1}$)
        axis.set_minor_formatter(_plain_minor_labels(LogFormatter))
    ax.set_xlabel(f"x: {partners} (k) or joint papers summed over {partners} (s), log scale")
    ax.set_ylabel(f"Share of {word} with at least x, P(X ≥ x)")
    ax.set_title(f"Degree and strength distributions ({graph.number_of_nodes():,} {word})")
    ax.grid(True, which="major", color="#E5E5E5", lw=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, loc="lower left")
    isolated = int((degree == 0).sum())
    note = f"{isolated} {word} without {partners} left out (log scale). " if isolated else ""
    add_caption(ax, f"{note}{caption}".strip())
    return ax


def _plain_minor_labels(log_formatter: type) -> Any:
    """A minor-tick formatter labelling the ticks matplotlib's log formatter
    labels (when an axis spans few decades), as plain numbers (``0.6``)."""

    class PlainLog(log_formatter):
        def __call__(self, value: float, pos: int | None = None) -> str:
            return f"{value:g}" if super().__call__(value, pos) else ""

    return PlainLog(labelOnlyBase=False)
