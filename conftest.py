"""Collection rules for the whole tree: the Spark engine's modules (and its
command-line glue, coauthor/cli/spark.py) import pyspark, so their doctests
are only collected where it is installed (the Spark tests in tests/spark/
skip themselves, saying why)."""

from __future__ import annotations

import importlib.util

collect_ignore_glob = [] if importlib.util.find_spec("pyspark") else ["coauthor/spark/*.py", "coauthor/cli/spark.py"]
