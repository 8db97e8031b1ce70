"""Graph building: every weighting on a hand-computed example, the author
cap, the filters in their documented order, and determinism."""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from coauthor.aliases import parse_aliases
from coauthor.errors import OptionError
from coauthor.filters import GraphOptions, filter_graph, find_author, papers_in_years, parse_years
from coauthor.graph import (
    GraphTables,
    build_tables,
    coauthorship_graph,
    graph_from_authorships,
    ordered_subgraph,
    subgraph_tables,
    tables_to_networkx,
)
from coauthor.records import Paper

# c_A = 3, c_B = 3, c_C = 2, c_D = c_E = 1; n_P1 = 3, n_P2 = 2, n_P3 = 4.
PAPERS = [
    Paper("P1", "One", ["Ann Alpha", "Bo Beta", "Cy Gamma"], 2019, "t:1"),
    Paper("P2", "Two", ["Ann Alpha", "Bo Beta"], 2020, "t:2"),
    Paper("P3", "Three", ["Bo Beta", "Cy Gamma", "Di Delta", "Ed Epsilon"], 2021, "t:3"),
    Paper("P4", "Four", ["Ann Alpha"], 2021, "t:4"),
]
A, B, C, D, E = "ann-alpha", "bo-beta", "cy-gamma", "di-delta", "ed-epsilon"


def weight(graph: nx.Graph, u: str, v: str) -> float:
    return graph.edges[u, v]["weight"]


def test_full_weights_and_attributes() -> None:
    g = coauthorship_graph(PAPERS)
    assert sorted(g.nodes) == [A, B, C, D, E]
    assert g.number_of_edges() == 8  # A-B, A-C, B-C and the 6 pairs of P3 minus B-C counted once
    assert dict(g.edges[A, B]) == {"weight": 2, "papers": 2, "first_year": 2019, "last_year": 2020}
    assert dict(g.edges[B, C]) == {"weight": 2, "papers": 2, "first_year": 2019, "last_year": 2021}
    assert g.nodes[A] == {"name": "Ann Alpha", "papers": 3, "first_year": 2019, "last_year": 2021,
                          "variants": "Ann Alpha", "kind": "person"}  # fmt: skip


@pytest.mark.parametrize(
    ("scheme", "ab", "bc", "de"),
    [
        ("full", 2, 2, 1),
        ("fractional", 1 / 2 + 1 / 1, 1 / 2 + 1 / 3, 1 / 3),
        ("association", 2 / (3 * 3), 2 / (3 * 2), 1 / (1 * 1)),
        ("jaccard", 2 / (3 + 3 - 2), 2 / (3 + 2 - 2), 1 / (1 + 1 - 1)),
        ("salton", 2 / math.sqrt(3 * 3), 2 / math.sqrt(3 * 2), 1 / math.sqrt(1 * 1)),
    ],
)
def test_weightings(scheme: str, ab: float, bc: float, de: float) -> None:
    g = coauthorship_graph(PAPERS, weight=scheme)
    assert weight(g, A, B) == pytest.approx(ab)
    assert weight(g, B, C) == pytest.approx(bc)
    assert weight(g, D, E) == pytest.approx(de)
    assert g.edges[A, B]["papers"] == 2  # c_ij is kept whatever the weighting


def test_fractional_strength_counts_multi_author_papers() -> None:
    g = coauthorship_graph(PAPERS, weight="fractional")
    # Newman: an author's strength is the number of their papers with co-authors.
    assert g.degree(A, weight="weight") == pytest.approx(2)
    assert g.degree(B, weight="weight") == pytest.approx(3)


def test_author_cap_keeps_papers_in_counts() -> None:
    g = coauthorship_graph(PAPERS, max_authors=3)
    assert not g.has_edge(D, E) and weight(g, B, C) == 1
    assert g.nodes[D]["papers"] == 1 and g.degree(D) == 0
    assert (g.graph["papers_over_author_cap"], g.graph["largest_author_count"]) == (1, 4)
    assert coauthorship_graph(PAPERS, max_authors=0).has_edge(D, E)
    nothing_left = coauthorship_graph(PAPERS[:3], max_authors=1)  # every paper over the cap
    assert nothing_left.number_of_edges() == 0 and nothing_left.nodes[A]["papers"] == 2
    undated = coauthorship_graph([Paper("P", "No year", ["Ann Alpha", "Bo Beta"], None, "t:5")])
    assert weight(undated, A, B) == 1 and "first_year" not in undated.edges[A, B]


