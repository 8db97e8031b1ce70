"""``coauthor fetch``: one click group, one command per API. The commands
parse options, build the query, call :func:`coauthor.fetch.fetch_works`
and draw its progress; the HTTP stack is imported only when one runs."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from coauthor.cli.options import FiniteFloat, error_line, output_option
from coauthor.errors import CoauthorError, OptionError
from coauthor.fetch import APIS, crossref, dblp, openalex
from coauthor.fetch.base import Api, Query, Years
from coauthor.readers.limits import MAX_YEAR, MIN_YEAR, Limits

FetchOptions = dict[str, Any]
_SHARED = "output since until max_records hops mailto cache_dir refresh timeout deadline limits quiet base_url".split()


@click.group(name="fetch")
def fetch() -> None:
    """Fetch the works of a person, an institution, a venue or a search
    from OpenAlex, Crossref or DBLP into a file that the other commands
    read. Responses are cached on disk (a second run sends no request;
    --refresh asks again), and a fetch cut short resumes when the same
    command is run again.
    """


YEAR = click.IntRange(MIN_YEAR, MAX_YEAR)


def fetch_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options every ``fetch`` command shares, gathered into ``options``."""

    @output_option("File to write (atomically; FILE.partial while the fetch runs).")
    @click.option("--since", type=YEAR, default=None, metavar="YEAR", help="Only works published in or after YEAR.")
    @click.option("--until", type=YEAR, default=None, metavar="YEAR", help="Only works published in or before YEAR.")
    @click.option(
        "--max",
        "max_records",
        type=click.IntRange(min=1),
        default=None,
        metavar="N",
        help="Stop after N works in all (hops included).",
    )
    @click.option(
        "--hops",
        type=click.IntRange(0, 1),
        metavar="0|1",
        default=0,
        show_default=True,
        help="1: also fetch the works of every co-author found (bounded by --max).",
    )
    @click.option(
        "--mailto",
        envvar="COAUTHOR_MAILTO",
        default=None,
        metavar="EMAIL",
        help="Your e-mail, sent to the API (polite pool) and in the User-Agent [env: COAUTHOR_MAILTO].",
    )
    @click.option(
        "--cache-dir",
        envvar="COAUTHOR_CACHE_DIR",
        default=None,
        type=click.Path(file_okay=False, path_type=Path),
        help="HTTP cache folder [env: COAUTHOR_CACHE_DIR; default: the user cache folder, e.g. ~/.cache/coauthor].",
    )
    @click.option("--refresh", is_flag=True, help="Ask the API again instead of using cached responses.")
    @click.option(
        "--timeout",
        type=FiniteFloat(min=1),
        default=60.0,
        show_default=True,
        metavar="SECONDS",
        help="Give up on a request that takes longer than this in all, body included (then retry).",
    )
    @click.option(
        "--deadline",
        type=FiniteFloat(min=0),
        default=21600.0,
        show_default=True,
        metavar="SECONDS",
        help="Stop the whole fetch after this long (0: never); the same command resumes it.",
    )
    @click.option("--limit", "limits", multiple=True, metavar="response=N",
                  help=f"Largest response body in bytes (default {Limits().response:,}; 0: any).")  # fmt: skip
    @click.option("-q", "--quiet", is_flag=True, help="No progress bar on standard error.")
    @click.option("--base-url", default=None, hidden=True, help="The API's base URL (tests, mirrors).")
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        options = {name: kwargs.pop(name) for name in _SHARED}
        try:
            return command(*args, options=options, **kwargs)
        except CoauthorError as exc:
            raise click.ClickException(error_line(exc)) from exc

    return wrapper


def _years(options: FetchOptions) -> Years:
    since, until = options["since"], options["until"]
    if since is not None and until is not None and since > until:
        raise OptionError(f"--since {since} is after --until {until}")
    return since, until


