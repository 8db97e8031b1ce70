"""Analysis of the collaboration graph: every function takes the graph first
and returns a pandas object keyed by author id."""

from coauthor.analysis.centrality import centrality
from coauthor.analysis.communities import communities
from coauthor.analysis.timeline import author_timeline, timeline

__all__ = ["author_timeline", "centrality", "communities", "timeline"]
