"""The SparkSession coauthor runs on, and checkpoints for iterative jobs.

:func:`spark_session` starts Spark for a master URL: ``local[*]`` (every
core of this machine), ``local[N]``, ``spark://host:7077`` (standalone),
``yarn`` or ``k8s://https://host:port`` (client mode; the cluster's
settings come from ``spark-defaults.conf`` / ``SPARK_CONF_DIR`` or
``PYSPARK_SUBMIT_ARGS``). When a SparkContext already runs (``spark-submit``,
a notebook) it is used as it is.

For local masters coauthor picks settings that suit one machine: half the
memory for the driver (which runs the tasks too), shuffle partitions = 2 x
cores, adaptive query execution off (with so few partitions its extra
stages cost more than they save: 4x on small iterative jobs), the web UI
off, and a temporary folder for checkpoints and shuffle files. Spark's JVM
writes its output to a log file in that folder instead of the terminal
(:attr:`SparkRun.log`), which an error message names; only errors are
logged. Results come back to the driver through Arrow.
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
import sys
import tempfile
import warnings
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyspark import SparkConf, SparkContext
from pyspark.sql import Column, DataFrame, Observation, SparkSession

from coauthor.analysis.engine import DEFAULT_SPARK_MASTER
from coauthor.spark.errors import REPORTED_LOGS, SparkError, last_logged_error, spark_errors

DEFAULT_MASTER = DEFAULT_SPARK_MASTER
APP_NAME = "coauthor"

_LOCAL = re.compile(r"local(?:\[(\*|\d+)(?:,\s*\d+)?\])?$")
_LOG4J = """\
rootLogger.level = error
rootLogger.appenderRef.console.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex
"""


@dataclass
class SparkRun:
    """A running session and, when coauthor started Spark, its ``log`` file
    and temporary ``folder`` (removed when Python exits)."""

    spark: SparkSession
    log: Path | None = None
    folder: Path | None = None

    def errors(self) -> AbstractContextManager[None]:
        """A context manager turning Spark failures into :class:`SparkError`."""
        return spark_errors(self.log)


def local_cores(master: str) -> int | None:
    """Cores of a local master (``local[*]`` -> this machine's), None otherwise.

    >>> local_cores("local[2]"), local_cores("local"), local_cores("yarn")
    (2, 1, None)
    """
    match = _LOCAL.match(master.strip())
    if not match:
        return None
    if match.group(1) in (None, ""):
        return 1
    if match.group(1) == "*":
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return int(match.group(1))


def spark_session(master: str = DEFAULT_MASTER, app_name: str = APP_NAME) -> SparkRun:
    """The running SparkSession, or a new one on ``master`` (see the module docs)."""
    _quiet_python_side()
    if SparkContext._active_spark_context is not None:
        return SparkRun(SparkSession.builder.getOrCreate())
    cores = local_cores(master)
    folder = Path(tempfile.mkdtemp(prefix="coauthor-spark-"))
    log = folder / "spark.log"
    atexit.register(_clean, folder, log)
    conf = SparkConf().setMaster(master).setAppName(app_name)
    (folder / "log4j2.properties").write_text(_LOG4J, encoding="utf-8")
    conf.set("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile=file:{folder / 'log4j2.properties'}")
    conf.set("spark.ui.showConsoleProgress", "false")
    conf.set("spark.sql.execution.arrow.pyspark.enabled", "true")
    if cores is not None:
        if "SPARK_DRIVER_MEMORY" not in os.environ:
            conf.set("spark.driver.memory", f"{_memory_mib() // 2}m")
        conf.set("spark.sql.shuffle.partitions", str(max(2, 2 * cores)))
        conf.set("spark.default.parallelism", str(max(2, 2 * cores)))
        conf.set("spark.ui.enabled", "false")
        conf.set("spark.sql.adaptive.enabled", "false")  # its extra stages cost more than they save here
        conf.set("spark.checkpoint.dir", str(folder / "checkpoints"))
        conf.set("spark.local.dir", str(folder / "scratch"))
    try:
        with spark_errors(log):
            context = _start(conf, log)
            if cores is not None and "PYSPARK_PYTHON" not in os.environ:
                context.pythonExec = sys.executable  # workers run this Python (and see coauthor)
            return SparkRun(SparkSession(context), log, folder)
    except SparkError as exc:
        reason = last_logged_error(log) or str(exc).removeprefix("Spark: ")
        REPORTED_LOGS.add(log)
        raise SparkError(f"Spark could not start on master {master}: {reason} (Spark's log: {log})") from None


def _memory_mib() -> int:
    """This machine's memory in MiB (4 GiB when it cannot be read)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    except (ValueError, OSError, AttributeError):
        return 4096


def _clean(folder: Path, log: Path) -> None:
    """Remove the run's folder, except a log that an error message named."""
    if log in REPORTED_LOGS:
        for path in folder.iterdir():
            if path != log:
                shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    else:
        shutil.rmtree(folder, ignore_errors=True)


def _start(conf: SparkConf, log: Path) -> SparkContext:
    """Start the JVM with its output going to ``log``, and a SparkContext on it."""
    from pyspark.java_gateway import launch_gateway

    with open(log, "ab") as sink:
        try:
            gateway = launch_gateway(conf, popen_kwargs={"stdout": sink, "stderr": sink})
        except Exception as exc:
            lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            about_java = [line for line in lines if "java" in line.lower() and "incubator" not in line]
            reason = (about_java or lines or str(exc).splitlines())[-1]
            raise SparkError(f"{reason}; is Java 17 or 21 installed and on PATH?") from None
    return SparkContext(conf=conf, gateway=gateway)


def _quiet_python_side() -> None:
    """pyspark warns about pandas 3 and logs every failed query on stderr;
    coauthor reports failures itself (:mod:`coauthor.spark.errors`)."""
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
    for name in ("SQLQueryContextLogger", "DataFrameQueryContextLogger"):
        logging.getLogger(name).disabled = True


def checkpoint(frame: DataFrame, **metrics: Column) -> tuple[DataFrame, dict[str, Any]]:
    """``frame`` materialised with its lineage cut (one job), and ``metrics``
    (aggregate columns over ``frame``, e.g. ``changed=F.sum(...)``) computed
    in the same job.

    Local masters use local checkpoints (the executors are this process,
    and a reliable checkpoint costs a second job); clusters use reliable ones
    when ``spark.checkpoint.dir`` is set (an HDFS or object-store folder), so
    that losing an executor loses no state."""
    observation = Observation() if metrics else None
    if observation is not None:
        frame = frame.observe(observation, *(value.alias(name) for name, value in metrics.items()))
    context = frame.sparkSession.sparkContext
    reliable = context.getCheckpointDir() and local_cores(context.master or "") is None
    frame = frame.checkpoint(eager=True) if reliable else frame.localCheckpoint(eager=True)
    return frame, (observation.get if observation is not None else {})


def cut(frame: DataFrame) -> DataFrame:
    """:func:`checkpoint` without metrics."""
    return checkpoint(frame)[0]
