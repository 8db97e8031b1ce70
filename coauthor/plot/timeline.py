"""Papers and new collaborations per year."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from coauthor.plot.style import PALETTE, add_caption

if TYPE_CHECKING:
    from matplotlib.axes import Axes


def plot_timeline(timeline: pd.DataFrame, ax: Axes, caption: str = "") -> Axes:
    """Bars: papers per year; line (right axis): new collaborations per year
    (pairs of authors whose first joint paper is that year)."""
    years = timeline["year"].astype(int).to_numpy()
    ax.bar(years, timeline["papers"], color=PALETTE[0], label="Papers")
    ax.set_xlabel("Year")
    ax.set_ylabel("Papers per year", color=PALETTE[0])
    ax.set_xticks(years, [str(y) for y in years], rotation=45 if len(years) > 12 else 0)
    right = ax.twinx()
    right.plot(years, timeline["new_collaborations"], color=PALETTE[5], marker="o", label="New collaborations")
    right.set_ylabel("New co-author pairs per year", color=PALETTE[5])
    right.set_ylim(bottom=0)
    ax.set_title("Papers and new collaborations per year")
    handles = ax.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="upper left", frameon=False)
    for side in (ax, right):
        side.spines[["top"]].set_visible(False)
    add_caption(ax, caption)
    return ax
