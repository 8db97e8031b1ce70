"""Fuzz every reader at length: 10,000 hypothesis examples per reader
(random bytes and mutated valid files, read forced and sniffed, as in
tests/hostile/test_hostile_fuzz.py) and record, per reader, how many
examples ran, how many ended in the documented input error, and any other
exception (there must be none) in RESULTS.md.

Usage: ``python benchmarks/fuzz.py [--examples N] [--readers NAME ...]``.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "hostile"))
sys.path.insert(0, str(HERE))

from fuzzing import READERS, inputs, read_once, scratch  # noqa: E402
from graph import write_section  # noqa: E402

SECTION = "## Reader fuzzing"


def fuzz(fmt: str, examples: int, folder: Path) -> dict[str, object]:
    """Run ``examples`` examples on one reader; its figures."""
    outcomes = {"ok": 0, "error": 0}
    failure: list[str] = []

    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(data=inputs(fmt))
    def run(data: bytes) -> None:
        outcomes[read_once(fmt, data, folder)] += 1

    start = time.perf_counter()
    try:
        run()
    except Exception:  # the figure to record: an exception other than the input error
        failure.append(traceback.format_exc().strip().splitlines()[-1])
    return {"reader": fmt, **outcomes, "seconds": time.perf_counter() - start, "unexpected": failure}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--readers", nargs="+", default=READERS)
    args = parser.parse_args()
    folder = scratch()
    rows = []
    for fmt in args.readers:
        row = fuzz(fmt, args.examples, folder)
        print(row, flush=True)
        rows.append(row)
    lines = [
        f"{SECTION} ({time.strftime('%Y-%m-%d')}, Python {platform.python_version()}, {platform.machine()})",
        "",
        f"`python benchmarks/fuzz.py`: {args.examples:,} hypothesis examples per reader (random bytes and mutated "
        "valid files, each read with the format forced and sniffed). Read: both reads ended normally; input "
        "error: at least one ended in the documented input error (`CoauthorError`); unexpected: any other "
        "exception (there must be none).",
        "",
        "| reader | examples | read | input error | unexpected | seconds |",
        "|---|---:|---:|---:|---|---:|",
        *(
            f"| {r['reader']} | {r['ok'] + r['error']:,} | {r['ok']:,} | {r['error']:,} | "  # type: ignore[operator]
            f"{'; '.join(r['unexpected']) or 'none'} | {r['seconds']:.0f} |"  # type: ignore[arg-type]
            for r in rows
        ),
        "",
    ]
    write_section("\n".join(lines), SECTION)


if __name__ == "__main__":
    main()
