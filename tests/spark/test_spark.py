"""The Spark engine gives the single-machine engine's results on the same
input: equal edge lists and weights (every weighting, the author cap, the
filters), equal components, PageRank within 1e-6 of networkx and igraph,
equal label-propagation communities, equal timelines, the same authors
(the single engine's name resolution). Spark runs in
``local[2]``, one session for the whole run (tests/conftest.py), on the seeds and on the
shared real data (arXiv + Crossref) written as ``coauthor records`` JSONL.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

pytest.importorskip("pyspark", reason="the Spark engine needs pyspark: pip install 'coauthor[spark]'")

from coauthor.analysis import centrality, communities, timeline
from coauthor.errors import CoauthorError, OptionError
from coauthor.export import records_text
from coauthor.filters import GraphOptions, filter_graph
from coauthor.graph import WEIGHTINGS, GraphTables, build_tables, tables_to_networkx
from coauthor.graph.filters import papers_in_years
from coauthor.names.resolve import authorship_table
from coauthor.readers import ReadOptions, read_inputs
from coauthor.records import Paper
from coauthor.spark import pipeline
from coauthor.spark.authorships import authorship_frame
from coauthor.spark.errors import SparkError
from coauthor.spark.graph import SparkGraph, build_graph
from coauthor.spark.output import collect_graph
from coauthor.spark.read import read_papers, read_with_reports
from coauthor.spark.session import SparkRun

pytestmark = [
    pytest.mark.spark,
    # pyspark 4.x warns about pandas 3 on every conversion; coauthor's own code does not
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]
ROOT = Path(__file__).resolve().parents[2]


def single_engine(papers: list[Paper], years: tuple[int, int] | None = None) -> pd.DataFrame:
    """The single-machine engine's authorship table (its name resolution)."""
    return authorship_table(papers_in_years(papers, years))


@pytest.fixture(scope="module")
def run(spark_run: SparkRun) -> SparkRun:
    return spark_run


@dataclass
class Dataset:
    papers: list[Paper]
    records: Path
    authorships: object  # the Spark authorship frame, cached


def dataset(run: SparkRun, folder: Path, inputs: list[Path]) -> Dataset:
    papers, _ = read_inputs(inputs, ReadOptions(undated_year=2026))
    records = folder / "papers.jsonl"
    records.write_text(records_text(papers), encoding="utf-8")
    return Dataset(papers, records, authorship_frame(read_papers(run.spark, [records])).cache())


