"""Node and edge tables as Parquet (``.parquet``, or ``--to parquet``), for
large graphs and for Spark, DuckDB, Polars or pandas. Needs the optional
extra: ``pip install 'coauthor[parquet]'`` (pyarrow).

``path`` is a folder (``nodes.parquet``, ``edges.parquet``) or a stem
(``graph.parquet`` gives ``graph_nodes.parquet`` and ``graph_edges.parquet``).
Columns: ``author_id`` and every node attribute; ``source``, ``target`` and
every edge attribute. Column types follow the values (int, float, str, bool).
"""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx
import pandas as pd

from coauthor.atomic import atomic_path
from coauthor.errors import OptionError
from coauthor.exporters.common import file_set

FILES = ("nodes.parquet", "edges.parquet")


def write_parquet(graph: nx.Graph, path: str | os.PathLike[str]) -> list[Path]:
    """Write the node and edge tables of ``graph``. Returns the two paths."""
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise OptionError("Parquet output needs pyarrow: pip install 'coauthor[parquet]'") from exc
    nodes_path, edges_path = file_set(path, FILES)
    nodes = pd.DataFrame([{"author_id": n, **d} for n, d in graph.nodes(data=True)], columns=_columns(
        ["author_id"], (d for _, d in graph.nodes(data=True))))  # fmt: skip
    edges = pd.DataFrame([{"source": u, "target": v, **d} for u, v, d in graph.edges(data=True)], columns=_columns(
        ["source", "target"], (d for *_, d in graph.edges(data=True))))  # fmt: skip
    for table, target in ((nodes, nodes_path), (edges, edges_path)):
        with atomic_path(target) as tmp:
            table.to_parquet(tmp, index=False)
    return [nodes_path, edges_path]


def _columns(first: list[str], rows: object) -> list[str]:
    seen = dict.fromkeys(first)
    for row in rows:  # type: ignore[attr-defined]
        seen.update(dict.fromkeys(row))
    return list(seen)
