"""OpenAlex: ``GET /works?filter=...&cursor=*&per-page=200&mailto=...``.

One selection: ``author`` (an ORCID, filter ``authorships.author.orcid``, or
an author id ``A…``, filter ``author.id``), ``institution`` (a ROR id,
``institutions.ror``, or ``I…``, ``institutions.id``), ``source`` (an ISSN,
``primary_location.source.issn``, or ``S…``, ``primary_location.source.id``)
or ``search`` (full-text ``search=``); years become
``from_publication_date`` / ``to_publication_date``. Pages are followed by
``meta.next_cursor``. Each work is written as it came, one per line: the
JSON Lines the OpenAlex reader takes. Co-authors are the authors' ``A…`` ids,
asked for 50 at a time (``author.id:A1|A2|...``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from coauthor.errors import OptionError
from coauthor.fetch.base import (
    Api,
    Page,
    Query,
    Years,
    batch_queries,
    filter_params,
    json_line,
    json_page,
    load_json,
    normalize_issn,
    year_filters,
)
from coauthor.readers.jsonworks import as_dict, as_list, normalize_orcid
from coauthor.readers.openalex import short_id

PER_PAGE = 200
HOP_BATCH = 50
_ROR = re.compile(r"^(?:https?://)?(?:www\.)?(?:ror\.org/)?(0[a-z0-9]{6}[0-9]{2})/?$", re.IGNORECASE)


def works_query(
    author: str | None = None,
    institution: str | None = None,
    source: str | None = None,
    search: str | None = None,
    years: Years = (None, None),
) -> Query:
    """The query for one selection (exactly one of them).

    >>> works_query(author="https://orcid.org/0000-0002-1825-0097", years=(2010, None)).params
    (('filter', 'authorships.author.orcid:0000-0002-1825-0097,from_publication_date:2010-01-01'),)
    >>> works_query(institution="https://ror.org/02nr0ka47").params
    (('filter', 'institutions.ror:02nr0ka47'),)
    """
    chosen = [(k, v) for k, v in (("author", author), ("institution", institution), ("source", source),
                                  ("search", search)) if v]  # fmt: skip
    if len(chosen) != 1:
        raise OptionError("give exactly one of --author, --institution, --source, --search")
    kind, value = chosen[0][0], chosen[0][1].strip()
    if kind == "search":
        return Query("/works", filter_params(_dates(years), search=value), f"search '{value}'", None, years)
    name, person = _selection(kind, value)
    return Query("/works", filter_params([name, *_dates(years)]), f"{kind} {value}", person, years)


def _selection(kind: str, value: str) -> tuple[str, str | None]:
    """The filter of an author, institution or source and the seed person
    (the author's ORCID or id; None for the others)."""
    normalize, standard, letter, native, what = _SELECTIONS[kind]
    for found, name in ((normalize(value), standard), (short_id(value, letter), native)):
        if found:
            return f"{name}:{found}", found if kind == "author" else None
    raise OptionError(f"'{value}': not {what}", option=kind)


def _ror(value: str) -> str | None:
    ror = _ROR.match(value)
    return ror.group(1).lower() if ror else None


#: For each selection but ``search``: how its standard id is read and the
#: filter it goes in, the letter and filter of its OpenAlex id, and what the
#: error says it is not.
_SELECTIONS: dict[str, tuple[Callable[[str], str | None], str, str, str, str]] = {
    "author": (normalize_orcid, "authorships.author.orcid", "A", "author.id",
               "an ORCID nor an OpenAlex author id (A…)"),
    "institution": (_ror, "institutions.ror", "I", "institutions.id",
                    "a ROR id nor an OpenAlex institution id (I…)"),
    "source": (normalize_issn, "primary_location.source.issn", "S", "primary_location.source.id",
               "an ISSN nor an OpenAlex source id (S…)"),
}  # fmt: skip


def _dates(years: Years) -> list[str]:
    return year_filters(years, "from_publication_date:{:04d}-01-01", "to_publication_date:{:04d}-12-31")


def hop_queries(ids: list[str], years: Years) -> list[Query]:
    """The works of co-authors ``ids``, 50 per query (OR-ed ``author.id``)."""
    return batch_queries(ids, HOP_BATCH, years, lambda batch: ["author.id:" + "|".join(batch), *_dates(years)])


def parse_page(body: bytes) -> Page:
    """A ``{"meta": {...}, "results": [...]}`` page."""
    data = load_json(body)
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise ValueError("JSON that is not an OpenAlex works page (no 'results' list)")
    meta = as_dict(data.get("meta"))
    cursor = meta.get("next_cursor")
    count = meta.get("count")
    return json_page(data["results"], cursor, count)


def work_key(work: Any) -> str | None:
    """The work id ``W…``."""
    return short_id(as_dict(work).get("id"), "W")


def coauthors(work: Any, person: str | None) -> list[str]:
    """The ``A…`` ids of the work's authors, less ``person`` (id or ORCID)."""
    found = []
    for authorship in map(as_dict, as_list(as_dict(work).get("authorships"))):
        author = as_dict(authorship.get("author"))
        author_id = short_id(author.get("id"), "A")
        if author_id and person not in (author_id, normalize_orcid(author.get("orcid"))):
            found.append(author_id)
    return found


API = Api(
    name="openalex",
    title="OpenAlex",
    default_url="https://api.openalex.org",
    parse_page=parse_page,
    key=work_key,
    coauthors=coauthors,
    hop_queries=hop_queries,
    line=json_line,
    cursor_param="cursor",
    size_params=(("per-page", str(PER_PAGE)),),
    mailto_param=True,
)
