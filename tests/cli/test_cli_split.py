"""`--resolve split` and the evidence groups of `coauthor names --report`,
end to end through click's CliRunner."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from cli_run import run, table

# by hand: Wei Wang of 1990-1993 (Ann Lee, Physics A) and of 2015-2018 (Bo Chen, NeurIPS) share nothing;
# Jo Park has two teams at once (2015-2017): kept whole, reported
BIB = """
@article{a1, author = {Wei Wang and Ann Lee}, title = {One}, journal = {Physics A}, year = 1990}
@article{a2, author = {Wei Wang and Ann Lee}, title = {Two}, journal = {Physics A}, year = 1993}
@article{b1, author = {Wei Wang and Bo Chen}, title = {Three}, journal = {NeurIPS}, year = 2015}
@article{b2, author = {Wei Wang and Bo Chen}, title = {Four}, journal = {NeurIPS}, year = 2018}
@article{c1, author = {Jo Park and Cy Dee}, title = {Five}, journal = {NeurIPS}, year = 2015}
@article{c2, author = {Jo Park and Cy Dee}, title = {Six}, journal = {NeurIPS}, year = 2016}
@article{c3, author = {Jo Park and Ed Fu}, title = {Seven}, journal = {Other}, year = 2015}
@article{c4, author = {Jo Park and Ed Fu}, title = {Eight}, journal = {Other}, year = 2017}
"""


@pytest.fixture
def bib(tmp_path: Path) -> Path:
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def test_resolve_split_makes_two_wei_wangs(bib: Path) -> None:
    rows = table(run("names", str(bib), "-q", "--resolve", "split"))
    wei = rows[rows["name"] == "Wei Wang"]
    assert wei["author_id"].tolist() == ["wei-wang", "wei-wang", "wei-wang-2", "wei-wang-2"]
    assert set(wei["rule"]) == {"split-evidence"}
    assert "venues Physics A vs NeurIPS, years 1990-1993 vs 2015-2018" in wei["evidence"].iloc[0]
    assert set(rows.loc[rows["name"] == "Jo Park", "author_id"]) == {"jo-park"}


@pytest.mark.parametrize("mode", ["default", "strict"])
def test_other_modes_keep_one_wei_wang(bib: Path, mode: str) -> None:
    rows = table(run("names", str(bib), "-q", "--resolve", mode))
    assert set(rows.loc[rows["name"] == "Wei Wang", "author_id"]) == {"wei-wang"}
    assert "split-evidence" not in set(rows["rule"])


def test_report_lists_evidence_groups_for_and_against(bib: Path) -> None:
    result = run("names", str(bib), "-q", "--report")
    assert result.exit_code == 0
    report = result.stderr.splitlines()
    start = next(i for i, line in enumerate(report) if line.startswith("Possible homonyms by evidence"))
    assert report[start].endswith("(2):")
    assert report[start + 1 :] == [
        "  jo-park (Jo Park): groups of 2+2 mentions, kept whole by --resolve split",
        "    for: no shared co-author, directly or at two hops, venues NeurIPS vs Other, years 2015-2016 vs 2015-2017",
        "    against: years overlap",
        "  wei-wang (Wei Wang): groups of 2+2 mentions, split by --resolve split",
        "    for: no shared co-author, directly or at two hops, venues Physics A vs NeurIPS, "
        "years 1990-1993 vs 2015-2018",
        "    against: nothing found",
    ]


def test_report_after_split_lists_the_split(bib: Path) -> None:
    result = run("names", str(bib), "-q", "--report", "--resolve", "split")
    assert "  wei-wang (Wei Wang): groups of 2+2 mentions, split by --resolve split" in result.stderr.splitlines()


def test_graph_with_split_has_both_people(bib: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    result = run("graph", str(bib), "-q", "--resolve", "split", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    graph = nx.read_graphml(out)
    # by hand: Wei Wang 1 - Ann Lee, Wei Wang 2 - Bo Chen; Jo Park - Cy Dee, Jo Park - Ed Fu
    assert graph.number_of_nodes() == 7 and graph.number_of_edges() == 4
    assert not graph.has_edge("wei-wang", "bo-chen") and graph.has_edge("wei-wang-2", "bo-chen")
