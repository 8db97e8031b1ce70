"""Reading a DBLP-like file: memory held per paper and time, with and
without a progress callback.

    python benchmarks/read_memory.py [--papers 100000] [--keep FILE]

Writes a seeded DBLP-like XML file (Zipf-skewed authors, so names repeat
from paper to paper as in the DBLP dump; 20% of authors with an ORCID, 3%
with a homonym number; keys, titles, years, DOI links), then, each in a
fresh child process:

* held: Python memory (tracemalloc) still allocated once ``read_inputs``
  has returned and the reports are dropped, divided by the papers read:
  what one paper costs while the later stages run;
* peak: the tracemalloc peak during the read, per paper;
* seconds: wall-clock time of an untraced read, without a progress
  callback and with one (``ReadOptions.progress``), best of three each,
  taken in turn.

lxml's own (C) memory is not traced; it is freed as the file is streamed.
Prints a table and rewrites the "Reading: memory per paper" section of
benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import random
import string
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from coauthor.readers import ReadOptions, read_inputs

SECTION = "## Reading: memory per paper"


def dblp_like(path: Path, papers: int, seed: int = 7) -> None:
    """``papers`` DBLP records among ``papers // 3`` authors, written to ``path``."""
    rng = random.Random(seed)

    def word(low: int, high: int) -> str:
        return "".join(rng.choices(string.ascii_lowercase, k=rng.randint(low, high)))

    given = [word(3, 8).title() for _ in range(3000)]
    family = [word(4, 10).title() for _ in range(8000)]
    people = []
    for _ in range(max(papers // 3, 1)):
        name = f"{rng.choice(given)} {rng.choice(family)}"
        if rng.random() < 0.03:
            name += f" {rng.randint(1, 9):04d}"
        orcid = f"0000-000{rng.randint(1, 9)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
        people.append((name, orcid if rng.random() < 0.2 else None))
    venues = [("journal", f"J. {rng.choice(family)}") for _ in range(300)]
    venues += [("booktitle", rng.choice(family).upper()) for _ in range(300)]
    words = [word(2, 10) for _ in range(5000)]
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\n<dblp>\n')
        for i in range(papers):
            kind, venue = rng.choice(venues)
            tag = "article" if kind == "journal" else "inproceedings"
            team = max(1, min(30, int(rng.lognormvariate(1.0, 0.6))))
            authors = ""
            for _ in range(team):  # a few prolific authors, a long tail
                pick = int(rng.paretovariate(0.8)) - 1 + rng.randrange(len(people)) // 4
                name, orcid = people[min(len(people) - 1, pick)]
                authors += f'<author orcid="{orcid}">{name}</author>\n' if orcid else f"<author>{name}</author>\n"
            title = " ".join(rng.choices(words, k=rng.randint(5, 14))).capitalize()
            doi = f"<ee>https://doi.org/10.{rng.randint(1000, 9999)}/{i}</ee>\n" if rng.random() < 0.7 else ""
            out.write(
                f'<{tag} mdate="2020-03-12" key="{tag}/x{i % 997}/P{i}">\n{authors}<title>{title}.</title>\n'
                f"<year>{rng.randint(1970, 2024)}</year>\n<{kind}>{venue}</{kind}>\n{doi}</{tag}>\n"
            )
        out.write("</dblp>\n")


def measure(path: str) -> dict[str, float]:
    """One child's figures for ``path`` (see the module docstring)."""
    options = ReadOptions(undated_year=2026)
    read_inputs([path], options)  # imports and first-use caches, before tracing
    gc.collect()
    tracemalloc.start()
    papers, reports = read_inputs([path], options)
    del reports
    gc.collect()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    count = len(papers)
    del papers
    gc.collect()
    runs: dict[str, list[float]] = {"plain": [], "progress": []}
    for turn in range(6):  # alternated, so that drift in the machine's speed hits both
        label = ("plain", "progress")[turn % 2]
        progress = None if label == "plain" else (lambda done, total, path: None)
        start = time.perf_counter()
        read_inputs([path], ReadOptions(undated_year=2026, progress=progress))
        runs[label].append(time.perf_counter() - start)
    seconds = {label: min(times) for label, times in runs.items()}
    return {"papers": count, "held": held / count, "peak": peak / count, **seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="write the generated file here and keep it")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return
    with tempfile.TemporaryDirectory(prefix="coauthor-read-") as folder:
        path = args.keep or Path(folder) / "dblp-like.xml"
        dblp_like(path, args.papers)
        child = subprocess.run(
            [sys.executable, __file__, "--child", str(path)], check=True, capture_output=True, text=True
        )
        figures = json.loads(child.stdout)
        size = path.stat().st_size
    text = "\n".join([
        SECTION,
        "",
        f"`python benchmarks/read_memory.py --papers {args.papers}` on {platform.machine()}, Python "
        f"{platform.python_version()}: a seeded DBLP-like XML file read by `read_inputs` in a fresh process. "
        "Held = Python memory still allocated after the read, per paper (what a paper costs the later "
        "stages); peak = tracemalloc peak during the read; read s = best of three, without and with the "
        "progress callback the CLI's bar uses.",
        "",
        "| papers | file MB | held B/paper | peak B/paper | read s | read s with progress |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {figures['papers']:,} | {size / 1e6:.1f} | {figures['held']:,.0f} | {figures['peak']:,.0f} "
        f"| {figures['plain']:.2f} | {figures['progress']:.2f} |",
    ])  # fmt: skip
    print(text)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from graph import write_section

    write_section(text + "\n", SECTION)


if __name__ == "__main__":
    main()
