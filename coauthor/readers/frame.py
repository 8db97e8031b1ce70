"""Records as a pandas DataFrame, one row per paper, for notebooks:
:func:`read` gives one, and :func:`papers_from_frame` takes one back (the
library's ``analyze``, ``make_report`` and ``build_graph`` accept it in
place of input files), so papers can be selected or corrected with pandas
between reading and analysing.

>>> import pandas as pd
>>> frame = pd.DataFrame({"title": ["One", "Two"], "authors": [["Ann Lee", "Bo Chen"], "Ann Lee; Cy Diaz"],
...                       "year": [2020, None]})
>>> papers, reports = papers_from_frame(frame)
>>> [(p.authors, p.year) for p in papers]
[(['Ann Lee', 'Bo Chen'], 2020), (['Ann Lee', 'Cy Diaz'], None)]
>>> reports[0].read, reports[0].used
(2, 2)
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import MISSING, fields
from typing import Any

import numpy as np
import pandas as pd

from coauthor.errors import InputError
from coauthor.readers import Intake, ReadOptions, read_inputs
from coauthor.records import Affiliation, Paper, ReadReport, paper_id

#: The name a DataFrame of records goes by in reports and messages.
FRAME = "DataFrame"
#: The report format of a DataFrame of records.
FRAME_FORMAT = "dataframe"
#: A list cell may also be the names joined by this (as ``coauthor records --to csv`` writes them).
LIST_SEPARATOR = ";"


def papers_frame(papers: Iterable[Paper]) -> pd.DataFrame:
    """One row per paper, one column per :class:`~coauthor.records.Paper`
    field, in its order (lists stay Python lists; years, months and days
    are whole numbers, ``<NA>`` where unknown)."""
    frame = pd.DataFrame([paper.to_dict() for paper in papers], columns=[f.name for f in fields(Paper)])
    whole = [f.name for f in fields(Paper) if str(f.type).startswith("int")]
    return frame.astype(dict.fromkeys(whole, "Int64"))


def read(
    inputs: Iterable[str | os.PathLike[str]], options: ReadOptions | None = None, fmt: str | None = None
) -> pd.DataFrame:
    """Read every input (:func:`coauthor.read_inputs`) into a DataFrame of
    records (:func:`papers_frame`), its read reports in ``attrs["reports"]``.

    Parameters
    ----------
    inputs : iterable of str or os.PathLike
        Files or folders, as :func:`coauthor.read_inputs` takes them.
    options : ReadOptions, optional
        How to read them.
    fmt : str, optional
        Read every input as this format (a key of :data:`coauthor.FORMATS`).

    Returns
    -------
    pandas.DataFrame
        One row per paper read (after merging duplicates), one column per
        field of :class:`coauthor.Paper`; ``attrs["reports"]`` holds one
        :class:`coauthor.ReadReport` per file.

    Raises
    ------
    InputError
        For an input that cannot be read (see :func:`coauthor.read_inputs`).
    OptionError
        For a ``fmt`` that is not a known format.

    Examples
    --------
    >>> frame = read(["seeds/"], ReadOptions(undated_year=2026))
    >>> len(frame), frame.loc[0, "authors"][:2], int(frame.loc[0, "year"])
    (65, ['Zhenyi Wang', 'Enneng Yang'], 2023)
    >>> sum(report.used for report in frame.attrs["reports"])
    65
    """
    papers, reports = read_inputs(inputs, options, fmt)
    frame = papers_frame(papers)
    frame.attrs["reports"] = reports
    return frame


def papers_from_frame(
    frame: pd.DataFrame, options: ReadOptions | None = None, name: str = FRAME
) -> tuple[list[Paper], list[ReadReport]]:
    """The papers of a DataFrame of records, as :func:`read` writes one or
    a user builds one: an ``authors`` column (a list of names, or names
    joined by ``;``) and any other :class:`~coauthor.records.Paper` field
    (missing ones take their default; ``id`` defaults to a hash of the
    title and year, ``source`` to ``DataFrame:row N``). Each row goes
    through what every file read goes through (limits, duplicates, names
    of nobody), counted in one report; a row whose cell cannot be read is
    skipped with the reason, a column that is no field is said in the
    report's warnings. InputError without an ``authors`` column."""
    if "authors" not in frame.columns:
        raise InputError(name, "no 'authors' column (the names of each paper, as a list or '; '-joined)")
    report = ReadReport(name, FRAME_FORMAT, read=len(frame))
    known = {f.name for f in fields(Paper)}
    for column in frame.columns:
        if column not in known:
            report.warn(f"column not read: {column} (not a field of a paper)")
    columns = [c for c in frame.columns if c in known]
    papers = []
    for number, row in enumerate(frame[columns].to_dict("records"), start=1):
        where = f"{name}:row {number}"
        try:
            papers.append(_paper(row, where))
        except ValueError as exc:
            report.skip(str(exc), where)
    intake = Intake(options or ReadOptions())
    intake.take(papers, report)
    return intake.finish(), [report]


