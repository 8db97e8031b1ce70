"""DBLP: ``GET /pid/{pid}.xml``, one person's records in one response.

The output is DBLP XML, not JSON Lines: a ``<dblp>`` document holding each
record element (``<article key=...>``, ``<inproceedings ...>``) as DBLP sent
it, the format the DBLP reader takes. Kept as XML, nothing is lost: the
record key (the paper id), homonym numbers (``Wei Wang 0001``), ORCIDs and
``ee`` links (DOIs, arXiv ids). DBLP has no year filter, so ``--since`` /
``--until`` are applied to ``<year>`` here. Co-authors are the ``pid``
attributes of the records' authors, one person file each.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from coauthor.errors import OptionError
from coauthor.fetch.base import Api, Page, Query, Years
from coauthor.readers.dblp import PAPER_TAGS, decode_entities

_PID = re.compile(r"[\w.-]+(?:/[\w.-]+)+")
_PID_URL = re.compile(r"^https?://(?:www\.)?dblp\.(?:org|uni-trier\.de)/pid/", re.IGNORECASE)
_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=True)


def normalize_pid(value: str) -> str | None:
    """The DBLP person id of a pid or a person page URL; None otherwise.

    >>> normalize_pid("https://dblp.org/pid/k/DonaldEKnuth.html"), normalize_pid("123/4567-1")
    ('k/DonaldEKnuth', '123/4567-1')
    >>> normalize_pid("Donald Knuth") is None
    True
    """
    text = _PID_URL.sub("", value.strip()).strip("/")
    text = re.sub(r"\.(?:html|xml)$", "", text)
    return text if _PID.fullmatch(text) else None


def person_query(pid: str, years: Years = (None, None)) -> Query:
    """The query for one person's records."""
    found = normalize_pid(pid)
    if not found:
        raise OptionError(f"'{pid}': not a DBLP person id (like k/DonaldEKnuth or 123/4567)", option="person")
    return Query(f"/pid/{found}.xml", (), f"person {found}", found, years)


def hop_queries(ids: list[str], years: Years) -> list[Query]:
    """One person file per co-author."""
    return [Query(f"/pid/{pid}.xml", (), f"co-author {pid}", pid, years) for pid in ids]


def parse_page(body: bytes) -> Page:
    """The records of a ``<dblpperson>`` document (``<r>`` children)."""
    try:
        root = etree.fromstring(decode_entities(body), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"malformed XML ({exc})") from exc
    if root.tag != "dblpperson":
        raise ValueError(f"XML that is not a DBLP person file (<{root.tag!s}>)")
    records = [child for r in root.iterchildren("r") for child in r if child.tag in PAPER_TAGS]
    return Page(records, None, len(records))


def record_key(record: Any) -> str | None:
    """The DBLP key (``journals/tkde/Wang0C20``)."""
    key = record.get("key")
    return str(key) if key else None


def record_year(record: Any) -> int | None:
    year = (record.findtext("year") or "").strip()
    return int(year) if year.isdigit() else None


def coauthors(record: Any, person: str | None) -> list[str]:
    """The pids of the record's authors, less ``person``."""
    return [pid for pid in (a.get("pid") for a in record.iterchildren("author")) if pid and pid != person]


def record_xml(record: Any) -> str:
    """The record element as XML text (without the text after it)."""
    return str(etree.tostring(record, encoding="unicode", with_tail=False))


API = Api(
    name="dblp",
    title="DBLP",
    default_url="https://dblp.org",
    parse_page=parse_page,
    key=record_key,
    coauthors=coauthors,
    hop_queries=hop_queries,
    line=record_xml,
    year=record_year,
    header='<?xml version="1.0" encoding="UTF-8"?>\n<dblp>\n',
    footer="</dblp>\n",
)
