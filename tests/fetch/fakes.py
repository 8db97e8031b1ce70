"""Local stand-ins for OpenAlex, Crossref and DBLP: a threaded HTTP server
on 127.0.0.1 that answers in the APIs' documented shapes from fixture works,
logs every request, and can be told to fail (429, 500, broken JSON).

Each fake applies the filters coauthor sends, so what ``fetch`` asks for is
checked by what it gets back; an unknown filter is a 400, as on the real APIs.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from click.testing import CliRunner, Result

from coauthor.cli import main

Params = dict[str, str]
FETCH_DATA = Path(__file__).resolve().parents[1] / "data" / "fetch"


def load(name: str) -> list[dict[str, Any]]:
    """The hand-made works of ``tests/data/fetch/NAME``."""
    return json.loads((FETCH_DATA / name).read_text(encoding="utf-8"))


def run(*args: str) -> Result:
    """``coauthor ARGS`` through click's runner."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


def json_reply(value: Any, status: int = 200) -> Reply:
    return Reply(status, json.dumps(value, ensure_ascii=False).encode(), {"Content-Type": "application/json"})


def text_reply(text: str, status: int, content_type: str = "text/plain") -> Reply:
    return Reply(status, text.encode(), {"Content-Type": content_type})


@dataclass
class Injected:
    reply: Reply
    when: Callable[[str, Params], bool]
    times: int


class FakeServer:
    """Serves ``app(path, params)``; ``log`` holds ``(path, params)`` of every
    request and ``headers`` their headers."""

    def __init__(self, app: Callable[[str, Params], Reply]) -> None:
        self.app = app
        self.log: list[tuple[str, Params]] = []
        self.headers: list[dict[str, str]] = []
        self.injected: list[Injected] = []
        self.url = ""

    def inject(self, reply: Reply, when: Callable[[str, Params], bool] = lambda p, q: True, times: int = 1) -> None:
        """Answer the next ``times`` requests that ``when`` matches with ``reply``."""
        self.injected.append(Injected(reply, when, times))

    def answer(self, path: str, params: Params, headers: dict[str, str]) -> Reply:
        self.log.append((path, params))
        self.headers.append(headers)
        for injected in self.injected:
            if injected.times > 0 and injected.when(path, params):
                injected.times -= 1
                return injected.reply
        return self.app(path, params)

    def cursors(self) -> list[str | None]:
        return [params.get("cursor") for _, params in self.log]


@contextmanager
def serving(fake: FakeServer) -> Iterator[FakeServer]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            reply = fake.answer(parts.path, dict(parse_qsl(parts.query)), dict(self.headers.items()))
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    class Server(ThreadingHTTPServer):
        block_on_close = False

        def handle_error(self, request: Any, client_address: Any) -> None:
            pass  # a client that gave up (the timeout test) is not an error here

    server = Server(("127.0.0.1", 0), Handler)
    fake.url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


# --- paging ------------------------------------------------------------------


def _page(items: list[Any], params: Params, size_key: str, page_size: int) -> tuple[list[Any], str | None]:
    """The items of the page ``params['cursor']`` asks for, and the next
    cursor (None after the end, as OpenAlex does)."""
    size = min(int(params.get(size_key, 25)), page_size)
    cursor = params.get("cursor", "*")
    start = 0 if cursor == "*" else int(cursor.removeprefix("c-"))
    chunk = items[start : start + size]
    return chunk, (f"c-{start + size}" if chunk else None)


def _filters(params: Params) -> list[tuple[str, str]]:
    text = params.get("filter", "")
    return [tuple(part.split(":", 1)) for part in text.split(",") if part]  # type: ignore[misc]


# --- OpenAlex ----------------------------------------------------------------


