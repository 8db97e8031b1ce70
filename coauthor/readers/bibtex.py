"""Reader for BibTeX and BibLaTeX files (``.bib``).

bibtexparser 2 splits the file into blocks and recovers after a broken entry
(so one bad entry costs one record, not the file); coauthor then resolves
``@String`` macros and ``#`` concatenation itself (bibtexparser's middleware
resolves only a whole value that is one macro) and turns LaTeX into Unicode
with pylatexenc. Every ``@type{...}`` block other than ``@String``,
``@Comment`` and ``@Preamble`` is one record: a :class:`Paper`, or a skip
with its reason and ``file:line``.

Names are split by the BibTeX rules (:mod:`coauthor.readers.bibnames`) and
kept as written, after LaTeX decoding: ``Knuth, Donald E.`` keeps its order,
``María José {Castro Bleda}`` is kept as ``Castro Bleda, María José`` so
that its family name stays whole, ``{Bell Laboratories}`` is one author and an
organisation, ``and others`` marks the list as truncated. Editors are not
authors, and ``crossref`` never supplies authors.

>>> names, cut = split_names(r"Edwin V. {Bell, II} and {Barnes and Noble} AND others")
>>> [str(name) for name in names], [name.organisation for name in names], cut
(['Edwin V. Bell, II', 'Barnes and Noble'], [False, True], True)
"""

from __future__ import annotations

import logging
import lzma
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

import bibtexparser
from bibtexparser.model import (
    Block,
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ImplicitComment,
    ParsingFailedBlock,
    String,
)

from coauthor.errors import InputError
from coauthor.readers.base import Format, ReadOptions, current_limits, read_text, tally
from coauthor.readers.bibnames import split_names
from coauthor.readers.latex import latex_to_text
from coauthor.records import Paper, ReadReport

# bibtexparser logs each broken block; the skips already say it, so keep its
# messages off stderr unless the application configures logging.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())

#: Blocks that are not records.
NOT_ENTRIES = frozenset({"string", "comment", "preamble"})

_BLOCK_START = re.compile(r"^[ \t]*@[ \t]*([A-Za-z][\w-]*)[ \t]*[{(]", re.MULTILINE)
_WORD = re.compile(r"[^\s#{}\"]+")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_DATE = re.compile(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_NOOPSORT = re.compile(r"\\noopsort\s*\{[^{}]*\}")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.|www\.)?doi\.org/|doi:\s*)", re.IGNORECASE)

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_FULL_MONTHS = "January February March April May June July August September October November December".split()
#: The month macros every BibTeX style defines.
MONTH_MACROS = dict(zip(MONTHS, _FULL_MONTHS, strict=True))


class BibSyntaxError(ValueError):
    """A field value that is not ``piece # piece # ...``."""


class MacroTooLong(BibSyntaxError):
    """A value whose macros expand past ``--limit macro`` characters."""


def sniff_bibtex(head: str) -> bool:
    """True when a line starts a BibTeX block (``@Article{``, ``@string(``).

    >>> sniff_bibtex("%% refs\\n@Article{knuth84,\\n  author = {D. Knuth}}"), sniff_bibtex("a@b{c")
    (True, False)
    """
    return _BLOCK_START.search(head) is not None


def read_bibtex(path: Path, options: ReadOptions) -> tuple[list[Paper], ReadReport]:
    """Read one BibTeX/BibLaTeX file: its papers and the report of what was read.

    Entries without authors (editor-only proceedings) and broken entries are
    skipped with their reason; InputError when the file holds no BibTeX."""
    del options  # no option applies to BibTeX
    text = _read_bib_text(path)
    report = ReadReport(file=str(path), format="bibtex")
    try:
        library = bibtexparser.parse_string(text, parse_stack=[])
    except Exception as exc:  # bibtexparser's splitter may fail on input it cannot recover from
        raise InputError(str(path), f"not a BibTeX file ({type(exc).__name__}: {exc})") from exc
    if all(isinstance(block, ImplicitComment) for block in library.blocks):
        raise InputError(str(path), "not a BibTeX file: no @type{key, ...} entry found")
    macros = dict(MONTH_MACROS)
    outcomes = (
        (f"{path}:{line}", _record(block, macros, f"{path}:{line}"))
        for block, line in _with_lines(text, library.blocks)
    )
    return tally(report, ((where, outcome) for where, outcome in outcomes if outcome is not None)), report


