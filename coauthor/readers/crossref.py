"""Reader for Crossref REST API works (``api.crossref.org/works``).

Accepted shapes (:func:`~coauthor.readers.jsonworks.works_in`): one work
object, a ``{"message": work}`` response, a ``{"message": {"items": [...]}}``
list response, the saved ``message`` alone (``{"items": [...]}``), a bare
list of works, or JSON Lines of any of these. Authors are ``{"given", "family", "suffix", "ORCID",
"sequence"}`` or organisations ``{"name"}``; the paper's id is its DOI.
Each author's ``affiliation[]`` gives the institution (the part of the
``name`` naming an organisation, its last part the country) and the ROR id
of its ``id[]`` when one is there.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from coauthor.readers.affiliations import parse_address, ror_id
from coauthor.readers.base import Format, ReadOptions
from coauthor.readers.jsonworks import (
    WorkAuthor,
    as_dict,
    as_list,
    build_paper,
    clean_title,
    date_parts,
    first_date,
    has_key,
    join_name,
    looks_like_json,
    normalize_doi,
    normalize_orcid,
    read_works,
)
from coauthor.records import Affiliation, Paper, ReadReport

#: Date fields tried in turn for the year (``published`` is the union of
#: print and online that newer responses carry).
DATE_FIELDS = ("issued", "published", "published-print", "published-online", "created")
_SEQUENCE = re.compile(r'"sequence"\s*:\s*"(?:first|additional)"')
_MESSAGE_TYPE = re.compile(r'"message-type"\s*:\s*"work')


def sniff_crossref(head: str) -> bool:
    """True for Crossref works: a ``message-type`` of work(s), or a ``DOI``
    key next to a Crossref-only key (``reference-count``, ``member``, an
    author ``sequence``, an ``ORCID``), and no OpenAlex or arXiv keys."""
    if not looks_like_json(head) or has_key(head, "authorships", "authors_parsed"):
        return False
    if _MESSAGE_TYPE.search(head):
        return True
    crossref_only = has_key(head, "reference-count", "is-referenced-by-count", "member", "ORCID")
    return has_key(head, "DOI") and (crossref_only or bool(_SEQUENCE.search(head)))


def author_name(person: dict[str, Any]) -> str:
    """The name as written: ``given family suffix``, else the organisation's
    ``name``.

    >>> author_name({"given": "Donald", "family": "Hora", "suffix": "Jr."})
    'Donald Hora Jr.'
    >>> author_name({"name": "Concrete Technology Associates"})
    'Concrete Technology Associates'
    """
    return join_name(person.get("given"), person.get("family"), person.get("suffix")) or join_name(person.get("name"))


def is_organisation(person: dict[str, Any]) -> bool:
    """True for an organisation author: a ``name`` and no ``family``.

    >>> is_organisation({"name": "Concrete Technology Associates"}), is_organisation({"family": "Lee"})
    (True, False)
    """
    return not join_name(person.get("family")) and bool(join_name(person.get("name")))


def parse_crossref(work: dict[str, Any], where: str) -> Paper | str:
    """One Crossref work as a Paper, or the reason it is skipped."""
    authors = [
        WorkAuthor(
            author_name(person),
            normalize_orcid(person.get("ORCID")),
            organisation=is_organisation(person),
            affiliations=crossref_affiliations(person),
        )
        for person in map(as_dict, as_list(work.get("author")))
    ]
    doi = normalize_doi(work.get("DOI"))
    date = first_date(*(date_parts(work.get(key)) for key in DATE_FIELDS))
    venue = clean_title(work.get("container-title")) or None
    return build_paper(where, clean_title(work.get("title")), authors, date, doi=doi, venue=venue)


def crossref_affiliations(person: dict[str, Any]) -> tuple[Affiliation, ...]:
    """The affiliations of one Crossref author.

    >>> crossref_affiliations({"affiliation": [{"name": "Open Universiteit, Heerlen, NL",
    ...     "id": [{"id": "https://ror.org/018dfmf50", "id-type": "ROR"}]}]})
    (Affiliation(name='Open Universiteit', ror='018dfmf50', country='NL'),)
    """
    found: list[Affiliation] = []
    for entry in map(as_dict, as_list(person.get("affiliation"))):
        ids = [as_dict(i) for i in as_list(entry.get("id"))]
        ror = next((ror_id(i.get("id")) for i in ids if str(i.get("id-type", "")).upper() == "ROR"), None)
        name = entry.get("name")
        affiliation = parse_address(name, ror=ror, codes=True) if isinstance(name, str) else None
        if affiliation is not None:
            found.append(affiliation)
    return tuple(dict.fromkeys(found))


def read_crossref(path: Path, options: ReadOptions) -> tuple[list[Paper], ReadReport]:
    """Read a file of Crossref works (JSON or JSON Lines, maybe compressed)."""
    return read_works(path, "crossref", parse_crossref)


FORMAT = Format(
    "crossref",
    "Crossref REST API works (JSON response, list or JSON Lines)",
    sniff_crossref,
    read_crossref,
)
