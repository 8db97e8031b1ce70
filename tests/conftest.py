"""Shared fixtures: where the sample and real test data live."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TEST_DATA = Path(__file__).resolve().parent / "data"
#: The real data: the folder named by ``COAUTHOR_SHARED_DATA``, else the
#: checkout's sibling ``../shared/data``.
SHARED_DATA = Path(os.environ.get("COAUTHOR_SHARED_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data")


#: Tests of the real data run where it exists and are skipped, saying where
#: it was looked for, where it does not.
_skip_without_shared_data = pytest.mark.skipif(
    not SHARED_DATA.is_dir(), reason=f"shared test data not found at {SHARED_DATA} (set COAUTHOR_SHARED_DATA)"
)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real data folder; a test using it (directly or through another
    fixture), or marked ``needs_shared_data``, skips where it is missing."""
    return SHARED_DATA


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        uses_shared_data = "shared_data" in getattr(item, "fixturenames", ())
        if uses_shared_data or item.get_closest_marker("needs_shared_data"):
            item.add_marker(_skip_without_shared_data)


@pytest.fixture
def seeds() -> Path:
    """The sample data folder (three scraped profile/abstract pages)."""
    return SEEDS


@pytest.fixture
def test_data() -> Path:
    """The hand-written fixtures folder."""
    return TEST_DATA


@pytest.fixture(scope="session")
def spark_run() -> Iterator[object]:
    """One Spark session (local[2]) for every Spark test of the run; skipped,
    saying why, where pyspark is not installed."""
    pytest.importorskip("pyspark", reason="the Spark engine needs pyspark: pip install 'coauthor[spark]'")
    from coauthor.spark.session import spark_session

    run = spark_session("local[2]")
    yield run
    run.spark.stop()
