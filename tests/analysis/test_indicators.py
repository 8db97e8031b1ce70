"""Indicators: each value against a hand computation on a six-paper
bibliography, Lotka's fit against its closed form, and the network measures
against networkx on the TUGboat bibliography."""

from __future__ import annotations

import importlib
import math
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from coauthor import ReadOptions, authorship_table, coauthorship_graph, communities, read_inputs
from coauthor.analysis.indicators import COLUMNS, DEFINITIONS, indicators, indicators_by_year, lotka_values

#: Author counts 1, 2, 3, 1, 2, 4: f_1 = 2, f_2 = 2, f_3 = 1, f_4 = 1, N = 6.
BIB = """
@article{p1, author = {Ann Lee}, title = {One}, year = 2020}
@article{p2, author = {Ann Lee and Bo Chen}, title = {Two}, year = 2020}
@article{p3, author = {Ann Lee and Bo Chen and Cy Diaz}, title = {Three}, year = 2021}
@article{p4, author = {Di Wu}, title = {Four}, year = 2021}
@article{p5, author = {Di Wu and Ed Fox}, title = {Five}, year = 2022}
@article{p6, author = {Ann Lee and Cy Diaz and Ed Fox and Fay Gu}, title = {Six}, year = 2022}
"""


@pytest.fixture
def six(tmp_path: Path) -> tuple[nx.Graph, pd.DataFrame]:
    path = tmp_path / "six.bib"
    path.write_text(BIB)
    papers, _ = read_inputs([path], ReadOptions(2026))
    return coauthorship_graph(papers), authorship_table(papers)


def values(table: pd.DataFrame) -> pd.Series:
    return table.set_index("indicator")["value"]


def test_columns_and_one_row_per_indicator(six: tuple[nx.Graph, pd.DataFrame]) -> None:
    table = indicators(*six)
    assert table.columns.tolist() == COLUMNS
    assert table["indicator"].tolist() == list(DEFINITIONS)
    assert table["definition"].str.len().gt(0).all()
    cited = table.set_index("indicator")["citation"]
    assert "Lawani" in cited["collaboration_index"] and "Subramanyam" in cited["degree_of_collaboration"]
    assert "Ajiferuke" in cited["collaboration_coefficient"] and "bibliometrix" in cited["lotka_beta"]


def test_paper_indicators_by_hand(six: tuple[nx.Graph, pd.DataFrame]) -> None:
    v = values(indicators(*six))
    assert (v["papers"], v["authors"], v["authorships"]) == (6, 6, 13)
    assert v["authors_per_paper_mean"] == pytest.approx(13 / 6)
    assert v["authors_per_paper_median"] == 2  # of 1, 1, 2, 2, 3, 4
    assert v["collaboration_index"] == pytest.approx(13 / 6)  # Σ j f_j / N
    assert v["authors_per_multi_authored_paper"] == pytest.approx((2 + 3 + 2 + 4) / 4)
    assert v["degree_of_collaboration"] == pytest.approx(1 - 2 / 6)
    assert v["collaboration_coefficient"] == pytest.approx(1 - (2 / 1 + 2 / 2 + 1 / 3 + 1 / 4) / 6)
    assert v["single_author_share"] == pytest.approx(2 / 6)


