"""Every option of graph, analyze, report, plot, html and sensitivity
changes the output as it says, and the GraphML records it.

The options of the graph-building commands are declared once
(``coauthor.cli_options``) and handed to every command as one job, so each
is checked where its effect is plainest (``graph``'s GraphML), and each
command is checked to pass the job on. Expected values come from networkx
or pandas over the authorship table of the seeds (the name resolution,
which these options do not touch), or from the records themselves.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner, Result

from coauthor.cli import main
from coauthor.readers import ReadOptions, read_inputs
from coauthor.resolve import authorship_table

YEAR = ("--undated-year", "2026")
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, [*args, "-q"])


@pytest.fixture(scope="module")
def authorships() -> pd.DataFrame:
    papers, _ = read_inputs([SEEDS], ReadOptions(2026))
    return authorship_table(papers)


def reference(authorships: pd.DataFrame, max_authors: int = 50) -> nx.Graph:
    """The co-authorship graph by hand: papers per author, joint papers
    (``papers``) and Newman's fractional count (``fractional``) per pair."""
    graph = nx.Graph()
    for author, group in authorships.groupby("author_id"):
        graph.add_node(author, papers=group["paper_id"].nunique())
    for _, group in authorships.groupby("paper_id"):
        authors = sorted(set(group["author_id"]))
        if max_authors and len(authors) > max_authors:
            continue
        for u, v in itertools.combinations(authors, 2):
            data = graph.edges[u, v] if graph.has_edge(u, v) else {"papers": 0, "fractional": 0.0}
            graph.add_edge(u, v, papers=data["papers"] + 1, fractional=data["fractional"] + 1 / (len(authors) - 1))
    return graph


def graph_of(tmp_path: Path, seeds: Path, *options: str) -> nx.Graph:
    out = tmp_path / f"g{len(list(tmp_path.iterdir()))}.graphml"
    result = run("graph", str(seeds), "-o", str(out), *YEAR, *options)
    assert result.exit_code == 0, result.output
    return nx.read_graphml(out)


# --- graph: weighting, author cap, filters ---------------------------------------------------


def test_weight_options(tmp_path: Path, seeds: Path, authorships: pd.DataFrame) -> None:
    truth = reference(authorships)
    for weight, expected in (
        ("full", lambda u, v, d: d["papers"]),
        ("fractional", lambda u, v, d: d["fractional"]),
        ("association", lambda u, v, d: d["papers"] / (truth.nodes[u]["papers"] * truth.nodes[v]["papers"])),
        ("jaccard", lambda u, v, d: d["papers"] / (truth.nodes[u]["papers"] + truth.nodes[v]["papers"] - d["papers"])),
        ("salton", lambda u, v, d: d["papers"] / math.sqrt(truth.nodes[u]["papers"] * truth.nodes[v]["papers"])),
    ):
        graph = graph_of(tmp_path, seeds, "--weight", weight)
        assert graph.graph["weight"] == weight
        assert graph.number_of_edges() == truth.number_of_edges()
        for u, v, d in truth.edges(data=True):
            assert graph.edges[u, v]["weight"] == pytest.approx(expected(u, v, d)), (weight, u, v)


def test_max_authors(tmp_path: Path, seeds: Path, authorships: pd.DataFrame) -> None:
    sizes = authorships.groupby("paper_id")["author_id"].nunique()
    graph = graph_of(tmp_path, seeds, "--max-authors", "3")
    assert graph.graph["max_authors"] == 3
    assert graph.graph["papers_over_author_cap"] == (sizes > 3).sum() == 14
    truth = reference(authorships, max_authors=3)
    assert {tuple(sorted(e)) for e in graph.edges} == {tuple(sorted(e)) for e in truth.edges}
    assert dict(graph.nodes(data="papers")) == dict(truth.nodes(data="papers"))  # capped papers still count


def test_years(tmp_path: Path, seeds: Path, authorships: pd.DataFrame) -> None:
    graph = graph_of(tmp_path, seeds, "--years", "2023-2024")
    window = authorships[authorships["year"].between(2023, 2024)]
    assert graph.graph["filter_years"] == "2023-2024"
    assert graph.graph["papers"] == window["paper_id"].nunique() == 23
    assert dict(graph.nodes(data="papers")) == window.groupby("author_id")["paper_id"].nunique().to_dict()


