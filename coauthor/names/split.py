"""Splitting homonyms: one name string, several people.

Name resolution decides per name; this pass looks inside each resolved
author (a *block* of mentions, one mention = one authorship of one paper)
and links two mentions when the evidence says they are one person:

* ``ids``: the same ORCID or author id (always together); two different
  ids are never linked, even through other mentions;
* ``co-author``: a co-author in common (the co-author's resolved id);
* ``two hops``: a co-author of one wrote with a co-author of the other
  (a co-author with more than :attr:`SplitRule.hub` co-authors, at either
  end, gives no two-hop evidence);
* ``venue``: the same venue within :attr:`SplitRule.venue_years` years;
* ``affiliation``: the same affiliation text (the paper's, folded);
* ``title``: :attr:`SplitRule.title_words` rare title words in common (a
  word is rare when at most :attr:`SplitRule.title_max_share` of the papers,
  and at most :attr:`SplitRule.title_max_papers`, use it).

The linked mentions are grouped by union-find (deterministic: no random
step, so no seed). A block is split only when the groups stand on their
own: a group with no co-authored mention and no id, or smaller than
:attr:`SplitRule.min_group` mentions, stays with the largest group; and
groups whose years overlap or are less than :attr:`SplitRule.gap_years`
apart are joined again (one person may work with two teams at once, or
move field after a few years: only people of different times are split).
The thresholds were chosen on the tuning part of ``benchmarks/names``
(``benchmarks/RESULTS.md``): with a 3-year gap two real careers there
(a 5- and a 6-year silence) were split. So a
name with fewer than two mentions, one whose mentions are one connected
co-author group, or mentions without evidence are never split. Papers
with more than :attr:`SplitRule.max_authors` authors give no co-author
evidence, and blocks above :attr:`SplitRule.max_block` mentions are left
whole (reported, not split): the work stays linear in the mentions.

The first group (earliest year, then paper order) keeps the author id; the
others get ``-2``, ``-3``... (the first number no author uses). Every
mention of a split block gets rule ``split-evidence`` and the evidence.

>>> from coauthor.records import Paper
>>> from coauthor.names.resolve import resolve
>>> papers = [Paper("a", "T", ["Wei Wang", "Ann Lee"], 1990, "f:1", venue="Physics A"),
...           Paper("b", "U", ["Wei Wang", "Ann Lee"], 1992, "f:2", venue="Physics A"),
...           Paper("c", "V", ["Wei Wang", "Bo Chen"], 2018, "f:3", venue="NeurIPS"),
...           Paper("d", "W", ["Wei Wang", "Bo Chen"], 2020, "f:4", venue="NeurIPS")]
>>> resolve(papers, mode="split").query("name == 'Wei Wang'")["author_id"].tolist()
['wei-wang', 'wei-wang', 'wei-wang-2', 'wei-wang-2']
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from coauthor.names.parse import ascii_fold
from coauthor.records import Paper

SPLIT_RULE = "split-evidence"
Link = tuple[int, int]
_WORD = re.compile(r"[a-z]{4,}")
_STOP = frozenset(
    "with from that this their these those into over under about between using based study analysis "
    "paper results approach method methods new towards toward via some when which where what".split()
)


@dataclass(frozen=True)
class SplitRule:
    """The thresholds of the split (see the module docs)."""

    venue_years: int = 4
    two_hop: bool = True
    title_words: int = 2
    title_max_share: float = 0.01
    title_max_papers: int = 50
    min_group: int = 2
    gap_years: int | None = 10
    max_authors: int = 50
    hub: int = 300
    max_block: int = 20_000


@dataclass(frozen=True)
class EvidenceGroups:
    """One author whose mentions fall into several evidence groups:
    ``groups`` (table row numbers, first group first), the evidence
    ``for_split`` and ``against``, and ``kept`` (mentions without evidence
    of their own, kept with the first group)."""

    author_id: str
    author_name: str
    groups: tuple[tuple[int, ...], ...]
    for_split: str
    against: str
    kept: int = 0

    @property
    def evidence(self) -> str:
        """The text of the who-is-who table's ``evidence`` column."""
        against = f"; against: {self.against}" if self.against else ""
        kept = f"; {self.kept} mention(s) without evidence of their own kept with the largest" if self.kept else ""
        return f"{len(self.groups)} groups: {self.for_split}{against}{kept}"