def test_network_indicators_by_hand(six: tuple[nx.Graph, pd.DataFrame]) -> None:
    """Links: Ann-Bo, Ann-Cy, Bo-Cy (p2, p3), Di-Ed (p5), and the four of p6
    (Ann, Cy, Ed, Fay) pairwise: 9 links on 6 authors, one component."""
    graph, authorships = six
    table = indicators(graph, authorships)
    v = values(table)
    assert v["density"] == pytest.approx(2 * 9 / (6 * 5))
    assert (v["components"], v["largest_component_share"]) == (1, 1.0)
    assert v["diameter"] == 3  # Bo - Ann - Ed - Di
    # the 15 distances: Bo-Di 3; Ann-Di, Bo-Ed, Bo-Fay, Cy-Di, Di-Fay 2; the other 9 are links
    assert v["average_path_length"] == pytest.approx((3 + 5 * 2 + 9) / 15)
    # 5 triangles (ABC, ACE, ACF, AEF, CEF); triples Σ C(d, 2) over degrees 4, 2, 4, 1, 4, 3 = 22
    assert v["transitivity"] == pytest.approx(3 * 5 / 22)
    # local clustering: Ann 4/6, Bo 1, Cy 4/6, Di 0, Ed 3/6, Fay 1
    assert v["average_clustering"] == pytest.approx((4 / 6 + 1 + 4 / 6 + 0 + 3 / 6 + 1) / 6)
    assert v["degree_assortativity"] == pytest.approx(nx.degree_assortativity_coefficient(graph))
    assert table.set_index("indicator").loc[["diameter", "average_path_length"], "note"].tolist() == ["", ""]


def test_modularity_is_the_partition_given(six: tuple[nx.Graph, pd.DataFrame]) -> None:
    graph, authorships = six
    groups = communities(graph, method="louvain", seed=3)
    row = indicators(graph, authorships, groups).set_index("indicator").loc["modularity"]
    assert row["value"] == pytest.approx(groups.attrs["modularity"])
    assert row["note"] == "louvain communities (resolution 1.0, seed 3)"
    partition = groups.groupby("community").groups.values()
    assert row["value"] == pytest.approx(nx.community.modularity(graph, [set(p) for p in partition]))


def test_affiliation_shares_absent_say_so(six: tuple[nx.Graph, pd.DataFrame]) -> None:
    rows = indicators(*six).set_index("indicator").loc[["international_share", "inter_institutional_share"]]
    assert rows["value"].isna().all()
    assert rows["note"].tolist() == ["not available: no affiliations in the input"] * 2


def test_affiliation_shares_by_hand(six: tuple[nx.Graph, pd.DataFrame]) -> None:
    """p2 spans two countries, p3 one (two institutions in it), p6 two
    institutions of one country through one author's two affiliations; the
    other papers name none."""
    graph, authorships = six
    by_paper = {"p2": [("MIT", "US"), ("ETH", "CH")], "p3": [("MIT", "US"), ("MIT", "US"), ("NYU", "US")]}
    institution, country = [], []
    for paper, position in zip(authorships["paper_id"], authorships["position"], strict=True):
        pairs = by_paper.get(paper)
        if paper == "p6" and position == 0:
            institution.append(["CNRS", "Inria"])
            country.append("FR")
        elif pairs:
            institution.append(pairs[position][0])
            country.append(pairs[position][1])
        else:
            institution.append(None)
            country.append(None)
    table = authorships.assign(institution=institution, country=country)
    rows = indicators(graph, table).set_index("indicator")
    assert rows.loc["international_share", "value"] == pytest.approx(1 / 3)  # p2 of p2, p3, p6
    assert rows.loc["international_share", "note"] == "of 3 papers with a known country"
    assert rows.loc["inter_institutional_share", "value"] == pytest.approx(1.0)  # all three


def test_lotka_exact_law() -> None:
    """36, 9, 4 and 1 authors with 1, 2, 3 and 6 papers: s(x) = 0.72 / x²
    exactly, so β = 2, C = 0.72, R² = 1, and C / x² is the data (D = 0)."""
    counts = np.repeat([1, 2, 3, 6], [36, 9, 4, 1])
    v = {key: value for key, (value, _) in lotka_values(counts).items()}
    assert v["lotka_beta"] == pytest.approx(2)
    assert v["lotka_c"] == pytest.approx(0.72)
    assert v["lotka_r2"] == pytest.approx(1)
    assert v["lotka_ks_statistic"] == pytest.approx(0)
    assert v["lotka_ks_p_value"] == pytest.approx(1)


