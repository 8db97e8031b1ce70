"""The HTTP layer on its own: retries and backoff, Retry-After, errors, the
cache and its refresh, the User-Agent; against a local server."""

from __future__ import annotations

import random
import socket
import time
from pathlib import Path

import pytest
from fakes import FakeServer, Reply, json_reply, serving, text_reply

from coauthor import __version__
from coauthor.errors import CoauthorError
from coauthor.fetch.client import Client, backoff_delay, retry_after_seconds
from coauthor.fetch.errors import NetworkError, NotFoundError, RateLimitError, RequestError, ServerError


@pytest.fixture
def server() -> FakeServer:
    with serving(FakeServer(lambda path, params: json_reply({"path": path, **params}))) as fake:
        yield fake


def client(tmp_path: Path, **kwargs: object) -> Client:
    kwargs.setdefault("cache_dir", tmp_path / "cache")
    return Client(rng=random.Random(0), **kwargs)  # type: ignore[arg-type]


def test_500_then_success_waits_with_exponential_backoff(server: FakeServer, tmp_path: Path, sleeps: list[float]):
    server.inject(Reply(500), times=2)
    response = client(tmp_path).get(server.url + "/x", {"a": "1"}, "test")
    assert response.json() == {"path": "/x", "a": "1"}
    assert len(server.log) == 3
    rng = random.Random(0)
    assert sleeps == [backoff_delay(0, 1.0, 60.0, rng.random()), backoff_delay(1, 1.0, 60.0, rng.random())]
    assert 0.5 <= sleeps[0] < 1.5 and 1.0 <= sleeps[1] < 3.0


def test_429_honours_retry_after(server: FakeServer, tmp_path: Path, sleeps: list[float]):
    server.inject(Reply(429, b"slow down", {"Retry-After": "7"}))
    assert client(tmp_path).get(server.url + "/x", {}, "test").status_code == 200
    assert sleeps == [7.0]


def test_retry_after_too_long_stops_with_advice(server: FakeServer, tmp_path: Path, sleeps: list[float]):
    server.inject(Reply(429, b"", {"Retry-After": "3600"}))
    with pytest.raises(RateLimitError, match=r"asks to wait 3600 s .*run the same command again later"):
        client(tmp_path).get(server.url + "/x", {}, "test")
    assert sleeps == []


def test_rate_limited_every_time(server: FakeServer, tmp_path: Path, sleeps: list[float]):
    server.inject(Reply(429), times=100)
    with pytest.raises(RateLimitError, match=r"kept answering 429 .* after 4 tries; .*--mailto"):
        client(tmp_path, retries=3).get(server.url + "/x", {}, "test")
    assert len(server.log) == 4 and len(sleeps) == 3


def test_server_down(server: FakeServer, tmp_path: Path, sleeps: list[float]):
    server.inject(Reply(503), times=100)
    with pytest.raises(ServerError, match=r"kept failing \(HTTP 503\) after 3 tries"):
        client(tmp_path, retries=2).get(server.url + "/x", {}, "test")


def test_connection_refused_is_a_network_error(tmp_path: Path, sleeps: list[float]):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(NetworkError, match=r"cannot reach 127\.0\.0\.1:\d+ after 3 tries .*check the network"):
        client(tmp_path, retries=2).get(f"http://127.0.0.1:{port}/x", {}, "test")
    assert len(sleeps) == 2


def test_timeout_is_retried_then_reported(tmp_path: Path, sleeps: list[float]):
    def slow(path: str, params: dict[str, str]) -> Reply:
        time.sleep(0.3)
        return json_reply({})

    with serving(FakeServer(slow)) as fake:
        with pytest.raises(NetworkError, match="ReadTimeout"):
            client(tmp_path, retries=1, timeout=0.05).get(fake.url + "/x", {}, "test")


def test_404_and_400_say_what_to_check(server: FakeServer, tmp_path: Path):
    server.inject(text_reply("Resource not found.", 404))
    with pytest.raises(
        NotFoundError, match=r"^Crossref member 9: not found at 127\.0\.0\.1:\d+ \(HTTP 404\); check the id$"
    ):
        client(tmp_path).get(server.url + "/members/9/works", {}, "Crossref member 9")
    server.inject(text_reply("Filter orcid specified but value\n 12 is invalid", 400))
    with pytest.raises(RequestError, match=r"HTTP 400: Filter orcid specified but value 12 is invalid\); check"):
        client(tmp_path).get(server.url + "/works", {}, "Crossref ORCID 12")
    assert issubclass(RequestError, CoauthorError)


def test_cache_answers_the_second_time_and_refresh_asks_again(server: FakeServer, tmp_path: Path):
    first = client(tmp_path, mailto="a@example.org")
    assert first.get(server.url + "/x", {"q": "1", "mailto": "a@example.org"}, "t").json()["q"] == "1"
    second = client(tmp_path, mailto="b@example.org")  # another mailto: same cache entry
    assert second.get(server.url + "/x", {"q": "1", "mailto": "b@example.org"}, "t").json()["q"] == "1"
    assert (second.counts.sent, second.counts.cached, len(server.log)) == (0, 1, 1)
    fresh = client(tmp_path, refresh=True)
    fresh.get(server.url + "/x", {"q": "1"}, "t")
    assert (fresh.counts.sent, len(server.log)) == (1, 2)
    other = client(tmp_path)
    other.get(server.url + "/x", {"q": "2"}, "t")  # other parameters: not cached
    assert len(server.log) == 3


def test_errors_are_not_cached_and_forget_drops_an_entry(server: FakeServer, tmp_path: Path):
    server.inject(Reply(404))
    with pytest.raises(NotFoundError):
        client(tmp_path).get(server.url + "/x", {}, "t")
    c = client(tmp_path)
    response = c.get(server.url + "/x", {}, "t")
    assert c.counts.sent == 1
    c.forget(response)
    again = client(tmp_path)
    again.get(server.url + "/x", {}, "t")
    assert again.counts.sent == 1 and len(server.log) == 3


def test_no_cache_dir_means_no_cache(server: FakeServer, tmp_path: Path):
    c = client(tmp_path, cache_dir=None)
    c.get(server.url + "/x", {}, "t")
    c.get(server.url + "/x", {}, "t")
    assert c.counts.sent == 2 and not (tmp_path / "cache").exists()


def test_user_agent_names_coauthor_its_version_and_the_mailto(server: FakeServer, tmp_path: Path):
    client(tmp_path, mailto="me@example.org").get(server.url + "/x", {}, "t")
    agent = server.headers[0]["User-Agent"]
    assert agent.startswith(f"coauthor/{__version__} ") and "mailto:me@example.org" in agent


def test_retry_after_as_an_http_date():
    from datetime import datetime, timezone

    now = datetime(2025, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert retry_after_seconds("Wed, 01 Jan 2025 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("Wed, 01 Jan 2025 11:00:00 GMT", now) == 0.0
    assert retry_after_seconds(None) is None


def test_backoff_is_capped():
    assert backoff_delay(20, base=1.0, cap=60.0, jitter=0.5) == 60.0
    assert backoff_delay(0, base=0.0, cap=60.0, jitter=0.9) == 0.0
