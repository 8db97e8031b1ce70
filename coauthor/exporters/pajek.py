"""Pajek (``.net``, with ``.clu`` and ``.vec`` beside it): for Pajek, and
read by igraph (``Graph.Read_Pajek``), networkx (``read_pajek``), VOSviewer
and UCINET.

* ``X.net``: ``*Vertices n`` then ``i "label"`` (1-based, the graph's node
  order; the label is the author's ``name``), then ``*Edges`` with
  ``i j weight`` (``*Arcs`` for a directed graph).
* ``X.clu``: the partition by ``community``, one line per vertex, numbered
  from 1 (``community + 1``, as VOSviewer's clusters); written only when
  every node has a community.
* ``X.vec``: the vector of ``pagerank``, one line per vertex; written only
  when every node has one.

Pajek labels cannot hold line breaks and have no escape for ``"``: tabs,
carriage returns and newlines become spaces, and ``"`` and ``\\`` become
``&#34;`` and ``&#92;`` (the character references igraph's own Pajek
writer uses). UTF-8, ``\\n`` line ends.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import networkx as nx

from coauthor.atomic import atomic_path, write_text_atomic
from coauthor.exporters.common import label, one_line, value_kind, value_text

PARTITION = "community"
VECTOR = "pagerank"


def pajek_label(text: str) -> str:
    """``text`` as a quoted Pajek label.

    >>> pajek_label('Bo "B" \\\\ Lee\\tJr')
    '"Bo &#34;B&#34; &#92; Lee Jr"'
    """
    return '"' + one_line(text).replace("\\", "&#92;").replace('"', "&#34;") + '"'


def write_pajek(graph: nx.Graph, path: str | os.PathLike[str]) -> list[Path]:
    """Write ``graph`` as a Pajek network, plus its communities (``.clu``)
    and PageRank (``.vec``) when every node has them. Returns the paths
    written."""
    target = Path(path)
    numbers = {node: i for i, node in enumerate(graph.nodes, start=1)}
    with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        out.write(f"*Vertices {len(numbers)}\n")
        for node, data in graph.nodes(data=True):
            out.write(f"{numbers[node]} {pajek_label(label(node, data))}\n")
        out.write("*Arcs\n" if graph.is_directed() else "*Edges\n")
        for u, v, data in graph.edges(data=True):
            out.write(f"{numbers[u]} {numbers[v]} {_number(data.get('weight', 1))}\n")
    written = [target]
    for suffix, attribute, shift in ((".clu", PARTITION, 1), (".vec", VECTOR, 0)):
        values = [data.get(attribute) for _, data in graph.nodes(data=True)]
        if values and all(v is not None for v in values):
            rows = [f"{_number(v + shift)}\n" for v in values]
            write_text_atomic(target.with_suffix(suffix), f"*Vertices {len(values)}\n" + "".join(rows))
            written.append(target.with_suffix(suffix))
    return written


def _number(value: Any) -> str:
    return value_text(value, "int" if value_kind(value) in ("int", "boolean") else "double")