def test_lotka_two_points_and_bibliometrix_ks() -> None:
    """3 authors with one paper, 1 with two: s = (3/4, 1/4), slope
    log10(1/3)/log10(2); the theoretical C/x² = (3/4, 3/16). As samples,
    the empirical CDFs differ most (1/2) at 3/16; R's asymptotic p-value
    is Q(sqrt(2·2/4)·D) with Q(t) = 2 Σ (−1)^(k−1) exp(−2k²t²)."""
    v = {key: value for key, (value, _) in lotka_values(np.array([1, 1, 1, 2])).items()}
    assert v["lotka_beta"] == pytest.approx(math.log10(3) / math.log10(2))
    assert v["lotka_c"] == pytest.approx(0.75)
    assert v["lotka_ks_statistic"] == pytest.approx(0.5)
    t = 0.5
    q = 2 * sum((-1) ** (k - 1) * math.exp(-2 * k * k * t * t) for k in range(1, 50))
    assert v["lotka_ks_p_value"] == pytest.approx(q)


def test_lotka_of_the_bibliography(six: tuple[nx.Graph, pd.DataFrame]) -> None:
    """Papers per author: Ann 4, Bo/Cy/Di/Ed 2, Fay 1: shares 1/6, 4/6, 1/6
    at x = 1, 2, 4 (log x evenly spaced, equal ends): slope 0."""
    rows = indicators(*six).set_index("indicator")
    assert rows.loc["lotka_beta", "value"] == pytest.approx(0, abs=1e-12)
    assert rows.loc["lotka_c", "value"] == pytest.approx(10 ** np.mean(np.log10([1 / 6, 4 / 6, 1 / 6])))
    assert rows.loc["lotka_beta", "note"] == "3 distinct paper counts, from 1 to 4"


def test_graph_file_has_no_paper_rows(six: tuple[nx.Graph, pd.DataFrame]) -> None:
    rows = indicators(six[0]).set_index("indicator")
    paper_rows = rows[rows["basis"] == "papers"]
    assert paper_rows["value"].isna().all()
    assert set(paper_rows["note"]) == {"not available: a graph file holds no papers"}
    assert rows.loc["density", "value"] == pytest.approx(0.6)


def test_by_year_by_hand(six: tuple[nx.Graph, pd.DataFrame]) -> None:
    graph, authorships = six
    table = indicators_by_year(authorships, set(graph)).set_index("year")
    assert table.index.tolist() == [2020, 2021, 2022]
    assert table["papers"].tolist() == [2, 2, 2]
    assert table["collaboration_index"].tolist() == pytest.approx([1.5, 2.0, 3.0])
    assert table["degree_of_collaboration"].tolist() == pytest.approx([0.5, 0.5, 1.0])
    assert table["collaboration_coefficient"].tolist() == pytest.approx([0.25, 1 - (1 + 1 / 3) / 2, 1 - 0.75 / 2])
    # 2021: the triangle Ann-Bo-Cy and Di alone; 2022: Di-Ed and the four of p6
    assert table["density"].tolist() == pytest.approx([1.0, 6 / 12, 14 / 20])
    assert table["components"].tolist() == [1, 2, 1]
    assert table["largest_component_share"].tolist() == pytest.approx([1.0, 0.75, 1.0])
    assert table.loc[2022, "transitivity"] == pytest.approx(12 / 15)  # 4 triangles; Ed has degree 4
    assert table.loc[2022, "average_clustering"] == pytest.approx((0 + 0.5 + 1 + 1 + 1) / 5)
    assert "modularity" not in table and "lotka_beta" not in table


def test_by_year_keeps_the_graph_authors(six: tuple[nx.Graph, pd.DataFrame]) -> None:
    """Without Ed, 2022's graph is Di alone and the triangle Ann-Cy-Fay."""
    graph, authorships = six
    table = indicators_by_year(authorships, set(graph) - {"ed-fox"}).set_index("year")
    assert table.loc[2022, "components"] == 2
    assert table.loc[2022, "density"] == pytest.approx(6 / 12)
    assert table.loc[2022, "papers"] == 2  # papers are counted whole


