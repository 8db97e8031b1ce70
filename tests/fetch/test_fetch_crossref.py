"""``coauthor fetch crossref`` end to end against a fake Crossref: by
ORCID, member, ISSN and query, paging, hops through ORCIDs, a 404 for a bad
member, and the real Crossref records of ``shared/data``."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from fakes import FakeServer, Reply, crossref_app, run, serving

from coauthor.readers import read_inputs
from coauthor.readers.jsonworks import normalize_orcid

ADA = "0000-0002-1825-0097"
BJORN = "0000-0001-5109-3700"


def dois(path: Path) -> list[str]:
    papers, reports = read_inputs([path])
    assert [r.format for r in reports] == ["crossref"]
    assert reports[0].read == reports[0].used == len(papers) and not reports[0].skipped
    return [p.id for p in papers]


def D(*numbers: int) -> list[str]:
    return [f"10.5555/fetch.{n}" for n in numbers]


def test_by_orcid_pages_until_an_empty_page(crossref: FakeServer, tmp_path: Path):
    out = tmp_path / "ada.jsonl"
    result = run(
        "fetch", "crossref", "--orcid", f"https://orcid.org/{ADA}", "-o", str(out), "--mailto", "me@example.org"
    )
    assert result.exit_code == 0, result.output
    assert dois(out) == D(1, 2, 3, 4)
    assert crossref.cursors() == ["*", "c-2", "c-4"]
    assert crossref.log[0] == (
        "/works",
        {"filter": f"orcid:{ADA}", "rows": "200", "cursor": "*", "mailto": "me@example.org"},
    )


@pytest.mark.parametrize(
    ("args", "path", "expected"),
    [
        (["--member", "78"], "/members/78/works", D(1, 3, 5)),
        (["--issn", "17511577", "--until", "2019"], "/journals/1751-1577/works", D(2, 6)),
        (["--query", "hop one"], "/works", D(5, 6)),
        (["--orcid", ADA, "--since", "2020"], "/works", D(3, 4)),
    ],
)
def test_each_selection(crossref: FakeServer, tmp_path: Path, args: list[str], path: str, expected: list[str]):
    out = tmp_path / "works.jsonl"
    result = run("fetch", "crossref", *args, "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    assert crossref.log[0][0] == path
    assert dois(out) == expected


def test_years_are_crossref_filters(crossref: FakeServer, tmp_path: Path):
    run("fetch", "crossref", "--member", "78", "--since", "2018", "--until", "2021", "-o", str(tmp_path / "x"), "-q")
    assert crossref.log[0][1]["filter"] == "from-pub-date:2018,until-pub-date:2021"


def test_hops_follow_the_coauthors_orcids(crossref: FakeServer, tmp_path: Path):
    out = tmp_path / "hood.jsonl"
    result = run("fetch", "crossref", "--orcid", ADA, "--hops", "1", "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    assert sorted(dois(out)) == D(1, 2, 3, 4, 5)  # Chen has no ORCID: W6 is out of reach
    assert [p["filter"] for _, p in crossref.log if p["cursor"] == "*"] == [f"orcid:{ADA}", f"orcid:{BJORN}"]


def test_unknown_member_is_a_one_line_error(crossref: FakeServer, tmp_path: Path):
    result = run("fetch", "crossref", "--member", "999", "-o", str(tmp_path / "x.jsonl"))
    assert result.exit_code == 1
    line = result.stderr.splitlines()[-1]
    assert line.startswith("Error: Crossref member 999: not found at 127.0.0.1:")
    assert line.endswith("(HTTP 404); check the id")
    bad = run("fetch", "crossref", "--orcid", "0000-0002-1825-0098", "-o", str(tmp_path / "x.jsonl"))
    assert (
        bad.stderr.splitlines()[-1]
        == "Error: --orcid '0000-0002-1825-0098': not a valid ORCID (16 digits, the last one checked)"
    )


def test_empty_result(crossref: FakeServer, tmp_path: Path):
    result = run("fetch", "crossref", "--query", "no such title", "-o", str(tmp_path / "x.jsonl"))
    assert result.exit_code == 1
    assert "Error: Crossref: no works found for query 'no such title'" in result.stderr


# --- the real Crossref records of shared/data ----------------------------------


@pytest.fixture
def real_works(shared_data: Path) -> list[dict[str, Any]]:
    return json.loads((shared_data / "crossref" / "crossref_works_from_habanero_cassettes.json").read_text())


@pytest.fixture
def real_crossref(real_works: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch):
    with serving(FakeServer(crossref_app(real_works, page_size=25))) as fake:
        monkeypatch.setenv("COAUTHOR_CROSSREF_URL", fake.url)
        yield fake


def same_as_direct(out: Path, works: list[dict[str, Any]], tmp_path: Path) -> None:
    """The fetched file reads as the same papers as the works themselves."""
    direct = tmp_path / "direct.json"
    direct.write_text(json.dumps(works))
    fetched, (report,) = read_inputs([out])
    expected, (expected_report,) = read_inputs([direct])
    assert report.format == "crossref" and report.read == len(works)
    assert (report.used, report.merged, report.skipped) == (
        expected_report.used, expected_report.merged, expected_report.skipped)  # fmt: skip
    assert [(p.id, p.authors, p.year) for p in fetched] == [(p.id, p.authors, p.year) for p in expected]


def test_real_member_over_five_pages(real_crossref: FakeServer, real_works: list[dict[str, Any]], tmp_path: Path):
    out = tmp_path / "member78.jsonl"
    result = run("fetch", "crossref", "--member", "78", "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    expected = [w for w in real_works if w.get("member") == "78"]
    assert len(expected) == 114 and len(real_crossref.log) == 6
    same_as_direct(out, expected, tmp_path)


def test_real_orcid_with_hops(real_crossref: FakeServer, real_works: list[dict[str, Any]], tmp_path: Path):
    seed = "0000-0002-1642-628X"

    def orcids(work: dict[str, Any]) -> set[str]:
        return {o for o in (normalize_orcid(a.get("ORCID")) for a in work.get("author", [])) if o}

    own = [w for w in real_works if seed in orcids(w)]
    coauthors = set().union(*map(orcids, own)) - {seed}
    expected = {w["DOI"].lower() for w in real_works if orcids(w) & (coauthors | {seed})}
    out = tmp_path / "hood.jsonl"
    result = run("fetch", "crossref", "--orcid", seed, "--hops", "1", "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    written = [json.loads(line)["DOI"].lower() for line in out.read_text().splitlines()]
    assert len(written) == len(set(written)) and set(written) == expected
    assert len(own) == 12 and len(expected) > len(own)


# --- Crossref forgets cursors after 5 minutes -----------------------------------


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch):
    """``later(600)`` moves the fetch's clock ten minutes on."""
    offset = [0.0]
    monkeypatch.setattr("coauthor.fetch.client._default_clock", lambda: time.time() + offset[0])
    return lambda seconds: offset.__setitem__(0, seconds)


