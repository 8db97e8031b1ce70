"""What every reader shares: options, the :class:`Format` entry of the
registry, and opening (possibly compressed) text files.

A reader is a function ``read(path, options) -> (papers, report)``; a sniffer
is ``sniff(head: str) -> bool`` over the first 64 KiB of decompressed text.
"""

from __future__ import annotations

import bz2
import datetime as _dt
import gzip
import io
import lzma
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from coauthor.errors import InputError
from coauthor.records import Paper, ReadReport

SNIFF_BYTES = 65536

_MAGIC = ((b"\x1f\x8b", gzip.open), (b"BZh", bz2.open), (b"\xfd7zXZ\x00", lzma.open))


@dataclass(frozen=True)
class ReadOptions:
    """Options shared by the readers.

    ``undated_year``: year given to dates printed without one (default: the
    current calendar year). ``owner``: the owner of profile pages, overriding
    the header or the name common to the page. ``author_sep``: separator of
    names in a CSV ``authors`` column. ``progress``: called as
    ``progress(done, total, path)`` before each file is read.
    """

    undated_year: int = field(default_factory=lambda: _dt.date.today().year)
    owner: str | None = None
    author_sep: str = ";"
    progress: Callable[[int, int, Path], None] | None = field(default=None, compare=False, repr=False)


Reader = Callable[[Path, ReadOptions], tuple[list[Paper], ReadReport]]


@dataclass(frozen=True)
class Format:
    """One input format: its name, a one-line description, how to recognise
    it from the start of the text, and how to read a file of it."""

    name: str
    description: str
    sniff: Callable[[str], bool]
    read: Reader


def tally(report: ReadReport, outcomes: Iterable[tuple[str, Paper | str]]) -> list[Paper]:
    """Count every record read into ``report``: each outcome is ``(where,
    paper)`` for a paper kept or ``(where, reason)`` for one skipped.
    Returns the papers kept."""
    papers: list[Paper] = []
    for where, outcome in outcomes:
        report.read += 1
        if isinstance(outcome, str):
            report.skip(outcome, where)
        else:
            papers.append(outcome)
    return papers


def open_binary(path: Path) -> IO[bytes]:
    """Open ``path`` for reading bytes, decompressing gzip, bzip2 or xz
    (recognised by their magic bytes, whatever the extension)."""
    try:
        with path.open("rb") as probe:
            magic = probe.read(6)
        for prefix, opener in _MAGIC:
            if magic.startswith(prefix):
                return opener(path, "rb")  # type: ignore[no-any-return]
        return path.open("rb")
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from exc


def open_text(path: Path, encoding: str = "utf-8") -> IO[str]:
    """Open ``path`` as text (decompressing as :func:`open_binary` does)."""
    return io.TextIOWrapper(open_binary(path), encoding=encoding, newline=None)


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """The whole text of ``path``; InputError naming the line when it is not
    valid in ``encoding``."""
    with open_binary(path) as stream:
        raw = stream.read()
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}", f"not {encoding} text") from exc


def read_head(path: Path) -> str:
    """The first 64 KiB of decompressed text, for sniffing (a character cut
    at the end is dropped; bytes that are not UTF-8 are read as Latin-1)."""
    try:
        with open_binary(path) as stream:
            raw = stream.read(SNIFF_BYTES)
    except (OSError, EOFError, lzma.LZMAError) as exc:
        raise InputError(str(path), f"cannot decompress ({exc})") from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(raw) - 4:
            return raw[: exc.start].decode("utf-8")
        return raw.decode("latin-1")
