"""Top authors for one centrality measure, as horizontal bars."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from coauthor.plot.style import PALETTE, add_caption

if TYPE_CHECKING:
    from matplotlib.axes import Axes

MEASURE_LABELS = {
    "pagerank": "PageRank (weighted by joint papers)",
    "betweenness": "Betweenness (normalised, hop distance)",
    "eigenvector": "Eigenvector centrality (max 1 per component)",
    "degree": "Degree (number of co-authors)",
    "strength": "Strength (sum of joint papers over co-authors)",
    "papers": "Papers",
}


def plot_centrality(
    centrality: pd.DataFrame, ax: Axes, measure: str = "pagerank", top: int = 15, caption: str = ""
) -> Axes:
    """Horizontal bars of the ``top`` authors by ``measure``, highest on top,
    each bar labelled with its value."""
    ranked = centrality.sort_values([measure, "name"], ascending=[False, True]).head(top)
    values = ranked[measure].astype(float)[::-1]
    names = ranked["name"][::-1]
    bars = ax.barh(range(len(values)), values.to_numpy(), color=PALETTE[0])
    ax.set_yticks(range(len(values)), names.to_list(), fontsize=10)
    integer = measure in ("degree", "strength", "papers")
    ax.bar_label(bars, labels=[f"{v:.0f}" if integer else f"{v:.3f}" for v in values], padding=3, fontsize=8)
    ax.set_xlabel(MEASURE_LABELS.get(measure, measure))
    ax.set_title(f"Top {len(values)} authors by {measure}")
    ax.spines[["top", "right"]].set_visible(False)
    ax.margins(x=0.12)
    add_caption(ax, caption)
    return ax
