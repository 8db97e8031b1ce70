"""Score coauthor's name resolution against labelled data, side by side
with two baselines measured in the same run (the name exactly as written;
family name + first initial), and time it on synthetic authorships.

    python benchmarks/names/run.py            # print the tables
    python benchmarks/names/run.py --write    # and put them in benchmarks/RESULTS.md

Timings run in a fresh process per size: seconds of :func:`coauthor.resolve.resolve`
alone, and the process's peak resident memory (with the increase over the
memory held before resolving, i.e. the generated papers).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets import DATASETS
from metrics import scores

from coauthor.names import ascii_fold, parse_name
from coauthor.resolve import resolve

RESULTS = Path(__file__).resolve().parents[1] / "RESULTS.md"
SECTION = "## Name resolution"
REAL = ("crossref", "beebe", "hard")
SIZES = (100_000, 300_000, 1_000_000)
AUTHORSHIPS_PER_PAPER = 4.0  # of synthetic_names at these sizes


def family_initial(name: str) -> str:
    """The baseline key ``SURNAME I``: folded family name and first initial."""
    parts = parse_name(name)
    return f"{ascii_fold(parts.particle + parts.family).lower()} {parts.initials[:1]}"


def predictions(papers: list, truth: pd.DataFrame) -> pd.DataFrame:
    """Truth rows with each method's predicted person (rows the resolver
    folded into another mention of the same person on the paper are
    dropped), the mention's (family, first initial) ``block`` and its ``part``."""
    default = resolve(papers)
    strict = resolve(papers, mode="strict")
    split = resolve(papers, mode="split")
    rows = truth.merge(default[["paper_id", "position", "name", "author_id"]], on=["paper_id", "position"])
    rows = rows.merge(strict[["paper_id", "position", "author_id"]], on=["paper_id", "position"], suffixes=("", "_s"))
    rows = rows.merge(split[["paper_id", "position", "author_id"]], on=["paper_id", "position"], suffixes=("", "_h"))
    block = rows["name"].map(family_initial)
    return pd.DataFrame({
        "dataset": "", "person": rows["person"], "block": block, "part": block.map(part_of),
        "exact string": rows["name"], "family + initial": block,
        "coauthor strict": rows["author_id_s"], "coauthor default": rows["author_id"],
        "coauthor split": rows["author_id_h"],
    })  # fmt: skip


METHODS = ("exact string", "family + initial", "coauthor strict", "coauthor default", "coauthor split")
PARTS = ("tuning", "held-out")
HELD_OUT_SEED = 18
HELD_OUT_SHARE = 0.3


def part_of(block: str) -> str:
    """``held-out`` for a seeded 30 % of the (family, initial) blocks, else
    ``tuning``: a block is one side whole, so no person is on both."""
    draw = zlib.crc32(f"{HELD_OUT_SEED}:{block}".encode()) / 2**32
    return "held-out" if draw < HELD_OUT_SHARE else "tuning"


def hard_blocks(table: pd.DataFrame) -> pd.Series:
    """True for the mentions of a (family, first initial) block that holds
    more than one true person or more than one spelling."""
    by_block = table.groupby("block")
    return (by_block["person"].transform("nunique") > 1) | (by_block["exact string"].transform("nunique") > 1)


def score_table(predicted: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per dataset, part and method: the scores on all mentions
    and on the hard blocks' mentions (``hard_*``)."""
    pooled = pd.concat([p.assign(dataset=name) for name, p in predicted.items() if name in REAL])
    datasets = {**predicted, "real + hand-labelled (pooled)": pooled}
    rows = []
    for name, table in datasets.items():
        # prefix labels with the dataset so clusters never span datasets when pooled
        key = table["dataset"].astype(str) + "\x00"
        hard = hard_blocks(table.assign(block=key + table["block"]))
        for part in PARTS:
            chosen = table["part"].eq(part)
            for method in METHODS:
                label, truth = key + table[method].astype(str), key + table["person"].astype(str)
                every = scores(label[chosen], truth[chosen])
                on_hard = scores(label[chosen & hard], truth[chosen & hard])
                rows.append({"dataset": name, "part": part, "mentions": int(chosen.sum()),
                             "people": truth[chosen].nunique(), "hard_mentions": int((chosen & hard).sum()),
                             "method": method, **every, **{f"hard_{k}": v for k, v in on_hard.items()}})  # fmt: skip
    return pd.DataFrame(rows)


def time_one(authorships: int, mode: str = "default") -> dict[str, float]:
    """In this process: generate, then time resolve in ``mode``; RSS in MiB."""
    from synthetic_names import synthetic_papers

    papers, truth = synthetic_papers(int(authorships / AUTHORSHIPS_PER_PAPER), seed=7)
    before = _rss_mib()
    start, cpu = time.perf_counter(), time.process_time()
    table = resolve(papers, mode=mode)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"authorships": len(truth), "names": int(truth["name"].nunique()), "people": int(truth["person"].nunique()),
            "authors": int(table["author_id"].nunique()), "seconds": seconds, "cpu_seconds": cpu, "before_mib": before,
            "peak_mib": peak}  # fmt: skip


