"""Helpers of the CLI tests: run a command, read the table it prints."""

from __future__ import annotations

import io

import pandas as pd
from click.testing import CliRunner, Result

from coauthor.cli import main


def run(*args: str) -> Result:
    """Run ``coauthor ARGS`` in process, exceptions raised as they are."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def table(result: Result) -> pd.DataFrame:
    """The CSV a successful command printed on stdout."""
    assert result.exit_code == 0, result.stderr
    return pd.read_csv(io.StringIO(result.stdout), keep_default_na=False)
