"""`coauthor report` end to end on DBLP-like XML of 1 M, 3 M and 7 M records.

The generator writes real DBLP XML (ISO-8859-1, ``dblp.dtd`` doctype, HTML
entities for accented letters, ``article`` / ``inproceedings`` records with
``key``, ``author``, ``title``, ``year``, ``ee``, plus the person pages and
editor-only proceedings the dump holds), seeded: heavy-tailed authors per
paper (lognormal, median 3, capped at 400) and papers per author (Pareto
leads with recurring teams), homonyms told apart by DBLP's 4-digit suffix
(``Wei Wang 0007``), years 1960-2025 growing exponentially as DBLP does.

Each size is generated once into ``--work`` (reused when present), then
``coauthor report FILE -o DIR`` runs in a fresh process: wall time and peak
resident memory (``ru_maxrss`` of the child) go to the "DBLP scale" section
of benchmarks/RESULTS.md.

Run: ``python benchmarks/dblp_scale.py --sizes 1000000 3000000 7000000``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from graph import write_section  # noqa: E402  (the benchmarks folder, not a package)

SECTION = "## DBLP scale"
GIVEN = ("Wei", "Li", "Maria", "Jürgen", "Anna", "José", "Hiroshi", "Olga", "René", "Søren", "Priya", "Ahmed",
         "Chen", "Élise", "Pavel", "Jiří", "Fatima", "Tomás", "Yuki", "Björn", "Ana", "Ivan", "Lucía", "Kofi",
         "Min-jun", "Zoë", "François", "Ingrid", "Rajesh", "Mehmet")  # fmt: skip
FAMILY = ("Wang", "Zhang", "Müller", "García", "Smith", "Tanaka", "Kowalski", "Novák", "Rossi", "Dubois",
          "Nguyen", "Kim", "Singh", "Öztürk", "Silva", "Jensen", "Ivanova", "Martínez", "van der Berg", "O'Brien",
          "Popescu", "Nakamura", "Schmidt", "Lefèvre", "Andersson", "Horváth", "Costa", "Yilmaz", "Chowdhury",
          "Fernández", "Ng", "Kovačević", "Løvås", "Åberg", "Çelik", "Ștefan", "Weiß", "Ferreira", "Hughes",
          "Li")  # fmt: skip
VENUES = ("J. ACM", "Commun. ACM", "VLDB J.", "KDD", "NeurIPS", "ICML", "SIGMOD Conf.", "Scientometrics",
          "J. Informetrics", "CoRR", "WWW", "ICSE", "STOC", "CHI", "ACL")  # fmt: skip


def entities(text: str) -> str:
    """``text`` for an ISO-8859-1 DBLP file: XML escapes, and every
    non-ASCII letter as a numeric reference (the dump uses named ones for
    Latin-1 letters; both are legal and the reader maps names to numbers)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in text)


def author_names(count: int) -> list[str]:
    """``count`` distinct people: given x family names, the same name on
    several people told apart by DBLP's suffix (``Wei Wang 0002``)."""
    pairs = len(GIVEN) * len(FAMILY)
    names = []
    for person in range(count):
        base = f"{GIVEN[person % len(GIVEN)]} {FAMILY[(person // len(GIVEN)) % len(FAMILY)]}"
        homonym = person // pairs
        names.append(entities(base if homonym == 0 else f"{base} {homonym:04d}"))
    return names


