"""What every reader shares: options, the :class:`Format` entry of the
registry, and opening (possibly compressed) text files.

A reader is a function ``read(path, options) -> (papers, report)``; a sniffer
is ``sniff(head: str) -> bool`` over the first 64 KiB of decompressed text.

Readers open their file through :func:`open_binary`, :func:`open_text` or
:func:`read_text`; inside :func:`watch_reading` those report how many bytes of
the file on disk (compressed bytes for a compressed file) have been read, so
that progress moves inside one big file whatever the reader.

Text is decoded in the encoding :func:`file_encoding` finds: a byte-order
mark, else UTF-8 when the bytes are UTF-8 (the fast, usual case), else the
guess of charset-normalizer; inside :func:`decoding` (which
:func:`~coauthor.readers.read_inputs` opens per file) an encoding forced
with ``--encoding`` wins, sniffing and reading agree, and the encoding used
goes into the file's :class:`~coauthor.records.ReadReport`.
"""

from __future__ import annotations

import bz2
import codecs
import datetime as _dt
import errno
import gzip
import io
import lzma
import os
import stat
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

import charset_normalizer

from coauthor.errors import InputError, OptionError
from coauthor.readers.limits import Limits
from coauthor.records import Paper, ReadReport

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

SNIFF_BYTES = 65536

#: The buffer between a file on disk and its reader (or decompressor).
_BUFFER_BYTES = 65536

#: Reading reports its position at most once per this many bytes read ...
PROGRESS_BYTES = 1 << 20
#: ... unless this many seconds passed since the last report.
PROGRESS_SECONDS = 0.1


@dataclass(frozen=True)
class ReadOptions:
    """Options shared by the readers.

    Parameters
    ----------
    undated_year : int, optional
        The year given to dates printed without one (profile pages print
        ``Mar 5`` for the current year); default: the current calendar year.
        Papers dated this way say ``year_inferred``.
    owner : str, optional
        The owner of profile pages, an author of every paper on the page,
        overriding the name in the page header or the name common to the
        page.
    author_sep : str, default ";"
        The separator of names in a generic CSV's ``authors`` column.
    progress : callable, optional
        Called by :func:`coauthor.read_inputs` as ``progress(done, total,
        path)``, in bytes of the input files as stored on disk (compressed
        files count their compressed bytes): before each file is read,
        while it is read and once at the end (``done == total``).
    limits : coauthor.readers.limits.Limits, optional
        How much of an input is accepted (field and name lengths,
        decompressed size and ratio, macro expansion).
    encoding : str, optional
        The text encoding of every input (a Python codec name such as
        ``gb18030`` or ``cp1252``) instead of the one detected; kept as
        Python's name for the codec.

    Raises
    ------
    OptionError
        For an ``encoding`` that Python does not know.

    Examples
    --------
    >>> ReadOptions(undated_year=2026, encoding="latin-1").encoding
    'iso8859-1'
    >>> ReadOptions(encoding="klingon")
    Traceback (most recent call last):
    coauthor.errors.OptionError: unknown encoding 'klingon' ...
    """

    undated_year: int = field(default_factory=lambda: _dt.date.today().year)
    owner: str | None = None
    author_sep: str = ";"
    progress: Callable[[int, int, Path], None] | None = field(default=None, compare=False, repr=False)
    limits: Limits = field(default_factory=Limits)
    encoding: str | None = None

    def __post_init__(self) -> None:
        if self.encoding is not None:
            object.__setattr__(self, "encoding", codec_name(self.encoding))


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


# --- opening files -------------------------------------------------------------


class _Watch:
    """How far the file at ``path`` has been read, reported as
    ``report(position)``: only forward, at most once per ``step`` bytes
    unless ``interval`` seconds passed, and always at the end of the file."""

    def __init__(self, path: Path, report: Callable[[int], None], step: int, interval: float) -> None:
        self.path, self.report, self.step, self.interval = path, report, step, interval
        self.reported = 0
        self.when = time.monotonic()

    def at(self, position: int, end: bool = False) -> None:
        if position <= self.reported:
            return  # a second opening of the file (sniffing JSON Lines) starts again from 0
        if end or position - self.reported >= self.step or time.monotonic() - self.when >= self.interval:
            self.reported, self.when = position, time.monotonic()
            self.report(position)


