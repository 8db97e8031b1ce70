"""``coauthor names``: the authorship table, each name resolved to an author."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from coauthor.atomic import write_text_atomic
from coauthor.cli.job import read_options
from coauthor.cli.options import (
    output_option,
    resolve_options,
)
from coauthor.exporters.rows import RECORD_FORMATS, table_text
from coauthor.readers import ReadOptions, read_inputs


@click.command()
@read_options(format_flag=False)
@click.option(
    "--format", "fmt", type=click.Choice(RECORD_FORMATS), default="csv", show_default=True, help="Output format."
)
@output_option("Write the table to this file (atomically) instead of standard output.", required=False)
@resolve_options
@click.option(
    "--export-aliases",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Write every merge as an alias file; edit it and pass it back with --aliases.",
)
@click.option("--report", "show_report", is_flag=True,
              help="List merges with their rule, names left apart and possible homonyms: also names whose "
                   "mentions fall into several evidence groups, with the evidence for and against splitting "
                   "(on standard error when the table goes to standard output).")  # fmt: skip
def names(
    inputs: tuple[Path, ...], options: ReadOptions, input_format: str | None, fmt: str, output: Path | None,
    resolve: str, aliases: str | None, export_aliases: Path | None, show_report: bool,
) -> None:  # fmt: skip
    """Resolve the author names into people and print one row per
    authorship: paper_id, position, name (as written), author_id,
    author_name and the rule that decided (then evidence, year, ids and the
    parsed name)."""
    from coauthor.names.aliases import aliases_text, read_aliases
    from coauthor.names.report import name_report
    from coauthor.names.resolve import resolve as resolve_names
    from coauthor.names.split import paper_context

    papers, _ = read_inputs(inputs, options, input_format)
    alias_file = read_aliases(aliases) if aliases else None
    table = resolve_names(papers, alias_file, resolve)
    if output is None:
        sys.stdout.write(table_text(table, fmt))
    else:
        write_text_atomic(output, table_text(table, fmt))
        click.echo(f"{len(table)} authorships of {table['author_id'].nunique()} authors written to {output}", err=True)
    if export_aliases is not None:
        write_text_atomic(export_aliases, aliases_text(table, alias_file))
        click.echo(f"Aliases written to {export_aliases}", err=True)
    if show_report:
        for line in name_report(table, context=paper_context(papers)).lines():
            click.echo(line, err=output is None)
