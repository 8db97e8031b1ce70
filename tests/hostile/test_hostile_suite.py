"""The hostile-input suite: every case of ``cases.py`` run once through
``driver.py`` in a subprocess (each case forked, so its time and peak memory
are its own), then checked: exit code, no traceback, under 60 s and 1 GiB,
at most one error line naming what is wrong, no stray or half-written file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cases import CASES, Case, stray  # noqa: E402

MAX_SECONDS = 60
MAX_MIB = 1024


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """One driver run over every case: name -> its figures."""
    root = tmp_path_factory.mktemp("hostile")
    env = os.environ | {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "COAUTHOR_CACHE_DIR": str(root / ".cache")}
    done = subprocess.run(
        [sys.executable, str(HERE / "driver.py"), str(root)], capture_output=True, text=True, env=env, timeout=1800
    )
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    return {row["name"]: row | {"root": str(root)} for row in rows}


def test_enough_cases_with_unique_names() -> None:
    assert len(CASES) >= 60
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_case(case: Case, figures: dict[str, dict[str, object]]) -> None:
    got = figures[case.name]
    stderr = str(got["stderr"])
    assert "Traceback" not in stderr, stderr
    assert got["exit"] in (case.exit if isinstance(case.exit, tuple) else (case.exit,)), stderr + str(got["stdout"])
    assert float(got["seconds"]) < MAX_SECONDS  # type: ignore[arg-type]
    assert float(got["peak_mib"]) < MAX_MIB  # type: ignore[arg-type]
    errors = [line for line in stderr.splitlines() if line.startswith("Error")]
    if case.error is None or (got["exit"] == 0 and isinstance(case.exit, tuple)):
        assert errors == [], stderr
    else:
        assert len(errors) == 1, stderr
        assert re.search(case.error, errors[0]), errors[0]
        others = [line for line in stderr.splitlines() if line and not line.startswith(("Error", "Usage:", "Try "))]
        assert others == [], stderr
    new = set(got["after"]) - set(got["before"])  # type: ignore[arg-type]
    assert not [path for path in new if path.endswith(".tmp")]
    assert stray(new, case.left) == set()
    if case.check is not None:
        case.check(Path(str(got["root"])) / case.name)
