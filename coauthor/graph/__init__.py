"""The collaboration graph: built from the authorship table
(:mod:`~coauthor.graph.build`, sparse tables and their networkx graph,
re-exported here), at the institution or country level
(:mod:`~coauthor.graph.levels`), and filtered (:mod:`~coauthor.graph.filters`)."""

from coauthor.graph.build import (
    DEFAULT_MAX_AUTHORS,
    EDGE_COLUMNS,
    UNDATED,
    WEIGHTINGS,
    GraphTables,
    build_tables,
    check_weighting,
    coauthorship_graph,
    graph_from_authorships,
    ordered_subgraph,
    subgraph_tables,
    tables_to_networkx,
)
from coauthor.graph.levels import LEVELS, level_graph, level_tables

__all__ = [
    "DEFAULT_MAX_AUTHORS",
    "EDGE_COLUMNS",
    "LEVELS",
    "UNDATED",
    "WEIGHTINGS",
    "GraphTables",
    "build_tables",
    "check_weighting",
    "coauthorship_graph",
    "graph_from_authorships",
    "level_graph",
    "level_tables",
    "ordered_subgraph",
    "subgraph_tables",
    "tables_to_networkx",
]
