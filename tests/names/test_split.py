"""Homonym splitting (coauthor.names.split, resolve(mode="split")) on
hand-built tables whose right answer is known, and on the ORCID-bearing
Crossref records of the shared data with the ORCIDs hidden."""

from __future__ import annotations

import dataclasses
import itertools
import os
from pathlib import Path

import pandas as pd
import pytest

from coauthor.names.resolve import resolve
from coauthor.names.split import SPLIT_RULE, evidence_groups, paper_context, split_homonyms
from coauthor.records import Paper


def paper(pid: str, authors: list[str], year: int | None, venue: str | None = None, **kw: object) -> Paper:
    return Paper(pid, f"Title {pid}", authors, year, f"t:{pid}", venue=venue, **kw)  # type: ignore[arg-type]


def ids_of(table: pd.DataFrame, name: str) -> list[str]:
    return table.loc[table["name"] == name, "author_id"].tolist()


TWO_WEI_WANGS = [
    paper("a1", ["Wei Wang", "Ann Lee"], 1990, "Physics A"),
    paper("a2", ["Wei Wang", "Ann Lee", "Carl Ek"], 1993, "Physics A"),
    paper("a3", ["Wei Wang", "Carl Ek"], 1995, "Physics A"),
    paper("b1", ["Wei Wang", "Bo Chen"], 2015, "NeurIPS"),
    paper("b2", ["Wei Wang", "Bo Chen", "Dan Fox"], 2018, "NeurIPS"),
    paper("b3", ["Wei Wang", "Dan Fox"], 2020, "NeurIPS"),
]


def test_two_people_decades_apart_with_disjoint_coauthors_and_venues_are_split() -> None:
    table = resolve(TWO_WEI_WANGS, mode="split")
    # by hand: papers a* are one person (Ann Lee, Carl Ek), b* another (Bo Chen, Dan Fox); the earlier keeps the id
    assert ids_of(table, "Wei Wang") == ["wei-wang"] * 3 + ["wei-wang-2"] * 3
    wei = table[table["name"] == "Wei Wang"]
    assert set(wei["rule"]) == {SPLIT_RULE}
    evidence = wei["evidence"].iloc[0]
    assert "2 groups" in evidence and "Physics A vs NeurIPS" in evidence and "1990-1995 vs 2015-2020" in evidence
    # the co-authors are untouched
    assert set(table.loc[table["name"] != "Wei Wang", "rule"]) == {"exact-name"}


def test_default_and_strict_keep_one_node_for_the_two_wei_wangs() -> None:
    for mode in ("default", "strict"):
        assert set(ids_of(resolve(TWO_WEI_WANGS, mode=mode), "Wei Wang")) == {"wei-wang"}


def test_a_taken_suffix_is_skipped() -> None:
    table = resolve(TWO_WEI_WANGS)
    table.loc[table["name"] == "Dan Fox", "author_id"] = "wei-wang-2"  # an id already taken by someone else
    split = split_homonyms(table, paper_context(TWO_WEI_WANGS))
    assert ids_of(split, "Wei Wang") == ["wei-wang"] * 3 + ["wei-wang-3"] * 3
    assert ids_of(split, "Dan Fox") == ["wei-wang-2"] * 2


def test_a_chain_of_shared_coauthors_is_one_person() -> None:
    # the co-authors change completely from 1980 to 2020, but each paper shares one with the next
    papers = [
        paper("p1", ["Wei Wang", "A One"], 1980, "V1"),
        paper("p2", ["Wei Wang", "A One", "B Two"], 1990, "V2"),
        paper("p3", ["Wei Wang", "B Two", "C Three"], 2000, "V3"),
        paper("p4", ["Wei Wang", "C Three", "D Four"], 2010, "V4"),
        paper("p5", ["Wei Wang", "D Four"], 2020, "V5"),
    ]
    table = resolve(papers, mode="split")
    assert set(ids_of(table, "Wei Wang")) == {"wei-wang"}
    assert SPLIT_RULE not in set(table["rule"])


