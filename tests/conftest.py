"""Shared fixtures: where the sample and real test data live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TEST_DATA = Path(__file__).resolve().parent / "data"
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared test data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture
def seeds() -> Path:
    """The sample data folder (three scraped profile/abstract pages)."""
    return SEEDS


@pytest.fixture
def test_data() -> Path:
    """The hand-written fixtures folder."""
    return TEST_DATA
