"""coauthor: co-authorship network analysis, from author lists to a weighted
collaboration graph, its central authors, communities and timelines.

>>> import coauthor
>>> papers, reports = coauthor.read_inputs(["seeds/"], coauthor.ReadOptions(undated_year=2026))
>>> graph = coauthor.coauthorship_graph(papers)
>>> coauthor.centrality(graph)["name"].iloc[0]
'Zhenyi Wang'
"""

from coauthor import _moved
from coauthor._version import __version__
from coauthor.analysis import author_timeline, centrality, communities, indicators, timeline
from coauthor.errors import CoauthorError, InputError, OptionError
from coauthor.exporters import write_graph, write_graphml
from coauthor.exporters.rows import write_table
from coauthor.graph.build import coauthorship_graph
from coauthor.graph.levels import level_graph
from coauthor.names.resolve import authorship_table
from coauthor.readers import FORMATS, ReadOptions, read_inputs
from coauthor.readers.frame import read
from coauthor.records import Affiliation, Paper, ReadReport
from coauthor.report.make import analyze, make_report

__all__ = [
    "FORMATS",
    "Affiliation",
    "CoauthorError",
    "InputError",
    "OptionError",
    "Paper",
    "ReadOptions",
    "ReadReport",
    "__version__",
    "analyze",
    "author_timeline",
    "authorship_table",
    "centrality",
    "coauthorship_graph",
    "communities",
    "indicators",
    "level_graph",
    "make_report",
    "read",
    "read_inputs",
    "timeline",
    "write_graph",
    "write_graphml",
    "write_table",
]

_moved.install()  # the module paths before 0.1 (coauthor.resolve, coauthor.filters, ...) still import
