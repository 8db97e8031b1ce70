"""GraphML export of a million-edge graph: coauthor's streaming writer
against networkx's two writers, in the same run.

    python benchmarks/export_memory.py [--edges 1000000] [--no-networkx]

Writers: ``coauthor`` (:func:`coauthor.exporters.write_graphml`),
``networkx`` (``networkx.write_graphml``, which with lxml installed is
``write_graphml_lxml``, itself incremental) and ``networkx-dom``
(``networkx.write_graphml_xml``: builds the whole ElementTree first; what
coauthor used before).

Each writer runs in a fresh child process that builds the same synthetic
graph (seeded: coauthor-like node and edge attributes), then writes it:

* time: wall-clock seconds of the write alone;
* peak RSS: the process's peak resident memory (``resource.getrusage``)
  minus its resident memory just before the write, i.e. what the write
  added on top of the graph;
* tracemalloc peak: the peak of Python allocations during a second write
  (traced, so not timed); it does not see lxml's own (C) memory.

Prints a table and appends it to ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

import networkx as nx

WRITERS = ("coauthor", "networkx", "networkx-dom")
RESULTS = Path(__file__).with_name("RESULTS.md")
HEADER = "# Benchmarks\n\nFigures appended by the scripts in this folder; newest last.\n"
GIVEN = ["Ann", "Bo", "Chloé", "Dmitri", "Élodie", "Fatima", "Günter", "Hiro", "Ines", "Jun"]
FAMILY = ["Lee", "Chen", "O'Neil", "Müller", "García", "Nguyễn", "Smith & Co", "Zhang", "Kowalski", "Dubois"]


def synthetic_graph(edges: int, seed: int = 0) -> nx.Graph:
    """A random graph with ``edges`` edges over ``edges // 10`` authors,
    carrying the attributes coauthor puts on its graphs."""
    rng = random.Random(seed)
    n = max(edges // 10, 2)
    graph = nx.Graph(coauthor_version="bench", inputs=["synthetic"], seed=seed, papers=edges)
    for i in range(n):
        first = rng.randint(1990, 2020)
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)} {i}"
        graph.add_node(
            f"author-{i:07d}",
            name=name,
            papers=rng.randint(1, 50),
            first_year=first,
            last_year=first + rng.randint(0, 5),
            variants=name,
            degree=rng.randint(1, 100),
            pagerank=rng.random() / n,
            betweenness=rng.random(),
            community=rng.randint(0, 99),
        )
    added = 0
    while added < edges:
        u, v = rng.randrange(n), rng.randrange(n)
        if u != v and not graph.has_edge(f"author-{u:07d}", f"author-{v:07d}"):
            added += 1
            year = rng.randint(1990, 2025)
            count = rng.randint(1, 9)
            graph.add_edge(
                f"author-{u:07d}",
                f"author-{v:07d}",
                weight=count,
                papers=count,
                first_year=year,
                last_year=year + rng.randint(0, 3),
            )
    return graph


def _rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(writer: str, edges: int) -> dict[str, object]:
    """Build the graph and time one writer (run in a child process)."""
    from coauthor.exporters import write_graphml

    write = {"coauthor": write_graphml, "networkx": nx.write_graphml, "networkx-dom": nx.write_graphml_xml}[writer]
    graph = synthetic_graph(edges)
    if writer != "coauthor":  # it cannot write lists: give it the string coauthor writes
        graph.graph["inputs"] = "; ".join(graph.graph["inputs"])
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "graph.graphml"
        before = _rss_kib()
        start = time.perf_counter()
        write(graph, target)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        size = target.stat().st_size
        tracemalloc.start()
        write(graph, Path(folder) / "traced.graphml")
        traced = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return {
        "writer": writer,
        "seconds": round(seconds, 1),
        "rss_added_mib": round((peak - before) / 1024),
        "tracemalloc_peak_mib": round(traced / 2**20, 1),
        "file_mib": round(size / 2**20),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--no-networkx", action="store_true", help="Only coauthor's writer.")
    parser.add_argument("--child", choices=WRITERS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.edges)))
        return
    rows = []
    for writer in WRITERS[:1] if args.no_networkx else WRITERS:
        child = [sys.executable, __file__, "--child", writer, "--edges", str(args.edges)]
        done = subprocess.run(child, capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(rows[-1], file=sys.stderr)
    table = [
        f"\n## GraphML export, {args.edges:,} edges, {max(args.edges // 10, 2):,} authors ({date.today()}, "
        f"Python {platform.python_version()}, networkx {nx.__version__}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs)\n",
        "`python benchmarks/export_memory.py`: each writer in a fresh process; time and peak RSS of an "
        "untraced write, tracemalloc peak of a second, traced one (it misses lxml's C memory). "
        "networkx = `write_graphml` (lxml, incremental), networkx-dom = `write_graphml_xml` (whole tree "
        "first; coauthor's writer before this one).\n",
        "| writer | time (s) | peak RSS added (MiB) | tracemalloc peak (MiB) | file (MiB) |",
        "|---|---:|---:|---:|---:|",
    ]
    table += [
        f"| {r['writer']} | {r['seconds']} | {r['rss_added_mib']} | {r['tracemalloc_peak_mib']} | {r['file_mib']} |"
        for r in rows
    ]
    text = "\n".join(table) + "\n"
    print(text)
    if not RESULTS.exists():
        RESULTS.write_text(HEADER, encoding="utf-8")
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(text)


if __name__ == "__main__":
    main()
