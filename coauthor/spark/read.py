"""Records into a Spark DataFrame of papers (:data:`PAPER_COLUMNS`): the
names as written (inferred authors last), their ORCIDs and author ids, the
year and the reading order, for :mod:`coauthor.spark.resolve`.

What Spark reads, by file (folders: every file inside, Spark's ``_*`` files
left out):

* ``.jsonl`` / ``.json`` / ``.ndjson`` (gzip or bzip2 too), one object per
  line: ``coauthor records`` output (``id``, ``authors``,
  ``inferred_authors``, ``year``, ``author_orcids``, ``author_ids``,
  ``organisations``) through Spark's JSON reader; the arXiv snapshot,
  OpenAlex and Crossref works through coauthor's own parser of one record
  (:mod:`coauthor.readers`), run on the executors as a vectorised pandas UDF;
* ``.parquet``: columns ``id`` (or ``paper_id``), ``authors`` (a list, or
  names joined by the author separator), ``year``, optionally
  ``inferred_authors``, ``author_orcids``, ``author_ids``;
* ``.csv`` / ``.tsv``: ``coauthor records --format csv`` output or any table
  with ``authors`` and ``id`` / ``paper_id`` columns (names split on the
  author separator).

* every other format coauthor reads (BibTeX, RIS, WoS, Scopus, DBLP XML,
  profile pages, CSL-JSON, Crossref or OpenAlex JSON that is not one work
  per line, table exports...): parsed on the executors, one file per task,
  by coauthor's own readers (:mod:`coauthor.spark.parse`), with the same ids,
  merged duplicates and skipped records as the single-machine engine, which
  the reports returned say.

Inputs may also be URIs Spark reads (``hdfs://``, ``s3a://``, ``file://``):
their kind comes from the extension (JSON: ``coauthor records`` output unless
``input_format`` says otherwise). Unlike :func:`coauthor.readers.read_inputs`,
the kinds Spark reads itself merge duplicates only when they share an id.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable, Sequence
from functools import reduce
from pathlib import Path
from typing import Any

import pandas as pd
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.functions import pandas_udf

from coauthor.errors import InputError, OptionError
from coauthor.readers import FORMATS, UNRECOGNISED, ReadOptions, expand_inputs
from coauthor.readers.arxiv import parse_arxiv
from coauthor.readers.base import input_kind, read_head
from coauthor.readers.crossref import parse_crossref
from coauthor.readers.openalex import parse_openalex
from coauthor.records import Paper, ReadReport
from coauthor.spark.parse import read_files

#: The papers: ``authors`` (inferred ones after the first ``written``),
#: ``orcids`` and ``external_ids`` parallel to them (or shorter),
#: ``organisations`` (positions the source marks as organisations), ``year``
#: and ``order`` (the reading order).
PAPER_COLUMNS = ("paper_id", "authors", "written", "orcids", "external_ids", "organisations", "year", "order")
PAPER_SCHEMA = ("paper_id string, authors array<string>, written int, orcids array<string>, "
                "external_ids array<string>, organisations array<int>, year int")  # fmt: skip
RECORDS_SCHEMA = ("id string, authors array<string>, inferred_authors array<string>, year bigint, "
                  "author_orcids array<string>, author_ids array<string>, organisations array<int>")  # fmt: skip
#: One record of these formats -> Paper (or the reason it is skipped).
WORK_PARSERS: dict[str, Callable[[dict[str, Any], str], Paper | str]] = {
    "arxiv": parse_arxiv,
    "openalex": parse_openalex,
    "crossref": parse_crossref,
}
KINDS = ("records", "parquet", "csv", *WORK_PARSERS)
#: Files of this kind are read by coauthor's own readers, on the executors.
DRIVER = "coauthor"
_JSON = (".jsonl", ".json", ".ndjson")
_COMPRESSED = (".gz", ".bz2")


def read_papers(
    spark: SparkSession,
    inputs: Iterable[str | os.PathLike[str]],
    input_format: str | None = None,
    author_sep: str = ";",
    read_options: ReadOptions | None = None,
) -> DataFrame:
    """The papers of ``inputs`` (files or folders) as one DataFrame
    (:data:`PAPER_COLUMNS`). ``input_format``: a format of
    :data:`coauthor.readers.FORMATS` instead of detecting each file's kind.
    ``read_options`` (undated year, owner...) are those of the files read
    by coauthor's readers; :func:`read_with_reports` also says what became
    of their records."""
    return read_with_reports(spark, inputs, input_format, author_sep, read_options)[0]


def read_with_reports(
    spark: SparkSession,
    inputs: Iterable[str | os.PathLike[str]],
    input_format: str | None = None,
    author_sep: str = ";",
    read_options: ReadOptions | None = None,
) -> tuple[DataFrame, list[ReadReport]]:
    """:func:`read_papers` and the read reports of the files read by
    coauthor's readers (none when Spark read every file itself)."""
    groups: dict[str, list[str]] = {}
    named: list[bool] = []  # per file read by coauthor's readers: given by name (else met in a folder)
    inputs = list(inputs)
    for uri in (str(i) for i in inputs if "://" in str(i)):  # hdfs://, s3a://...: read by Spark, kind from the name
        kind = input_format or _kind_from_name(uri)
        groups.setdefault("records" if kind in (None, "json") else kind, []).append(uri)
    for path, explicit in expand_inputs(i for i in inputs if "://" not in str(i)):
        if path.name.startswith("_"):
            continue  # Spark's _SUCCESS and _committed files
        kind = file_kind(path, input_format) if input_kind(path) == "file" else DRIVER
        if kind == DRIVER:
            named.append(explicit)
        groups.setdefault(kind, []).append(str(path.absolute()))
    if not groups:
        raise InputError(", ".join(map(str, inputs)), "no file holds records that coauthor reads")
    frames: list[DataFrame] = []
    reports: list[ReadReport] = []
    for rank, (kind, paths) in enumerate(sorted(groups.items())):
        if kind == DRIVER:
            forced = input_format if input_format not in KINDS else None
            parsed, reports = read_files(spark, paths, read_options or ReadOptions(), forced, named)
            frame = parsed.select(*PAPER_COLUMNS[:-1], _order(rank, F.col("file") * 2**32 + F.col("order")))
        elif kind in WORK_PARSERS:
            frame = _works(spark, paths, kind)
        else:
            frame = _READERS[kind](spark, paths, author_sep)
        if kind != DRIVER:
            frame = frame.withColumn("order", _order(rank, F.monotonically_increasing_id()))
        frames.append(frame.select(*PAPER_COLUMNS))
    if not any(r.format != UNRECOGNISED for r in reports) and set(groups) == {DRIVER}:
        raise InputError(", ".join(map(str, inputs)), "no file holds records that coauthor reads")
    return reduce(DataFrame.unionByName, frames), reports


