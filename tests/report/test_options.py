"""The options on a real bibliography (TUGboat, 4,839 papers 1980-2022):
an empty selection is one error and writes nothing, and every table and
figure of a filtered run describes the filtered graph. Expected values come
from the raw BibTeX (regular expressions) or from networkx over the
authorship table, never from the code under test."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner, Result

from coauthor.cli import main
from coauthor.readers import ReadOptions, read_inputs
from coauthor.resolve import authorship_table


def run(*args: str) -> Result:
    return CliRunner().invoke(main, [*args, "-q"])


@pytest.fixture(scope="module")
def tugboat(shared_data: Path) -> Path:
    return shared_data / "bibtex" / "tugboat.bib"


@pytest.fixture(scope="module")
def tugboat_authorships(tugboat: Path) -> pd.DataFrame:
    papers, _ = read_inputs([tugboat], ReadOptions(2026))
    return authorship_table(papers)


def raw_years(path: Path) -> list[int]:
    """The year field of every entry, read from the raw file."""
    text = path.read_text(encoding="utf-8", errors="replace")
    return [int(y) for y in re.findall(r'^\s*year\s*=\s*"(\d{4})"', text, flags=re.M | re.I)]


# --- an empty selection: one error naming the option, nothing written ---------------------


def test_years_outside_the_data_is_one_error_and_writes_nothing(tugboat: Path, tmp_path: Path) -> None:
    years = raw_years(tugboat)
    assert len(years) == 4839
    expected = f"Error: --years 2030-2040: no paper in 2030-2040 (the papers span {min(years)}-{max(years)})\n"
    report = run("report", str(tugboat), "--years", "2030-2040", "-o", str(tmp_path / "report"))
    assert (report.exit_code, report.output) == (1, expected)
    assert not (tmp_path / "report").exists()
    graph = run("graph", str(tugboat), "--years", "2030-2040", "-o", str(tmp_path / "g.graphml"))
    assert (graph.exit_code, graph.output) == (1, expected)
    assert not (tmp_path / "g.graphml").exists()


def test_min_papers_above_every_author_is_one_error(
    tugboat: Path, tugboat_authorships: pd.DataFrame, tmp_path: Path
) -> None:
    text = tugboat.read_text(encoding="utf-8", errors="replace")
    anonymous = len(re.findall(r'^\s*author\s*=\s*"Anonymous"', text, flags=re.M))
    assert anonymous == 1699  # the most frequent name, but no person: not an author
    assert "anonymous" not in set(tugboat_authorships["author_id"])
    most = tugboat_authorships.groupby("author_id")["paper_id"].nunique().max()
    assert most == 174
    result = run("analyze", str(tugboat), "--min-papers", "5000", "-o", str(tmp_path / "tables"))
    assert result.exit_code == 1
    assert (
        result.output
        == f"Error: --min-papers 5000: no author has that many papers (the most by one author is {most})\n"
    )
    assert not (tmp_path / "tables").exists()


def test_min_papers_50_keeps_exactly_the_prolific_authors(
    tugboat: Path, tugboat_authorships: pd.DataFrame, tmp_path: Path
) -> None:
    papers_per_author = tugboat_authorships.groupby("author_id")["paper_id"].nunique()
    prolific = set(papers_per_author[papers_per_author >= 50].index)
    assert len(prolific) == 5  # Anonymous, on 1,699 entries, is no author
    result = run("analyze", str(tugboat), "--min-papers", "50", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert set(pd.read_csv(tmp_path / "centrality.csv")["author_id"]) == prolific
    assert set(pd.read_csv(tmp_path / "author_timeline.csv")["author_id"]) == prolific
    years = pd.read_csv(tmp_path / "timeline.csv").set_index("year")
    mine = tugboat_authorships[tugboat_authorships["author_id"].isin(prolific)]
    assert years["papers"].to_dict() == mine.groupby("year")["paper_id"].nunique().to_dict()


# --- a filtered run: every table and figure describes the filtered graph ------------------


def largest_component(authorships: pd.DataFrame, max_authors: int = 50) -> set[str]:
    """The largest connected component of the co-authorship graph, by networkx."""
    graph = nx.Graph()
    graph.add_nodes_from(authorships["author_id"])
    for _, group in authorships.groupby("paper_id"):
        authors = sorted(set(group["author_id"]))
        if len(authors) <= max_authors:
            graph.add_edges_from(itertools.combinations(authors, 2))
    return max(nx.connected_components(graph), key=len)


@pytest.fixture(scope="module")
def largest_report(tugboat: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("largest") / "report"
    result = run("report", str(tugboat), "--largest-component", "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def test_largest_component_tables_describe_its_authors(largest_report: Path, tugboat_authorships: pd.DataFrame) -> None:
    component = largest_component(tugboat_authorships)
    assert len(component) == 241  # Leyla and Leila Akhmadeeva are one person (variant-given-typo, co-author Veytsman)
    assert set(pd.read_csv(largest_report / "centrality.csv")["author_id"]) == component
    people = pd.read_csv(largest_report / "author_timeline.csv")
    assert set(people["author_id"]) == component
    mine = tugboat_authorships[tugboat_authorships["author_id"].isin(component)]
    per_author_year = mine.groupby(["author_id", "year"])["paper_id"].nunique()
    assert people.set_index(["author_id", "year"])["papers"].to_dict() == per_author_year.to_dict()
    years = pd.read_csv(largest_report / "timeline.csv").set_index("year")
    assert list(years.index) == sorted(mine["year"].unique())  # no year of the component dropped
    assert years["papers"].to_dict() == mine.groupby("year")["paper_id"].nunique().to_dict()
    assert years["active_authors"].to_dict() == mine.groupby("year")["author_id"].nunique().to_dict()
    first_year = mine.groupby("author_id")["year"].min()
    assert years["new_authors"].to_dict() == first_year.value_counts().reindex(years.index, fill_value=0).to_dict()
    assert years["authors_total"].iloc[-1] == len(component)
    assert years["largest_component_share"].iloc[-1] == 1.0
    tracked = pd.read_csv(largest_report / "communities_over_time.csv")
    names = set(pd.read_csv(largest_report / "centrality.csv")["name"])
    born = tracked[tracked["event"] != "death"]
    assert set(born["top_author"]) <= names
    assert born.groupby("slice")["size"].sum().max() <= len(component)


def test_largest_component_heat_map_shows_only_its_authors(tugboat: Path, tugboat_authorships: pd.DataFrame) -> None:
    from coauthor.filters import GraphOptions
    from coauthor.pipeline import analyze
    from coauthor.plot.kinds import draw_figure

    result = analyze([tugboat], ReadOptions(2026), GraphOptions(largest_component=True))
    component = largest_component(tugboat_authorships)
    names = {result.graph.nodes[a]["name"] for a in component}
    heat = draw_figure("timeline", result).axes[1]
    shown = [t.get_text() for t in heat.get_yticklabels()]
    assert len(shown) == 15 and set(shown) <= names
    papers = Counter(tugboat_authorships.loc[tugboat_authorships["author_id"].isin(component), "author_id"])
    top = sorted(component, key=lambda a: (-papers[a], result.graph.nodes[a]["name"]))[0]
    assert shown[0] == result.graph.nodes[top]["name"]


# --- one name per table ----------------------------------------------------------------------


def test_analyze_and_report_name_the_tables_as_the_readme(seeds: Path, tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    tables = set(re.findall(r"^\| `report/([a-z_]+\.csv)` \|", readme, flags=re.M))
    assert tables == {"centrality.csv", "communities.csv", "timeline.csv", "author_timeline.csv",
                      "communities_over_time.csv", "indicators.csv", "indicators_by_year.csv"}  # fmt: skip
    year = ("--undated-year", "2026")
    analysed = run("analyze", str(seeds), "-o", str(tmp_path / "a"), *year)
    reported = run("report", str(seeds), "-o", str(tmp_path / "r"), *year)
    assert analysed.exit_code == reported.exit_code == 0
    old = {"timeline_years.csv": "timeline.csv", "timeline_authors.csv": "author_timeline.csv"}
    assert {p.name for p in (tmp_path / "a").iterdir()} == tables | set(old)
    for name in tables:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "r" / name).read_bytes(), name
    for name, new in old.items():  # the old names, kept for one release, are the same tables
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "a" / new).read_bytes()
        assert f"  {name} (the old name of {new}, written until 0.2)" in analysed.output


# --- figures of bounded size ---------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


@pytest.fixture(scope="module")
def tugboat_graph(tugboat: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    graph = tmp_path_factory.mktemp("graph") / "tugboat.graphml"
    assert run("graph", str(tugboat), "-o", str(graph)).exit_code == 0
    return graph


def test_timeline_of_a_graph_file_has_a_bounded_size(tugboat_graph: Path, tmp_path: Path) -> None:
    figure = tmp_path / "timeline.png"
    result = run("plot", "timeline", str(tugboat_graph), "-o", str(figure))
    assert result.exit_code == 0, result.output
    width, height = png_size(figure)
    assert width <= 11 * 150 * 1.5 and height <= 13 * 150 * 1.5  # was 60,220 x 1,698


def test_timeline_caps_years_and_rows_and_says_so(tmp_path: Path) -> None:
    rows = ["title,year,authors", "A stray old record,1066,Old Scribe; Ana Lima"]
    families = ["Costa", "Dias", "Reis", "Rocha", "Silva", "Santos", "Pereira", "Ferreira"]
    given = ["Bruno", "Carla", "Diego", "Eva", "Fabio", "Gil", "Helena", "Ines"]
    people = [f"{g} {f}" for f in families for g in given][:62]
    rows += [f"Paper {n},{1990 + n // 2},Ana Lima; {name}" for n, name in enumerate(people)]
    source = tmp_path / "papers.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    from coauthor.pipeline import analyze
    from coauthor.plot.kinds import PlotOptions, draw_figure

    result = analyze([source], ReadOptions(2026))
    fig = draw_figure("timeline", result, PlotOptions(top_labels=200))
    bars, heat, growth = fig.axes[:3]
    assert bars.get_xlim() == pytest.approx((1989.4, 2020.6))  # the last 60 years hold 1990-2020, not 1066
    assert len(heat.get_yticklabels()) == 25  # at most 25 rows, whatever --top-labels asks
    assert heat.get_title() == "Activity of the 25 authors with the most papers (of 63)"  # Old Scribe: 1066 only
    captions = [t.get_text() for t in growth.texts]
    assert any(c.startswith("Only the last 60 years shown (1 paper of earlier years left out).") for c in captions)
    figure = tmp_path / "timeline.png"
    assert run("plot", "timeline", str(source), "-o", str(figure), "--top-labels", "200").exit_code == 0
    width, height = png_size(figure)
    assert width <= 11 * 150 * 1.5 and height <= 13 * 150 * 1.5


# --- the ego figure: the count it prints is what it draws, every ring is labelled -----------


def test_ego_says_how_many_authors_it_draws(tugboat_graph: Path, tmp_path: Path) -> None:
    graph = nx.read_graphml(tugboat_graph)
    centre = "frank-mittelbach"
    co_authors = graph.degree(centre)
    assert co_authors > 60  # more than one ring holds (60): the figure draws the 60 most central
    result = CliRunner().invoke(main, ["plot", "ego", str(tugboat_graph), "--author", "Frank Mittelbach",
                                       "-o", str(tmp_path / "ego.png")])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        result.output
        == f"ego figure showing 61 of {graph.number_of_nodes():,} authors written to {tmp_path / 'ego.png'}\n"
    )


def test_ego_with_two_hops_labels_the_outer_ring(tugboat_graph: Path) -> None:
    from coauthor.pipeline import analyze
    from coauthor.plot.kinds import PlotOptions, draw_figure

    graph = nx.read_graphml(tugboat_graph)
    distance = nx.single_source_shortest_path_length(graph, "frank-mittelbach", cutoff=2)
    outer = {graph.nodes[n]["name"] for n, d in distance.items() if d == 2}
    inner = {graph.nodes[n]["name"] for n, d in distance.items() if d == 1}
    result = analyze([tugboat_graph])
    ax = draw_figure("ego", result, PlotOptions(author="Frank Mittelbach", hops=2)).axes[0]
    labels = {t.get_text() for t in ax.texts}
    assert labels & outer and labels & inner