_watched: ContextVar[_Watch | None] = ContextVar("coauthor_watched_file", default=None)
_limits: ContextVar[Limits | None] = ContextVar("coauthor_limits", default=None)


@contextmanager
def reading_limits(limits: Limits) -> Iterator[None]:
    """While inside, files opened by :func:`open_binary` and the readers
    that expand text (BibTeX macros) keep to ``limits``."""
    token = _limits.set(limits)
    try:
        yield
    finally:
        _limits.reset(token)


def current_limits() -> Limits:
    """The limits of the read in progress (:func:`reading_limits`), else the defaults."""
    return _limits.get() or Limits()


@contextmanager
def watch_reading(
    path: Path,
    report: Callable[[int], None],
    step: int = PROGRESS_BYTES,
    interval: float = PROGRESS_SECONDS,
) -> Iterator[None]:
    """While inside, files opened on ``path`` by :func:`open_binary` (and so
    :func:`open_text`, :func:`read_text`) call ``report(position)`` as they
    are read, ``position`` in bytes of the file on disk: increasing, at most
    once per ``step`` bytes unless ``interval`` seconds passed, and at the end.
    Reading a whole uncompressed file at once is not reported (the reader's
    work on it comes after)."""
    token = _watched.set(_Watch(path, report, step, interval))
    try:
        yield
    finally:
        _watched.reset(token)


class _Counted(io.RawIOBase):
    """The raw file ``raw``, telling ``watch`` how far it has been read."""

    def __init__(self, raw: io.FileIO, watch: _Watch) -> None:
        super().__init__()
        self.raw, self.watch, self.position = raw, watch, 0
        self.name = raw.name
        self.mode = "rb"

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self.raw.seekable()

    def readinto(self, buffer: WriteableBuffer) -> int | None:
        count = self.raw.readinto(buffer)
        if count is not None:
            self.position += count
            self.watch.at(self.position, end=count == 0)
        return count

    def readall(self) -> bytes:
        # Not reported: a reader that reads the whole file at once spends its
        # time after this, parsing; read_inputs moves on when it is done.
        data = self.raw.readall()
        self.position += len(data)
        return data

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self.position = self.raw.seek(offset, whence)
        return self.position

    def tell(self) -> int:
        return self.position

    def fileno(self) -> int:
        return self.raw.fileno()

    def close(self) -> None:
        try:
            self.raw.close()
        finally:
            super().close()


class _ClosesSource:
    """GzipFile, BZ2File and LZMAFile given an open file leave it open when
    closed: mixed in first, this closes it too, so that open_binary's caller
    owns one object."""

    source: IO[bytes]

    def close(self) -> None:
        try:
            super().close()  # type: ignore[misc]  # the decompressor's close, next in the MRO
        finally:
            self.source.close()


class _GzipFile(_ClosesSource, gzip.GzipFile):
    def __init__(self, source: IO[bytes]) -> None:
        self.source = source
        super().__init__(fileobj=source, mode="rb")


class _BZ2File(_ClosesSource, bz2.BZ2File):
    def __init__(self, source: IO[bytes]) -> None:
        self.source = source
        super().__init__(source, "rb")


class _LZMAFile(_ClosesSource, lzma.LZMAFile):
    def __init__(self, source: IO[bytes]) -> None:
        self.source = source
        super().__init__(source, "rb")


#: A compressed input is checked for its ratio only past this many bytes out.
RATIO_FROM = 64 << 20


