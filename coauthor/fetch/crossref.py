"""Crossref: ``GET /works?filter=orcid:...``, ``/members/{id}/works``,
``/journals/{issn}/works`` or ``/works?query=...``, with ``cursor=*``,
``rows=200`` and ``mailto``.

Years become ``from-pub-date`` / ``until-pub-date`` filters. Pages are
followed by ``message.next-cursor`` until a page comes back empty. Each work
is written as it came, one per line: the JSON Lines the Crossref reader
takes. Co-authors are the authors' ORCIDs (Crossref knows no other author
id), asked for 20 at a time (repeated ``orcid:`` filters are OR-ed).

Crossref forgets a cursor 5 minutes after its last use: a page that the
cache does not hold is never asked for with an older cursor; the query is
walked again from its start, past the cache (works already written are
skipped).
"""

from __future__ import annotations

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
from coauthor.readers.jsonworks import as_dict, as_list, normalize_doi, normalize_orcid

ROWS = 200
#: Crossref forgets a cursor 5 minutes after its last use; kept on the safe side.
CURSOR_TTL = 240.0
HOP_BATCH = 20


def works_query(
    orcid: str | None = None,
    member: str | None = None,
    issn: str | None = None,
    query: str | None = None,
    years: Years = (None, None),
) -> Query:
    """The query for one selection (exactly one of them).

    >>> works_query(orcid="0000-0002-1825-0097", years=(None, 2020)).params
    (('filter', 'orcid:0000-0002-1825-0097,until-pub-date:2020'),)
    >>> works_query(member="78").path, works_query(issn="03784371").path
    ('/members/78/works', '/journals/0378-4371/works')
    """
    chosen = [k for k, v in (("orcid", orcid), ("member", member), ("issn", issn), ("query", query)) if v]
    if len(chosen) != 1:
        raise OptionError("give exactly one of --orcid, --member, --issn, --query")
    if orcid:
        found = normalize_orcid(orcid)
        if not found:
            raise OptionError(f"'{orcid}': not a valid ORCID (16 digits, the last one checked)", option="orcid")
        return Query("/works", filter_params([f"orcid:{found}", *_dates(years)]), f"ORCID {found}", found, years)
    if member:
        if not member.strip().isdigit():
            raise OptionError(f"'{member}': a Crossref member id is a number (e.g. 78)", option="member")
        path = f"/members/{member.strip()}/works"
        return Query(path, filter_params(_dates(years)), f"member {member.strip()}", None, years)
    if issn:
        value = normalize_issn(issn)
        if not value:
            raise OptionError(f"'{issn}': not an ISSN (NNNN-NNNX)", option="issn")
        return Query(f"/journals/{value}/works", filter_params(_dates(years)), f"ISSN {value}", None, years)
    text = (query or "").strip()
    return Query("/works", filter_params(_dates(years), query=text), f"query '{text}'", None, years)


def _dates(years: Years) -> list[str]:
    return year_filters(years, "from-pub-date:{:04d}", "until-pub-date:{:04d}")


def hop_queries(ids: list[str], years: Years) -> list[Query]:
    """The works of co-authors with ORCIDs ``ids``, 20 per query."""
    return batch_queries(ids, HOP_BATCH, years, lambda batch: [*(f"orcid:{o}" for o in batch), *_dates(years)])


def parse_page(body: bytes) -> Page:
    """A ``{"status": "ok", "message": {"items": [...], "next-cursor": ...}}`` page."""
    data = load_json(body)
    message = as_dict(data).get("message") if isinstance(data, dict) else None
    if not isinstance(message, dict) or not isinstance(message.get("items"), list):
        raise ValueError("JSON that is not a Crossref works list (no 'message.items')")
    cursor = message.get("next-cursor")
    total = message.get("total-results")
    return json_page(message["items"], cursor, total)


def work_key(work: Any) -> str | None:
    """The DOI, lower-cased."""
    return normalize_doi(as_dict(work).get("DOI"))


def coauthors(work: Any, person: str | None) -> list[str]:
    """The checked ORCIDs of the work's authors, less ``person``."""
    found = (normalize_orcid(as_dict(a).get("ORCID")) for a in as_list(as_dict(work).get("author")))
    return [orcid for orcid in found if orcid and orcid != person]


API = Api(
    name="crossref",
    title="Crossref",
    default_url="https://api.crossref.org",
    parse_page=parse_page,
    key=work_key,
    coauthors=coauthors,
    hop_queries=hop_queries,
    line=json_line,
    cursor_param="cursor",
    cursor_ttl=CURSOR_TTL,
    size_params=(("rows", str(ROWS)),),
    mailto_param=True,
)
