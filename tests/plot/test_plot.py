"""Figures and the interactive map: every `coauthor plot` kind through the
CLI on the seeds, the figure functions on a fixed small graph (what they
draw), determinism, a large synthetic graph, and the HTML page (pure Python,
and rendered by headless Chromium when it is installed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import matplotlib
import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner, Result

from coauthor.analysis import centrality, communities
from coauthor.cli import main
from coauthor.html import html_map, map_data, script_json
from coauthor.pipeline import Analysis, analyze
from coauthor.plot import (
    KINDS,
    PlotOptions,
    draw_figure,
    plot_centrality,
    plot_communities_over_time,
    plot_degree,
    plot_ego,
    plot_network,
    plot_overlay,
    plot_timeline_panels,
)
from coauthor.plot.ego import ego_rings
from coauthor.plot.layout import backbone, layout
from coauthor.readers import ReadOptions

matplotlib.use("Agg")

YEAR = ["--undated-year", "2026"]
CHROMIUM = Path("/usr/bin/chromium")
MAGIC = {".png": b"\x89PNG\r\n\x1a\n", ".svg": b"<?xml", ".pdf": b"%PDF-"}


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def seeds_analysis() -> Analysis:
    return analyze(["seeds"], ReadOptions(undated_year=2026))


@pytest.fixture(scope="module")
def small() -> tuple[nx.Graph, pd.DataFrame, pd.DataFrame]:
    """Two triangles joined by a bridge, plus a pendant: 7 named authors."""
    graph = nx.Graph()
    edges = [("a", "b", 3), ("b", "c", 1), ("a", "c", 2), ("c", "d", 1), ("d", "e", 2), ("e", "f", 1), ("d", "f", 1),
             ("f", "g", 1)]  # fmt: skip
    graph.add_weighted_edges_from(edges)
    for i, node in enumerate(sorted(graph)):
        graph.nodes[node].update(name=f"Author {node.upper()}", papers=7 - i, first_year=2010 + i, last_year=2015 + i)
    return graph, centrality(graph, engine="networkx"), communities(graph, method="louvain", engine="networkx")


def _figure():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 7))
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    return fig


def _labels(ax) -> list:
    return [t for t in ax.texts if t.get_bbox_patch() is not None]


# --- the CLI on the seeds ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_writes_a_valid_non_blank_png(kind: str, tmp_path: Path) -> None:
    out = tmp_path / f"{kind}.png"
    result = run("plot", kind, "seeds", "-o", str(out), *YEAR)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(MAGIC[".png"])
    pixels = matplotlib.image.imread(out)
    assert pixels.shape[0] > 400 and pixels.shape[1] > 600
    assert pixels[..., :3].std() > 0.05  # not blank


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf", ".PNG"])
def test_format_comes_from_the_extension(suffix: str, tmp_path: Path) -> None:
    out = tmp_path / f"map{suffix}"
    assert run("plot", "centrality", "seeds", "-o", str(out), *YEAR).exit_code == 0
    assert out.read_bytes().startswith(MAGIC[suffix.lower()])


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_same_input_gives_the_same_bytes(suffix: str, tmp_path: Path) -> None:
    first, second = tmp_path / f"one{suffix}", tmp_path / f"two{suffix}"
    for out in (first, second):
        assert run("plot", "network", "seeds", "-o", str(out), "--label", "Li Shen", *YEAR).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["bogus", "x.png"], "Error: unknown figure kind 'bogus' (use one of: network, overlay, ego,"),
        (["network", "x.gif"], "Error: {out}: unknown figure format '.gif' (use .png, .svg, .pdf)"),
        (["network", "x.png", "--label", "Nobody Atall"], "Error: author 'Nobody Atall' is not in the graph"),
        (["ego", "x.png", "--author", "Nobody Atall"], "Error: author 'Nobody Atall' is not in the graph"),
    ],
)
def test_bad_kind_extension_or_name_is_one_error_line(args: list[str], message: str, tmp_path: Path) -> None:
    out = tmp_path / args[1]
    result = CliRunner().invoke(main, ["plot", args[0], "seeds", "-o", str(out), *args[2:], *YEAR])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith(message.format(out=out)), result.output
    assert not out.exists()


def test_ego_options_and_measure_alias(tmp_path: Path) -> None:
    out = tmp_path / "ego.png"
    result = run("plot", "ego", "seeds", "-o", str(out), "--author", "Li Shen", "--hops", "2", *YEAR)
    assert result.exit_code == 0, result.output
    result = run("plot", "centrality", "seeds", "-o", str(out), "--measure", "betweenness", "--top-labels", "5", *YEAR)
    assert result.exit_code == 0, result.output


# --- what the figure functions draw -----------------------------------------------------------


def test_network_draws_every_node_legend_and_non_overlapping_labels(small) -> None:
    graph, central, groups = small
    ax = plot_network(graph, central, groups, _figure().add_subplot(), top_labels=3, labels=["Author G"])
    assert len(ax.collections[-1].get_offsets()) == 7
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(legend) == groups["community"].nunique()
    assert all(", led by Author " in t for t in legend)
    shown = [t.get_text() for t in _labels(ax)]
    assert "Author G" in shown and 2 <= len(shown) <= 4
    renderer = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in _labels(ax)]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert any(t.get_text().startswith("Node area: pagerank; colour: community") for t in ax.texts)


def test_network_cuts_a_large_graph_and_says_so() -> None:
    graph = nx.relabel_nodes(nx.powerlaw_cluster_graph(3000, 4, 0.3, seed=3), lambda n: f"n{n:05d}")
    nx.set_node_attributes(graph, {n: f"Person {n}" for n in graph}, "name")
    nx.set_node_attributes(graph, 1, "papers")
    nx.set_edge_attributes(graph, 1, "weight")
    central = centrality(graph, measures=("degree", "pagerank"))
    groups = communities(graph)
    start = time.perf_counter()
    ax = plot_network(graph, central, groups, _figure().add_subplot(), max_nodes=200)
    assert time.perf_counter() - start < 20
    assert len(ax.collections[-1].get_offsets()) == 200
    caption = next(t.get_text() for t in ax.texts if t.get_text().startswith("Node area"))
    assert "showing the 200 authors with the highest pagerank of 3,000" in caption


def test_overlay_colour_bar_and_caption_say_where_years_come_from(small, seeds_analysis) -> None:
    graph, central, _ = small
    ax = plot_overlay(graph, central, _figure().add_subplot())
    bar = ax.figure.axes[-1]
    assert bar.get_ylabel() == "Average publication year"
    assert any("midpoint of first and last year" in t.get_text() for t in ax.texts)
    r = seeds_analysis
    ax = plot_overlay(r.graph, r.centrality, _figure().add_subplot(), papers=r.papers)
    assert any("mean year of their papers" in t.get_text() for t in ax.texts)


def test_ego_puts_the_author_in_the_centre_and_rings_by_distance(small) -> None:
    graph, central, groups = small
    rings = ego_rings(graph, "d", 2, list(central.index))
    assert [sorted(ring) for ring in rings] == [["d"], ["c", "e", "f"], ["a", "b", "g"]]
    ax = plot_ego(graph, central, groups, "Author D", _figure().add_subplot(), hops=1)
    offsets = ax.collections[-1].get_offsets()
    assert len(offsets) == 4
    centre = [tuple(p) for p in offsets if abs(p[0]) < 1e-9 and abs(p[1]) < 1e-9]
    assert len(centre) == 1
    assert "Ego network of Author D: 3 authors within 1 hop" == ax.get_title()


def test_timeline_panels(seeds_analysis) -> None:
    fig = _figure()
    axes = fig.subplots(3, 1)
    plot_timeline_panels(seeds_analysis.timeline, seeds_analysis.author_timeline, list(axes), top=10)
    assert len(axes[0].patches) == len(seeds_analysis.timeline)  # one bar per year
    assert axes[1].images[0].get_array().shape == (10, len(seeds_analysis.timeline))
    assert axes[1].get_yticklabels()[0].get_text() == "Zhenyi Wang"
    assert {t.get_text() for t in axes[2].get_legend().get_texts()} >= {"Authors so far", "Co-author links so far"}


def test_communities_over_time_blocks_and_ribbons(seeds_analysis) -> None:
    table = seeds_analysis.communities_over_time
    ax = plot_communities_over_time(table, _figure().add_subplot(), top=5)
    blocks = [p for p in ax.patches if type(p).__name__ == "Rectangle"]
    ribbons = [p for p in ax.patches if type(p).__name__ == "PathPatch"]
    per_slice = table[table["event"] != "death"].groupby("slice").size()
    assert len(blocks) == sum(min(n, 5) + (n > 5) for n in per_slice)
    assert len(ribbons) >= 1
    # the community that ends (Jiayi Xian's, 2 authors) is too thin to name at this size ...
    assert not any("→ ends" in t.get_text() for t in ax.texts)
    # ... and named on a figure tall enough for a line of text beside its block
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    tall = Figure(figsize=(10, 40))
    FigureCanvasAgg(tall)
    ax = plot_communities_over_time(table, tall.add_subplot(), top=5)
    assert "Jiayi Xian · 2 → ends" in [t.get_text() for t in ax.texts]


def test_centrality_and_degree(small) -> None:
    graph, central, _ = small
    ax = plot_centrality(central, _figure().add_subplot(), measure="degree", top=5)
    assert len(ax.patches) == 5
    assert ax.get_yticklabels()[-1].get_text() in {"Author C", "Author D"}  # the highest degree on top
    ax = plot_degree(graph, _figure().add_subplot())
    assert ax.get_xscale() == ax.get_yscale() == "log"
    assert len(ax.get_legend().get_texts()) == 2


def test_layout_and_backbone_are_deterministic(small) -> None:
    graph = small[0]
    assert layout(graph, seed=1) == layout(graph, seed=1)
    core = backbone(graph, 6)
    assert core.number_of_edges() == 6 and nx.is_connected(core)
    assert core.has_edge("a", "b")  # the heaviest edge stays


def test_draw_figure_every_kind_on_the_seeds(seeds_analysis) -> None:
    for kind in KINDS:
        fig = draw_figure(kind, seeds_analysis, PlotOptions(top_labels=5))
        assert fig.axes and fig.axes[0].get_title()


# --- the interactive map ----------------------------------------------------------------------


def _embedded(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="coauthor-data">(.*?)</script>', page, re.S)
    assert found
    return json.loads(found.group(1))


def _scripts(page: str) -> list[tuple[dict, str]]:
    """The page's script elements, (attributes, text), as an HTML parser sees them."""
    from html.parser import HTMLParser

    found: list[tuple[dict, str]] = []

    class Scripts(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag == "script":
                found.append((dict(attrs), ""))

        def handle_data(self, data: str) -> None:
            if self.lasttag == "script" and found:
                found[-1] = (found[-1][0], found[-1][1] + data)

    Scripts().feed(page)
    return found


def test_html_is_self_contained_and_its_data_parses(seeds_analysis) -> None:
    r = seeds_analysis
    page = html_map(r.graph, r.centrality, r.communities)
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", page, re.I)
    assert not re.search(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", page, re.I)
    assert "@import" not in page
    data = _embedded(page)
    assert len(data["nodes"]) == 92 and len(data["edges"]) == 163
    li = next(n for n in data["nodes"] if n["name"] == "Li Shen")
    assert li["papers"] == 13 and li["years"] == "2022–2025" and li["top"][0] == "Zhenyi Wang (13)"
    assert data["communities"][0]["colour"] == "#0072B2"


def test_html_escapes_names_that_would_end_the_script() -> None:
    evil = "</script><script>alert('x')</script> & <!-- \u2028"
    graph = nx.Graph([("a", "b", {"weight": 1})])
    nx.set_node_attributes(graph, {"a": evil, "b": "Bo"}, "name")
    page = html_map(
        graph, centrality(graph, engine="networkx"), communities(graph, method="louvain", engine="networkx"), title=evil
    )
    scripts = _scripts(page)  # as an HTML parser (a browser) splits the page
    assert [attrs.get("type") for attrs, _ in scripts] == [None, "application/json", None]
    assert "<!--" not in page
    assert {n["name"] for n in json.loads(scripts[1][1])["nodes"]} == {evil, "Bo"}
    assert "<title>&lt;/script&gt;" in page
    assert script_json(evil).count("<") == 0


def test_html_cuts_large_graphs_and_says_so() -> None:
    graph = nx.relabel_nodes(nx.barabasi_albert_graph(1200, 2, seed=1), str)
    nx.set_node_attributes(graph, {n: f"P {n}" for n in graph}, "name")
    data = map_data(graph, centrality(graph, measures=("pagerank",)), communities(graph), max_nodes=500)
    assert len(data["nodes"]) == 500
    assert "showing the 500 authors with the highest pagerank of 1,200" in data["note"]


def test_html_command(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    result = run("html", "seeds", "-o", str(out), *YEAR)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install -y chromium)")
def test_chromium_renders_the_map_offline(tmp_path: Path) -> None:
    """Headless Chromium with every host unresolvable: the page draws the
    network (a canvas, data-rendered set after the first frame), the search
    box exists, an #author= link with an author_id finds and describes the
    author, one with an unknown name says "not found", and nothing in the
    DOM points outside the file."""
    page = tmp_path / "map.html"
    assert run("html", "seeds", "-o", str(page), *YEAR).exit_code == 0
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=10000", "--dump-dom",
        f"{page.as_uri()}#author=li-shen",
    ]  # fmt: skip
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout
    assert 'data-rendered="true"' in dom
    assert re.search(r'<div id="network"[^>]*>.*?<canvas', dom, re.S)
    assert re.search(r'<input id="search"', dom)
    assert "92 authors, 163 links drawn" in dom
    info = re.search(r'<div id="info">(.*?)</div></div>', dom, re.S)
    assert info and "Li Shen" in info.group(1) and "13" in info.group(1)
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", dom, re.I)
    assert re.search(r'<output id="not-found" role="status" hidden="">\s*</output>', dom)
    unknown = [*command[:-1], f"{page.as_uri()}#author=Nobody%20Here"]
    dom = subprocess.run(unknown, capture_output=True, text=True, timeout=120, check=True).stdout
    assert "\u201cNobody Here\u201d not found</output>" in dom
    screenshot = tmp_path / "map.png"
    shot = [c for c in command if c != "--dump-dom"]
    shot[-1:-1] = [f"--screenshot={screenshot}", "--window-size=1400,900"]
    subprocess.run(shot, capture_output=True, timeout=120, check=True)
    assert matplotlib.image.imread(screenshot)[..., :3].std() > 0.02


NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="needs node (apt-get install -y nodejs) to run the page's search")
def test_map_finds_an_author_by_author_id_or_name(seeds_analysis, tmp_path: Path) -> None:
    """The page's own search function, run by node on the page's own data:
    ``#author=`` takes the author_id of the CSV tables as well as a name,
    and finds nobody for a name that is not there."""
    page = html_map(seeds_analysis.graph, seeds_analysis.centrality, seeds_analysis.communities)
    script = re.search(r"(  // find-author:.*?)  // find-author end", page, re.S)
    assert script
    assert "li-shen" in seeds_analysis.centrality.index  # the author_id of centrality.csv
    probe = tmp_path / "probe.js"
    probe.write_text(
        script.group(1)
        + f"var list = {json.dumps(_embedded(page)['nodes'])};\n"
        + "for (var q of ['li-shen', 'Li Shen', 'li shen', 'Nobody Here']) {"
        + " var n = findAuthor(list, q); console.log(n ? n.name : 'not found'); }\n",
        encoding="utf-8",
    )
    found = subprocess.run([NODE, str(probe)], capture_output=True, text=True, timeout=60, check=True).stdout
    assert found.splitlines() == ["Li Shen", "Li Shen", "Li Shen", "not found"]
    assert '<output id="not-found" role="status" hidden></output>' in page