def _rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def timings(sizes: tuple[int, ...]) -> list[dict[str, float]]:
    """Per size: the default resolver's figures, and ``split_seconds`` and
    ``split_peak_mib`` of ``mode="split"`` (each in a fresh process)."""
    results = []
    for size in sizes:
        measured = []
        for mode in ("default", "split"):
            out = subprocess.run([sys.executable, __file__, "--time-one", str(size), "--mode", mode],
                                 capture_output=True, text=True, check=True)  # fmt: skip
            measured.append(json.loads(out.stdout))
        default, split = measured
        results.append({**default, "split_seconds": split["seconds"], "split_cpu_seconds": split["cpu_seconds"],
                        "split_peak_mib": split["peak_mib"], "load": os.getloadavg()[0]})  # fmt: skip
    return results


def markdown(table: pd.DataFrame, times: list[dict[str, float]]) -> str:
    machine = f"{platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} CPUs"
    lines = [
        SECTION, "",
        f"`python benchmarks/names/run.py --write` on {machine}. Each dataset is resolved with its identifiers "
        "removed, so the resolver must find the people from the names alone; every method is scored in the same "
        "run on the same mentions. B³ and pairwise precision / recall / F1 against the labels "
        "(benchmarks/names/datasets.py says where each label comes from). *exact string* keys by the name as "
        "written; *family + initial* by folded family name and first initial (what most tools do); *coauthor "
        "strict* = `--resolve strict` (identifiers and equal normalised names); *coauthor default* = the default "
        "resolver (with variant names merged on a shared co-author: coauthor/names/variants.py); *coauthor split* = "
        "`--resolve split` (the default, then homonyms split by evidence: coauthor/names/split.py). "
        "Each dataset is scored in two parts: a seeded 30 % of its (family, first "
        "initial) blocks is "
        "*held-out* (crc32 of seed 18 and the block; rules are tuned on the *tuning* part only), a block on one "
        "side whole. *hard* columns score only the mentions of hard blocks: (family, first initial) blocks with "
        "more than one true person or more than one spelling; NaN where a part has none.", "",
        "| dataset | part | mentions | people | method | B³ P | B³ R | B³ F1 | pair P | pair R | pair F1 | "
        "hard mentions | hard B³ P | hard B³ R | hard B³ F1 | hard pair F1 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]  # fmt: skip
    for row in table.itertuples(index=False):
        lines.append(
            f"| {row.dataset} | {row.part} | {row.mentions:,} | {row.people:,} | {row.method} | "
            f"{row.b3_precision:.3f} | {row.b3_recall:.3f} | {row.b3_f1:.3f} | {row.pair_precision:.3f} | "
            f"{row.pair_recall:.3f} | {row.pair_f1:.3f} | {row.hard_mentions:,} | {row.hard_b3_precision:.3f} | "
            f"{row.hard_b3_recall:.3f} | {row.hard_b3_f1:.3f} | {row.hard_pair_f1:.3f} |"
        )
    lines += [
        "", "Reading the scores: *crossref* checks that different ORCID holders are not merged by name (each "
        "holder's name is written one way, so it measures no recall). *beebe* labels only the blocks with several "
        "spellings, which are mostly one person each: that favours *family + initial* on recall, and its precision "
        "loss is where it merges different people. *hard* is written to break name-only resolution; what coauthor "
        "still gets wrong there: one string for two people (two `Wei Wang`s; `J. Smith` and `Smith J` for John and "
        "James: left apart and reported), a name change, typos (`Phillip`), family-first East Asian order "
        "(`Wang Wei`) and East Asian initials (kept apart by design). *synthetic* is homonym-heavy by construction "
        "(many people share a full name), so no name-only method reaches high precision there. *dblp* is DBLP XML "
        "whose people are told apart by DBLP's suffixes (`Wei Wang 0002`), read by coauthor's DBLP reader with "
        "the suffixes then stripped: every name is written in full and one way, so it measures how one string "
        "that names several people is split (exact string already has recall 1)."
        ' *coauthor split* splits only authors whose mentions fall into groups with no co-author, id, venue or '
        'title evidence in common and at least 10 years apart (tuned on the *tuning* part): it matches the default'
        ' on every held-out part; on *hard* tuning it separates the two `Wei Wang`s (B³ P 0.964 -> 0.988) and '
        'wrongly one `Al Gore` silent for 23 years (B³ R 0.878 -> 0.855); the homonyms of *dblp* and *synthetic* '
        "publish in the same years and are not split. The variant rules (`variant-*`: transliteration, hyphenation, "
        "particle, typo, given-name typo, each only with a shared co-author) join in *beebe* held-out Leyla / Leila "
        "Akhmadeeva, Tesuro / Tetsuro Kawata and E. Van / Eric van Herwijnen (B³ R 0.971 -> 0.983), in *beebe* "
        "tuning Susmumu / Susumu Haga, in *hard* Phillip / Philip Taylor and Nees Jan Van / van Eck; no precision is "
        "lost on any held-out part (two generated *dblp* names one letter apart, Muweil / Mubeil and Bufeski / "
        "Bafeski, are merged on tuning: B³ P 0.9312 -> 0.9311). What is left apart in the held-out parts has no "
        "shared co-author (v. / von Bechtolsheim, Jean-Michael / Jean-Michel Hufflen) or is a nickname "
        "(Włodek / Włodzimierz Bzyl, Ted / M. Edward Nieland) or East Asian initials (J.-Y. / Jun-Yan Zhu). "
        "The issue's targets (B³ P >= 0.995, R >= 0.99, hard F1 >= "
        '0.99 on the held-out labelled sets) are met for precision only, by default and split alike. *seconds* '
        "are wall-clock, *CPU seconds* the process's own CPU time: on a machine shared with other work (the *load "
        "average* column: runnable processes over the minute) only the CPU time compares from run to run.",
        "", "Time and memory of `resolve()` on seeded synthetic authorships (benchmarks/names/synthetic_names.py: "
        "recurring teams, Zipf-skewed common names plus a long tail, a quarter East Asian names, mentions written "
        "in full, with initials, `Last, First`, nicknames, without accents). Fresh process per size; *peak* is the "
        "process's maximum resident memory, *held before* the memory of the generated papers before resolving; "
        "*split*: the same with `mode=\"split\"` (the default rules, then the homonym split).", "",
        "| authorships | distinct names | true people | authors found | seconds | CPU seconds | peak MiB | "
        "held before MiB | split seconds | split CPU seconds | split peak MiB | load average |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]  # fmt: skip
    for t in times:
        lines.append(
            f"| {t['authorships']:,} | {t['names']:,} | {t['people']:,} | {t['authors']:,} | {t['seconds']:.1f} | "
            f"{t['cpu_seconds']:.1f} | {t['peak_mib']:,.0f} | {t['before_mib']:,.0f} | {t['split_seconds']:.1f} | "
            f"{t['split_cpu_seconds']:.1f} | {t['split_peak_mib']:,.0f} | {t['load']:.1f} |"
        )
    return "\n".join(lines) + "\n"


def write_section(text: str) -> None:
    """Replace this section of RESULTS.md, or append it; the file is read
    right before writing because others add their own sections."""
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    start = current.find(SECTION)
    if start < 0:
        updated = current.rstrip("\n") + "\n\n" + text
    else:
        end = current.find("\n## ", start + len(SECTION))
        updated = current[:start] + text + (current[end + 1 :] if end >= 0 else "")
    RESULTS.write_text(updated, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write the section of benchmarks/RESULTS.md")
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES), help="authorships to time")
    parser.add_argument("--time-one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="default", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time_one:
        print(json.dumps(time_one(args.time_one, args.mode)))
        return
    predicted = {name: predictions(*load()) for name, load in DATASETS.items()}
    table = score_table(predicted)
    print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    times = timings(tuple(int(s) for s in args.sizes.split(",") if s))
    for t in times:
        print(t)
    if args.write:
        write_section(markdown(table, times))
        print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
