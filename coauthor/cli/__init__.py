"""The ``coauthor`` command line: parse options, call the library, print.

One module per command group: :mod:`~coauthor.cli.read` (``inspect``,
``records``), :mod:`~coauthor.cli.names`, :mod:`~coauthor.cli.graph`
(``graph``, ``export``), :mod:`~coauthor.cli.analyze` (``analyze``,
``sensitivity``), :mod:`~coauthor.cli.plot` (``plot``, ``html``),
:mod:`~coauthor.cli.report`, :mod:`~coauthor.cli.fetch` and
:mod:`~coauthor.cli.spark` (``--engine spark``); the shared options are in
:mod:`~coauthor.cli.options` and :mod:`~coauthor.cli.job`, progress bars in
:mod:`~coauthor.cli.progress`.

Every known failure is a :class:`coauthor.errors.CoauthorError`, printed as
one ``Error: ...`` line on stderr with a non-zero exit.
"""

from __future__ import annotations

import click

from coauthor._version import __version__
from coauthor.cli import analyze, fetch, graph, names, plot, read, report
from coauthor.cli.analyze import analyze_command, sensitivity
from coauthor.cli.graph import export
from coauthor.cli.job import Job, job_options, read_options
from coauthor.cli.plot import html_command
from coauthor.cli.read import inspect, records
from coauthor.readers import FORMATS

__all__ = [
    "Job",
    "analyze_command",
    "export",
    "html_command",
    "inspect",
    "job_options",
    "main",
    "read_options",
    "records",
    "sensitivity",
]

_FORMATS_HELP = "; ".join(f"{f.name}: {f.description}" for f in FORMATS.values())


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=f"Input formats (detected from the content): {_FORMATS_HELP}.",
)
@click.version_option(__version__, prog_name="coauthor")
def main() -> None:
    """Co-authorship network analysis: turn author lists of papers into a
    weighted collaboration graph, its central authors, communities and
    timelines, with figures and GraphML.

    INPUTS are files or folders (every file inside, sorted).
    """


for _command in (
    read.inspect,
    read.records,
    names.names,
    graph.graph,
    graph.export,
    analyze.analyze_command,
    analyze.sensitivity,
    report.report,
    plot.plot,
    plot.html_command,
    fetch.fetch,
):
    main.add_command(_command)