@fetch.command(name="openalex")
@click.option("--author", metavar="ORCID_OR_ID", help="An author: ORCID or OpenAlex id (A…).")
@click.option("--institution", metavar="ROR_OR_ID", help="An institution: ROR id or OpenAlex id (I…).")
@click.option("--source", metavar="ISSN_OR_ID", help="A journal or venue: ISSN or OpenAlex id (S…).")
@click.option("--search", metavar="QUERY", help="Works matching a full-text search.")
@fetch_options
def openalex_command(
    author: str | None, institution: str | None, source: str | None, search: str | None, options: FetchOptions
) -> None:
    """OpenAlex works (JSON Lines, as the API gives them) of an author, an
    institution, a source or a search."""
    query = openalex.works_query(author, institution, source, search, _years(options))
    _run(APIS["openalex"], query, options)


@fetch.command(name="crossref")
@click.option("--orcid", metavar="ORCID", help="Works that list this ORCID.")
@click.option("--member", metavar="ID", help="Works of a Crossref member (publisher) id.")
@click.option("--issn", metavar="ISSN", help="Works of a journal.")
@click.option("--query", "--search", "query", metavar="QUERY", help="Works matching a bibliographic search.")
@fetch_options
def crossref_command(
    orcid: str | None, member: str | None, issn: str | None, query: str | None, options: FetchOptions
) -> None:
    """Crossref works (JSON Lines, as the API gives them) by ORCID, member,
    ISSN or query."""
    _run(APIS["crossref"], crossref.works_query(orcid, member, issn, query, _years(options)), options)


@fetch.command(name="dblp")
@click.option("--person", required=True, metavar="PID", help="A DBLP person id (k/DonaldEKnuth) or its page URL.")
@fetch_options
def dblp_command(person: str, options: FetchOptions) -> None:
    """A DBLP person's records, written as DBLP XML (keys, homonym numbers
    and ORCIDs kept; the dblp reader takes it)."""
    _run(APIS["dblp"], dblp.person_query(person, _years(options)), options)


def _run(api: Api, query: Query, options: FetchOptions) -> None:
    from coauthor.fetch.client import Client, default_cache_dir
    from coauthor.fetch.engine import fetch_works

    quiet = options["quiet"]
    if api.mailto_param and not options["mailto"] and not quiet:
        click.echo(f"Tip: --mailto EMAIL (or COAUTHOR_MAILTO) puts you in {api.title}'s polite pool.", err=True)
    client = Client(
        mailto=options["mailto"],
        cache_dir=options["cache_dir"] or default_cache_dir(),
        refresh=options["refresh"],
        timeout=options["timeout"],
        deadline=options["deadline"],
        max_body=Limits.parse(options["limits"]).response,
    )
    try:
        with fetch_progress(quiet) as progress:
            result = fetch_works(api, [query], options["output"], client, max_records=options["max_records"],
                                 hops=options["hops"], base_url=options["base_url"], progress=progress)  # fmt: skip
    finally:
        client.close()
    counts = result.counts
    notes = [f"{counts.sent} requests sent, {counts.cached} answered from the cache"]
    if result.resumed:
        notes.append("resumed")
    if options["hops"]:
        notes.append(f"{result.coauthors} co-authors asked for")
    if result.capped:
        notes.append(f"stopped at --max {options['max_records']}")
    click.echo(f"{result.written} works from {api.title} written to {result.output} ({'; '.join(notes)})", err=True)
    for label in result.skipped:
        click.echo(f"    not found, skipped: {label}", err=True)


@contextmanager
def fetch_progress(quiet: bool) -> Iterator[Callable[[Any], None]]:
    """A progress callback drawing one bar on standard error: works written
    (of the total announced, or --max), the query, requests sent and cached."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("Fetching {task.fields[label]}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[sent]} sent, {task.fields[cached]} cached"),
        TimeElapsedColumn(),
    )
    disabled = quiet or not sys.stderr.isatty()
    with Progress(*columns, console=Console(stderr=True), disable=disabled, transient=True) as progress:
        task = progress.add_task("fetch", total=None, label="", sent=0, cached=0)

        def update(step: Any) -> None:
            progress.update(task, completed=step.written, total=step.total, label=step.label,
                            sent=step.sent, cached=step.cached)  # fmt: skip

        yield update
