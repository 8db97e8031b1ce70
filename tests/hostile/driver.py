"""Run hostile cases (``cases.CASES``) and print one JSON line per case:
exit code, stdout, stderr, seconds, peak memory and the files it left.

Usage: ``python tests/hostile/driver.py ROOT [NAME ...]``. Each case gets a
fresh folder ``ROOT/NAME`` filled by its ``make``; coauthor is imported once,
then each case runs in a forked child (so that its peak memory, from
``wait4``, is its own and a hang is cut by an alarm) with its fault applied.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import CASES, Case, apply_fault, files_under

from coauthor.cli import main

#: Seconds a case may run before it is killed.
TIME_LIMIT = 60


def _child(case: Case, folder: Path, logs: Path) -> None:
    os.chdir(folder)
    for fd, name in ((1, "stdout"), (2, "stderr")):
        handle = os.open(logs / name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(handle, fd)
        os.close(handle)
    signal.alarm(TIME_LIMIT)
    code = 0
    try:
        apply_fault(case.fault, folder)
        main(case.args, prog_name="coauthor", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # what the suite looks for: any traceback
        traceback.print_exc()
        code = 70
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def run(case: Case, root: Path) -> dict[str, object]:
    """Run one case; its figures as a dict."""
    folder, logs = root / case.name, root / f".{case.name}.logs"
    folder.mkdir(parents=True)
    logs.mkdir()
    case.make(folder)
    before = files_under(folder)
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        _child(case, folder, logs)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.monotonic() - start
    signalled = os.WIFSIGNALED(status)
    return {
        "name": case.name,
        "exit": -os.WTERMSIG(status) if signalled else os.WEXITSTATUS(status),
        "seconds": round(seconds, 3),
        "peak_mib": round(usage.ru_maxrss / 1024, 1),
        "stdout": (logs / "stdout").read_text(errors="replace"),
        "stderr": (logs / "stderr").read_text(errors="replace"),
        "before": sorted(before),
        "after": sorted(files_under(folder)),
    }


def main_driver(argv: list[str]) -> None:
    root = Path(argv[0])
    wanted = set(argv[1:])
    for case in CASES:
        if wanted and case.name not in wanted:
            continue
        print(json.dumps(run(case, root)), flush=True)


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main_driver(sys.argv[1:])
