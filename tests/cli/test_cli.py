"""End-to-end: the CLI on the seeds and on bad input, through click's CliRunner."""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from pathlib import Path

import igraph
import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner, Result

from coauthor import __version__
from coauthor.cli import main

YEAR = ["--undated-year", "2026"]
README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
#: What the README promises a report holds: its table of files, one figure per kind it names.
REPORT_FILES = [
    *re.findall(r"^\| `report/([\w.]+)` \|", README, flags=re.M),
    *(f"figures/{kind}.png" for kind in re.findall(r"`([a-z-]+)`", README.split("Kinds: ")[1].split(". ")[0])),
]
RECORD_KEYS = {
    "id",
    "title",
    "authors",
    "inferred_authors",
    "authors_truncated",
    "year",
    "month",
    "day",
    "year_inferred",
    "category",
    "has_code",
    "score",
    "affiliation",
    "abstract",
    "source",
}


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = run("report", "seeds", "-o", str(out), *YEAR)
    assert result.exit_code == 0, result.output
    return out


def test_version_and_help_on_every_command() -> None:
    assert run("--version").output.strip() == f"coauthor, version {__version__}"
    for name, command in main.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0
        assert command.help and command.help.split()[0] in result.output


def test_inspect_json_accounts_for_every_record(seeds: Path) -> None:
    result = run("inspect", str(seeds), "--json", *YEAR)
    assert result.exit_code == 0
    reports = json.loads(result.output)
    assert [Path(r["file"]).name for r in reports] == sorted(p.name for p in seeds.iterdir())
    assert {r["format"] for r in reports} == {"profile-lines", "profile-blocks", "abstracts"}
    for r in reports:
        assert set(r) >= {"file", "format", "read", "used", "merged", "skipped"}
        assert r["read"] == r["used"] + r["merged"] + sum(r["skipped"].values())
    assert sum(r["read"] for r in reports) == 37 + 10 + 28


def test_records_jsonl(seeds: Path) -> None:
    result = run("records", str(seeds), *YEAR)
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 65
    assert all(RECORD_KEYS <= set(r) for r in records)
    assert len({r["id"] for r in records}) == 65
    assert all("et al" not in " ".join(r["authors"]) for r in records)
    inferred = [r for r in records if r["inferred_authors"]]
    assert inferred and all(r["authors_truncated"] for r in inferred)
    undated = [r for r in records if r["year_inferred"]]
    assert undated and {r["year"] for r in undated} == {2026}
    assert all(r["source"].split(":")[-1].isdigit() for r in records)


