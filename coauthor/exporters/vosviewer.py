"""VOSviewer map and network files (``--to vosviewer``), as described in
VOSviewer's manual: open them with *Create map -> Create a map based on
network data -> VOSviewer files*.

``path`` is a folder (``path/map.txt``, ``path/network.txt``) or a stem
(``STEM_map.txt``, ``STEM_network.txt``), see :func:`file_set`.

* ``map.txt``, tab-separated with the header ``id  label  cluster
  weight<Links>  weight<Total link strength>  weight<Documents>
  score<Avg. pub. year>``: ids 1..n in the graph's node order, the author's
  ``name``, the cluster ``community + 1`` (VOSviewer numbers clusters from
  1), the number of links (degree), the total link strength (sum of edge
  weights), the papers, and the average publication year: the node's
  ``mean_year`` when it has one (see :func:`add_mean_years`), else the
  middle of ``first_year`` and ``last_year``. The ``cluster`` column is left
  out when some node has no community; a node without years has an empty
  score.
* ``network.txt``: ``id1  id2  strength`` per edge, no header.

Labels cannot hold tabs or line breaks: each becomes a space. UTF-8.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from coauthor.atomic import atomic_path
from coauthor.exporters.common import file_set, label, one_line, value_kind, value_text

FILES = ("map.txt", "network.txt")
LINKS, STRENGTH, DOCUMENTS, SCORE = (
    "weight<Links>",
    "weight<Total link strength>",
    "weight<Documents>",
    "score<Avg. pub. year>",
)


def write_vosviewer(graph: nx.Graph, path: str | os.PathLike[str]) -> list[Path]:
    """Write ``graph`` as a VOSviewer map file and network file. Returns
    the two paths."""
    map_path, network_path = file_set(path, FILES)
    numbers = {node: i for i, node in enumerate(graph.nodes, start=1)}
    clusters = all(d.get("community") is not None for _, d in graph.nodes(data=True))
    header = ["id", "label", *(["cluster"] if clusters else []), LINKS, STRENGTH, DOCUMENTS, SCORE]
    with atomic_path(map_path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(header) + "\n")
        for node, data in graph.nodes(data=True):
            row = [str(numbers[node]), one_line(label(node, data))]
            if clusters:
                row.append(str(int(data["community"]) + 1))
            row += [
                str(graph.degree(node)),
                _number(graph.degree(node, weight="weight")),
                _number(data.get("papers", 0)),
                _score(data),
            ]
            out.write("\t".join(row) + "\n")
    with atomic_path(network_path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        for u, v, data in graph.edges(data=True):
            out.write(f"{numbers[u]}\t{numbers[v]}\t{_number(data.get('weight', 1))}\n")
    return [map_path, network_path]


def add_mean_years(graph: nx.Graph, author_timeline: pd.DataFrame) -> None:
    """Set ``mean_year`` (the average publication year of the author's
    papers) on the nodes, from a table with ``author_id``, ``year`` and
    ``papers`` (:func:`coauthor.analysis.author_timeline`)."""
    if author_timeline.empty or not {"author_id", "year", "papers"} <= set(author_timeline.columns):
        return
    table = author_timeline.assign(total=author_timeline["year"] * author_timeline["papers"])
    sums = table.groupby("author_id")[["total", "papers"]].sum()
    means = (sums["total"] / sums["papers"]).to_dict()
    nx.set_node_attributes(graph, {n: float(v) for n, v in means.items() if n in graph}, "mean_year")


def _score(data: dict[str, Any]) -> str:
    if data.get("mean_year") is not None:
        return _number(data["mean_year"])
    if data.get("first_year") is None or data.get("last_year") is None:
        return ""
    return _number((data["first_year"] + data["last_year"]) / 2)


def _number(value: Any) -> str:
    if value_kind(value) == "double" and float(value).is_integer():
        return str(int(value))
    return value_text(value, "int" if value_kind(value) in ("int", "boolean") else "double")
