"""Writers for the graph and its tables, all atomic (temp file + rename).

GraphML: node attributes ``name``, ``papers``, ``first_year``, ``last_year``
(plus any computed ones), edge attributes ``weight``, ``papers``,
``first_year``, ``last_year``, and the run metadata as graph attributes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import networkx as nx
import pandas as pd

from coauthor.atomic import atomic_path
from coauthor.errors import OptionError
from coauthor.records import Paper

FLOAT_FORMAT = "%.10g"


def write_graphml(graph: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write ``graph`` as GraphML (UTF-8, typed keys) atomically.

    Graph attributes that are not str, int, float or bool are written as
    their ``str()``.
    """
    clean = graph.copy()
    clean.graph = {k: _graphml_value(v) for k, v in graph.graph.items() if v is not None}
    with atomic_path(path) as tmp:
        nx.write_graphml_xml(clean, tmp, encoding="utf-8", prettyprint=True, named_key_ids=False)


def _graphml_value(value: object) -> str | int | float | bool:
    if isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)


def write_table(table: pd.DataFrame, path: str | os.PathLike[str], index: bool = True) -> None:
    """Write a table as CSV (UTF-8, floats to 10 significant digits) atomically."""
    with atomic_path(path) as tmp:
        table.to_csv(tmp, index=index, float_format=FLOAT_FORMAT, lineterminator="\n")


GRAPH_WRITERS = {".graphml": write_graphml}


def write_graph(graph: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write ``graph`` in the format named by the file extension."""
    suffix = Path(path).suffix.lower()
    if suffix not in GRAPH_WRITERS:
        known = ", ".join(GRAPH_WRITERS)
        raise OptionError(f"{path}: unknown graph format '{suffix}' (coauthor writes: {known})")
    GRAPH_WRITERS[suffix](graph, path)


RECORD_FORMATS = ("jsonl", "csv")


def records_text(papers: list[Paper], fmt: str = "jsonl") -> str:
    """The papers as JSON Lines (one object per paper, keys as in
    :class:`coauthor.records.Paper`) or CSV (lists joined by ``"; "``)."""
    if fmt == "jsonl":
        return "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in papers)
    if fmt == "csv":
        rows = [{k: "; ".join(v) if isinstance(v, list) else v for k, v in p.to_dict().items()} for p in papers]
        columns = list(Paper.__dataclass_fields__)
        return pd.DataFrame(rows, columns=columns).to_csv(index=False, lineterminator="\n")
    raise OptionError(f"unknown records format '{fmt}' (use {', '.join(RECORD_FORMATS)})")