@pytest.mark.parametrize(
    ("seconds", "cursors"),
    [
        (60, ["c-2", "c-4"]),  # soon after: on from the cursor
        (600, ["*", "c-2", "c-4"]),  # the cursor expired: the first page again, past the cache
    ],
    ids=["a_resume_soon_after_goes_on_from_the_cursor", "an_expired_cursor_walks_the_query_again"],
)
def test_a_resume_after_a_failure(crossref: FakeServer, tmp_path: Path, later, seconds: float, cursors: list[str]):
    crossref.inject(Reply(500), when=lambda path, params: params.get("cursor") == "c-2", times=6)
    args = ("fetch", "crossref", "--orcid", ADA, "-o", str(tmp_path / "ada.jsonl"), "-q")
    assert run(*args).exit_code == 1
    del crossref.log[:]
    later(seconds)
    assert run(*args).exit_code == 0
    assert crossref.cursors() == cursors
    assert dois(tmp_path / "ada.jsonl") == D(1, 2, 3, 4)


def test_old_cursors_follow_cached_pages_only(crossref: FakeServer, tmp_path: Path, later):
    out = tmp_path / "ada.jsonl"
    assert run("fetch", "crossref", "--orcid", ADA, "--max", "2", "-o", str(out), "-q").exit_code == 0
    assert crossref.cursors() == ["*"]
    later(600)
    result = run("fetch", "crossref", "--orcid", ADA, "-o", str(out), "-q")
    assert result.exit_code == 0 and dois(out) == D(1, 2, 3, 4)
    assert crossref.cursors() == ["*", "*", "c-2", "c-4"]  # c-2 was never fetched: its cursor is gone
    later(1200)
    assert (
        "(0 requests sent, 3 answered from the cache)"
        in run("fetch", "crossref", "--orcid", ADA, "-o", str(out)).stderr
    )
    assert len(crossref.log) == 4
