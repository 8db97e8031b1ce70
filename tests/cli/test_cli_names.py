"""`coauthor names` and the --resolve / --aliases options of the graph
commands, end to end through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from cli_run import run, table

YEAR = ["--undated-year", "2026"]
BIB = """
@article{a1, author = {John Smith and Ann Lee}, title = {One}, journal = {J}, year = 2001}
@article{a2, author = {Smith, J. and Lee, Ann}, title = {Two}, journal = {J}, year = 2003}
@article{a3, author = {James Smith and Bo Chen}, title = {Three}, journal = {J}, year = 2005}
@article{a4, author = {Matt Post and Gim{\\'e}nez, Jos{\\'e}}, title = {Four}, journal = {J}, year = 2007}
@article{a5, author = {Matthew Post and Jose Gimenez and J. Smith}, title = {Five}, journal = {J}, year = 2009}
@article{a6, author = {J. B. Smith and Cy Twombly}, title = {Six}, journal = {J}, year = 2011}
"""


@pytest.fixture
def bib(tmp_path: Path) -> Path:
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def test_names_table(bib: Path) -> None:
    rows = table(run("names", str(bib), "-q"))
    assert list(rows.columns[:6]) == ["paper_id", "position", "name", "author_id", "author_name", "rule"]
    ids = rows.groupby("name")["author_id"].first()
    assert ids["Smith, J."] == ids["J. Smith"] == ids["John Smith"] == "john-smith"  # J. Smith shares Ann Lee
    assert ids["James Smith"] == "james-smith" and ids["J. B. Smith"] == "j-b-smith"
    assert ids["Matt Post"] == ids["Matthew Post"] == "matthew-post"
    assert ids["Giménez, José"] == ids["Jose Gimenez"] == "jose-gimenez"
    evidence = rows.set_index("name").loc["Smith, J.", "evidence"]
    assert rows.set_index("name").loc["Smith, J.", "rule"] == "initials-coauthors" and "Lee, Ann" in evidence
    assert rows.set_index("name").loc["J. B. Smith", "rule"] == "separate"  # fits John and James, no evidence


def test_names_modes_and_jsonl(bib: Path) -> None:
    off = table(run("names", str(bib), "--resolve", "off", "-q"))
    assert set(off["author_id"]) == set(off["name"])
    strict = table(run("names", str(bib), "--resolve", "strict", "-q"))
    assert strict["author_id"].nunique() == 10
    assert table(run("names", str(bib), "-q"))["author_id"].nunique() == 8
    lines = run("names", str(bib), "--format", "jsonl", "-q").stdout.splitlines()
    assert len(lines) == 13 and json.loads(lines[0])["author_id"] == "john-smith"


def test_names_export_aliases_round_trip(bib: Path, tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.txt"
    first = run("names", str(bib), "-q", "--export-aliases", str(aliases))
    assert aliases.read_text(encoding="utf-8").startswith("label\treplace by\n")
    again = run("names", str(bib), "-q", "--aliases", str(aliases))
    shared = ["paper_id", "position", "name", "author_id", "author_name"]
    pd.testing.assert_frame_equal(table(first)[shared], table(again)[shared])


def test_names_edited_aliases(bib: Path, tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.txt"
    aliases.write_text("label\treplace by\nJ. Smith\tjames-smith\nBo Chen\t\n", encoding="utf-8")
    rows = table(run("names", str(bib), "-q", "--aliases", str(aliases)))
    ids = rows.groupby("name")["author_id"].first()
    assert ids["J. Smith"] == ids["James Smith"] == "james-smith"
    assert "Bo Chen" not in set(rows["name"])


def test_names_report_and_output_file(bib: Path, tmp_path: Path) -> None:
    out = tmp_path / "names.csv"
    result = run("names", str(bib), "-q", "-o", str(out), "--report")
    assert result.exit_code == 0
    assert "Merges (" in result.stdout and "matthew-post (Matthew Post)" in result.stdout
    assert "Matt Post x1: compatible-variant" in result.stdout
    assert "Left apart, could be several people (1):" in result.stdout
    assert "J. B. Smith x1 -> j-b-smith: ambiguous: James Smith; John Smith" in result.stdout
    assert "Possible homonyms" in result.stdout
    assert len(pd.read_csv(out)) == 13 and "13 authorships of 8 authors" in result.stderr


def test_bad_alias_file_is_one_line_error(bib: Path, tmp_path: Path) -> None:
    aliases = tmp_path / "bad.txt"
    aliases.write_text("label\treplace by\nJ. Smith John Smith\n", encoding="utf-8")
    for command in (["names"], ["graph", "-o", str(tmp_path / "g.graphml")]):
        result = run(*command, str(bib), "-q", "--aliases", str(aliases))
        assert result.exit_code == 1
        assert result.stderr == f"Error: {aliases}:2: expected 'label<TAB>replace by' (a tab between the two)\n"


def test_graph_resolve_option(bib: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    assert run("graph", str(bib), "-o", str(out), "-q").exit_code == 0
    graph = nx.read_graphml(out)
    assert graph.graph["name_resolution"] == "default"
    assert graph.nodes["matthew-post"]["variants"] == "Matt Post; Matthew Post"
    assert (
        graph.nodes["john-smith"]["papers"] == 3
        and graph.nodes["john-smith"]["variants"] == "J. Smith; John Smith; Smith, J."
    )
    assert run("graph", str(bib), "-o", str(out), "-q", "--resolve", "off").exit_code == 0
    off = nx.read_graphml(out)
    assert "Matt Post" in off and off.graph["name_resolution"] == "off"


def test_report_with_aliases_keeps_ids_consistent(bib: Path, tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.txt"
    aliases.write_text("J. Smith\tjames-smith\n", encoding="utf-8")
    out = tmp_path / "report"
    result = run("report", str(bib), "-o", str(out), "-q", "--aliases", str(aliases), *YEAR)
    assert result.exit_code == 0, result.stderr
    central = pd.read_csv(out / "centrality.csv")
    people = pd.read_csv(out / "author_timeline.csv")
    assert set(people["author_id"]) == set(central["author_id"])  # timelines use the graph's ids
    assert people.loc[people["author_id"] == "james-smith", "papers"].sum() == 3  # a2, a3 and a5


def test_ego_finds_an_author_by_any_spelling(bib: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    assert run("graph", str(bib), "-o", str(out), "-q", "--ego", "Matt Post").exit_code == 0
    assert set(nx.read_graphml(out)) == {"matthew-post", "jose-gimenez", "john-smith"}


# by hand: Hans Müller (twice) and Hans Mueller (once) both wrote with Ann Lee; Otto Müller and Otto Mueller
# share no co-author
VARIANTS_BIB = """
@article{v1, author = {Hans M{\\"u}ller and Ann Lee}, title = {One}, journal = {J}, year = 2001}
@article{v2, author = {Hans Müller and Bo Chen}, title = {Two}, journal = {J}, year = 2002}
@article{v3, author = {Hans Mueller and Ann Lee}, title = {Three}, journal = {J}, year = 2003}
@article{v4, author = {Otto Müller and Cy Dee}, title = {Four}, journal = {J}, year = 2004}
@article{v5, author = {Otto Mueller and Ed Fu}, title = {Five}, journal = {J}, year = 2005}
"""


def test_names_shows_a_variant_merge_with_its_evidence(tmp_path: Path) -> None:
    path = tmp_path / "variants.bib"
    path.write_text(VARIANTS_BIB, encoding="utf-8")
    rows = table(run("names", str(path), "-q"))
    mueller = rows[rows["name"] == "Hans Mueller"].iloc[0]
    assert mueller["author_id"] == "hans-muller"
    assert mueller["rule"] == "variant-transliteration"
    assert mueller["evidence"] == "~ Hans Müller; shared co-authors: Ann Lee"
    assert set(rows.loc[rows["name"].str.startswith("Otto"), "author_id"]) == {"otto-muller", "otto-mueller"}
    strict = table(run("names", str(path), "-q", "--resolve", "strict"))
    assert strict.loc[strict["name"] == "Hans Mueller", "author_id"].tolist() == ["hans-mueller"]
    report = run("names", str(path), "-q", "--report").stderr.splitlines()
    start = report.index("  hans-muller (Hans Müller)")
    assert report[start + 1 : start + 3] == [
        "    Hans Mueller x1: variant-transliteration (~ Hans Müller; shared co-authors: Ann Lee)",
        "    Hans Müller x2: exact-name",  # the BibTeX reader decodes M{\\"u}ller
    ]
