"""The Spark engine (``--engine spark``; ``pip install 'coauthor[spark]'``):
the stages that scale, written with Spark DataFrames so that they run on any
cluster Spark runs on, from ``local[*]`` to YARN and Kubernetes.

Nothing outside this package imports it when ``coauthor`` is imported; it
imports pyspark. Modules: :mod:`~coauthor.spark.session` (starting Spark,
checkpoints), :mod:`~coauthor.spark.read` (records into papers),
:mod:`~coauthor.spark.parse` (every other format, by coauthor's readers on
the executors), :mod:`~coauthor.spark.resolve` (the single engine's name
resolution), :mod:`~coauthor.spark.authorships`, :mod:`~coauthor.spark.graph` (edges for
every weighting), :mod:`~coauthor.spark.filters`,
:mod:`~coauthor.spark.centrality` and :mod:`~coauthor.spark.pagerank`,
:mod:`~coauthor.spark.components`, :mod:`~coauthor.spark.labelprop`,
:mod:`~coauthor.spark.timeline`, :mod:`~coauthor.spark.pipeline` (all of
them in one call), :mod:`~coauthor.spark.output` (Parquet, CSV, GraphML when
small); the command line's side is :mod:`coauthor.cli.spark` (``coauthor
analyze/graph --engine spark``).

Why DataFrames and not RDDs of Python objects: DataFrame joins and
aggregations run in the JVM on Spark's binary rows (no Python process per
record, no pickling), are planned by Catalyst (broadcast joins, adaptive
partition coalescing) and checkpoint cleanly in iterative algorithms. The
only Python on the executors is coauthor's record parsers (vectorised pandas
UDFs over Arrow batches, or one reader per file).
"""
