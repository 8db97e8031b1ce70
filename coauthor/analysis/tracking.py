"""Communities over time: detect communities in each time slice and match
them to the previous slice's by member overlap.

Overlap is Jaccard's |C ∩ P| / |C' ∪ P'| between a community C of slice t
and a community P of slice t−1, counted over the authors active in both
slices: C' are the members of C who published in t−1, P' those of P who
publish in t. Authors come and go between slices (students graduate, new
ones join), so plain |C ∪ P| would read a group that keeps its people but
triples in size, or loses its retired members, as one group ending and
another starting; an author who was not there cannot have left or stayed.
Overlaps below ``threshold`` (0.1) are noise and ignored. C *continues*
its best-overlapping P. Each community of slice t is a ``birth`` (no
overlap with slice t−1), a ``merge`` (two or more communities of t−1 have C
as their best successor), a ``split`` (its predecessor is also the best
predecessor of another community of t) or a ``continuation``; a community
of t−1 that overlaps nothing in t ends with a ``death`` row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence

import networkx as nx
import pandas as pd

from coauthor.analysis.communities import communities
from coauthor.analysis.engine import DEFAULT_SEED, Seed, seed_int
from coauthor.errors import OptionError
from coauthor.graph.build import GraphTables, build_tables, coauthorship_graph, ordered_subgraph, subgraph_tables
from coauthor.records import Paper

TRACK_COLUMNS = [
    "slice", "first_year", "last_year", "community", "size", "top_author", "event", "from_communities", "jaccard",
    "top_author_id",
]  # fmt: skip


#: Years per time slice of communities over time, unless told.
DEFAULT_SLICE_YEARS = 5


def parse_slice(text: str) -> int:
    """``"5y"`` or ``"5"`` -> 5 (years per slice).

    >>> parse_slice("5y"), parse_slice("3")
    (5, 3)
    """
    value = text.strip().lower().removesuffix("y")
    if not value.isdigit() or int(value) < 1:
        raise OptionError(f"'{text}': expected a number of years such as 5y", option="slice_years")
    return int(value)


def year_slices(papers: Sequence[Paper], years_per_slice: int) -> list[tuple[int, int]]:
    """Consecutive slices of ``years_per_slice`` years covering the dated
    papers, the last slice ending with the last year."""
    years = [p.year for p in papers if p.year is not None]
    if not years:
        return []
    last = max(years)
    start = last - years_per_slice + 1
    slices = []
    while start + years_per_slice - 1 >= min(years):
        slices.append((start, start + years_per_slice - 1))
        start -= years_per_slice
    return slices[::-1]


def track_communities(
    papers: Sequence[Paper],
    years_per_slice: int = DEFAULT_SLICE_YEARS,
    threshold: float = 0.1,
    method: str = "leiden",
    resolution: float = 1.0,
    seed: Seed = DEFAULT_SEED,
    max_authors: int = 50,
    weight: str = "full",
    authorships: pd.DataFrame | None = None,
    authors: Collection[str] | None = None,
) -> pd.DataFrame:
    """One row per community per slice (plus ``death`` rows), columns
    ``TRACK_COLUMNS``. Communities of one author are left out; ``community``
    is the number within its slice (0 = largest), ``from_communities`` the
    matched communities of the previous slice (``"; "``-joined) and
    ``jaccard`` the best overlap with them (over the authors active in both
    slices: see the module docstring), ``top_author`` and ``top_author_id``
    its author with the most papers in the slice. ``authorships``: the resolved
    table of ``papers`` (author ids as in the whole graph), else each slice
    is resolved by default. ``authors``: only these authors (those of a
    filtered graph) are kept in each slice's graph."""
    seed = seed_int(seed)
    rows: list[dict[str, object]] = []
    previous: dict[int, set[str]] = {}
    previous_active: set[str] = set()
    for number, (first, last) in enumerate(year_slices(papers, years_per_slice)):
        graph: nx.Graph | GraphTables
        if authorships is None:
            window = [p for p in papers if p.year is not None and first <= p.year <= last]
            graph = coauthorship_graph(window, weight=weight, max_authors=max_authors)
            if authors is not None:
                graph = ordered_subgraph(graph, [n for n in graph if n in authors])
            papers_of = dict(graph.nodes(data="papers"))
        else:  # the slice's tables, no networkx graph: the same nodes and edges in the same order
            in_slice = authorships["year"].between(first, last).fillna(False).to_numpy(dtype=bool)
            graph = build_tables(authorships[in_slice], weight=weight, max_authors=max_authors)
            if authors is not None:
                graph = subgraph_tables(graph, authors)
            papers_of = graph.nodes["papers"].to_dict()
        table = communities(graph, method=method, resolution=resolution, seed=seed)
        current = {int(c): set(members.index) for c, members in table.groupby("community") if len(members) > 1}
        names = table["name"].to_dict()
        active = set(papers_of)
        overlaps = {
            (c, p): len(members & old) / len((members & previous_active) | (old & active))
            for c, members in current.items()
            for p, old in previous.items()
            if members & old
        }
        kept = {pair: value for pair, value in overlaps.items() if value >= threshold}
        best_previous = _best(kept, by_first=True)
        best_next = _best(kept, by_first=False)
        children: dict[int, list[int]] = defaultdict(list)
        for c, p in best_previous.items():
            children[p].append(c)
        absorbed: dict[int, list[int]] = defaultdict(list)
        for p, c in best_next.items():
            absorbed[c].append(p)
        for c, members in current.items():
            parent = best_previous.get(c)
            sources = sorted(set(absorbed[c]) | ({parent} if parent is not None else set()))
            if parent is None:
                event = "birth"
            elif len(absorbed[c]) > 1:
                event = "merge"
            else:
                event = "split" if len(children[parent]) > 1 else "continuation"
            top = min(members, key=lambda a: (-papers_of.get(a, 0), a))
            rows.append({
                "slice": number, "first_year": first, "last_year": last, "community": c, "size": len(members),
                "top_author": names.get(top, top), "event": event,
                "from_communities": "; ".join(str(p) for p in sources),
                "jaccard": max((kept[(c, p)] for p in sources if (c, p) in kept), default=0.0),
                "top_author_id": top,
            })  # fmt: skip
        for p in sorted(previous):
            if number and p not in best_next:
                rows.append({
                    "slice": number, "first_year": first, "last_year": last, "community": None,
                    "size": 0, "top_author": "", "event": "death", "from_communities": str(p), "jaccard": 0.0,
                    "top_author_id": "",
                })  # fmt: skip
        previous, previous_active = current, active
    return pd.DataFrame(rows, columns=TRACK_COLUMNS).astype({"community": "Int64"})


def _best(overlaps: dict[tuple[int, int], float], by_first: bool) -> dict[int, int]:
    """For each current (``by_first``) or previous community, its partner
    with the highest overlap (ties to the lower number)."""
    best: dict[int, tuple[float, int]] = {}
    for (c, p), value in overlaps.items():
        key, partner = (c, p) if by_first else (p, c)
        if key not in best or (-value, partner) < (-best[key][0], best[key][1]):
            best[key] = (value, partner)
    return {key: partner for key, (_, partner) in best.items()}