def test_min_papers_and_min_weight(tmp_path: Path, seeds: Path, authorships: pd.DataFrame) -> None:
    truth = reference(authorships)
    graph = graph_of(tmp_path, seeds, "--min-papers", "3")
    assert graph.graph["filter_min_papers"] == 3
    assert set(graph) == {n for n, p in truth.nodes(data="papers") if p >= 3}
    graph = graph_of(tmp_path, seeds, "--min-weight", "2")
    assert graph.graph["filter_min_weight"] == 2.0
    assert {tuple(sorted(e)) for e in graph.edges} == {
        tuple(sorted((u, v))) for u, v, c in truth.edges(data="papers") if c >= 2
    }
    assert set(graph) == set(truth)  # authors stay, as isolated nodes


def test_top_and_top_by(tmp_path: Path, seeds: Path, authorships: pd.DataFrame) -> None:
    truth = reference(authorships)
    by_papers = sorted(truth, key=lambda n: (-truth.nodes[n]["papers"], n))[:10]
    graph = graph_of(tmp_path, seeds, "--top", "10")
    assert (graph.graph["filter_top"], graph.graph["filter_top_by"]) == (10, "papers")
    assert set(graph) == set(by_papers)
    rank = nx.pagerank(nx.Graph([(u, v, {"weight": c}) for u, v, c in truth.edges(data="papers")]), weight="weight")
    rank.update({n: 0.0 for n in truth if n not in rank})
    graph = graph_of(tmp_path, seeds, "--top", "10", "--top-by", "pagerank")
    assert graph.graph["filter_top_by"] == "pagerank"
    assert set(graph) == set(sorted(rank, key=lambda n: -rank[n])[:10]) != set(by_papers)


def test_largest_component_ego_hops_focus(tmp_path: Path, seeds: Path, authorships: pd.DataFrame) -> None:
    truth = reference(authorships)
    graph = graph_of(tmp_path, seeds, "--largest-component")
    assert graph.graph["filter_largest_component"] is True
    assert set(graph) == max(nx.connected_components(truth), key=len)
    graph = graph_of(tmp_path, seeds, "--ego", "Li Shen")
    assert graph.graph["filter_ego"] == "Li Shen"
    assert set(graph) == set(nx.single_source_shortest_path_length(truth, "li-shen", cutoff=1))
    graph = graph_of(tmp_path, seeds, "--ego", "li-shen", "--hops", "2")
    assert graph.graph["filter_hops"] == 2
    assert set(graph) == set(nx.single_source_shortest_path_length(truth, "li-shen", cutoff=2))
    focus = tmp_path / "focus.txt"
    focus.write_text("# two authors\nLi Shen\nzixuan-hu\n", encoding="utf-8")
    graph = graph_of(tmp_path, seeds, "--focus", str(focus))
    assert set(graph) == {"li-shen", "zixuan-hu"} and graph.has_edge("li-shen", "zixuan-hu")
    graph = graph_of(tmp_path, seeds, "--focus", str(focus), "--hops", "1")
    assert set(graph) == set(truth["li-shen"]) | set(truth["zixuan-hu"]) | {"li-shen", "zixuan-hu"}


def test_resolve_and_aliases(tmp_path: Path, seeds: Path, authorships: pd.DataFrame) -> None:
    papers = tmp_path / "names.csv"
    papers.write_text(
        "title,year,authors\nOne,2020,Robert Chen; Ann Lee\nTwo,2021,Bob Chen; Ann Lee\n"
        "Three,2022,R. Chen; Ann Lee\nFour,2022,José Díaz; Ann Lee\nFive,2023,Jose Diaz; Ann Lee\n",
        encoding="utf-8",
    )
    kept = {}
    for mode in ("default", "strict", "off"):
        graph = graph_of(tmp_path, papers, "--resolve", mode)
        assert graph.graph["name_resolution"] == mode
        kept[mode] = sorted(graph.nodes[n]["name"] for n in graph)
    # off: every spelling is an author; strict: equal names once folded; default: also nicknames (Bob = Robert)
    assert kept["off"] == ["Ann Lee", "Bob Chen", "Jose Diaz", "José Díaz", "R. Chen", "Robert Chen"]
    assert len(kept["strict"]) == 5 and "Bob Chen" in kept["strict"]
    assert len(kept["default"]) == 4 and "Bob Chen" not in kept["default"]
    default = graph_of(tmp_path, seeds)
    aliases = tmp_path / "aliases.txt"
    aliases.write_text("label\treplace by\nZixuan Hu\tLi Shen\n", encoding="utf-8")
    merged = graph_of(tmp_path, seeds, "--aliases", str(aliases))
    assert merged.graph["aliases"] == str(aliases)
    assert set(default) - set(merged) == {"zixuan-hu"}
    both = set(authorships.loc[authorships["author_id"].isin(["li-shen", "zixuan-hu"]), "paper_id"])
    assert merged.nodes["li-shen"]["papers"] == len(both)


