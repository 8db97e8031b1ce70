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
from coauthor.records import Affiliation, Paper

FLOAT_FORMAT = "%.10g"

__all__ = [
    "EXPORT_FORMATS",
    "FLOAT_FORMAT",
    "GRAPH_SUFFIXES",
    "RECORD_FORMATS",
    "read_graphml",
    "records_text",
    "table_text",
    "write_graph",
    "write_graphml",
    "write_table",
]


def write_table(table: pd.DataFrame, path: str | os.PathLike[str], index: bool = True) -> None:
    """Write a table as CSV (UTF-8, floats to 10 significant digits) atomically.

    Parameters
    ----------
    table : pandas.DataFrame
        The table, such as :func:`coauthor.centrality`'s.
    path : str or os.PathLike
        The file to write.
    index : bool, default True
        Write the index as the first column (``author_id`` for the tables
        keyed by author).

    Returns
    -------
    None

    Raises
    ------
    OutputError
        When the file cannot be written; no partial file is left.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> import pandas as pd
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "table.csv"
    >>> write_table(pd.DataFrame({"share": [1 / 3, 2.0]}), path, index=False)
    >>> path.read_text().splitlines()
    ['share', '0.3333333333', '2']
    """
    with atomic_path(path) as tmp:
        table.to_csv(tmp, index=index, float_format=FLOAT_FORMAT, lineterminator="\n")


RECORD_FORMATS = ("jsonl", "csv")


def table_text(table: pd.DataFrame, fmt: str = "csv") -> str:
    """A table as CSV (no index) or JSON Lines (one object per row, nulls as null)."""
    if fmt == "csv":
        return table.to_csv(index=False, lineterminator="\n")
    if fmt == "jsonl":
        rows = table.astype(object).where(table.notna(), None).to_dict(orient="records")
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    raise OptionError(f"unknown table format '{fmt}' (use {', '.join(RECORD_FORMATS)})")


def _affiliation_text(affiliation: Affiliation) -> str:
    """``Univ Oslo (NO)``: an affiliation in a CSV cell."""
    return affiliation.name + (f" ({affiliation.country})" if affiliation.country else "")


def records_text(papers: list[Paper], fmt: str = "jsonl") -> str:
    """The papers as JSON Lines (one object per paper, keys as in
    :class:`coauthor.records.Paper`) or CSV (lists joined by ``"; "``;
    affiliations as ``name (country)``, each author's joined by ``"; "``,
    the authors' by ``" | "``)."""
    if fmt == "jsonl":
        return "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in papers)
    if fmt == "csv":
        rows = [
            {k: "; ".join(v) if isinstance(v, list) else v for k, v in p.to_dict().items()}
            | {"author_affiliations": " | ".join("; ".join(map(_affiliation_text, g)) for g in p.author_affiliations),
               "unlinked_affiliations": "; ".join(map(_affiliation_text, p.unlinked_affiliations))}
            for p in papers
        ]  # fmt: skip
        columns = list(Paper.__dataclass_fields__)
        return pd.DataFrame(rows, columns=columns).to_csv(index=False, lineterminator="\n")
    raise OptionError(f"unknown records format '{fmt}' (use {', '.join(RECORD_FORMATS)})")