def _paper(row: dict[str, Any], where: str) -> Paper:
    values: dict[str, Any] = {}
    for spec in fields(Paper):
        if spec.name in row and not _missing(row[spec.name]):
            values[spec.name] = _cell(spec.name, str(spec.type), row[spec.name])
        elif spec.default is not MISSING:
            values[spec.name] = spec.default
        elif spec.default_factory is not MISSING:
            values[spec.name] = spec.default_factory()
    values.setdefault("title", "")
    values.setdefault("year", None)
    values.setdefault("source", where)
    values.setdefault("authors", [])
    values.setdefault("id", paper_id(values["title"], values["year"]))
    return Paper(**values)


def _cell(name: str, kind: str, value: Any) -> Any:
    """``value`` as the field ``name`` of type ``kind`` holds it;
    ValueError naming the column where it cannot be."""
    for prefix, convert in _CONVERTERS:
        if kind.startswith(prefix):
            try:
                return convert(value)
            except (TypeError, ValueError):
                raise ValueError(f"column {name}: {value!r} is not {_KIND_WORDS[prefix]}") from None
    return value


def _missing(value: Any) -> bool:
    """NaN, None or pandas' NA (a list or array is never missing)."""
    if isinstance(value, list | tuple | np.ndarray):
        return False
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]
    if isinstance(value, Sequence | np.ndarray):
        return [str(item) for item in value if not _missing(item)]
    raise TypeError(value)


def _optional_texts(value: Any) -> list[str | None]:
    items = value.split(LIST_SEPARATOR) if isinstance(value, str) else list(value)
    return [None if _missing(item) or not str(item).strip() else str(item).strip() for item in items]


def _integer(value: Any) -> int:
    number = float(value)
    if not number.is_integer():
        raise ValueError(value)
    return int(number)


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        if value.strip().lower() not in ("true", "false", "1", "0", ""):
            raise ValueError(value)
        return value.strip().lower() in ("true", "1")
    return bool(value)


def _affiliation(value: Any) -> Affiliation:
    """An Affiliation, or the dict :meth:`Paper.to_dict` makes of one."""
    if isinstance(value, Affiliation):
        return value
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return Affiliation(value["name"], value.get("ror") or None, value.get("country") or None)
    raise ValueError(value)


def _affiliations(value: Any) -> tuple[Affiliation, ...]:
    return tuple(_affiliation(item) for item in value)


#: Field type (as annotated on Paper) -> how a cell is read into it; the
#: first prefix that matches is used.
_CONVERTERS: list[tuple[str, Callable[[Any], Any]]] = [
    ("tuple[tuple[Affiliation", lambda value: tuple(_affiliations(group) for group in value)),
    ("tuple[Affiliation", _affiliations),
    ("list[str | None]", _optional_texts),
    ("list[str]", _names),
    ("tuple[int", lambda value: tuple(_integer(v) for v in value)),
    ("int", _integer),
    ("float", float),
    ("bool", _flag),
    ("str", str),
]
_KIND_WORDS = {
    "tuple[tuple[Affiliation": "a list of affiliation lists (name, ror, country), one per author",
    "tuple[Affiliation": "a list of affiliations (name, ror, country)",
    "list[str | None]": "a list of texts",
    "list[str]": "a list of names",
    "tuple[int": "a list of positions",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "str": "a text",
}
