"""Graph build + PageRank + communities on synthetic bibliographies of 10k,
100k and 500k papers, with networkx doing the same work in the same run as
the baseline (where it finishes in reasonable time).

Each size runs in a fresh subprocess so the peak resident memory
(``ru_maxrss``) is that size's own. Run: ``python benchmarks/graph.py``
(``--sizes 10000 100000`` to choose; ``--networkx-up-to N`` caps the
baseline). Prints a table and rewrites the "Graph build and analysis"
section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

from coauthor.analysis.parallel import available_cpus as cpus

HERE = Path(__file__).resolve().parent
SECTION = "## Graph build and analysis"


def run_one(papers: int, with_networkx: bool) -> dict[str, float]:
    """Time every stage for one size (in this process)."""
    sys.path.insert(0, str(HERE))
    import igraph  # noqa: F401  (imported before timing, as networkx is)
    from synthetic import authorships

    from coauthor.analysis import centrality, communities
    from coauthor.graph import build_tables

    result: dict[str, float] = {"papers": papers}
    start = time.perf_counter()
    table = authorships(papers, seed=7)
    result["generate_s"] = time.perf_counter() - start
    result["authorships"] = len(table)
    start = time.perf_counter()
    tables = build_tables(table)
    result["build_s"] = time.perf_counter() - start
    result["authors"], result["edges"] = len(tables.nodes), len(tables.edges)
    start = time.perf_counter()
    centrality(tables, measures=("pagerank",), engine="igraph")
    result["pagerank_s"] = time.perf_counter() - start
    start = time.perf_counter()
    found = communities(tables, method="leiden", engine="igraph")
    result["communities_s"] = time.perf_counter() - start
    result["communities"] = int(found["community"].nunique())
    result["analysis_s"] = result["build_s"] + result["pagerank_s"] + result["communities_s"]
    start = time.perf_counter()
    every = centrality(tables, engine="igraph")  # all eight measures, as `coauthor analyze` computes them
    result["all_measures_s"] = time.perf_counter() - start
    result["betweenness_sample"] = every.attrs["betweenness_sample"] or 0
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if with_networkx:
        import networkx as nx

        start = time.perf_counter()
        graph = networkx_build(table)
        result["nx_build_s"] = time.perf_counter() - start
        assert graph.number_of_edges() == result["edges"]
        start = time.perf_counter()
        nx.pagerank(graph, weight="weight")
        result["nx_pagerank_s"] = time.perf_counter() - start
        start = time.perf_counter()
        nx.community.louvain_communities(graph, weight="weight", seed=42)
        result["nx_communities_s"] = time.perf_counter() - start
        result["nx_analysis_s"] = result["nx_build_s"] + result["nx_pagerank_s"] + result["nx_communities_s"]
    return result


def networkx_build(table: object) -> object:
    """The graph built the way networkx users do: every pair of every paper
    (papers over the 50-author cap left out), weights counted in a loop."""
    import itertools

    import networkx as nx

    graph = nx.Graph()
    for _, group in table.groupby("paper_id", sort=False)["author_id"]:
        authors = group.tolist()
        graph.add_nodes_from(authors)
        if len(authors) > 50:
            continue
        for u, v in itertools.combinations(authors, 2):
            if graph.has_edge(u, v):
                graph[u][v]["weight"] += 1
            else:
                graph.add_edge(u, v, weight=1)
    return graph


def markdown(rows: list[dict[str, float]]) -> str:
    lines = [
        SECTION,
        "",
        f"`python benchmarks/graph.py` on {platform.machine()}, Python {platform.python_version()}, "
        f"{cpus()} CPUs. Synthetic bibliographies (benchmarks/synthetic.py, seed 7: lognormal authors per paper, "
        "1 in 2,000 papers with 100-3,000 authors, capped at 50 for edges). coauthor = scipy build + igraph "
        "PageRank + Leiden; networkx = the same graph built pair by pair from the same authorships + "
        "nx.pagerank + nx Louvain, in the same run. Peak = maximum resident memory of the coauthor stages "
        "(fresh process per size). The last coauthor column times all eight centralities of `coauthor analyze` "
        "(betweenness and closeness from 1,000 sampled sources above 5,000 authors), which networkx does not "
        "attempt here.",
        "",
        "| papers | authorships | authors | edges | build s | PageRank s | communities s | coauthor total s "
        "| peak MiB | networkx total s | speed-up | all 8 centralities s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        nx_total = r.get("nx_analysis_s")
        ratio = f"{nx_total / r['analysis_s']:.1f}x" if nx_total else "not run"
        lines.append(
            f"| {r['papers']:,.0f} | {r['authorships']:,.0f} | {r['authors']:,.0f} | {r['edges']:,.0f} "
            f"| {r['build_s']:.2f} | {r['pagerank_s']:.2f} | {r['communities_s']:.2f} | {r['analysis_s']:.2f} "
            f"| {r['peak_mib']:,.0f} | {f'{nx_total:.1f}' if nx_total else '—'} | {ratio} | {r['all_measures_s']:.1f} |"
        )
    return "\n".join(lines) + "\n"


def write_section(text: str, section: str = SECTION) -> None:
    """Replace this benchmark's ``section`` of RESULTS.md, keeping the others."""
    path = HERE / "RESULTS.md"
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    if section in old:
        before, _, rest = old.partition(section)
        after = rest[rest.find("\n## ") + 1 :] if "\n## " in rest else ""
        new = before + text + ("\n" + after if after else "")
    else:
        new = old.rstrip("\n") + "\n\n" + text
    path.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 500_000])
    parser.add_argument("--networkx-up-to", type=int, default=100_000)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--with-networkx", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.with_networkx)))
        return
    rows = []
    for size in args.sizes:
        command = [sys.executable, __file__, "--one", str(size)]
        if size <= args.networkx_up_to:
            command.append("--with-networkx")
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    text = markdown(rows)
    print(text)
    write_section(text)


if __name__ == "__main__":
    main()