def test_bad_options() -> None:
    with pytest.raises(OptionError, match="unknown weighting 'cosine'"):
        coauthorship_graph(PAPERS, weight="cosine")
    with pytest.raises(OptionError, match="first year is after the last"):
        parse_years("2020-2010")


def test_years_filter_builds_from_the_window() -> None:
    g = coauthorship_graph(papers_in_years(PAPERS, parse_years("2019-2020")))
    assert sorted(g.nodes) == [A, B, C] and g.nodes[A]["papers"] == 2
    assert dict(g.edges[A, B])["last_year"] == 2020


def test_filters_in_order(tmp_path: Path) -> None:
    g = coauthorship_graph(PAPERS)
    assert sorted(filter_graph(g, GraphOptions(min_papers=2))) == [A, B, C]
    heavy = filter_graph(g, GraphOptions(min_weight=2))
    assert sorted(heavy.edges) == [(A, B), (B, C)] and heavy.number_of_nodes() == 5
    assert sorted(filter_graph(g, GraphOptions(top=2))) == [A, B]
    assert sorted(filter_graph(g, GraphOptions(top=1, top_by="betweenness"))) == [B]
    assert sorted(filter_graph(heavy, GraphOptions(largest_component=True))) == [A, B, C]
    assert sorted(filter_graph(g, GraphOptions(ego="Ann Alpha"))) == [A, B, C]
    assert sorted(filter_graph(g, GraphOptions(ego=A, hops=2))) == [A, B, C, D, E]
    assert sorted(filter_graph(g, GraphOptions(focus=("Di Delta", "Ed Epsilon")))) == [D, E]
    # min_weight runs before top: the top-2 of the heavy graph by papers
    combined = filter_graph(g, GraphOptions(min_weight=2, top=2))
    assert sorted(combined.edges) == [(A, B)]


def test_unknown_ego_suggests_names() -> None:
    g = coauthorship_graph(PAPERS)
    with pytest.raises(OptionError, match="did you mean Ann Alpha"):
        find_author(g, "Ann Alpah")


def test_graph_from_seeds_is_deterministic(seeds: Path) -> None:
    from coauthor.readers import ReadOptions, read_inputs

    papers, _ = read_inputs([seeds], ReadOptions(2026))
    first, second = coauthorship_graph(papers), coauthorship_graph(list(reversed(papers)))
    assert list(first.nodes) == list(second.nodes) == sorted(first.nodes)
    assert nx.to_dict_of_dicts(first) == nx.to_dict_of_dicts(second)


def authorship_rows(rows: list[tuple[str, str, str, int | None]], display: bool = True) -> pd.DataFrame:
    """An authorship table by hand: (paper, author id, name as written, year)."""
    table = pd.DataFrame(rows, columns=["paper_id", "author_id", "name", "year"])
    if display:
        table["author_name"] = table["author_id"].str.title()
    return table.astype({"year": "Int64"})


