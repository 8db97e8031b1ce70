"""The Paper record kept small: slots, one object per year, and one object per
repeated name, ORCID, venue... inside ``sharing_text`` (as ``read_inputs``
reads) without changing any value."""

from __future__ import annotations

from pathlib import Path

import pytest

from coauthor.errors import CoauthorError
from coauthor.readers import ReadOptions, detect_format, expand_inputs, read_inputs
from coauthor.records import Paper, ReadReport, sharing_text

OPTIONS = ReadOptions(undated_year=2026)
INPUTS = [Path(__file__).parent / "data", Path(__file__).parents[1] / "seeds"]

BIBTEX = """
@article{a, author={Ann Lee and Bo Chen}, title={One}, journal={J. Graphs}, volume={12}, year=2019}
@article{b, author={Bo Chen and Ann Lee}, title={Two}, journal={J. Graphs}, volume={12}, year=2019}
"""


def test_a_paper_and_a_report_have_no_instance_dict():
    assert not hasattr(Paper("p", "T", ["Ann Lee"], 2020, "f:1"), "__dict__")
    assert not hasattr(ReadReport("f", "bibtex"), "__dict__")


def test_read_inputs_keeps_one_object_per_repeated_value(tmp_path: Path):
    (tmp_path / "refs.bib").write_text(BIBTEX)
    (tmp_path / "more.bib").write_text(BIBTEX.replace("One", "Three").replace("Two", "Four"))
    papers, _ = read_inputs([tmp_path], OPTIONS)
    assert [p.title for p in papers] == ["Three", "Four", "One", "Two"]
    first, *others = papers
    for other in others:
        assert other.venue is first.venue and other.volume is first.volume and other.year is first.year
    ann = {id(name) for p in papers for name in p.authors if name == "Ann Lee"}
    assert len(ann) == 1  # across the papers of a file, and across files


def test_years_are_shared_outside_reading_too():
    year = int("20" + "19")
    assert Paper("p", "T", ["A"], year, "f:1").year is Paper("q", "U", ["B"], 2019, "f:2").year


@pytest.mark.parametrize(
    "path",
    [path for path, _ in expand_inputs(INPUTS) if "fetch" not in path.parts and "schemas" not in path.parts],
    ids=lambda path: str(path.relative_to(path.parents[1])),
)
def test_sharing_changes_no_value(path: Path):
    try:
        fmt = detect_format(path)
        alone, _ = fmt.read(path, OPTIONS)
    except CoauthorError as error:  # an error fixture: it fails the same way with sharing
        with sharing_text(), pytest.raises(type(error)) as again:
            detect_format(path).read(path, OPTIONS)
        assert str(again.value) == str(error)
        return
    with sharing_text():
        shared, _ = fmt.read(path, OPTIONS)
    assert [p.to_dict() for p in shared] == [p.to_dict() for p in alone]
    assert all(type(name) is str for p in shared for name in p.authors)