def test_records_csv_to_file(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.csv"
    result = run("records", str(seeds), "--format", "csv", "-o", str(out), *YEAR)
    assert result.exit_code == 0
    table = pd.read_csv(out)
    assert len(table) == 65 and {"id", "title", "authors", "year"} <= set(table.columns)
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


def test_report_writes_every_file(seed_report: Path) -> None:
    assert len(REPORT_FILES) == 17  # 10 files of the README's table, 7 figure kinds
    for name in (*REPORT_FILES, "graph.gexf", "vosviewer/map.txt", "vosviewer/network.txt"):
        assert (seed_report / name).stat().st_size > 0, name
    assert nx.read_gexf(seed_report / "graph.gexf").number_of_nodes() == 92
    vos_map = pd.read_csv(seed_report / "vosviewer" / "map.txt", sep="\t")
    assert len(vos_map) == 92 and {"id", "label", "cluster"} <= set(vos_map.columns)
    for name in ("network", "timeline", "centrality"):
        assert (seed_report / "figures" / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_graph_matches_the_records(seed_report: Path, seeds: Path) -> None:
    """Edge weights = joint papers counted independently from `coauthor records`."""
    records = [json.loads(line) for line in run("records", str(seeds), *YEAR).output.splitlines()]
    joint: Counter[tuple[str, str]] = Counter()
    for r in records:  # the seeds spell every author one way: the names as written are the authors
        names = sorted(set(r["authors"] + r["inferred_authors"]))
        joint.update(itertools.combinations(names, 2))
    graph = nx.read_graphml(seed_report / "graph.graphml")
    name = dict(graph.nodes(data="name"))
    assert graph.number_of_edges() == len(joint)
    assert {tuple(sorted((name[u], name[v]))): d["weight"] for u, v, d in graph.edges(data=True)} == dict(joint)
    papers = Counter(n for r in records for n in set(r["authors"] + r["inferred_authors"]))
    assert {name[n]: d["papers"] for n, d in graph.nodes(data=True)} == dict(papers)
    assert graph.nodes["zhenyi-wang"]["name"] == "Zhenyi Wang"
    assert graph.graph["coauthor_version"] == __version__


def test_report_graphml_opens_in_igraph(seed_report: Path) -> None:
    reference = nx.read_graphml(seed_report / "graph.graphml")
    graph = igraph.Graph.Read_GraphML(str(seed_report / "graph.graphml"))
    assert (graph.vcount(), graph.ecount()) == (reference.number_of_nodes(), reference.number_of_edges())
    assert set(graph.vs["name"]) == {d["name"] for _, d in reference.nodes(data=True)}
    assert sum(graph.es["weight"]) == sum(d["weight"] for *_, d in reference.edges(data=True))


def test_report_tables(seed_report: Path) -> None:
    central = pd.read_csv(seed_report / "centrality.csv")
    assert list(central.columns[:2]) == ["author_id", "name"]
    assert central["pagerank"].is_monotonic_decreasing
    assert central["pagerank"].sum() == pytest.approx(1.0)
    assert central["name"].iloc[0] in {"Zhenyi Wang", "Chongyang Gao"}  # the two page owners lead
    groups = pd.read_csv(seed_report / "communities.csv")
    assert set(groups["author_id"]) == set(central["author_id"])
    assert (groups.groupby("community").size() == groups.groupby("community")["community_size"].first()).all()
    years = pd.read_csv(seed_report / "timeline.csv")
    assert years["papers"].sum() == 65
    assert years["new_authors"].sum() == len(central)
    assert years["collaborations_total"].iloc[-1] == nx.read_graphml(seed_report / "graph.graphml").number_of_edges()


def test_report_summary_and_determinism(seed_report: Path, tmp_path: Path) -> None:
    result = run("report", "seeds", "-o", str(tmp_path), *YEAR)
    assert "Authors: 92" in result.output
    assert "Top authors (PageRank): Zhenyi Wang, Chongyang Gao" in result.output
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert written == sorted(p.relative_to(seed_report) for p in seed_report.rglob("*") if p.is_file())
    for name in written:  # every file, not only the listed ones
        assert (tmp_path / name).read_bytes() == (seed_report / name).read_bytes(), name


def test_graph_command(tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    assert run("graph", "seeds", "-o", str(out), *YEAR).exit_code == 0
    graph = nx.read_graphml(out)
    assert {"pagerank", "community", "betweenness"} <= set(graph.nodes["li-shen"])
    bad = run("graph", "seeds", "-o", str(tmp_path / "g.xyz"), *YEAR)
    assert bad.exit_code == 1 and "unknown graph format '.xyz'" in bad.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"just some words\nand more\n", ":1: unknown input format"),
        (b"\xff\xfe\x00garbage\x00" * 10, ":1: unknown input format"),
    ],
)
def test_bad_input_is_one_line_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    for command in ("inspect", "records", "report"):
        extra = ["-o", str(tmp_path / "out")] if command == "report" else []
        result = CliRunner().invoke(main, [command, str(path), *extra])
        assert result.exit_code == 1
        assert result.output.count("\n") == 1 and result.output.startswith("Error: ")
        assert message in result.output and str(path) in result.output
        assert not (tmp_path / "out").exists()