# --- graph: analysis options -----------------------------------------------------------------


def partition(graph: nx.Graph) -> set[frozenset[str]]:
    groups: dict[int, set[str]] = {}
    for node, community in graph.nodes(data="community"):
        groups.setdefault(community, set()).add(node)
    return {frozenset(g) for g in groups.values()}


def test_method_resolution_seed(tmp_path: Path, seeds: Path) -> None:
    leiden = graph_of(tmp_path, seeds)
    assert (leiden.graph["community_method"], leiden.graph["resolution"], leiden.graph["seed"]) == ("leiden", 1.0, 42)
    sync = graph_of(tmp_path, seeds, "--method", "label-propagation-sync")
    assert sync.graph["community_method"] == "label-propagation-sync"
    assert partition(sync) != partition(leiden)
    louvain = graph_of(tmp_path, seeds, "--method", "louvain")
    assert louvain.graph["community_method"] == "louvain"
    assert partition(louvain) not in (partition(leiden), partition(sync))
    coarse, fine = graph_of(tmp_path, seeds, "--resolution", "0.5"), graph_of(tmp_path, seeds, "--resolution", "2")
    assert coarse.graph["resolution"] == 0.5 and fine.graph["resolution"] == 2.0
    assert len(partition(coarse)) < len(partition(leiden)) < len(partition(fine))
    for graph in (coarse, leiden, fine):  # the modularity stored is that of the partition stored
        assert graph.graph["modularity"] == pytest.approx(nx.community.modularity(graph, partition(graph)))
    assert graph_of(tmp_path, seeds, "--seed", "7").graph["seed"] == 7


def test_distance_engine_slice(tmp_path: Path, seeds: Path) -> None:
    hops = graph_of(tmp_path, seeds)
    weighted = graph_of(
        tmp_path, seeds, "--distance", "inverse-weight", "--engine", "networkx", "--method", "louvain", "--slice", "3y"
    )
    assert (weighted.graph["distance"], weighted.graph["engine"], weighted.graph["slice_years"]) == (
        "inverse-weight", "networkx", 3)  # fmt: skip
    plain = nx.Graph(hops.edges)
    by_length = nx.Graph([(u, v, {"length": 1 / d["weight"]}) for u, v, d in hops.edges(data=True)])
    for node, value in nx.betweenness_centrality(plain).items():
        assert hops.nodes[node]["betweenness"] == pytest.approx(value, abs=1e-9)
    for node, value in nx.betweenness_centrality(by_length, weight="length").items():
        assert weighted.nodes[node]["betweenness"] == pytest.approx(value, abs=1e-9)
    assert any(hops.nodes[n]["betweenness"] != pytest.approx(weighted.nodes[n]["betweenness"]) for n in hops)


def test_reading_options(tmp_path: Path, seeds: Path) -> None:
    undated = graph_of(tmp_path, seeds, "--undated-year", "2030")
    assert undated.graph["undated_year"] == 2030
    assert max(y for _, y in undated.nodes(data="last_year")) == 2030  # 'Mar 5' dates: the year given
    table = tmp_path / "papers.txt"
    table.write_text("title,year,authors\nOne,2020,Ana Lima | Bruno Costa | Carla Dias\n", encoding="utf-8")
    out = tmp_path / "sep.graphml"
    result = run("graph", str(table), "-o", str(out), "--input-format", "csv", "--author-sep", "|")
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out)
    assert (graph.graph["input_format"], graph.graph["author_sep"]) == ("csv", "|")
    assert sorted(graph) == ["ana-lima", "bruno-costa", "carla-dias"] and graph.number_of_edges() == 3
    owner = graph_of(tmp_path, seeds, "--owner", "Li Shen")
    assert owner.graph["owner"] == "Li Shen"
    assert owner.nodes["li-shen"]["papers"] > graph_of(tmp_path, seeds).nodes["li-shen"]["papers"]


# --- seeds: another seed changes what is random, the same seed the same bytes --------------


