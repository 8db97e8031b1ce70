"""The HTTP layer of ``coauthor fetch``: one requests session with an
on-disk cache (requests-cache, SQLite), a polite User-Agent, timeouts, and
retries with exponential backoff and jitter on 429 (``Retry-After``
honoured), 5xx and connection errors.

Failures become :mod:`coauthor.fetch.errors`. The clock is injectable
(``sleep``, ``rng``) so tests wait for nothing.

>>> backoff_delay(3, base=1.0, cap=60.0, jitter=0.5)
8.0
>>> retry_after_seconds("120"), retry_after_seconds("soon")
(120.0, None)
"""

from __future__ import annotations

import email.utils
import ipaddress
import os
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter

from coauthor._version import __version__
from coauthor.fetch.errors import (
    FetchError,
    NetworkError,
    NotFoundError,
    RateLimitError,
    RequestError,
    ServerError,
)

#: Environment variable naming the cache folder (``--cache-dir`` wins).
CACHE_ENV = "COAUTHOR_CACHE_DIR"
#: Query parameters left out of the cache key (and of what the cache stores).
UNCACHED_PARAMS = ("mailto",)
#: Redirects followed for one request, at most.
MAX_REDIRECTS = 5
#: Schemes a request or a redirect may use.
SCHEMES = ("http", "https")


class _Bounded(HTTPAdapter):
    """Reads every body itself, before the cache sees it: at most
    ``max_body`` bytes (0: any) and within ``deadline`` seconds of the
    request's start (a server that drips bytes keeps each read under the
    socket timeout but never ends)."""

    def __init__(self, max_body: int, deadline: Callable[[], float]) -> None:
        super().__init__()
        self.max_body, self.deadline = max_body, deadline

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs["stream"] = True
        response = super().send(request, **kwargs)
        length = response.headers.get("Content-Length", "")
        if self.max_body and length.isdigit() and int(length) > self.max_body:
            response.close()
            raise BodyTooLarge(self.max_body)
        chunks, size, until = [], 0, self.deadline()
        try:
            while chunk := response.raw.read1(1 << 16):
                chunks.append(chunk)
                size += len(chunk)
                if self.max_body and size > self.max_body:
                    raise BodyTooLarge(self.max_body)
                if time.monotonic() > until:
                    raise requests.Timeout(f"the response took longer than the deadline ({request.url})")
        finally:
            response.close()
        response._content = b"".join(chunks)  # what requests keeps once it has read a body
        response._content_consumed = True  # type: ignore[attr-defined]
        return response


