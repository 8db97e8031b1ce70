"""How collaboration grew, year by year: papers and new collaborations, the
top authors' activity (a heat strip) and the graph's growth.

:func:`plot_timeline_panels` draws all three on a list of three axes (a
multi-panel figure); each panel is also a function taking one ``ax``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from coauthor.plot.style import PALETTE, add_caption, shorten, thousands

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: Up to this many years every year gets a tick label.
EVERY_YEAR_TICKS = 20
#: The heat strip shows at most this many authors, the figure at most this
#: many years (the last ones): its size stays bounded whatever the input.
MAX_HEAT_ROWS = 25
MAX_YEARS = 60


def plot_timeline(timeline: pd.DataFrame, ax: Axes, caption: str = "") -> Axes:
    """Bars: papers per year; line (right axis): new collaborations per year
    (pairs of authors whose first joint paper is that year). Without paper
    counts (a graph read from GraphML) only the line is drawn."""
    years = timeline["year"].astype(int).to_numpy()
    papers = pd.to_numeric(timeline["papers"], errors="coerce")
    if papers.notna().any():
        ax.bar(years, papers.fillna(0).to_numpy(), color=PALETTE[0], label="Papers")
        ax.set_ylabel("Papers per year", color=PALETTE[0])
    else:
        ax.set_yticks([])
        ax.set_ylabel("Papers per year\n(not in a graph file)", color=PALETTE[0])
    _year_axis(ax, years)
    right = ax.twinx()
    right.plot(years, timeline["new_collaborations"], color=PALETTE[5], marker="o", label="New collaborations")
    right.set_ylabel("New co-author pairs per year", color=PALETTE[5])
    thousands(ax.yaxis)
    thousands(right.yaxis)
    right.set_ylim(bottom=0)
    return _finish_twin(ax, right, "Papers and new collaborations per year", caption)


def plot_author_activity(
    author_timeline: pd.DataFrame,
    ax: Axes,
    top: int = 15,
    years: Sequence[int] | None = None,
    caption: str = "",
) -> Axes:
    """Heat strip: one row per author (the ``top`` with the most papers,
    most first, at most ``MAX_HEAT_ROWS``), one column per year (``years``,
    default the authors' range), the colour the number of papers that year
    (white: none), with the count written in each cell when the strip is
    small enough to read."""
    import matplotlib as mpl

    if author_timeline.empty:
        ax.text(0.5, 0.5, "No per-author years (the input was a graph file)", ha="center", va="center",
                transform=ax.transAxes)  # fmt: skip
        ax.set_axis_off()
        return ax
    totals = author_timeline.groupby(["author_id", "name"])["papers"].sum().reset_index()
    leaders = totals.sort_values(["papers", "name"], ascending=[False, True]).head(min(top, MAX_HEAT_ROWS))
    span = (
        list(years)
        if years is not None
        else list(range(author_timeline["year"].min(), author_timeline["year"].max() + 1))
    )
    grid = (
        author_timeline[author_timeline["author_id"].isin(leaders["author_id"])]
        .pivot_table(index="author_id", columns="year", values="papers", aggfunc="sum", fill_value=0)
        .reindex(index=leaders["author_id"], columns=span, fill_value=0)
    )
    counts = grid.to_numpy(dtype=float)
    cmap = mpl.colormaps["Blues"].with_extremes(under="white")
    image = ax.imshow(
        counts,
        aspect="auto",
        cmap=cmap,
        vmin=0.5,
        vmax=max(counts.max(), 1),
        extent=(span[0] - 0.5, span[-1] + 0.5, len(grid) - 0.5, -0.5),
        interpolation="nearest",
    )
    if len(span) <= 30 and len(grid) <= 25:
        for (row, col), value in np.ndenumerate(counts):
            if value:
                dark = value > 0.6 * counts.max()
                ax.text(
                    span[col],
                    row,
                    f"{value:.0f}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if dark else "#222222",
                )
    ax.set_yticks(range(len(grid)), [shorten(str(n)) for n in leaders["name"]], fontsize=9)
    _year_axis(ax, span)
    bar = ax.figure.colorbar(image, cax=ax.inset_axes((1.01, 0.0, 0.015, 1.0)))
    bar.set_label("Papers that year", fontsize=9)
    bar.ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    ax.set_title(f"Activity of the {len(grid)} authors with the most papers (of {len(totals):,})")
    add_caption(ax, caption)
    return ax


def plot_growth(timeline: pd.DataFrame, ax: Axes, caption: str = "") -> Axes:
    """Lines: authors and co-author links in the graph so far (left axis);
    dashed (right axis): the share of those authors in the largest connected
    component."""
    years = timeline["year"].astype(int).to_numpy()
    ax.plot(years, timeline["authors_total"], color=PALETTE[0], marker="o", ms=3, label="Authors so far")
    ax.plot(years, timeline["collaborations_total"], color=PALETTE[2], marker="s", ms=3, label="Co-author links so far")
    ax.set_ylabel("Authors / links (cumulative)")
    thousands(ax.yaxis)
    ax.set_ylim(bottom=0)
    _year_axis(ax, years)
    right = ax.twinx()
    right.plot(
        years,
        100 * timeline["largest_component_share"],
        color=PALETTE[5],
        ls="--",
        label="Largest component (% of authors)",
    )
    right.set_ylabel("Largest component, % of authors", color=PALETTE[5])
    right.set_ylim(0, 105)
    return _finish_twin(ax, right, "Growth of the collaboration graph", caption)


def plot_timeline_panels(
    timeline: pd.DataFrame,
    author_timeline: pd.DataFrame,
    axes: Sequence[Axes],
    top: int = 15,
    caption: str = "",
) -> Sequence[Axes]:
    """The timeline figure on a list of three stacked ``axes`` (one
    figure, e.g. ``plt.subplots(3, 1)``): :func:`plot_timeline`,
    :func:`plot_author_activity` (``top`` authors) and :func:`plot_growth`,
    over the same years (the last ``MAX_YEARS`` at most: the caption then
    says how many papers are earlier); the caption goes under the last
    panel. Returns ``axes``."""
    years = timeline["year"].astype(int).tolist()
    if years and years[-1] - years[0] >= MAX_YEARS:
        start = years[-1] - MAX_YEARS + 1
        earlier = int(pd.to_numeric(timeline.loc[timeline["year"] < start, "papers"], errors="coerce").sum())
        counted = f"{earlier:,} paper{'s' * (earlier != 1)} of earlier years" if earlier else "earlier years"
        caption = f"Only the last {MAX_YEARS} years shown ({counted} left out). {caption}".strip()
        timeline = timeline[timeline["year"] >= start]
        author_timeline = author_timeline[author_timeline["year"] >= start] if len(author_timeline) else author_timeline
        years = timeline["year"].astype(int).tolist()
    plot_timeline(timeline, axes[0])
    plot_author_activity(author_timeline, axes[1], top=top, years=range(years[0], years[-1] + 1) if years else None)
    plot_growth(timeline, axes[2], caption=caption)
    if years:
        for ax in axes:
            ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    return axes


def _year_axis(ax: Axes, years: Sequence[int] | np.ndarray) -> None:
    """Integer year ticks: every year up to ``EVERY_YEAR_TICKS`` years, else
    a readable subset; the axis labelled "Year"."""
    from matplotlib.ticker import MaxNLocator

    ax.set_xlabel("Year")
    if 0 < len(years) <= EVERY_YEAR_TICKS:
        ax.set_xticks(list(years), [str(y) for y in years], rotation=45 if len(years) > 12 else 0)
    else:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=12))


def _finish_twin(ax: Axes, right: Axes, title: str, caption: str) -> Axes:
    """The end of a panel with a right axis ``right``: the title, one legend
    of both axes' lines above the plot, no top spines, the caption. Returns
    ``ax``."""
    ax.set_title(title, pad=24)
    handles = ax.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
    _legend_above(ax, handles)
    for side in (ax, right):
        side.spines[["top"]].set_visible(False)
    add_caption(ax, caption)
    return ax


def _legend_above(ax: Axes, handles: list) -> None:
    """One row of legend entries between the title and the plot, where no
    data can hide under it."""
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(handles), frameon=False,
              fontsize=9, handlelength=1.6, columnspacing=1.2)  # fmt: skip
