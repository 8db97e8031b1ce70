"""Analysis of the collaboration graph: every function takes the graph first
and returns a pandas object keyed by author id (the indicators: one row per
indicator)."""

from coauthor.analysis.centrality import centrality
from coauthor.analysis.communities import communities
from coauthor.analysis.indicators import indicators
from coauthor.analysis.timeline import author_timeline, timeline

__all__ = ["author_timeline", "centrality", "communities", "indicators", "timeline"]
