"""GraphML (``.graphml``): the lossless format, read by networkx, igraph,
Gephi, Cytoscape and yEd; :func:`read_graphml` reads it back.

The writer streams: it goes over the nodes and edges once to find the
attribute types, then writes one element at a time, so memory stays flat
whatever the size of the graph.

* Keys are typed: Python ``int`` -> ``attr.type="int"``, ``float`` ->
  ``"double"``, ``bool`` -> ``"boolean"``, anything else -> ``"string"``.
  networkx reads ``int``/``long`` back as ``int`` and ``double`` as
  ``float``; igraph keeps every number as a float (its attributes have no
  integer type, whatever the key says), so integers come back there as
  whole floats. ``int`` is used rather than ``long`` because both readers
  treat them the same and ``int`` is the GraphML name for a 32-bit-or-more
  integer that every other reader knows.
* Key ids are ``d0``, ``d1``, ...: graph keys, then node keys, then edge keys,
  each group sorted by attribute name; a node and an edge attribute with
  the same name get two keys.
* Nodes carry ``name``, ``papers``, ``first_year``, ``last_year``,
  ``variants`` and whatever the analysis added (centralities,
  ``community``); edges ``weight``, ``papers``, ``first_year``,
  ``last_year``. Missing values are left out (no ``<data>``).
* Graph attributes (the run metadata: version, inputs, options, counts) are
  ``<data>`` of ``<graph>``; None values are left out, and lists (the
  inputs, and node ``variants``) are stored as ``"; "``-joined strings.
* Output is deterministic: nodes and edges in the graph's order, keys
  sorted, floats with all their digits.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

import networkx as nx
from lxml import etree

from coauthor.atomic import atomic_path
from coauthor.errors import InputError
from coauthor.exporters.common import attribute_kinds, value_text, xml_attribute, xml_text

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
SCHEMA_LOCATION = f"{NAMESPACE} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
BUFFER = 1 << 20


def write_graphml(graph: nx.Graph, path: str | os.PathLike[str]) -> list[Path]:
    """Write ``graph`` as GraphML (UTF-8, typed keys), atomically and in
    bounded memory.

    Every graph, node and edge attribute is written with its type, so
    networkx, igraph, Gephi and Cytoscape read back the numbers as numbers.

    Parameters
    ----------
    graph : networkx.Graph
        The graph to write.
    path : str or os.PathLike
        The file to write.

    Returns
    -------
    list of pathlib.Path
        ``[path]``.

    Raises
    ------
    OutputError
        When the file cannot be written; no partial file is left.

    Examples
    --------
    The file read back by networkx holds the same links and counts:

    >>> import pathlib, tempfile
    >>> from coauthor import Paper, coauthorship_graph
    >>> graph = coauthorship_graph([Paper("p1", "T", ["Ann Lee", "Bo Chen"], 2020, "f:1"),
    ...                             Paper("p2", "U", ["Ann Lee", "Bo Chen", "Cy Diaz"], 2022, "f:4")])
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> written = write_graphml(graph, folder / "graph.graphml")
    >>> import networkx as nx
    >>> again = nx.read_graphml(written[0])
    >>> again.edges["ann-lee", "bo-chen"]["papers"], again.nodes["cy-diaz"]["first_year"]
    (2, 2022)
    """
    graph_kinds = attribute_kinds([graph.graph])
    node_kinds = attribute_kinds(data for _, data in graph.nodes(data=True))
    edge_kinds = attribute_kinds(data for *_, data in graph.edges(data=True))
    keys: dict[tuple[str, str], str] = {}
    for domain, kinds in (("graph", graph_kinds), ("node", node_kinds), ("edge", edge_kinds)):
        for name in sorted(kinds):
            keys[domain, name] = f"d{len(keys)}"
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n", buffering=BUFFER) as out:
        _write_head(out, keys, {"graph": graph_kinds, "node": node_kinds, "edge": edge_kinds})
        edgedefault = "directed" if graph.is_directed() else "undirected"
        out.write(f'  <graph edgedefault="{edgedefault}">\n')
        out.write(_data(graph.graph, graph_kinds, keys, "graph", "    "))
        ids: dict[Any, str] = {}
        for node, data in graph.nodes(data=True):
            ids[node] = node_id = xml_attribute(str(node))
            body = _data(data, node_kinds, keys, "node", "      ")
            out.write(f'    <node id="{node_id}">\n{body}    </node>\n' if body else f'    <node id="{node_id}"/>\n')
        for source, target, data in graph.edges(data=True):
            body = _data(data, edge_kinds, keys, "edge", "      ")
            head = f'    <edge source="{ids[source]}" target="{ids[target]}"'
            out.write(f"{head}>\n{body}    </edge>\n" if body else f"{head}/>\n")
        out.write("  </graph>\n</graphml>\n")
    return [Path(path)]


def _write_head(out: TextIO, keys: dict[tuple[str, str], str], kinds: dict[str, dict[str, str]]) -> None:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(
        f'<graphml xmlns="{NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        f' xsi:schemaLocation="{SCHEMA_LOCATION}">\n'
    )
    for (domain, name), key_id in keys.items():
        out.write(
            f'  <key id="{key_id}" for="{domain}" attr.name="{xml_attribute(name)}"'
            f' attr.type="{kinds[domain][name]}"/>\n'
        )


def _data(
    data: dict[str, Any], kinds: dict[str, str], keys: dict[tuple[str, str], str], domain: str, indent: str
) -> str:
    return "".join(
        f'{indent}<data key="{keys[domain, name]}">{xml_text(value_text(value, kinds[name]))}</data>\n'
        for name, value in data.items()
        if value is not None and name in kinds
    )


_TYPES: dict[str, Callable[[str], Any]] = {
    "boolean": lambda text: text.strip().lower() in ("true", "1"),
    "int": int,
    "long": int,
    "float": float,
    "double": float,
    "string": str,
}


def read_graphml(path: str | os.PathLike[str]) -> nx.Graph:
    """Read a GraphML file (as written by :func:`write_graphml`, or any
    flat GraphML graph) with typed attributes: ``int``/``long`` as int,
    ``float``/``double`` as float, ``boolean`` as bool, the rest as str.
    Key defaults apply to elements without that data. Streams, like the
    writer. Raises :class:`InputError` for a file that is not GraphML.

    "; "-joined lists come back as the strings that hold them.
    """
    keys: dict[str, tuple[str, str, Any]] = {}
    defaults: dict[str, dict[str, Any]] = {"node": {}, "edge": {}, "graph": {}}
    graph: nx.Graph | None = None
    try:
        for element in _elements(path):
            tag = etree.QName(element).localname
            if tag == "key":
                name = element.get("attr.name") or element.get("id") or ""
                convert = _TYPES.get(element.get("attr.type", "string"), str)
                keys[element.get("id", "")] = (element.get("for", "all"), name, convert)
                default = element.find(f"{{{NAMESPACE}}}default")
                if default is not None:
                    for domain in defaults if element.get("for", "all") == "all" else [element.get("for", "")]:
                        defaults.setdefault(domain, {})[name] = convert(default.text or "")
            elif tag == "graph":
                if graph is not None:
                    raise InputError(str(path), "nested or several graphs are not supported")
                graph = nx.DiGraph() if element.get("edgedefault") == "directed" else nx.Graph()
            elif tag == "data" and graph is not None and _parent_tag(element) == "graph":
                graph.graph.update(_values([element], keys, path))
            elif tag == "node" and graph is not None:
                graph.add_node(element.get("id"), **(defaults["node"] | _values(element, keys, path)))
                _forget(element)
            elif tag == "edge" and graph is not None:
                attrs = defaults["edge"] | _values(element, keys, path)
                check_weight(attrs.get("weight"), f"{path}:{element.sourceline}")
                graph.add_edge(element.get("source"), element.get("target"), **attrs)
                _forget(element)
    except etree.XMLSyntaxError as exc:
        raise InputError(str(path), f"not valid XML: {exc}") from exc
    except (TypeError, ValueError) as exc:
        raise InputError(str(path), f"GraphML value not understood: {exc}") from exc
    if graph is None:
        raise InputError(str(path), "no <graph> element: not a GraphML file")
    return graph


def analysable(graph: nx.Graph, path: str | os.PathLike[str]) -> nx.Graph:
    """``graph`` read from ``path`` (by coauthor or another program:
    networkx, igraph, Gephi) made ready for the analysis, in place: every
    node gets a ``name`` (its ``name``, else its ``label``, else its id) and
    every edge a ``weight`` (1 where it has none). InputError for a graph
    the analysis cannot use: directed, or without nodes.

    >>> g = nx.Graph([("a", "b")]); g.nodes["a"]["label"] = "Ann Lee"
    >>> analysable(g, "g.graphml").nodes["a"]["name"], g.nodes["b"]["name"], g.edges["a", "b"]["weight"]
    ('Ann Lee', 'b', 1.0)
    """
    if graph.is_directed():
        raise InputError(str(path), "a directed graph: coauthor analyses undirected co-authorship graphs")
    if graph.number_of_nodes() == 0:
        raise InputError(str(path), "the graph has no nodes: nothing to analyse")
    for node, data in graph.nodes(data=True):
        if data.get("name") is None:
            data["name"] = str(data["label"]) if data.get("label") is not None else str(node)
    for *_, data in graph.edges(data=True):
        if data.get("weight") is None:
            data["weight"] = 1.0
    return graph


def _parent_tag(element: etree._Element) -> str | None:
    """The local name of ``element``'s parent (None at the root)."""
    parent = element.getparent()
    return None if parent is None else etree.QName(parent).localname


