"""``coauthor fetch dblp`` end to end against fake DBLP person files: the
DBLP XML written and read back, years applied locally, hops through pids,
a 404 for a bad pid and broken XML."""

from __future__ import annotations

from pathlib import Path

from fakes import FakeServer, Reply, run

from coauthor.readers import read_inputs


def keys(path: Path) -> list[str]:
    papers, reports = read_inputs([path])
    assert [r.format for r in reports] == ["dblp"]
    assert reports[0].read == reports[0].used == len(papers) and not reports[0].skipped
    return sorted(p.id for p in papers)


def K(*numbers: int) -> list[str]:
    return sorted(f"journals/{'physa' if n in (1, 3, 5) else 'joi'}/Fetch{n}" for n in numbers)


def test_person_records_as_dblp_xml(dblp: FakeServer, tmp_path: Path):
    out = tmp_path / "ada.xml"
    result = run("fetch", "dblp", "--person", "https://dblp.org/pid/s/AdaSeed.html", "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    assert dblp.log == [("/pid/s/AdaSeed.xml", {})]
    assert keys(out) == K(1, 2, 3, 4)
    papers, _ = read_inputs([out])
    three = next(p for p in papers if p.id.endswith("Fetch3"))
    assert three.authors == ["Ada Seed", "Björn Kö", "Chen Li 0001"]
    assert three.author_ids == [None, None, "Chen Li 0001"] and three.author_orcids[0] == "0000-0002-1825-0097"
    assert three.doi == "10.5555/fetch.3" and three.year == 2020
    text = out.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<dblp>\n') and text.endswith("</dblp>\n")
    assert "<r>" not in text and "dblpperson" not in text


def test_years_are_applied_to_the_records(dblp: FakeServer, tmp_path: Path):
    out = tmp_path / "ada.xml"
    assert (
        run("fetch", "dblp", "--person", "s/AdaSeed", "--since", "2019", "--until", "2020", "-o", str(out)).exit_code
        == 0
    )
    assert keys(out) == K(2, 3)


def test_hops_fetch_each_coauthor_person_file(dblp: FakeServer, tmp_path: Path):
    out = tmp_path / "hood.xml"
    result = run("fetch", "dblp", "--person", "s/AdaSeed", "--hops", "1", "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    assert keys(out) == K(1, 2, 3, 4, 5, 6)
    assert [path for path, _ in dblp.log] == ["/pid/s/AdaSeed.xml", "/pid/k/BjornKo.xml", "/pid/l/ChenLi.xml"]


def test_a_missing_coauthor_is_skipped_and_said(dblp: FakeServer, tmp_path: Path):
    dblp.inject(Reply(404, b"Not Found"), when=lambda path, params: path == "/pid/l/ChenLi.xml")
    out = tmp_path / "hood.xml"
    result = run("fetch", "dblp", "--person", "s/AdaSeed", "--hops", "1", "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    assert keys(out) == K(1, 2, 3, 4, 5)
    assert "not found, skipped: co-author l/ChenLi" in result.stderr


def test_bad_pid_and_broken_xml(dblp: FakeServer, tmp_path: Path):
    out = tmp_path / "x.xml"
    missing = run("fetch", "dblp", "--person", "x/Nobody", "-o", str(out))
    assert missing.exit_code == 1
    assert missing.stderr.strip().startswith("Error: DBLP person x/Nobody: not found at 127.0.0.1:")
    assert run("fetch", "dblp", "--person", "Ada Seed", "-o", str(out)).stderr.strip() == (
        "Error: --person 'Ada Seed': not a DBLP person id (like k/DonaldEKnuth or 123/4567)"
    )
    dblp.inject(Reply(200, b'<?xml version="1.0"?>\n<dblpperson name="Ada"><r><article key="a">'))
    broken = run("fetch", "dblp", "--person", "s/AdaSeed", "-o", str(out))
    assert broken.exit_code == 1 and "sent malformed XML" in broken.stderr
    assert not out.exists()
