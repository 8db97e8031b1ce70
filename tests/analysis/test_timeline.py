"""timeline() and author_timeline() on six hand-made papers, every value
worked out by hand from the paper list below."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from coauthor.analysis.timeline import YEAR_COLUMNS, author_timeline, timeline
from coauthor.graph.build import coauthorship_graph, graph_from_authorships, ordered_subgraph
from coauthor.names.resolve import authorship_table
from coauthor.records import Paper

#: 2000: Ann+Bo; 2001: Cy alone; 2003: Ann+Cy, Di+Ed, Ann alone; undated: Ann+Flo.
PAPERS = [
    Paper("p1", "T1", ["Ann Lee", "Bo Chen"], 2000, "f:1"),
    Paper("p2", "T2", ["Cy Diaz"], 2001, "f:2"),
    Paper("p3", "T3", ["Ann Lee", "Cy Diaz"], 2003, "f:3"),
    Paper("p4", "T4", ["Di Ek", "Ed Fu"], 2003, "f:4"),
    Paper("p5", "T5", ["Ann Lee", "Flo Gu"], None, "f:5"),
    Paper("p6", "T6", ["Ann Lee"], 2003, "f:6"),
]


@pytest.fixture(scope="module")
def graph() -> nx.Graph:
    return coauthorship_graph(PAPERS)


def test_every_year_by_hand(graph: nx.Graph) -> None:
    """No row for 2002 (nothing happened) nor for the undated paper; the
    largest component so far: {Ann, Bo} of 2, then of 3 (Cy alone), then
    {Ann, Bo, Cy} of 5 (Di-Ed apart)."""
    table = timeline(graph, PAPERS)
    assert list(table.columns) == YEAR_COLUMNS
    assert table["year"].tolist() == [2000, 2001, 2003]
    assert table["papers"].tolist() == [1, 1, 3]
    assert table["active_authors"].tolist() == [2, 1, 4]
    assert table["new_authors"].tolist() == [2, 1, 2]
    assert table["new_collaborations"].tolist() == [1, 0, 2]
    assert table["authors_total"].tolist() == [2, 3, 5]
    assert table["collaborations_total"].tolist() == [1, 1, 3]
    assert table["largest_component_share"].tolist() == pytest.approx([1.0, 2 / 3, 3 / 5])
    assert all(str(table[c].dtype) == "int64" for c in YEAR_COLUMNS[:-1])


def test_a_filtered_graph_counts_only_its_authors(graph: nx.Graph) -> None:
    """The graph of Ann and Cy: Ann's 2000 paper with Bo counts (Ann is
    active), Di and Ed's paper does not; the 2000 edge to Bo is gone."""
    table = timeline(ordered_subgraph(graph, ["ann-lee", "cy-diaz"]), PAPERS)
    assert table["year"].tolist() == [2000, 2001, 2003]
    assert table["papers"].tolist() == [1, 1, 2]
    assert table["active_authors"].tolist() == [1, 1, 2]
    assert table["new_authors"].tolist() == [1, 1, 0]
    assert table["new_collaborations"].tolist() == [0, 0, 1]
    assert table["largest_component_share"].tolist() == pytest.approx([1.0, 1 / 2, 1.0])
    only = timeline(ordered_subgraph(graph, ["di-ek", "ed-fu"]), PAPERS)
    assert only.values.tolist() == [[2003, 1, 2, 2, 1, 2, 1, 1.0]]


def test_without_papers_the_paper_counts_are_unknown(graph: nx.Graph) -> None:
    table = timeline(graph)
    assert table["year"].tolist() == [2000, 2001, 2003]
    assert table["papers"].isna().all() and table["active_authors"].isna().all()
    assert table["authors_total"].tolist() == [2, 3, 5]


def test_the_given_authorship_table_is_used(graph: nx.Graph) -> None:
    """Author ids renamed in the given table: the counts follow them (the
    default resolution would give ids that are not in the graph)."""
    authorships = authorship_table(PAPERS)
    authorships["author_id"] = "x-" + authorships["author_id"]
    renamed = graph_from_authorships(authorships)
    table = timeline(renamed, PAPERS, authorships)
    assert table["papers"].tolist() == [1, 1, 3]
    assert table["active_authors"].tolist() == [2, 1, 4]
    people = author_timeline(renamed, PAPERS, authorships)
    assert people["author_id"].tolist()[:2] == ["x-ann-lee", "x-ann-lee"]
    assert people["papers"].sum() == 8  # the dated authorships: 2 + 1 + 2 + 2 + 1


def test_author_timeline_by_hand(graph: nx.Graph) -> None:
    """Ann: 2000 one paper with Bo; 2003 two papers (one with Cy, one alone),
    one co-author; her undated paper with Flo is left out (Flo has no row)."""
    table = author_timeline(graph, PAPERS)
    assert list(table.columns) == ["author_id", "name", "year", "papers", "coauthors"]
    assert table.values.tolist() == [
        ["ann-lee", "Ann Lee", 2000, 1, 1],
        ["ann-lee", "Ann Lee", 2003, 2, 1],
        ["bo-chen", "Bo Chen", 2000, 1, 1],
        ["cy-diaz", "Cy Diaz", 2001, 1, 0],
        ["cy-diaz", "Cy Diaz", 2003, 1, 1],
        ["di-ek", "Di Ek", 2003, 1, 1],
        ["ed-fu", "Ed Fu", 2003, 1, 1],
    ]
    assert str(table["year"].dtype) == "int64"