@pytest.fixture(scope="module")
def random_papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """150 papers of 2-4 authors drawn from 120 people: a graph whose Leiden
    communities depend on the seed (the seeds' do not)."""
    import random

    rng = random.Random(3)
    families = ["Costa", "Dias", "Reis", "Rocha", "Silva", "Santos", "Pereira", "Ferreira", "Lima", "Gomes",
                "Ribeiro", "Martins"]  # fmt: skip
    given = ["Ana", "Bruno", "Carla", "Diego", "Eva", "Fabio", "Gil", "Helena", "Ines", "Joao"]
    people = [f"{g} {f}" for f in families for g in given]
    rows = [
        f"Paper {i},{2000 + rng.randint(0, 20)},{'; '.join(rng.sample(people, rng.randint(2, 4)))}" for i in range(150)
    ]
    path = tmp_path_factory.mktemp("random") / "papers.csv"
    path.write_text("title,year,authors\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_seed_changes_the_communities_and_the_same_seed_the_same_bytes(tmp_path: Path, random_papers: Path) -> None:
    from coauthor.analysis import communities

    runs = {}
    for name, options in (("default", ()), ("again", ()), ("explicit", ("--seed", "42")), ("seven", ("--seed", "7"))):
        out = tmp_path / f"{name}.graphml"
        assert run("graph", str(random_papers), "-o", str(out), *options).exit_code == 0
        runs[name] = out
    assert runs["default"].read_bytes() == runs["again"].read_bytes() == runs["explicit"].read_bytes()
    default, seven = nx.read_graphml(runs["default"]), nx.read_graphml(runs["seven"])
    assert partition(default) != partition(seven)
    # each is the partition that seed gives on this graph (the README: Leiden, seed 42 by default)
    for graph, seed in ((default, 42), (seven, 7)):
        found = communities(nx.Graph(graph), seed=seed)["community"].to_dict()
        assert found == dict(graph.nodes(data="community"))
    assert communities(nx.Graph(default))["community"].to_dict() == dict(default.nodes(data="community"))


# --- analyze, report, plot, html, sensitivity: the job and their own options ----------------


def test_analyze_takes_the_job(tmp_path: Path, seeds: Path, authorships: pd.DataFrame) -> None:
    result = run("analyze", str(seeds), "-o", str(tmp_path), *YEAR, "--min-papers", "3", "--slice", "3y")
    assert result.exit_code == 0, result.output
    papers = authorships.groupby("author_id")["paper_id"].nunique()
    assert set(pd.read_csv(tmp_path / "centrality.csv")["author_id"]) == set(papers[papers >= 3].index)
    slices = pd.read_csv(tmp_path / "communities_over_time.csv")
    assert set(slices["last_year"] - slices["first_year"]) == {2}
    assert slices["last_year"].max() == authorships["year"].max()


@pytest.fixture(scope="module")
def seed_analysis():  # type: ignore[no-untyped-def]
    from coauthor.pipeline import analyze

    return analyze([SEEDS], ReadOptions(2026))


FIGURE_OPTIONS = ("--size-by", "papers", "--top-labels", "5", "--label", "Yiren Jian", "--author", "Li Shen",
                  "--max-nodes", "40")  # fmt: skip


def test_plot_options_change_the_figure(tmp_path: Path, seeds: Path, seed_analysis, authorships) -> None:  # type: ignore[no-untyped-def]
    from coauthor.plot.kinds import PlotOptions, draw_figure, write_figure

    chosen = PlotOptions(size_by="papers", top_labels=5, labels=("Yiren Jian",), author="Li Shen", max_nodes=40)
    for kind in ("centrality", "network", "ego"):
        out = tmp_path / f"{kind}.png"
        result = CliRunner().invoke(main, ["plot", kind, str(seeds), "-o", str(out), *YEAR, *FIGURE_OPTIONS, "-q"])
        assert result.exit_code == 0, result.output
        library = write_figure(kind, seed_analysis, tmp_path / f"library-{kind}.png", chosen)
        default = write_figure(kind, seed_analysis, tmp_path / f"default-{kind}.png")
        assert out.read_bytes() == library.read_bytes() != default.read_bytes(), kind
    papers = authorships.groupby("author_id")["paper_id"].nunique()
    names = authorships.groupby("author_id")["author_name"].first()
    bars = draw_figure("centrality", seed_analysis, chosen).axes[0]
    top = sorted(papers.index, key=lambda a: (-papers[a], names[a]))[:5]
    assert [t.get_text() for t in bars.get_yticklabels()][::-1] == [names[a] for a in top]
    network = draw_figure("network", seed_analysis, chosen).axes[0]
    assert "Yiren Jian" in {t.get_text() for t in network.texts}
    ego = draw_figure("ego", seed_analysis, chosen).axes[0]
    assert ego.get_title().startswith("Ego network of Li Shen")
    message = CliRunner().invoke(main, ["plot", "network", str(seeds), "-o", str(tmp_path / "n.png"), *YEAR,
                                        "--max-nodes", "30", "-q"])  # fmt: skip
    assert message.output == f"network figure showing 30 of 92 authors written to {tmp_path / 'n.png'}\n"


def test_plot_seed_and_hops(tmp_path: Path, seeds: Path, authorships: pd.DataFrame) -> None:
    figures = {}
    for name, options in (("a", ()), ("b", ()), ("seven", ("--seed", "7"))):
        figures[name] = tmp_path / f"{name}.png"
        assert run("plot", "network", str(seeds), "-o", str(figures[name]), *YEAR, *options).exit_code == 0
    assert figures["a"].read_bytes() == figures["b"].read_bytes() != figures["seven"].read_bytes()
    truth = reference(authorships)
    within = nx.single_source_shortest_path_length(truth, "yiren-jian", cutoff=2)
    assert max(within.values()) == 2
    result = CliRunner().invoke(main, ["plot", "ego", str(seeds), "-o", str(tmp_path / "e.png"), *YEAR,
                                       "--author", "Yiren Jian", "--hops", "2", "-q"])  # fmt: skip
    assert result.output.startswith(f"ego figure showing {len(within)} of 92 authors")


def test_report_takes_the_figure_options(tmp_path: Path, seeds: Path) -> None:
    out = tmp_path / "report"
    result = run("report", str(seeds), "-o", str(out), *YEAR, *FIGURE_OPTIONS, "--export", "pajek")
    assert result.exit_code == 0, result.output
    for kind in ("centrality", "network", "ego"):
        alone = tmp_path / f"{kind}.png"
        assert run("plot", kind, str(seeds), "-o", str(alone), *YEAR, *FIGURE_OPTIONS).exit_code == 0
        assert (out / "figures" / f"{kind}.png").read_bytes() == alone.read_bytes(), kind
    assert (out / "graph.net").exists() and not (out / "graph.gexf").exists()
    meta = nx.read_graphml(out / "graph.graphml").graph
    assert {k: meta[k] for k in meta if k.startswith("figure_")} == {
        "figure_size_by": "papers", "figure_top_labels": 5, "figure_labels": "Yiren Jian",
        "figure_author": "Li Shen", "figure_max_nodes": 40,
    }  # fmt: skip


def embedded(page: Path) -> dict:  # type: ignore[type-arg]
    import json
    import re

    found = re.search(
        r'<script type="application/json" id="coauthor-data">(.*?)</script>', page.read_text("utf-8"), re.S
    )
    assert found
    return json.loads(found.group(1))


def test_html_options(tmp_path: Path, seeds: Path, authorships: pd.DataFrame) -> None:
    page = tmp_path / "map.html"
    assert run("html", str(seeds), "-o", str(page), *YEAR, "--size-by", "papers", "--max-nodes", "30").exit_code == 0
    nodes = embedded(page)["nodes"]
    assert len(nodes) == 30
    papers = authorships.groupby("author_id")["paper_id"].nunique()
    assert {n["key"] for n in nodes} == set(sorted(papers.index, key=lambda a: (-papers[a], a))[:30])
    by_size = sorted(nodes, key=lambda n: n["size"])
    assert [papers[n["key"]] for n in by_size] == sorted(papers[n["key"]] for n in nodes)


def test_sensitivity_options(tmp_path: Path, seeds: Path) -> None:
    def compare(*options: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        out = tmp_path / str(len(list(tmp_path.iterdir())))
        result = run("sensitivity", str(seeds), "-o", str(out), *YEAR, "--resolutions", "1,2", *options)
        assert result.exit_code == 0, result.output
        return pd.read_csv(out / "rankings.csv"), pd.read_csv(out / "partitions.csv")

    rankings, partitions = compare("--top-k", "5")
    assert set(rankings["top_k"]) == {5} and len(rankings) == 10  # 5 weightings: 10 pairs
    assert list(partitions["resolution"].unique()) == [1, 2] and len(partitions) == 10
    baseline = partitions.set_index(["weight", "resolution"])["communities"]
    for options, graph_options in ((("--min-papers", "3"), ("--min-papers", "3")), (("--years", "2023-2024"),
                                   ("--years", "2023-2024")), (("--largest-component",), ("--largest-component",)),
                                   (("--max-authors", "3"), ("--max-authors", "3")),
                                   (("--method", "louvain"), ("--method", "louvain")),
                                   (("--resolve", "off"), ("--resolve", "off")),
                                   (("--seed", "7"), ("--seed", "7"))):  # fmt: skip
        _, found = compare(*options)
        full = found.set_index(["weight", "resolution"])["communities"]
        graph = graph_of(tmp_path, seeds, *graph_options)
        assert full[("full", 1.0)] == len(partition(graph)), options  # the authors and method of that graph
        if options[0] not in ("--resolve", "--seed"):  # the seeds' names need no resolving, Leiden no seed
            assert not full.equals(baseline), options
