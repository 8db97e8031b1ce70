"""``make_report`` refuses what it cannot do before it reads or writes anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from coauthor.errors import OptionError
from coauthor.pipeline import AnalysisOptions
from coauthor.readers import ReadOptions
from coauthor.report.make import make_report


def test_an_unknown_export_format_fails_before_any_work(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    with pytest.raises(OptionError, match=r"unknown export format 'docx' \(coauthor writes: .*gexf"):
        make_report([seeds], out, ReadOptions(undated_year=2026), exports=["gexf", "docx"])
    assert not out.exists()


def test_the_spark_engine_is_refused_before_any_work(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    with pytest.raises(OptionError, match="a report is made on one machine: engine 'spark' runs analyze and graph"):
        make_report([seeds], out, options=AnalysisOptions(engine="spark"))
    assert not out.exists()