def test_tables_by_hand_names_variants_years_and_info() -> None:
    table = authorship_rows([
        ("p1", "ann", "Ann Lee", 2019), ("p1", "bo", "Bo Chen", 2019),
        ("p2", "ann", "A. Lee", 2021), ("p2", "bo", "Bo Chen", 2021), ("p2", "cy", "Cy Dunn", 2021),
        ("p3", "ann", "Lee, Ann", None), ("p3", "cy", "Cy Dunn", None),
        ("p4", "di", "Di Ek", 2020),
    ])  # fmt: skip
    tables = build_tables(table)
    nodes = tables.nodes
    assert nodes.index.name == "author_id" and list(nodes.index) == ["ann", "bo", "cy", "di"]
    assert nodes["name"].tolist() == ["Ann", "Bo", "Cy", "Di"]  # author_name wins over the spellings
    assert nodes.loc["ann", "variants"] == "A. Lee; Ann Lee; Lee, Ann" and nodes.loc["bo", "variants"] == "Bo Chen"
    assert nodes["papers"].tolist() == [3, 2, 2, 1]
    assert nodes.loc["cy", ["first_year", "last_year"]].tolist() == [2021, 2021]  # the undated paper adds no year
    edges = tables.edges.set_index(["source", "target"])
    assert edges.loc[("ann", "bo"), ["papers", "first_year", "last_year"]].tolist() == [2, 2019, 2021]
    assert edges.loc[("ann", "cy"), ["papers", "first_year", "last_year"]].tolist() == [2, 2021, 2021]
    assert edges["papers"].dtype == np.int64 and edges.loc[("ann", "bo"), "weight"] == 2
    assert tables.info == {"weight": "full", "max_authors": 50, "papers_over_author_cap": 0, "largest_author_count": 3}
    assert build_tables(table, "fractional", max_authors=2).info == {
        "weight": "fractional", "max_authors": 2, "papers_over_author_cap": 1, "largest_author_count": 3}  # fmt: skip
    assert tables.positions().tolist() == [[0, 1], [0, 2], [1, 2]]
    unnamed = build_tables(table.drop(columns="author_name")).nodes
    assert unnamed.loc["bo", "name"] == "Bo Chen" and unnamed.loc["ann", "name"] in {"Ann Lee", "A. Lee", "Lee, Ann"}
    assert build_tables(table.iloc[:0]).info["largest_author_count"] == 0


def test_tables_of_a_subgraph() -> None:
    table = authorship_rows([("p1", "a", "A", 2020), ("p1", "b", "B", 2020), ("p2", "b", "B", 2021),
                             ("p2", "c", "C", 2021)])  # fmt: skip
    sub = subgraph_tables(build_tables(table), ["b", "c"])
    assert list(sub.nodes.index) == ["b", "c"]
    assert sub.edges[["source", "target", "papers"]].values.tolist() == [["b", "c", 1]]
    assert sub.positions().tolist() == [[0, 1]] and sub.info["weight"] == "full"


def test_edge_years_of_pairs_past_the_first_row() -> None:
    # edges a-b, b-c, b-d: in the (row, column) order of the upper triangle,
    # b-d's year must land on b-d and not on its neighbour b-c
    table = authorship_rows([("p1", "a", "A", 2015), ("p1", "b", "B", 2015), ("p2", "b", "B", 2010),
                             ("p2", "c", "C", 2010), ("p3", "b", "B", 2020), ("p3", "d", "D", 2020)])  # fmt: skip
    edges = build_tables(table).edges.set_index(["source", "target"])
    assert edges[["first_year", "last_year"]].to_dict("index") == {
        ("a", "b"): {"first_year": 2015, "last_year": 2015},
        ("b", "c"): {"first_year": 2010, "last_year": 2010},
        ("b", "d"): {"first_year": 2020, "last_year": 2020},
    }


def test_undated_edges_keep_the_undated_year_in_the_tables() -> None:
    table = authorship_rows([("p1", "a", "A", None), ("p1", "b", "B", None), ("p2", "b", "B", 2020),
                             ("p2", "c", "C", 2020)])  # fmt: skip
    edges = build_tables(table).edges
    assert edges["first_year"].tolist() == [-1, 2020] and edges["last_year"].tolist() == [-1, 2020]
    assert edges["last_year"].dtype == np.int64