class _Bounded(io.RawIOBase):
    """The decompressed stream ``inner`` of ``path``, refused (InputError)
    once it passes ``limits.decompressed`` bytes, or ``limits.ratio`` times
    the compressed bytes read from ``raw`` past :data:`RATIO_FROM`."""

    def __init__(self, inner: IO[bytes], raw: io.FileIO, path: Path, limits: Limits) -> None:
        super().__init__()
        self.inner, self.raw, self.path, self.limits, self.out = inner, raw, path, limits, 0
        self.name = raw.name

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        try:
            count = self.inner.readinto(buffer)  # type: ignore[attr-defined]
        except (OSError, EOFError, lzma.LZMAError, zlib.error) as exc:
            raise InputError(str(self.path), f"cannot decompress ({exc})") from exc
        self.out += count
        size, ratio = self.limits.decompressed, self.limits.ratio
        if size and self.out > size:
            raise InputError(str(self.path), f"decompresses to more than {size:,} bytes (--limit decompressed=N)")
        if ratio and self.out > RATIO_FROM and self.out > ratio * max(self.raw.tell(), 1):
            raise InputError(
                str(self.path), f"decompresses more than {ratio} times its size: a compression bomb? (--limit ratio=N)"
            )
        return count

    def close(self) -> None:
        try:
            self.inner.close()
        finally:
            super().close()


_MAGIC: tuple[tuple[bytes, Callable[[IO[bytes]], io.BufferedIOBase]], ...] = (
    (b"\x1f\x8b", _GzipFile),
    (b"BZh", _BZ2File),
    (b"\xfd7zXZ\x00", _LZMAFile),
)


