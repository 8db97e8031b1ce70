"""Decoded, numbered lines of a text file, and the record splitter shared by
the line-tagged formats (RIS, Web of Science plain text, MEDLINE).

Lines are decoded one at a time, in the file's encoding (UTF-8, else the one
detected or forced), so a byte that does not decode is reported on its real
line. UTF-16 files (old Web of Science exports) are decoded as a stream; a
byte-order mark is dropped.
"""

from __future__ import annotations

import io
import lzma
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from coauthor.errors import InputError
from coauthor.readers.base import file_encoding, not_decodable, open_binary
from coauthor.records import Paper, ReadReport

#: What reading a (possibly compressed) file may raise besides InputError.
READ_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError)


def text_head(head: str) -> str:
    """The sniffing head without a byte-order mark (a UTF-16 file is decoded
    by :func:`~coauthor.readers.base.read_head` like any other).

    >>> text_head("\\ufeffPT\\t")
    'PT\\t'
    """
    return head.lstrip("\ufeff")


def decoded_lines(path: Path) -> Iterator[str]:
    """The lines of ``path`` without their line ends (``\\n``, ``\\r\\n`` or
    ``\\r``), in the encoding of :func:`~coauthor.readers.base.file_encoding`;
    InputError naming the line when the text cannot be decoded."""
    number = 0
    encoding = file_encoding(path)
    try:
        with open_binary(path) as stream:
            if not encoding.line_safe:  # UTF-16: decoded as a stream, then split
                text = io.TextIOWrapper(stream, encoding=encoding.codec, newline=None)
                for number, line in enumerate(text, start=1):  # noqa: B007
                    yield line.rstrip("\n")
                return
            for raw in stream:
                for part in raw.splitlines() or [b""]:
                    number += 1
                    try:
                        line = part.decode(encoding.codec)
                    except UnicodeDecodeError as exc:
                        raise not_decodable(path, number, encoding) from exc
                    yield line.lstrip("\ufeff") if number == 1 else line
    except UnicodeDecodeError as exc:
        raise not_decodable(path, number + 1, encoding) from exc
    except READ_ERRORS as exc:
        raise InputError(f"{path}:{number + 1}", f"cannot read the file ({exc})") from exc


@dataclass
class TaggedRecord:
    """One record of a tagged file: its first line, its fields (tag -> values,
    one value per tag line and, unless joined, per continuation line) and
    ``problem``, the reason to skip it when it is malformed; ``odd_lines``
    holds the numbers of the lines read as continuations that are not
    indented as the format indents them."""

    line: int
    fields: dict[str, list[str]] = field(default_factory=dict)
    problem: str | None = None
    odd_lines: list[int] = field(default_factory=list)

    def first(self, *tags: str) -> str:
        """The first non-empty value of the first of ``tags`` present, else ``""``."""
        for tag in tags:
            for value in self.fields.get(tag, []):
                if value.strip():
                    return value.strip()
        return ""

    def values(self, *tags: str) -> list[str]:
        """All values of ``tags``, in the order of ``tags``."""
        return [v for tag in tags for v in self.fields.get(tag, [])]


@dataclass(frozen=True)
class TagSyntax:
    """How one tagged format writes its lines and records."""

    tag_line: re.Pattern[str]  # groups: tag, value (value may be None)
    start: str  # tag that starts a record (TY, PT, PMID)
    end: str | None  # tag that ends a record (ER); None: the next start or the end of the file does
    file_tags: frozenset[str] = frozenset()  # header tags outside records (FN, VR)
    file_end: str | None = None  # tag that ends the file (EF)
    join_continuation: bool = True  # continuation lines extend the last value
    indent: str | None = None  # how continuation lines start (WoS: three spaces); None: any way


def tagged_records(lines: Iterable[str], syntax: TagSyntax) -> Iterator[TaggedRecord]:
    """Split ``lines`` into records; every record found is yielded once.

    A record starts at a ``start`` tag and ends at the ``end`` tag (or,
    without one, at the next ``start`` tag or the end of the file). Malformed
    records are yielded with ``problem`` set: tag lines outside a record (no
    start tag), a record cut by the next start tag or by the end of the file.
    Blank lines, and untagged lines outside records, are not records.
    """
    current: TaggedRecord | None = None
    last_tag: str | None = None
    for number, line in enumerate(lines, start=1):
        match = syntax.tag_line.match(line)
        if match is None:
            if line.strip() and current is not None and last_tag is not None:
                if syntax.indent is not None and not line.startswith(syntax.indent):
                    current.odd_lines.append(number)
                values = current.fields[last_tag]
                if syntax.join_continuation and values:
                    values[-1] = f"{values[-1]} {line.strip()}".strip()
                else:
                    values.append(line.strip())
            continue
        tag, value = match.group(1), (match.group(2) or "").strip()
        if tag == syntax.start:
            if current is not None:
                if syntax.end is not None:
                    current.problem = current.problem or f"no {syntax.end} line before the next {syntax.start}"
                yield current
            current, last_tag = TaggedRecord(number), tag
            current.fields[tag] = [value]
        elif tag == syntax.end:
            if current is not None:
                yield current
            current = last_tag = None
        elif tag == syntax.file_end:
            if current is not None:
                current.problem = current.problem or f"no {syntax.end} line before {syntax.file_end}"
                yield current
            current = last_tag = None
        elif current is None and tag in syntax.file_tags:
            continue
        else:
            if current is None:
                current = TaggedRecord(number, problem=f"no {syntax.start} line (record start)")
            current.fields.setdefault(tag, []).append(value)
            last_tag = tag
    if current is not None:
        if syntax.end is not None:
            current.problem = current.problem or f"file ends before the {syntax.end} line"
        yield current


def tagged_outcomes(
    path: Path,
    syntax: TagSyntax,
    to_paper: Callable[[TaggedRecord, str], Paper | str],
    report: ReadReport | None = None,
) -> Iterator[tuple[str, Paper | str]]:
    """``(file:line, paper or reason to skip)`` for every record of a tagged
    file, for :func:`coauthor.readers.base.tally`. Warnings of ``report``:
    a continuation line not indented as the format indents them (a tag
    glued to its value, ``AUGilles, H``, is read into the field above it),
    and a file that starts with a header tag (``FN``) but whose last line is
    not the ``file_end`` tag (``EF``): it may have been cut short."""
    last = _LastLine(decoded_lines(path))
    for record in tagged_records(last, syntax):
        where = f"{path}:{record.line}"
        if report is not None:
            for number in record.odd_lines:
                report.warn(ODD_LINE, f"{path}:{number}")
        yield where, record.problem or to_paper(record, where)
    headed = last.first[:2] in syntax.file_tags
    if report is not None and syntax.file_end and headed and not last.line.startswith(syntax.file_end):
        report.warn(f"no {syntax.file_end} line at the end (the file may be cut short)", f"{path}:{last.number}")


ODD_LINE = "line is neither a tag nor an indented continuation (read into the field above it)"


class _LastLine:
    """Lines passed through, remembering the first and last non-blank ones
    (and the number of the last)."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines, self.first, self.line, self.number = lines, "", "", 0

    def __iter__(self) -> Iterator[str]:
        for read, line in enumerate(self.lines, start=1):
            if line.strip():
                self.first = self.first or line
                self.line, self.number = line, read
            yield line
