"""Writers for the graph and its tables, all atomic (temp file + rename).

The graph formats live in :mod:`coauthor.exporters` (one module per format,
one registry); this module keeps the table and record writers and
re-exports the graph writers for existing callers.
"""

from __future__ import annotations

import json
import os

import pandas as pd

from coauthor.atomic import atomic_path
from coauthor.errors import OptionError
from coauthor.exporters import EXPORT_FORMATS, GRAPH_SUFFIXES, read_graphml, write_graph, write_graphml
from coauthor.records import Paper

FLOAT_FORMAT = "%.10g"

__all__ = [
    "EXPORT_FORMATS",
    "FLOAT_FORMAT",
    "GRAPH_SUFFIXES",
    "RECORD_FORMATS",
    "read_graphml",
    "records_text",
    "write_graph",
    "write_graphml",
    "write_table",
]


def write_table(table: pd.DataFrame, path: str | os.PathLike[str], index: bool = True) -> None:
    """Write a table as CSV (UTF-8, floats to 10 significant digits) atomically."""
    with atomic_path(path) as tmp:
        table.to_csv(tmp, index=index, float_format=FLOAT_FORMAT, lineterminator="\n")


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