def _elements(path: str | os.PathLike[str]) -> Iterator[etree._Element]:
    """Elements of interest, each when complete (``graph`` when it starts)."""
    wanted = {f"{{{NAMESPACE}}}{tag}" for tag in ("key", "data", "node", "edge")} | {"key", "data", "node", "edge"}
    graph_tags = {f"{{{NAMESPACE}}}graph", "graph"}
    for event, element in etree.iterparse(str(path), events=("start", "end"), huge_tree=True):
        if event == "start" and element.tag in graph_tags:
            yield element
        elif event == "end" and element.tag in wanted:
            yield element


def _values(container: Any, keys: dict[str, tuple[str, str, Any]], path: str | os.PathLike[str]) -> dict[str, Any]:
    values = {}
    for data in container:
        if not isinstance(data.tag, str) or etree.QName(data).localname != "data" or data.get("key") not in keys:
            continue
        _, name, convert = keys[data.get("key")]
        try:
            values[name] = convert(data.text or "")
        except ValueError as exc:
            kind = _KIND.get(convert, "value")
            raise InputError(f"{path}:{data.sourceline}", f"{name} '{data.text}' is not a {kind}") from exc
    return values


_KIND = {int: "whole number", float: "number"}


def check_weight(weight: Any, where: str) -> None:
    """An edge weight the analysis can use: a finite number >= 0 (absent:
    the analysis counts the edge as 1)."""
    if weight is None:
        return
    try:
        number = float(weight)
    except (TypeError, ValueError):
        raise InputError(where, f"edge weight '{weight}' is not a number") from None
    if not math.isfinite(number) or number < 0:
        raise InputError(where, f"edge weight {weight} is not a finite number >= 0")


def _forget(element: etree._Element) -> None:
    """Free a handled element and its already-handled older siblings."""
    element.clear()
    parent = element.getparent()
    while element.getprevious() is not None and parent is not None:
        del parent[0]