def test_sampled_paths_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 60-author cycle looks the same from every author, so 10 sampled
    sources give the exact mean distance (networkx) and diameter 30."""
    module = importlib.import_module("coauthor.analysis.indicators")
    monkeypatch.setattr(module, "PATH_EXACT_LIMIT", 50)
    monkeypatch.setattr(module, "PATH_SAMPLE", 10)
    cycle = nx.cycle_graph([f"a{i:02d}" for i in range(60)])
    rows = indicators(cycle, seed=5).set_index("indicator")
    assert rows.loc["average_path_length", "value"] == pytest.approx(nx.average_shortest_path_length(cycle))
    assert rows.loc["diameter", "value"] == 30
    assert rows.loc["diameter", "note"] == "estimated from 10 of 60 authors as path sources (seed 5); a lower bound"


def test_network_indicators_match_networkx_on_tugboat(shared_data: Path) -> None:
    papers, _ = read_inputs([shared_data / "bibtex" / "tugboat.bib"], ReadOptions(2026))
    authorships = authorship_table(papers)
    graph = coauthorship_graph(papers)
    v = values(indicators(graph, authorships))
    parts = [graph.subgraph(c) for c in nx.connected_components(graph)]
    assert v["density"] == pytest.approx(nx.density(graph))
    assert v["components"] == len(parts)
    assert v["largest_component_share"] == pytest.approx(max(len(p) for p in parts) / len(graph))
    assert v["diameter"] == max(nx.diameter(p) for p in parts)
    linked = [p for p in parts if len(p) > 1]
    pairs = [len(p) * (len(p) - 1) / 2 for p in linked]
    sums = [nx.average_shortest_path_length(p) * n for p, n in zip(linked, pairs, strict=True)]
    assert v["average_path_length"] == pytest.approx(sum(sums) / sum(pairs))
    assert v["transitivity"] == pytest.approx(nx.transitivity(graph))
    assert v["average_clustering"] == pytest.approx(nx.average_clustering(graph))
    assert v["degree_assortativity"] == pytest.approx(nx.degree_assortativity_coefficient(graph))
    per_author = authorships.groupby("author_id")["paper_id"].nunique()
    assert v["authors"] == len(per_author) and v["papers"] == authorships["paper_id"].nunique()


def test_report_writes_the_indicators_and_shows_them(tmp_path: Path) -> None:
    """make_report writes both tables and index.html shows each indicator
    with its value; a second run gives the same bytes."""
    from coauthor import make_report

    (tmp_path / "six.bib").write_text(BIB)
    make_report([tmp_path / "six.bib"], tmp_path / "r", exports=())
    table = pd.read_csv(tmp_path / "r" / "indicators.csv", keep_default_na=False)
    assert table.columns.tolist() == COLUMNS and table["indicator"].tolist() == list(DEFINITIONS)
    row = table.set_index("indicator").loc["collaboration_coefficient"]
    assert float(row["value"]) == pytest.approx(1 - (2 / 1 + 2 / 2 + 1 / 3 + 1 / 4) / 6)
    assert table.set_index("indicator").loc["international_share", "value"] == ""
    years = pd.read_csv(tmp_path / "r" / "indicators_by_year.csv")
    assert years["year"].tolist() == [2020, 2021, 2022] and years["components"].tolist() == [1, 2, 1]
    page = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "<h2>Indicators</h2>" in page
    assert '<td>Collaboration coefficient</td><td class="n">0.4028</td>' in page
    assert page.count("not available: no affiliations in the input") == 2
    make_report([tmp_path / "six.bib"], tmp_path / "again", exports=())
    for name in ("indicators.csv", "indicators_by_year.csv"):
        assert (tmp_path / "r" / name).read_bytes() == (tmp_path / "again" / name).read_bytes()