def _order(rank: int, within: Column) -> Column:
    """The reading order of a paper: its kind's rank (the kinds in name
    order), then its place among that kind's papers."""
    return (F.lit(rank).cast("long") * 2**56 + within.cast("long")).alias("order")


def file_kind(path: Path, forced: str | None = None) -> str:
    """``records``, ``parquet``, ``csv``, ``arxiv``, ``openalex``,
    ``crossref`` (read by Spark) or :data:`DRIVER` (read on the executors by
    coauthor's readers), from the name and the first line."""
    if forced is not None:
        if forced == "csv":
            return table_kind(path)
        if forced in KINDS:
            return forced
        if forced not in FORMATS:
            raise OptionError(f"unknown format '{forced}' (coauthor reads: {', '.join(FORMATS)})")
        return DRIVER
    kind = _kind_from_name(path.name)
    if kind == "csv":
        return table_kind(path)
    found = json_kind(path) if kind == "json" else kind
    return found or DRIVER


def table_kind(path: Path) -> str:
    """``csv`` for a records table Spark reads itself (``id`` or
    ``paper_id``, ``authors`` and ``year`` columns, as ``coauthor records
    --format csv`` writes), else :data:`DRIVER`: an export (IEEE Xplore,
    Scopus, Lens...) whose columns coauthor's table reader maps."""
    first = read_head(path).lstrip("\ufeff").split("\n", 1)[0]
    header = next(csv.reader([first], delimiter="\t" if ".tsv" in path.name.lower() else ","), [])
    columns = {name.strip().lower() for name in header}
    return "csv" if {"authors", "year"} <= columns and columns & {"id", "paper_id"} else DRIVER