def test_author_timeline_of_a_filtered_graph_counts_every_coauthor() -> None:
    """Only Ann's rows, but Bo still counts as her 2000 co-author; a node
    without a name shows its id."""
    sub = ordered_subgraph(coauthorship_graph(PAPERS), ["ann-lee"])
    del sub.nodes["ann-lee"]["name"]
    table = author_timeline(sub, PAPERS)
    assert table.values.tolist() == [["ann-lee", "ann-lee", 2000, 1, 1], ["ann-lee", "ann-lee", 2003, 2, 1]]


def test_author_timeline_of_undated_papers_is_empty() -> None:
    papers = [Paper("p1", "T", ["Ann Lee", "Bo Chen"], None, "f:1")]
    table = author_timeline(coauthorship_graph(papers), papers)
    assert table.empty and list(table.columns) == ["author_id", "name", "year", "papers", "coauthors"]


def test_coauthors_are_distinct_per_year() -> None:
    """Ann writes twice with Bo and once with Bo and Cy in 2010: two distinct
    co-authors, not four; in 2011 Cy alone."""
    papers = [
        Paper("q1", "A", ["Ann Lee", "Bo Chen"], 2010, "f:1"),
        Paper("q2", "B", ["Ann Lee", "Bo Chen"], 2010, "f:2"),
        Paper("q3", "C", ["Ann Lee", "Bo Chen", "Cy Diaz"], 2010, "f:3"),
        Paper("q4", "D", ["Cy Diaz", "Ann Lee"], 2011, "f:4"),
    ]
    table = author_timeline(coauthorship_graph(papers), papers).set_index(["author_id", "year"])
    assert table["papers"].to_dict() == {
        ("ann-lee", 2010): 3, ("ann-lee", 2011): 1, ("bo-chen", 2010): 3, ("cy-diaz", 2010): 1, ("cy-diaz", 2011): 1,
    }  # fmt: skip
    assert table["coauthors"].to_dict() == {
        ("ann-lee", 2010): 2, ("ann-lee", 2011): 1, ("bo-chen", 2010): 2, ("cy-diaz", 2010): 2, ("cy-diaz", 2011): 1,
    }  # fmt: skip
    years = timeline(coauthorship_graph(papers), papers)
    pd.testing.assert_series_equal(years["papers"], pd.Series([3, 1], name="papers"))


def test_a_year_without_the_given_papers_counts_zero(graph: nx.Graph) -> None:
    """Cy's first year (2001) is on the graph; without Cy's 2001 paper in the
    papers given, 2001 has no paper and no active author (0, not missing)."""
    table = timeline(graph, [p for p in PAPERS if p.id != "p2"])
    assert table["year"].tolist() == [2000, 2001, 2003]
    assert table["papers"].tolist() == [1, 0, 3] and table["active_authors"].tolist() == [2, 0, 4]
    assert table["new_authors"].tolist() == [2, 1, 2]


def test_unknown_paper_counts_are_missing_values(graph: nx.Graph) -> None:
    table = timeline(graph)
    assert all(v is pd.NA for v in table["papers"]) and all(v is pd.NA for v in table["active_authors"])


def test_a_graph_without_years_counts_the_papers_only() -> None:
    """A graph whose nodes and links carry no year (another tool's GraphML):
    the papers' years and counts, no new author, no component share."""
    graph = coauthorship_graph(PAPERS)
    for _, data in graph.nodes(data=True):
        data.pop("first_year", None)
    for *_, data in graph.edges(data=True):
        data.pop("first_year", None)
    table = timeline(graph, PAPERS)
    assert table["year"].tolist() == [2000, 2001, 2003] and table["papers"].tolist() == [1, 1, 3]
    assert table["new_authors"].tolist() == [0, 0, 0] and table["largest_component_share"].tolist() == [0.0] * 3


def test_authors_without_links() -> None:
    """Two authors writing alone, in 2000 and 2001: each year the largest
    component is one author, of 1 then of 2."""
    papers = [Paper("s1", "A", ["Ann Lee"], 2000, "f:1"), Paper("s2", "B", ["Bo Chen"], 2001, "f:2")]
    table = timeline(coauthorship_graph(papers), papers)
    assert table["largest_component_share"].tolist() == [1.0, 0.5]
    assert table["new_collaborations"].tolist() == [0, 0] and table["collaborations_total"].tolist() == [0, 0]


def test_an_empty_timeline_keeps_its_types() -> None:
    table = timeline(nx.Graph(), [])
    assert table.empty and list(table.columns) == YEAR_COLUMNS and str(table["year"].dtype) == "int64"
