"""A fetch cut short keeps what it got in FILE.partial with its state, and
the same command resumes from the cursor without duplicates, even after
a crash between writing works and saving the state."""

from __future__ import annotations

import json
from pathlib import Path

from fakes import FakeServer, Reply, run
from test_fetch_openalex import ADA, W, work_ids

from coauthor.fetch import APIS, Client, fetch_works, openalex
from coauthor.fetch.errors import ServerError


def page(cursor: str):
    return lambda path, params: params.get("cursor") == cursor


def test_malformed_json_keeps_the_partial_and_the_rerun_resumes(openalex: FakeServer, tmp_path: Path):
    openalex.inject(Reply(200, b'{"meta": {"count": 4}, "results": [{"id": '), when=page("c-2"))
    out = tmp_path / "ada.jsonl"
    args = ("fetch", "openalex", "--author", ADA, "-o", str(out), "-q")
    failed = run(*args)
    assert failed.exit_code == 1
    line = failed.stderr.strip()
    assert line.startswith(f"Error: OpenAlex author {ADA}: 127.0.0.1:")
    assert "sent malformed JSON (" in line
    assert line.endswith(f"run the same command again later; 2 works kept in {out}.partial; "
                         "run the same command again to resume")  # fmt: skip
    assert not out.exists()
    state = json.loads((tmp_path / "ada.jsonl.partial.json").read_text())
    assert state["state"]["cursor"] == "c-2" and state["state"]["seen"] == W(1, 2)
    del openalex.log[:]
    resumed = run(*args, "--refresh")  # even with the cache bypassed, page 1 is not asked again
    assert resumed.exit_code == 0, resumed.output
    assert openalex.cursors() == ["c-2", "c-4"]
    assert work_ids(out) == W(1, 2, 3, 4) and "resumed" in resumed.stderr
    assert not list(tmp_path.glob("*.partial*"))


def test_the_broken_page_is_not_cached(openalex: FakeServer, tmp_path: Path):
    openalex.inject(Reply(200, b"<html>gateway</html>"), when=page("*"))
    out = tmp_path / "ada.jsonl"
    result = run("fetch", "openalex", "--author", ADA, "-o", str(out))
    assert result.exit_code == 1 and "malformed JSON" in result.stderr
    assert not list(tmp_path.glob("ada*"))  # nothing kept: nothing was got
    assert run("fetch", "openalex", "--author", ADA, "-o", str(out)).exit_code == 0
    assert work_ids(out) == W(1, 2, 3, 4)


def test_server_down_mid_way_then_resume(openalex: FakeServer, tmp_path: Path, sleeps: list[float]):
    openalex.inject(Reply(503), when=page("c-4"), times=6)
    out = tmp_path / "ada.jsonl"
    args = ("fetch", "openalex", "--author", ADA, "--hops", "1", "-o", str(out), "-q")
    failed = run(*args)
    assert failed.exit_code == 1
    assert failed.stderr.startswith(f"Error: OpenAlex author {ADA}: 127.0.0.1:")
    assert "kept failing (HTTP 503) after 6 tries" in failed.stderr
    assert f"4 works kept in {out}.partial" in failed.stderr
    assert len(sleeps) == 5
    assert run(*args).exit_code == 0
    assert sorted(work_ids(out)) == W(1, 2, 3, 4, 5, 6)


def test_a_crash_between_writing_and_saving_the_state_leaves_no_duplicate(openalex: FakeServer, tmp_path: Path):
    openalex.inject(Reply(500), when=page("c-2"), times=100)
    out = tmp_path / "ada.jsonl"
    api, query = APIS["openalex"], openalex_query()
    try:
        fetch_works(api, [query], out, Client(retries=0))
    except ServerError:
        pass
    partial = tmp_path / "ada.jsonl.partial"
    with open(partial, "a", encoding="utf-8") as stream:  # a page written, the state not saved
        stream.write(partial.read_text(encoding="utf-8").splitlines()[0] + '\n{"id": "https://openalex.org/W4')
    openalex.injected.clear()
    result = fetch_works(api, [query], out, Client(retries=0))
    assert result.resumed and result.written == 4
    assert work_ids(out) == W(1, 2, 3, 4)


def test_another_command_starts_over(openalex: FakeServer, tmp_path: Path):
    openalex.inject(Reply(500), when=page("c-2"), times=6)
    out = tmp_path / "works.jsonl"
    assert run("fetch", "openalex", "--author", ADA, "-o", str(out), "-q").exit_code == 1
    result = run("fetch", "openalex", "--source", "0378-4371", "-o", str(out), "-q")
    assert result.exit_code == 0 and "resumed" not in result.stderr
    assert work_ids(out) == W(1, 3, 5)


def test_library_progress_callback(openalex: FakeServer, tmp_path: Path):
    seen = []
    fetch_works(APIS["openalex"], [openalex_query()], tmp_path / "a.jsonl", Client(), progress=seen.append)
    assert [(p.written, p.total, p.sent) for p in seen] == [(2, 4, 1), (4, 4, 2), (4, 4, 3)]
    assert seen[0].label == f"author {ADA}"


def openalex_query():
    return openalex.works_query(author=ADA)
