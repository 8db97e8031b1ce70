"""What every reading command shares: the inputs and reading options, the
:class:`Job` (read, build, filter, analyse) and the summary printed after it."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from coauthor.analysis.engine import runs_on_spark
from coauthor.cli.options import analysis_options as with_analysis_options
from coauthor.cli.options import error_line
from coauthor.cli.options import graph_options as with_graph_options
from coauthor.cli.progress import file_progress, stage_progress
from coauthor.errors import CoauthorError, OptionError
from coauthor.graph.filters import GraphOptions
from coauthor.pipeline import Analysis, AnalysisOptions, analyze
from coauthor.plot.kinds import PlotOptions
from coauthor.readers import FORMATS, ReadOptions
from coauthor.readers.limits import LIMIT_HELP, MAX_YEAR, MIN_YEAR, Limits

if TYPE_CHECKING:
    from coauthor.spark.pipeline import SparkAnalysis


def read_options(format_flag: bool = True) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The inputs argument and the options every reading command shares.

    The option forcing an input format is ``--input-format``, also spelled
    ``--format`` where the command has no output ``--format`` of its own.
    """
    format_names = ("--input-format", "--format") if format_flag else ("--input-format",)

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        return _with_read_options(command, format_names)

    return decorate


def _with_read_options(command: Callable[..., Any], format_names: tuple[str, ...]) -> Callable[..., Any]:
    @click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
    @click.option(
        "--undated-year",
        type=click.IntRange(MIN_YEAR, MAX_YEAR),
        default=None,
        metavar="YEAR",
        help="Year for dates printed without one [default: the current year].",
    )
    @click.option(
        "--owner",
        default=None,
        metavar="NAME",
        help="Owner of profile pages (an author of every paper on the page); "
        "overrides the page header or the name common to its papers.",
    )
    @click.option(
        *format_names,
        "input_format",
        type=click.Choice(list(FORMATS)),
        default=None,
        help="Read every input as this format instead of detecting it.",
    )
    @click.option(
        "--author-sep",
        default=";",
        show_default=True,
        metavar="SEP",
        help="Separator of names in the authors column of a generic CSV.",
    )
    @click.option("--limit", "limits", multiple=True, metavar="NAME=N",
                  help=f"Change a limit on the input (repeatable; 0: no limit): {LIMIT_HELP}.")  # fmt: skip
    @click.option("--encoding", default=None, metavar="NAME",
                  help="Text encoding of every input (utf-8, cp1252, gb18030, ...) instead of the one "
                       "detected.")  # fmt: skip
    @click.option("-q", "--quiet", is_flag=True, help="No progress bar on standard error.")
    @functools.wraps(command)
    def wrapper(
        *args: Any, undated_year: int | None, owner: str | None, author_sep: str, limits: tuple[str, ...],
        encoding: str | None, quiet: bool, **kwargs: Any,
    ) -> Any:  # fmt: skip
        with file_progress(quiet) as progress:
            try:
                options = ReadOptions(owner=owner, author_sep=author_sep, progress=progress,
                                      limits=Limits.parse(limits), encoding=encoding)  # fmt: skip
                if undated_year is not None:
                    options = dataclasses.replace(options, undated_year=undated_year)
                return command(*args, options=options, **kwargs)
            except CoauthorError as exc:
                raise click.ClickException(error_line(exc)) from exc

    return wrapper


@dataclass(frozen=True)
class Job:
    """What to read and how to build and analyse it: the options shared by
    ``graph``, ``analyze``, ``report``, ``plot`` and ``html``."""

    inputs: tuple[Path, ...]
    read: ReadOptions
    input_format: str | None
    graph: GraphOptions
    analysis: AnalysisOptions
    spark_output: str

    def run(self) -> Analysis | SparkAnalysis:
        """Read, build, filter and analyse (:func:`coauthor.pipeline.analyze`,
        which picks the engine), naming each stage under the progress bar."""
        with stage_progress(bool(click.get_current_context().params.get("quiet"))) as stage:
            return analyze(self.inputs, self.read, self.graph, self.analysis, self.input_format, on_stage=stage)

    def require_local(self) -> None:
        """OptionError unless a single-machine engine was chosen (the
        commands that only ``analyze`` and ``graph`` run on Spark)."""
        if runs_on_spark(self.analysis.engine):
            name = click.get_current_context().info_name
            raise OptionError(f"--engine spark runs `coauthor analyze` and `coauthor graph`, not `coauthor {name}`")

    def analyze(self) -> Analysis:
        """:meth:`run` for the commands that run on one machine only
        (OptionError for ``--engine spark``)."""
        self.require_local()
        result = self.run()
        assert isinstance(result, Analysis)  # not Spark's tables: refused above
        return result

    def write_spark_result(self, result: SparkAnalysis, output: Path) -> None:
        """Write the Spark engine's tables as this command does
        (:func:`coauthor.cli.spark.write_spark_result`)."""
        from coauthor.cli.spark import write_spark_result

        command = click.get_current_context().info_name or ""
        write_spark_result(
            command, result, self.analysis, self.spark_output, self.inputs, self.read, self.graph, output
        )

    def figure(self, chosen: PlotOptions) -> PlotOptions:
        """The figure options ``chosen``, with this job's seed and ``--hops``
        (1 unless given) for the ego figure."""
        return replace(chosen, hops=self.graph.hops if self.graph.hops is not None else 1, seed=self.analysis.seed)


def job_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The reading, graph and analysis options, handed to ``command`` as one
    ``job: Job``."""

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        inputs: tuple[Path, ...],
        options: ReadOptions,
        input_format: str | None,
        graph_options: GraphOptions,
        analysis_options: AnalysisOptions,
        spark_output: str,
        **kwargs: Any,
    ) -> Any:
        job = Job(inputs, options, input_format, graph_options, analysis_options, spark_output)
        return command(*args, job=job, **kwargs)

    return read_options()(with_graph_options(with_analysis_options(wrapper)))


def summary(result: Analysis) -> None:
    """The run's summary (:meth:`coauthor.pipeline.Analysis.summary`), a line each."""
    for line in result.summary():
        click.echo(line)
