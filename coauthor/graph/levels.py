"""Collaboration between institutions and countries, from the same papers.

At ``level="institution"`` (or ``"country"``) a node is an institution (a
country) and two are linked when authors of theirs wrote a paper together.
A paper's units are the distinct institutions (countries) of its authors'
affiliations (:attr:`coauthor.records.Paper.author_affiliations`, else the
paper's unlinked ones); an institution's id is its ROR id when known, else
its folded name (:attr:`coauthor.records.Affiliation.key`); a country's is
its ISO code. The weightings are those of the author graph counted over the
units (c_ij = papers with both units, c_i = papers with unit i), except
``fractional``, counted per paper as in Perianes-Rodriguez, Waltman & van
Eck (2016): a paper of n units gives each of its pairs 1/(n - 1), so each
unit's links from one paper add up to 1 (full counting gives each pair 1),
as the author graph counts authors (Newman 2001).

Nodes carry ``name``, ``papers`` (full count: papers naming the unit),
``papers_fractional`` (each paper's 1 split equally over its authors with a
known unit, each author's share equally over their units; without linked
affiliations, equally over the paper's units), ``country`` (ISO code, or
``""``), ``first_year``, ``last_year``, ``variants`` (the names seen) and
``kind`` (``institution`` or ``country``). Papers without a unit are left
out; how many is in ``info["papers_without_units"]``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import networkx as nx
import pandas as pd

from coauthor.errors import OptionError
from coauthor.graph.build import DEFAULT_MAX_AUTHORS, GraphTables, build_tables, tables_to_networkx
from coauthor.readers.affiliations import country_name
from coauthor.records import Affiliation, Paper

LEVELS = ("author", "institution", "country")
#: The level table's columns: one row per (paper, unit).
UNIT_COLUMNS = ["paper_id", "author_id", "name", "author_name", "year", "country", "share", "kind"]


def check_level(level: str) -> None:
    """OptionError unless ``level`` is one of :data:`LEVELS`."""
    if level not in LEVELS:
        raise OptionError(f"unknown level '{level}' (use one of: {', '.join(LEVELS)})", option="level")


def unit_table(papers: Iterable[Paper], level: str) -> tuple[pd.DataFrame, int]:
    """One row per (paper, unit) at ``level`` (``institution`` or
    ``country``), columns :data:`UNIT_COLUMNS` (``author_id`` the unit's id,
    ``share`` its fractional count on the paper), and the number of papers
    left out for having no unit.

    >>> from coauthor.records import Affiliation as A
    >>> p = Paper("p", "T", ["Lee", "Chen", "Wu"], 2020, "f:1",
    ...           author_affiliations=((A("U Oslo", country="NO"),), (A("CERN", country="CH"),), ()))
    >>> table, missing = unit_table([p, Paper("q", "U", ["Lee"], 2021, "f:2")], "country")
    >>> table[["author_id", "name", "share"]].values.tolist(), missing
    ([['CH', 'Switzerland', 0.5], ['NO', 'Norway', 0.5]], 1)
    """
    check_level(level)
    if level == "author":
        raise OptionError("the author level is built from the authorship table", option="level")
    rows: list[tuple[Any, ...]] = []
    missing = 0
    names: dict[str, Counter[str]] = {}
    for paper in papers:
        shares = _unit_shares(paper, level)
        if not shares:
            missing += 1
            continue
        for key, (share, affiliation) in sorted(shares.items()):
            name = country_name(key) if level == "country" else affiliation.name
            names.setdefault(key, Counter())[name] += 1
            rows.append((paper.id, key, name, paper.year, affiliation.country or "", share, level))
    table = pd.DataFrame(rows, columns=[c for c in UNIT_COLUMNS if c != "author_name"])
    best = {key: _most_common(seen) for key, seen in names.items()}
    table.insert(3, "author_name", table["author_id"].map(best))
    table["year"] = table["year"].astype("Int64")
    return table[UNIT_COLUMNS], missing


def _most_common(seen: Counter[str]) -> str:
    return min(seen, key=lambda name: (-seen[name], name))


def _unit_key(affiliation: Affiliation, level: str) -> str | None:
    if level == "country":
        return affiliation.country
    return affiliation.key if affiliation.name or affiliation.ror else None  # a nameless one only has a country


def _unit_shares(paper: Paper, level: str) -> dict[str, tuple[float, Affiliation]]:
    """unit id -> (fractional count on ``paper``, an affiliation naming it)."""
    shares: dict[str, list[Any]] = {}
    groups = []
    for group in paper.author_affiliations:
        units = {key: a for a in group if (key := _unit_key(a, level))}
        if units:
            groups.append(units)
    for units in groups:
        for key, affiliation in units.items():
            entry = shares.setdefault(key, [0.0, affiliation])
            entry[0] += 1 / len(groups) / len(units)
    others = {key: a for a in paper.unlinked_affiliations if (key := _unit_key(a, level))}
    for key, affiliation in others.items():
        shares.setdefault(key, [0.0 if groups else 1 / len(others), affiliation])
    return {key: (float(share), affiliation) for key, (share, affiliation) in shares.items()}


def level_tables(
    papers: Iterable[Paper], level: str, weight: str = "full", max_authors: int = DEFAULT_MAX_AUTHORS
) -> GraphTables:
    """The collaboration graph of institutions or countries as tables (see
    the module docs). ``max_authors`` caps the units of a paper that makes
    edges. ``info`` says the level, how many papers had a unit
    (``papers_with_units``) and how many not (``papers_without_units``), and
    how many of the ``authorships`` (an author on a paper) give no unit of
    their own (``authorships_without_units``).

    A paper of Norway and Switzerland and one of Norway, Switzerland and
    Germany: full counting gives NO-CH 2, fractional 1 + 1/2.

    >>> from coauthor.records import Affiliation as A
    >>> no, ch, de = A("U Oslo", country="NO"), A("CERN", country="CH"), A("TUM", country="DE")
    >>> papers = [Paper("p", "T", ["Lee", "Chen"], 2020, "f:1", author_affiliations=((no,), (ch,))),
    ...           Paper("q", "U", ["Lee", "Chen", "Wu"], 2021, "f:2", author_affiliations=((no,), (ch,), (de,)))]
    >>> edges = level_tables(papers, "country", "fractional").edges
    >>> edges.loc[(edges.source == "CH") & (edges.target == "NO"), ["weight", "papers"]].values.round(4).tolist()
    [[1.5, 2.0]]
    """
    papers = list(papers)
    units, missing = unit_table(papers, level)
    own = sum(any(_unit_key(a, level) for a in group) for paper in papers for group in paper.author_affiliations)
    total = sum(len(paper.authors) for paper in papers)
    tables = build_tables(units, weight, max_authors)
    shares = units.groupby("author_id")["share"].sum()
    countries = units.groupby("author_id")["country"].agg(lambda codes: Counter(c for c in codes if c).most_common(1))
    nodes = tables.nodes
    nodes.insert(2, "papers_fractional", shares.reindex(nodes.index).to_numpy(dtype=float))
    nodes.insert(3, "country", [found[0][0] if found else "" for found in countries.reindex(nodes.index)])
    nodes["kind"] = level
    tables.info.update(level=level, papers_with_units=int(units["paper_id"].nunique()), papers_without_units=missing,
                       authorships=total, authorships_without_units=total - own)  # fmt: skip
    return tables


def level_graph(
    papers: Iterable[Paper],
    level: str,
    weight: str = "full",
    max_authors: int = DEFAULT_MAX_AUTHORS,
    metadata: dict[str, Any] | None = None,
) -> nx.Graph:
    """The collaboration graph of institutions or countries.

    Two institutions (countries) are linked when authors of theirs wrote a
    paper together (see the module docs for the units, the weightings and
    the fractional count of Perianes-Rodriguez, Waltman & van Eck 2016).

    Parameters
    ----------
    papers : iterable of Paper
        The papers, with their affiliations
        (:attr:`~coauthor.records.Paper.author_affiliations`, else
        :attr:`~coauthor.records.Paper.unlinked_affiliations`).
    level : {"institution", "country"}
        What a node is.
    weight : {"full", "fractional", "association", "jaccard", "salton"}
        The link weight, counted over the units; ``fractional`` gives each
        pair of a paper's n units 1/(n - 1).
    max_authors : int, default 50
        Papers with more units make no links (they still count in the
        units' ``papers``); 0 for no cap.
    metadata : dict, optional
        Graph attributes to set.

    Returns
    -------
    networkx.Graph
        Nodes keyed by ROR id (``ror:...``), folded name (``name:...``) or
        ISO country code, with ``name``, ``papers``, ``papers_fractional``,
        ``country``, years, ``variants`` and ``kind``; edges with
        ``weight`` and ``papers``; graph attributes ``level``,
        ``papers_with_units`` and ``papers_without_units``. Empty when no
        paper names a unit.

    Raises
    ------
    OptionError
        For an unknown ``level`` or ``weight``.

    Examples
    --------
    >>> from coauthor.records import Affiliation as A
    >>> p = Paper("p", "T", ["Lee", "Chen"], 2020, "f:1",
    ...           author_affiliations=((A("U Oslo", country="NO"),), (A("CERN", country="CH"),)))
    >>> g = level_graph([p], "country")
    >>> dict(g.nodes["NO"])["name"], g.nodes["NO"]["papers_fractional"], g.edges["CH", "NO"]["weight"]
    ('Norway', 0.5, 1)
    """
    tables = level_tables(papers, level, weight, max_authors)
    graph = tables_to_networkx(tables, metadata)
    for column in ("papers_fractional", "country"):
        nx.set_node_attributes(graph, tables.nodes[column].to_dict(), column)
    return graph


def unit_columns(authorships: pd.DataFrame, papers: Iterable[Paper]) -> pd.DataFrame:
    """``authorships`` (one row per paper and author position) with the
    columns ``institution`` and ``country``: the lists of each authorship's
    institution ids and country codes (empty when unknown), read by the
    collaboration indicators; unchanged when no author has an affiliation.

    >>> from coauthor.records import Affiliation as A
    >>> p = Paper("p", "T", ["Lee", "Chen"], 2020, "f:1", author_affiliations=((A("U Oslo", country="NO"),), ()))
    >>> table = pd.DataFrame({"paper_id": ["p", "p"], "position": [0, 1]})
    >>> unit_columns(table, [p])[["institution", "country"]].values.tolist()
    [[['name:uoslo'], ['NO']], [[], []]]
    """
    found: dict[tuple[str, int], tuple[Affiliation, ...]] = {}
    for paper in papers:
        for position, group in enumerate(paper.author_affiliations):
            if group:
                found[(paper.id, position)] = group
    if not found:  # no affiliation at all: the table as it was (the shares say "not available")
        return authorships
    keys = list(zip(authorships["paper_id"], authorships["position"], strict=True))
    groups = [found.get((p, int(i)), ()) for p, i in keys]
    return authorships.assign(
        institution=[list(dict.fromkeys(a.key for a in g)) for g in groups],
        country=[list(dict.fromkeys(a.country for a in g if a.country)) for g in groups],
    )


def nodes_word(graph: nx.Graph) -> str:
    """What the graph's nodes are, plural: authors, institutions or countries.

    >>> nodes_word(nx.Graph(level="country")), nodes_word(nx.Graph())
    ('countries', 'authors')
    """
    return {"institution": "institutions", "country": "countries"}.get(graph.graph.get("level", ""), "authors")


def level_line(graph: nx.Graph) -> str | None:
    """How many papers an institution or country graph left out (and how
    many authorships give no unit of their own), or None.

    >>> level_line(nx.Graph(level="country", papers_without_units=1, papers_with_units=3))
    '1 of 4 papers has no affiliation with a known country: left out of the country graph'
    """
    missing = graph.graph.get("papers_without_units")
    if not missing:
        return None
    total = missing + graph.graph.get("papers_with_units", 0)
    level = graph.graph["level"]
    verb = "has" if missing == 1 else "have"
    line = f"{missing:,} of {total:,} papers {verb} no affiliation with a known {level}: left out of the {level} graph"
    authorships, without = graph.graph.get("authorships"), graph.graph.get("authorships_without_units")
    if authorships and without:
        line += f"; {without:,} of {authorships:,} authorships give no {level} of their own"
    return line
