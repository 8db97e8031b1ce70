"""The limits that keep a hostile or broken input from taking the machine
down, and :func:`clean_paper`, which every paper read passes through.

Each limit has a default and can be changed with ``--limit NAME=VALUE``
(``0``: no limit); :data:`LIMIT_HELP` says what each bounds. What the text of
a paper may hold is decided once, here: lone surrogates and the code points
XML 1.0 cannot hold become U+FFFD, C0 control characters other than tab and
newline are dropped, fields and names past their limit are cut, and years
outside ``MIN_YEAR..MAX_YEAR`` are dropped; each with a warning counted in
the file's report. Every writer then gets valid Unicode and XML 1.0.

>>> Limits.parse(["name=80"]).name
80
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields

from coauthor.errors import OptionError
from coauthor.records import Affiliation, Paper, ReadReport

#: Years a paper can have; others are taken as no year (a hostile ``99999``
#: would make 20,000 empty five-year slices).
MIN_YEAR, MAX_YEAR = 1000, 2999


@dataclass(frozen=True)
class Limits:
    """How much of an input coauthor accepts (0: no limit)."""

    #: characters of one field (title, abstract, venue...); longer ones are cut
    field: int = 65_536
    #: characters of one author name; longer ones are cut
    name: int = 300
    #: bytes a compressed input may decompress to
    decompressed: int = 16 << 30
    #: decompressed / compressed bytes, checked past 64 MiB of output
    ratio: int = 200
    #: characters one BibTeX @string macro or field may expand to
    macro: int = 1 << 20
    #: bytes of one HTTP response body (coauthor fetch)
    response: int = 256 << 20

    @classmethod
    def parse(cls, items: Iterable[str]) -> Limits:
        """Limits from ``NAME=VALUE`` items (``--limit``); OptionError naming
        the bad item."""
        known = {f.name for f in fields(cls)}
        values: dict[str, int] = {}
        for item in items:
            name, _, text = item.partition("=")
            if name not in known:
                raise OptionError(
                    f"{item}: unknown limit '{name}' (limits: {', '.join(sorted(known))})", option="limits"
                )
            if not text.isdigit():
                raise OptionError(
                    f"{item}: expected {name}=N with N a whole number >= 0 (0: no limit)", option="limits"
                )
            values[name] = int(text)
        return dataclasses.replace(cls(), **values)


LIMIT_HELP = "; ".join(f"{f.name} (default {f.default:,})" for f in fields(Limits))

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")
_INVALID = re.compile("[\ud800-\udfff\ufffe\uffff]")

#: Paper fields holding one text each, and those holding a list of texts.
_TEXT_FIELDS = ("id", "title", "source", "category", "affiliation", "abstract", "doi", "arxiv_id", "venue",
                "volume", "issue", "pages")  # fmt: skip
_NAME_FIELDS = ("authors", "inferred_authors")
_LIST_FIELDS = ("author_orcids", "author_ids", "also_in")


def safe_text(text: str, report: ReadReport, limit: int, what: str) -> str:
    """``text`` with invalid code points replaced, control characters
    dropped and cut to ``limit`` characters (0: any length), each change
    counted as a warning in ``report``.

    >>> report = ReadReport("a.json", "crossref")
    >>> safe_text("Ann\\x0b Lee\\ud800", report, 300, "name")
    'Ann Lee\\ufffd'
    >>> sorted(report.warnings)
    ['control characters dropped', 'invalid characters replaced by U+FFFD']
    """
    if _UNSAFE.search(text):
        if _CONTROL.search(text):
            text = _CONTROL.sub("", text)
            report.warn("control characters dropped")
        if _INVALID.search(text):
            text = _INVALID.sub("\ufffd", text)
            report.warn("invalid characters replaced by U+FFFD")
    if limit and len(text) > limit:
        report.warn(f"{what} longer than {limit:,} characters cut (--limit {what}=N)")
        text = text[:limit]
    return text


def _unsafe(value: object, limit: int) -> bool:
    return type(value) is str and ((limit and len(value) > limit) or _UNSAFE.search(value) is not None)


def clean_paper(paper: Paper, report: ReadReport, limits: Limits) -> None:
    """Make ``paper`` safe for every writer, in place (see the module)."""
    for name in _TEXT_FIELDS:
        value = getattr(paper, name)
        if _unsafe(value, limits.field):
            setattr(paper, name, safe_text(value, report, limits.field, "field"))
    for names, limit, what in (*((getattr(paper, n), limits.name, "name") for n in _NAME_FIELDS),
                               *((getattr(paper, n), limits.field, "field") for n in _LIST_FIELDS)):  # fmt: skip
        for i, value in enumerate(names):
            if _unsafe(value, limit):
                names[i] = safe_text(value, report, limit, what)
    if paper.author_affiliations or paper.unlinked_affiliations:
        _clean_affiliations(paper, report, limits.field)
    if paper.year is not None and not MIN_YEAR <= paper.year <= MAX_YEAR:
        report.warn(f"year outside {MIN_YEAR}-{MAX_YEAR} dropped", paper.source)
        paper.year = None


def _clean_affiliations(paper: Paper, report: ReadReport, limit: int) -> None:
    """The affiliation names of ``paper`` made safe, as the other fields."""

    def safe(affiliation: Affiliation) -> Affiliation:
        if not _unsafe(affiliation.name, limit):
            return affiliation
        return dataclasses.replace(affiliation, name=safe_text(affiliation.name, report, limit, "field"))

    paper.author_affiliations = tuple(tuple(map(safe, group)) for group in paper.author_affiliations)
    paper.unlinked_affiliations = tuple(map(safe, paper.unlinked_affiliations))
