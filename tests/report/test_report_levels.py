"""The report's institution and country files: written with the values of
a hand computation (see tests/graph/test_levels.py) when the inputs carry
affiliations, said to be missing when they do not."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

from coauthor.cli import main
from coauthor.pipeline import Analysis
from coauthor.report.make import make_report

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "wos" / "affiliations.isi"
LEVEL_FILES = [
    "institutions.graphml",
    "countries.graphml",
    "institutions.csv",
    "countries.csv",
    "figures/countries.png",
]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Analysis, Path]:
    out = tmp_path_factory.mktemp("report")
    return make_report([FIXTURE], out, exports=()), out


def test_level_files_written_and_listed(report: tuple[Analysis, Path]) -> None:
    result, out = report
    for name in LEVEL_FILES:
        assert (out / name).is_file(), name
        assert out / name in result.files
    assert "figures/countries.png" in (out / "index.html").read_text(encoding="utf-8")


def test_countries_csv_values(report: tuple[Analysis, Path]) -> None:
    table = pd.read_csv(report[1] / "countries.csv", index_col="id")
    assert table.index.tolist() == ["NO", "CH", "DE"]  # most papers first
    assert table["papers"].tolist() == [3, 2, 1]
    assert table["papers_fractional"].round(6).tolist() == [round(11 / 6, 6), round(5 / 6, 6), round(1 / 3, 6)]
    assert table["links"].tolist() == [2, 2, 2] and table["strength"].tolist() == [3, 3, 2]
    assert table.loc["NO", "name"] == "Norway"


def test_institutions_graphml(report: tuple[Analysis, Path]) -> None:
    g = nx.read_graphml(report[1] / "institutions.graphml")
    assert g.edges["name:cern", "name:univoslo"]["weight"] == 2 and g.nodes["name:cern"]["country"] == "CH"
    assert g.graph["papers_without_units"] == 1


def test_country_figure_is_bounded(report: tuple[Analysis, Path]) -> None:
    import matplotlib.image

    height, width = matplotlib.image.imread(report[1] / "figures" / "countries.png").shape[:2]
    assert 600 < width < 2500 and 600 < height < 2500


def test_report_without_affiliations_says_so(tmp_path: Path, seeds: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(seeds), "-o", str(tmp_path / "r"), "-q"])
    assert result.exit_code == 0, result.output
    for name in LEVEL_FILES:
        assert not (tmp_path / "r" / name).exists()
    assert re.search(r"Not written: countries.graphml, countries.csv, figures/countries.png: none of the \d+ papers "
                     r"has an affiliation with a known country", result.output)  # fmt: skip


def test_report_on_a_real_wos_file_finds_its_countries(tmp_path: Path, shared_data: Path) -> None:
    path = shared_data / "peers" / "bibliometrix" / "tests_testthat_fixtures_wos_sample.txt"
    addresses = re.findall(r"^(?:C1 |   )\[[^\]]*\] (.*)$", path.read_text(encoding="utf-8-sig"), flags=re.MULTILINE)
    expected = {a.rstrip(".").split(",")[-1].strip() for a in addresses}
    result = CliRunner().invoke(main, ["report", str(path), "-o", str(tmp_path / "r"), "-q"])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(tmp_path / "r" / "countries.csv", index_col="id")
    assert len(table) == len(expected) == 9
    assert f"Country graph: {len(expected)} countries" in result.output
