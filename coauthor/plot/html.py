"""The interactive map: one self-contained HTML page that works offline.

The page inlines vis-network (vendored in ``coauthor/vendor/vis-network``,
Apache-2.0 or MIT) and the graph as JSON: the same node sizes, community
colours and seeded layout as the network figure, computed here, so the
browser runs no physics simulation and stays usable at 5,000 authors. It
has a search box, a hover panel (papers, years, top co-authors), click to
highlight an author's co-authors and a community filter. Larger graphs are
cut to their most central authors, and dense ones to a backbone of links;
the page says so.
"""

from __future__ import annotations

import html
import json
import os
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from coauthor.analysis.engine import DEFAULT_SEED
from coauthor.atomic import write_text_atomic
from coauthor.errors import CoauthorError
from coauthor.graph.levels import nodes_word
from coauthor.plot.layout import DEFAULT_COMPONENTS, layout, visible_subgraph
from coauthor.plot.style import PALETTE, community_colour, community_leaders, measure_column, node_areas, ranked_nodes

#: Larger graphs are cut to this many authors (the most central).
MAX_HTML_NODES = 5000
#: Past this many links only the backbone is drawn.
MAX_HTML_EDGES = 25000
#: Authors whose labels show at the first view (the others when zoomed in).
LABELLED = 15
#: Layout units to screen pixels.
SCALE = 60.0


def vis_network_js() -> str:
    """The vendored vis-network library (standalone UMD build)."""
    text = (files("coauthor") / "vendor" / "vis-network" / "vis-network.min.js").read_text(encoding="utf-8")
    if re.search(r"</script|<!--", text, re.IGNORECASE):
        raise CoauthorError("the vendored vis-network cannot be inlined: it contains '</script' or '<!--'")
    return text