def test_two_hops_join() -> None:
    # 1990 with A, 2020 with B: no co-author in common, but A and B wrote together (a paper without Wei Wang)
    papers = [
        paper("p1", ["Wei Wang", "Ann Lee"], 1990, "V1"),
        paper("p2", ["Wei Wang", "Ann Lee"], 1991, "V1"),
        paper("p3", ["Wei Wang", "Bo Chen"], 2020, "V2"),
        paper("p4", ["Wei Wang", "Bo Chen"], 2021, "V2"),
        paper("p5", ["Ann Lee", "Bo Chen"], 2005, "V3"),
    ]
    assert set(ids_of(resolve(papers, mode="split"), "Wei Wang")) == {"wei-wang"}


def test_two_orcids_are_two_people_and_one_orcid_is_one() -> None:
    o1, o2 = "0000-0002-1825-0097", "0000-0001-5109-3700"
    papers = [
        paper("p1", ["Wei Wang", "Ann Lee"], 2000, "V", author_orcids=[o1, None]),
        paper("p2", ["Wei Wang", "Ann Lee"], 2001, "V", author_orcids=[o2, None]),  # shared co-author, other ORCID
        paper("p3", ["Wei Wang", "Bo Chen"], 2040, "W", author_orcids=[o1, None]),  # no evidence but the ORCID
    ]
    table = resolve(papers, mode="split")
    wei = ids_of(table, "Wei Wang")
    assert wei[0] == wei[2] and wei[0] != wei[1]


def test_different_orcids_in_one_block_are_never_joined() -> None:
    o1, o2 = "0000-0002-1825-0097", "0000-0001-5109-3700"
    table = pd.DataFrame({
        "paper_id": ["p1", "p1", "p2", "p2"], "author_id": ["w", "a", "w", "a"], "author_name": ["W", "A", "W", "A"],
        "rule": "exact-name", "evidence": "", "year": pd.array([2000, 2000, 2001, 2001], dtype="Int64"),
        "orcid": [o1, None, o2, None], "external_id": None, "position": [0, 1, 0, 1], "name": ["W", "A", "W", "A"],
    })  # fmt: skip
    found = evidence_groups(table)
    assert [(g.author_id, g.groups) for g in found] == [("w", ((0,), (2,)))]
    assert f"ids {o1} vs {o2}" in found[0].evidence


def test_mentions_without_evidence_are_not_split() -> None:
    # single-author papers decades apart at different venues: nothing says two people
    papers = [paper("p1", ["Wei Wang"], 1970, "V1"), paper("p2", ["Wei Wang"], 1971, "V1"),
              paper("p3", ["Wei Wang"], 2020, "V2"), paper("p4", ["Wei Wang"], 2021, "V2")]  # fmt: skip
    assert set(ids_of(resolve(papers, mode="split"), "Wei Wang")) == {"wei-wang"}


def test_one_mention_and_contemporaries_are_not_split() -> None:
    one = [paper("p1", ["Wei Wang", "Ann Lee"], 1990)]
    assert ids_of(resolve(one, mode="split"), "Wei Wang") == ["wei-wang"]
    # two teams at the same time, no link: one person may have two teams, so kept whole
    papers = [paper("p1", ["Wei Wang", "Ann Lee"], 2000), paper("p2", ["Wei Wang", "Ann Lee"], 2002),
              paper("p3", ["Wei Wang", "Bo Chen"], 2001), paper("p4", ["Wei Wang", "Bo Chen"], 2003)]  # fmt: skip
    assert set(ids_of(resolve(papers, mode="split"), "Wei Wang")) == {"wei-wang"}
    # a group of one paper is not split off
    papers = [*TWO_WEI_WANGS[:3], paper("z", ["Wei Wang", "Zoe Ng"], 2020, "Other")]
    assert set(ids_of(resolve(papers, mode="split"), "Wei Wang")) == {"wei-wang"}


def test_venue_and_title_words_join() -> None:
    same_venue = [
        *TWO_WEI_WANGS[:3],
        paper("v1", ["Wei Wang", "Bo Chen"], 1999, "Physics A"),  # 4 years after 1995 at the same venue
        paper("v2", ["Wei Wang", "Bo Chen"], 2003, "NeurIPS"),
    ]
    assert set(ids_of(resolve(same_venue, mode="split"), "Wei Wang")) == {"wei-wang"}
    # one paper of each shares two rare words of its title with one of the other
    titled = [
        dataclasses.replace(p, title="Quasicrystal tilings") if p.id in ("a3", "b1") else p for p in TWO_WEI_WANGS
    ]
    fillers = [paper(f"f{i}", [f"Zed {i}"], 2000) for i in range(100)]
    assert set(ids_of(resolve([*TWO_WEI_WANGS, *fillers], mode="split"), "Wei Wang")) == {"wei-wang", "wei-wang-2"}
    assert set(ids_of(resolve([*titled, *fillers], mode="split"), "Wei Wang")) == {"wei-wang"}


