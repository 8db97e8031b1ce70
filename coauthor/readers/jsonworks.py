"""What the JSON readers (Crossref, OpenAlex, CSL-JSON, arXiv) share: loading
a whole JSON document or streaming JSON Lines, the accounting loop, and the
normalisation of ORCIDs, DOIs, dates, titles and names.

A reader supplies ``parse`` (one record to a :class:`Paper`, or the reason
it is skipped) and calls :func:`read_works`, which finds the works in any
shape the APIs and their users save (:func:`works_in`).
"""

from __future__ import annotations

import calendar
import html
import json
import lzma
import re
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from coauthor.errors import InputError
from coauthor.readers.base import file_encoding, not_decodable, open_text, read_text
from coauthor.records import Affiliation, Paper, ReadReport, paper_id

#: Skip reason of a record that broke the parser (a bug, never expected).
MALFORMED = "malformed record"
#: Warning for a work read without a title: its DOI makes it a paper.
UNTITLED = "no title (kept: the work has a DOI)"

_READ_ERRORS = (OSError, EOFError, lzma.LZMAError, zlib.error)
_ORCID_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?(?:sandbox\.)?orcid\.org/", re.IGNORECASE)
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_TAG = re.compile(r"</?(?:[a-z][\w.-]*:)?[a-z][\w.-]*(?:\s[^<>]*)?/?>", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_DANGLING_AT = re.compile(r"(?:\s+starting)?\s+at$")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")

Date = tuple[int | None, int | None, int | None]
NO_DATE: Date = (None, None, None)


@dataclass(frozen=True)
class Invalid:
    """A record that is not a usable JSON object, and why."""

    reason: str


# --- loading -----------------------------------------------------------------


def is_json_lines(path: Path) -> bool:
    """True when ``path`` holds one JSON object per line rather than one
    (possibly pretty-printed) JSON document.

    The first non-blank line decides: a one-line object (even a broken one
    ending in ``}``) means JSON Lines; so does an object that parses on one
    of the next three lines when it is not indented (the first record was
    cut, or is not JSON)."""
    lines: list[str] = []
    with _reading(path):
        with open_text(path) as stream:
            for raw in stream:
                if raw.strip():
                    lines.append(raw.rstrip().lstrip("\ufeff"))
                if len(lines) == 4:
                    break
    if not lines or not lines[0].lstrip().startswith("{"):
        return False
    if lines[0].endswith("}"):
        return True
    return any(line.startswith("{") and isinstance(_loads(line), dict) for line in lines[1:])


def iter_values(path: Path) -> Iterator[tuple[int, Any, bool]]:
    """``(line, value, from_json_lines)`` for each JSON value of ``path``.

    JSON Lines are streamed (a line that does not parse gives an
    :class:`Invalid` value); a whole document is parsed at once and an
    invalid one raises InputError naming the line."""
    if not is_json_lines(path):
        yield 1, _load_document(path), False
        return
    number = 0
    with _reading(path, lambda: number):
        with open_text(path) as stream:
            for number, line in enumerate(stream, start=1):
                if line.strip():
                    yield number, _loads(line.strip().lstrip("\ufeff")), True


def iter_records(path: Path) -> Iterator[tuple[str, Any]]:
    """``(where, record)`` for each record: each JSON value gives the works
    it holds (:func:`works_in`).

    ``where`` is ``path:line`` for a line of JSON Lines or a whole-file
    object, ``path:item i`` (from 1) for the items of a whole-file list and
    ``path:line:item i`` for those of a list on one line."""
    for line, value, lines_mode in iter_values(path):
        if isinstance(value, Invalid):
            yield f"{path}:{line}", value
            continue
        found = works_in(value)
        if not isinstance(found, list):
            yield f"{path}:{line}", found
            continue
        prefix = f"{path}:{line}:" if lines_mode else f"{path}:"
        for i, record in enumerate(found, start=1):
            yield f"{prefix}item {i}", record


def _load_document(path: Path) -> Any:
    with _reading(path):
        text = read_text(path).lstrip("\ufeff")
    if not text.strip():
        raise InputError(f"{path}:1", "empty file")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}", f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    except (ValueError, RecursionError) as exc:
        raise InputError(f"{path}:1", f"invalid JSON: {exc}") from exc
    if not isinstance(value, (dict, list)):
        raise InputError(f"{path}:1", "invalid JSON: expected an object or an array of works")
    return value


