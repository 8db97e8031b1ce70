"""Ctrl-C (SIGINT) and a kill (SIGKILL) halfway through ``coauthor report``
leave a folder marked incomplete (``.incomplete``), no front page, and no
visible file that is half written."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from coauthor.atomic import INCOMPLETE


def _papers(path: Path, count: int = 1500) -> None:
    rng = random.Random(7)
    first = "Ada Ben Cai Dov Eli Fay Gus Hal Ida Jon Kim Lea Max Ned Oda Pia Quin Rex Sam Tia".split()
    last = "Abe Berg Chu Diaz Eko Fox Gupta Holm Ito Jung Kato Lund Mori Nagy Ortiz Park Qiu Rossi Sato Tan".split()
    people = [f"{a} {b}{c}" for a in first for b in last for c in ("son", "berg")][:600]
    rows = ["id,title,year,authors"]
    for i in range(count):
        team = ";".join(rng.sample(people, rng.randint(2, 6)))
        rows.append(f"{i},Paper number {i},{2000 + i % 20},{team}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


@pytest.mark.parametrize("sent", [signal.SIGINT, signal.SIGKILL], ids=["sigint", "sigkill"])
def test_interrupted_report_is_marked_incomplete(sent: signal.Signals, tmp_path: Path) -> None:
    _papers(tmp_path / "papers.csv")
    out = tmp_path / "rep"
    env = os.environ | {"OPENBLAS_NUM_THREADS": "1"}
    child = subprocess.Popen(
        [sys.executable, "-m", "coauthor", "report", "papers.csv", "-q", "-o", "rep"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while not (out / "graph.graphml").exists():  # halfway: the graph is written, the figures are not
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    child.send_signal(sent)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode != 0
    assert "Traceback" not in stderr
    assert (out / INCOMPLETE).exists()
    assert not (out / "index.html").exists()
    visible = [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")]
    for path in visible:  # each file there is whole: it parses
        if path.suffix == ".graphml":
            assert nx.read_graphml(path).number_of_nodes() == 600
        elif path.suffix == ".csv":
            assert len(pd.read_csv(path).columns) >= 2
    if sent == signal.SIGINT:  # Python cleans up: no temporary file left
        assert [p.name for p in out.rglob(".*") if p.name != INCOMPLETE] == []