def _record(block: Block, macros: dict[str, str], where: str) -> Paper | str | None:
    """The Paper of an entry block, or why it was skipped; None for a block
    that is no record (``@String``, which is added to ``macros``, comments,
    ``@Preamble``)."""
    if isinstance(block, DuplicateBlockKeyBlock) and isinstance(block.ignore_error_block, String):
        block = block.ignore_error_block  # a redefined macro: the later value wins, as in BibTeX
    if isinstance(block, String):
        try:
            macros[block.key.lower()] = evaluate(block.value, macros)
        except MacroTooLong as exc:
            raise InputError(where, f"@string {block.key} {exc}: a macro bomb? (--limit macro=N)") from exc
        except BibSyntaxError:
            macros.pop(block.key.lower(), None)  # undefined from here on, so empty where used
        return None
    if isinstance(block, DuplicateFieldKeyBlock) and block.ignore_error_block is not None:
        block = block.ignore_error_block  # a repeated field: BibTeX keeps the first value, so do we
    elif isinstance(block, ParsingFailedBlock):
        if _block_type(block.raw) in NOT_ENTRIES:
            return None
        return "duplicate citation key" if isinstance(block, DuplicateBlockKeyBlock) else "BibTeX syntax error"
    if not isinstance(block, Entry):  # comments, @Preamble
        return None
    return _entry_to_paper(block, macros, where)


def _read_bib_text(path: Path) -> str:
    """The text in its encoding (UTF-8, else the one detected: old ``.bib``
    files are Latin-1, Chinese ones GBK); a leading BOM dropped, line ends
    made ``\\n``."""
    try:
        text = read_text(path)
    except (EOFError, lzma.LZMAError, zlib.error, OSError) as exc:  # a truncated or corrupt compressed file
        raise InputError(str(path), f"cannot decompress ({exc})") from exc
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _with_lines(text: str, blocks: list[Block]) -> Iterator[tuple[Block, int]]:
    """Each block with the 1-based line it starts on, found from its raw text
    (bibtexparser's ``start_line`` drifts after a line ending in ``\\\\``)."""
    cursor, line = 0, 1
    for block in blocks:
        pos = text.find(block.raw, cursor) if block.raw else -1
        if pos < 0:
            yield block, (block.start_line or 0) + 1
            continue
        line += text.count("\n", cursor, pos)
        cursor = pos
        yield block, line


def _block_type(raw: str | None) -> str:
    match = re.match(r"\s*@\s*([\w-]*)", raw or "")
    return match.group(1).lower() if match else ""


def _entry_to_paper(entry: Entry, macros: dict[str, str], where: str) -> Paper | str:
    """The Paper of one entry, or why it was skipped."""
    raw: dict[str, str] = {}
    for fld in entry.fields:
        raw.setdefault(fld.key.lower(), fld.value if isinstance(fld.value, str) else str(fld.value))
    try:
        fields = {key: evaluate(value, macros) for key, value in raw.items()}
    except MacroTooLong as exc:
        return f"a field {exc} (--limit macro=N)"
    except BibSyntaxError:
        return "BibTeX syntax error"
    names, truncated = split_names(fields.get("author", ""))
    authors = [str(name) for name in names]
    if not authors:
        return "no authors (editor only)" if fields.get("editor", "").strip() else "no authors"
    year, month, day = _date(fields)
    doi = _DOI_PREFIX.sub("", re.sub(r"[\\{}\s]", "", fields.get("doi", ""))).lower()
    abstract = latex_to_text(fields["abstract"]) if "abstract" in fields else ""
    return Paper(
        id=entry.key,
        title=latex_to_text(fields.get("title", "")),
        authors=authors,
        year=year,
        source=where,
        authors_truncated=truncated,
        month=month,
        day=day,
        abstract=abstract or None,
        doi=doi if doi.startswith("10.") else None,
        venue=latex_to_text(fields.get("journal") or fields.get("booktitle") or "") or None,
        volume=fields.get("volume") or None,
        issue=fields.get("number") or fields.get("issue") or None,
        pages=fields.get("pages") or None,
        organisations=tuple(i for i, name in enumerate(names) if name.organisation),
    )