def script_json(value: Any) -> str:
    """``value`` as JSON safe inside an HTML ``<script>`` element: ``<``,
    ``>`` and ``&`` (so no ``</script>`` or ``<!--``) and the JavaScript line
    separators U+2028 / U+2029 are written as ``\\u`` escapes.

    >>> script_json({"name": "</script><b>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def map_data(
    graph: nx.Graph,
    centrality: pd.DataFrame,
    communities: pd.DataFrame,
    size_by: str = "pagerank",
    seed: int = DEFAULT_SEED,
    max_nodes: int = MAX_HTML_NODES,
    components: int | None = DEFAULT_COMPONENTS,
) -> dict[str, Any]:
    """What the page draws, as plain JSON-ready data: ``nodes`` (id, name,
    x, y, size, colour, community, papers, years, degree, top co-authors,
    labelled), ``edges`` as ``[from, to, width]``, ``communities`` (label
    and colour, community number as index) and ``note`` (what was cut: the
    authors past the ``components`` largest connected components or past
    ``max_nodes``)."""
    values = measure_column(centrality, size_by)
    ranked = ranked_nodes(centrality, size_by)
    drawn = visible_subgraph(graph, ranked, max_nodes, MAX_HTML_EDGES, by=size_by, components=components)
    positions = layout(drawn.graph, seed)
    # radius from the figure's marker area; larger graphs are seen from further away
    sizes = node_areas(values[drawn.nodes], 30, 900) ** 0.5 * 0.7 * min(3.0, max(1.0, len(drawn.nodes) ** 0.25 / 3))
    groups = communities["community"].astype(int)
    ids = {node: i for i, node in enumerate(drawn.nodes)}
    nodes = [
        _node(graph, node, ids[node], positions[node], float(sizes[node]), int(groups[node]), rank < LABELLED)
        for rank, node in enumerate(drawn.nodes)
    ]
    weights = [float(w) for *_, w in drawn.edges.edges(data="weight", default=1)]
    top = max(weights, default=1.0) or 1.0
    edges = [
        [ids[u], ids[v], round(0.5 + 4.5 * w / top, 2)] for (u, v), w in zip(drawn.edges.edges, weights, strict=True)
    ]
    return {
        "nodes": nodes,
        "edges": edges,
        "communities": _communities(communities, centrality, size_by, nodes_word(graph)),
        "note": drawn.note,
        "nodes_word": nodes_word(graph),
    }


def _node(
    graph: nx.Graph, node: str, index: int, xy: tuple[float, float], size: float, community: int, labelled: bool
) -> dict[str, Any]:
    attrs = graph.nodes[node]
    first, last = attrs.get("first_year"), attrs.get("last_year")
    years = f"{first}–{last}" if first is not None and first != last else ("" if first is None else str(first))
    neighbours = sorted(graph.adj[node].items(), key=lambda item: (-float(item[1].get("weight", 1)), item[0]))
    top = [
        f"{graph.nodes[m].get('name', m)} ({_number(d.get('papers', d.get('weight', 1)))})" for m, d in neighbours[:3]
    ]
    return {
        "id": index,
        "key": node,
        "name": str(attrs.get("name", node)),
        "x": round(xy[0] * SCALE, 1),
        "y": round(-xy[1] * SCALE, 1),
        "size": round(size, 1),
        "colour": community_colour(community),
        "community": community,
        "papers": int(attrs.get("papers", 0)),
        "years": years,
        "degree": graph.degree(node),
        "top": top,
        "labelled": labelled,
    }


def _number(value: object) -> str:
    return f"{float(value):g}" if isinstance(value, int | float) else str(value)


def _communities(
    communities: pd.DataFrame, centrality: pd.DataFrame, size_by: str, word: str = "authors"
) -> list[dict[str, Any]]:
    """Label and colour of every community, by number (0 = largest)."""
    leader = community_leaders(communities, centrality, size_by)
    sizes = communities.groupby("community").size()
    return [
        {
            "label": f"{int(sizes.get(c, 0)):,} {word}, led by {leader.get(c, '?')}",
            "colour": community_colour(c) if c < len(PALETTE) else None,
        }
        for c in range(int(sizes.index.max()) + 1 if len(sizes) else 0)
    ]


@dataclass(frozen=True)
class WrittenMap:
    """A map page written: where, how many nodes it shows of how many, and
    what was cut (the page's note, empty when nothing was)."""

    path: Path
    shown: int
    total: int
    word: str
    note: str

    def __str__(self) -> str:
        """The line the CLI prints.

        >>> print(WrittenMap(Path("map.html"), 3, 3, "authors", ""))
        Map of 3 authors written to map.html
        >>> print(WrittenMap(Path("map.html"), 3, 8, "authors", "the largest connected component: 3 of 8 authors"))
        Map written to map.html; the largest connected component: 3 of 8 authors
        """
        if self.note:
            return f"Map written to {self.path}; {self.note}"
        return f"Map of {self.total:,} {self.word} written to {self.path}"


def _page(
    graph: nx.Graph,
    centrality: pd.DataFrame,
    communities: pd.DataFrame,
    size_by: str,
    seed: int,
    max_nodes: int,
    title: str | None,
    caption: str,
    components: int | None,
) -> tuple[str, dict[str, Any]]:
    """The page and the data it draws."""
    data = map_data(graph, centrality, communities, size_by, seed, max_nodes, components)
    size = f"{graph.number_of_nodes():,} {nodes_word(graph)}, {graph.number_of_edges():,} links"
    title = title or f"Collaboration network: {size}"
    note = f" {data['note'].capitalize()}." if data["note"] else ""
    values = {
        "TITLE": html.escape(title),
        "CAPTION": html.escape(f"Node size: {size_by}; colour: community.{note} {caption}".strip()),
        "VIS_NETWORK": vis_network_js(),
        "DATA": script_json(data),
    }
    template = (files("coauthor") / "templates" / "map.html").read_text(encoding="utf-8")
    # one pass: substituted text is never searched again
    return re.sub(r"__(TITLE|CAPTION|VIS_NETWORK|DATA)__", lambda m: values[m.group(1)], template), data


def html_map(
    graph: nx.Graph,
    centrality: pd.DataFrame,
    communities: pd.DataFrame,
    size_by: str = "pagerank",
    seed: int = DEFAULT_SEED,
    max_nodes: int = MAX_HTML_NODES,
    title: str | None = None,
    caption: str = "",
    components: int | None = DEFAULT_COMPONENTS,
) -> str:
    """The page (see the module docs) as a string. ``title`` defaults to the
    graph's size; ``caption`` (data and options) goes in the footer."""
    return _page(graph, centrality, communities, size_by, seed, max_nodes, title, caption, components)[0]


def write_map(
    graph: nx.Graph,
    centrality: pd.DataFrame,
    communities: pd.DataFrame,
    path: str | os.PathLike[str],
    size_by: str = "pagerank",
    seed: int = DEFAULT_SEED,
    max_nodes: int = MAX_HTML_NODES,
    caption: str = "",
    components: int | None = DEFAULT_COMPONENTS,
) -> WrittenMap:
    """Write :func:`html_map` to ``path`` atomically (UTF-8); says what it shows."""
    page, data = _page(graph, centrality, communities, size_by, seed, max_nodes, None, caption, components)
    write_text_atomic(path, page)
    return WrittenMap(Path(path), len(data["nodes"]), graph.number_of_nodes(), nodes_word(graph), data["note"])


def write_html(*args: Any, **kwargs: Any) -> Path:
    """:func:`write_map` (same arguments), returning only the path written."""
    return write_map(*args, **kwargs).path
