"""The fetch loop every API shares: page through each query with its cursor,
write each new work once, stop at ``max_records``, expand to co-authors for
``hops`` levels, report progress through a callback, and keep a partial
fetch resumable (:mod:`coauthor.fetch.partial`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from coauthor.fetch.base import Api, Page, Query, Years
from coauthor.fetch.client import Client, Counts
from coauthor.fetch.errors import EmptyResultError, FetchError, NotFoundError, RequestError, ResponseError
from coauthor.fetch.partial import FetchState, PartialOutput


@dataclass(frozen=True)
class FetchProgress:
    """What the progress callback gets after each page."""

    written: int
    total: int | None
    label: str
    sent: int
    cached: int


@dataclass
class FetchResult:
    """What a fetch did: works ``written`` to ``output``, requests ``counts``,
    whether it ``resumed`` a partial fetch, the co-authors asked for at the
    hops, the hop queries ``skipped`` (not found), and whether it stopped at
    ``max_records``."""

    output: Path
    written: int
    counts: Counts
    resumed: bool = False
    coauthors: int = 0
    skipped: list[str] = field(default_factory=list)
    capped: bool = False


def fetch_works(
    api: Api,
    queries: list[Query],
    output: Path,
    client: Client,
    *,
    max_records: int | None = None,
    hops: int = 0,
    base_url: str | None = None,
    progress: Callable[[FetchProgress], None] | None = None,
) -> FetchResult:
    """Fetch the works of ``queries`` (and, with ``hops``, of their
    co-authors) from ``api`` into ``output``.

    The file is complete or absent: works go to ``output.partial`` first and
    a failure leaves it there with its state, so that the same call resumes.
    Raises :class:`EmptyResultError` when nothing matched, and the
    :mod:`coauthor.fetch.errors` of the HTTP layer with a note on what was kept.
    """
    url = api.base_url(base_url)
    signature = {
        "api": api.name,
        "url": url,
        "queries": [q.to_dict() for q in queries],
        "hops": hops,
        "max": max_records,
    }
    out = PartialOutput(Path(output), signature)
    state = out.resume()
    resumed = state is not None
    seeds = [q.person for q in queries if q.person]
    if state is None:
        state = FetchState(queries=list(queries), asked=list(seeds))
        out.start(state, api.header)
    run = _Run(api, url, client, out, state, max_records, hops, progress)
    try:
        capped = run.loop()
    except FetchError as exc:
        out.close()
        if not state.seen:
            out.discard()
            raise
        raise exc.with_note(
            f"{len(state.seen)} works kept in {out.partial}; run the same command again to resume"
        ) from exc
    except BaseException:
        out.close()
        raise
    if not state.seen:
        out.discard()
        labels = ", ".join(q.label for q in queries)
        raise EmptyResultError(
            f"{api.title}: no works found for {labels}; check the id or query, or widen --since/--until"
        )
    out.finish(api.footer)
    return FetchResult(Path(output), len(state.seen), client.counts, resumed,
                       len(state.asked) - len(seeds), state.skipped, capped)  # fmt: skip


class _Run:
    """One fetch in progress: the loop over queries, pages and hop levels."""

    def __init__(
        self,
        api: Api,
        url: str,
        client: Client,
        out: PartialOutput,
        state: FetchState,
        max_records: int | None,
        hops: int,
        progress: Callable[[FetchProgress], None] | None,
    ) -> None:
        self.api, self.url, self.client, self.out, self.state = api, url, client, out, state
        self.max_records, self.hops, self.progress = max_records, hops, progress
        self.seen = set(state.seen)
        self.found = set(state.coauthors)

    def loop(self) -> bool:
        """Run to the end; True when it stopped at ``max_records``."""
        state = self.state
        while True:
            if self.full():
                return True
            if state.index < len(state.queries):
                self.step(state.queries[state.index])
            elif state.depth < self.hops and state.coauthors:
                self.expand()
            else:
                return False

    def full(self) -> bool:
        return self.max_records is not None and len(self.state.seen) >= self.max_records

    def step(self, query: Query) -> None:
        """Fetch one page of ``query``, write its new works, save the state."""
        state = self.state
        first = state.cursor is None
        try:
            page = self.page(query)
        except (NotFoundError, RequestError):
            if state.depth == 0:
                raise
            page = Page([])
            state.skipped.append(query.label)
        if first and page.total:
            state.announced += page.total
        self.take(query, page.items)
        state.cursor = page.next_cursor if page.items and page.next_cursor else None
        if state.cursor is None:
            state.index, state.fresh = state.index + 1, False
        self.out.commit(state)
        self.report(query.label)

    def page(self, query: Query) -> Page:
        """The page at the state's cursor. A cursor the API has forgotten is
        used only for a page the cache holds; otherwise the query starts
        again from its first page, past the cache."""
        state, api, client = self.state, self.api, self.client
        url = self.url + query.path
        response = None
        if state.cursor is not None and self.expired():
            response = client.cached(url, api.params(query, state.cursor, client.mailto))
            if response is None:
                state.cursor, state.fresh = None, True
        if response is None:
            params = api.params(query, state.cursor, client.mailto)
            response = client.get(url, params, f"{api.title} {query.label}", refresh=state.fresh)
        try:
            page = api.parse_page(response.content)
        except ValueError as exc:
            client.forget(response)
            host = urlsplit(self.url).netloc
            raise ResponseError(
                f"{api.title} {query.label}: {host} sent {exc}; run the same command again later"
            ) from exc
        state.cursor_time = client.made_at(response)
        return page

    def expired(self) -> bool:
        ttl, made = self.api.cursor_ttl, self.state.cursor_time
        return ttl is not None and made is not None and self.client.now() - made > ttl

    def take(self, query: Query, works: list[object]) -> None:
        """Write the works not seen yet (within the years and the cap) and
        note their co-authors for the next hop level."""
        state, api = self.state, self.api
        for work in works:
            if self.full():
                return
            if api.year is not None and not _within(api.year(work), query.years):
                continue
            if state.depth < self.hops:
                for person in api.coauthors(work, query.person):
                    if person not in self.found:
                        self.found.add(person)
                        state.coauthors.append(person)
            key = api.key(work)
            if key is None or key in self.seen:
                continue
            self.seen.add(key)
            state.seen.append(key)
            self.out.write(api.line(work) + "\n")

    def expand(self) -> None:
        """Queue the queries for the co-authors found at this level."""
        state = self.state
        asked = set(state.asked)
        new = [p for p in state.coauthors if p not in asked]
        state.queries.extend(self.api.hop_queries(new, state.queries[0].years))
        state.asked.extend(new)
        state.coauthors = []
        self.found = set()
        state.depth += 1
        self.out.commit(state)

    def report(self, label: str) -> None:
        if self.progress is None:
            return
        announced = self.state.announced or None
        total = announced if self.max_records is None else min(self.max_records, announced or self.max_records)
        counts = self.client.counts
        self.progress(FetchProgress(len(self.state.seen), total, label, counts.sent, counts.cached))


def _within(year: int | None, years: Years) -> bool:
    """True when ``year`` is in the range (always, for an open range).

    >>> _within(2005, (2000, None)), _within(None, (2000, None)), _within(None, (None, None))
    (True, False, True)
    """
    since, until = years
    if since is None and until is None:
        return True
    return year is not None and (since is None or year >= since) and (until is None or year <= until)