def evaluate(value: str, macros: dict[str, str]) -> str:
    """The text of a raw field value: ``{...}``, ``"..."``, numbers and macro
    names joined by ``#``. An undefined macro is empty (as in BibTeX).

    >>> evaluate('jan # " and " # {Feb}', MONTH_MACROS)
    'January and Feb'
    """
    pieces: list[str] = []
    pos, end = 0, len(value)
    expect_piece = True
    limit, length = current_limits().macro, 0
    while pos < end:
        char = value[pos]
        if char.isspace():
            pos += 1
            continue
        if char == "#" and not expect_piece:
            expect_piece = True
            pos += 1
            continue
        if not expect_piece or char == "#":
            raise BibSyntaxError(f"unexpected {char!r} at {pos}")
        if char in '{"':
            close = _closing(value, pos)
            pieces.append(value[pos + 1 : close])
            pos = close + 1
        else:
            match = _WORD.match(value, pos)
            if match is None:
                raise BibSyntaxError(f"unexpected {char!r} at {pos}")
            word = match.group()
            pieces.append(word if word.isdigit() else macros.get(word.lower(), ""))
            pos = match.end()
        length += len(pieces[-1])
        if limit and length > limit:
            raise MacroTooLong(f"expands past {limit:,} characters")
        expect_piece = False
    if expect_piece and pieces:
        raise BibSyntaxError("value ends with '#'")
    return "".join(pieces)


def _closing(value: str, start: int) -> int:
    """Index of the delimiter closing the ``{`` or ``"`` at ``start``."""
    depth = 0
    pos = start
    while pos + 1 < len(value):
        pos += 1
        char = value[pos]
        if char == "\\":
            pos += 1  # an escaped delimiter does not count
        elif char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                if value[start] == "{":
                    return pos
                raise BibSyntaxError(f"unbalanced '}}' at {pos}")
            depth -= 1
        elif char == '"' and depth == 0 and value[start] == '"':
            return pos
    raise BibSyntaxError(f"unclosed {value[start]!r} at {start}")


def _date(fields: dict[str, str]) -> tuple[int | None, int | None, int | None]:
    """Year, month and day from ``year``/``month`` or BibLaTeX ``date``."""
    year = month = day = None
    date = _DATE.match(fields.get("date", ""))
    if "year" in fields:
        found = _YEAR.search(_NOOPSORT.sub("", fields["year"]))
        year = int(found.group()) if found else None
    elif date:
        year = int(date.group(1))
        month = _month_number(date.group(2) or "")
        day = int(date.group(3)) if date.group(3) and month and 1 <= int(date.group(3)) <= 31 else None
    if "month" in fields:
        month = _month_number(fields["month"])
    return year, month, day


def _month_number(text: str) -> int | None:
    """1-12 from ``oct``, ``October``, ``Oct.``, ``10``; None otherwise.

    >>> _month_number("October"), _month_number(" 3"), _month_number("Winter")
    (10, 3, None)
    """
    match = re.match(r"\W*(\d{1,2}|[A-Za-z]{3,})", text)
    if match is None:
        return None
    word = match.group(1).lower()
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else None
    if word[:3] in MONTHS and (len(word) == 3 or _FULL_MONTHS[MONTHS.index(word[:3])].lower().startswith(word)):
        return MONTHS.index(word[:3]) + 1
    return None


FORMAT = Format(
    "bibtex",
    "BibTeX / BibLaTeX .bib files (@String macros, LaTeX accents, braced corporate authors)",
    sniff_bibtex,
    read_bibtex,
)
