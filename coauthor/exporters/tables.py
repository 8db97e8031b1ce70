"""Node and edge tables as CSV (``.csv``, or ``--to csv``): the shape of
Gephi's spreadsheet import (Data Laboratory -> Import Spreadsheet) and of
Cytoscape's *Import Network/Table from File*; also for spreadsheets and
pandas.

``path`` is a folder (``path/nodes.csv``, ``path/edges.csv``) or a stem:
``graph.csv`` gives ``graph_nodes.csv`` and ``graph_edges.csv`` (see
:func:`file_set`).

* ``nodes.csv``: ``Id`` (author id), ``Label`` (the ``name``), then every
  other node attribute in the order first seen.
* ``edges.csv``: ``Source``, ``Target``, ``Type`` (``Undirected`` or
  ``Directed``), ``Weight``, then every other edge attribute.

Floats keep all their digits, booleans are ``true``/``false``, lists are
``"; "``-joined and missing values are empty. Fields with commas, quotes
or line breaks are quoted (RFC 4180, lines ending in a newline), so every
name survives.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from coauthor.atomic import atomic_path
from coauthor.exporters.common import attribute_kinds, file_set, label, value_text

FILES = ("nodes.csv", "edges.csv")


def write_csv_tables(graph: nx.Graph, path: str | os.PathLike[str]) -> list[Path]:
    """Write the node and edge tables of ``graph``. Returns the two paths."""
    nodes_path, edges_path = file_set(path, FILES)
    node_kinds = {k: v for k, v in attribute_kinds(d for _, d in graph.nodes(data=True)).items() if k != "name"}
    rows = ([str(n), label(n, d), *_cells(d, node_kinds)] for n, d in graph.nodes(data=True))
    _write(nodes_path, ["Id", "Label", *node_kinds], rows)
    edge_kinds = attribute_kinds(d for *_, d in graph.edges(data=True))
    weight_kind = edge_kinds.pop("weight", "int")
    kind = "Directed" if graph.is_directed() else "Undirected"
    rows = (
        [str(u), str(v), kind, value_text(d.get("weight", 1), weight_kind), *_cells(d, edge_kinds)]
        for u, v, d in graph.edges(data=True)
    )
    _write(edges_path, ["Source", "Target", "Type", "Weight", *edge_kinds], rows)
    return [nodes_path, edges_path]


def _cells(data: dict[str, Any], kinds: dict[str, str]) -> list[str]:
    return ["" if data.get(name) is None else value_text(data[name], kind) for name, kind in kinds.items()]


def csv_cell(text: str) -> str:
    r"""``text`` as one CSV field: quoted (quotes doubled) when it holds a
    comma, a quote, a carriage return or a newline. The csv module leaves a
    lone carriage return unquoted when lines end in ``\n``, and readers then
    split the row there.

    >>> print(csv_cell("a,b"), csv_cell('5" disk'), csv_cell("plain"))
    "a,b" "5"" disk" plain
    """
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _write(path: Path, header: list[str], rows: Iterable[list[str]]) -> None:
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="", buffering=1 << 20) as out:
        for row in itertools.chain([header], rows):
            out.write(",".join(map(csv_cell, row)) + "\n")