def test_variants_of_every_author_with_two_spellings_or_more() -> None:
    rows = [("p1", "ann", "Ann Lee", 2020), ("p2", "ann", "A. Lee", 2020), ("p1", "bo", "Bo Chen", 2020),
            ("p3", "bo", "B. Chen", 2021), ("p3", "cy", "Cy Dunn", 2021), ("p4", "cy", "C. Dunn", 2022),
            ("p4", "di", "Di Ek", 2022), ("p5", "di", "D. Ek", 2023), ("p5", "di", "Ek, Di", 2023),
            ("p5", "ed", "Ed Fox", 2023)]  # fmt: skip
    nodes = build_tables(authorship_rows(rows)).nodes
    assert nodes["variants"].to_dict() == {
        "ann": "A. Lee; Ann Lee", "bo": "B. Chen; Bo Chen", "cy": "C. Dunn; Cy Dunn",
        "di": "D. Ek; Di Ek; Ek, Di", "ed": "Ed Fox",
    }  # fmt: skip


def test_table_columns_as_documented() -> None:
    table = authorship_rows([("p1", "a", "A", 2020), ("p1", "b", "B", 2020), ("p2", "b", "B", 2021),
                             ("p2", "c", "C", 2021)])  # fmt: skip
    tables = build_tables(table)
    columns = ["source", "target", "weight", "papers", "fractional", "first_year", "last_year"]
    assert list(tables.edges.columns) == columns
    assert list(subgraph_tables(tables, ["b", "c"]).edges.columns) == columns
    assert list(tables.nodes.columns) == ["name", "papers", "first_year", "last_year", "variants", "kind"]


def test_bad_option_messages_name_the_choices() -> None:
    with pytest.raises(OptionError) as weighting:
        coauthorship_graph(PAPERS, weight="cosine")
    assert str(weighting.value) == (
        "unknown weighting 'cosine' (use one of: full, fractional, association, jaccard, salton)"
    )
    with pytest.raises(OptionError) as cap:
        coauthorship_graph(PAPERS, max_authors=-2)
    assert str(cap.value) == "max_authors must be 0 (no cap) or positive, not -2"


def test_resolution_aliases_and_metadata_reach_the_graph() -> None:
    papers = [Paper("p1", "T", ["Ann Lee", "Bo Chen"], 2020, "f:1")]
    assert sorted(coauthorship_graph(papers, resolve="off")) == ["Ann Lee", "Bo Chen"]  # names as written
    aliases = parse_aliases("Bo Chen\tBob Chen\n", "aliases.txt")
    assert sorted(coauthorship_graph(papers, aliases=aliases)) == ["ann-lee", "bob-chen"]
    assert coauthorship_graph(papers, metadata={"source": "test"}).graph["source"] == "test"


def test_weights_are_integers_for_full_and_floats_otherwise() -> None:
    full = coauthorship_graph(PAPERS)
    assert all(type(w) is int for _, _, w in full.edges(data="weight"))
    fractional = coauthorship_graph(PAPERS, weight="fractional")
    assert all(type(w) is float for _, _, w in fractional.edges(data="weight"))


def test_ordered_subgraph_leaves_self_loops_out() -> None:
    # a foreign graph file may hold a self-loop; nobody co-authors with themselves
    graph = nx.Graph([("b", "a"), ("a", "a"), ("c", "b")])
    sub = ordered_subgraph(graph, ["c", "a", "b"])
    assert list(sub.edges) == [("a", "b"), ("b", "c")]


def test_graph_from_an_authorship_table() -> None:
    table = authorship_rows([("p1", "a", "A", 2020), ("p1", "b", "B", 2020), ("p1", "c", "C", 2020),
                             ("p2", "a", "A", 2021), ("p2", "b", "B", 2021)])  # fmt: skip
    graph = graph_from_authorships(table, "fractional", 2, {"source": "table"})
    # p1 has 3 authors, over the cap of 2: only p2 makes an edge, of weight 1/(2 - 1)
    assert list(graph.edges(data="weight")) == [("a", "b", 1.0)]
    assert graph.nodes["c"]["papers"] == 1 and graph.graph["papers_over_author_cap"] == 1
    assert (graph.graph["source"], graph.graph["weight"], graph.graph["max_authors"]) == ("table", "fractional", 2)


