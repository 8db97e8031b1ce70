"""``coauthor inspect`` and ``coauthor records``: what was read, and the records themselves."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from coauthor.atomic import write_text_atomic
from coauthor.cli.job import read_options
from coauthor.cli.options import (
    output_option,
)
from coauthor.exporters.rows import RECORD_FORMATS, records_text
from coauthor.readers import UNRECOGNISED, ReadOptions, read_inputs


@click.command()
@read_options()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@click.option("--errors", is_flag=True, help="Also list every skipped record: file:line and reason.")
def inspect(
    inputs: tuple[Path, ...], options: ReadOptions, input_format: str | None, as_json: bool, errors: bool
) -> None:
    """Say, per input file, the format found and what became of its records:
    read = used + merged + skipped (with the reason of each skip)."""
    _, reports = read_inputs(inputs, options, input_format)
    if as_json:
        rows = [r.to_dict() | ({"errors": [list(e) for e in r.errors]} if errors else {}) for r in reports]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for report in reports:
        skipped = sum(report.skipped.values())
        layout = f"{report.format} ({report.variant})" if report.variant else report.format
        encoding = f", {report.encoding}" if report.encoding else ""
        click.echo(
            f"{report.file}: {layout}{encoding}, {report.read} read, {report.used} used, "
            f"{report.merged} merged, {skipped} skipped, {sum(report.warnings.values())} warnings"
        )
        for reason, count in sorted(report.skipped.items()):
            click.echo(f"    skipped {count}: {reason}")
        for reason, count in sorted(report.warnings.items()):
            click.echo(f"    warning {count}: {reason}")
        if report.format == UNRECOGNISED:
            click.echo(f"    {report.errors[0][1]}")
        if errors:
            for where, reason in report.errors:
                click.echo(f"    {where}: {reason}")


@click.command()
@read_options(format_flag=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(RECORD_FORMATS),
    default="jsonl",
    show_default=True,
    help="Output format.",
)
@output_option("Write to this file (atomically) instead of standard output.", required=False)
def records(
    inputs: tuple[Path, ...], options: ReadOptions, input_format: str | None, fmt: str, output: Path | None
) -> None:
    """Print one normalised record per paper (names exactly as written)."""
    papers, _ = read_inputs(inputs, options, input_format)
    text = records_text(papers, fmt)
    if output is None:
        sys.stdout.write(text)
    else:
        write_text_atomic(output, text)
        click.echo(f"{len(papers)} records written to {output}", err=True)
