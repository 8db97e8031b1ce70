"""The Spark engine stays out of the way: ``import coauthor`` (and the CLI)
never import pyspark, and ``--engine spark`` without it is a one-line error
saying how to install it. No Spark needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from coauthor.cli import main


def test_importing_coauthor_imports_no_pyspark() -> None:
    code = (
        "import sys, coauthor, coauthor.cli, coauthor.pipeline; "
        "assert sys.modules.get('pyspark') is None and 'coauthor.spark' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_engine_spark_without_pyspark_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in [m for m in sys.modules if m.startswith(("coauthor.spark.", "coauthor.cli.spark", "pyspark", "py4j"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark now fails as if not installed
    records = tmp_path / "papers.jsonl"
    records.write_text('{"id": "p1", "authors": ["Ann Lee", "Bo Chen"], "year": 2020}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(records), "--engine", "spark", "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: --engine spark needs pyspark: pip install 'coauthor[spark]' (and Java 17 or 21)"
    )


def test_spark_options_are_documented() -> None:
    result = CliRunner().invoke(main, ["analyze", "--help"])
    flat = " ".join(result.output.split())
    assert "--spark-master URL" in flat and "[default: local[*]]" in flat
    assert "--engine [auto|igraph|networkx|spark]" in flat
