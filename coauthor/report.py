"""The main job: records in, graph + tables + figures out, in one folder
(``make_report(["seeds/"], "report/")`` writes the files of ``REPORT_FILES``)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pandas as pd

from coauthor import __version__
from coauthor.analysis import author_timeline, centrality, communities, timeline
from coauthor.export import write_graphml, write_table
from coauthor.graph import coauthorship_graph
from coauthor.readers import ReadOptions, read_inputs
from coauthor.records import Paper, ReadReport

REPORT_FILES = (
    "graph.graphml",
    "centrality.csv",
    "communities.csv",
    "timeline.csv",
    "author_timeline.csv",
    "figures/network.png",
    "figures/timeline.png",
    "figures/centrality.png",
)


@dataclass
class Analysis:
    """Everything computed from the inputs: papers, per-file reports, the
    graph (with centrality and community as node attributes) and the tables."""

    papers: list[Paper]
    reports: list[ReadReport]
    graph: nx.Graph
    centrality: pd.DataFrame
    communities: pd.DataFrame
    timeline: pd.DataFrame
    author_timeline: pd.DataFrame
    files: list[Path] = field(default_factory=list)

    def top_authors(self, n: int = 5) -> list[str]:
        """Names of the ``n`` authors with the highest PageRank."""
        return self.centrality["name"].head(n).tolist()


def run_metadata(inputs: Sequence[str | os.PathLike[str]], options: ReadOptions, seed: int) -> dict[str, object]:
    """Graph-level attributes saying how a graph was made (no timestamps, so
    the same run gives the same bytes)."""
    return {
        "coauthor_version": __version__,
        "inputs": [str(i) for i in inputs],
        "undated_year": options.undated_year,
        "owner": options.owner,
        "weight": "full (joint papers)",
        "seed": seed,
    }


def analyze(
    inputs: Sequence[str | os.PathLike[str]],
    options: ReadOptions | None = None,
    seed: int = 42,
    input_format: str | None = None,
) -> Analysis:
    """Read ``inputs`` (format sniffed, or ``input_format``) and compute the
    graph, centrality, communities and timelines."""
    options = options or ReadOptions()
    papers, reports = read_inputs(inputs, options, input_format)
    metadata = run_metadata(inputs, options, seed)
    metadata.update(
        papers=len(papers),
        records_read=sum(r.read for r in reports),
        records_skipped=sum(sum(r.skipped.values()) for r in reports),
    )
    graph = coauthorship_graph(papers, metadata)
    central = centrality(graph, seed=seed)
    groups = communities(graph, seed=seed)
    for column in ("degree", "strength", "betweenness", "eigenvector", "pagerank"):
        nx.set_node_attributes(graph, central[column].to_dict(), column)
    nx.set_node_attributes(graph, groups["community"].to_dict(), "community")
    return Analysis(papers, reports, graph, central, groups, timeline(graph, papers), author_timeline(graph, papers))


def make_report(
    inputs: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    options: ReadOptions | None = None,
    seed: int = 42,
    input_format: str | None = None,
) -> Analysis:
    """Analyse ``inputs`` and write every file of ``REPORT_FILES`` under ``out_dir``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from coauthor.plot import plot_centrality, plot_network, plot_timeline, save_figure

    result = analyze(inputs, options, seed, input_format)
    out = Path(out_dir)
    write_graphml(result.graph, out / "graph.graphml")
    write_table(result.centrality, out / "centrality.csv")
    write_table(result.communities, out / "communities.csv")
    write_table(result.timeline, out / "timeline.csv", index=False)
    write_table(result.author_timeline, out / "author_timeline.csv", index=False)
    caption = _caption(inputs, result)
    figures = (
        (
            "network.png",
            (13, 7.5),
            lambda ax: plot_network(
                result.graph, result.centrality, result.communities, ax, seed=seed, caption=caption
            ),
        ),
        ("timeline.png", (9, 5), lambda ax: plot_timeline(result.timeline, ax, caption=caption)),
        ("centrality.png", (8, 6), lambda ax: plot_centrality(result.centrality, ax, caption=caption)),
    )
    for name, size, draw in figures:
        fig, ax = plt.subplots(figsize=size)
        draw(ax)
        save_figure(fig, out / "figures" / name)
        plt.close(fig)
    result.files = [out / name for name in REPORT_FILES]
    return result


def _caption(inputs: Sequence[str | os.PathLike[str]], result: Analysis) -> str:
    names = ", ".join(str(i) for i in inputs)
    return f"Data: {names} ({len(result.papers)} papers). coauthor {__version__}"
