"""JSON: networkx node-link (``.json``) and Cytoscape.js elements
(``.cyjs``, or ``--to cytoscape``).

* Node-link is what ``networkx.node_link_data(G, edges="links")`` makes and
  ``networkx.node_link_graph(data, edges="links")`` reads (also d3.js force
  layouts): ``{"directed", "multigraph", "graph", "nodes": [{"id", ...}],
  "links": [{"source", "target", ...}]}``.
* Cytoscape.js is what Cytoscape (File -> Import -> Network from File) and
  cytoscape.js (``cy.add(data.elements)``) read: ``{"data": {graph
  attributes}, "elements": {"nodes": [{"data": {"id", "name", ...}}],
  "edges": [{"data": {"source", "target", "weight", ...}}]}}``. Each node's
  data also has ``value`` (= its id) and the top level ``directed`` and
  ``multigraph``, so that ``networkx.cytoscape_graph`` reads it too.

Values keep their JSON types (lists stay lists); floats that are not finite
become ``null``. One node or edge per line, UTF-8, written as a stream.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import networkx as nx

from coauthor._version import __version__
from coauthor.atomic import atomic_path
from coauthor.exporters.common import json_value


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _attributes(data: dict[str, Any]) -> dict[str, Any]:
    return {str(k): json_value(v) for k, v in data.items()}


def _record(fixed: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """``fixed`` (ids, ends) first, then the attributes, which cannot override them."""
    return fixed | {k: v for k, v in _attributes(data).items() if k not in fixed}


def _write_list(out: TextIO, items: Iterable[str], indent: str) -> None:
    first = True
    for item in items:
        out.write(("\n" if first else ",\n") + indent + item)
        first = False
    out.write("\n" + indent[:-2] + "]" if not first else "]")


def write_node_link(graph: nx.Graph, path: str | os.PathLike[str]) -> list[Path]:
    """Write ``graph`` as node-link JSON, atomically. Returns the path."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        out.write(f'{{"directed": {_dumps(graph.is_directed())}, "multigraph": {_dumps(graph.is_multigraph())},\n')
        out.write(f' "graph": {_dumps(_attributes(graph.graph))},\n "nodes": [')
        nodes = (_dumps(_record({"id": json_value(n)}, d)) for n, d in graph.nodes(data=True))
        _write_list(out, nodes, "  ")
        out.write(',\n "links": [')
        links = (
            _dumps(_record({"source": json_value(u), "target": json_value(v)}, d)) for u, v, d in graph.edges(data=True)
        )
        _write_list(out, links, "  ")
        out.write("}\n")
    return [Path(path)]


def write_cytoscape(graph: nx.Graph, path: str | os.PathLike[str]) -> list[Path]:
    """Write ``graph`` as Cytoscape.js JSON, atomically. Returns the path."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        out.write(f'{{"format_version": "1.0", "generated_by": {_dumps("coauthor " + __version__)},\n')
        out.write(f' "target_cytoscapejs_version": "~2.1", "directed": {_dumps(graph.is_directed())},')
        out.write(f' "multigraph": {_dumps(graph.is_multigraph())},\n')
        out.write(f' "data": {_dumps(_attributes(graph.graph))},\n "elements": {{\n  "nodes": [')
        nodes = (
            _dumps({"data": _record({"id": str(n), "value": json_value(n)}, d)}) for n, d in graph.nodes(data=True)
        )
        _write_list(out, nodes, "    ")
        out.write(',\n  "edges": [')
        edges = (
            _dumps({"data": _record({"source": str(u), "target": str(v)}, d)}) for u, v, d in graph.edges(data=True)
        )
        _write_list(out, edges, "    ")
        out.write("}}\n")
    return [Path(path)]
