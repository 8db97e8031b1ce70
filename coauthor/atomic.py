"""Atomic file output: write to a temporary file beside the target, then rename.

A crash or an error mid-write never leaves a half-written file behind, and
every failure to write (a full disk, a read-only or immutable target, a
parent that is a file) is an :class:`~coauthor.errors.OutputError` naming
the target: ``cannot write PATH: reason``. A folder of several outputs (a
report) is marked by :func:`incomplete_marker` while it is written.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> with atomic_path(target) as tmp:
...     _ = tmp.write_text("done")
>>> target.read_text()
'done'
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from coauthor.errors import OutputError

#: The file that says a folder of outputs is being written or was left
#: incomplete (by an error, Ctrl-C or a kill); removed once it is complete.
INCOMPLETE = ".incomplete"


def output_reason(exc: OSError, target: Path) -> str:
    """Why writing ``target`` failed, in words (a parent that is a file is
    named as such).

    >>> import tempfile
    >>> a_file = Path(tempfile.mkdtemp()) / "a.png"
    >>> _ = a_file.write_text("")
    >>> reason = output_reason(FileExistsError(errno.EEXIST, "File exists"), a_file / "b.png")
    >>> reason == f"{a_file} is a file, not a folder"
    True
    """
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):
        for parent in target.parents:
            if parent.exists() and not parent.is_dir():
                return f"{parent} is a file, not a folder"
    if exc.errno == errno.EISDIR or target.is_dir():
        return f"{target} is a folder"
    return exc.strerror or str(exc)


def make_folder(folder: Path, target: Path | None = None) -> None:
    """Create ``folder`` and its parents; OutputError naming ``target`` (or
    the folder) when that is impossible."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        where = target if target is not None else folder
        raise OutputError(str(where), output_reason(exc, where)) from exc


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path; on success rename it onto ``target``. Any
    OSError while writing or renaming becomes an OutputError and the
    temporary file is removed."""
    target = Path(target)
    make_folder(target.parent, target)
    tmp: Path | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(str(target), output_reason(exc, target)) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def write_text_atomic(target: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``target`` atomically."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


@contextmanager
def incomplete_marker(folder: str | os.PathLike[str]) -> Iterator[Path]:
    """While inside, ``folder/.incomplete`` says the folder is being
    written; it is removed only when the block ends without an error, so a
    folder cut short by an error, Ctrl-C or a kill is marked incomplete.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> with incomplete_marker(out) as marker:
    ...     marker.exists()
    True
    >>> (out / INCOMPLETE).exists()
    False
    """
    out = Path(folder)
    make_folder(out)
    marker = out / INCOMPLETE
    write_text_atomic(marker, "coauthor is writing this folder; if this file stays, the run did not finish "
                              "and the files here are incomplete: run the command again.\n")  # fmt: skip
    yield marker
    with contextlib.suppress(FileNotFoundError):
        marker.unlink()
