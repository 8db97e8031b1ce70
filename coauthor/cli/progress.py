"""Progress on standard error for the CLI (rich), off with ``--quiet`` or
when standard error is not a terminal. The library never draws: it calls
back, and this module turns the calls into one live display with a bar over
the bytes of the input files and, for long jobs, a line naming the current stage."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress

_live: list[Progress] = []  # the display of the running command, if any


@contextmanager
def file_progress(quiet: bool) -> Iterator[Callable[[int, int, Path], None]]:
    """A callback for :func:`coauthor.readers.read_inputs` that shows one
    bar over the bytes of the input files (read and total sizes, the time
    left and the current file name)."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        Task,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    disabled = quiet or not sys.stderr.isatty()

    class BytesColumn(DownloadColumn):
        """Bytes read of the total; blank on the stage line, which has none."""

        def render(self, task: Task) -> Text:
            return Text("") if task.total is None else super().render(task)

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        BytesColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), disable=disabled, transient=True) as progress:
        task = progress.add_task("Reading", total=None)

        def update(done: int, total: int, path: Path) -> None:
            progress.update(task, completed=done, total=total, description=f"Reading {short_name(path.name)}")

        _live.append(progress)
        try:
            yield update
        finally:
            _live.pop()


def short_name(name: str, width: int = 28) -> str:
    """``name`` cut in the middle to ``width`` characters, so the bar keeps
    its room on an 80-column terminal.

    >>> short_name("crossref_works_from_habanero_cassettes.json")
    'crossref_works…assettes.json'
    >>> short_name("seeds.txt")
    'seeds.txt'
    """
    if len(name) <= width:
        return name
    tail = (width - 1) // 2
    return f"{name[: width - 1 - tail]}…{name[-tail:]}"


@contextmanager
def stage_progress(quiet: bool) -> Iterator[Callable[[str], None]]:
    """A callback naming the current stage of a long job, shown as one more
    line of the running display (or silent with ``quiet``)."""
    if quiet or not _live:
        yield lambda text: None
        return
    progress = _live[-1]
    task = progress.add_task("Starting", total=None)
    yield lambda text: progress.update(task, description=text)
