"""Where the shared-data tests look for the real data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CONFTEST = Path(__file__).resolve().parent / "conftest.py"


def _shared_data_seen(env_value: str | None) -> str:
    """SHARED_DATA as tests/conftest.py computes it in a fresh interpreter."""
    env = {k: v for k, v in os.environ.items() if k != "COAUTHOR_SHARED_DATA"}
    if env_value is not None:
        env["COAUTHOR_SHARED_DATA"] = env_value
    code = (
        "import importlib.util, sys;"
        f"spec = importlib.util.spec_from_file_location('c', {str(CONFTEST)!r});"
        "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m);"
        "print(m.SHARED_DATA)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_environment_variable_names_the_data_folder(tmp_path: Path) -> None:
    assert _shared_data_seen(str(tmp_path)) == str(tmp_path)


def test_without_the_variable_the_sibling_shared_data_is_used() -> None:
    assert _shared_data_seen(None) == str(CONFTEST.parents[2] / "shared" / "data")
    assert _shared_data_seen("") == str(CONFTEST.parents[2] / "shared" / "data")
