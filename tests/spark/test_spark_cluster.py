"""The Spark engine on a real standalone cluster, not only ``local[2]``: a
master and a worker started on this machine from the pyspark distribution
(``spark-class ...deploy.master.Master`` / ``...deploy.worker.Worker``, bound
to 127.0.0.1), and ``coauthor analyze --spark-master spark://...`` run in a
subprocess (one SparkContext per process: the run's local[2] session lives
in this one). The graph and PageRank it writes must be the single-machine
engine's. Skipped, saying why, without pyspark or Java."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

pytest.importorskip("pyspark", reason="the Spark engine needs pyspark: pip install 'coauthor[spark]'")

from coauthor.exporters.graphml import read_graphml
from coauthor.pipeline import build_graph
from coauthor.readers import ReadOptions

pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(
        shutil.which("java") is None, reason="Spark needs Java 17 or 21 (apt-get install openjdk-17-jre-headless)"
    ),
]
ROOT = Path(__file__).resolve().parents[2]
#: Seconds the master and the worker get to start and register.
START_SECONDS = 180


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def spark_class(*args: str, log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """``spark-class ARGS`` of the installed pyspark, in its own process group."""
    import pyspark

    home = Path(pyspark.__file__).parent
    with log.open("wb") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [str(home / "bin" / "spark-class"), *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env | {"SPARK_HOME": str(home)},
            start_new_session=True,
        )


def wait_for(log: Path, text: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if text in log.read_text(errors="replace"):
            return
        if process.poll() is not None:
            break
        time.sleep(0.5)
    pytest.fail(f"Spark standalone did not start ({text!r} not in {log}):\n{log.read_text(errors='replace')[-2000:]}")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """``(master URL, environment)`` of a one-worker standalone cluster on
    127.0.0.1 (web UIs on loopback too, the REST server off)."""
    folder = tmp_path_factory.mktemp("cluster")
    env = {
        **os.environ,
        "SPARK_LOCAL_IP": "127.0.0.1",  # every socket of master, worker and UIs on loopback
        "SPARK_MASTER_OPTS": "-Dspark.master.rest.enabled=false",
        "SPARK_WORKER_DIR": str(folder / "work"),
        "SPARK_LOG_DIR": str(folder),
        "PYSPARK_PYTHON": sys.executable,  # the executors' Python: this one, which has coauthor
    }
    port = free_port()
    url = f"spark://127.0.0.1:{port}"
    loopback = ("--host", "127.0.0.1", "--webui-port", "0")
    master_log, worker_log = folder / "master.log", folder / "worker.log"
    master = spark_class(
        "org.apache.spark.deploy.master.Master", *loopback, "--port", str(port), log=master_log, env=env
    )
    processes = [master]
    try:
        wait_for(master_log, "ALIVE", master)
        worker = spark_class("org.apache.spark.deploy.worker.Worker", *loopback, "--cores", "2", "--memory", "2g", url,
                             log=worker_log, env=env)  # fmt: skip
        processes.append(worker)
        wait_for(worker_log, "Successfully registered with master", worker)
        yield url, env
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)


def test_analyze_on_a_standalone_cluster_equals_the_single_engine(
    cluster: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    """The seeds' profile pages and a BibTeX file that repeats one of their
    papers (merged across the files) and adds one, parsed by coauthor's
    readers on the cluster's executor (one task per file) and resolved as
    the single engine resolves them."""
    url, env = cluster
    bib = tmp_path / "more.bib"
    bib.write_text(
        "@article{again, author = {Wang, Zhenyi and Shen, Li}, year = 2023, title = "
        "{A Comprehensive Survey of Forgetting in Deep Learning Beyond Continual Learning}}\n"
        "@article{new, author = {Z. Wang and Ann Lee}, title = {Something else}, year = 2024}\n",
        encoding="utf-8",
    )
    inputs = [ROOT / "seeds", bib]
    out = tmp_path / "tables"
    command = [sys.executable, "-m", "coauthor", "analyze", *map(str, inputs), "--engine", "spark",
               "--spark-master", url, "--undated-year", "2026", "-o", str(out)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(engine: Spark)" in done.stdout
    expected, papers, reports = build_graph(inputs, ReadOptions(undated_year=2026))
    merged, skipped = sum(r.merged for r in reports), sum(sum(r.skipped.values()) for r in reports)
    assert (reports[-1].used, reports[-1].merged) == (1, 1)  # the survey again, merged; the new paper
    assert done.stdout.startswith(f"Papers: {len(papers)} ({merged} records merged, {skipped} skipped;")
    spark_graph = read_graphml(out / "graph.graphml")
    assert sorted(spark_graph.nodes) == sorted(expected.nodes)
    assert {frozenset(e): w for *e, w in spark_graph.edges(data="weight")} == {
        frozenset(e): w for *e, w in expected.edges(data="weight")
    }
    reference = nx.pagerank(expected, alpha=0.85, weight="weight", tol=1e-12)
    for node, rank in spark_graph.nodes(data="pagerank"):
        assert rank == pytest.approx(reference[node], abs=1e-6)
    for table in ("nodes", "edges", "centrality", "components", "communities", "timeline"):
        assert any((out / f"{table}.parquet").glob("part-*")), table
