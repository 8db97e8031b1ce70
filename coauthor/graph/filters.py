"""Filters on the collaboration graph, composable, always applied in this order:

1. ``years=(A, B)``: only papers published in A..B are read into the graph
   (so counts, weights and first/last years are those of the window);
2. the graph is built (weighting, author cap), with organisation authors
   (``organisations``): ``separate`` (default) keeps them, marked
   ``kind=organisation``, but ranks them after every person (``top`` here,
   the centrality table and every top list); ``keep`` ranks them with the
   persons; ``drop`` leaves them out (their papers keep the other authors);
3. ``min_papers``: authors with fewer papers are removed;
4. ``min_weight``: edges lighter than this are removed;
5. ``top``: only the N authors ranked highest by ``top_by`` (papers or a
   centrality measure computed on the graph at this point) are kept;
6. ``largest_component``: only the largest connected component is kept;
7. ``ego`` / ``focus``: only the given authors and their neighbours up to
   ``hops`` links away (ego: 1 hop by default; focus: 0, their subgraph).

Filters only remove: an author whose co-authors were all removed stays, as
an isolated node, unless a later step removes them too.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pandas as pd

from coauthor.errors import InputError, OptionError
from coauthor.graph.build import DEFAULT_MAX_AUTHORS, ordered_subgraph
from coauthor.names.parse import ORGANISATION, PERSON, name_key
from coauthor.readers.base import regular_text
from coauthor.records import Paper

#: What becomes of organisation authors (the first is the default).
ORGANISATION_MODES = ("separate", "keep", "drop")


@dataclass(frozen=True)
class GraphOptions:
    """How to build and filter the graph, applied in the order of the
    module docs (years, build, ``min_papers``, ``min_weight``, ``top``,
    ``largest_component``, ``ego`` / ``focus``). Filters only remove.

    Parameters
    ----------
    weight : {"full", "fractional", "association", "jaccard", "salton"}
        The edge weight (see :func:`coauthor.coauthorship_graph`).
    max_authors : int, default 50
        Papers with more authors make no edges; 0 for no cap.
    years : (int, int), optional
        Only papers published in these years (inclusive) are read into the
        graph.
    min_papers : int, default 1
        Only authors with at least this many papers.
    min_weight : float, default 0.0
        Only edges at least this heavy.
    top : int, optional
        Only the ``top`` authors ranked highest by ``top_by``.
    top_by : str, default "papers"
        ``papers`` or a centrality measure, computed on the graph at that
        step.
    largest_component : bool, default False
        Only the largest connected component.
    ego : str, optional
        One author's neighbourhood (a name or an ``author_id``).
    focus : tuple of str, optional
        The authors of a focus file (names or ids), or their neighbourhood.
    hops : int, optional
        Links from ``ego`` or ``focus`` kept (default 1 for ``ego``, 0 for
        ``focus``: their subgraph).
    resolve : {"default", "strict", "off", "split"}
        How names become authors (see :func:`coauthor.authorship_table`).
    aliases : str, optional
        An alias file (VOSviewer's thesaurus format).
    organisations : {"separate", "keep", "drop"}
        Organisation authors: kept but ranked after every person
        (``separate``), ranked with the persons (``keep``) or left out
        (``drop``).
    level : {"author", "institution", "country"}
        What a node is: an author, or an institution or country linked to
        another when their authors wrote together (:mod:`coauthor.graph.levels`);
        the filters then apply to those nodes.

    Examples
    --------
    The options set, as the graph records them (``described()``):

    >>> described = GraphOptions(min_papers=2, years=(2015, 2020)).described()
    >>> described["years"], described["min_papers"], "top" in described
    ('2015-2020', 2, False)
    """

    weight: str = "full"
    max_authors: int = DEFAULT_MAX_AUTHORS
    years: tuple[int, int] | None = None
    min_papers: int = 1
    min_weight: float = 0.0
    top: int | None = None
    top_by: str = "papers"
    largest_component: bool = False
    ego: str | None = None
    focus: tuple[str, ...] = field(default_factory=tuple)
    hops: int | None = None
    resolve: str = "default"
    aliases: str | None = None
    organisations: str = "separate"
    level: str = "author"

    def described(self) -> dict[str, object]:
        """The options as graph metadata (only those that are set; the level
        when it is not ``author``)."""
        return {
            key: (f"{value[0]}-{value[1]}" if key == "years" and value else value)
            for key, value in self.__dict__.items()
            if value not in (None, (), False) and not (key == "level" and value == "author")
        }


def parse_years(text: str) -> tuple[int, int]:
    """``"2015-2020"`` -> (2015, 2020); ``"2019"`` -> (2019, 2019); open ends
    ``"2015-"`` and ``"-2020"`` allowed.

    >>> parse_years("2015-2020"), parse_years("2019"), parse_years("-1999")
    ((2015, 2020), (2019, 2019), (0, 1999))
    """
    first, sep, last = text.strip().partition("-")
    try:
        start = int(first) if first else 0
        end = (int(last) if last else 9999) if sep else start
    except ValueError as exc:
        raise OptionError(f"'{text}': expected YEAR or A-B, e.g. 2015-2020", option="years") from exc
    if start > end:
        raise OptionError(f"'{text}': the first year is after the last", option="years")
    return start, end


def papers_in_years(papers: Iterable[Paper], years: tuple[int, int] | None) -> list[Paper]:
    """Step 1: the papers published within ``years`` (undated papers are left
    out). OptionError when none is, saying which years the papers span.

    >>> from coauthor.records import Paper
    >>> papers = [Paper("a", "T", ["X"], 1990, "x.bib"), Paper("b", "U", ["Y"], 2001, "x.bib")]
    >>> [p.id for p in papers_in_years(papers, (2000, 2010))]
    ['b']
    >>> papers_in_years(papers, (2030, 2040))
    Traceback (most recent call last):
    coauthor.errors.OptionError: years 2030-2040: no paper in 2030-2040 (the papers span 1990-2001)
    """
    papers = list(papers)
    if years is None:
        return papers
    window = [p for p in papers if p.year is not None and years[0] <= p.year <= years[1]]
    if papers and not window:
        dated = [p.year for p in papers if p.year is not None]
        text = years_text(years)
        span = f"the papers span {min(dated)}-{max(dated)}" if dated else "no paper has a year"
        raise OptionError(f"{text}: no paper in {text} ({span})", option="years")
    return window


def years_text(years: tuple[int, int]) -> str:
    """``(2015, 2020)`` -> ``"2015-2020"``, open ends as :func:`parse_years` reads them.

    >>> years_text((2015, 2020)), years_text((2019, 2019)), years_text((0, 1999)), years_text((2015, 9999))
    ('2015-2020', '2019', '-1999', '2015-')
    """
    first, last = years
    if first == last:
        return str(first)
    return f"{first if first else ''}-{last if last != 9999 else ''}"


def authorships_of(authorships: pd.DataFrame, organisations: str) -> pd.DataFrame:
    """Step 2: the authorships the graph is built from, without those of
    organisations when ``organisations`` is ``drop``.

    >>> table = pd.DataFrame({"author_id": ["a", "b"], "kind": ["person", "organisation"]})
    >>> authorships_of(table, "drop")["author_id"].tolist(), len(authorships_of(table, "separate"))
    (['a'], 2)
    """
    if organisations not in ORGANISATION_MODES:
        choices = ", ".join(ORGANISATION_MODES)
        raise OptionError(f"'{organisations}' is not one of: {choices}", option="organisations")
    if organisations != "drop" or "kind" not in authorships:
        return authorships
    return authorships[authorships["kind"].ne(ORGANISATION).to_numpy()].reset_index(drop=True)


def filter_graph(graph: nx.Graph, options: GraphOptions) -> nx.Graph:
    """Steps 3 to 7 on a built graph; returns a new graph (sorted order).
    OptionError when ``min_papers`` leaves no author (an empty selection),
    saying what the graph holds, or when the graph (a file written by
    another program) has no ``papers`` to filter on."""
    return filter_built(graph, options, owned=False)


def filter_built(graph: nx.Graph, options: GraphOptions, owned: bool) -> nx.Graph:
    """:func:`filter_graph`; ``owned``: ``graph`` was just built by
    :func:`~coauthor.graph.build.tables_to_networkx` (already in sorted
    order) and is not used afterwards, so when every author is kept it is
    returned as it is instead of copied (the copy held both graphs at
    once: 183 MiB more for the 380 k edges of 100 k DBLP records)."""
    counts = dict(graph.nodes(data="papers"))
    if options.min_papers > 1 and any(papers is None for papers in counts.values()):
        missing = "needs the papers of every author: the graph file has no 'papers' on its nodes"
        raise OptionError(missing, option="min_papers")
    keep = [n for n, papers in counts.items() if papers is None or papers >= options.min_papers]
    if graph.number_of_nodes() and not keep:
        most = max(papers for papers in counts.values() if papers is not None)
        raise OptionError(
            f"{options.min_papers}: no author has that many papers (the most by one author is {most})",
            option="min_papers",
        )
    if not (owned and len(keep) == graph.number_of_nodes()):
        graph = ordered_subgraph(graph, keep)
    if options.min_weight:
        graph.remove_edges_from([(u, v) for u, v, w in graph.edges(data="weight") if w < options.min_weight])
    if options.top:
        people_first = options.organisations == "separate"
        graph = ordered_subgraph(graph, _top_authors(graph, options.top, options.top_by, people_first))
    if options.largest_component and graph.number_of_nodes():
        largest = max(nx.connected_components(graph), key=lambda c: (len(c), sorted(c)[0]))
        graph = ordered_subgraph(graph, largest)
    centres = list(options.focus) + ([options.ego] if options.ego else [])
    if centres:
        hops = options.hops if options.hops is not None else (1 if options.ego else 0)
        ids = [find_author(graph, name) for name in centres]
        graph = ordered_subgraph(graph, neighbourhood(graph, ids, hops))
    return graph


def _top_authors(graph: nx.Graph, n: int, by: str, people_first: bool) -> list[str]:
    if by == "papers":
        score = dict(graph.nodes(data="papers", default=0))
    else:
        from coauthor.analysis.centrality import centrality

        table = centrality(graph, measures=(by,))
        score = table[by].to_dict()
    kind = dict(graph.nodes(data="kind", default=PERSON)) if people_first else {}
    ranked = sorted(score, key=lambda node: (kind.get(node) == ORGANISATION, -score[node], node))
    return ranked[:n]


def neighbourhood(graph: nx.Graph, centres: Iterable[str], hops: int) -> set[str]:
    """The authors at most ``hops`` links from any of ``centres``."""
    reached: set[str] = set()
    for centre in centres:
        reached.update(nx.single_source_shortest_path_length(graph, centre, cutoff=hops))
    return reached


def find_author(graph: nx.Graph, name_or_id: str) -> str:
    """The author id for an id, a name as written (any variant) or a display name;
    OptionError naming close matches when there is none."""
    if name_or_id in graph:
        return name_or_id
    shown = [node for node, name in graph.nodes(data="name") if name == name_or_id]
    if len(shown) == 1:  # the display name (graphs read from elsewhere may have any ids)
        return str(shown[0])
    key = name_key(name_or_id)
    if key in graph:
        return key
    for node, variants in graph.nodes(data="variants", default=""):  # a spelling merged into an author
        if variants and name_or_id in str(variants).split("; "):
            return str(node)
    names = {str(d.get("name", n)): n for n, d in graph.nodes(data=True)}
    close = difflib.get_close_matches(name_or_id, list(names), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise OptionError(f"author '{name_or_id}' is not in the graph{hint}")


def read_focus_file(path: str | Path) -> tuple[str, ...]:
    """Authors listed one per line (names or ids); blank lines and lines
    starting with ``#`` are ignored."""
    lines = regular_text(path, "the focus list").splitlines()
    names = tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))
    if not names:
        raise InputError(str(path), "the focus list names no author")
    return names
