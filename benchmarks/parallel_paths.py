"""Sampled betweenness and closeness on one process and on every CPU, on
synthetic bibliographies (the graphs of benchmarks/graph.py), interleaved in
one process so both see the same machine load; checks the numbers are the
same bytes.

Run: ``python benchmarks/parallel_paths.py`` (``--sizes 100000 500000``,
``--repeats 2``). Prints a table and rewrites the "Sampled paths on both
cores" section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from graph import write_section  # noqa: E402  (the benchmarks folder, not a package)

from coauthor.analysis.parallel import available_cpus  # noqa: E402

SECTION = "## Sampled paths on both cores"
MEASURES = ("betweenness", "closeness")


def run(papers: int, repeats: int, jobs: int) -> dict[str, float]:
    """Median seconds of one process and of ``jobs`` processes, alternating."""
    from synthetic import authorships

    from coauthor.analysis import centrality
    from coauthor.graph import build_tables

    tables = build_tables(authorships(papers, seed=7))
    times: dict[int, list[float]] = {1: [], jobs: []}
    results = {}
    for _ in range(repeats):
        for count in (1, jobs):
            start = time.perf_counter()
            results[count] = centrality(tables, measures=MEASURES, engine="igraph", jobs=count)
            times[count].append(time.perf_counter() - start)
    same = results[1].equals(results[jobs])
    one, many = statistics.median(times[1]), statistics.median(times[jobs])
    return {
        "papers": papers,
        "authors": len(tables.nodes),
        "edges": len(tables.edges),
        "sample": results[1].attrs["betweenness_sample"] or 0,
        "one_s": one,
        "many_s": many,
        "speedup": one / many,
        "same_bytes": same,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children_peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def markdown(rows: list[dict[str, float]], jobs: int, repeats: int) -> str:
    lines = [
        SECTION,
        "",
        f"`python benchmarks/parallel_paths.py` on {platform.machine()}, Python {platform.python_version()}, "
        f"{available_cpus()} CPUs (shared with other work: noisy). Betweenness + closeness of `coauthor analyze` "
        f"(1,000 sampled sources above 5,000 authors) with `--jobs 1` and `--jobs {jobs}`, alternating, median "
        f"of {repeats}; the same graph and seed. 'same bytes': the two tables are identical (the sources are "
        "cut into fixed chunks whose results are added in order, whatever the number of processes). Peak: "
        "resident memory of the parent / of the largest worker.",
        "",
        f"| papers | authors | edges | sources | 1 process s | {jobs} processes s | speed-up | same bytes "
        "| peak MiB (parent / worker) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['papers']:,.0f} | {r['authors']:,.0f} | {r['edges']:,.0f} | {r['sample']:,.0f} "
            f"| {r['one_s']:.1f} | {r['many_s']:.1f} | {r['speedup']:.2f}x | {'yes' if r['same_bytes'] else 'NO'} "
            f"| {r['peak_mib']:,.0f} / {r['children_peak_mib']:,.0f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 500_000])
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=available_cpus())
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        rows.append(run(size, args.repeats, args.jobs))
        print(json.dumps(rows[-1]), flush=True)
    text = markdown(rows, args.jobs, args.repeats)
    print(text)
    write_section(text, SECTION)


if __name__ == "__main__":
    main()
