"""Files of every format coauthor reads (BibTeX, RIS, WoS, Scopus, DBLP XML,
profile pages, CSL or Crossref JSON...) read on the executors, one file per
task, by coauthor's own readers: :func:`coauthor.readers.read_file` and the
steps of :func:`coauthor.readers.read_inputs` that need no other paper
(:func:`coauthor.readers.prepare`).

What needs every paper — duplicates merged into the first paper read,
ids made unique, author-less abstracts linked to their paper — is decided
on the driver over a small record per paper (its id, duplicate keys, DOI,
database ids and a digest of its folded abstract, no names), in reading
order, by the same :class:`coauthor.readers.Intake`: the papers, ids and
read reports are those of :func:`~coauthor.readers.read_inputs`. The
papers themselves stay on the executors.

The files must be readable at the same path on every executor (one machine,
or a shared file system).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
from pyspark import RDD, StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from coauthor.errors import CoauthorError, InputError
from coauthor.readers import AUTHORLESS, FORMATS, PREPARED, Intake, ReadOptions, prepare, read_file
from coauthor.readers.duplicates import duplicate_keys
from coauthor.records import Paper, ReadReport, fold_text

#: The papers read, with their reading order (``file``, ``order``).
PARSED_SCHEMA = (
    "file int, order int, paper_id string, authors array<string>, written int, orcids array<string>, "
    "external_ids array<string>, organisations array<int>, year int"
)
_REPORT, _PAPER, _AUTHORLESS, _ERROR = "report", "paper", "authorless", "error"
#: What the executors send: a kind (above) and its parts.
Row = tuple[Any, ...]
#: The parsed files kept on the executors (parsed once, read twice).
_CACHED: list[RDD[Row]] = []


def read_files(
    spark: SparkSession,
    paths: list[str],
    options: ReadOptions,
    forced: str | None = None,
    explicit: Iterable[bool] = (),
) -> tuple[DataFrame, list[ReadReport]]:
    """The papers of ``paths`` (:data:`PARSED_SCHEMA`, ``paper_id`` made
    unique and duplicates merged as :func:`coauthor.readers.read_inputs`
    does) and one read report per file, in the order given. ``explicit``:
    per path, named by the user (an error when unreadable) rather than met
    in a folder (reported as unrecognised)."""
    named = list(explicit) or [True] * len(paths)
    tasks = [(i, path, flag) for i, (path, flag) in enumerate(zip(paths, named, strict=True))]
    portable = dataclasses.replace(options, progress=None)  # a callback of the driver's
    rows = spark.sparkContext.parallelize(tasks, max(1, len(tasks)))
    rows = rows.mapPartitions(lambda part: _parse(part, portable, forced)).persist(StorageLevel.MEMORY_AND_DISK)
    _CACHED.append(rows)
    light = rows.map(_light).collect()
    reports, kept = _settle(light, len(tasks))
    papers = spark.createDataFrame(rows.filter(lambda row: row[0] == _PAPER).map(lambda row: row[1]), PARSED_SCHEMA)
    ids = spark.createDataFrame(pd.DataFrame(kept, columns=["file", "order", "id"]), "file int, order int, id string")
    chosen = papers.join(F.broadcast(ids) if len(kept) < 1_000_000 else ids, ["file", "order"])
    return chosen.withColumn("paper_id", F.col("id")).drop("id"), reports


def release_parsed() -> None:
    """Drop the executors' copies of the papers parsed so far (call it once
    nothing will read the frames of :func:`read_files` again)."""
    while _CACHED:
        _CACHED.pop().unpersist()


def _parse(tasks: Iterable[tuple[int, str, bool]], options: ReadOptions, forced: str | None) -> Iterator[Row]:
    """On an executor: each file's report, then its papers and author-less entries."""
    for index, path, explicit in tasks:
        yield from _parse_file(index, Path(path), explicit, options, forced)


def _parse_file(index: int, path: Path, explicit: bool, options: ReadOptions, forced: str | None) -> list[Row]:
    found: list[Row] = []
    nobody: dict[str, bool] = {}

    def take(read: Iterable[Paper], report: ReadReport) -> None:
        for order, paper in enumerate(read):
            state = prepare(paper, report, options.limits, nobody)
            if state == PREPARED:
                found.append((_PAPER, _row(index, order, paper), _stub(paper), duplicate_keys(paper)))
            elif state == AUTHORLESS:
                found.append((_AUTHORLESS, (index, order), _stub(paper), []))

    try:
        report = read_file(path, explicit, options, FORMATS[forced] if forced else None, take)
    except CoauthorError as error:  # raised again on the driver, as the single engine raises it
        return [(_ERROR, index, _portable(error))]
    return [(_REPORT, index, report), *found]


def _row(index: int, order: int, paper: Paper) -> tuple[Any, ...]:
    return (index, order, paper.id, list(paper.all_authors), len(paper.authors), list(paper.author_orcids or []),
            list(paper.author_ids or []), list(paper.organisations), paper.year)  # fmt: skip


def _stub(paper: Paper) -> Paper:
    """What the driver needs of ``paper`` to settle it: no names, no title,
    the abstract as a digest of its folded text."""
    digest = hashlib.blake2b(fold_text(paper.abstract).encode(), digest_size=12).hexdigest() if paper.abstract else None
    stub = Paper(paper.id, "", [], None, paper.source, doi=paper.doi, arxiv_id=paper.arxiv_id, db_id=paper.db_id)
    stub.abstract = digest
    return stub


def _light(row: Row) -> Row:
    """The row without the paper's names (what comes to the driver)."""
    if row[0] == _PAPER:
        return (_PAPER, row[1][:2], row[2], row[3])
    return row


def _settle(light: list[Row], files: int) -> tuple[list[ReadReport], list[tuple[int, int, str]]]:
    """The reports and the ``(file, order, unique id)`` of the papers used,
    decided in reading order by :class:`coauthor.readers.Intake`."""
    reports: dict[int, ReadReport] = {}
    for row in light:
        if row[0] == _ERROR:
            raise _raised(row[2])
        if row[0] == _REPORT:
            reports[row[1]] = row[2]
    intake = Intake(ReadOptions())
    kept: list[tuple[int, int, str]] = []
    for row in light:
        if row[0] == _PAPER:
            (index, order), stub, keys = row[1], row[2], row[3]
            if intake.settle(stub, reports[index], keys):
                kept.append((index, order, stub.id))
        elif row[0] == _AUTHORLESS:
            intake.authorless.append((row[2], reports[row[1][0]]))
    intake.finish()
    return [reports[i] for i in range(files) if i in reports], kept


def _portable(error: CoauthorError) -> tuple[type[CoauthorError], tuple[str, ...]]:
    """``error`` as what pickles (coauthor's errors take their parts, not the message)."""
    parts = (error.where, error.reason) if isinstance(error, InputError) else (str(error),)
    return type(error), parts


def _raised(portable: tuple[type[CoauthorError], tuple[str, ...]]) -> CoauthorError:
    kind, parts = portable
    return kind(*parts)