def _kind_from_name(name: str) -> str | None:
    """``parquet``, ``csv``, ``json`` or None, from a file name's extension."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] in _COMPRESSED:
        suffixes.pop()
    last = suffixes[-1] if suffixes else ""
    if last == ".parquet":
        return "parquet"
    if last in (".csv", ".tsv"):
        return "csv"
    return "json" if last in _JSON else None


def json_kind(path: Path) -> str | None:
    """The kind of a JSON Lines file, from its first line; None when it is
    not one record per line that Spark reads itself (a JSON document, a
    Crossref ``message``, CSL-JSON...)."""
    first = read_head(path).lstrip().split("\n", 1)[0]
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return None
    if isinstance(record, dict):
        if "authors_parsed" in record:
            return "arxiv"
        if "authorships" in record:
            return "openalex"
        if isinstance(record.get("authors"), list) and "id" in record:
            return "records"
        if "author" in record or "DOI" in record:
            return "crossref"
    return None


def _records(spark: SparkSession, paths: Sequence[str], author_sep: str) -> DataFrame:
    frame = spark.read.schema(RECORDS_SCHEMA).json(list(paths))
    return frame.select(
        F.col("id").alias("paper_id"),
        F.concat(_or_empty(F.col("authors")), _or_empty(F.col("inferred_authors"))).alias("authors"),
        F.size(_or_empty(F.col("authors"))).alias("written"),
        _or_empty(F.col("author_orcids")).alias("orcids"),
        _or_empty(F.col("author_ids")).alias("external_ids"),
        F.coalesce(F.col("organisations"), F.array().cast("array<int>")).alias("organisations"),
        F.col("year").cast("int").alias("year"),
    )


def _parquet(spark: SparkSession, paths: Sequence[str], author_sep: str) -> DataFrame:
    return _table(spark.read.parquet(*paths), author_sep, "Parquet")


def _csv(spark: SparkSession, paths: Sequence[str], author_sep: str) -> DataFrame:
    frames = []
    tabs = [p for p in paths if ".tsv" in p.lower()]
    for sep, chosen in (("\t", tabs), (",", [p for p in paths if p not in tabs])):
        if chosen:
            reader = spark.read.options(header=True, multiLine=True, escape='"', sep=sep)
            frames.append(_table(reader.csv(chosen), author_sep, "CSV"))
    return reduce(DataFrame.unionByName, frames)


def _table(frame: DataFrame, author_sep: str, kind: str) -> DataFrame:
    """Papers from a table with ``id``/``paper_id``, ``authors`` and ``year`` columns."""
    columns = {c.lower(): c for c in frame.columns}
    missing = [c for c in ("authors", "year") if c not in columns]
    ident = columns.get("id") or columns.get("paper_id")
    if missing or ident is None:
        need = ", ".join([*missing, *(["id"] if ident is None else [])])
        raise InputError(kind, f"records table without the column(s) {need}")

    def names(column: str | None) -> Column:
        if column is None:
            return F.array().cast("array<string>")
        value = F.col(column)
        if dict(frame.dtypes)[column].startswith("array"):
            return _or_empty(value)
        parts = F.transform(F.split(F.coalesce(value, F.lit("")), _literal(author_sep)), lambda name: F.trim(name))
        return F.filter(parts, lambda name: name != "")

    def parallel(column: str | None) -> Column:
        """Per author (an ORCID or author id, None where one has none)."""
        if column is None:
            return F.array().cast("array<string>")
        value = F.col(column)
        if dict(frame.dtypes)[column].startswith("array"):
            return _or_empty(value)
        text = F.coalesce(value.cast("string"), F.lit(""))  # a column of none at all reads as numbers
        parts = F.transform(F.split(text, _literal(author_sep)), lambda one: F.trim(one))
        return F.transform(parts, lambda one: F.when(one != "", one))

    return frame.select(
        F.col(ident).cast("string").alias("paper_id"),
        F.concat(names(columns["authors"]), names(columns.get("inferred_authors"))).alias("authors"),
        F.size(names(columns["authors"])).alias("written"),
        parallel(columns.get("author_orcids")).alias("orcids"),
        parallel(columns.get("author_ids")).alias("external_ids"),
        F.array().cast("array<int>").alias("organisations"),
        F.col(columns["year"]).cast("int").alias("year"),
    )


def _works(spark: SparkSession, paths: Sequence[str], kind: str) -> DataFrame:
    """JSON Lines works of ``kind`` parsed by coauthor's own parser of one record."""
    parse = WORK_PARSERS[kind]

    @pandas_udf(PAPER_SCHEMA)  # type: ignore[call-overload]  # stubs lack this form
    def parse_lines(lines: pd.Series) -> pd.DataFrame:
        return pd.DataFrame([_work_row(parse, line) for line in lines], columns=list(PAPER_COLUMNS[:-1]))

    parsed = spark.read.text(list(paths)).select(parse_lines("value").alias("p")).select("p.*")
    return parsed.filter(F.col("paper_id").isNotNull())


def _work_row(parse: Callable[[dict[str, Any], str], Paper | str], line: str) -> tuple[Any, ...]:
    """(id, names, year) of one JSON line, or Nones when it holds no paper."""
    try:
        record = json.loads(line) if line and line.strip() else None
    except json.JSONDecodeError:
        record = None
    paper = parse(record, "spark") if isinstance(record, dict) else None
    if not isinstance(paper, Paper):
        return (None,) * (len(PAPER_COLUMNS) - 1)
    return (paper.id, list(paper.all_authors), len(paper.authors), list(paper.author_orcids or []),
            list(paper.author_ids or []), list(paper.organisations), paper.year)  # fmt: skip


def _or_empty(column: Column) -> Column:
    return F.coalesce(column, F.array().cast("array<string>"))


def _literal(separator: str) -> str:
    """``separator`` as a Java regular expression that matches it literally."""
    return "".join(c if c.isalnum() or c == " " else "\\" + c for c in separator)


_READERS: dict[str, Callable[[SparkSession, Sequence[str], str], DataFrame]] = {
    "records": _records,
    "parquet": _parquet,
    "csv": _csv,
}
