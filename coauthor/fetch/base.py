"""What an API module gives the fetch engine: :class:`Api` (how to page,
parse and write its works), :class:`Query` (one request series) and
:class:`Page` (one parsed response).

Each API module (``openalex``, ``crossref``, ``dblp``) builds its queries
and defines one ``API``; paging, retries, the cache, resuming and writing
are shared (:mod:`coauthor.fetch.engine`).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Years = tuple[int | None, int | None]
_ISSN = re.compile(r"^([0-9]{4})-?([0-9]{3}[0-9X])$", re.IGNORECASE)


@dataclass(frozen=True)
class Query:
    """One series of pages: ``path`` (below the base URL) and ``params``.

    ``label`` names it for people (``author A123``); ``person`` is the seed
    person's id, left out of the co-authors; ``years`` is its publication
    year range (the hop queries get the same; the engine applies it itself
    for an API that cannot filter by year, one with ``Api.year``).
    """

    path: str
    params: tuple[tuple[str, str], ...] = ()
    label: str = ""
    person: str | None = None
    years: Years = (None, None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (for the state file)."""
        return {
            "path": self.path,
            "params": [list(p) for p in self.params],
            "label": self.label,
            "person": self.person,
            "years": list(self.years),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Query:
        """The query :meth:`to_dict` wrote.

        >>> q = Query("/works", (("filter", "author.id:A1"),), "author A1", "A1", (2000, None))
        >>> Query.from_dict(json.loads(json.dumps(q.to_dict()))) == q
        True
        """
        years = data.get("years") or [None, None]
        return cls(
            path=data["path"],
            params=tuple((str(k), str(v)) for k, v in data.get("params", [])),
            label=data.get("label", ""),
            person=data.get("person"),
            years=(years[0], years[1]),
        )


@dataclass(frozen=True)
class Page:
    """One parsed response: its works, the cursor of the next page (None at
    the end) and the total the API announces (None when it does not)."""

    items: list[Any]
    next_cursor: str | None = None
    total: int | None = None


@dataclass(frozen=True)
class Api:
    """How the engine talks to one API and writes what it gets.

    ``parse_page(body)`` raises ValueError when the body is not the expected
    shape; ``key(work)`` is the work's id (duplicates are written once);
    ``coauthors(work, person)`` the ids of its authors other than ``person``
    that a hop query can ask for; ``hop_queries(ids, years)`` the queries for
    the works of those co-authors; ``line(work)`` the text written for it,
    between ``header`` and ``footer``; ``year(work)``, only for an API that
    cannot filter by year itself, the work's year (``Query.years`` is then
    applied by the engine). ``cursor_ttl``: seconds after which the API
    forgets a cursor (a page never fetched past it is then asked for again
    from the start, past the cache).
    """

    name: str
    title: str
    default_url: str
    parse_page: Callable[[bytes], Page]
    key: Callable[[Any], str | None]
    coauthors: Callable[[Any, str | None], list[str]]
    hop_queries: Callable[[list[str], Years], list[Query]]
    line: Callable[[Any], str]
    year: Callable[[Any], int | None] | None = None
    cursor_param: str | None = None
    cursor_ttl: float | None = None
    size_params: tuple[tuple[str, str], ...] = ()
    mailto_param: bool = False
    header: str = ""
    footer: str = ""

    @property
    def url_env(self) -> str:
        """The environment variable that overrides the base URL."""
        return f"COAUTHOR_{self.name.upper()}_URL"

    def base_url(self, override: str | None = None) -> str:
        """``override``, else ``$COAUTHOR_<NAME>_URL``, else the public API."""
        return (override or os.environ.get(self.url_env) or self.default_url).rstrip("/")

    def params(self, query: Query, cursor: str | None, mailto: str | None) -> dict[str, str]:
        """The query's parameters plus paging and ``mailto``."""
        params = dict(self.size_params)
        params.update(query.params)
        if self.cursor_param:
            params[self.cursor_param] = cursor or "*"
        if self.mailto_param and mailto:
            params["mailto"] = mailto
        return params


def json_line(work: Any) -> str:
    """One work as a line of JSON Lines (UTF-8, compact, keys in the API's order).

    >>> json_line({"title": "Ünïcode", "n": 1})
    '{"title":"Ünïcode","n":1}'
    """
    return json.dumps(work, ensure_ascii=False, separators=(",", ":"))


def load_json(body: bytes) -> Any:
    """The JSON document of a response body; ValueError when it is not JSON."""
    try:
        return json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise ValueError(f"malformed JSON ({exc})") from exc


def json_page(items: list[Any], cursor: object, total: object) -> Page:
    """A page of ``items`` with the next ``cursor`` and the ``total`` as a
    JSON response gave them: a cursor that is not a non-empty string, or a
    total that is not a whole number, is None.

    >>> json_page([], "", "12")
    Page(items=[], next_cursor=None, total=None)
    """
    return Page(items, cursor if isinstance(cursor, str) and cursor else None,
                total if isinstance(total, int) else None)  # fmt: skip


def year_filters(years: Years, since: str, until: str) -> list[str]:
    """The filters of a year range: ``since`` and ``until`` (format strings
    of the year) for the ends that are set.

    >>> year_filters((2010, None), "from:{:04d}", "until:{:04d}")
    ['from:2010']
    """
    first, last = years
    return ([since.format(first)] if first is not None else []) + ([until.format(last)] if last is not None else [])


def batch_queries(ids: list[str], size: int, years: Years, filters: Callable[[list[str]], list[str]]) -> list[Query]:
    """The ``/works`` of co-authors ``ids``, one query per ``size`` of them
    (:func:`hop_batches`) with the filters ``filters(batch)``."""
    return [
        Query("/works", filter_params(filters(batch)), label, None, years) for label, batch in hop_batches(ids, size)
    ]


def hop_batches(ids: list[str], size: int) -> list[tuple[str, list[str]]]:
    """``ids`` in lists of at most ``size``, each with a label for progress.

    >>> hop_batches(["a", "b", "c"], 2)
    [('co-authors 1-2 of 3', ['a', 'b']), ('co-authors 3-3 of 3', ['c'])]
    """
    return [
        (f"co-authors {start + 1}-{min(start + size, len(ids))} of {len(ids)}", ids[start : start + size])
        for start in range(0, len(ids), size)
    ]


def filter_params(filters: list[str], **extra: str) -> tuple[tuple[str, str], ...]:
    """``filter=a,b`` (when there are filters) and the ``extra`` parameters.

    >>> filter_params(["x:1", "y:2"], search="graphs")
    (('filter', 'x:1,y:2'), ('search', 'graphs'))
    """
    params = [("filter", ",".join(filters))] if filters else []
    return (*params, *extra.items())


def normalize_issn(value: str) -> str | None:
    """``NNNN-NNNX`` from an ISSN with or without its hyphen; None otherwise.

    >>> normalize_issn("0378437x"), normalize_issn("12-34")
    ('0378-437X', None)
    """
    match = _ISSN.match(value.strip())
    return f"{match.group(1)}-{match.group(2).upper()}" if match else None
