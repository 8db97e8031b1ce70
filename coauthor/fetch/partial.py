"""Resumable output: works are appended to ``FILE.partial`` and, after each
page, a small state file ``FILE.partial.json`` records how far the fetch
got (the query, its cursor, the ids written, the size of the partial file).
At the end the partial file is renamed onto ``FILE`` in one step.

Running the same fetch again finds the state, cuts the partial file back to
the size the state vouches for (a crash between the two writes leaves no
half page and no duplicate) and goes on from the cursor. A state written
for another fetch (other API, query, options) is ignored and the fetch
starts over.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from coauthor.atomic import write_text_atomic
from coauthor.fetch.base import Query

STATE_VERSION = 1


@dataclass
class FetchState:
    """How far a fetch got. ``queries[index]`` is next, from ``cursor``
    (made by the server at ``cursor_time``; ``fresh``: this query is walked
    again past the cache, its cursor having expired). ``depth`` is the hop
    level, ``asked`` the people already queried, ``coauthors`` those found
    for the next level, ``seen`` the keys of the works written,
    ``announced`` the totals the API gave, ``skipped`` the hop queries not
    found, ``size`` the bytes of the partial file this state vouches for."""

    queries: list[Query]
    index: int = 0
    cursor: str | None = None
    cursor_time: float | None = None
    fresh: bool = False
    depth: int = 0
    asked: list[str] = field(default_factory=list)
    coauthors: list[str] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)
    announced: int = 0
    skipped: list[str] = field(default_factory=list)
    size: int = 0

    def to_json(self, signature: dict[str, Any]) -> str:
        data = asdict(self) | {"queries": [q.to_dict() for q in self.queries]}
        return json.dumps({"version": STATE_VERSION, "signature": signature, "state": data}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str, signature: dict[str, Any]) -> FetchState | None:
        """The state in ``text`` when it was written for ``signature``, else None."""
        try:
            data = json.loads(text)
            if data.get("version") != STATE_VERSION or data.get("signature") != signature:
                return None
            state = dict(data["state"])
            state["queries"] = [Query.from_dict(q) for q in state["queries"]]
            return cls(**state)
        except (ValueError, TypeError, KeyError, AttributeError):
            return None


class PartialOutput:
    """``FILE.partial`` and its state file, for one fetch into ``target``."""

    def __init__(self, target: Path, signature: dict[str, Any]) -> None:
        self.target = target
        self.signature = signature
        self.partial = target.with_name(target.name + ".partial")
        self.state_path = target.with_name(target.name + ".partial.json")
        self._stream: IO[str] | None = None

    def resume(self) -> FetchState | None:
        """The saved state of this same fetch, with the partial file cut back
        to the size it vouches for; None when there is nothing to resume."""
        if not (self.state_path.is_file() and self.partial.is_file()):
            return None
        state = FetchState.from_json(self.state_path.read_text(encoding="utf-8"), self.signature)
        if state is None or self.partial.stat().st_size < state.size:
            return None
        with open(self.partial, "r+b") as raw:
            raw.truncate(state.size)
        self._stream = open(self.partial, "a", encoding="utf-8", newline="\n")
        return state

    def start(self, state: FetchState, header: str) -> None:
        """Begin a new partial file with ``header``; saves ``state``."""
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self._stream = open(self.partial, "w", encoding="utf-8", newline="\n")
        self._stream.write(header)
        self.commit(state)

    def write(self, text: str) -> None:
        assert self._stream is not None, "start() or resume() first"
        self._stream.write(text)

    def commit(self, state: FetchState) -> None:
        """Make what was written durable, then record ``state`` with its size."""
        assert self._stream is not None, "start() or resume() first"
        self._stream.flush()
        os.fsync(self._stream.fileno())
        state.size = os.path.getsize(self.partial)
        write_text_atomic(self.state_path, state.to_json(self.signature))

    def finish(self, footer: str) -> None:
        """Write ``footer`` and rename the partial file onto the target."""
        self.write(footer)
        self.close()
        os.chmod(self.partial, 0o644)
        os.replace(self.partial, self.target)
        self.state_path.unlink(missing_ok=True)

    def discard(self) -> None:
        """Remove the partial file and its state (nothing worth keeping)."""
        self.close()
        self.partial.unlink(missing_ok=True)
        self.state_path.unlink(missing_ok=True)

    def close(self) -> None:
        if self._stream is not None:
            self._stream.flush()
            os.fsync(self._stream.fileno())
            self._stream.close()
            self._stream = None
