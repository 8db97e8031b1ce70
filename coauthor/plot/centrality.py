"""Top authors for one centrality measure, as horizontal bars."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from coauthor.plot.style import INTEGER_MEASURES, MEASURE_LABELS, PALETTE, add_caption, measure_column, shorten

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["MEASURE_LABELS", "plot_centrality"]


def plot_centrality(
    centrality: pd.DataFrame,
    ax: Axes,
    measure: str = "pagerank",
    top: int = 15,
    caption: str = "",
    word: str = "authors",
) -> Axes:
    """Horizontal bars of the ``top`` authors by ``measure`` (any column of
    the centrality table), highest on top, each bar labelled with its value;
    names longer than 28 characters are shortened with an ellipsis. ``word``
    names the nodes in the title (``countries`` for a country graph)."""
    values_all = measure_column(centrality, measure)
    order = pd.DataFrame({"v": values_all, "name": centrality["name"].astype(str)})
    ranked = order.sort_values(["v", "name"], ascending=[False, True]).head(top)
    values = ranked["v"][::-1]
    names = [shorten(n) for n in ranked["name"][::-1]]
    bars = ax.barh(range(len(values)), values.to_numpy(), color=PALETTE[0])
    ax.set_yticks(range(len(values)), names, fontsize=10)
    integer = measure in INTEGER_MEASURES
    ax.bar_label(bars, labels=[f"{v:.0f}" if integer else f"{v:.3g}" for v in values], padding=3, fontsize=8)
    ax.set_xlabel(MEASURE_LABELS.get(measure, measure))
    ax.set_title(f"Top {len(values)} of {len(centrality)} {word} by {measure}")
    ax.spines[["top", "right"]].set_visible(False)
    ax.margins(x=0.12)
    ax.set_ylim(-0.6, len(values) - 0.4)
    add_caption(ax, caption)
    return ax
