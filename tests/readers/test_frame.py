"""Records as a DataFrame for notebooks: ``coauthor.read`` gives one, the
pipeline takes one back, and every row is used, merged or skipped with its
reason."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import coauthor
from coauthor.errors import InputError
from coauthor.pipeline import AnalysisOptions, analyze
from coauthor.readers import ReadOptions, read_inputs
from coauthor.readers.frame import papers_from_frame
from coauthor.report.make import make_report

SEEDS_READ = ReadOptions(undated_year=2026)


def test_read_gives_one_row_per_paper_of_a_real_bibliography(shared_data: Path) -> None:
    path = shared_data / "bibtex" / "font.bib"
    frame = coauthor.read([path])
    papers, reports = read_inputs([path])
    assert len(frame) == len(papers) == sum(r.used for r in frame.attrs["reports"])
    assert frame["authors"].tolist() == [p.authors for p in papers]
    assert [None if pd.isna(year) else year for year in frame["year"]] == [p.year for p in papers]
    assert [r.to_dict() for r in frame.attrs["reports"]] == [r.to_dict() for r in reports]


def test_a_frame_read_back_gives_the_graph_of_the_files(seeds: Path) -> None:
    """The seeds read into a DataFrame and analysed give the graph of the
    files themselves: the same authors, links and weights."""
    options = AnalysisOptions(method="louvain", engine="networkx")
    from_files = analyze([seeds], SEEDS_READ, options=options)
    from_frame = analyze(coauthor.read([seeds], SEEDS_READ), options=options)
    assert nx.utils.edges_equal(from_files.graph.edges(data="weight"), from_frame.graph.edges(data="weight"))
    assert sorted(from_files.graph.nodes(data="papers")) == sorted(from_frame.graph.nodes(data="papers"))
    assert from_frame.graph.graph["inputs"] == ["DataFrame (65 records)"]


def test_a_frame_selected_with_pandas_is_what_is_analysed(seeds: Path) -> None:
    frame = coauthor.read([seeds], SEEDS_READ)
    kept = frame[frame["authors"].map(len) == 2]  # two-author papers: one link each
    pairs = {tuple(sorted(authors)) for authors in kept["authors"]}
    result = analyze(kept, options=AnalysisOptions(method="louvain", engine="networkx"))
    assert result.graph.number_of_edges() == len(pairs)
    assert len(result.papers or []) == len(kept)


def test_each_row_is_used_merged_or_skipped_with_its_reason() -> None:
    frame = pd.DataFrame(
        {
            "title": ["Graphs", "Trees", "Graphs again", "Paths", "Nothing"],
            "authors": [["Ann Lee", "Bo Chen"], "Ann Lee; Cy Diaz", ["Ann Lee", "Bo Chen"], ["Di Wu"], None],
            "year": [2020, None, 2020, "twenty", 2021],
            "doi": ["10.1/x", None, "10.1/X", None, None],
            "my_score": [1, 2, 3, 4, 5],
        }
    )
    papers, [report] = papers_from_frame(frame)
    assert [p.authors for p in papers] == [["Ann Lee", "Bo Chen"], ["Ann Lee", "Cy Diaz"]]
    assert papers[1].year is None and papers[0].source == "DataFrame:row 1"
    assert report.read == 5 and report.used == 2 and report.merged == 1  # row 3: the DOI of row 1
    assert report.skipped == {"column year: 'twenty' is not a whole number": 1,
                              "no authors (abstract matches no paper read)": 1}  # fmt: skip
    assert ("DataFrame:row 4", "column year: 'twenty' is not a whole number") in report.errors
    assert report.warnings["column not read: my_score (not a field of a paper)"] == 1
    assert report.read == report.used + report.merged + sum(report.skipped.values())


def test_a_frame_without_authors_is_one_clear_error() -> None:
    with pytest.raises(InputError, match="DataFrame: no 'authors' column"):
        papers_from_frame(pd.DataFrame({"title": ["A"]}))


def test_the_report_of_a_frame_names_it(seeds: Path, tmp_path: Path) -> None:
    frame = coauthor.read([seeds], SEEDS_READ)
    make_report(frame, tmp_path / "report", options=AnalysisOptions(method="louvain"))
    assert "Collaboration report: DataFrame (65 records)" in (tmp_path / "report" / "index.html").read_text("utf-8")


def test_a_notebook_shows_the_summary_and_the_top_authors(seeds: Path) -> None:
    result = analyze([seeds], SEEDS_READ)
    shown = result._repr_html_()
    top = result.centrality["name"].head(10).tolist()
    assert all(name in shown for name in top) and shown.index(top[0]) < shown.index(top[9])
    assert f"Authors: {result.graph.number_of_nodes()}   co-author links: {result.graph.number_of_edges()}" in shown
    assert "<table" in shown and "Papers: 65 (" in shown