class BodyTooLarge(requests.RequestException):
    """A response body past the ``response`` limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the response is larger than {limit:,} bytes")
        self.limit = limit


def redirect_target(current: str, location: str) -> str:
    """Where a redirect from ``current`` to ``location`` goes, checked: only
    http and https, and never to a loopback or private address of another
    host (a public API sending coauthor to this machine's services).

    >>> redirect_target("http://127.0.0.1:8/a", "/b?x=1")
    'http://127.0.0.1:8/b?x=1'
    >>> redirect_target("https://api.openalex.org/w", "file:///etc/passwd")
    Traceback (most recent call last):
    ...
    ValueError: a redirect to file:///etc/passwd (only http and https are followed)
    """
    target = urljoin(current, location)
    parts, before = urlsplit(target), urlsplit(current)
    if parts.scheme not in SCHEMES:
        raise ValueError(f"a redirect to {target} (only http and https are followed)")
    if parts.hostname != before.hostname and _local(parts.hostname or ""):
        raise ValueError(f"a redirect from {before.hostname} to {parts.hostname}, a local address")
    return target


def _local(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified


def default_cache_dir() -> Path:
    """``$COAUTHOR_CACHE_DIR``, else the user cache folder (``~/.cache/coauthor``
    on Linux)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    import platformdirs

    return Path(platformdirs.user_cache_dir("coauthor"))


def user_agent(mailto: str | None) -> str:
    """The User-Agent: coauthor, its version, and whom to write to.

    >>> user_agent("me@example.org").startswith("coauthor/")
    True
    """
    contact = f"; mailto:{mailto}" if mailto else ""
    return f"coauthor/{__version__} (co-authorship network analysis{contact})"


def backoff_delay(attempt: int, base: float, cap: float, jitter: float) -> float:
    """Seconds to wait before retry ``attempt`` (from 0): ``base * 2**attempt``
    capped at ``cap``, scaled by ``jitter`` (a factor drawn from [0.5, 1.5))."""
    return min(cap, base * 2**attempt) * (0.5 + jitter)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """The wait a ``Retry-After`` header asks for: delta-seconds or an HTTP date."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def _default_sleep(seconds: float) -> None:
    time.sleep(seconds)


def _default_clock() -> float:
    return time.time()


@dataclass
class Counts:
    """Responses got so far: ``sent`` over the network, ``cached`` from the cache."""

    sent: int = 0
    cached: int = 0
    retries: int = 0


@dataclass
class Client:
    """GET with cache, retries and errors that say what to do.

    ``cache_dir=None`` means no cache; ``refresh`` re-fetches every request
    (and stores the fresh answer). ``timeout``: seconds one request may take
    in all (connecting, waiting, reading the body); ``deadline``: seconds the
    whole client may run (0: no end); ``max_body``: bytes of one response
    at most (0: any). Only http and https are requested, at most
    :data:`MAX_REDIRECTS` redirects followed (:func:`redirect_target`).
    ``sleep``, ``clock`` and ``rng`` replace the waits, the time and the
    jitter in tests.
    """

    mailto: str | None = None
    cache_dir: Path | None = None
    refresh: bool = False
    timeout: float = 60.0
    retries: int = 5
    backoff: float = 1.0
    max_backoff: float = 60.0
    max_retry_after: float = 300.0
    deadline: float = 0.0
    max_body: int = 256 << 20
    sleep: Callable[[float], None] | None = None
    clock: Callable[[], float] | None = None
    rng: random.Random = field(default_factory=random.Random)
    counts: Counts = field(default_factory=Counts)

    def __post_init__(self) -> None:
        self._sleep = self.sleep or _default_sleep
        self.now = self.clock or _default_clock
        self.session = self._session()
        self.session.headers["User-Agent"] = user_agent(self.mailto)
        self.started = time.monotonic()
        adapter = _Bounded(self.max_body, self._request_deadline)
        for scheme in SCHEMES:
            self.session.mount(f"{scheme}://", adapter)

    def _request_deadline(self) -> float:
        """When the request starting now must be done (monotonic seconds)."""
        until = time.monotonic() + self.timeout
        return min(until, self.started + self.deadline) if self.deadline else until

    def _session(self) -> requests.Session:
        if self.cache_dir is None:
            return requests.Session()
        import requests_cache

        self.cache_dir.mkdir(parents=True, exist_ok=True)
        return requests_cache.CachedSession(
            str(self.cache_dir / "http"),
            backend="sqlite",
            allowable_codes=(200,),
            ignored_parameters=UNCACHED_PARAMS,
        )

    def close(self) -> None:
        self.session.close()

    def get(self, url: str, params: Mapping[str, str], what: str, refresh: bool = False) -> requests.Response:
        """The 200 response to ``GET url?params``; ``what`` names the query in
        errors (``OpenAlex author A123``); ``refresh`` bypasses the cache for
        this request."""
        host = urlsplit(url).netloc
        if urlsplit(url).scheme not in SCHEMES:
            raise RequestError(f"{what}: {url} is not an http or https address")
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            if self.deadline and time.monotonic() > self.started + self.deadline:
                raise NetworkError(
                    f"{what}: the fetch ran past its deadline ({self.deadline:.0f} s); "
                    "run the same command again to resume"
                )
            try:
                response = self._send(url, params, refresh, what)
            except BodyTooLarge as exc:
                raise RequestError(f"{what}: {host} sent {exc} (--limit response=N)") from exc
            except (requests.ConnectionError, requests.Timeout) as exc:
                if last:
                    raise NetworkError(
                        f"{what}: cannot reach {host} after {attempt + 1} tries ({type(exc).__name__}); "
                        "check the network connection or proxy and run the same command again"
                    ) from exc
                self._wait(backoff_delay(attempt, self.backoff, self.max_backoff, self.rng.random()))
                continue
            except requests.RequestException as exc:  # a broken URL, body or encoding: no retry helps
                raise RequestError(f"{what}: the request to {host} failed ({type(exc).__name__}: {exc})") from exc
            status = response.status_code
            if status == 429 or status >= 500:
                if last:
                    raise _retry_error(what, host, status, attempt + 1)
                wait = retry_after_seconds(response.headers.get("Retry-After"))
                if wait is None:
                    wait = backoff_delay(attempt, self.backoff, self.max_backoff, self.rng.random())
                elif wait > self.max_retry_after:
                    raise RateLimitError(
                        f"{what}: {host} asks to wait {wait:.0f} s before the next request (HTTP {status}); "
                        "run the same command again later"
                    )
                self._wait(wait)
                continue
            if status == 404:
                raise NotFoundError(f"{what}: not found at {host} (HTTP 404); check the id")
            if status >= 400:
                raise RequestError(
                    f"{what}: {host} refused the request (HTTP {status}: {_snippet(response)}); check the id or query"
                )
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def cached(self, url: str, params: Mapping[str, str]) -> requests.Response | None:
        """The cached 200 response to ``GET url?params``, or None (nothing is sent)."""
        if self.cache_dir is None or self.refresh:
            return None
        response = self.session.get(url, params=dict(params), only_if_cached=True)  # type: ignore[call-arg]
        if response.status_code != 200:
            return None
        self.counts.cached += 1
        return response

    def made_at(self, response: requests.Response) -> float:
        """When the server made ``response`` (epoch seconds): when it was
        cached, or now for a fresh one."""
        created = getattr(response, "created_at", None) if getattr(response, "from_cache", False) else None
        return created.timestamp() if isinstance(created, datetime) else self.now()

    def forget(self, response: requests.Response) -> None:
        """Drop ``response`` from the cache (it was cached but is unusable)."""
        cache = getattr(self.session, "cache", None)
        if cache is not None and response.request is not None:
            cache.delete(requests=[response.request])

    def _send(self, url: str, params: Mapping[str, str], refresh: bool, what: str) -> requests.Response:
        kwargs: dict[str, Any] = {"params": dict(params), "timeout": self.timeout, "allow_redirects": False}
        if self.cache_dir is not None and (self.refresh or refresh):
            kwargs["force_refresh"] = True
        response = self.session.get(url, **kwargs)
        for _ in range(MAX_REDIRECTS):
            if not response.is_redirect:
                break
            try:
                target = redirect_target(response.url, response.headers["Location"])
            except ValueError as exc:
                raise RequestError(f"{what}: refused {exc}") from exc
            response = self.session.get(target, **(kwargs | {"params": None}))
        else:
            if response.is_redirect:
                raise RequestError(f"{what}: more than {MAX_REDIRECTS} redirects (a redirect loop?)")
        if getattr(response, "from_cache", False):
            self.counts.cached += 1
        else:
            self.counts.sent += 1
        return response

    def _wait(self, seconds: float) -> None:
        self.counts.retries += 1
        self._sleep(seconds)


def _retry_error(what: str, host: str, status: int, tries: int) -> FetchError:
    if status == 429:
        return RateLimitError(
            f"{what}: {host} kept answering 429 (too many requests) after {tries} tries; wait a few minutes, "
            "give --mailto (the polite pool) and run the same command again"
        )
    return ServerError(
        f"{what}: {host} kept failing (HTTP {status}) after {tries} tries; the service may be down, "
        "run the same command again later"
    )


def _snippet(response: requests.Response) -> str:
    """The start of an error body, on one line (Crossref explains a 400 there)."""
    text = " ".join(response.text.split())
    return text[:200] or response.reason or "no message"
