"""Progress on standard error for the CLI (rich), off with ``--quiet`` or
when standard error is not a terminal. The library never draws: it calls
back, and this module turns the calls into a bar."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def file_progress(quiet: bool) -> Iterator[Callable[[int, int, Path], None]]:
    """A callback for :func:`coauthor.readers.read_inputs` that shows one
    bar over the input files (``done/total`` and the current file name)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    disabled = quiet or not sys.stderr.isatty()
    columns = (TextColumn("Reading {task.fields[name]}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=disabled, transient=True) as progress:
        task = progress.add_task("read", total=None, name="")

        def update(done: int, total: int, path: Path) -> None:
            progress.update(task, completed=done, total=total, name=path.name)

        yield update