def paper_context(papers: Iterable[Paper]) -> pd.DataFrame:
    """``venue``, ``affiliation`` and ``title`` of each paper, indexed by
    ``paper_id`` (the first paper of an id wins), folded for comparison."""
    rows = {}
    for paper in papers:
        if paper.id not in rows:
            rows[paper.id] = (_fold(paper.venue), _fold(paper.affiliation), _fold(paper.title), paper.venue or "")
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=["venue", "affiliation", "title", "venue_shown"])
    frame.index.name = "paper_id"
    return frame


def _fold(text: str | None) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_fold(text).lower()).split()) if text else ""


def evidence_groups(
    table: pd.DataFrame,
    context: pd.DataFrame | None = None,
    rule: SplitRule | None = None,
    keep: Iterable[str] = (),
) -> list[EvidenceGroups]:
    """The authors of a resolved table (:func:`coauthor.names.resolve.resolve`)
    whose mentions fall into several evidence groups, by author id; ``context``
    from :func:`paper_context` (venues, affiliations, titles: optional),
    the authors in ``keep`` left out."""
    rule = rule or SplitRule()
    if table.empty:
        return []
    finder = _Finder(table.reset_index(drop=True), context, rule)
    skip = set(keep)
    chosen = [a for a in finder.candidates() if a not in skip]
    return [found for author in chosen if (found := finder.groups(author)) is not None]


def split_homonyms(
    table: pd.DataFrame,
    context: pd.DataFrame | None = None,
    rule: SplitRule | None = None,
    keep: Iterable[str] = (),
) -> pd.DataFrame:
    """``table`` with each author that :func:`evidence_groups` finds split:
    new author ids, rule ``split-evidence`` and the evidence."""
    table = table.reset_index(drop=True)
    found = evidence_groups(table, context, rule, keep)
    if not found:
        return table
    ids, rules = table["author_id"].to_numpy(object, copy=True), table["rule"].to_numpy(object, copy=True)
    evidence = table["evidence"].to_numpy(object, copy=True)
    used = set(table["author_id"])
    for split in sorted(found, key=lambda s: s.author_id):
        for number, rows in enumerate(split.groups):
            new_id = split.author_id
            if number:
                k = 2
                while f"{split.author_id}-{k}" in used:
                    k += 1
                new_id = f"{split.author_id}-{k}"
                used.add(new_id)
            where = list(rows)
            ids[where] = new_id
            rules[where] = SPLIT_RULE
            evidence[where] = f"group {number + 1} of {split.author_id}, {split.evidence}"
    return table.assign(author_id=ids, rule=rules, evidence=evidence)


class _Union:
    """Union-find over mentions, each root holding at most one id."""

    def __init__(self, ids: list[str | None]) -> None:
        self.parent = list(range(len(ids)))
        self.id = list(ids)
        self.parts = len(ids)

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or (self.id[ra] and self.id[rb] and self.id[ra] != self.id[rb]):
            return
        ra, rb = min(ra, rb), max(ra, rb)
        self.parent[rb] = ra
        self.parts -= 1
        self.id[ra] = self.id[ra] or self.id[rb]


