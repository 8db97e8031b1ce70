"""The filters one by one, on graphs small enough to check by hand: year
ranges, the empty-selection errors, rankings and their ties, finding an
author by any of their names, focus files."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from coauthor.errors import InputError, OptionError
from coauthor.filters import (
    GraphOptions,
    filter_graph,
    find_author,
    papers_in_years,
    parse_years,
    read_focus_file,
    years_text,
)
from coauthor.records import Paper


def paper(pid: str, year: int | None) -> Paper:
    return Paper(pid, pid, ["Ann Lee"], year, "t.csv")


@pytest.mark.parametrize(
    ("text", "years"),
    [("2015-2020", (2015, 2020)), (" 2019 ", (2019, 2019)), ("2015-", (2015, 9999)), ("-1999", (0, 1999)),
     ("1999-1999", (1999, 1999))],
)  # fmt: skip
def test_parse_years(text: str, years: tuple[int, int]) -> None:
    assert parse_years(text) == years


@pytest.mark.parametrize(
    ("text", "message"),
    [("20x5", "years '20x5': expected YEAR or A-B, e.g. 2015-2020"),
     ("2015-20-21", "years '2015-20-21': expected YEAR or A-B, e.g. 2015-2020"),
     ("2020-2019", "years '2020-2019': the first year is after the last")],
)  # fmt: skip
def test_parse_years_errors(text: str, message: str) -> None:
    with pytest.raises(OptionError) as caught:
        parse_years(text)
    assert str(caught.value) == message


def test_years_text_reads_back() -> None:
    for years, text in (((2015, 2020), "2015-2020"), ((2019, 2019), "2019"), ((0, 1999), "-1999"),
                        ((2015, 9999), "2015-")):  # fmt: skip
        assert years_text(years) == text
        assert parse_years(text) == years


def test_papers_in_years_keeps_the_window_and_drops_undated() -> None:
    papers = [paper("a", 1990), paper("b", 2000), paper("c", None), paper("d", 2010), paper("e", 2011)]
    assert [p.id for p in papers_in_years(papers, (2000, 2010))] == ["b", "d"]
    assert [p.id for p in papers_in_years(papers, None)] == ["a", "b", "c", "d", "e"]
    assert papers_in_years([], (2000, 2010)) == []


def test_papers_in_years_empty_window_says_what_the_data_holds() -> None:
    papers = [paper("a", 1990), paper("c", None), paper("b", 2001)]
    with pytest.raises(OptionError) as caught:
        papers_in_years(papers, (2030, 9999))
    assert str(caught.value) == "years 2030-: no paper in 2030- (the papers span 1990-2001)"
    with pytest.raises(OptionError) as caught:
        papers_in_years([paper("c", None)], (2000, 2000))
    assert str(caught.value) == "years 2000: no paper in 2000 (no paper has a year)"


def test_described_lists_only_what_is_set() -> None:
    # unset options (None, empty, False, and so a zero --min-weight) are left out
    assert GraphOptions().described() == {"weight": "full", "max_authors": 50, "min_papers": 1, "top_by": "papers",
                                          "resolve": "default", "organisations": "separate"}  # fmt: skip
    chosen = GraphOptions(years=(2015, 2020), top=3, largest_component=True, ego="Ann", focus=("a",), hops=2)
    described = chosen.described()
    assert described["years"] == "2015-2020" and described["top"] == 3 and described["focus"] == ("a",)
    assert described["largest_component"] is True and described["ego"] == "Ann" and described["hops"] == 2


def star() -> nx.Graph:
    """hub linked to a, b, c (weights 3, 1, 1); a-b (2); d-e apart (1)."""
    graph = nx.Graph()
    papers = {"hub": 5, "a": 3, "b": 2, "c": 1, "d": 2, "e": 2}
    names = {"hub": "Hub Head", "a": "Ann Lee", "b": "Bo Chen", "c": "Cy Dunn", "d": "Di Ek", "e": "Ed Fox"}
    for node, count in papers.items():
        graph.add_node(node, papers=count, name=names[node], variants=f"{names[node]}; {names[node][0]}. X")
    graph.add_weighted_edges_from([("hub", "a", 3), ("hub", "b", 1), ("hub", "c", 1), ("a", "b", 2), ("d", "e", 1)])
    return graph


def test_min_papers_boundary_and_error() -> None:
    assert sorted(filter_graph(star(), GraphOptions(min_papers=2))) == ["a", "b", "d", "e", "hub"]
    assert sorted(filter_graph(star(), GraphOptions(min_papers=5))) == ["hub"]
    with pytest.raises(OptionError) as caught:
        filter_graph(star(), GraphOptions(min_papers=6))
    assert str(caught.value) == "min_papers 6: no author has that many papers (the most by one author is 5)"
    assert filter_graph(nx.Graph(), GraphOptions(min_papers=3)).number_of_nodes() == 0
    unknown = nx.Graph([("x", "y")])  # a foreign graph without paper counts: kept, but not filtered on them
    assert sorted(filter_graph(unknown, GraphOptions(min_papers=1))) == ["x", "y"]
    with pytest.raises(OptionError) as caught:
        filter_graph(unknown, GraphOptions(min_papers=2))
    assert str(caught.value).startswith("min_papers needs the papers of every author")


def test_min_weight_keeps_edges_at_the_threshold() -> None:
    kept = filter_graph(star(), GraphOptions(min_weight=2))
    assert sorted(kept.edges) == [("a", "b"), ("a", "hub")] or sorted(map(sorted, kept.edges)) == [
        ["a", "b"],
        ["a", "hub"],
    ]
    assert sorted(kept) == sorted(star())


def test_top_ranks_by_papers_with_ties_by_id_and_by_a_measure() -> None:
    assert sorted(filter_graph(star(), GraphOptions(top=3))) == ["a", "b", "hub"]  # b, d, e tie at 2: b first
    assert sorted(filter_graph(star(), GraphOptions(top=1, top_by="degree"))) == ["hub"]
    assert sorted(filter_graph(star(), GraphOptions(top=2, top_by="strength"))) == ["a", "hub"]


def test_largest_component_and_its_ties() -> None:
    assert sorted(filter_graph(star(), GraphOptions(largest_component=True))) == ["a", "b", "c", "hub"]
    two = nx.Graph([("m", "n"), ("a", "b")])
    nx.set_node_attributes(two, 1, "papers")
    # a tie goes, as on the Spark engine, to the component whose smallest author id sorts last
    assert sorted(filter_graph(two, GraphOptions(largest_component=True))) == ["m", "n"]


def test_ego_and_focus_neighbourhoods() -> None:
    assert sorted(filter_graph(star(), GraphOptions(ego="Cy Dunn"))) == ["c", "hub"]
    assert sorted(filter_graph(star(), GraphOptions(ego="c", hops=2))) == ["a", "b", "c", "hub"]
    assert sorted(filter_graph(star(), GraphOptions(ego="c", hops=0))) == ["c"]
    assert sorted(filter_graph(star(), GraphOptions(focus=("d", "Ann Lee")))) == ["a", "d"]
    assert sorted(filter_graph(star(), GraphOptions(focus=("d",), hops=1))) == ["d", "e"]


def test_find_author_by_id_display_name_key_and_variant() -> None:
    graph = star()
    assert find_author(graph, "hub") == "hub"
    assert find_author(graph, "Bo Chen") == "b"  # display name
    assert find_author(graph, "B. X") == "b"  # a spelling merged into the author
    keyed = nx.Graph()
    keyed.add_node("ann-lee", name="Ann Lee")
    assert find_author(keyed, "ANN  LEE") == "ann-lee"  # the name key of a variant as written


def test_find_author_suggests_up_to_three_close_names() -> None:
    graph = nx.Graph()
    for i, name in enumerate(["Ann Lee", "Anne Lee", "Ann Leigh", "Anna Lee", "Zed Zulu"]):
        graph.add_node(f"n{i}", name=name)
    with pytest.raises(OptionError) as caught:
        find_author(graph, "Ann Le")
    message = str(caught.value)
    assert message.startswith("author 'Ann Le' is not in the graph; did you mean ")
    suggested = message.removeprefix("author 'Ann Le' is not in the graph; did you mean ").removesuffix("?").split(", ")
    assert len(suggested) == 3 and set(suggested) <= {"Ann Lee", "Anne Lee", "Ann Leigh", "Anna Lee"}
    with pytest.raises(OptionError) as caught:
        find_author(graph, "Qqqq")
    assert str(caught.value) == "author 'Qqqq' is not in the graph"
    twice = nx.Graph()
    twice.add_node("x1", name="Sam Poe")
    twice.add_node("x2", name="Sam Poe")
    with pytest.raises(OptionError):  # a display name two authors share names neither
        find_author(twice, "Sam Poe")


def test_read_focus_file(tmp_path: Path) -> None:
    listed = tmp_path / "focus.txt"
    listed.write_text("# people\n\n  Ann Lee  \n   # indented comment\nbo-chen\n", encoding="utf-8")
    assert read_focus_file(listed) == ("Ann Lee", "bo-chen")
    empty = tmp_path / "empty.txt"
    empty.write_text("# nobody\n\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_focus_file(empty)
    assert str(caught.value) == f"{empty}: the focus list names no author"
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InputError) as caught:
        read_focus_file(binary)
    assert str(caught.value).startswith(f"{binary}: cannot read the focus list (")
    with pytest.raises(InputError):
        read_focus_file(tmp_path / "missing.txt")


def test_nodes_without_papers_or_names_or_variants() -> None:
    """Graphs read from elsewhere may lack coauthor's attributes: a missing
    paper count ranks as 0, a missing name is the id, missing variants are none."""
    bare = nx.Graph([("x", "y"), ("y", "z")])
    nx.set_node_attributes(bare, {"x": 2, "y": 2}, "papers")  # z has no count
    assert sorted(filter_graph(bare, GraphOptions(top=2))) == ["x", "y"]
    uncounted = nx.Graph([("aaa", "x"), ("x", "y")])  # aaa: no count, so 0, ranked after x and y
    nx.set_node_attributes(uncounted, {"x": 1, "y": 1}, "papers")
    assert sorted(filter_graph(uncounted, GraphOptions(min_papers=0, top=2))) == ["x", "y"]
    nx.set_node_attributes(bare, {"z": 3}, "papers")
    assert sorted(filter_graph(bare, GraphOptions(top=1))) == ["z"]
    named = nx.Graph([("x1", "x2")])
    nx.set_node_attributes(named, {"x1": "Bo Chen", "x2": "Di Ek"}, "name")
    assert find_author(named, "Bo Chen") == "x1"  # by the display name alone (no key, no variants)
    assert find_author(named, "Di Ek") == "x2"
    for text in ("None", "XXXX", ""):
        with pytest.raises(OptionError):
            find_author(named, text)
    nameless = nx.Graph([("bo-chen", "cy-dunn")])
    with pytest.raises(OptionError) as caught:
        find_author(nameless, "bo-chenn")
    assert str(caught.value) == "author 'bo-chenn' is not in the graph; did you mean bo-chen?"
