"""The institution and country graphs, against hand computations.

tests/data/wos/affiliations.isi holds four papers:

1. (2020) Lee (Univ Oslo, Norway), Chen (CERN, Switzerland)
2. (2021) Lee and Wu (both Univ Oslo, Norway)
3. (2022) Lee (Oslo, NO), Chen (CERN, CH), Diaz (Tech Univ Munich, Germany)
4. (2022) Kim, no address

Country papers, full: NO 3, CH 2, DE 1. Fractional (each paper's 1 split
over its authors, each author's share over their countries): NO 1/2 + 1 +
1/3, CH 1/2 + 1/3, DE 1/3. Links, full: NO-CH 2, NO-DE 1, CH-DE 1;
fractional (Perianes-Rodriguez et al. 2016: 1/(n - 1) per pair of a paper of
n countries): NO-CH 1 + 1/2, the others 1/2 (paper 2 has one country: no
pair). Paper 4 is left out.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from coauthor.errors import InputError, OptionError
from coauthor.graph.filters import GraphOptions
from coauthor.graph.levels import level_graph, level_tables, unit_table
from coauthor.pipeline import analyze, build_graph
from coauthor.readers import read_inputs
from coauthor.records import Affiliation, Paper

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "wos" / "affiliations.isi"


@pytest.fixture(scope="module")
def papers() -> list[Paper]:
    return read_inputs([FIXTURE])[0]


def edge_weights(graph: object) -> dict[tuple[str, str], float]:
    return {tuple(sorted((u, v))): round(float(w), 6) for u, v, w in graph.edges(data="weight")}  # type: ignore[attr-defined]


def test_country_graph_full_counting(papers: list[Paper]) -> None:
    g = level_graph(papers, "country", "full")
    assert dict(g.nodes(data="papers")) == {"CH": 2, "DE": 1, "NO": 3}
    assert edge_weights(g) == {("CH", "NO"): 2, ("DE", "NO"): 1, ("CH", "DE"): 1}
    assert g.nodes["NO"]["name"] == "Norway" and g.nodes["DE"]["country"] == "DE"
    assert (g.graph["papers_with_units"], g.graph["papers_without_units"]) == (3, 1)
    assert (g.graph["authorships"], g.graph["authorships_without_units"]) == (2 + 2 + 3 + 1, 1)  # Kim's


def test_country_graph_fractional_counting(papers: list[Paper]) -> None:
    g = level_graph(papers, "country", "fractional")
    assert edge_weights(g) == {("CH", "NO"): round(1 + 1 / 2, 6), ("DE", "NO"): round(1 / 2, 6),
                               ("CH", "DE"): round(1 / 2, 6)}  # fmt: skip
    fractional = {n: round(v, 6) for n, v in g.nodes(data="papers_fractional")}
    assert fractional == {"NO": round(1 / 2 + 1 + 1 / 3, 6), "CH": round(1 / 2 + 1 / 3, 6), "DE": round(1 / 3, 6)}
    assert math.isclose(sum(fractional.values()), 3, abs_tol=1e-5)  # one per paper with a country


def test_country_graph_normalised_weightings(papers: list[Paper]) -> None:
    # c_NO = 3, c_CH = 2, c_NO,CH = 2
    weights = {
        w: edge_weights(level_graph(papers, "country", w))[("CH", "NO")] for w in ("association", "jaccard", "salton")
    }
    assert weights == {"association": round(2 / 6, 6), "jaccard": round(2 / 3, 6), "salton": round(2 / math.sqrt(6), 6)}


def test_institution_graph(papers: list[Paper]) -> None:
    g = level_graph(papers, "institution", "full")
    assert dict(g.nodes(data="name")) == {"name:cern": "CERN", "name:techunivmunich": "Tech Univ Munich",
                                          "name:univoslo": "Univ Oslo"}  # fmt: skip
    assert g.nodes["name:univoslo"]["country"] == "NO" and g.nodes["name:univoslo"]["papers"] == 3
    assert edge_weights(g) == {("name:cern", "name:univoslo"): 2, ("name:techunivmunich", "name:univoslo"): 1,
                               ("name:cern", "name:techunivmunich"): 1}  # fmt: skip


def test_an_author_with_two_affiliations_shares_them() -> None:
    oslo, cern, tum = (
        Affiliation("U Oslo", country="NO"),
        Affiliation("CERN", country="CH"),
        Affiliation("TUM", country="DE"),
    )
    paper = Paper("p", "T", ["Lee", "Chen"], 2020, "f:1", author_affiliations=((oslo, cern), (tum,)))
    table, _ = unit_table([paper], "country")
    assert dict(zip(table["author_id"], table["share"], strict=True)) == {"CH": 0.25, "NO": 0.25, "DE": 0.5}


def test_one_ror_id_is_one_institution_whatever_its_name() -> None:
    a = Affiliation("University of Oslo", ror="01xtthb56", country="NO")
    b = Affiliation("Univ Oslo", ror="01xtthb56", country="NO")
    c = Affiliation("CERN", ror="01ggx4157", country="CH")
    papers = [Paper("p", "T", ["Lee", "Chen"], 2020, "f:1", author_affiliations=((a,), (c,))),
              Paper("q", "U", ["Wu", "Chen"], 2021, "f:2", author_affiliations=((b,), (c,)))]  # fmt: skip
    g = level_graph(papers, "institution")
    assert sorted(g) == ["ror:01ggx4157", "ror:01xtthb56"]
    assert g.edges["ror:01ggx4157", "ror:01xtthb56"]["weight"] == 2


def test_unlinked_affiliations_make_the_papers_units() -> None:
    unlinked = (Affiliation("U Oslo", country="NO"), Affiliation("CERN", country="CH"))
    paper = Paper("p", "T", ["Lee", "Chen"], 2020, "f:1", unlinked_affiliations=unlinked)
    g = level_graph([paper], "country")
    assert edge_weights(g) == {("CH", "NO"): 1} and g.nodes["NO"]["papers_fractional"] == 0.5


def test_max_authors_caps_the_units_of_a_paper(papers: list[Paper]) -> None:
    g = level_graph(papers, "country", max_authors=2)  # paper 3 has three countries: no links, still counted
    assert edge_weights(g) == {("CH", "NO"): 1} and g.nodes["DE"]["papers"] == 1


def test_years_filter_applies_before_the_level(papers: list[Paper]) -> None:
    graph, _, _ = build_graph([FIXTURE], options=GraphOptions(level="country", years=(2020, 2021)))
    assert sorted(graph) == ["CH", "NO"] and edge_weights(graph) == {("CH", "NO"): 1}


def test_filters_apply_to_level_nodes() -> None:
    graph, _, _ = build_graph([FIXTURE], options=GraphOptions(level="country", min_papers=2))
    assert sorted(graph) == ["CH", "NO"]


def test_analyze_at_a_level_ranks_countries() -> None:
    result = analyze([FIXTURE], graph_options=GraphOptions(level="country"))
    assert set(result.centrality.index) == {"CH", "DE", "NO"}
    # NO and CH are symmetric (links 2 + 1 each), DE has 1 + 1
    assert result.centrality["strength"].to_dict() == {"CH": 3, "DE": 2, "NO": 3}
    assert set(result.top_authors(2)) == {"Norway", "Switzerland"}
    assert result.graph.graph["level"] == "country"


def test_author_level_is_unchanged_by_affiliations() -> None:
    graph, _, _ = build_graph([FIXTURE])
    assert graph.number_of_nodes() == 5 and "level" not in graph.graph


def test_a_level_without_data_is_one_clear_error(seeds: Path) -> None:
    with pytest.raises(InputError, match=r"none of the \d+ papers has an affiliation with a known country"):
        build_graph([seeds], options=GraphOptions(level="country"))


def test_unknown_level() -> None:
    with pytest.raises(OptionError, match="unknown level 'city'"):
        level_tables([], "city")


def test_a_dataframe_of_records_keeps_the_affiliations() -> None:
    from coauthor.readers.frame import read

    frame = read([FIXTURE])  # affiliations as the dicts of Paper.to_dict
    graph, _, _ = build_graph(frame, options=GraphOptions(level="country"))
    assert edge_weights(graph) == {("CH", "NO"): 2, ("DE", "NO"): 1, ("CH", "DE"): 1}
