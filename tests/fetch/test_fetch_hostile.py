"""Hostile servers: redirects to other schemes, to this machine or in a
loop, a body that drips or never ends, a body past the limit. Each is one
error naming what happened, in bounded time, and nothing but the partial
file of a resumable fetch is left."""

from __future__ import annotations

import random
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from fakes import run

from coauthor.fetch.client import Client
from coauthor.fetch.errors import NetworkError, RequestError

Handler = Callable[[BaseHTTPRequestHandler], None]


@contextmanager
def hostile(handle: Handler) -> Iterator[str]:
    """A server on 127.0.0.1 answering every GET with ``handle(request)``."""

    class Request(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            try:
                handle(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # coauthor gave up, as it should

        def log_message(self, format: str, *args: object) -> None:
            pass

    class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
        daemon_threads = True
        allow_reuse_address = True

        def handle_error(self, request: object, client_address: object) -> None:
            pass

    server = Server(("127.0.0.1", 0), Request)
    threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def redirect(location: str | Callable[[str], str]) -> Handler:
    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(302)
        request.send_header("Location", location if isinstance(location, str) else location(request.path))
        request.send_header("Content-Length", "0")
        request.end_headers()

    return handle


def drip(request: BaseHTTPRequestHandler) -> None:
    """Headers at once, then one byte of body every 0.2 s, for ever."""
    request.send_response(200)
    request.send_header("Content-Type", "application/json")
    request.end_headers()
    while True:
        request.wfile.write(b" ")
        request.wfile.flush()
        time.sleep(0.2)


def endless(request: BaseHTTPRequestHandler) -> None:
    """A body without Content-Length that never ends, as fast as it goes."""
    request.send_response(200)
    request.end_headers()
    chunk = b"[" * 65536
    while True:
        request.wfile.write(chunk)


def announced(size: int) -> Handler:
    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Length", str(size))
        request.end_headers()
        request.wfile.write(b"{}")

    return handle


def client(**kwargs: object) -> Client:
    return Client(rng=random.Random(0), retries=1, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("location", "message"),
    [
        ("file:///etc/passwd", "refused a redirect to file:///etc/passwd (only http and https are followed)"),
        ("ftp://127.0.0.1/x", "refused a redirect to ftp://127.0.0.1/x (only http and https are followed)"),
        ("http://localhost:1/admin", "refused a redirect from 127.0.0.1 to localhost, a local address"),
        ("http://127.0.0.2:1/", "refused a redirect from 127.0.0.1 to 127.0.0.2, a local address"),
        ("http://[::1]:1/", "refused a redirect from 127.0.0.1 to ::1, a local address"),
    ],
)
def test_redirects_off_http_or_to_another_local_host_are_refused(location: str, message: str) -> None:
    with hostile(redirect(location)) as url, pytest.raises(RequestError) as error:
        client().get(url + "/works", {}, "OpenAlex works")
    assert str(error.value) == f"OpenAlex works: {message}"


def test_a_redirect_loop_stops() -> None:
    with hostile(redirect(lambda path: path + "x")) as url, pytest.raises(RequestError) as error:
        client().get(url + "/w", {}, "OpenAlex works")
    assert str(error.value) == "OpenAlex works: more than 5 redirects (a redirect loop?)"


def test_a_redirect_on_the_same_host_is_followed() -> None:
    def handle(request: BaseHTTPRequestHandler) -> None:
        if request.path.startswith("/old"):
            return redirect("/new")(request)
        announced(2)(request)

    with hostile(handle) as url:
        assert client().get(url + "/old", {}, "x").json() == {}


def test_a_dripping_body_ends_at_the_request_deadline() -> None:
    started = time.monotonic()
    with hostile(drip) as url, pytest.raises(NetworkError) as error:
        client(timeout=1.0, sleep=lambda s: None).get(url + "/w", {}, "OpenAlex works")
    assert "OpenAlex works: cannot reach 127.0.0.1" in str(error.value)
    assert time.monotonic() - started < 10  # two tries of one second each, not for ever


def test_the_command_deadline_stops_the_retries() -> None:
    with hostile(drip) as url, pytest.raises(NetworkError) as error:
        Client(timeout=5.0, deadline=0.5, retries=5, sleep=lambda s: None).get(url + "/w", {}, "OpenAlex works")
    assert "ran past its deadline" in str(error.value) or "cannot reach" in str(error.value)


@pytest.mark.parametrize("handle", [endless, announced(10 << 20)], ids=["endless", "announced"])
def test_a_body_past_the_limit_is_refused(handle: Handler) -> None:
    with hostile(handle) as url, pytest.raises(RequestError) as error:
        client(max_body=1 << 20).get(url + "/w", {}, "OpenAlex works")
    host = url.removeprefix("http://")
    assert (
        str(error.value)
        == f"OpenAlex works: {host} sent the response is larger than 1,048,576 bytes (--limit response=N)"
    )


def test_a_base_url_that_is_not_http_is_refused(tmp_path: Path) -> None:
    result = run("fetch", "openalex", "--author", "A1", "-o", str(tmp_path / "a.jsonl"), "-q",
                 "--base-url", "file:///etc")  # fmt: skip
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Error: OpenAlex")
    assert "is not an http or https address" in result.output


def test_fetch_cli_refuses_a_redirect_to_a_file_and_leaves_no_output(tmp_path: Path) -> None:
    with hostile(redirect("file:///etc/passwd")) as url:
        result = run("fetch", "openalex", "--author", "A1", "-o", str(tmp_path / "a.jsonl"), "-q", "--base-url", url)
    assert result.exit_code == 1
    assert "refused a redirect to file:///etc/passwd" in result.output
    assert "root:" not in result.output
    assert not (tmp_path / "a.jsonl").exists()