@pytest.fixture(scope="module")
def seed_set(run: SparkRun, tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return dataset(run, tmp_path_factory.mktemp("seeds"), [ROOT / "seeds"])


@pytest.fixture(scope="module")
def shared_set(run: SparkRun, tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Dataset:
    return dataset(run, tmp_path_factory.mktemp("shared"), [shared_data / "arxiv", shared_data / "crossref"])


@pytest.fixture(params=["seed", pytest.param("shared", marks=pytest.mark.needs_shared_data)])
def data(request: pytest.FixtureRequest) -> Dataset:
    return request.getfixturevalue(f"{request.param}_set")


def edges_of(graph: SparkGraph) -> pd.DataFrame:
    return graph.edges.toPandas().sort_values(["source", "target"]).reset_index(drop=True)


def assert_same_graph(spark_graph: SparkGraph, tables: GraphTables) -> None:
    """Equal node and edge tables: counts, years and spellings exactly,
    weights exactly (integers) or to 1e-12 (sums of fractions)."""
    nodes = spark_graph.nodes.toPandas().set_index("author_id").sort_index()
    expected_nodes = tables.nodes.sort_index()
    assert nodes.index.tolist() == expected_nodes.index.tolist()
    for column in ("papers", "first_year", "last_year", "variants"):
        assert nodes[column].tolist() == expected_nodes[column].tolist(), column
    edges, expected = edges_of(spark_graph), tables.edges.reset_index(drop=True)
    for column in ("source", "target", "papers", "first_year", "last_year"):
        assert edges[column].tolist() == expected[column].tolist(), column
    if expected["weight"].dtype.kind == "i":
        assert edges["weight"].tolist() == expected["weight"].tolist()
    else:
        np.testing.assert_allclose(edges["weight"], expected["weight"], rtol=1e-12, atol=0)
    for key in ("papers_over_author_cap", "largest_author_count"):
        assert spark_graph.info[key] == tables.info[key]


@pytest.mark.parametrize("weight", WEIGHTINGS)
def test_edge_lists_and_weights_equal(data: Dataset, weight: str) -> None:
    tables = build_tables(single_engine(data.papers), weight)
    assert_same_graph(build_graph(data.authorships, weight), tables)


@pytest.mark.parametrize("cap", [3, 0])
def test_author_cap(seed_set: Dataset, cap: int) -> None:
    tables = build_tables(single_engine(seed_set.papers), "fractional", max_authors=cap)
    built = build_graph(seed_set.authorships, "fractional", max_authors=cap)
    assert_same_graph(built, tables)
    assert (built.info["papers_over_author_cap"] > 0) == (cap == 3)


def test_authorship_table_equal(shared_set: Dataset) -> None:
    frame = shared_set.authorships.toPandas().sort_values(["paper_id", "position"]).reset_index(drop=True)
    expected = single_engine(shared_set.papers).sort_values(["paper_id", "position"]).reset_index(drop=True)
    columns = ["paper_id", "position", "name", "author_id", "author_name", "kind"]
    assert frame[columns].values.tolist() == expected[columns].values.tolist()
    assert frame["year"].astype("Int64").tolist() == expected["year"].tolist()


def test_filters(shared_set: Dataset, run: SparkRun) -> None:
    options = GraphOptions(
        weight="jaccard", years=(1990, 2026), min_papers=2, min_weight=0.05, top=300, top_by="degree",
        largest_component=True,
    )  # fmt: skip
    graph, _, _ = pipeline.build(run.spark, [shared_set.records], options)
    tables = build_tables(single_engine(shared_set.papers, options.years), options.weight)
    expected = filter_graph(tables_to_networkx(tables), options)
    edges = edges_of(graph)
    assert sorted(graph.nodes.toPandas()["author_id"]) == sorted(expected.nodes)
    assert list(zip(edges["source"], edges["target"], strict=True)) == sorted(expected.edges)
    assert 1 < graph.info["authors"] < 300


@pytest.fixture(scope="module")
def seed_analysis(run: SparkRun, seed_set: Dataset) -> pipeline.SparkAnalysis:
    return pipeline.analyze(run.spark, [seed_set.records], GraphOptions(weight="full"))


@pytest.fixture(scope="module")
def shared_analysis(run: SparkRun, shared_set: Dataset) -> pipeline.SparkAnalysis:
    return pipeline.analyze(run.spark, [shared_set.records], GraphOptions(weight="fractional"))


@pytest.fixture(params=["seed", pytest.param("shared", marks=pytest.mark.needs_shared_data)])
def analysed(request: pytest.FixtureRequest) -> tuple[pipeline.SparkAnalysis, GraphTables, Dataset]:
    result = request.getfixturevalue(f"{request.param}_analysis")
    data = request.getfixturevalue(f"{request.param}_set")
    return result, build_tables(single_engine(data.papers), result.graph.info["weight"]), data


def test_components_equal(analysed: tuple[pipeline.SparkAnalysis, GraphTables, Dataset]) -> None:
    result, tables, _ = analysed
    found = result.components.toPandas()
    groups = {frozenset(g["author_id"]) for _, g in found.groupby("component")}
    assert groups == {frozenset(c) for c in nx.connected_components(tables_to_networkx(tables))}
    sizes = found.groupby("component")["author_id"].size()
    assert sizes.is_monotonic_decreasing and sizes.iloc[0] == result.info["largest_component"]


def test_pagerank_degree_strength_match(analysed: tuple[pipeline.SparkAnalysis, GraphTables, Dataset]) -> None:
    result, tables, _ = analysed
    found = result.centrality.toPandas().set_index("author_id").sort_index()
    reference = nx.pagerank(tables_to_networkx(tables), alpha=0.85, weight="weight", tol=1e-12, max_iter=10000)
    assert np.abs(found["pagerank"] - pd.Series(reference).sort_index()).max() < 1e-6
    igraph_values = centrality(tables, measures=("degree", "strength", "pagerank"), engine="igraph").sort_index()
    assert np.abs(found["pagerank"] - igraph_values["pagerank"]).max() < 1e-6
    assert found["degree"].tolist() == igraph_values["degree"].tolist()
    np.testing.assert_allclose(found["strength"], igraph_values["strength"], rtol=1e-12)


def test_label_propagation_equal(analysed: tuple[pipeline.SparkAnalysis, GraphTables, Dataset]) -> None:
    result, tables, _ = analysed
    found = result.communities.toPandas().set_index("author_id").sort_index()
    expected = communities(tables, method="label-propagation-sync").sort_index()
    assert found["community"].tolist() == expected["community"].tolist()
    assert found["community_size"].tolist() == expected["community_size"].tolist()
    assert result.info["modularity"] == pytest.approx(expected.attrs["modularity"], abs=1e-12)


def test_timeline_equal(analysed: tuple[pipeline.SparkAnalysis, GraphTables, Dataset]) -> None:
    result, tables, data = analysed
    expected = timeline(tables_to_networkx(tables), data.papers, single_engine(data.papers))
    pd.testing.assert_frame_equal(result.timeline, expected)


def test_records_as_csv_and_parquet_read_the_same(run: SparkRun, seed_set: Dataset, tmp_path: Path) -> None:
    csv = tmp_path / "papers.csv"
    csv.write_text(records_text(seed_set.papers, "csv"), encoding="utf-8")
    parquet = tmp_path / "papers.parquet"
    pd.read_csv(csv).assign(authors=[p.authors for p in seed_set.papers]).to_parquet(parquet)
    rows = {}
    for path in (seed_set.records, csv, parquet):
        frame = read_papers(run.spark, [path]).toPandas()
        rows[path.suffix] = sorted((r.paper_id, tuple(r.authors), r.year) for r in frame.itertuples())
    assert rows[".jsonl"] == rows[".csv"] == rows[".parquet"]
    assert len(rows[".jsonl"]) == len(seed_set.papers)


def test_arxiv_snapshot_read_by_coauthors_own_parser(run: SparkRun, shared_data: Path) -> None:
    source = shared_data / "arxiv"
    frame = read_papers(run.spark, [source]).toPandas()
    papers, _ = read_inputs([source])
    assert sorted((r.paper_id, tuple(r.authors), r.year) for r in frame.itertuples()) == sorted(
        (p.id, tuple(p.all_authors), p.year) for p in papers
    )


def crafted(folder: Path) -> Path:
    """Two BibTeX files and a note: a paper of the first file again in the
    second (same DOI, other key: merged), another paper with a key the
    first file took (kept as ``a~2``), the same person written two ways
    (``J. Smith`` is the only Smith: one author), and a file no reader
    reads (listed as unrecognised)."""
    folder.mkdir()
    (folder / "1.bib").write_text(
        "@article{a, author = {John Smith and Ann Lee}, title = {Graphs}, year = 2020, doi = {10.1/x}}\n"
        "@article{b, author = {Lee, Ann and Bo Chen}, title = {Trees}, year = 2021}\n",
        encoding="utf-8",
    )
    (folder / "2.bib").write_text(
        "@article{z, author = {Smith, J. and Lee, A.}, title = {Graphs}, year = 2020, doi = {10.1/X}}\n"
        "@article{a, author = {J. Smith and Cy Diaz}, title = {Paths}, year = 2022}\n",
        encoding="utf-8",
    )
    (folder / "3.txt").write_text("nothing bibliographic here\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "source",
    [
        "crafted",
        "seeds",
        pytest.param("bibtex/typeset.bib", marks=pytest.mark.needs_shared_data),
        pytest.param("peers/litstudy/tests_resources_ieee.csv", marks=pytest.mark.needs_shared_data),
    ],
)
def test_every_format_read_by_coauthors_readers_gives_the_same_graph(
    run: SparkRun, source: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """Profile pages (the seeds), BibTeX bibliographies and an IEEE Xplore
    CSV export (not a records table), which Spark does not read itself, are
    parsed on the executors by coauthor's readers: the same papers, ids,
    merges and reports, then the same authors and graph as the
    single-machine engine."""
    if source == "crafted":
        inputs = [crafted(tmp_path / "refs")]
    else:
        inputs = [ROOT / "seeds"] if source == "seeds" else [request.getfixturevalue("shared_data") / source]
    options = ReadOptions(undated_year=2026)
    papers, expected_reports = read_inputs(inputs, options)
    frame, reports = read_with_reports(run.spark, inputs, read_options=options)
    assert [r.to_dict() for r in reports] == [r.to_dict() for r in expected_reports]
    rows = frame.toPandas()
    read = sorted((r.paper_id, tuple(r.authors), -1 if pd.isna(r.year) else int(r.year)) for r in rows.itertuples())
    assert read == sorted((p.id, tuple(p.all_authors), -1 if p.year is None else p.year) for p in papers)
    authorships = authorship_frame(frame)
    spark_graph = build_graph(authorships, "fractional")
    assert_same_graph(spark_graph, build_tables(single_engine(papers), "fractional"))
    if source == "crafted":
        assert sorted(rows["paper_id"]) == ["a", "a~2", "b"]
        assert [(r.format, r.used, r.merged) for r in reports] == [
            ("bibtex", 2, 0),
            ("bibtex", 1, 1),
            ("unrecognised", 0, 0),
        ]
        found = authorships.toPandas()
        assert sorted(set(found["author_id"])) == ["ann-lee", "bo-chen", "cy-diaz", "john-smith"]


def test_a_broken_file_is_the_single_engines_error(run: SparkRun, tmp_path: Path) -> None:
    """An error of a reader on an executor reaches the driver as the error
    the single-machine engine raises (one line naming the file)."""
    path = tmp_path / "empty.bib"
    path.write_text("", encoding="utf-8")
    with pytest.raises(CoauthorError) as expected:
        read_inputs([path])
    with pytest.raises(type(expected.value)) as caught:
        read_with_reports(run.spark, [path])
    assert str(caught.value) == str(expected.value) and "empty file" in str(caught.value)


def test_collect_graph_checks_the_size(seed_analysis: pipeline.SparkAnalysis) -> None:
    graph = collect_graph(seed_analysis)
    assert graph.number_of_edges() == seed_analysis.info["links"]
    assert {"pagerank", "component", "community", "degree"} <= set(graph.nodes["zhenyi-wang"])
    with pytest.raises(OptionError, match=r"163 links, more than the 100 .*Parquet or CSV"):
        collect_graph(seed_analysis, limit=100)


def test_spark_errors_are_one_line(run: SparkRun, tmp_path: Path) -> None:
    with pytest.raises(SparkError) as caught, run.errors():
        run.spark.read.parquet(str(tmp_path / "missing.parquet")).count()
    message = str(caught.value)
    assert "\n" not in message and "at org." not in message
    assert message.startswith("Spark: [PATH_NOT_FOUND]") and isinstance(caught.value, CoauthorError)
