"""Records into a Spark DataFrame of papers: ``paper_id``, ``authors`` (the
names as written, inferred authors last) and ``year``.

What Spark reads, by file (folders: every file inside, Spark's ``_*`` files
left out):

* ``.jsonl`` / ``.json`` / ``.ndjson`` (gzip or bzip2 too), one object per
  line: ``coauthor records`` output (``id``, ``authors``,
  ``inferred_authors``, ``year``) through Spark's JSON reader; the arXiv
  snapshot, OpenAlex and Crossref works through coauthor's own parser of one
  record (:mod:`coauthor.readers`), run on the executors as a vectorised
  pandas UDF;
* ``.parquet``: columns ``id`` (or ``paper_id``), ``authors`` (a list, or
  names joined by the author separator), ``year``, optionally
  ``inferred_authors``;
* ``.csv`` / ``.tsv``: ``coauthor records --format csv`` output or any table
  with ``authors`` and ``id`` / ``paper_id`` columns (names split on the
  author separator).

Inputs may also be URIs Spark reads (``hdfs://``, ``s3a://``, ``file://``):
their kind comes from the extension (JSON: ``coauthor records`` output unless
``input_format`` says otherwise). Unlike :func:`coauthor.readers.read_inputs`,
duplicates are merged only when they share an id; other formats need
converting first (``coauthor records FILE -o papers.jsonl``).
"""

from __future__ import annotations

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
from coauthor.readers import expand_inputs
from coauthor.readers.arxiv import parse_arxiv
from coauthor.readers.base import read_head
from coauthor.readers.crossref import parse_crossref
from coauthor.readers.openalex import parse_openalex
from coauthor.records import Paper

PAPER_COLUMNS = ("paper_id", "authors", "year")
RECORDS_SCHEMA = "id string, authors array<string>, inferred_authors array<string>, year bigint"
#: One record of these formats -> Paper (or the reason it is skipped).
WORK_PARSERS: dict[str, Callable[[dict[str, Any], str], Paper | str]] = {
    "arxiv": parse_arxiv,
    "openalex": parse_openalex,
    "crossref": parse_crossref,
}
KINDS = ("records", "parquet", "csv", *WORK_PARSERS)
_JSON = (".jsonl", ".json", ".ndjson")
_COMPRESSED = (".gz", ".bz2")
CONVERT_HINT = "convert it first: coauthor records FILE -o papers.jsonl"


def read_papers(
    spark: SparkSession,
    inputs: Iterable[str | os.PathLike[str]],
    input_format: str | None = None,
    author_sep: str = ";",
) -> DataFrame:
    """The papers of ``inputs`` (files or folders) as one DataFrame
    (:data:`PAPER_COLUMNS`). ``input_format``: ``csv``, ``arxiv``,
    ``openalex`` or ``crossref`` instead of detecting each file's kind."""
    groups: dict[str, list[str]] = {}
    inputs = list(inputs)
    for uri in (str(i) for i in inputs if "://" in str(i)):  # hdfs://, s3a://...: read by Spark, kind from the name
        kind = input_format or _kind_from_name(uri)
        groups.setdefault("records" if kind in (None, "json") else kind, []).append(uri)
    for path, explicit in expand_inputs(i for i in inputs if "://" not in str(i)):
        if path.name.startswith("_"):
            continue  # Spark's _SUCCESS and _committed files
        kind = file_kind(path, input_format)
        if kind is None:
            if explicit:
                raise InputError(str(path), f"--engine spark reads JSON Lines, Parquet or CSV records; {CONVERT_HINT}")
            continue
        groups.setdefault(kind, []).append(str(path.absolute()))
    if not groups:
        raise InputError(", ".join(map(str, inputs)), f"no JSON Lines, Parquet or CSV records found; {CONVERT_HINT}")
    frames = [
        _works(spark, paths, kind) if kind in WORK_PARSERS else _READERS[kind](spark, paths, author_sep)
        for kind, paths in sorted(groups.items())
    ]
    return reduce(DataFrame.unionByName, frames)


def file_kind(path: Path, forced: str | None = None) -> str | None:
    """``records``, ``parquet``, ``csv``, ``arxiv``, ``openalex``, ``crossref``
    or None (not something Spark reads), from the name and the first line."""
    if forced is not None:
        if forced not in KINDS:
            raise OptionError(f"--engine spark reads {', '.join(KINDS[1:])} or coauthor records, not {forced}")
        return forced
    kind = _kind_from_name(path.name)
    return json_kind(path) if kind == "json" else kind


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


def json_kind(path: Path) -> str:
    """The kind of a JSON Lines file, from its first line."""
    first = read_head(path).lstrip().split("\n", 1)[0]
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        raise InputError(f"{path}:1", f"not JSON Lines (one object per line); {CONVERT_HINT}") from None
    if isinstance(record, dict):
        if "authors_parsed" in record:
            return "arxiv"
        if "authorships" in record:
            return "openalex"
        if isinstance(record.get("authors"), list) and "id" in record:
            return "records"
        if "author" in record or "DOI" in record:
            return "crossref"
    raise InputError(f"{path}:1", f"not coauthor, arXiv, OpenAlex or Crossref records; {CONVERT_HINT}")


def _records(spark: SparkSession, paths: Sequence[str], author_sep: str) -> DataFrame:
    frame = spark.read.schema(RECORDS_SCHEMA).json(list(paths))
    return frame.select(
        F.col("id").alias("paper_id"),
        F.concat(_or_empty(F.col("authors")), _or_empty(F.col("inferred_authors"))).alias("authors"),
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

    return frame.select(
        F.col(ident).cast("string").alias("paper_id"),
        F.concat(names(columns["authors"]), names(columns.get("inferred_authors"))).alias("authors"),
        F.col(columns["year"]).cast("int").alias("year"),
    )


def _works(spark: SparkSession, paths: Sequence[str], kind: str) -> DataFrame:
    """JSON Lines works of ``kind`` parsed by coauthor's own parser of one record."""
    parse = WORK_PARSERS[kind]

    @pandas_udf("paper_id string, authors array<string>, year int")  # type: ignore[call-overload]  # stubs lack this form
    def parse_lines(lines: pd.Series) -> pd.DataFrame:
        return pd.DataFrame([_work_row(parse, line) for line in lines], columns=list(PAPER_COLUMNS))

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
        return (None, None, None)
    return (paper.id, list(paper.all_authors), paper.year)


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
