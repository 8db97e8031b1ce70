"""Maps that stay readable on a real bibliography (TUGboat, 3,138 papers,
1,260 authors in 789 components): the largest components by default, said
in the caption, and no two labels overlapping in any figure kind, measured
on the rendered figure."""

from __future__ import annotations

import itertools
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from click.testing import CliRunner

from coauthor.cli import main
from coauthor.pipeline import Analysis, AnalysisOptions, analyze
from coauthor.plot.countries import plot_countries
from coauthor.plot.html import map_data
from coauthor.plot.kinds import KINDS, PlotOptions, draw_figure
from coauthor.plot.style import authors_drawn
from coauthor.readers import ReadOptions


@pytest.fixture(scope="module")
def tugboat(shared_data: Path) -> Analysis:
    return analyze([shared_data / "bibtex" / "tugboat.bib"], options=AnalysisOptions(method="louvain"))


def _caption(fig) -> str:
    return " ".join(t.get_text() for ax in fig.axes for t in ax.texts if "Data: " in t.get_text())


@pytest.mark.parametrize("kind", list(KINDS))
def test_no_two_texts_overlap_in_any_figure(tugboat: Analysis, kind: str) -> None:
    """Every text of the figure as saved (labels, ring names, block names,
    captions), box against box in pixels."""
    fig = draw_figure(kind, tugboat, PlotOptions(top_labels=25))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = [t for ax in fig.axes for t in ax.texts if t.get_visible() and t.get_text().strip()]
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    clashes = [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2) if box_a.overlaps(box_b)]
    assert not clashes, clashes[:3]
    if kind in ("network", "overlay", "ego"):
        assert len(texts) >= 10  # the labels are there, not all dropped


@pytest.mark.parametrize("kind", ["network", "overlay"])
def test_a_fragmented_graph_is_drawn_by_its_largest_component(tugboat: Analysis, kind: str) -> None:
    graph = tugboat.graph
    parts = sorted(nx.connected_components(graph), key=len, reverse=True)
    assert len(parts[1]) < 0.1 * len(parts[0])  # one main component, the rest small
    fig = draw_figure(kind, tugboat)
    assert authors_drawn(fig) == len(parts[0])
    left = graph.number_of_nodes() - len(parts[0])
    assert (
        f"the largest connected component: {len(parts[0]):,} of {graph.number_of_nodes():,} authors "
        f"({len(parts) - 1:,} smaller components, {left:,} authors, left out)"
    ) in _caption(fig)


def test_every_component_is_drawn_when_asked(tugboat: Analysis) -> None:
    fig = draw_figure("network", tugboat, PlotOptions(components=0, max_nodes=2000))
    assert authors_drawn(fig) == tugboat.graph.number_of_nodes()
    assert "connected component" not in _caption(fig)


def test_components_of_similar_size_are_all_drawn(seeds: Path) -> None:
    """The seeds: two profile pages, two components of 50 and 42 authors;
    both are drawn unless one is asked for."""
    result = analyze([seeds], ReadOptions(undated_year=2026))
    sizes = sorted((len(c) for c in nx.connected_components(result.graph)), reverse=True)
    assert sizes == [50, 42]
    assert authors_drawn(draw_figure("network", result)) == 92
    assert authors_drawn(draw_figure("network", result, PlotOptions(components=1))) == 50
    page = map_data(result.graph, result.centrality, result.communities, components=1)
    assert len(page["nodes"]) == 50 and page["note"].startswith("the largest connected component: 50 of 92")


