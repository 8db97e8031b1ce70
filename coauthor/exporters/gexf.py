"""GEXF 1.3 (``.gexf``), Gephi's own format, dynamic: Gephi's timeline plays
the growth of the network.

* ``<graph mode="dynamic" timeformat="integer" timerepresentation="interval">``:
  times are years. A node with ``first_year`` and ``last_year`` has the spell
  ``first_year..last_year`` (its years of activity), an edge the years of
  the first and last joint paper; elements without years have no spell
  (always present).
* The node ``name`` is the ``label``; the edge ``weight`` is the ``weight``
  attribute. Every other attribute is declared in ``<attributes>`` (ids
  ``0``, ``1``, ... per class, sorted by title) with its type: ``integer``,
  ``double``, ``boolean`` or ``string`` (lists ``"; "``-joined), and given
  in ``<attvalues>``. Edge ids are ``0``, ``1``, ... in the graph's order.
* The run metadata (graph attributes) goes to ``<meta><description>`` as
  ``key: value`` lines, and ``<creator>`` names coauthor and its version.
  There is no ``lastmodifieddate``, so the same graph gives the same bytes.

Streams like the GraphML writer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import networkx as nx

from coauthor._version import __version__
from coauthor.atomic import atomic_path
from coauthor.errors import InputError
from coauthor.exporters.common import attribute_kinds, label, value_text, xml_attribute, xml_text
from coauthor.exporters.graphml import check_weight

NAMESPACE = "http://gexf.net/1.3"
SCHEMA_LOCATION = f"{NAMESPACE} http://gexf.net/1.3/gexf.xsd"
GEXF_TYPES = {"boolean": "boolean", "int": "integer", "double": "double", "string": "string"}
BUFFER = 1 << 20


def write_gexf(graph: nx.Graph, path: str | os.PathLike[str]) -> list[Path]:
    """Write ``graph`` as dynamic GEXF 1.3 (years as integer times),
    atomically. Returns the path written."""
    node_kinds = {k: v for k, v in attribute_kinds(d for _, d in graph.nodes(data=True)).items() if k != "name"}
    edge_kinds = {k: v for k, v in attribute_kinds(d for *_, d in graph.edges(data=True)).items() if k != "weight"}
    node_ids = {name: str(i) for i, name in enumerate(sorted(node_kinds))}
    edge_ids = {name: str(i) for i, name in enumerate(sorted(edge_kinds))}
    edgetype = "directed" if graph.is_directed() else "undirected"
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n", buffering=BUFFER) as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(
            f'<gexf xmlns="{NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
            f' xsi:schemaLocation="{SCHEMA_LOCATION}" version="1.3">\n'
        )
        out.write(f"  <meta>\n    <creator>coauthor {xml_text(__version__)}</creator>\n")
        graph_kinds = attribute_kinds([graph.graph])
        description = "\n".join(f"{k}: {value_text(graph.graph[k], kind)}" for k, kind in graph_kinds.items())
        out.write(f"    <description>{xml_text(description or 'co-authorship network')}</description>\n  </meta>\n")
        out.write(
            f'  <graph mode="dynamic" defaultedgetype="{edgetype}" timeformat="integer"'
            ' timerepresentation="interval">\n'
        )
        for cls, kinds, ids in (("node", node_kinds, node_ids), ("edge", edge_kinds, edge_ids)):
            if kinds:
                out.write(f'    <attributes class="{cls}">\n')
                for name, attr_id in ids.items():
                    out.write(
                        f'      <attribute id="{attr_id}" title="{xml_attribute(name)}"'
                        f' type="{GEXF_TYPES[kinds[name]]}"/>\n'
                    )
                out.write("    </attributes>\n")
        out.write("    <nodes>\n")
        escaped: dict[Any, str] = {}
        for node, data in graph.nodes(data=True):
            escaped[node] = node_id = xml_attribute(str(node))
            body = _attvalues(data, node_kinds, node_ids) + _spells(data)
            head = f'      <node id="{node_id}" label="{xml_attribute(label(node, data))}"'
            out.write(f"{head}>\n{body}      </node>\n" if body else f"{head}/>\n")
        out.write("    </nodes>\n    <edges>\n")
        for number, (source, target, data) in enumerate(graph.edges(data=True)):
            weight = data.get("weight")
            weight_text = "" if weight is None else f' weight="{value_text(weight, "double")}"'
            head = f'      <edge id="{number}" source="{escaped[source]}" target="{escaped[target]}"{weight_text}'
            body = _attvalues(data, edge_kinds, edge_ids) + _spells(data)
            out.write(f"{head}>\n{body}      </edge>\n" if body else f"{head}/>\n")
        out.write("    </edges>\n  </graph>\n</gexf>\n")
    return [Path(path)]


def _attvalues(data: Mapping[str, Any], kinds: dict[str, str], ids: dict[str, str]) -> str:
    values = "".join(
        f'          <attvalue for="{ids[name]}" value="{xml_attribute(value_text(data[name], kinds[name]))}"/>\n'
        for name in ids
        if data.get(name) is not None
    )
    return f"        <attvalues>\n{values}        </attvalues>\n" if values else ""


def _spells(data: Mapping[str, Any]) -> str:
    first, last = data.get("first_year"), data.get("last_year")
    if first is None or last is None:
        return ""
    return f'        <spells>\n          <spell start="{int(first)}" end="{int(last)}"/>\n        </spells>\n'


def read_gexf(path: str | os.PathLike[str]) -> nx.Graph:
    """A GEXF file written by Gephi, networkx or coauthor (GEXF 1.1-1.3), as
    a networkx graph ready for :func:`analysable`; InputError naming the file
    (and the edge, by id) for a file that is not GEXF, a multigraph or an
    edge weight that is not a finite number >= 0.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
    >>> nx.write_gexf(nx.Graph([("a", "b", {"weight": 2.0})]), path)
    >>> read_gexf(path).edges["a", "b"]["weight"]
    2.0
    """
    try:
        graph = nx.read_gexf(path)
    except (ElementTree.ParseError, nx.NetworkXError, ValueError, KeyError) as exc:
        raise InputError(str(path), f"not a GEXF graph ({exc})") from None
    if graph.is_multigraph():
        raise InputError(str(path), "a graph with parallel edges: coauthor analyses one weighted link per pair")
    for u, v, data in graph.edges(data=True):
        ident = data.pop("id", None)
        check_weight(data.get("weight"), f"{path}: edge {ident if ident is not None else f'{u}-{v}'}")
    return graph
