"""The weighted collaboration graph, built with sparse matrices.

With B the papers x authors incidence matrix and D a diagonal matrix of paper
weights, the co-authorship matrix is BᵀDB; its off-diagonal entries, summed
over publication years (one product per year gives the first and last year of
every pair), are the edges. Notation: c_ij = papers i and j wrote together,
c_i = papers of i, n_p = authors of paper p. The weightings (``weight=``):

* ``full`` (default): w_ij = c_ij
* ``fractional`` (Newman 2001): w_ij = Σ_p 1/(n_p − 1) over their joint papers
* ``association``: w_ij = c_ij / (c_i · c_j)
* ``jaccard``: w_ij = c_ij / (c_i + c_j − c_ij)
* ``salton``: w_ij = c_ij / sqrt(c_i · c_j)

Every edge also keeps ``papers`` (= c_ij), ``first_year`` and ``last_year``.
Papers with more than ``max_authors`` authors (default 50; 0 = no cap) make no
edges — one 3,000-author paper alone makes 4.5 million pairs — but still
count in their authors' ``papers``. Nodes are author ids (sorted), with
``name``, ``papers``, ``first_year``, ``last_year``, ``variants`` (the
spellings seen, ``"; "``-joined) and ``kind`` (``person`` or
``organisation``). Inferred authors (profile owners added to truncated
lists) count as authors.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from coauthor.errors import OptionError
from coauthor.names.aliases import Aliases
from coauthor.names.parse import PERSON
from coauthor.names.resolve import authorship_table, display_names
from coauthor.records import Paper

WEIGHTINGS = ("full", "fractional", "association", "jaccard", "salton")
DEFAULT_MAX_AUTHORS = 50
UNDATED = -1  # year key for papers without a year while building
EDGE_COLUMNS = ["source", "target", "weight", "papers", "first_year", "last_year"]


@dataclass
class GraphTables:
    """The graph as two tables: ``nodes`` (indexed by author id: name, papers,
    first_year, last_year, variants, kind) and ``edges`` (source < target, weight,
    papers, first_year, last_year; years ``UNDATED`` when unknown), plus
    ``info`` about the build (papers left out by the author cap, ...) and
    ``pairs``: the edges as node positions (m x 2 ints), ready for igraph.

    Filtering a table by hand? Drop ``pairs`` (set it to None) and clear
    ``cache`` (engine copies of the graph): both are rebuilt when needed.
    """

    nodes: pd.DataFrame
    edges: pd.DataFrame
    info: dict[str, Any] = field(default_factory=dict)
    pairs: np.ndarray | None = None
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def positions(self) -> np.ndarray:
        """The edges as positions of their nodes in ``nodes`` (m x 2)."""
        if self.pairs is None:
            index = self.nodes.index
            self.pairs = np.column_stack(
                [index.get_indexer(self.edges["source"]), index.get_indexer(self.edges["target"])]
            )
        return self.pairs


def coauthorship_graph(
    papers: Iterable[Paper],
    weight: str = "full",
    max_authors: int = DEFAULT_MAX_AUTHORS,
    metadata: dict[str, Any] | None = None,
    resolve: str = "default",
    aliases: Aliases | None = None,
) -> nx.Graph:
    """Build the weighted collaboration graph of ``papers``.

    Names are resolved into authors (:func:`coauthor.authorship_table`);
    every pair of authors of a paper (inferred authors included) is an
    edge. Nodes are keyed by ``author_id`` and carry ``name``, ``papers``,
    ``first_year``, ``last_year``, ``variants`` (the spellings seen,
    ``"; "``-joined) and ``kind`` (``person`` or ``organisation``); edges
    carry ``weight``, ``papers`` (joint papers), ``first_year`` and
    ``last_year``.

    Parameters
    ----------
    papers : iterable of Paper
        The papers, as :func:`coauthor.read_inputs` returns them.
    weight : {"full", "fractional", "association", "jaccard", "salton"}
        The edge weight, with c_ij the papers i and j wrote together, c_i
        the papers of i and n_p the authors of paper p: ``full`` c_ij;
        ``fractional`` (Newman 2001) the sum of 1/(n_p - 1) over their joint
        papers; ``association`` c_ij / (c_i c_j); ``jaccard`` c_ij / (c_i +
        c_j - c_ij); ``salton`` c_ij / sqrt(c_i c_j).
    max_authors : int, default 50
        Papers with more authors make no edges (they still count in their
        authors' ``papers``); 0 for no cap.
    metadata : dict, optional
        Graph attributes to set (how the graph was made).
    resolve : {"default", "strict", "off", "split"}
        How names become authors (see :func:`coauthor.authorship_table`).
    aliases : Aliases, optional
        An alias file read by ``coauthor.names.aliases.read_aliases``, applied
        before every other rule.

    Returns
    -------
    networkx.Graph
        Undirected; nodes and edges in a stable order (the same papers give
        the same graph).

    Raises
    ------
    OptionError
        For an unknown ``weight`` or ``resolve`` mode, or a negative
        ``max_authors``.

    Examples
    --------
    >>> from coauthor import Paper
    >>> g = coauthorship_graph([Paper("p1", "T", ["Ann Lee", "Bo Chen"], 2020, "f:1"),
    ...                         Paper("p2", "U", ["Bo Chen", "Ann Lee"], 2022, "f:4")])
    >>> dict(g.edges["ann-lee", "bo-chen"])
    {'weight': 2, 'papers': 2, 'first_year': 2020, 'last_year': 2022}

    Fractional counting: a paper of n authors gives each pair 1/(n - 1),
    so two papers of two and three authors give 1 + 1/2:

    >>> papers = [Paper("p1", "T", ["Zhu, Jun-Yan", "John Smith"], 2020, "f:1"),
    ...           Paper("p2", "U", ["Junyan Zhu", "J. Smith", "Cy Diaz"], 2022, "f:4")]
    >>> g = coauthorship_graph(papers, weight="fractional")
    >>> g.edges["john-smith", "jun-yan-zhu"]["weight"], g.edges["cy-diaz", "john-smith"]["weight"]
    (1.5, 0.5)
    >>> coauthorship_graph(papers, weight="heavy")
    Traceback (most recent call last):
    coauthor.errors.OptionError: unknown weighting 'heavy' (use one of: full, fractional, association, jaccard, salton)
    """
    tables = build_tables(authorship_table(papers, aliases, resolve), weight, max_authors)
    return tables_to_networkx(tables, metadata)


def graph_from_authorships(
    authorships: pd.DataFrame,
    weight: str = "full",
    max_authors: int = DEFAULT_MAX_AUTHORS,
    metadata: dict[str, Any] | None = None,
) -> nx.Graph:
    """Build the graph from an authorship table (see :mod:`coauthor.names.resolve`)."""
    return tables_to_networkx(build_tables(authorships, weight, max_authors), metadata)


def build_tables(
    authorships: pd.DataFrame, weight: str = "full", max_authors: int = DEFAULT_MAX_AUTHORS
) -> GraphTables:
    """Node and edge tables of the collaboration graph (see the module docs)."""
    check_weighting(weight, max_authors)
    codes = _Codes.of(authorships)
    nodes = _node_table(authorships, codes)
    sizes = np.bincount(codes.paper, minlength=codes.n_papers)
    over_cap = sizes > max_authors if max_authors else np.zeros(codes.n_papers, dtype=bool)
    info: dict[str, Any] = {
        "weight": weight,
        "max_authors": max_authors,
        "papers_over_author_cap": int(over_cap.sum()),
        "largest_author_count": int(sizes.max()) if len(sizes) else 0,
    }
    edges, pairs = _edge_table(codes, ~over_cap[codes.paper], 1.0 / np.maximum(sizes - 1, 1), nodes.index)
    edges.insert(2, "weight", _weights(edges, nodes["papers"], weight))
    return GraphTables(nodes, edges, info, pairs)


def subgraph_tables(tables: GraphTables, authors: Collection[str]) -> GraphTables:
    """The tables of the subgraph on ``authors``: their nodes and the edges
    between two of them (``info`` kept).

    >>> import pandas as pd
    >>> rows = [("p1", "a"), ("p1", "b"), ("p2", "b"), ("p2", "c")]
    >>> table = pd.DataFrame(rows, columns=["paper_id", "author_id"]).assign(name=lambda t: t.author_id, year=2020)
    >>> sub = subgraph_tables(build_tables(table), {"a", "b"})
    >>> list(sub.nodes.index), sub.edges[["source", "target"]].values.tolist()
    (['a', 'b'], [['a', 'b']])
    """
    keep = set(authors)
    nodes = tables.nodes[tables.nodes.index.isin(list(keep))]
    inside = tables.edges["source"].isin(nodes.index) & tables.edges["target"].isin(nodes.index)
    return GraphTables(nodes, tables.edges[inside].reset_index(drop=True), dict(tables.info))


def check_weighting(weight: str, max_authors: int) -> None:
    """OptionError unless ``weight`` is a known weighting and ``max_authors`` >= 0."""
    if weight not in WEIGHTINGS:
        raise OptionError(f"unknown weighting '{weight}' (use one of: {', '.join(WEIGHTINGS)})")
    if max_authors < 0:
        raise OptionError(f"must be 0 (no cap) or positive, not {max_authors}", option="max_authors")


@dataclass
class _Codes:
    """Integer codes of an authorship table, computed once: ``author``
    (0.. in sorted author id order), ``paper``, ``year`` (UNDATED if none)."""

    author: np.ndarray
    author_ids: np.ndarray
    paper: np.ndarray
    n_papers: int
    year: np.ndarray

    @classmethod
    def of(cls, authorships: pd.DataFrame) -> _Codes:
        raw, uniques = pd.factorize(authorships["author_id"])
        order = np.argsort(uniques.astype(str), kind="stable")  # sort the few uniques, not every row
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        paper, paper_ids = pd.factorize(authorships["paper_id"])
        year = authorships["year"].astype("Int64").fillna(UNDATED).to_numpy(dtype=np.int64)
        return cls(rank[raw], np.asarray(uniques)[order], paper, len(paper_ids), year)


def tables_to_networkx(tables: GraphTables, metadata: dict[str, Any] | None = None) -> nx.Graph:
    """The tables as a networkx graph; ``metadata`` and ``tables.info`` become
    graph attributes. Undated years are left out of the attributes."""
    graph = nx.Graph()
    graph.graph.update(metadata or {})
    graph.graph.update(tables.info)
    shared: dict[int, int] = {}  # one int object per value: years are above CPython's small-int cache

    def ints(column: pd.Series) -> list[int]:
        return [shared.setdefault(value, value) for value in column.to_numpy(dtype=np.int64).tolist()]

    nodes = tables.nodes
    ids = list(nodes.index)  # the edges name these same str objects: a copy per edge end costs ~64 bytes
    for author_id, name, papers, first, last, variants, kind in zip(
        ids,
        nodes["name"],
        ints(nodes["papers"]),
        ints(nodes["first_year"]),
        ints(nodes["last_year"]),
        nodes["variants"],
        nodes["kind"] if "kind" in nodes else [PERSON] * len(nodes),
        strict=True,
    ):
        attrs: dict[str, Any] = {"name": name, "papers": papers}
        if first != UNDATED:
            attrs.update(first_year=first, last_year=last)
        attrs["variants"] = variants
        attrs["kind"] = kind
        graph.add_node(author_id, **attrs)
    edges = tables.edges
    weights = ints(edges["weight"]) if edges["weight"].dtype.kind == "i" else edges["weight"].astype(float).tolist()
    pairs = tables.positions()
    for source, target, weight, papers, first, last in zip(
        [ids[i] for i in pairs[:, 0].tolist()],
        [ids[i] for i in pairs[:, 1].tolist()],
        weights,
        ints(edges["papers"]),
        ints(edges["first_year"]),
        ints(edges["last_year"]),
        strict=True,
    ):
        attrs = {"weight": weight, "papers": papers}
        if first != UNDATED:
            attrs.update(first_year=first, last_year=last)
        graph.add_edge(source, target, **attrs)
    return graph


def _node_table(authorships: pd.DataFrame, codes: _Codes) -> pd.DataFrame:
    n = len(codes.author_ids)
    dated = codes.year != UNDATED
    first = np.full(n, np.iinfo(np.int64).max)
    last = np.full(n, UNDATED)
    np.minimum.at(first, codes.author[dated], codes.year[dated])
    np.maximum.at(last, codes.author[dated], codes.year[dated])
    first[first == np.iinfo(np.int64).max] = UNDATED
    index = pd.Index(codes.author_ids, name="author_id")
    nodes = pd.DataFrame(
        {"papers": np.bincount(codes.author, minlength=n), "first_year": first, "last_year": last}, index=index
    )  # one row per (paper, author): the authorship table has no repeats
    if "author_name" in authorships:
        by_code = pd.Series(authorships["author_name"].to_numpy()).groupby(codes.author).first()
        nodes["name"] = by_code.to_numpy()  # codes are 0..n-1 in node order
    else:
        nodes["name"] = display_names(authorships)
    nodes["variants"] = _variants(authorships, codes, index)
    if "kind" in authorships:
        nodes["kind"] = pd.Series(authorships["kind"].to_numpy()).groupby(codes.author).first().to_numpy()
    else:
        nodes["kind"] = PERSON
    return nodes[["name", "papers", "first_year", "last_year", "variants", "kind"]]


def _variants(authorships: pd.DataFrame, codes: _Codes, index: pd.Index) -> np.ndarray:
    """The distinct spellings of each author, sorted and ``"; "``-joined;
    joined in Python only for the few authors with several spellings."""
    name_codes, names = pd.factorize(authorships["name"])
    pairs = np.unique(codes.author * (len(names) + 1) + name_codes)
    author, name = pairs // (len(names) + 1), pairs % (len(names) + 1)
    result = np.empty(len(index), dtype=object)
    result[author] = np.asarray(names)[name]  # the last spelling wins; fixed below where there are several
    counts = np.bincount(author, minlength=len(index))
    for code in np.flatnonzero(counts > 1):
        result[code] = "; ".join(sorted(np.asarray(names)[name[author == code]]))
    return result


def _edge_table(
    codes: _Codes, in_edges: np.ndarray, share: np.ndarray, author_index: pd.Index
) -> tuple[pd.DataFrame, np.ndarray]:
    """Edges with ``papers`` (c_ij), ``fractional`` (Σ 1/(n_p − 1)) and years:
    the upper triangles of BᵀB and BᵀDB over all papers, and per year the
    pattern of BᵀB for the first and last year of every pair. Also returns
    the edges as node positions."""
    shape = (codes.n_papers, len(author_index))
    paper, author, years = codes.paper[in_edges], codes.author[in_edges], codes.year[in_edges]
    ones = np.ones(len(paper), dtype=np.int64)

    incidence = sp.csr_matrix((ones, (paper, author)), shape=shape)
    counts = _upper(incidence.T @ incidence)
    fractions = _upper(incidence.T @ sp.csr_matrix((share[paper], (paper, author)), shape=shape))
    rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    keys = rows * len(author_index) + counts.indices  # sorted: canonical CSR is row-major
    first = np.full(len(keys), UNDATED)
    last = np.full(len(keys), UNDATED)
    by_year = np.argsort(years, kind="stable")
    found, starts = np.unique(years[by_year], return_index=True)
    for year, rows_of_year in zip(found, np.split(by_year, starts)[1:], strict=True):  # ascending
        if year == UNDATED:
            continue
        # one year's papers x authors only, in local codes: a full-size matrix per year costs O(all authors)
        local_papers = np.unique(paper[rows_of_year], return_inverse=True)[1]
        year_authors, local_authors = np.unique(author[rows_of_year], return_inverse=True)
        matrix = sp.csr_matrix((ones[rows_of_year], (local_papers, local_authors)))
        yearly = _upper(matrix.T @ matrix)  # year_authors is sorted, so local upper = global upper
        yearly_rows = year_authors[np.repeat(np.arange(yearly.shape[0]), np.diff(yearly.indptr))]
        positions = np.searchsorted(keys, yearly_rows * len(author_index) + year_authors[yearly.indices])
        first[positions] = np.where(first[positions] == UNDATED, year, first[positions])
        last[positions] = year
    edges = pd.DataFrame({
        "source": author_index.take(rows).array, "target": author_index.take(counts.indices).array,
        "papers": counts.data.astype(np.int64), "fractional": fractions.data,
        "first_year": first, "last_year": last,
    })  # fmt: skip
    return edges, np.column_stack([rows, counts.indices])


def _upper(matrix: sp.spmatrix) -> sp.csr_matrix:
    """The strict upper triangle in canonical CSR (sorted, no duplicates)."""
    upper = sp.triu(matrix, k=1).tocsr()
    upper.sum_duplicates()
    upper.sort_indices()
    return upper


def _weights(edges: pd.DataFrame, papers: pd.Series, weight: str) -> pd.Series:
    """The ``weight`` column for one weighting (formulas in the module docs)."""
    joint = edges["papers"]
    if weight == "full":
        return joint
    if weight == "fractional":
        return edges["fractional"]
    c_i = papers.reindex(edges["source"]).to_numpy(dtype=float)
    c_j = papers.reindex(edges["target"]).to_numpy(dtype=float)
    if weight == "association":
        return joint / (c_i * c_j)
    if weight == "jaccard":
        return joint / (c_i + c_j - joint)
    return joint / np.sqrt(c_i * c_j)


def ordered_subgraph(graph: nx.Graph, nodes: Iterable[str]) -> nx.Graph:
    """A copy of the subgraph on ``nodes`` whose nodes and edges are in sorted
    order. ``graph.subgraph`` iterates its node set, whose order changes with
    Python's hash seed; algorithms summing floats in that order then differ
    in the last digits from run to run, and layouts differ entirely."""
    keep = sorted(set(nodes))
    sub = nx.Graph()
    sub.graph.update(graph.graph)
    sub.add_nodes_from((n, graph.nodes[n]) for n in keep)
    inside = set(keep)
    sub.add_edges_from(
        sorted((min(u, v), max(u, v), d) for u in keep for v, d in graph.adj[u].items() if v in inside and u < v)
    )
    return sub
