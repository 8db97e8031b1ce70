"""Figures of the collaboration graph. Each function takes the data and a
matplotlib ``ax`` and returns the ``ax``; :func:`save_figure` writes a figure
atomically in the format named by the extension (PNG, SVG, PDF)."""

from coauthor.plot.centrality import plot_centrality
from coauthor.plot.network import plot_network
from coauthor.plot.style import save_figure
from coauthor.plot.timeline import plot_timeline

__all__ = ["plot_centrality", "plot_network", "plot_timeline", "save_figure"]