def test_the_components_option_reaches_every_map_command(seeds: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    png = runner.invoke(main, ["plot", "network", str(seeds), "--undated-year", "2026", "--components", "1",
                               "-o", str(tmp_path / "n.png")])  # fmt: skip
    assert png.exit_code == 0 and "showing 50 of 92 authors" in png.output
    page = runner.invoke(main, ["html", str(seeds), "--undated-year", "2026", "--components", "1",
                                "-o", str(tmp_path / "m.html")])  # fmt: skip
    assert page.exit_code == 0, page.output
    assert "The largest connected component: 50 of 92 authors" in (tmp_path / "m.html").read_text("utf-8")
    report = runner.invoke(main, ["report", str(seeds), "--undated-year", "2026", "--components", "1",
                                  "-o", str(tmp_path / "report")])  # fmt: skip
    assert report.exit_code == 0, report.output
    assert "The largest connected component: 50 of 92" in (tmp_path / "report" / "map.html").read_text("utf-8")


def test_a_dense_ego_network_draws_its_strongest_chords() -> None:
    """Twelve co-authors who all wrote together: 66 links among them; the
    figure draws the 12 links of the centre and the 24 strongest chords (2
    per co-author), the heaviest among them, and says so."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure

    from coauthor.analysis import centrality, communities
    from coauthor.plot import plot_ego

    graph = nx.complete_graph([f"a{i:02d}" for i in range(13)])
    nx.set_edge_attributes(graph, 1, "weight")
    graph["a11"]["a12"]["weight"] = 9
    nx.set_node_attributes(graph, {n: f"Author {n}" for n in graph}, "name")
    nx.set_node_attributes(graph, 1, "papers")
    fig = Figure()
    FigureCanvasAgg(fig)
    ax = plot_ego(graph, centrality(graph), communities(graph), "a00", fig.add_subplot(), hops=1)
    lines = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert sum(len(c.get_segments()) for c in lines) == 12 + 24
    widths = [w for c in lines for w in c.get_linewidths()]
    assert max(widths) > 3  # the 9-paper chord is among those drawn (width grows with weight)
    assert "links among co-authors: the 24 strongest of 66" in " ".join(t.get_text() for t in ax.texts)


def test_a_community_has_one_colour_in_every_figure(tugboat: Analysis) -> None:
    """Each block of communities-over-time has the colour the network figure
    gives its top author's community (grey past the palette)."""
    from matplotlib.colors import to_hex
    from matplotlib.patches import Rectangle

    from coauthor.plot.style import community_colour

    fig = draw_figure("communities-over-time", tugboat)
    blocks = [p for p in fig.axes[0].patches if isinstance(p, Rectangle) and p.get_width() < 0.5]
    table = tugboat.communities_over_time
    rows = table[table["event"] != "death"]
    groups = tugboat.communities["community"].astype(int)
    checked = 0
    for number, part in rows.groupby("slice"):
        column = sorted((b for b in blocks if abs(b.get_x() + b.get_width() / 2 - number) < 1e-9),
                        key=lambda b: -b.get_y())  # fmt: skip
        for block, (_, row) in zip(column, part.sort_values("community").head(10).iterrows(), strict=False):
            expected = community_colour(int(groups[row["top_author_id"]]))
            assert to_hex(block.get_facecolor()) == to_hex(expected), (number, row["top_author"])
            checked += 1
    assert checked >= 50
    network = draw_figure("network", tugboat)
    legend = {t.get_text().split(", led by ")[-1]: to_hex(h.get_markerfacecolor())
              for t, h in zip(network.axes[0].get_legend().get_texts(), network.axes[0].get_legend().legend_handles,
                              strict=True)}  # fmt: skip
    goossens = groups[tugboat.centrality.index[tugboat.centrality["name"] == "Michel Goossens"][0]]
    assert legend["Michel Goossens"] == to_hex(community_colour(int(goossens)))


def _turned_box(text, renderer) -> np.ndarray:
    """The four corners (pixels) of a text turned about its anchor, as
    drawn: its unturned box rotated by its angle."""
    angle = text.get_rotation()
    text.set_rotation(0)
    box = text.get_window_extent(renderer)
    text.set_rotation(angle)
    anchor = text.get_transform().transform(text.get_position())
    corners = np.array([[box.x0, box.y0], [box.x1, box.y0], [box.x1, box.y1], [box.x0, box.y1]]) - anchor
    turn = np.radians(angle)
    rotation = np.array([[np.cos(turn), -np.sin(turn)], [np.sin(turn), np.cos(turn)]])
    return corners @ rotation.T + anchor


def _boxes_cross(a: np.ndarray, b: np.ndarray) -> bool:
    """Two convex quadrilaterals overlap unless an edge of one separates them
    (the separating axis theorem)."""
    for box in (a, b):
        for i in range(4):
            edge = box[(i + 1) % 4] - box[i]
            normal = np.array([-edge[1], edge[0]])
            pa, pb = a @ normal, b @ normal
            if pa.max() <= pb.min() or pb.max() <= pa.min():
                return False
    return True


def test_no_two_labels_overlap_in_the_country_figure() -> None:
    """The densest country figure (40 countries drawn of every ISO country,
    long official names, seeded paper counts): no two turned labels overlap,
    and the title says how many were left out."""
    import pycountry

    rng = np.random.default_rng(7)
    graph = nx.Graph()
    for country in pycountry.countries:
        graph.add_node(country.alpha_2, name=country.name, papers=int(rng.integers(1, 500)))
    nodes = list(graph)
    for _ in range(400):
        u, v = rng.choice(nodes, 2, replace=False)
        graph.add_edge(u, v, weight=float(rng.integers(1, 30)))
    ax = plot_countries(graph)
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    labels = [t for t in ax.texts if t.get_text().strip()]
    assert len(labels) == 40
    boxes = [(t.get_text(), _turned_box(t, renderer)) for t in labels]
    clashes = [(a, b) for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2) if _boxes_cross(box_a, box_b)]
    assert not clashes, clashes[:3]
    assert f"{graph.number_of_nodes() - 40} more" in ax.get_title()