def input_kind(path: Path) -> str:
    """``"file"`` (regular), ``"folder"``, or why ``path`` is neither (a
    FIFO or a device would block a read for ever).

    >>> input_kind(Path("/dev/null"))
    'not a regular file (a FIFO, device or socket): give a file or a folder'
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        return "no such file or folder" if isinstance(exc, FileNotFoundError) else f"cannot read ({exc.strerror})"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    return "not a regular file (a FIFO, device or socket): give a file or a folder"


def regular_text(path: str | os.PathLike[str], what: str, encoding: str = "utf-8") -> str:
    """The text of a small side file (``what``: "the alias file"), which
    must be a regular file; InputError naming it otherwise."""
    kind = input_kind(Path(path))
    if kind != "file":
        raise InputError(str(path), f"cannot read {what} ({kind})")
    try:
        return Path(path).read_text(encoding=encoding)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read {what} ({exc})") from exc


def open_binary(path: Path) -> IO[bytes]:
    """Open ``path`` for reading bytes, decompressing gzip, bzip2 or xz
    (recognised by their magic bytes, whatever the extension); inside
    :func:`watch_reading` on ``path``, reading reports its position."""
    try:
        raw = io.FileIO(path, "rb")
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from exc
    try:
        magic = raw.read(6) or b""
        raw.seek(0)
        watch = _watched.get()
        counted = _Counted(raw, watch) if watch is not None and watch.path == path else raw
        source = io.BufferedReader(counted, _BUFFER_BYTES)
    except OSError as exc:
        raw.close()
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from exc
    for prefix, decompressor in _MAGIC:
        if magic.startswith(prefix):
            # typeshed declares these BufferedIOBase, not IO[bytes]; they give
            # every method of a binary file that the readers use.
            inner = cast(IO[bytes], decompressor(source))
            return io.BufferedReader(_Bounded(inner, raw, path, current_limits()), _BUFFER_BYTES)
    return source


# --- text encodings ------------------------------------------------------------


@dataclass(frozen=True)
class TextEncoding:
    """How a file's bytes become text: ``codec`` (a Python codec name; for
    UTF-8 with a byte-order mark ``utf-8-sig``, which drops it) and whether it
    was ``guessed`` from the bytes rather than known (UTF-8, a byte-order
    mark, or forced)."""

    codec: str
    guessed: bool = False

    @property
    def name(self) -> str:
        """The name reports show: ``utf-8`` with or without a byte-order mark."""
        return "utf-8" if self.codec == "utf-8-sig" else self.codec

    @property
    def line_safe(self) -> bool:
        """True when a line end is the byte ``\\n`` whatever the text around it
        (UTF-8, Latin-1, GB18030, Shift-JIS ...; not UTF-16), so the bytes can
        be split into lines before they are decoded."""
        return "\n\r".encode(self.codec) == b"\n\r" and "utf-16" not in self.codec and "utf-32" not in self.codec


UTF8 = TextEncoding("utf-8")

#: Byte-order marks, longest first (a UTF-32 LE mark starts like a UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: When charset-normalizer finds several encodings about equally plausible
#: (a short text decodes cleanly as GB18030 and as Korean CP949 alike), the
#: one earlier here wins: the encodings bibliographic files are saved in,
#: Western first, then Chinese, Japanese, Korean, Central European, Cyrillic.
PREFERRED_ENCODINGS = (
    "cp1252", "latin_1", "gb18030", "big5", "shift_jis", "cp932", "euc_jp", "cp949", "euc_kr",
    "cp1250", "iso8859_2", "cp1251", "koi8_r", "utf_16", "mac_roman",
)  # fmt: skip
#: Candidates whose chaos and coherence are this close to the best count as equally plausible.
_TIE = 0.1
#: The first bytes in which NULs at every other position mean UTF-16 (text never holds NUL).
_NUL_WINDOW = 4096
#: At most this much of a whole file is given to the detector.
DETECT_BYTES = 1 << 22


def codec_name(name: str) -> str:
    """The Python codec ``name`` stands for; OptionError when there is none.

    >>> codec_name("GBK"), codec_name("latin1"), codec_name("UTF8")
    ('gbk', 'iso8859-1', 'utf-8')
    """
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise OptionError(f"unknown encoding '{name}' (a Python codec name: utf-8, cp1252, gb18030, ...)") from None


def detect_encoding(sample: bytes, complete: bool = True) -> TextEncoding:
    """The encoding of ``sample`` (the start of a file, or all of it when
    ``complete``): a byte-order mark, else UTF-8 when it decodes as UTF-8
    (a character cut at the end of a partial sample is allowed) and is not
    UTF-16 without a byte-order mark (NUL at every other byte), else the
    guess of charset-normalizer (``guessed``; Latin-1, which decodes any
    bytes, when it has none).

    >>> detect_encoding("Dvořák".encode()), detect_encoding(codecs.BOM_UTF8 + b"x").name
    (TextEncoding(codec='utf-8', guessed=False), 'utf-8')
    >>> detect_encoding("@article{k, author = {凯撒}}".encode("gbk"))
    TextEncoding(codec='gb18030', guessed=True)
    """
    for bom, codec in _BOMS:
        if sample.startswith(bom):
            return TextEncoding(codec)
    if _looks_utf16(sample[:_NUL_WINDOW]):  # valid UTF-8 byte for byte, but text holds no NUL
        return TextEncoding(codec_name(_guess(sample) or "utf-16-le"), guessed=True)
    try:
        sample.decode("utf-8")
        return UTF8
    except UnicodeDecodeError as exc:
        if not complete and exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data":
            return UTF8
    return TextEncoding(codec_name(_guess(sample) or "latin-1"), guessed=True)


def _looks_utf16(head: bytes) -> bool:
    """True when NUL bytes fill one of every two positions: UTF-16 text of
    mostly Latin letters, without a byte-order mark (binary junk has NULs too,
    but not so).

    >>> _looks_utf16("Lee, Ann".encode("utf-16-le")), _looks_utf16(bytes(range(256)))
    (True, False)
    """
    half = len(head) // 2
    if half < 2:
        return False
    nul = sorted((head[0::2].count(0), head[1::2].count(0)))
    return nul[1] >= 0.5 * half and nul[0] <= 0.1 * half


def _guess(sample: bytes) -> str | None:
    """charset-normalizer's encoding of ``sample``, ties broken by
    :data:`PREFERRED_ENCODINGS`."""
    matches = list(charset_normalizer.from_bytes(sample[:DETECT_BYTES]))
    if not matches:
        return None
    best = matches[0]
    close = [m for m in matches if m.chaos <= best.chaos + _TIE and m.coherence >= best.coherence - _TIE]
    rank = {name: i for i, name in enumerate(PREFERRED_ENCODINGS)}
    return min(close, key=lambda m: (rank.get(m.encoding, len(rank)), matches.index(m))).encoding


@dataclass
class _Decoding:
    """The encoding of the file at ``path``: ``forced``, or the one found
    when it was first opened as text."""

    path: Path
    forced: TextEncoding | None
    found: TextEncoding | None = None


_decoding: ContextVar[_Decoding | None] = ContextVar("coauthor_decoding", default=None)


@contextmanager
def decoding(path: Path, forced: str | None = None) -> Iterator[_Decoding]:
    """While inside, text read from ``path`` is decoded in ``forced`` (a
    codec name) or else the encoding found when the file is first read
    (sniffing and reading agree); the value yielded has it as ``found``."""
    state = _Decoding(path, TextEncoding(codec_name(forced)) if forced else None)
    token = _decoding.set(state)
    try:
        yield state
    finally:
        _decoding.reset(token)


def note_encoding(report: ReadReport, encoding: TextEncoding | None) -> None:
    """Put the encoding a file was read with into its report, with a warning
    when it was guessed (the file is not UTF-8 and no encoding was forced).
    A reader that decodes by what the file declares (XML) has set the
    report's encoding itself, and that one stands."""
    if encoding is None or report.encoding is not None:
        return
    report.encoding = encoding.name
    if encoding.guessed:
        report.warn(f"encoding guessed: {encoding.name} (not UTF-8; --encoding NAME sets it)")


