"""From papers to authorships: one row per (paper, author), each mention
resolved to a person.

The rules, in order, the first that decides wins (the ``rule`` column):

1. ``alias``: the user's alias file (:mod:`coauthor.names.aliases`);
2. ``orcid``, ``openalex-id``, ``dblp-id``, ``scopus-id``, ``author-id``:
   mentions sharing an identifier are one person; different identifiers
   are never merged;
3. ``exact-name``: names equal once case, accents, punctuation, hyphens in
   given names and name order are folded (``Zhu, Jun-Yan`` = ``Junyan Zhu``);
4. ``compatible-variant``, ``initials-unique``, ``initials-coauthors``,
   ``variant-coauthors``, or ``separate`` when a name could be several
   people: see :mod:`coauthor.names.grouping` and :mod:`coauthor.names.forms`;
5. ``variant-transliteration``, ``variant-hyphenation``, ``variant-particle``,
   ``variant-typo``, ``variant-given-typo``: people whose names are variants
   (``Müller`` / ``Mueller``, ``J.-P.`` / ``Jean Pierre``, a typo) joined when
   they share a co-author: :mod:`coauthor.names.variants`.

``mode="strict"`` applies rules 1 to 3 only; ``mode="off"`` keys every
author by the name exactly as written (``as-written``); ``mode="split"``
applies them all, then splits homonyms by evidence (``split-evidence``:
:mod:`coauthor.names.split`).

>>> from coauthor.records import Paper
>>> table = resolve([Paper("p1", "T", ["John Smith", "Ann Lee"], 2020, "f:1"),
...                  Paper("p2", "U", ["Smith J", "Bo Chen"], 2021, "f:2")])
>>> table[["name", "author_id", "rule"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['John Smith', 'john-smith', 'exact-name'], ['Ann Lee', 'ann-lee', 'exact-name'],
 ['Smith J', 'john-smith', 'initials-unique'], ['Bo Chen', 'bo-chen', 'exact-name']]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import numpy as np
import pandas as pd

from coauthor.errors import OptionError
from coauthor.names.aliases import Aliases
from coauthor.names.forms import NameForm, name_form
from coauthor.names.grouping import Coauthors, Unit, group_units
from coauthor.names.parse import ORGANISATION, author_kind, name_key, parse_name
from coauthor.names.split import paper_context, split_homonyms
from coauthor.names.variants import Mentions, merge_variants
from coauthor.records import Paper

RESOLVE_MODES = ("default", "strict", "off", "split")
#: The modes that merge variant names on co-author evidence (:mod:`coauthor.names.variants`).
VARIANT_MODES = ("default", "split")
TABLE_COLUMNS = [
    "paper_id", "position", "name", "author_id", "author_name", "rule", "evidence", "inferred", "year",
    "orcid", "external_id", "given", "family", "particle", "suffix", "initials", "kind",
]  # fmt: skip
MENTION_COLUMNS = ["paper_id", "position", "name", "inferred", "year", "orcid", "external_id", "declared"]


def resolve(papers: Iterable[Paper], aliases: Aliases | None = None, mode: str = "default") -> pd.DataFrame:
    """One row per authorship, columns :data:`TABLE_COLUMNS`: ``paper_id``,
    ``position`` (0-based, inferred authors after the written ones), ``name``
    as written, ``author_id``, ``author_name`` (the most complete, then most
    frequent spelling), ``rule`` and ``evidence`` (what decided), ``inferred``,
    ``year`` (nullable Int64), the mention's ``orcid`` and ``external_id``
    and the parsed parts of the name, and ``kind``: ``person`` or
    ``organisation`` (:func:`coauthor.names.author_kind`; an organisation's
    name is compared whole, digits included). A person listed twice on one paper
    keeps the first position only. Rows keep the order of the papers."""
    if mode not in RESOLVE_MODES:
        raise OptionError(f"unknown name resolution '{mode}' (use one of: {', '.join(RESOLVE_MODES)})")
    if mode == "split":
        papers = list(papers)
    return resolve_mentions(_mentions(papers), aliases, mode, papers if mode == "split" else None)


def resolve_mentions(
    table: pd.DataFrame, aliases: Aliases | None = None, mode: str = "default", papers: Iterable[Paper] | None = None
) -> pd.DataFrame:
    """:func:`resolve` from the mentions themselves, one row each in the
    papers' order, columns :data:`MENTION_COLUMNS` (``declared``: the source
    marks the name as an organisation's). ``mode="split"`` also needs the
    ``papers`` (titles and venues are its evidence)."""
    if mode not in RESOLVE_MODES:
        raise OptionError(f"unknown name resolution '{mode}' (use one of: {', '.join(RESOLVE_MODES)})")
    if mode == "split" and papers is None:
        raise OptionError("splitting homonyms needs the papers (titles, venues), not only the mentions")
    table = table.astype({"inferred": bool, "position": np.int64}).reset_index(drop=True)
    resolved, pins = _apply_aliases(table, aliases or Aliases())
    table = table.assign(resolved=resolved, pin=pins)[resolved.notna()]
    codes, uniques = pd.factorize(table["resolved"])
    declared = np.zeros(len(uniques), dtype=bool)
    declared[codes[table["declared"].to_numpy(dtype=bool)]] = True
    names = _Names(uniques.to_numpy(dtype=object), declared)
    table["code"] = codes
    duplicate = pd.DataFrame({"p": table["paper_id"], "k": names.key[codes]}).duplicated().to_numpy()
    table = table[names.usable[codes] & ~duplicate].reset_index(drop=True)
    if mode == "off":
        table["author_id"] = table["pin"].fillna(table["resolved"])
        table["rule"] = np.where(table["resolved"].eq(table["name"]) & table["pin"].isna(), "as-written", "alias")
        table["evidence"] = ""
    else:
        _resolve_people(table, names, strict=mode == "strict", variants=mode in VARIANT_MODES)
        table["author_id"] = _author_ids(table, names)
    if mode == "split":
        table = _split(table, names, paper_context(papers or []))
    table = table.drop_duplicates(["paper_id", "author_id"]).reset_index(drop=True)
    table["author_name"] = _best_names(table, names, by="author_id")
    parts = [parse_name(name) for name in names.names]
    for column in ("given", "family", "particle", "suffix", "initials"):
        table[column] = np.array([getattr(p, column) for p in parts], dtype=object)[table["code"].to_numpy()]
    table["kind"] = names.kind[table["code"].to_numpy()]
    table["kind"] = table.groupby("author_id", sort=False)["kind"].transform("min")  # organisation < person
    table["year"] = table["year"].astype("Int64")
    return table[TABLE_COLUMNS]


def authorship_table(papers: Iterable[Paper], aliases: Aliases | None = None, mode: str = "default") -> pd.DataFrame:
    """The authorship table that the graph and the timelines use: who is who.

    Names as written become authors by the first rule that decides: the
    alias file; identifiers (ORCID, OpenAlex id, DBLP homonym number);
    equal names once case, accents, punctuation, name order and LaTeX are
    folded; compatible variants of one family name (initials, nicknames, a
    missing middle name), where exactly one person fits. Names that fit
    several people stay apart (rule ``separate``). A person listed twice on
    one paper keeps the first position only.

    Parameters
    ----------
    papers : iterable of Paper
        The papers, as :func:`coauthor.read_inputs` returns them.
    aliases : Aliases, optional
        An alias file read by ``coauthor.names.aliases.read_aliases``.
    mode : {"default", "strict", "off", "split"}
        ``default`` applies every rule (variant names, such as ``Müller`` /
        ``Mueller`` or a typo, only when they share a co-author:
        :mod:`coauthor.names.variants`); ``strict`` the alias file,
        identifiers and equal names only; ``off`` keys authors by the name
        exactly as written; ``split`` applies every rule, then splits an
        author whose mentions fall into evidence groups of different times
        (rule ``split-evidence``, :mod:`coauthor.names.split`).

    Returns
    -------
    pandas.DataFrame
        One row per authorship, in the order of the papers: ``paper_id``,
        ``position`` (0-based, inferred authors after the written ones),
        ``name`` as written, ``author_id``, ``author_name`` (the most
        complete, then most frequent spelling), ``rule`` and ``evidence``
        (what decided), ``inferred``, ``year`` (nullable Int64), the
        mention's ``orcid`` and ``external_id``, the parsed ``given``,
        ``family``, ``particle``, ``suffix`` and ``initials``, and ``kind``
        (``person`` or ``organisation``).

    Raises
    ------
    OptionError
        For an unknown ``mode``.

    Examples
    --------
    >>> from coauthor import Paper
    >>> papers = [Paper("p1", "T", ["Zhu, Jun-Yan", "John Smith"], 2020, "f:1"),
    ...           Paper("p2", "U", ["Junyan Zhu", "J. Smith"], 2022, "f:4")]
    >>> table = authorship_table(papers)
    >>> table[["name", "author_id", "rule"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Zhu, Jun-Yan', 'jun-yan-zhu', 'exact-name'], ['John Smith', 'john-smith', 'exact-name'],
     ['Junyan Zhu', 'jun-yan-zhu', 'exact-name'], ['J. Smith', 'john-smith', 'initials-unique']]
    >>> authorship_table(papers, mode="strict")["author_id"].tolist()
    ['jun-yan-zhu', 'john-smith', 'jun-yan-zhu', 'j-smith']
    """
    return resolve(papers, aliases, mode)


def _split(table: pd.DataFrame, names: _Names, context: pd.DataFrame) -> pd.DataFrame:
    """Split homonyms (:mod:`coauthor.names.split`) among the people found
    by the default rules; organisations and pinned mentions are never split."""
    fixed = (names.kind[table["code"].to_numpy()] == ORGANISATION) | table["pin"].notna().to_numpy()
    shown = table.assign(author_name=_best_names(table, names, by="author_id"))
    split = split_homonyms(shown, context, keep=set(table.loc[fixed, "author_id"]))
    return table.assign(author_id=split["author_id"], rule=split["rule"], evidence=split["evidence"])


def display_names(authorships: pd.DataFrame) -> pd.Series:
    """The display name of each author id: ``author_name`` when the table
    has it, else the most frequent spelling as written (ties to the first)."""
    if "author_name" in authorships:
        return authorships.groupby("author_id", sort=False)["author_name"].first()
    counts = (
        authorships.assign(order=range(len(authorships)))
        .groupby(["author_id", "name"], sort=False)
        .agg(n=("order", "size"), first=("order", "min"))
        .reset_index()
        .sort_values(["author_id", "n", "first"], ascending=[True, False, True])
    )
    return counts.drop_duplicates("author_id").set_index("author_id")["name"]


class _Names:
    """The distinct names to resolve, each parsed once; the arrays are
    indexed by a mention's ``code``."""

    def __init__(self, names: np.ndarray, declared: np.ndarray) -> None:
        self.names = names
        kinds = [author_kind(name, bool(d)) for name, d in zip(names, declared, strict=True)]
        self.kind = np.array(kinds, dtype=object)
        organisation = self.kind == ORGANISATION
        self.forms: list[NameForm] = [name_form(n, bool(o)) for n, o in zip(names, organisation, strict=True)]
        self.key = np.array([form.key for form in self.forms], dtype=object)
        self.usable = np.array([form.family != "" for form in self.forms], dtype=bool)
        self.block = np.array([" ".join(form.block) for form in self.forms], dtype=object)
        self.id_key = np.array(
            [
                name_key(n) if o else form.id_key or name_key(n)
                for form, n, o in zip(self.forms, names, organisation, strict=True)
            ],
            dtype=object,
        )
        spec = [form.specificity for form in self.forms]
        self.rank = pd.DataFrame(spec, columns=["s0", "s1", "s2", "s3", "s4"], dtype=np.int64)
        self.rank["plain"] = [name.isascii() for name in names]
        self.rank["comma"] = ["," in name for name in names]
        self.rank["name"] = names


def _mentions(papers: Iterable[Paper]) -> pd.DataFrame:
    rows = []
    for paper in papers:
        orcids, ids, written = paper.author_orcids, paper.author_ids, len(paper.authors)
        for position, name in enumerate(paper.all_authors):
            orcid = orcids[position] if position < len(orcids) else None
            external = ids[position] if position < len(ids) else None
            declared = position in paper.organisations
            rows.append((paper.id, position, name, position >= written, paper.year, orcid, external, declared))
    table = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    return table.astype({"inferred": bool, "position": np.int64})


def _apply_aliases(table: pd.DataFrame, aliases: Aliases) -> tuple[pd.Series, pd.Series]:
    """The name each mention is resolved as (None: removed) and its pinned id (or None)."""
    if not aliases:
        return table["name"].astype(object), pd.Series([None] * len(table), index=table.index, dtype=object)
    resolved, pins = [], []
    for name, orcid, external in zip(table["name"], table["orcid"], table["external_id"], strict=True):
        alias = aliases.lookup(name, orcid, external)
        pins.append(alias.author_id if alias else None)
        replace = alias.replace if alias and alias.replace is not None else name
        resolved.append(replace or None)
    return pd.Series(resolved, index=table.index, dtype=object), pd.Series(pins, index=table.index, dtype=object)


def _resolve_people(table: pd.DataFrame, names: _Names, strict: bool, variants: bool = False) -> None:
    """Add ``person`` (a number per person; pinned: the pin), ``rule`` and
    ``evidence``; ``variants``: then merge variant names on co-author
    evidence (:mod:`coauthor.names.variants`)."""
    pinned = table["pin"].notna().to_numpy()
    identifier = table["orcid"].where(table["orcid"].notna(), table["external_id"])
    identified = identifier.notna().to_numpy() & ~pinned
    components = _identity_components(table["orcid"], table["external_id"], identified)
    unit_keys = np.where(identified, "id:" + components, "name:" + names.key[table["code"].to_numpy()])
    table["paper_code"] = pd.factorize(table["paper_id"], sort=True)[0]
    unit_codes, unit_labels = pd.factorize(unit_keys[~pinned], sort=True)
    mentions = table[~pinned].assign(unit=unit_codes)
    units = _units(mentions, names, unit_labels) if len(mentions) else []
    coauthors = _coauthor_lookup(table, unit_codes, units, names)
    decisions = group_units(units, coauthors, strict=strict)
    group = np.array([d.group for d in decisions], dtype=np.int64)[unit_codes]
    rule = np.array([d.rule for d in decisions], dtype=object)[unit_codes]
    evidence = np.array([d.evidence for d in decisions], dtype=object)[unit_codes]
    is_id = identified[~pinned]
    rule = np.where(is_id, identifier[~pinned].map(identifier_kind, na_action="ignore"), rule)
    evidence = np.where(is_id, identifier[~pinned].fillna(""), evidence)
    if variants:
        _merge_variants(table, names, group, rule, evidence, components)
    replaced = (mentions["resolved"] != mentions["name"]).to_numpy()
    table["person"] = pd.Series(table["pin"], dtype=object)
    table.loc[~pinned, "person"] = group
    table["rule"] = "alias"
    table["evidence"] = "alias file"
    table.loc[~pinned, "rule"] = np.where(replaced, "alias", rule)
    table.loc[~pinned, "evidence"] = np.where(replaced, "alias file: read as " + mentions["resolved"], evidence)


def _merge_variants(
    table: pd.DataFrame, names: _Names, group: np.ndarray, rule: np.ndarray, evidence: np.ndarray, ident: pd.Series
) -> None:
    """Join the people whose names are variants backed by a shared co-author:
    ``group``, ``rule`` and ``evidence`` (of the unpinned mentions) change in place."""
    pinned = table["pin"].notna().to_numpy()
    person = np.empty(len(table), dtype=np.int64)
    person[~pinned] = group
    person[pinned] = group.max(initial=-1) + 1 + pd.factorize(table.loc[pinned, "pin"])[0]
    codes = table["code"].to_numpy()
    mentions = Mentions(
        person=person,
        paper=table["paper_code"].to_numpy(),
        code=codes,
        ident=ident.to_numpy(dtype=object),
        mergeable=~pinned & (names.kind[codes] != ORGANISATION),
    )
    merges = merge_variants(mentions, names.names.tolist(), names.forms)
    if not merges:
        return
    into = pd.Series({p: m.into for p, m in merges.items()})
    why = pd.DataFrame(
        {"rule": {p: m.rule for p, m in merges.items()}, "evidence": {p: m.evidence for p, m in merges.items()}}
    )
    changed = np.isin(group, into.index.to_numpy())
    moved = pd.Series(group[changed])
    group[changed] = moved.map(into).to_numpy()
    rule[changed] = moved.map(why["rule"]).to_numpy()
    evidence[changed] = moved.map(why["evidence"]).to_numpy()


def identifier_kind(identifier: str) -> str:
    """The rule name for a mention decided by this identifier.

    >>> identifier_kind("0000-0002-1825-0097"), identifier_kind("A5023888391"), identifier_kind("Wei Wang 0001")
    ('orcid', 'openalex-id', 'dblp-id')
    """
    if re.fullmatch(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]", identifier):
        return "orcid"
    if re.fullmatch(r"A\d+", identifier):
        return "openalex-id"
    if re.search(r"\s\d{4}$", identifier):
        return "dblp-id"
    return "scopus-id" if identifier.isdigit() else "author-id"


def _identity_components(orcids: pd.Series, externals: pd.Series, identified: np.ndarray) -> pd.Series:
    """One label per identified mention: mentions sharing an ORCID or an
    author id are one person, unless that would join two ORCIDs or two ids."""
    parent: dict[str, str] = {}
    held: dict[str, set[str]] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    orcid_list = [o if isinstance(o, str) else None for o in orcids]
    external_list = [x if isinstance(x, str) else None for x in externals]
    pairs = {(o, x) for o, x, ok in zip(orcid_list, external_list, identified, strict=True) if ok}
    for orcid, external in sorted(pairs, key=str):
        tokens = [t for t in (f"o:{orcid}" if orcid else None, f"x:{external}" if external else None) if t]
        roots = sorted({find(t) for t in tokens})
        for root in roots:
            held.setdefault(root, {root})
        if len(roots) == 2 and not _clash(held[roots[0]], held[roots[1]]):
            parent[roots[1]] = roots[0]
            held[roots[0]] |= held.pop(roots[1])
    labels = [
        find(f"o:{o}" if o else f"x:{x}") if ok else ""
        for o, x, ok in zip(orcid_list, external_list, identified, strict=True)
    ]
    return pd.Series(labels, index=orcids.index)


def _clash(a: set[str], b: set[str]) -> bool:
    kinds_a = {t[:2] for t in a}
    return any(t[:2] in kinds_a for t in b)


def _units(mentions: pd.DataFrame, names: _Names, labels: pd.Index) -> list[Unit]:
    unit = mentions["unit"].to_numpy()
    order = np.argsort(unit, kind="stable")
    bounds = np.flatnonzero(np.diff(unit[order])) + 1
    counts = mentions.groupby(["unit", "code"]).size().reset_index(name="n")
    counts["name"] = names.names[counts["code"].to_numpy()]
    counts = counts.sort_values(["unit", "n", "name"], ascending=[True, False, True])
    label = counts.drop_duplicates("unit")["name"].to_numpy()
    result = []
    for u, (papers, codes) in enumerate(
        zip(
            np.split(mentions["paper_code"].to_numpy()[order], bounds),
            np.split(mentions["code"].to_numpy()[order], bounds),
            strict=True,
        )
    ):
        identified = labels[u].startswith("id:")
        distinct = (
            sorted({names.forms[c] for c in codes.tolist()}, key=lambda f: f.key)
            if identified
            else [names.forms[codes[0]]]
        )
        result.append(Unit(tuple(distinct), frozenset(papers.tolist()), len(codes), label[u], identified))
    return result


def _coauthor_lookup(table: pd.DataFrame, unit_codes: np.ndarray, units: list[Unit], names: _Names) -> Coauthors:
    """``coauthors(units)``: the co-authors on those units' papers as
    ``{block: name as written}``, the units' own mentions left out."""
    papers = table["paper_code"].to_numpy()
    codes = table["code"].to_numpy()
    unit_of = np.full(len(table), -1)
    unit_of[table["pin"].isna().to_numpy()] = unit_codes
    order = np.argsort(papers, kind="stable")
    starts = np.searchsorted(papers[order], np.arange(len(papers) + 1))

    @cache
    def of_unit(u: int) -> tuple[tuple[int, str, str], ...]:
        rows = (i for p in sorted(units[u].papers) for i in order[starts[p] : starts[p + 1]])
        return tuple((int(unit_of[i]), names.block[codes[i]], names.names[codes[i]]) for i in rows)

    def coauthors(chosen: Iterable[int]) -> dict[str, str]:
        chosen = set(chosen)
        found: dict[str, str] = {}
        for u in sorted(chosen):
            for other, block, name in of_unit(u):
                if other not in chosen:
                    found.setdefault(block, name)
        return found

    return coauthors


def _author_ids(table: pd.DataFrame, names: _Names) -> pd.Series:
    """Readable, stable ids: the key of each person's display name, the
    pinned id for pinned mentions, ``-2``, ``-3`` ... for homonyms (the
    person with more mentions first). A person whose key is a pinned id is
    the pinned person."""
    pinned = table["pin"].notna()
    persons = table[~pinned].assign(person=table.loc[~pinned, "person"].astype(np.int64))
    best = _best_codes(persons, names, by="person")
    stats = persons.assign(
        base=names.id_key[best], first=persons["paper_id"] + "\x00" + persons["position"].astype(str)
    )
    ranked = (
        stats.groupby("person")
        .agg(base=("base", "first"), n=("base", "size"), first=("first", "min"))
        .sort_values(["base", "n", "first"], ascending=[True, False, True])
    )
    claimable = set(table.loc[pinned, "pin"])
    used = set(claimable)
    ids: dict[int, str] = {}
    for person, key in zip(ranked.index, ranked["base"], strict=True):
        if key in claimable:
            claimable.discard(key)
        elif key in used:
            number = 2
            while f"{key}-{number}" in used:
                number += 1
            key = f"{key}-{number}"
        used.add(key)
        ids[person] = key
    return table["pin"].where(pinned, table["person"].map(ids))


def _best_names(table: pd.DataFrame, names: _Names, by: str) -> np.ndarray:
    """Per row, the display name of its ``by`` group (see :func:`_best_codes`)."""
    return names.names[_best_codes(table, names, by)]


def _best_codes(table: pd.DataFrame, names: _Names, by: str) -> np.ndarray:
    """Per row, the name code of its ``by`` group's display name: the most
    complete spelling (:attr:`~coauthor.names.forms.NameForm.specificity`), then
    the most frequent, then accented over plain, ``First Last`` over
    ``Last, First``, then alphabetical."""
    counts = table.groupby([by, "code"], sort=False).size().reset_index(name="n")
    ranks = names.rank.iloc[counts["code"].to_numpy()].reset_index(drop=True)
    counts = pd.concat([counts, ranks], axis=1).sort_values(
        [by, "s0", "s1", "s2", "s3", "s4", "n", "plain", "comma", "name"],
        ascending=[True, False, False, False, False, False, False, True, True, True],
    )
    best = counts.drop_duplicates(by).set_index(by)["code"]
    return table[by].map(best).to_numpy(dtype=np.int64)
