"""Where nodes go and which of them a map can show.

:func:`layout` is a seeded force-directed layout, component by component
(igraph's Fruchterman-Reingold when python-igraph is installed: a fraction of
a second for thousands of nodes; networkx's spring layout otherwise), the
components packed in rows, largest first. :func:`visible_subgraph` cuts a
large graph to what a map can show: the largest connected components (as
VOSviewer draws its largest connected set), the most central of their
authors (plus pinned ones) and, when they have too many links, a backbone
of the strongest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np

from coauthor.analysis.engine import DEFAULT_SEED, Seed, seed_int
from coauthor.graph.build import ordered_subgraph
from coauthor.graph.levels import nodes_word

#: How many of the largest connected components a map draws unless told
#: (0: all; None: those with at least :data:`MAIN_COMPONENT_SHARE` of the
#: largest one's authors): the pairs and isolated authors of a fragmented
#: bibliography would otherwise fill the canvas around the main component.
DEFAULT_COMPONENTS: int | None = None
#: Unless told how many, a map draws the components at least this share of
#: the largest (two profile pages: both; a bibliography: its main component).
MAIN_COMPONENT_SHARE = 0.1


@dataclass
class Visible:
    """The part of a graph a map draws: ``graph``, the authors kept and all
    their links (lay it out), ``edges``, the links to draw (``graph`` or
    its backbone), ``nodes`` ranked (pinned first, then by the measure) and
    ``note``, a caption fragment saying what was left out ("" when
    nothing was)."""

    graph: nx.Graph
    edges: nx.Graph
    nodes: list[str]
    note: str


def visible_subgraph(
    graph: nx.Graph,
    ranked: Sequence[str],
    max_nodes: int,
    max_edges: int,
    pinned: Iterable[str] = (),
    by: str = "",
    components: int | None = 0,
) -> Visible:
    """The ``max_nodes`` first authors of ``ranked`` (``pinned`` ones always
    kept) and their links, within the ``components`` largest connected
    components (0: all; None: those at least :data:`MAIN_COMPONENT_SHARE`
    of the largest; the components of pinned authors are kept too);
    past ``max_edges`` links, only the backbone (:func:`backbone`) is drawn
    (the layout still uses every link). The note names what was cut.

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("d", "e"), ("f", "g")])
    >>> g.add_node("h")
    >>> cut = visible_subgraph(g, sorted(g), 10, 100, components=1)
    >>> cut.nodes, cut.note
    (['a', 'b', 'c'], 'the largest connected component: 3 of 8 authors (3 smaller components, 5 authors, left out)')
    >>> visible_subgraph(g, sorted(g), 10, 100, pinned=["g"], components=1).nodes
    ['g', 'a', 'b', 'c', 'f']
    >>> visible_subgraph(g, sorted(g), 10, 100, components=None).note  # each a tenth of the largest, or more
    ''
    """
    pins = list(dict.fromkeys(pinned))
    notes = []
    kept, counts = _largest_components(graph, components, pins)
    if kept is not None:
        ranked = [n for n in ranked if n in kept]
        notes.append(_components_note(graph, kept, counts))
    order = pins + [n for n in ranked if n not in set(pins)]
    nodes = order[: max(max_nodes, len(pins))]
    sub = ordered_subgraph(graph, nodes)
    drawn = sub
    if len(nodes) < len(order):
        notes.append(f"showing the {len(nodes):,} {nodes_word(graph)} with the highest {by} of {len(order):,}")
    if sub.number_of_edges() > max_edges:
        drawn = backbone(sub, max_edges)
        notes.append(
            f"links: backbone of {drawn.number_of_edges():,} of {sub.number_of_edges():,} (spanning tree + strongest)"
        )
    return Visible(sub, drawn, nodes, "; ".join(notes))


def _largest_components(graph: nx.Graph, count: int | None, pins: list[str]) -> tuple[set[str] | None, tuple[int, int]]:
    """The authors of the ``count`` largest components (ties: smallest
    author id first; None: those at least a share of the largest) and of
    the pinned authors' ones (None when that is every author), and how
    many components are kept of how many."""
    if count == 0 or graph.number_of_nodes() == 0:
        return None, (0, 0)
    parts = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    if count is None:
        count = sum(len(part) >= MAIN_COMPONENT_SHARE * len(parts[0]) for part in parts)
    if len(parts) <= count:
        return None, (len(parts), len(parts))
    kept = {n for part in parts[:count] for n in part}
    for pin in pins:
        if pin not in kept:
            kept |= nx.node_connected_component(graph, pin)
            count += 1
    return (kept if len(kept) < graph.number_of_nodes() else None), (count, len(parts))


def _components_note(graph: nx.Graph, kept: set[str], counts: tuple[int, int]) -> str:
    """What the cut left out. ``kept`` is a union of whole components
    (``counts``: how many of all), so the rest is counted without building
    subgraphs (two subgraph views took 6 s on 37 k authors)."""
    count, parts = counts
    which = "the largest connected component" if count == 1 else f"the {count:,} largest connected components"
    word = nodes_word(graph)
    return (f"{which}: {len(kept):,} of {graph.number_of_nodes():,} {word} "
            f"({parts - count:,} smaller components, {graph.number_of_nodes() - len(kept):,} {word}, "
            "left out)")  # fmt: skip


def backbone(graph: nx.Graph, max_edges: int) -> nx.Graph:
    """The maximum spanning forest by ``weight`` (every component stays
    connected) plus the heaviest other edges, ``max_edges`` in all (or the
    forest, when it alone has more). Ties are broken by node ids."""
    by_weight = sorted(graph.edges(data=True), key=lambda e: (-float(e[2].get("weight", 1)), e[0], e[1]))
    forest = nx.Graph()
    forest.add_nodes_from(graph.nodes)
    components = nx.utils.UnionFind(graph.nodes)
    rest = []
    for u, v, data in by_weight:
        if components[u] != components[v]:
            components.union(u, v)
            forest.add_edge(u, v, **data)
        else:
            rest.append((u, v, data))
    forest.add_edges_from(rest[: max(0, max_edges - forest.number_of_edges())])
    return ordered_subgraph(forest, graph.nodes)


def layout(graph: nx.Graph, seed: Seed = DEFAULT_SEED) -> dict[str, tuple[float, float]]:
    """Seeded force-directed positions of every node: each connected
    component laid out alone (area proportional to its size), the components
    packed in rows, largest first, so none drifts off the map."""
    seed = seed_int(seed)
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    total_width = 3.5 * sum(len(c) for c in components) ** 0.5
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for nodes in components:
        radius = max(len(nodes) ** 0.5, 0.5)
        if x > 0 and x + 2 * radius > total_width:
            x, y, row_height = 0.0, y - row_height - 0.6, 0.0
        local = _component_layout(ordered_subgraph(graph, nodes), seed) * radius
        for node, (px, py) in zip(nodes, local, strict=True):
            positions[node] = (x + radius + float(px), y - radius + float(py))
        x += 2 * radius + 0.6
        row_height = max(row_height, 2 * radius)
    return positions


def _component_layout(graph: nx.Graph, seed: int) -> np.ndarray:
    """Positions (rows in node order) of one connected component, centred,
    within the unit disc."""
    n = graph.number_of_nodes()
    if n == 1:
        return np.zeros((1, 2))
    try:
        points = _igraph_layout(graph, seed)
    except ImportError:
        k = 1.6 / n**0.5
        spring = nx.spring_layout(graph, seed=seed, weight="weight", k=k, iterations=300 if n <= 500 else 60)
        points = np.array([spring[node] for node in graph.nodes], dtype=float)
    points -= points.mean(axis=0)
    reach = np.sqrt((points**2).sum(axis=1)).max() or 1.0
    return points / reach


def _igraph_layout(graph: nx.Graph, seed: int) -> np.ndarray:
    import igraph

    from coauthor.analysis.engine import seeded

    index = {node: i for i, node in enumerate(graph.nodes)}
    ig = igraph.Graph(n=len(index), edges=[(index[u], index[v]) for u, v in graph.edges])
    # log-damped weights: a pair with 30 joint papers pulls harder, not 30 times harder
    weights = [1.0 + float(np.log1p(float(w))) for *_, w in graph.edges(data="weight", default=1)]
    start = np.random.default_rng(seed).uniform(-1, 1, size=(len(index), 2)) * len(index) ** 0.5
    with seeded(seed):
        found = ig.layout_fruchterman_reingold(weights=weights, niter=500, seed=start.tolist())
    return np.array(found.coords, dtype=float)
