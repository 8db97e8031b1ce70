"""``--level`` on graph, analyze, plot, html and export: its effect on each
command's output, on the hand-written file of tests/graph/test_levels.py
(4 papers, 3 countries, 3 institutions, one paper without an address)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd
from click.testing import CliRunner, Result

from coauthor.cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "wos" / "affiliations.isi"
LEFT_OUT = (
    "1 of 4 papers has no affiliation with a known country: left out of the country graph; "
    "1 of 8 authorships give no country of their own"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, [*args, "-q"])


def test_graph_level_country(tmp_path: Path) -> None:
    result = run("graph", str(FIXTURE), "--level", "country", "-o", str(tmp_path / "g.graphml"))
    assert result.exit_code == 0, result.output
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert sorted(g) == ["CH", "DE", "NO"]
    assert g.edges["CH", "NO"]["weight"] == 2 and g.nodes["NO"]["name"] == "Norway"
    assert g.graph["level"] == "country"
    assert LEFT_OUT in result.output
    assert "3 countries, 3 collaboration links written" in result.output


def test_graph_level_institution_and_author_default(tmp_path: Path) -> None:
    run("graph", str(FIXTURE), "--level", "institution", "-o", str(tmp_path / "i.graphml"))
    run("graph", str(FIXTURE), "-o", str(tmp_path / "a.graphml"))
    institutions, authors = nx.read_graphml(tmp_path / "i.graphml"), nx.read_graphml(tmp_path / "a.graphml")
    assert sorted(institutions) == ["name:cern", "name:techunivmunich", "name:univoslo"]
    assert institutions.nodes["name:univoslo"]["country"] == "NO"
    assert authors.number_of_nodes() == 5 and "level" not in authors.graph


def test_graph_level_with_fractional_weight(tmp_path: Path) -> None:
    run("graph", str(FIXTURE), "--level", "country", "--weight", "fractional", "-o", str(tmp_path / "g.graphml"))
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert abs(g.edges["CH", "NO"]["weight"] - (1 + 1 / 2)) < 1e-9
    assert abs(g.nodes["NO"]["papers_fractional"] - (1 / 2 + 1 + 1 / 3)) < 1e-9


def test_analyze_level_tables_and_summary(tmp_path: Path) -> None:
    result = run("analyze", str(FIXTURE), "--level", "country", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    table = pd.read_csv(tmp_path / "out" / "centrality.csv", index_col=0)
    assert sorted(table.index) == ["CH", "DE", "NO"]
    assert LEFT_OUT in result.output and "Countries: 3   collaboration links: 3" in result.output


def test_plot_and_html_at_a_level(tmp_path: Path) -> None:
    plotted = run("plot", "network", str(FIXTURE), "--level", "country", "-o", str(tmp_path / "n.png"))
    assert plotted.exit_code == 0, plotted.output
    assert "network figure of 3 countries" in plotted.output and (tmp_path / "n.png").stat().st_size > 0
    page = run("html", str(FIXTURE), "--level", "institution", "-o", str(tmp_path / "m.html"))
    assert page.exit_code == 0, page.output
    assert "Map of 3 institutions" in page.output
    assert "Tech Univ Munich" in (tmp_path / "m.html").read_text(encoding="utf-8")


def test_export_level(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", str(FIXTURE), "--level", "country", "-o", str(tmp_path / "c.gexf")])
    assert result.exit_code == 0, result.output
    assert sorted(nx.read_gexf(tmp_path / "c.gexf")) == ["CH", "DE", "NO"]
    assert "3 countries, 3 collaboration links written as gexf" in result.output


def test_level_without_affiliations_is_one_error_line(tmp_path: Path, seeds: Path) -> None:
    result = run("graph", str(seeds), "--level", "institution", "-o", str(tmp_path / "g.graphml"))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("Error: ") and "has an affiliation with a known institution" in lines[-1]
    assert "Traceback" not in result.output and not (tmp_path / "g.graphml").exists()


def test_level_of_a_graph_file_is_refused(tmp_path: Path) -> None:
    run("graph", str(FIXTURE), "-o", str(tmp_path / "a.graphml"))
    result = run("analyze", str(tmp_path / "a.graphml"), "--level", "country", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and "--level needs the records" in result.output


def test_unknown_level_is_a_usage_error(tmp_path: Path) -> None:
    result = run("graph", str(FIXTURE), "--level", "city", "-o", str(tmp_path / "g.graphml"))
    assert result.exit_code == 2 and "'city' is not one of" in result.output


def test_records_carry_the_affiliations() -> None:
    import csv
    import io
    import json

    lines = CliRunner().invoke(main, ["records", str(FIXTURE), "--format", "jsonl", "-q"]).stdout.splitlines()
    third = json.loads(lines[2])
    assert [[a["country"] for a in g] for g in third["author_affiliations"]] == [["NO"], ["CH"], ["DE"]]
    text = CliRunner().invoke(main, ["records", str(FIXTURE), "--format", "csv", "-q"]).stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[2]["author_affiliations"] == "Univ Oslo (NO) | CERN (CH) | Tech Univ Munich (DE)"
    assert rows[3]["author_affiliations"] == ""


def test_level_is_refused_on_spark(tmp_path: Path) -> None:
    result = run("analyze", str(FIXTURE), "--level", "country", "--engine", "spark", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and "--level 'country' runs on one machine" in result.output


def test_network_figure_names_the_level() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from coauthor.graph.filters import GraphOptions
    from coauthor.pipeline import analyze
    from coauthor.plot.network import plot_network

    result = analyze([FIXTURE], graph_options=GraphOptions(level="country"))
    ax = plot_network(result.graph, result.centrality, result.communities, plt.figure().gca())
    assert ax.get_title() == "Collaboration network: 3 countries, 3 collaboration links"
    assert all("countr" in text.get_text() for text in ax.get_legend().get_texts())
    plt.close("all")


def test_pages_and_figures_at_a_level_name_their_nodes(tmp_path: Path) -> None:
    """Titles, the community list and the map's status line say institutions,
    not authors, when the nodes are institutions."""
    import json
    import re

    page = run("html", str(FIXTURE), "--level", "institution", "-o", str(tmp_path / "m.html"))
    text = (tmp_path / "m.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="coauthor-data">(.*?)</script>', text).group(1))
    assert data["nodes_word"] == "institutions"
    assert all(" institutions, led by " in c["label"] for c in data["communities"])
    assert "authors" not in re.search(r"<title>(.*?)</title>", text).group(1)
    assert page.output.count("Map of 3 institutions written to") == 1
    for kind in ("centrality", "degree", "overlay"):
        plotted = run("plot", kind, str(FIXTURE), "--level", "institution", "-o", str(tmp_path / f"{kind}.svg"))
        assert plotted.exit_code == 0, plotted.output
        svg = (tmp_path / f"{kind}.svg").read_text(encoding="utf-8")
        assert "institutions" in svg and " authors" not in svg.split("Data: ")[0], kind
