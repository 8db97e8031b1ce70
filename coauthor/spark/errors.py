"""Spark failures as one-line :class:`coauthor.errors.CoauthorError` messages.

Spark reports errors as Py4J exceptions carrying a Java stack trace, or as
``PythonException`` carrying a worker's Python traceback. :func:`spark_errors`
turns both into :class:`SparkError` with one line: the error's first line
(or the last line of a worker's traceback), and where Spark's own log is
when it logged an error (that log is then kept when Python exits).

>>> summary("[PATH_NOT_FOUND] Path does not exist: file:/x.jsonl. SQLSTATE: 42K03\\n\\tat org...")
'[PATH_NOT_FOUND] Path does not exist: file:/x.jsonl.'
>>> summary("An exception was thrown from the Python worker:\\nTraceback ...\\nModuleNotFoundError: No module 'x'")
"a Python worker failed: ModuleNotFoundError: No module 'x'"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from coauthor.errors import CoauthorError

_SQLSTATE = re.compile(r"\s*SQLSTATE: \w+[.;]?.*$")
_WORKER = "Python worker"


#: Spark logs named in an error message (kept when Python exits).
REPORTED_LOGS: set[Path] = set()


class SparkError(CoauthorError):
    """Spark could not start or could not run a job (the message says why
    and names Spark's log file when coauthor started Spark)."""


def summary(message: str) -> str:
    """One line out of a Spark error message (see the module docs)."""
    lines = [line.strip() for line in str(message).splitlines() if line.strip()]
    if not lines:
        return "unknown error"
    if _WORKER in lines[0]:
        frames = [line for line in lines if not line.startswith(("File ", "Traceback", "^", "at "))]
        return f"a Python worker failed: {_SQLSTATE.sub('', frames[-1])}"
    first = lines[0].split(": org.apache", 1)[0].removeprefix("An error occurred while calling ")
    return _SQLSTATE.sub("", first)


@contextmanager
def spark_errors(log: Path | None = None) -> Iterator[None]:
    """Run the block; a Py4J or PySpark exception becomes a :class:`SparkError`."""
    try:
        yield
    except CoauthorError:
        raise
    except Exception as exc:
        if not _is_spark_error(exc):
            raise
        where = ""
        if log is not None and last_logged_error(log):  # the log says more: keep it and name it
            REPORTED_LOGS.add(log)
            where = f" (Spark's log: {log})"
        raise SparkError(f"Spark: {summary(_message(exc))}{where}") from None


def last_logged_error(log: Path) -> str | None:
    """The message of the last ERROR line of Spark's log, if any."""
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    errors = [line.split(": ", 1)[-1].strip() for line in lines if " ERROR " in line]
    return errors[-1] if errors else None


def _is_spark_error(exc: BaseException) -> bool:
    module = type(exc).__module__
    return module.startswith(("pyspark", "py4j"))


def _message(exc: BaseException) -> str:
    java = getattr(exc, "java_exception", None)
    if java is not None:  # Py4JJavaError: the Java exception's own first line
        try:
            return str(java.toString())
        except Exception:  # the gateway may be gone
            return str(exc)
    return str(exc)