def test_variants_when_a_later_author_has_the_first_spelling_seen() -> None:
    # spellings are numbered as met (Bo Chen first), authors by sorted id (ann first)
    rows = [("p1", "bo", "Bo Chen", 2020), ("p1", "ann", "Ann Lee", 2020), ("p2", "bo", "B. Chen", 2021)]
    nodes = build_tables(authorship_rows(rows)).nodes
    assert nodes["variants"].to_dict() == {"ann": "Ann Lee", "bo": "B. Chen; Bo Chen"}


def test_kind_of_nodes_from_the_table_or_person_by_default() -> None:
    rows = [("p1", "ann", "Ann Lee", 2020), ("p1", "tug", "TUG Board", 2020)]
    table = authorship_rows(rows).assign(kind=["person", "organisation"])
    graph = tables_to_networkx(build_tables(table))
    assert dict(graph.nodes(data="kind")) == {"ann": "person", "tug": "organisation"}
    assert build_tables(authorship_rows(rows)).nodes["kind"].tolist() == ["person", "person"]
    # tables built by hand (or by an older Spark output) may have no kind column
    nodes = pd.DataFrame({"name": ["A", "B"], "papers": [1, 1], "first_year": [2020, 2020], "last_year": [2020, 2020],
                          "variants": ["A", "B"]}, index=pd.Index(["a", "b"], name="author_id"))  # fmt: skip
    edges = pd.DataFrame({"source": ["a"], "target": ["b"], "weight": [1], "papers": [1], "first_year": [2020],
                          "last_year": [2020]})  # fmt: skip
    by_hand = tables_to_networkx(GraphTables(nodes, edges))
    assert dict(by_hand.nodes(data="kind")) == {"a": "person", "b": "person"}
    assert dict(by_hand.edges["a", "b"]) == {"weight": 1, "papers": 1, "first_year": 2020, "last_year": 2020}


def test_graph_from_authorships_weights_full_by_default() -> None:
    table = authorship_rows([("p1", "a", "A", 2020), ("p1", "b", "B", 2020), ("p2", "a", "A", 2021),
                             ("p2", "b", "B", 2021)])  # fmt: skip
    graph = graph_from_authorships(table)
    assert graph.graph["weight"] == "full" and graph.edges["a", "b"]["weight"] == 2


def test_each_author_keeps_its_own_spellings() -> None:
    """The first name written belongs to the author whose id sorts last
    (zed-zulu): each node's variants are its own spellings only."""
    papers = [Paper("Q1", "One", ["Zed Zulu", "Ann Lee"], 2001, "t:1"), Paper("Q2", "Two", ["Bo Chen"], 2002, "t:2")]
    graph = coauthorship_graph(papers)
    assert dict(graph.nodes(data="variants")) == {"ann-lee": "Ann Lee", "bo-chen": "Bo Chen", "zed-zulu": "Zed Zulu"}


def test_kinds_and_the_default_weighting_of_an_authorship_table() -> None:
    """An organisation keeps its kind through the tables and the networkx
    graph; a table without kinds makes every author a person; the default
    weighting is full (paper counts, integers)."""
    from coauthor.graph import build_tables, graph_from_authorships, tables_to_networkx
    from coauthor.names.resolve import authorship_table

    pair = ["Ann Lee", "Acme Corporation"]
    papers = [Paper("Q1", "One", pair, 2001, "t:1"), Paper("Q2", "Two", pair, 2002, "t:2")]
    authorships = authorship_table(papers)
    tables = build_tables(authorships, "full", 50)
    assert tables.nodes["kind"].to_dict() == {"acme-corporation": "organisation", "ann-lee": "person"}
    assert dict(tables_to_networkx(tables).nodes(data="kind")) == {
        "acme-corporation": "organisation",
        "ann-lee": "person",
    }
    plain = build_tables(authorships.drop(columns="kind"), "full", 50)
    assert plain.nodes["kind"].tolist() == ["person", "person"]
    plain.nodes = plain.nodes.drop(columns="kind")
    assert dict(tables_to_networkx(plain).nodes(data="kind")) == {"acme-corporation": "person", "ann-lee": "person"}
    graph = graph_from_authorships(authorships)
    assert graph.edges["acme-corporation", "ann-lee"]["weight"] == 2
