"""Graph exporters, one module per format, and the one registry of them.

``EXPORT_FORMATS`` maps a format name to its extensions, its writer and the
programs that open it; :func:`write_graph` picks the format from ``to`` or
else from the file extension. Every writer writes atomically (temporary
file + rename) and returns the paths it wrote.

>>> sorted(EXPORT_FORMATS)
['csv', 'cytoscape', 'gexf', 'graphml', 'json', 'pajek', 'parquet', 'vosviewer']
>>> export_format("out/graph.net").name
'pajek'
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from coauthor import _moved
from coauthor.errors import OptionError
from coauthor.exporters.gexf import write_gexf
from coauthor.exporters.graphml import read_graphml, write_graphml
from coauthor.exporters.jsonfmt import write_cytoscape, write_node_link
from coauthor.exporters.pajek import write_pajek
from coauthor.exporters.parquet import write_parquet
from coauthor.exporters.tables import write_csv_tables
from coauthor.exporters.vosviewer import add_mean_years, write_vosviewer

Writer = Callable[[nx.Graph, "str | os.PathLike[str]"], list[Path]]


@dataclass(frozen=True)
class ExportFormat:
    """One output format: its ``name`` (for ``--to``), the file
    ``extensions`` that select it, its ``write`` function and what it is
    for (``opens_in``)."""

    name: str
    extensions: tuple[str, ...]
    write: Writer
    opens_in: str


EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("graphml", (".graphml",), write_graphml, "networkx, igraph, Gephi, Cytoscape, yEd"),
        ExportFormat("gexf", (".gexf",), write_gexf, "Gephi (dynamic: years on the timeline), networkx"),
        ExportFormat("pajek", (".net",), write_pajek, "Pajek, igraph, networkx, UCINET (+ .clu, .vec)"),
        ExportFormat("vosviewer", (), write_vosviewer, "VOSviewer (map.txt + network.txt)"),
        ExportFormat("csv", (".csv",), write_csv_tables, "Gephi and Cytoscape table import, spreadsheets"),
        ExportFormat("json", (".json",), write_node_link, "networkx node_link_graph, d3.js"),
        ExportFormat("cytoscape", (".cyjs",), write_cytoscape, "Cytoscape, cytoscape.js"),
        ExportFormat("parquet", (".parquet",), write_parquet, "Spark, DuckDB, Polars, pandas (extra: parquet)"),
    )
}
GRAPH_SUFFIXES = {ext: f.name for f in EXPORT_FORMATS.values() for ext in f.extensions}


def export_format(path: str | os.PathLike[str], to: str | None = None) -> ExportFormat:
    """The format named ``to``, else the one of ``path``'s extension.
    Raises :class:`OptionError` when neither names a known format."""
    if to is not None:
        if to not in EXPORT_FORMATS:
            raise OptionError(f"unknown export format '{to}' (coauthor writes: {', '.join(EXPORT_FORMATS)})")
        return EXPORT_FORMATS[to]
    suffix = Path(path).suffix.lower()
    if suffix not in GRAPH_SUFFIXES:
        known = ", ".join(GRAPH_SUFFIXES)
        no_extension = [f.name for f in EXPORT_FORMATS.values() if not f.extensions]
        raise OptionError(
            f"{path}: unknown graph format '{suffix}' (coauthor writes: {known}; "
            f"name the format for {', '.join(no_extension)})"
        )
    return EXPORT_FORMATS[GRAPH_SUFFIXES[suffix]]


def write_graph(graph: nx.Graph, path: str | os.PathLike[str], to: str | None = None) -> list[Path]:
    """Write ``graph`` in a format another program opens, atomically.

    Parameters
    ----------
    graph : networkx.Graph
        The collaboration graph (:func:`coauthor.coauthorship_graph`, or
        the ``graph`` of :func:`coauthor.analyze` with centrality and
        communities on its nodes).
    path : str or os.PathLike
        The file to write (a folder for VOSviewer).
    to : str, optional
        The format: ``graphml``, ``gexf``, ``pajek``, ``vosviewer``,
        ``csv``, ``json``, ``cytoscape`` or ``parquet``. Default: the one
        of the extension of ``path`` (``.graphml``, ``.gexf``, ``.net``,
        ``.csv``, ``.json``, ``.cyjs``, ``.parquet``).

    Returns
    -------
    list of pathlib.Path
        The paths written (several for Pajek, CSV and VOSviewer).

    Raises
    ------
    OptionError
        For an unknown ``to``, or, without it, an extension that names no
        format.
    OutputError
        When a file cannot be written (no space, no permission, a parent
        that is a file); no partial file is left.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from coauthor import Paper, coauthorship_graph
    >>> graph = coauthorship_graph([Paper("p1", "T", ["Ann Lee", "Bo Chen"], 2020, "f:1"),
    ...                             Paper("p2", "U", ["Ann Lee", "Bo Chen", "Cy Diaz"], 2022, "f:4")])
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in write_graph(graph, folder / "vos", to="vosviewer")]
    ['map.txt', 'network.txt']
    >>> write_graph(graph, folder / "graph.docx")
    Traceback (most recent call last):
    coauthor.errors.OptionError: ...graph.docx: unknown graph format '.docx' (coauthor writes: .graphml, ...)
    """
    return export_format(path, to).write(graph, path)


__all__ = [
    "EXPORT_FORMATS",
    "ExportFormat",
    "add_mean_years",
    "export_format",
    "read_graphml",
    "write_csv_tables",
    "write_cytoscape",
    "write_gexf",
    "write_graph",
    "write_graphml",
    "write_node_link",
    "write_pajek",
    "write_vosviewer",
]


def __getattr__(name: str) -> Any:
    """Names that moved out of this package (``graph_for_export``, to
    :mod:`coauthor.pipeline`) still import from here."""
    return _moved.moved_name(__name__, name)
