"""Fixtures of the fetch tests: no connection leaves 127.0.0.1, no backoff
sleeps, a fresh cache folder per test, and fake APIs serving the
hand-made works of ``tests/data/fetch``."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fakes import FETCH_DATA, FakeServer, crossref_app, dblp_app, load, openalex_app, serving

LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[float]:
    """Refuse any connection off this machine, record backoff sleeps instead
    of sleeping, and keep the cache and the environment test-local."""
    connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        if isinstance(address, tuple) and address[0] not in LOOPBACK:
            raise AssertionError(f"test tried to reach {address}")
        return connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.delenv("COAUTHOR_MAILTO", raising=False)
    monkeypatch.setenv("COAUTHOR_CACHE_DIR", str(tmp_path / "cache"))
    sleeps: list[float] = []
    monkeypatch.setattr("coauthor.fetch.client._default_sleep", sleeps.append)
    return sleeps


@pytest.fixture
def sleeps(offline: list[float]) -> list[float]:
    """The backoff waits asked for (none is slept)."""
    return offline


@pytest.fixture
def openalex(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeServer]:
    """Fake OpenAlex over the hand-made works, 2 works a page."""
    with serving(FakeServer(openalex_app(load("openalex_works.json"), page_size=2))) as fake:
        monkeypatch.setenv("COAUTHOR_OPENALEX_URL", fake.url)
        yield fake


@pytest.fixture
def crossref(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeServer]:
    """Fake Crossref over the hand-made works, 2 works a page."""
    with serving(FakeServer(crossref_app(load("crossref_works.json"), page_size=2))) as fake:
        monkeypatch.setenv("COAUTHOR_CROSSREF_URL", fake.url)
        yield fake


@pytest.fixture
def dblp(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeServer]:
    """Fake DBLP serving the hand-made person files."""
    with serving(FakeServer(dblp_app(FETCH_DATA / "dblp"))) as fake:
        monkeypatch.setenv("COAUTHOR_DBLP_URL", fake.url)
        yield fake
