"""Figures of the collaboration graph. Each function takes the data and a
matplotlib ``ax`` and returns the ``ax`` (the timeline's panels take a list
of axes); :func:`save_figure` writes a figure atomically in the format named
by the extension (PNG, SVG, PDF). :data:`KINDS` lists the figures of
``coauthor plot``; :func:`write_figure` draws and saves one."""

from coauthor.plot.centrality import plot_centrality
from coauthor.plot.communities_over_time import plot_communities_over_time
from coauthor.plot.degree import plot_degree
from coauthor.plot.ego import plot_ego
from coauthor.plot.kinds import KINDS, PlotOptions, draw_figure, figure_caption, write_figure
from coauthor.plot.network import plot_network
from coauthor.plot.overlay import average_years, plot_overlay
from coauthor.plot.style import save_figure
from coauthor.plot.timeline import plot_author_activity, plot_growth, plot_timeline, plot_timeline_panels

__all__ = [
    "KINDS",
    "PlotOptions",
    "average_years",
    "draw_figure",
    "figure_caption",
    "plot_author_activity",
    "plot_centrality",
    "plot_communities_over_time",
    "plot_degree",
    "plot_ego",
    "plot_growth",
    "plot_network",
    "plot_overlay",
    "plot_timeline",
    "plot_timeline_panels",
    "save_figure",
    "write_figure",
]
