"""What name resolution did, for people to check: the merges with the rule
that made each, the names left apart because they could be several people,
homonym warnings (one author whose records look like several people), and
the authors whose mentions fall into several evidence groups
(:mod:`coauthor.names.split`), with the evidence for and against a split.

>>> from coauthor.records import Paper
>>> from coauthor.names.resolve import resolve
>>> report = name_report(resolve([Paper("p1", "T", ["J. Smith"], 2020, "f:1"),
...                               Paper("p2", "T", ["John Smith"], 2021, "f:2")]))
>>> report.merges[["author_id", "name", "rule"]].values.tolist()
[['john-smith', 'J. Smith', 'initials-unique'], ['john-smith', 'John Smith', 'exact-name']]
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from coauthor.names.split import SPLIT_RULE, SplitRule, evidence_groups

#: A silence of this many years, with no co-author in common before and
#: after it, suggests two people.
HOMONYM_GAP_YEARS = 15
#: Papers with more authors are left out of the co-author evidence.
MAX_AUTHORS_FOR_EVIDENCE = 50
#: The report lists evidence groups of any years (``--resolve split``
#: splits only groups of different times).
REPORT_SPLIT_RULE = SplitRule(gap_years=None)
_EVIDENCE_COLUMNS = ["author_id", "author_name", "mentions", "for_split", "against", "split"]


@dataclass
class NameReport:
    """``merges``: one row per (author, name as written) of every author
    known by several names or joined by several rules (``author_id, author_name,
    name, rule, evidence, mentions``); ``ambiguous``: names left apart on
    purpose (``rule == "separate"``); ``homonyms``: ``author_id,
    author_name, reason``; ``evidence``: authors whose mentions fall into
    several evidence groups (``author_id, author_name, mentions`` per group
    as ``3+2``, ``for_split``, ``against``, ``split``: whether ``--resolve
    split`` splits them), and the splits already made (rule
    ``split-evidence``, ``for_split`` their evidence)."""

    merges: pd.DataFrame
    ambiguous: pd.DataFrame
    homonyms: pd.DataFrame
    evidence: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=_EVIDENCE_COLUMNS))

    def lines(self) -> list[str]:
        """The report as text lines, one section per table."""
        out = [f"Merges ({self.merges['author_id'].nunique()} authors known by several names or rules):"]
        for (author_id, author_name), rows in self.merges.groupby(["author_id", "author_name"], sort=True):
            out.append(f"  {author_id} ({author_name})")
            out.extend(f"    {r.name} x{r.mentions}: {r.rule}{_paren(r.evidence)}" for r in rows.itertuples())
        out.append(f"Left apart, could be several people ({len(self.ambiguous)}):")
        out.extend(f"  {r.name} x{r.mentions} -> {r.author_id}: {r.evidence}" for r in self.ambiguous.itertuples())
        out.append(f"Possible homonyms, one author id that may be several people ({len(self.homonyms)}):")
        out.extend(f"  {r.author_id} ({r.author_name}): {r.reason}" for r in self.homonyms.itertuples())
        out.append(f"Possible homonyms by evidence, mentions in several evidence groups ({len(self.evidence)}):")
        for r in self.evidence.itertuples():
            done = "split by --resolve split" if r.split else "kept whole by --resolve split"
            out.append(f"  {r.author_id} ({r.author_name}): groups of {r.mentions} mentions, {done}")
            out.append(f"    for: {r.for_split}")
            out.append(f"    against: {r.against or 'nothing found'}")
        return out


def _paren(text: str) -> str:
    return f" ({text})" if text else ""


def name_report(
    table: pd.DataFrame, gap_years: int = HOMONYM_GAP_YEARS, context: pd.DataFrame | None = None
) -> NameReport:
    """The report on a resolved table (:func:`coauthor.names.resolve.resolve`);
    ``context`` (:func:`coauthor.names.split.paper_context`) adds venues,
    affiliations and titles to the evidence."""
    columns = ["author_id", "author_name", "name", "rule", "evidence"]
    variants = table.groupby(columns, sort=False, dropna=False).size().reset_index(name="mentions")
    by_author = variants.groupby("author_id")
    several = by_author["name"].transform("nunique").gt(1) | by_author["rule"].transform("nunique").gt(1)
    merges = variants[several & variants["rule"].ne("separate")].sort_values(["author_id", "name", "rule"])
    ambiguous = variants[variants["rule"].eq("separate")].sort_values(["name", "author_id"])
    homonyms = _homonyms(table, gap_years)
    return NameReport(
        merges.reset_index(drop=True), ambiguous.reset_index(drop=True), homonyms, _evidence(table, context)
    )


def _evidence(table: pd.DataFrame, context: pd.DataFrame | None) -> pd.DataFrame:
    """Authors with several evidence groups (any years), and splits made."""
    rows = []
    split = table[table["rule"].eq(SPLIT_RULE)]
    for evidence, made in split.groupby("evidence", sort=True):
        first = evidence.split(", ", 1)[0].removeprefix("group ")
        if not first.startswith("1 of "):
            continue
        original = first.removeprefix("1 of ")
        ids = split.loc[split["evidence"].str.contains(f" of {original}, ", regex=False), "author_id"]
        sizes = "+".join(str(n) for n in ids.value_counts(sort=False).reindex(ids.unique()))
        text = evidence.split(", ", 1)[1].split(": ", 1)[1]  # "group 1 of X, 2 groups: ..."
        body, _, against = text.partition("; against: ")
        rows.append((original, made["author_name"].iloc[0], sizes, body, against, True))
    if "orcid" in table:
        would = {g.author_id for g in evidence_groups(table, context)}
        for g in evidence_groups(table, context, REPORT_SPLIT_RULE):
            sizes = "+".join(str(len(group)) for group in g.groups)
            rows.append((g.author_id, g.author_name, sizes, g.for_split, g.against, g.author_id in would))
    return pd.DataFrame(rows, columns=_EVIDENCE_COLUMNS)


def _homonyms(table: pd.DataFrame, gap_years: int) -> pd.DataFrame:
    """Names as written that several identified people carry, and authors
    silent for ``gap_years`` whose co-authors before and after all differ."""
    rows = []
    identifier = table["orcid"].where(table["orcid"].notna(), table["external_id"])
    per_name = table[identifier.notna()].groupby("name")["author_id"].unique()
    names = table.groupby("author_id")["author_name"].first()
    for name, authors in per_name[per_name.map(len) > 1].items():
        for author_id in authors:
            others = ", ".join(sorted(set(authors) - {author_id}))
            rows.append((author_id, names[author_id], f"'{name}' also names {others} (another identifier)"))
    for author_id, author_name, early, late in _disjoint_periods(table, gap_years):
        reason = (
            f"no paper in {early[1]}-{late[0]}; no co-author of {early[0]}-{early[1]} returns in {late[0]}-{late[1]}"
        )
        rows.append((author_id, author_name, reason))
    result = pd.DataFrame(rows, columns=["author_id", "author_name", "reason"])
    return result.drop_duplicates().sort_values(["author_id", "reason"]).reset_index(drop=True)


def _disjoint_periods(table: pd.DataFrame, gap_years: int) -> list[tuple[str, str, tuple[int, int], tuple[int, int]]]:
    """Authors silent for ``gap_years`` or more (no paper at all) whose
    co-authored papers before and after the silence share no co-author.
    Groups of papers linked by shared co-authors are the connected
    components of (author, paper) and (author, co-author) nodes, found for
    all authors at once."""
    dated = table[table["year"].notna()][["paper_id", "author_id", "year"]]
    sizes = dated.groupby("paper_id")["author_id"].transform("size")
    shared = dated[sizes.between(2, MAX_AUTHORS_FOR_EVIDENCE)]
    if shared.empty:
        return []
    pairs = shared.merge(shared[["paper_id", "author_id"]], on="paper_id", suffixes=("", "_co"))
    pairs = pairs[pairs["author_id"] != pairs["author_id_co"]]
    paper_node, paper_keys = pd.factorize(pairs["author_id"] + "\x00" + pairs["paper_id"])
    co_node, _ = pd.factorize(pairs["author_id"] + "\x00" + pairs["author_id_co"])
    n = len(paper_keys)
    links = sp.coo_matrix((np.ones(len(pairs)), (paper_node, n + co_node)), shape=(n + co_node.max() + 1,) * 2)
    _, labels = connected_components(links, directed=False)
    first = ~pairs.duplicated(["author_id", "paper_id"]).to_numpy()
    papers = pairs[first].assign(group=labels[paper_node[first]])
    spans = papers.groupby(["author_id", "group"])["year"].agg(["min", "max"]).reset_index()
    spans = spans[spans.groupby("author_id")["group"].transform("size") > 1]
    years = dated[dated["author_id"].isin(spans["author_id"])].groupby("author_id")["year"].unique()
    names = table.groupby("author_id")["author_name"].first()
    found = []
    for author_id, groups in spans.groupby("author_id", sort=True):
        active = np.sort(years[author_id].astype(np.int64))
        for start, end in itertools.pairwise(active):
            before, after = groups[groups["max"] <= start], groups[groups["min"] >= end]
            if end - start >= gap_years and len(before) and len(after) and len(before) + len(after) == len(groups):
                early = (int(before["min"].min()), int(start))
                late = (int(end), int(after["max"].max()))
                found.append((author_id, names[author_id], early, late))
                break
    return found
