"""``coauthor fetch openalex`` end to end against a fake OpenAlex (2 works a
page): the filters sent, paging, what is written, hops, --max, the cache,
retries and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fakes import FakeServer, Reply, run

from coauthor.readers import read_inputs

ADA_ORCID = "0000-0002-1825-0097"
ADA = "A5000000001"


def work_ids(path: Path, fmt: str = "openalex") -> list[str]:
    papers, reports = read_inputs([path])
    assert [r.format for r in reports] == [fmt]
    report = reports[0]
    assert report.read == report.used == len(papers) and not report.skipped
    return [p.id for p in papers]


def W(*numbers: int) -> list[str]:
    return [f"W40000000{n:02d}" for n in numbers]


def test_author_by_orcid_pages_through_the_cursor(openalex: FakeServer, tmp_path: Path):
    out = tmp_path / "ada.jsonl"
    result = run("fetch", "openalex", "--author", f"https://orcid.org/{ADA_ORCID}", "-o", str(out),
                 "--mailto", "me@example.org")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert work_ids(out) == W(1, 2, 3, 4)
    assert openalex.cursors() == ["*", "c-2", "c-4"]
    path, params = openalex.log[0]
    assert path == "/works"
    assert params == {"filter": f"authorships.author.orcid:{ADA_ORCID}", "per-page": "200", "cursor": "*",
                      "mailto": "me@example.org"}  # fmt: skip
    assert "me@example.org" in openalex.headers[0]["User-Agent"]
    assert result.stderr.strip().endswith(
        f"4 works from OpenAlex written to {out} (3 requests sent, 0 answered from the cache)"
    )
    assert not list(tmp_path.glob("*.partial*"))
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert (
        first["id"] == "https://openalex.org/W4000000001" and first["authorships"][1]["raw_author_name"] == "Björn Kö"
    )


def test_inspect_reads_the_output_as_openalex(openalex: FakeServer, tmp_path: Path):
    out = tmp_path / "ada.jsonl"
    assert run("fetch", "openalex", "--author", ADA, "-o", str(out), "-q").exit_code == 0
    rows = json.loads(run("inspect", str(out), "--json").stdout)
    counts = [
        {key: row[key] for key in ("file", "format", "read", "used", "merged", "skipped", "warnings")} for row in rows
    ]
    assert counts == [
        {"file": str(out), "format": "openalex", "read": 4, "used": 4, "merged": 0, "skipped": {}, "warnings": {}}
    ]


@pytest.mark.parametrize(
    ("args", "filter_sent", "expected"),
    [
        (["--author", ADA, "--since", "2019", "--until", "2020"],
         f"author.id:{ADA},from_publication_date:2019-01-01,to_publication_date:2020-12-31", W(2, 3)),
        (["--institution", "https://ror.org/00jmfr291"], "institutions.ror:00jmfr291", W(1, 2, 3)),
        (["--institution", "I27837315"], "institutions.id:I27837315", W(1, 2, 3)),
        (["--source", "0378-4371"], "primary_location.source.issn:0378-4371", W(1, 3, 5)),
        (["--source", "https://openalex.org/S4210168073", "--since", "2020"],
         "primary_location.source.id:S4210168073,from_publication_date:2020-01-01", W(4, 7)),
    ],
)  # fmt: skip
def test_each_selection_sends_its_filter(
    openalex: FakeServer, tmp_path: Path, args: list[str], filter_sent: str, expected: list[str]
):
    out = tmp_path / "works.jsonl"
    result = run("fetch", "openalex", *args, "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    assert openalex.log[0][1]["filter"] == filter_sent
    assert work_ids(out) == expected


def test_search(openalex: FakeServer, tmp_path: Path):
    out = tmp_path / "hop.jsonl"
    assert run("fetch", "openalex", "--search", "hop one", "-o", str(out), "-q").exit_code == 0
    assert openalex.log[0][1]["search"] == "hop one" and "filter" not in openalex.log[0][1]
    assert work_ids(out) == W(5, 6)


def test_hops_expand_to_the_coauthors_works(openalex: FakeServer, tmp_path: Path):
    out = tmp_path / "hood.jsonl"
    result = run("fetch", "openalex", "--author", ADA_ORCID, "--hops", "1", "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    assert sorted(work_ids(out)) == W(1, 2, 3, 4, 5, 6)
    hop_filters = [p["filter"] for _, p in openalex.log if p["cursor"] == "*"][1:]
    assert hop_filters == ["author.id:A5000000002|A5000000003"]  # Ada left out, found by her ORCID
    assert "2 co-authors asked for" in result.stderr


def test_max_bounds_the_whole_fetch(openalex: FakeServer, tmp_path: Path):
    out = tmp_path / "few.jsonl"
    result = run("fetch", "openalex", "--author", ADA, "--max", "3", "-o", str(out), "-q")
    assert result.exit_code == 0
    assert work_ids(out) == W(1, 2, 3) and "stopped at --max 3" in result.stderr
    assert openalex.cursors() == ["*", "c-2"]
    out5 = tmp_path / "five.jsonl"
    assert run("fetch", "openalex", "--author", ADA, "--hops", "1", "--max", "5", "-o", str(out5), "-q").exit_code == 0
    assert len(work_ids(out5)) == 5


def test_second_run_is_answered_by_the_cache_and_refresh_asks_again(openalex: FakeServer, tmp_path: Path):
    out = tmp_path / "ada.jsonl"
    args = ("fetch", "openalex", "--author", ADA, "-o", str(out), "-q")
    assert run(*args).exit_code == 0
    written = out.read_bytes()
    sent = len(openalex.log)
    second = run(*args)
    assert len(openalex.log) == sent and out.read_bytes() == written
    assert "(0 requests sent, 3 answered from the cache)" in second.stderr
    third = run(*args, "--refresh")
    assert len(openalex.log) == 2 * sent and out.read_bytes() == written
    assert "(3 requests sent, 0 answered from the cache)" in third.stderr


def test_cache_dir_option_and_environment(openalex: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    out = tmp_path / "ada.jsonl"
    assert (
        run("fetch", "openalex", "--author", ADA, "-o", str(out), "-q", "--cache-dir", str(tmp_path / "c1")).exit_code
        == 0
    )
    assert (tmp_path / "c1" / "http.sqlite").is_file()
    monkeypatch.setenv("COAUTHOR_CACHE_DIR", str(tmp_path / "c2"))
    assert run("fetch", "openalex", "--author", ADA, "-o", str(out), "-q").exit_code == 0
    assert (tmp_path / "c2" / "http.sqlite").is_file()


def test_rate_limit_and_server_error_are_retried(openalex: FakeServer, tmp_path: Path, sleeps: list[float]):
    openalex.inject(Reply(429, b"{}", {"Retry-After": "2"}), when=lambda path, params: params.get("cursor") == "c-2")
    openalex.inject(Reply(500, b"oops"), when=lambda path, params: params.get("cursor") == "c-4")
    out = tmp_path / "ada.jsonl"
    result = run("fetch", "openalex", "--author", ADA, "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    assert work_ids(out) == W(1, 2, 3, 4)
    assert openalex.cursors() == ["*", "c-2", "c-2", "c-4", "c-4"]
    assert sleeps[0] == 2.0 and len(sleeps) == 2


def test_an_id_with_no_works_is_an_error_and_leaves_no_file(openalex: FakeServer, tmp_path: Path):
    out = tmp_path / "nobody.jsonl"
    result = run("fetch", "openalex", "--author", "A999", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "Error: OpenAlex: no works found for author A999; check the id or query, or widen --since/--until"
    )
    assert list(tmp_path.iterdir()) == [tmp_path / "cache"]


def test_bad_options_are_one_line_errors(openalex: FakeServer, tmp_path: Path):
    out = str(tmp_path / "x.jsonl")
    cases = {
        ("--author", "Ada Seed"): "Error: --author 'Ada Seed': not an ORCID nor an OpenAlex author id (A…)",
        ("--source", "12-34"): "Error: --source '12-34': not an ISSN nor an OpenAlex source id (S…)",
        ("--author", ADA, "--search", "x"): "Error: give exactly one of --author, --institution, --source, --search",
        (): "Error: give exactly one of --author, --institution, --source, --search",
        ("--author", ADA, "--since", "2020", "--until", "2010"): "Error: --since 2020 is after --until 2010",
    }
    for args, message in cases.items():
        result = run("fetch", "openalex", *args, "-o", out)
        assert (result.exit_code, result.stderr.splitlines()[-1]) == (1, message)
    assert openalex.log == []


def test_an_unknown_filter_answer_is_reported(openalex: FakeServer, tmp_path: Path):
    openalex.inject(Reply(400, b'{"error": "Invalid query parameters error.", "message": "bad filter"}'))
    result = run("fetch", "openalex", "--author", ADA, "-o", str(tmp_path / "x.jsonl"))
    assert result.exit_code == 1
    assert "Error: OpenAlex author A5000000001: 127.0.0.1:" in result.stderr
    assert 'refused the request (HTTP 400: {"error": "Invalid query parameters error."' in result.stderr


def test_help_of_every_fetch_command():
    for name in ("openalex", "crossref", "dblp"):
        result = run("fetch", name, "--help")
        assert result.exit_code == 0 and "--refresh" in result.output and "--base-url" not in result.output


def test_hidden_base_url_option(openalex: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COAUTHOR_OPENALEX_URL", "http://127.0.0.1:9/nowhere")
    out = tmp_path / "ada.jsonl"
    assert run("fetch", "openalex", "--author", ADA, "-o", str(out), "-q", "--base-url", openalex.url).exit_code == 0
    assert work_ids(out) == W(1, 2, 3, 4)