def file_encoding(path: Path, sample: bytes | None = None, complete: bool = False) -> TextEncoding:
    """The encoding to read ``path`` with: forced or already found inside
    :func:`decoding`, else detected from ``sample`` (by default the file's
    first 64 KiB)."""
    state = _decoding.get()
    if state is not None and state.path != path:
        state = None
    if state is not None and (state.forced or state.found):
        return state.forced or state.found  # type: ignore[return-value]  # one of them is set
    if sample is None:
        sample, complete = _head_bytes(path)
    found = detect_encoding(sample, complete)
    if state is not None:
        state.found = found
    return found


def _redetect(path: Path, raw: bytes) -> TextEncoding | None:
    """The encoding of the whole ``raw`` text of ``path`` when the one found
    from its start does not decode it, None when the encoding was forced."""
    state = _decoding.get()
    if state is not None and state.path == path:
        if state.forced:
            return None
        state.found = detect_encoding(raw)
        return state.found
    return detect_encoding(raw)


def _head_bytes(path: Path) -> tuple[bytes, bool]:
    """The first 64 KiB of decompressed bytes, and whether that is all of them."""
    try:
        with open_binary(path) as stream:
            raw = stream.read(SNIFF_BYTES + 1)
    except (OSError, EOFError, lzma.LZMAError, zlib.error) as exc:
        raise InputError(str(path), f"cannot decompress ({exc})") from exc
    return raw[:SNIFF_BYTES], len(raw) <= SNIFF_BYTES


def not_decodable(path: Path, line: int, encoding: TextEncoding) -> InputError:
    """The error for text of ``path`` that ``encoding`` cannot decode at ``line``."""
    state = _decoding.get()
    how = "the encoding forced with --encoding" if state and state.forced else "use --encoding NAME to set it"
    return InputError(f"{path}:{line}", f"not {encoding.name} text ({how})")


def open_text(path: Path) -> IO[str]:
    """Open ``path`` as text (decompressing as :func:`open_binary` does) in
    the encoding of :func:`file_encoding`."""
    return io.TextIOWrapper(open_binary(path), encoding=file_encoding(path).codec, newline=None)


def read_text(path: Path) -> str:
    """The whole text of ``path`` in its encoding (found on the whole text
    when the start of the file suggested another); InputError naming the line
    when it cannot be decoded."""
    with open_binary(path) as stream:
        raw = stream.read()
    encoding = file_encoding(path, raw, complete=True)
    try:
        return _decode(path, raw, encoding)
    except InputError:
        again = _redetect(path, raw)
        if again is None or again == encoding:
            raise
    return _decode(path, raw, again)


def _decode(path: Path, raw: bytes, encoding: TextEncoding) -> str:
    """``raw`` (the bytes of ``path``) decoded in ``encoding``; InputError naming the line."""
    try:
        return raw.decode(encoding.codec)
    except UnicodeDecodeError as exc:
        raise not_decodable(path, raw[: exc.start].count(b"\n") + 1, encoding) from exc


def read_head(path: Path) -> str:
    """The first 64 KiB of decompressed text, for sniffing, in the encoding
    of :func:`file_encoding` (a character cut at the end is dropped)."""
    raw, complete = _head_bytes(path)
    return raw.decode(file_encoding(path, raw, complete).codec, errors="replace")