def openalex_app(works: list[dict[str, Any]], page_size: int = 200) -> Callable[[str, Params], Reply]:
    """``/works`` with the filters coauthor uses, ``search``, cursor paging."""

    def keep(work: dict[str, Any], key: str, value: str) -> bool:
        authors = [a["author"] for a in work["authorships"]]
        if key == "author.id":
            return any(a["id"].rsplit("/", 1)[1] in value.split("|") for a in authors)
        if key == "authorships.author.orcid":
            return any((a["orcid"] or "").endswith(value) for a in authors)
        if key in ("institutions.ror", "institutions.id"):
            field_name = "ror" if key.endswith("ror") else "id"
            return any(i[field_name].endswith(value) for a in work["authorships"] for i in a["institutions"])
        source = work["primary_location"]["source"]
        if key == "primary_location.source.issn":
            return value in source["issn"]
        if key == "primary_location.source.id":
            return source["id"].endswith(value)
        if key == "from_publication_date":
            return work["publication_date"] >= value
        if key == "to_publication_date":
            return work["publication_date"] <= value
        raise KeyError(key)

    def app(path: str, params: Params) -> Reply:
        if path != "/works":
            return json_reply({"error": "Not found"}, 404)
        try:
            found = [w for w in works if all(keep(w, k, v) for k, v in _filters(params))]
        except KeyError as exc:
            return json_reply(
                {"error": "Invalid query parameters error.", "message": f"{exc} is not a valid field"}, 400
            )
        if "search" in params:
            found = [w for w in found if params["search"].lower() in w["title"].lower()]
        chunk, cursor = _page(found, params, "per-page", page_size)
        meta = {"count": len(found), "db_response_time_ms": 12, "page": None, "per_page": len(chunk),
                "next_cursor": cursor, "groups_count": None}  # fmt: skip
        return json_reply({"meta": meta, "results": chunk, "group_by": []})

    return app


# --- Crossref ----------------------------------------------------------------


def crossref_app(works: list[dict[str, Any]], page_size: int = 1000) -> Callable[[str, Params], Reply]:
    """``/works``, ``/members/{id}/works``, ``/journals/{issn}/works`` with
    ``orcid`` (OR-ed), ``from-pub-date`` / ``until-pub-date``, ``query``."""

    def year(work: dict[str, Any]) -> int:
        parts = work.get("issued", {}).get("date-parts") or [[None]]
        return int(parts[0][0] or 0)

    def orcids(work: dict[str, Any]) -> set[str]:
        return {a.get("ORCID", "").rsplit("/", 1)[-1] for a in work.get("author", [])}

    def app(path: str, params: Params) -> Reply:
        parts = path.strip("/").split("/")
        if parts == ["works"]:
            found = list(works)
        elif len(parts) == 3 and parts[0] == "members" and parts[2] == "works":
            found = [w for w in works if w.get("member") == parts[1]]
            if not found:
                return text_reply("Resource not found.", 404)
        elif len(parts) == 3 and parts[0] == "journals" and parts[2] == "works":
            found = [w for w in works if parts[1] in w.get("ISSN", [])]
            if not found:
                return text_reply("Resource not found.", 404)
        else:
            return text_reply("Resource not found.", 404)
        wanted = {v for k, v in _filters(params) if k == "orcid"}
        for key, value in _filters(params):
            if key == "from-pub-date":
                found = [w for w in found if year(w) >= int(value[:4])]
            elif key == "until-pub-date":
                found = [w for w in found if year(w) <= int(value[:4])]
            elif key != "orcid":
                reason = f"Filter {key} specified but there is no such filter for this route."
                message = [{"type": "validation-failure", "value": key, "message": reason}]
                return json_reply({"status": "failed", "message-type": "validation-failure", "message": message}, 400)
        if wanted:
            found = [w for w in found if orcids(w) & wanted]
        if "query" in params:
            found = [w for w in found if params["query"].lower() in w["title"][0].lower()]
        chunk, cursor = _page(found, params, "rows", page_size)
        message = {"facets": {}, "next-cursor": cursor or params.get("cursor", "*"), "total-results": len(found),
                   "items": chunk, "items-per-page": int(params.get("rows", 20)),
                   "query": {"start-index": 0, "search-terms": params.get("query")}}  # fmt: skip
        return json_reply({"status": "ok", "message-type": "work-list", "message-version": "1.0.0", "message": message})

    return app


# --- DBLP --------------------------------------------------------------------


def dblp_app(folder: Path) -> Callable[[str, Params], Reply]:
    """``/pid/{pid}.xml`` from ``folder/{pid with / as _}.xml``; else 404."""

    def app(path: str, params: Params) -> Reply:
        pid = path.removeprefix("/pid/").removesuffix(".xml")
        file = folder / (pid.replace("/", "_") + ".xml")
        if not path.startswith("/pid/") or not file.is_file():
            return text_reply("<html><body>Error 404: Not Found</body></html>", 404, "text/html")
        return Reply(200, file.read_bytes(), {"Content-Type": "application/xml"})

    return app