class _Finder:
    def __init__(self, table: pd.DataFrame, context: pd.DataFrame | None, rule: SplitRule) -> None:
        self.rule = rule
        self.table = table
        self.author = table["author_id"].to_numpy(object)
        self.paper = table["paper_id"].to_numpy(object)
        self.year = table["year"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
        identifier = table["orcid"].where(table["orcid"].notna(), table["external_id"])
        self.ident = [x if isinstance(x, str) and x else None for x in identifier]
        sizes = table.groupby("paper_id", sort=False)["author_id"].transform("size").to_numpy()
        self.evidence_row = sizes <= rule.max_authors
        self.by_author: dict[str, list[int]] = defaultdict(list)
        for i, author in enumerate(self.author):
            self.by_author[author].append(i)
        self.names = table.groupby("author_id", sort=False)["author_name"].first()
        self.label = np.full(len(table), -1, dtype=np.int64)  # global shared-co-author component of each mention
        self.hops: dict[str, list[Link]] = {}  # per candidate: groups linked by two hops
        if context is None:
            context = pd.DataFrame(columns=["venue", "affiliation", "title", "venue_shown"], dtype=object)

        def known(column: pd.Series) -> pd.Series:
            return pd.Series(self.paper).map(column).astype(object)

        self.venue = known(context["venue"]).fillna("").to_numpy(object)
        self.venue_shown = known(context.get("venue_shown", context["venue"])).fillna("").to_numpy(object)
        self.affiliation = known(context["affiliation"]).fillna("").to_numpy(object)
        words = context["title"].map(lambda t: frozenset(w for w in _WORD.findall(t) if w not in _STOP))
        frequency = Counter(w for ws in words for w in ws)
        limit = min(rule.title_max_papers, max(3, int(rule.title_max_share * len(context))))
        rare = words.map(lambda ws: frozenset(w for w in ws if frequency[w] <= limit))
        self.title = known(rare).to_numpy(object)

    def candidates(self) -> list[str]:
        """Authors whose co-authored mentions fall into more than one group
        by shared co-authors alone (further links only join groups): the
        connected components of (mention, (author, co-author)) edges, found
        for all authors at once; and, for those authors, the pairs of groups
        that two-hop evidence links (:meth:`_two_hops`)."""
        ids = pd.DataFrame({"a": self.author, "i": self.ident}).dropna().groupby("a")["i"].nunique()
        author_code, authors = pd.factorize(pd.Series(self.author, dtype=object))
        t = pd.DataFrame({"row": np.arange(len(self.table)), "p": self.paper, "a": author_code})
        t = t[self.evidence_row]
        pairs = t.merge(t[["p", "a"]], on="p", suffixes=("", "_co"))
        pairs = pairs[pairs["a"] != pairs["a_co"]]
        if pairs.empty:
            return sorted(ids[ids > 1].index)
        width = np.int64(len(authors))
        key, _ = pd.factorize(pairs["a"].to_numpy(np.int64) * width + pairs["a_co"].to_numpy(np.int64))
        n = len(self.table)
        links = sp.coo_matrix((np.ones(len(pairs)), (pairs["row"], n + key)), shape=(n + key.max() + 1,) * 2)
        _, labels = connected_components(links, directed=False)
        rows = pairs.drop_duplicates("row")
        self.label[rows["row"].to_numpy()] = labels[rows["row"].to_numpy()]
        groups = pd.DataFrame({"a": rows["a"], "g": labels[rows["row"].to_numpy()]})
        counts = groups.groupby("a")["g"].nunique()
        several = set(authors[counts[counts > 1].index])
        chosen = sorted(several | set(ids[ids > 1].index))
        if self.rule.two_hop:
            chosen_codes = authors.get_indexer(chosen)
            keyed = pairs[pairs["a"].isin(chosen_codes)].drop_duplicates(["a", "a_co"])
            self.hops = self._two_hops(pairs, keyed.assign(g=labels[keyed["row"].to_numpy()]), authors)
        return chosen

    def _two_hops(self, pairs: pd.DataFrame, keyed: pd.DataFrame, authors: pd.Index) -> dict[str, list[Link]]:
        """Per candidate, the pairs of its co-author groups (global labels,
        sorted) that a co-author of one, writing with a co-author of the
        other, links; co-authors with more than :attr:`SplitRule.hub`
        co-authors give no link. One sparse product for all candidates:
        (group, co-author) times (co-author, co-author), the groups with the
        most co-authors left out on the left (a link to one is found from
        the other end)."""
        n = len(authors)
        distinct = pairs[["a", "a_co"]].drop_duplicates()
        degree = np.bincount(distinct["a"].to_numpy(), minlength=n)
        light = degree <= self.rule.hub
        edges = distinct[light[distinct["a"].to_numpy()] & light[distinct["a_co"].to_numpy()]]
        near = sp.csr_matrix(
            (np.ones(len(edges), dtype=np.int8), (edges["a"].to_numpy(), edges["a_co"].to_numpy())), shape=(n, n)
        )
        owner_of, co, group = (keyed[c].to_numpy(np.int64) for c in ("a", "a_co", "g"))
        sizes = pd.DataFrame({"a": owner_of, "g": group}).value_counts().reset_index(name="n")
        sizes = sizes.sort_values(["a", "n", "g"], ascending=[True, False, True])
        largest = set(sizes.drop_duplicates("a")["g"].tolist())
        left = light[co] & ~pd.Series(group).isin(largest).to_numpy()
        group_code, group_labels = pd.factorize(group[left])
        owner = np.zeros(len(group_labels), dtype=np.int64)
        owner[group_code] = owner_of[left]
        by_group = sp.csr_matrix(
            (np.ones(int(left.sum()), dtype=np.int8), (group_code, co[left])), shape=(len(group_labels), n)
        )
        reached = (by_group @ near).tocoo()
        width = np.int64(n)
        own = owner_of * width + co
        order = np.argsort(own)
        own, own_group = own[order], group[order]
        wanted = owner[reached.row] * width + reached.col.astype(np.int64)
        at = np.minimum(np.searchsorted(own, wanted), len(own) - 1)
        hit = own[at] == wanted
        g1, g2 = np.asarray(group_labels)[reached.row[hit]], own_group[at[hit]]
        linked = pd.DataFrame({"a": owner[reached.row[hit]], "g1": np.minimum(g1, g2), "g2": np.maximum(g1, g2)})
        linked = linked[linked["g1"] != linked["g2"]].drop_duplicates().sort_values(["a", "g1", "g2"])
        if linked.empty:
            return {}
        codes = linked["a"].to_numpy()
        bounds = np.flatnonzero(np.diff(codes)) + 1
        starts = np.concatenate([[0], bounds])
        pairs_of = np.split(np.stack([linked["g1"].to_numpy(), linked["g2"].to_numpy()], axis=1), bounds)
        names = np.asarray(authors, dtype=object)
        return {names[codes[i]]: [(int(a), int(b)) for a, b in part] for i, part in zip(starts, pairs_of, strict=True)}

    def groups(self, author: str) -> EvidenceGroups | None:
        """The evidence groups of one candidate (after :meth:`candidates`)."""
        rows = self.by_author[author]
        if len(rows) < 2 or len(rows) > self.rule.max_block:
            return None
        idents = [self.ident[i] for i in rows]
        union = _Union(idents)
        label = self.label[rows]
        # shared co-authors: one global component, found in candidates()
        labelled = np.flatnonzero(label >= 0)
        found, at = np.unique(label[labelled], return_index=True)
        first = dict(zip(found.tolist(), labelled[at].tolist(), strict=True))
        if any(idents):
            for m in labelled.tolist():
                union.union(m, first[int(label[m])])
            self._link_ids(union, rows)
        else:  # no id can refuse a union: every labelled mention joins its group's first at once
            parent = np.arange(len(rows))
            parent[labelled] = [first[g] for g in label[labelled].tolist()]
            union.parent = parent.tolist()
            union.parts = len(rows) - len(labelled) + len(found)
        if union.parts == 1:
            return None
        for g1, g2 in self.hops.get(author, ()):  # co-authors x, y of two groups wrote together
            union.union(first[g1], first[g2])
        if union.parts == 1:
            return None
        self._link_context(union, rows)
        return self._decide(author, rows, union, label >= 0)

    def _link_ids(self, union: _Union, rows: list[int]) -> None:
        first: dict[str, int] = {}
        for m, i in enumerate(rows):
            if (ident := self.ident[i]) is not None:
                union.union(m, first.setdefault(ident, m))

    def _link_context(self, union: _Union, rows: list[int]) -> None:
        by_venue: dict[str, list[tuple[float, int]]] = defaultdict(list)
        first_affiliation: dict[str, int] = {}
        pairs: Counter[tuple[int, int]] = Counter()
        by_word: dict[str, list[int]] = defaultdict(list)
        for m, i in enumerate(rows):
            if self.venue[i]:
                by_venue[self.venue[i]].append((self.year[i], m))
            if self.affiliation[i]:
                union.union(m, first_affiliation.setdefault(self.affiliation[i], m))
            title = self.title[i]
            for word in title if isinstance(title, frozenset) else ():
                by_word[word].append(m)
        for dated in by_venue.values():
            undated = [m for y, m in dated if np.isnan(y)]
            dated = sorted((y, m) for y, m in dated if not np.isnan(y))
            for (y0, m0), (y1, m1) in itertools.pairwise(dated):
                if y1 - y0 <= self.rule.venue_years:
                    union.union(m0, m1)
            for m in undated:
                union.union(m, (dated or [(0.0, undated[0])])[0][1])
        for members in by_word.values():
            for a in range(len(members)):
                for b in range(a + 1, len(members)):
                    pairs[members[a], members[b]] += 1
        for (a, b), shared in sorted(pairs.items()):
            if shared >= self.rule.title_words:
                union.union(a, b)

    def _decide(self, author: str, rows: list[int], union: _Union, coauthored: np.ndarray) -> EvidenceGroups | None:
        members: dict[int, list[int]] = defaultdict(list)
        for m in range(len(rows)):
            members[union.find(m)].append(m)
        groups = sorted(members.values(), key=lambda g: (-len(g), g[0]))
        main, standing, kept = groups[0], [], 0
        for group in groups[1:]:
            evident = bool(coauthored[group].any()) or any(self.ident[rows[m]] for m in group)
            has_id = any(self.ident[rows[m]] for m in group) and any(self.ident[rows[m]] for m in main)
            if evident and (len(group) >= self.rule.min_group or has_id):
                standing.append(group)
            else:
                main = main + group
                kept += len(group)
        if not standing:
            return None
        own = {self.ident[rows[m]] for m in main} - {None}
        distinct = [g for g in standing if ({self.ident[rows[m]] for m in g} - {None}) - own]
        standing = [g for g in standing if g not in distinct]
        chosen = self._eras([main, *standing], rows) if self.rule.gap_years is not None else [main, *standing]
        chosen += distinct  # another id: never joined again
        if len(chosen) < 2:
            return None
        chosen = [sorted(g) for g in chosen]
        chosen.sort(key=lambda g: (min((self.year[rows[m]] for m in g), default=np.inf), g[0]))
        as_rows = tuple(tuple(rows[m] for m in g) for g in chosen)
        for_split, against = self._explain(as_rows)
        return EvidenceGroups(author, str(self.names[author]), as_rows, for_split, against, kept)

    def _eras(self, groups: list[list[int]], rows: list[int]) -> list[list[int]]:
        """Groups whose years overlap, or are less than ``gap_years`` apart,
        joined (undated groups join the first): one person may work with
        two teams at once; the split keeps apart only people of different times."""
        main, dated = groups[0], []
        for group in groups[1:]:
            years = [self.year[rows[m]] for m in group if not np.isnan(self.year[rows[m]])]
            if years:
                dated.append((min(years), max(years), group))
            else:
                main = main + group
        years = [self.year[rows[m]] for m in main if not np.isnan(self.year[rows[m]])]
        if not years:
            return [main + [m for _, _, g in dated for m in g]]
        dated.append((min(years), max(years), main))
        dated.sort(key=lambda d: (d[0], d[1]))
        eras: list[tuple[float, float, list[int]]] = []
        for start, end, group in dated:
            if eras and start - eras[-1][1] < (self.rule.gap_years or 0):
                last = eras[-1]
                eras[-1] = (last[0], max(last[1], end), last[2] + group)
            else:
                eras.append((start, end, group))
        return [group for _, _, group in eras]

    def _explain(self, groups: tuple[tuple[int, ...], ...]) -> tuple[str, str]:
        reasons, against = ["no shared co-author, directly or at two hops"], []
        venues = [Counter(self.venue_shown[i] for i in g if self.venue_shown[i]) for g in groups]
        if all(venues):
            reasons.append("venues " + " vs ".join(v.most_common(1)[0][0] for v in venues))
            first = {self.venue[i] for i in groups[0] if self.venue[i]}
            if any(first & {self.venue[i] for i in g if self.venue[i]} for g in groups[1:]):
                against.append("a venue in common (years apart)")
        spans = [span for g in groups if (span := self._span(g)) is not None]
        if len(spans) == len(groups):
            reasons.append("years " + " vs ".join(f"{a}-{b}" for a, b in spans))
            ordered = sorted(spans)
            if any(b[0] - a[1] < (self.rule.gap_years or 0) for a, b in itertools.pairwise(ordered)):
                against.append("years overlap")
        ids = [sorted({x for i in g if (x := self.ident[i]) is not None}) for g in groups]
        if sum(bool(x) for x in ids) > 1:
            reasons.append("ids " + " vs ".join(x[0] if x else "-" for x in ids))
        if not venues[0] or not all(venues):
            against.append("venues unknown")
        return ", ".join(reasons), ", ".join(against)

    def _span(self, group: tuple[int, ...]) -> tuple[int, int] | None:
        years = [self.year[i] for i in group if not np.isnan(self.year[i])]
        return (int(min(years)), int(max(years))) if years else None