def test_nothing_split_gives_the_default_table() -> None:
    papers = [*TWO_WEI_WANGS[:3], paper("x", ["Bo Chen", "Ann Lee"], 2001)]
    pd.testing.assert_frame_equal(resolve(papers, mode="split"), resolve(papers))


def test_paper_context_folds() -> None:
    context = paper_context([paper("p", ["A B"], 2000, "Phys. Rév. B")])
    assert context.loc["p", "venue"] == "phys rev b"


def _shared() -> Path:
    root = Path(os.environ.get("COAUTHOR_SHARED_DATA", Path(__file__).resolve().parents[3] / "shared" / "data"))
    return root / "crossref"


@pytest.mark.skipif(not _shared().exists(), reason="needs the shared data (COAUTHOR_SHARED_DATA)")
def test_crossref_orcids_hidden_split_agrees_with_orcids_at_least_as_well_as_strict() -> None:
    from coauthor.readers import read_inputs

    papers, _ = read_inputs([_shared()])
    truth = {(p.id, i): o for p in papers for i, o in enumerate(p.author_orcids) if o}
    assert len(truth) > 200
    blind = [dataclasses.replace(p, author_orcids=[], author_ids=[]) for p in papers]

    def pair_counts(mode: str) -> tuple[int, int]:
        table = resolve(blind, mode=mode)
        label = {(r.paper_id, r.position): r.author_id for r in table.itertuples()}
        keys = sorted(k for k in truth if k in label)
        wrong_merges = sum(label[a] == label[b] and truth[a] != truth[b] for a, b in itertools.combinations(keys, 2))
        wrong_splits = sum(label[a] != label[b] and truth[a] == truth[b] for a, b in itertools.combinations(keys, 2))
        return wrong_merges, wrong_splits

    split, strict = pair_counts("split"), pair_counts("strict")
    assert split[0] <= strict[0] and split[1] <= strict[1]
    assert split == (0, 0)  # each ORCID holder is found whole and alone


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_two_hop_links_equal_a_brute_force_over_every_pair_of_coauthors(seed: int) -> None:
    import random

    from coauthor.names.split import SplitRule, _Finder

    rng = random.Random(seed)
    people = [f"Person{chr(65 + i % 26)}{chr(65 + i // 26)} Name" for i in range(40)]
    papers = [paper(f"q{i}", rng.sample(people, rng.randint(2, 3)), 2000 + i) for i in range(60)]
    table = resolve(papers).reset_index(drop=True)
    rule = SplitRule(hub=6)
    finder = _Finder(table, None, rule)
    chosen = finder.candidates()
    found = 0
    # brute force: co-authors, each author's co-author groups (mentions sharing a co-author, transitively)
    by_paper = table.groupby("paper_id")["author_id"].apply(set)
    near = {a: set().union(*(by_paper[p] for p in table.loc[table["author_id"] == a, "paper_id"])) - {a}
            for a in set(table["author_id"])}  # fmt: skip
    for author in chosen:
        papers_of = table.loc[table["author_id"] == author, "paper_id"].tolist()
        group_of: dict[str, int] = {}
        for x in sorted(near[author]):  # the group of a co-author: the label of any mention written with it
            row = table.index[(table["author_id"] == author) & table["paper_id"].isin(
                [p for p in papers_of if x in by_paper[p]])][0]  # fmt: skip
            group_of[x] = int(finder.label[row])
        expected = {
            (min(group_of[x], group_of[y]), max(group_of[x], group_of[y]))
            for x, y in itertools.combinations(sorted(group_of), 2)
            if y in near[x] and group_of[x] != group_of[y] and len(near[x]) <= rule.hub and len(near[y]) <= rule.hub
        }
        assert set(finder.hops.get(author, [])) == expected
        found += len(expected)
    assert found  # the seeds give links to find (3 to 11 of them)
