"""What the engine and path options accept, checked before any work,
whichever engine runs."""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx
import pytest

from coauthor.analysis.centrality import centrality
from coauthor.errors import OptionError
from coauthor.pipeline import AnalysisOptions, analyze
from coauthor.readers import ReadOptions

PATH = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])


@pytest.mark.parametrize("engine", ["igraph", "networkx", "auto"])
@pytest.mark.parametrize("measures", [["betweenness"], ["degree"]])
def test_an_unknown_distance_fails_on_every_engine(engine: str, measures: list[str]) -> None:
    with pytest.raises(OptionError, match=r"unknown distance 'far' \(use hops or inverse-weight\)"):
        centrality(PATH, measures=measures, distance="far", engine=engine)


@pytest.mark.parametrize("engine", ["igraph", "networkx"])
def test_inverse_weight_makes_the_heavy_link_short(engine: str) -> None:
    """a-b (weight 2, length 1/2) and b-c (weight 1, length 1): a reaches b in
    1/2 and c in 3/2, so its closeness is 2 / (1/2 + 3/2) = 1; by hops it is
    2 / (1 + 2) = 2/3."""
    weighted = centrality(PATH, measures=["closeness"], distance="inverse-weight", engine=engine)
    hops = centrality(PATH, measures=["closeness"], distance="hops", engine=engine)
    assert weighted.loc["a", "closeness"] == pytest.approx(1.0)
    assert hops.loc["a", "closeness"] == pytest.approx(2 / 3)


def test_spark_without_pyspark_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, seeds: Path) -> None:
    """With pyspark missing, ``engine="spark"`` is one OptionError naming
    the extra to install, raised before anything is read."""
    for name in [m for m in sys.modules if m == "pyspark" or m.startswith(("pyspark.", "coauthor.spark"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark -> ModuleNotFoundError
    with pytest.raises(OptionError, match=r"^engine spark needs pyspark: pip install 'coauthor\[spark\]'"):
        analyze([seeds], ReadOptions(undated_year=2026), options=AnalysisOptions(engine="spark"))