def test_missing_file_is_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["inspect", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_partly_bad_file_counts_skips(test_data: Path) -> None:
    result = run("inspect", str(test_data / "profile"), *YEAR)
    assert "skipped 1: meta line not understood" in result.output
    assert "skipped 1: title and authors could not be split" in result.output


def test_inspect_errors_lists_file_and_line(test_data: Path) -> None:
    result = run("inspect", str(test_data / "profile"), "--errors", "--json", *YEAR)
    errors = {e[0].rsplit("/", 1)[-1]: e[1] for r in json.loads(result.output) for e in r["errors"]}
    assert errors == {
        "blocks_hard.txt:25": "author line not understood",
        "lines_hard.txt:10": "meta line not understood",
        "lines_hard.txt:13": "title and authors could not be split",
    }


def test_forced_format_must_fit(seeds: Path) -> None:
    abstracts = str(seeds / "001_7e7f3217be61904a.txt")
    result = CliRunner().invoke(main, ["inspect", abstracts, "--format", "profile"])
    assert result.exit_code == 1
    assert result.output == f"Error: {abstracts}:1: not profile input (the format forced with --input-format)\n"
    forced = run("records", abstracts, "--input-format", "abstracts")
    assert forced.exit_code == 0 and forced.output == ""  # abstract-only entries make no paper


def test_analyze_graphml_equals_analyze_records(tmp_path: Path) -> None:
    graph_file = tmp_path / "g.graphml"
    assert run("graph", "seeds", "-o", str(graph_file), *YEAR).exit_code == 0
    from_records = run("analyze", "seeds", "-o", str(tmp_path / "a"), *YEAR)
    from_graph = run("analyze", str(graph_file), "-o", str(tmp_path / "b"))
    assert from_records.exit_code == from_graph.exit_code == 0
    for name in ("centrality.csv", "communities.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    years_a = pd.read_csv(tmp_path / "a" / "timeline.csv")
    years_b = pd.read_csv(tmp_path / "b" / "timeline.csv")
    same = ["year", "new_authors", "new_collaborations", "authors_total", "largest_component_share"]
    pd.testing.assert_frame_equal(years_a[same], years_b[same])


def test_graph_filters_from_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "ego.graphml"
    result = run("graph", "seeds", "-o", str(out), "--ego", "Li Shen", "--weight", "fractional", *YEAR)
    assert result.exit_code == 0
    graph = nx.read_graphml(out)
    assert "li-shen" in graph and all(graph.has_edge("li-shen", n) for n in graph if n != "li-shen")
    assert graph.graph["filter_ego"] == "Li Shen" and graph.graph["weight"] == "fractional"
    bad = CliRunner().invoke(main, ["graph", "seeds", "-o", str(out), "--ego", "Li Shenn", *YEAR])
    assert bad.exit_code == 1 and "did you mean Li Shen" in bad.output
    years = CliRunner().invoke(main, ["graph", "seeds", "-o", str(out), "--years", "2020-2019", *YEAR])
    assert years.exit_code == 1 and years.output.startswith("Error: --years '2020-2019'")


def test_sensitivity_command(tmp_path: Path) -> None:
    result = run("sensitivity", "seeds", "-o", str(tmp_path), "--resolutions", "1,2", "--top-k", "5", *YEAR)
    assert result.exit_code == 0
    assert "Top-5 authors by PageRank" in result.output
    assert len(pd.read_csv(tmp_path / "partitions.csv")) == 10


def test_report_index_shows_everything(seed_report: Path) -> None:
    page = (seed_report / "index.html").read_text(encoding="utf-8")
    for figure in (seed_report / "figures").glob("*.png"):
        assert f'src="figures/{figure.name}"' in page
    assert 'href="map.html"' in page and 'href="graph.graphml"' in page and 'href="vosviewer/map.txt"' in page
    assert "<td>Zhenyi Wang</td>" in page and "http" not in page.split("<body>")[1]
    assert "56 papers list only some authors" in page  # what the data cannot say, counted


def test_report_of_a_graph_from_another_program(tmp_path: Path) -> None:
    """networkx's karate club (34 members, 78 ties, no years, no papers) as
    GraphML: the report writes what such a graph can give, names each figure
    it cannot draw with the reason (in the summary and on index.html), and
    records this run's analysis options on the graph it writes."""
    source = tmp_path / "karate.graphml"
    nx.write_graphml(nx.karate_club_graph(), source)
    out = tmp_path / "report"
    result = run("report", str(source), "-o", str(out), "--seed", "7")
    assert result.exit_code == 0, result.output
    missing = ["figures/overlay.png", "figures/timeline.png", "figures/communities-over-time.png"]
    for name in missing:
        assert f"Not written: {name}: " in result.output
        assert not (out / name).exists()
        assert f"Not drawn: {name}" in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "figures" / "network.png").exists() and not (out / ".incomplete").exists()
    written = nx.read_graphml(out / "graph.graphml")
    assert (written.number_of_nodes(), written.number_of_edges()) == (34, 78)
    assert (written.graph["community_method"], written.graph["seed"]) == ("leiden", 7)
    assert written.graph["name"] == "Zachary's Karate Club"  # the file's own attributes stay


def test_analyze_a_gexf_from_gephi_or_networkx(tmp_path: Path) -> None:
    """A GEXF graph is analysed as a GraphML one (the karate club: 34
    members, 78 ties, PageRank as networkx computes it); a negative weight is
    a one-line error naming the file and the edge."""
    graph = nx.karate_club_graph()
    source = tmp_path / "karate.gexf"
    nx.write_gexf(graph, source)
    result = run("analyze", str(source), "-o", str(tmp_path / "tables"))
    assert result.exit_code == 0, result.output
    table = pd.read_csv(tmp_path / "tables" / "centrality.csv", index_col="author_id")
    assert len(table) == 34 and table["degree"].sum() == 2 * 78
    expected = nx.pagerank(graph, alpha=0.85, weight="weight", tol=1e-12)
    for node, rank in expected.items():
        assert table.loc[node, "pagerank"] == pytest.approx(rank, abs=1e-6)
    graph.edges[0, 1]["weight"] = -2.0
    nx.write_gexf(graph, source)
    bad = CliRunner().invoke(main, ["analyze", str(source), "-o", str(tmp_path / "bad")])
    assert bad.exit_code == 1 and bad.output.count("\n") == 1
    assert bad.output.startswith(f"Error: {source}: edge ") and "not a finite number >= 0" in bad.output