def _loads(line: str) -> Any:
    """One JSON Lines record, or :class:`Invalid` saying why it is not one."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return Invalid(f"invalid JSON: {_DANGLING_AT.sub('', exc.msg)}")
    except (ValueError, RecursionError):
        return Invalid("invalid JSON: value out of range or nested too deep")
    return value


@contextmanager
def _reading(path: Path, lines_read: Callable[[], int] = lambda: 0) -> Iterator[None]:
    """Turn decompression and decoding failures met while reading ``path``
    into InputError."""
    try:
        yield
    except UnicodeDecodeError as exc:
        raise not_decodable(path, lines_read() + 1, file_encoding(path)) from exc
    except _READ_ERRORS as exc:
        raise InputError(str(path), f"cannot read or decompress after line {lines_read()} ({exc})") from exc


# --- the accounting loop -----------------------------------------------------


#: Keys under which API responses hold their list of works: Crossref's
#: ``items``, OpenAlex's ``results``.
WORK_LISTS = ("items", "results")


def works_in(value: Any) -> Any:
    """The works a JSON value holds: those of an API response (``message``,
    itself a work or a ``{"items": [...]}`` list), of a bare ``{"items": [...]}``
    or ``{"results": [...]}`` page, a list as it is, else the value itself
    (one work).

    >>> works_in({"status": "ok", "message": {"items": [{"DOI": "10.1/a"}]}})
    [{'DOI': '10.1/a'}]
    >>> works_in({"meta": {"count": 1}, "results": [{"id": "W1"}]}), works_in({"id": "W2"})
    ([{'id': 'W1'}], {'id': 'W2'})
    """
    if not isinstance(value, dict):
        return value
    if isinstance(value.get("message"), (dict, list)):
        return works_in(value["message"])
    for key in WORK_LISTS:
        if isinstance(value.get(key), list):
            return value[key]
    return value


def read_works(
    path: Path,
    fmt: str,
    parse: Callable[[dict[str, Any], str], Paper | str],
) -> tuple[list[Paper], ReadReport]:
    """Read every record of ``path``: each one counted in ``report.read`` and
    either returned as a Paper or skipped with its reason and ``where``.

    ``parse(record, where)`` returns the Paper or the reason to skip it. A
    paper kept without a title (it has a DOI) is counted in the warnings."""
    report = ReadReport(file=str(path), format=fmt)
    papers: list[Paper] = []
    for where, record in iter_records(path):
        report.read += 1
        if isinstance(record, Invalid):
            report.skip(record.reason, where)
            continue
        if not isinstance(record, dict):
            report.skip("not a JSON object", where)
            continue
        try:
            result = parse(record, where)
        except (TypeError, ValueError, AttributeError, KeyError, IndexError, OverflowError):
            result = MALFORMED
        if isinstance(result, str):
            report.skip(result, where)
            continue
        if not result.title:
            report.warn(UNTITLED, where)
        papers.append(result)
    return papers, report


class WorkAuthor(NamedTuple):
    """One author of a work as a JSON reader finds it: the name as written,
    the ORCID and source author id when given, and whether the source marks
    it an organisation."""

    name: str
    orcid: str | None = None
    author_id: str | None = None
    organisation: bool = False
    affiliations: tuple[Affiliation, ...] = ()


def build_paper(
    where: str,
    title: str,
    authors: Sequence[WorkAuthor],
    date: Date = NO_DATE,
    work_id: str | None = None,
    **fields: Any,
) -> Paper | str:
    """A Paper from its parts, or the reason to skip it ("no authors", "no
    title" when it has neither a title nor a DOI). Nameless authors are
    dropped, the id lists stay empty when no author has one, and the
    authors marked organisations go to ``organisations``. The paper's
    id is ``work_id`` when given, else the DOI, else :func:`paper_id`;
    ``fields`` are further Paper fields (``doi``, ``arxiv_id``, ...)."""
    named = [a for a in authors if a.name]
    if not named:
        return "no authors"
    if not title and not fields.get("doi"):
        return "no title"
    year, month, day = date
    return Paper(
        id=work_id or fields.get("doi") or paper_id(title, year),
        title=title,
        authors=[a.name for a in named],
        year=year,
        month=month,
        day=day,
        source=where,
        author_orcids=_parallel([a.orcid for a in named]),
        author_ids=_parallel([a.author_id for a in named]),
        organisations=tuple(i for i, a in enumerate(named) if a.organisation),
        author_affiliations=tuple(a.affiliations for a in named) if any(a.affiliations for a in named) else (),
        **fields,
    )


def _parallel(values: list[str | None]) -> list[str | None]:
    return values if any(v is not None for v in values) else []


# --- tolerant access to JSON values ------------------------------------------


def text(value: Any) -> str:
    """A JSON string (or integer) as stripped text; anything else is ``""``.

    >>> text("  Ada "), text(7), text(None), text(True)
    ('Ada', '7', '', '')
    """
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return ""


def first_text(value: Any) -> str:
    """The text of a string, or of the first non-empty string of a list
    (Crossref's ``title: ["..."]``).

    >>> first_text(["", "Title"]), first_text("Title"), first_text(3.5)
    ('Title', 'Title', '')
    """
    if isinstance(value, list):
        return next((text(v) for v in value if isinstance(v, str) and v.strip()), "")
    return text(value) if isinstance(value, str) else ""


def as_list(value: Any) -> list[Any]:
    """``value`` when it is a list, else ``[]``."""
    return value if isinstance(value, list) else []


def as_dict(value: Any) -> dict[str, Any]:
    """``value`` when it is an object, else ``{}``."""
    return value if isinstance(value, dict) else {}


def join_name(*parts: Any) -> str:
    """The non-empty parts joined by single spaces (whitespace collapsed).

    >>> join_name("Ludwig", "van", None, "Beethoven ", "")
    'Ludwig van Beethoven'
    """
    return " ".join(" ".join(text(part).split()) for part in parts if text(part).split())


def clean_title(value: Any) -> str:
    """A title without HTML/JATS/MathML tags and entities, whitespace collapsed.

    >>> clean_title("Habits of\\n  <i>Eleutheronema</i> &amp; <sup>89</sup>Zr")
    'Habits of Eleutheronema & 89Zr'
    """
    return " ".join(html.unescape(_TAG.sub("", first_text(value))).split())


# --- identifiers -------------------------------------------------------------


def orcid_check_digit(base: str) -> str:
    """The ISO 7064 mod 11-2 check character of the first 15 ORCID digits.

    >>> orcid_check_digit("000000021825009")
    '7'
    """
    total = 0
    for digit in base:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def normalize_orcid(value: Any) -> str | None:
    """``0000-0002-1825-0097`` from a bare or URL ORCID; None when it is
    missing, malformed or fails the check digit.

    >>> normalize_orcid("http://orcid.org/0000-0002-1825-0097")
    '0000-0002-1825-0097'
    >>> normalize_orcid("0000-0002-1825-0098") is None
    True
    """
    bare = _ORCID_PREFIX.sub("", text(value)).replace("-", "").upper()
    if not re.fullmatch(r"[0-9]{15}[0-9X]", bare) or orcid_check_digit(bare[:15]) != bare[15]:
        return None
    return "-".join(bare[i : i + 4] for i in range(0, 16, 4))


def normalize_doi(value: Any) -> str | None:
    """A DOI lower-cased without URL or ``doi:`` prefix (the first one when
    several are given); None when it does not look like a DOI.

    >>> normalize_doi("https://doi.org/10.7717/PeerJ.4375")
    '10.7717/peerj.4375'
    >>> normalize_doi("10.1364/JOSAA.23.002578 10.1364/JOSAA.32.002407")
    '10.1364/josaa.23.002578'
    """
    words = _DOI_PREFIX.sub("", text(value)).split()
    doi = words[0].lower() if words else ""
    return doi if re.fullmatch(r"10\.[0-9]+(?:\.[0-9]+)*/\S+", doi) else None


# --- dates -------------------------------------------------------------------


def _number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*\d{1,9}\s*", value):
        return int(value)
    return None


def checked_date(year: Any, month: Any = None, day: Any = None) -> Date:
    """``(year, month, day)`` as integers, each None when missing or out of
    range (a month is kept only with a year, a day only with a month).

    >>> checked_date("2007", 4, 30), checked_date(2007, 2, 30), checked_date(2007, 13, 2)
    ((2007, 4, 30), (2007, 2, None), (2007, None, None))
    """
    y = _number(year)
    if y is None or not 1 <= y <= 9999:
        return NO_DATE
    m = _number(month)
    if m is None or not 1 <= m <= 12:
        return (y, None, None)
    d = _number(day)
    return (y, m, d if d is not None and 1 <= d <= calendar.monthrange(y, m)[1] else None)


def date_parts(value: Any) -> Date:
    """The date of a Crossref / CSL date object: ``date-parts`` first, else
    ``raw`` or ``literal`` text (an ISO date, or any 4-digit year).

    >>> date_parts({"date-parts": [[2020, 11, 13]]})
    (2020, 11, 13)
    >>> date_parts({"date-parts": [[None]]}), date_parts({"raw": "2019-03-05"})
    ((None, None, None), (2019, 3, 5))
    """
    obj = as_dict(value)
    outer = as_list(obj.get("date-parts"))
    parts = as_list(outer[0]) if outer else []
    if parts:
        found = checked_date(*parts[:3])
        if found[0] is not None:
            return found
    for key in ("raw", "literal"):
        found = iso_date(obj.get(key))
        if found[0] is None:
            match = _YEAR.search(text(obj.get(key)))
            found = checked_date(match.group(1)) if match else NO_DATE
        if found[0] is not None:
            return found
    return NO_DATE


def iso_date(value: Any) -> Date:
    """The date at the start of an ISO 8601 text (``2018-02-13``, ``2018-02``).

    >>> iso_date("2018-02-13T00:00:00Z"), iso_date("n.d.")
    ((2018, 2, 13), (None, None, None))
    """
    match = _ISO_DATE.match(text(value))
    return checked_date(*match.groups()) if match else NO_DATE


def first_date(*dates: Date) -> Date:
    """The first of ``dates`` that has a year."""
    return next((d for d in dates if d[0] is not None), NO_DATE)


# --- sniffing ----------------------------------------------------------------


def looks_like_json(head: str) -> bool:
    """True when the text starts like a JSON object or array."""
    return head.lstrip("\ufeff \t\r\n")[:1] in ("{", "[")


def has_key(head: str, *keys: str) -> bool:
    """True when any of ``keys`` occurs as an object key in the text."""
    return any(re.search(rf'"{re.escape(key)}"\s*:', head) for key in keys)