def generate(
    path: Path,
    records: int,
    seed: int = 7,
    names_of: Callable[[int], list[str]] = author_names,
    team_venues: bool = False,
) -> dict[str, int]:
    """Write ``records`` DBLP records to ``path``; returns what was written.
    ``names_of(people)`` gives the people's names (entity-encoded);
    ``team_venues`` sends 3 papers in 4 to the lead author's home venue
    (else venues cycle over the papers)."""
    rng = np.random.default_rng(seed)
    papers = int(records * 0.96)  # the rest: person pages and editor-only proceedings, as in the dump
    people = int(papers * 0.5)
    names = names_of(people)
    sizes = np.minimum(1 + np.floor(rng.lognormal(0.8, 0.7, size=papers)).astype(np.int64), 400)
    lead = (rng.pareto(1.1, size=papers) * people / 40).astype(np.int64) % people
    growth = rng.exponential(12.0, size=papers)
    years = np.clip(2025 - np.floor(growth).astype(np.int64), 1960, 2025)
    written = {"papers": papers, "authorships": 0, "people": people}
    tmp = path.with_suffix(".partial")
    with tmp.open("w", encoding="iso-8859-1", newline="\n") as out:
        out.write('<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\n<dblp>\n')
        block = 100_000
        for start in range(0, papers, block):
            stop = min(start + block, papers)
            chunk = sizes[start:stop]
            offsets = rng.normal(0, 25, size=int(chunk.sum())).astype(np.int64)
            far = rng.random(offsets.size) < 0.12
            offsets[far] = rng.integers(0, people, size=int(far.sum()))
            members = (np.repeat(lead[start:stop], chunk) + offsets) % people
            cut = np.cumsum(chunk)[:-1]
            lines = []
            for i, team in enumerate(np.split(members, cut)):
                paper = start + i
                team = list(dict.fromkeys(team.tolist()))
                written["authorships"] += len(team)
                kind = "article" if paper % 3 else "inproceedings"
                home = team_venues and paper % 4 != 0
                venue = VENUES[(lead[paper] if home else paper) % len(VENUES)]
                tag = "journal" if kind == "article" else "booktitle"
                authors = "".join(f"<author>{names[a]}</author>" for a in team)
                lines.append(
                    f'<{kind} mdate="2024-01-01" key="{kind[:4]}/x/{paper}">{authors}'
                    f"<title>Synthetic study {paper} of collaboration.</title><year>{years[paper]}</year>"
                    f"<{tag}>{venue}</{tag}><ee>https://doi.org/10.9999/syn.{paper}</ee></{kind}>\n"
                )
            out.write("".join(lines))
        for extra in range(records - papers):
            if extra % 2:
                out.write(f'<www key="homepages/{extra}"><author>{names[extra % people]}</author>'
                          "<title>Home Page</title></www>\n")  # fmt: skip
            else:
                out.write(f'<proceedings key="conf/x/{extra}"><editor>{names[extra % people]}</editor>'
                          f"<title>Proceedings {extra}</title><year>2020</year></proceedings>\n")  # fmt: skip
        out.write("</dblp>\n")
    tmp.replace(path)
    return written


def run_report(path: Path, out_dir: Path) -> dict[str, float]:
    """``coauthor report`` on ``path`` in a fresh process: seconds and peak MiB."""
    shutil.rmtree(out_dir, ignore_errors=True)
    command = [sys.executable, "-m", "coauthor", "report", str(path), "-o", str(out_dir), "--quiet"]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"coauthor report failed on {path}: {done.stderr.strip()[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child so far
    return {"report_s": seconds, "peak_mib": peak, "summary": done.stdout.strip().splitlines()}


def markdown(rows: list[dict[str, object]]) -> str:
    lines = [
        SECTION,
        "",
        f"`python benchmarks/dblp_scale.py` on {platform.machine()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs (shared: noisy). Seeded DBLP-like XML (see the script: heavy-tailed team sizes "
        "and productivity, homonym suffixes, 1960-2025), `coauthor report FILE -o DIR` end to end in a fresh "
        "process: read, resolve names, graph, all eight centralities (sampled above 5,000 authors), Leiden, "
        "timelines, communities over time, GraphML, GEXF, VOSviewer, figures and map.html. Peak: maximum "
        "resident memory of that process (its path workers are forked from it).",
        "",
        "| records | papers | authorships | file MB | generate s | report s | peak GiB | bytes per authorship |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        per = r["peak_mib"] * 2**20 / r["authorships"]  # type: ignore[operator]
        lines.append(
            f"| {r['records']:,} | {r['papers']:,} | {r['authorships']:,} | {r['file_mb']:,.0f} "
            f"| {r['generate_s']:.0f} | {r['report_s']:.0f} | {r['peak_mib'] / 1024:.2f} | {per:,.0f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 3_000_000, 7_000_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/coauthor-dblp-scale"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, object]] = []
    for size in args.sizes:
        path = args.work / f"dblp-{size}.xml"
        meta_path = path.with_suffix(".json")
        start = time.perf_counter()
        if path.exists() and meta_path.exists():
            meta = json.loads(meta_path.read_text())
        else:
            meta = generate(path, size) | {"generate_s": time.perf_counter() - start}
            meta_path.write_text(json.dumps(meta))
        row = {"records": size, **meta, "file_mb": path.stat().st_size / 1e6}
        row |= run_report(path, args.work / f"report-{size}")
        rows.append(row)
        print(json.dumps(row), flush=True)
    text = markdown(rows)
    print(text)
    write_section(text, SECTION)


if __name__ == "__main__":
    main()
