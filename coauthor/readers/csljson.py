"""Reader for CSL-JSON items (Zotero, Pandoc, citeproc), as a list, one
object or JSON Lines.

Names are ``{"given", "dropping-particle", "non-dropping-particle", "family",
"suffix"}`` or ``{"literal"}``; the date is ``issued`` (``date-parts``, else
``raw`` / ``literal`` text). The CSL ``id`` is a local citation key, so the
paper's id is its DOI, else the usual title-and-year id.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from coauthor.readers.base import Format, ReadOptions
from coauthor.readers.crossref import sniff_crossref
from coauthor.readers.jsonworks import (
    WorkAuthor,
    as_dict,
    as_list,
    build_paper,
    clean_title,
    date_parts,
    has_key,
    join_name,
    looks_like_json,
    normalize_doi,
    read_works,
)
from coauthor.records import Paper, ReadReport

_NAME_LIST = re.compile(r'"(?:author|editor)"\s*:\s*\[\s*\{\s*"(?:family|given|literal)"')


def sniff_csl_json(head: str) -> bool:
    """True for CSL-JSON: a ``type`` key with an ``issued`` date or a CSL
    name list, and none of the Crossref, OpenAlex or arXiv keys."""
    if not looks_like_json(head) or sniff_crossref(head) or has_key(head, "authorships", "authors_parsed"):
        return False
    return has_key(head, "type") and (has_key(head, "issued") or bool(_NAME_LIST.search(head)))


def csl_name(person: dict[str, Any]) -> str:
    """The name as written: ``literal``, else given, particles, family, suffix.

    >>> csl_name({"given": "Ludwig", "dropping-particle": "van", "family": "Beethoven"})
    'Ludwig van Beethoven'
    >>> csl_name({"literal": "World Health Organization"})
    'World Health Organization'
    """
    parts = ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")
    return join_name(person.get("literal")) or join_name(*(person.get(part) for part in parts))


def parse_csl(item: dict[str, Any], where: str) -> Paper | str:
    """One CSL item as a Paper, or the reason it is skipped."""
    people = [as_dict(person) for person in as_list(item.get("author"))]
    authors = [WorkAuthor(csl_name(p), organisation=bool(join_name(p.get("literal")))) for p in people]
    return build_paper(
        where,
        clean_title(item.get("title")),
        authors,
        date_parts(item.get("issued")),
        doi=normalize_doi(item.get("DOI")),
    )


def read_csl_json(path: Path, options: ReadOptions) -> tuple[list[Paper], ReadReport]:
    """Read a CSL-JSON file (list, object or JSON Lines, maybe compressed)."""
    return read_works(path, "csl-json", parse_csl)


FORMAT = Format(
    "csl-json",
    "CSL-JSON items (Zotero, Pandoc, citeproc exports)",
    sniff_csl_json,
    read_csl_json,
)
