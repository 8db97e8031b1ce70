"""``coauthor analyze`` and ``coauthor graph`` with ``--engine spark`` on the
seeds (written as ``coauthor records`` JSONL): the tables, the GraphML, the
Parquet graph tables and one-line errors. Spark in ``local[2]``, the run's
one session (tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner, Result

from coauthor.cli import main
from coauthor.export import records_text
from coauthor.exporters.graphml import read_graphml
from coauthor.readers import ReadOptions, read_inputs

pytestmark = [
    pytest.mark.spark,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]


@pytest.fixture(scope="module")
def records(spark_run: object, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("records") / "papers.jsonl"
    papers, _ = read_inputs([Path(__file__).resolve().parents[2] / "seeds"], ReadOptions(undated_year=2026))
    path.write_text(records_text(papers), encoding="utf-8")
    return path


def coauthor(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_analyze_writes_every_table_and_the_graphml(records: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result = coauthor("analyze", str(records), "--engine", "spark", "--spark-output", "csv", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Papers: 65 (0 records merged, 0 skipped; see `coauthor inspect`)\n")
    assert "Authors: 92   co-author links: 163" in result.output
    assert "Top authors (PageRank" in result.output and "Zhenyi Wang" in result.output
    for name in ("nodes", "edges", "centrality", "components", "communities", "timeline"):
        assert list((out / f"{name}.csv").glob("part-*.csv")), name
    top = pd.read_csv(sorted((out / "centrality.csv").glob("part-*.csv"))[0])
    assert top["name"].iloc[0] == "Zhenyi Wang"
    graph = read_graphml(out / "graph.graphml")
    assert graph.number_of_nodes() == 92 and graph.graph["engine"] == "spark"
    assert graph.graph["community_method"] == "label-propagation-sync"


def test_graph_to_parquet_tables(records: Path, tmp_path: Path) -> None:
    target = tmp_path / "g.parquet"
    result = coauthor("graph", str(records), "--engine", "spark", "--min-papers", "2", "-o", str(target))
    assert result.exit_code == 0, result.output
    nodes = pd.read_parquet(tmp_path / "g_nodes.parquet")
    assert (nodes["papers"] >= 2).all() and {"pagerank", "community", "component"} <= set(nodes.columns)
    assert len(pd.read_parquet(tmp_path / "g_edges.parquet")) > 0


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--method", "louvain"], "--engine spark finds communities with label-propagation-sync only, not louvain"),
        (["--ego", "Li Shen"], "--ego and --focus are not available with --engine spark; filter its tables instead"),
        (["--top", "5", "--top-by", "betweenness"], "--top-by betweenness is not available with --engine spark"),
        (["--resolve", "split"], "--resolve split is not available with --engine spark (use default, strict or off)"),
    ],
)
def test_what_spark_does_not_offer_is_a_one_line_error(
    records: Path, tmp_path: Path, extra: list[str], message: str
) -> None:
    result = coauthor("analyze", str(records), "--engine", "spark", *extra, "-o", str(tmp_path))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {message}") and result.output.count("\n") == 1


def weighted_edges(graph: nx.Graph) -> dict[frozenset[str], float]:
    return {frozenset((u, v)): w for u, v, w in graph.edges(data="weight")}


@pytest.mark.parametrize(
    ("source", "authors", "links"),
    [("seeds", 92, 163), pytest.param("bibtex/typeset.bib", 870, 526, marks=pytest.mark.needs_shared_data)],
)
def test_graph_equals_the_single_engine(
    spark_run: object, request: pytest.FixtureRequest, tmp_path: Path, source: str, authors: int, links: int
) -> None:
    """``coauthor graph INPUT --engine spark`` on the profile pages (the
    seeds) and on a real BibTeX bibliography, which Spark does not read
    itself: coauthor's readers parse them on the executors and the single
    engine's resolver decides who is who, so the GraphML has the default
    engine's nodes, edges and weights (and names and kinds); nothing more is
    said about the read than the default engine says."""
    folder = request.getfixturevalue("seeds") if source == "seeds" else request.getfixturevalue("shared_data") / source
    inputs = str(folder)
    written = {}
    for engine in ("spark", "auto"):
        out = tmp_path / f"{engine}.graphml"
        result = coauthor("graph", inputs, "--engine", engine, "--undated-year", "2026", "-o", str(out))
        assert result.exit_code == 0, result.output
        assert result.output == f"{authors} authors, {links} co-author links written to {out}\n"
        written[engine] = read_graphml(out)
    spark_graph, expected = written["spark"], written["auto"]
    assert sorted(spark_graph.nodes) == sorted(expected.nodes)
    assert weighted_edges(spark_graph) == weighted_edges(expected)
    for attribute in ("name", "kind", "variants", "papers"):
        assert dict(spark_graph.nodes(data=attribute)) == dict(expected.nodes(data=attribute)), attribute
    assert spark_graph.graph["engine"] == "spark"


def test_a_folder_without_records_is_a_one_line_error(spark_run: object, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("nothing bibliographic here\n", encoding="utf-8")
    result = coauthor("analyze", str(tmp_path), "--engine", "spark", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "no file holds records that coauthor reads" in result.output


def test_the_library_call_chooses_the_spark_engine(spark_run: object, seeds: Path) -> None:
    """``coauthor.pipeline.analyze`` is where the engine is chosen: with
    ``engine="spark"`` it runs the job on Spark (the session already running)
    and gives the graph and read reports of the single-machine engine (92
    authors, 163 links in the seeds)."""
    from coauthor.graph.filters import GraphOptions
    from coauthor.pipeline import Analysis, AnalysisOptions, analyze
    from coauthor.spark.pipeline import SparkAnalysis

    read = ReadOptions(undated_year=2026)
    on_spark = analyze([seeds], read, options=AnalysisOptions(engine="spark"))
    here = analyze([seeds], read, GraphOptions(), AnalysisOptions(method="louvain", engine="networkx"))
    assert isinstance(on_spark, SparkAnalysis) and isinstance(here, Analysis)
    assert on_spark.run is not None and on_spark.info["authors"] == here.graph.number_of_nodes() == 92
    assert on_spark.info["links"] == here.graph.number_of_edges() == 163
    assert [r.to_dict() for r in on_spark.reports] == [r.to_dict() for r in here.reports]
