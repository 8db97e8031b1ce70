"""The Spark engine in ``local[2]`` against the single-machine engine on the
same synthetic bibliographies (benchmarks/synthetic.py, seed 7), stage by
stage: the graph (every edge, full weights, author cap 50), degree +
strength + PageRank, connected components, label-propagation-sync and the
per-year timeline.

Each engine and size runs in a fresh subprocess, so peak memory is its own:
the Python process's ``ru_maxrss``, plus for Spark the JVM's peak resident
set (``VmHWM``; Python UDF workers not counted). The single-machine engine
starts from the authorship table; Spark from the papers as Parquet records
(one row per paper with its author list), so its time includes reading them
and folding the names. Run: ``python benchmarks/spark.py`` (``--sizes 100000``
to choose). Prints a table and rewrites the "Spark" section of
benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from graph import cpus, write_section  # noqa: E402  (the benchmarks folder, not a package)

SECTION = "## Spark"
STAGES = ("build", "centrality", "components", "communities", "timeline")


def _timed(result: dict[str, Any], stage: str, work: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    value = work()
    result[f"{stage}_s"] = time.perf_counter() - start
    return value


def run_single(papers: int) -> dict[str, Any]:
    """The single-machine engine (scipy build, igraph, numpy label propagation)."""
    sys.path.insert(0, str(HERE))
    import igraph
    from synthetic import authorships

    from coauthor.analysis import centrality, communities, timeline
    from coauthor.graph import build_tables, tables_to_networkx

    table = authorships(papers, seed=7)
    result: dict[str, Any] = {"engine": "single", "papers": papers, "authorships": len(table)}
    tables = _timed(result, "build", lambda: build_tables(table))
    result["authors"], result["edges"] = len(tables.nodes), len(tables.edges)
    _timed(result, "centrality", lambda: centrality(tables, ("degree", "strength", "pagerank"), engine="igraph"))
    pairs = tables.positions()
    _timed(result, "components", lambda: igraph.Graph(n=len(tables.nodes), edges=pairs).connected_components())
    _timed(result, "communities", lambda: communities(tables, method="label-propagation-sync"))
    _timed(result, "timeline", lambda: timeline(tables_to_networkx(tables), [], table))
    result["total_s"] = sum(result[f"{s}_s"] for s in STAGES)
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def run_spark(papers: int, master: str) -> dict[str, Any]:
    """The Spark engine on ``master``, from Parquet records of the same papers."""
    sys.path.insert(0, str(HERE))
    from pyspark import SparkContext
    from pyspark.sql import functions as F
    from synthetic import authorships

    from coauthor.spark.authorships import authorship_frame
    from coauthor.spark.centrality import centrality_frame
    from coauthor.spark.components import graph_components
    from coauthor.spark.graph import SparkGraph, build_graph
    from coauthor.spark.labelprop import label_propagation
    from coauthor.spark.read import read_papers
    from coauthor.spark.session import checkpoint, spark_session
    from coauthor.spark.timeline import timeline_frame

    table = authorships(papers, seed=7)
    records = Path(tempfile.mkdtemp(prefix="coauthor-bench-")) / "papers.parquet"
    by_paper = table.sort_values(["paper_id", "position"]).groupby("paper_id", sort=False)
    by_paper.agg(authors=("name", list), year=("year", "first")).reset_index().rename(
        columns={"paper_id": "id"}
    ).to_parquet(records)
    result: dict[str, Any] = {"engine": f"spark {master}", "papers": papers, "authorships": len(table)}
    run = _timed(result, "start", lambda: spark_session(master))

    def centrality(graph: SparkGraph) -> Any:
        table, result["pagerank_iterations"] = centrality_frame(graph)
        return checkpoint(table)

    def build() -> tuple[SparkGraph, Any]:
        frame = authorship_frame(read_papers(run.spark, [records])).persist()
        graph = build_graph(frame, "full", 50)
        nodes, n = checkpoint(graph.nodes, authors=F.count("*"))
        edges, m = checkpoint(graph.edges, links=F.count("*"))
        result["authors"], result["edges"] = n["authors"], m["links"]
        return SparkGraph(nodes, edges, graph.info), frame

    with run.errors():
        graph, frame = _timed(result, "build", build)
        _timed(result, "centrality", lambda: centrality(graph))
        _timed(result, "components", lambda: checkpoint(graph_components(graph)))
        _, result["lpa_rounds"] = _timed(result, "communities", lambda: label_propagation(graph.nodes, graph.edges))
        _timed(result, "timeline", lambda: timeline_frame(graph, frame))
    result["total_s"] = sum(result[f"{s}_s"] for s in STAGES)
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["jvm_peak_mib"] = _peak_mib(SparkContext._gateway.proc.pid)
    run.spark.stop()
    shutil.rmtree(records.parent, ignore_errors=True)
    return result


def _peak_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def markdown(rows: list[dict[str, Any]]) -> str:
    lines = [
        SECTION,
        "",
        f"`python benchmarks/spark.py` on {platform.machine()}, Python {platform.python_version()}, "
        f"{cpus()} CPUs (shared with other work, so times are noisy), pyspark {_version('pyspark')}, "
        "Java 17. Synthetic bibliographies (benchmarks/synthetic.py, seed 7), full weights, author cap 50. "
        "single = the single-machine engine (scipy build, igraph degree/strength/PageRank and components, "
        "numpy label-propagation-sync, pandas/scipy timeline) from the authorship table; spark = the Spark "
        "engine in local[2] from Parquet records (reading them and folding the names included), JVM start "
        "not included (shown apart). Every stage computes the same results (tests/test_spark.py). "
        "Peak = maximum resident memory of the Python process, + the JVM's for Spark (fresh processes).",
        "",
        "| papers | edges | engine | build s | degree+strength+PageRank s | components s | label propagation s "
        "| timeline s | total s | peak MiB |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        spark = r["engine"].startswith("spark")
        extra = f" (PageRank {r['pagerank_iterations']} it.)" if spark else ""
        rounds = f" ({r['lpa_rounds']} rounds)" if spark else ""
        peak = f"{r['peak_mib']:,.0f} + JVM {r['jvm_peak_mib']:,.0f}" if spark else f"{r['peak_mib']:,.0f}"
        start = f" + start {r['start_s']:.0f}" if spark else ""
        lines.append(
            f"| {r['papers']:,} | {r['edges']:,} | {r['engine']} | {r['build_s']:.1f} | {r['centrality_s']:.1f}{extra} "
            f"| {r['components_s']:.1f} | {r['communities_s']:.1f}{rounds} | {r['timeline_s']:.1f} "
            f"| {r['total_s']:.1f}{start} | {peak} |"
        )
    return "\n".join(lines) + "\n"


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 500_000])
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--one", nargs=2, metavar=("ENGINE", "PAPERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        engine, papers = args.one[0], int(args.one[1])
        result = run_single(papers) if engine == "single" else run_spark(papers, args.master)
        print(json.dumps(result))
        return
    rows = []
    for size in args.sizes:
        for engine in ("single", "spark"):
            command = [sys.executable, __file__, "--one", engine, str(size), "--master", args.master]
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            rows.append(json.loads(out.strip().splitlines()[-1]))
            print(json.dumps(rows[-1]), flush=True)
    text = markdown(rows)
    print(text)
    write_section(text, SECTION)


if __name__ == "__main__":
    main()
