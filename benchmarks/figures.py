"""Every figure kind and the interactive map on a synthetic bibliography of
about 20,000 authors: the figures must draw in seconds, never minutes.

    python benchmarks/figures.py [--papers 30000] [--author-pool 30000] [--out DIR]

The bibliography comes from benchmarks/synthetic.py (seed 7; by default
30,000 papers drawing on a pool of 30,000 names: 20,402 authors); the analysis
(centrality, communities, timelines, communities over time) is timed apart
from the drawing. Each kind is drawn and saved as PNG; the map is written
as HTML. Prints a table and replaces the "## Figures" section of
benchmarks/RESULTS.md (re-read just before writing: other benchmarks write
there too).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def synthetic_papers(papers: int, authors: int, seed: int = 7) -> list:
    """Papers (coauthor records) from benchmarks/synthetic.py's authorship
    table: names as written, years 1990-2024."""
    sys.path.insert(0, str(HERE))
    from synthetic import authorships

    from coauthor.records import Paper

    table = authorships(papers, authors=authors, seed=seed).sort_values(["paper_id", "position"])
    table["name"] = table["author_id"].str[1:].astype(int).map(_name)
    return [
        Paper(
            id=str(pid),
            title=f"Paper {pid}",
            authors=group["name"].tolist(),
            year=int(group["year"].iloc[0]),
            source=f"synthetic:{pid}",
        )
        for pid, group in table.groupby("paper_id", sort=True)
    ]


SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "hu")


def _name(number: int) -> str:
    """A distinct pronounceable name per number, letters only ("Author 1234"
    would lose its number: coauthor reads it as a DBLP homonym suffix)."""
    given = "".join(SYLLABLES[int(d)] for d in f"{number % 100:02d}")
    family = "ba" + "".join(SYLLABLES[int(d)] for d in str(number // 100))
    return f"{given.capitalize()} {family.capitalize()}"


def synthetic_analysis(papers: list) -> object:
    """The Analysis that ``coauthor.analyze`` would return for ``papers``."""
    import networkx as nx

    from coauthor.analysis import author_timeline, centrality, communities, timeline
    from coauthor.analysis.centrality import MEASURES
    from coauthor.analysis.tracking import track_communities
    from coauthor.graph import coauthorship_graph
    from coauthor.pipeline import Analysis

    meta = {"inputs": ["synthetic"], "community_method": "leiden", "seed": 42, "weight": "full"}
    graph = coauthorship_graph(papers, metadata=meta)
    central = centrality(graph, MEASURES)
    groups = communities(graph)
    for column in MEASURES:
        nx.set_node_attributes(graph, central[column].to_dict(), column)
    nx.set_node_attributes(graph, groups["community"].to_dict(), "community")
    return Analysis(
        papers,
        [],
        graph,
        central,
        groups,
        timeline(graph, papers),
        author_timeline(graph, papers),
        track_communities(papers),
    )


def run(authors: int, papers: int, out: Path) -> list[tuple[str, float, str]]:
    import matplotlib

    matplotlib.use("Agg")
    from coauthor.html import write_html
    from coauthor.plot import KINDS, figure_caption, write_figure

    rows = []
    start = time.perf_counter()
    bibliography = synthetic_papers(papers, authors)
    rows.append(("generate papers", time.perf_counter() - start, f"{len(bibliography):,} papers"))
    start = time.perf_counter()
    result = synthetic_analysis(bibliography)
    graph = result.graph
    rows.append(
        (
            "analysis (not drawing)",
            time.perf_counter() - start,
            f"{graph.number_of_nodes():,} authors, {graph.number_of_edges():,} links",
        )
    )
    for kind in KINDS:
        start = time.perf_counter()
        path = write_figure(kind, result, out / f"{kind}.png")
        rows.append((f"plot {kind}", time.perf_counter() - start, f"{path.stat().st_size / 1024:,.0f} KiB PNG"))
    start = time.perf_counter()
    page = write_html(graph, result.centrality, result.communities, out / "map.html", caption=figure_caption(result))
    rows.append(("html map", time.perf_counter() - start, f"{page.stat().st_size / 1024**2:,.1f} MiB, 5,000 authors"))
    return rows


def markdown(rows: list[tuple[str, float, str]], authors: int, papers: int) -> str:
    lines = [
        "## Figures",
        "",
        f"`python benchmarks/figures.py --papers {papers} --author-pool {authors}` on {platform.machine()}, Python "
        f"{platform.python_version()}, {len(os.sched_getaffinity(0))} CPUs: every `coauthor plot` kind saved as "
        "PNG and the HTML map, from one synthetic bibliography (benchmarks/synthetic.py, seed 7). Maps draw the "
        "300 most central authors (a backbone of links past 1,500), the HTML map the 5,000 most central.",
        "",
        "| step | seconds | size |",
        "|---|---|---|",
        *[f"| {step} | {seconds:.2f} | {size} |" for step, seconds, size in rows],
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=30_000)
    parser.add_argument("--author-pool", type=int, default=30_000, help="Names the papers draw authors from.")
    parser.add_argument("--out", type=Path, default=None, help="Keep the figures in this folder.")
    parser.add_argument("--no-record", action="store_true", help="Do not write the Figures section of RESULTS.md.")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="coauthor-figures-"))
    rows = run(args.author_pool, args.papers, out)
    text = markdown(rows, args.author_pool, args.papers)
    print(text)
    if not args.no_record:
        sys.path.insert(0, str(HERE))
        from graph import write_section

        write_section(text, "## Figures")


if __name__ == "__main__":
    main()
