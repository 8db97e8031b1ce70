"""Every reader, fuzzed with random bytes and mutated valid files: never an
exception other than the documented input error (a modest number of
examples here; ``benchmarks/fuzz.py`` runs 10,000 per reader)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzzing import READERS, SAMPLES, inputs, read_once, scratch

from coauthor.readers import FORMATS


@pytest.fixture(scope="module")
def folder() -> Path:
    return scratch()


def test_every_reader_has_a_valid_sample_of_its_own(folder: Path) -> None:
    assert sorted(SAMPLES) == READERS
    for fmt, data in SAMPLES.items():
        assert FORMATS[fmt].sniff(data.decode("utf-8", "replace")), fmt
        assert read_once(fmt, data, folder) == "ok", fmt


@pytest.mark.parametrize("fmt", READERS)
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_reader_raises_nothing_but_the_input_error(fmt: str, data: st.DataObject, folder: Path) -> None:
    read_once(fmt, data.draw(inputs(fmt)), folder)
