"""The report's institution and country files: ``institutions.graphml``,
``countries.graphml``, ``institutions.csv``, ``countries.csv`` and
``figures/countries.png``, from the affiliations of the papers analysed
(:mod:`coauthor.graph.levels`). Inputs without affiliations get none of
them, with the reason in ``Analysis.not_written``."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd

from coauthor.exporters.rows import write_graphml, write_table
from coauthor.graph.levels import level_graph, level_line
from coauthor.pipeline import Analysis

#: Level -> the stem of its files.
LEVEL_FILES = {"institution": "institutions", "country": "countries"}
#: The columns of ``institutions.csv`` and ``countries.csv``, after the id.
LEVEL_COLUMNS = ["name", "country", "papers", "papers_fractional", "links", "strength", "first_year", "last_year"]
COUNTRY_FIGURE = "figures/countries.png"


def level_table(graph: nx.Graph) -> pd.DataFrame:
    """One row per institution or country (index ``id``): ``LEVEL_COLUMNS``,
    ``links`` the number of partners, ``strength`` the sum of link weights;
    most papers first.

    >>> g = nx.Graph()
    >>> g.add_node("NO", name="Norway", country="NO", papers=2, papers_fractional=1.5)
    >>> g.add_node("CH", name="Switzerland", country="CH", papers=1, papers_fractional=0.5)
    >>> g.add_edge("NO", "CH", weight=1.0)
    >>> level_table(g)[["name", "papers", "links", "strength"]].values.tolist()
    [['Norway', 2, 1, 1.0], ['Switzerland', 1, 1, 1.0]]
    """
    rows = [
        {"id": node, **{c: data.get(c) for c in LEVEL_COLUMNS}, "links": graph.degree(node),
         "strength": float(graph.degree(node, weight="weight"))}
        for node, data in graph.nodes(data=True)
    ]  # fmt: skip
    table = pd.DataFrame(rows, columns=["id", *LEVEL_COLUMNS]).set_index("id")
    return table.sort_values(["papers", "name"], ascending=[False, True], kind="stable")


def write_levels(result: Analysis, out: Path) -> list[Path]:
    """Write the institution and country files of ``result`` under ``out``
    (the weighting and author cap of its graph); a level without data is
    said in ``result.not_written``, what was built in ``result.levels``.
    Returns the paths written."""
    from coauthor.plot.countries import plot_countries
    from coauthor.plot.style import save_figure

    written: list[Path] = []
    if result.papers is None:
        reason = "a graph file holds no affiliations: give the records to get it"
        result.not_written.update(
            {f"{stem}.{ext}": reason for stem in LEVEL_FILES.values() for ext in ("graphml", "csv")}
        )
        result.not_written[COUNTRY_FIGURE] = reason
        return written
    weight, cap = result.graph.graph.get("weight", "full"), result.graph.graph.get("max_authors", 50)
    for level, stem in LEVEL_FILES.items():
        graph = level_graph(result.papers, level, weight, cap)
        if graph.number_of_nodes() == 0:
            reason = f"none of the {len(result.papers)} papers has an affiliation with a known {level}"
            result.not_written.update({f"{stem}.graphml": reason, f"{stem}.csv": reason})
            if level == "country":
                result.not_written[COUNTRY_FIGURE] = reason
            continue
        write_graphml(graph, out / f"{stem}.graphml")
        write_table(level_table(graph), out / f"{stem}.csv")
        written += [out / f"{stem}.graphml", out / f"{stem}.csv"]
        result.levels[level] = _summary(graph, level)
        if level == "country":
            import matplotlib.pyplot as plt

            fig, ax = plt.subplots(figsize=(9, 9))
            caption = f"Countries of the authors' affiliations; link weight {weight}; {result.levels[level]}."
            plot_countries(graph, ax, caption=caption)
            (out / "figures").mkdir(parents=True, exist_ok=True)
            save_figure(fig, out / COUNTRY_FIGURE)
            plt.close(fig)
            written.append(out / COUNTRY_FIGURE)
    return written


def _summary(graph: nx.Graph, level: str) -> str:
    """``N institutions, M collaboration links`` and what was left out (:func:`level_line`)."""
    text = f"{graph.number_of_nodes()} {LEVEL_FILES[level]}, {graph.number_of_edges()} collaboration links"
    left_out = level_line(graph)
    return f"{text} ({left_out})" if left_out else text
