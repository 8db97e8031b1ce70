"""Progress inside a file: ``read_inputs`` reports bytes of the files on disk
(compressed bytes for compressed files) as the readers read them, whatever
the reader, without changing what is read."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import random
import string
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from coauthor.progress import file_progress
from coauthor.readers import ReadOptions, read_inputs
from coauthor.readers.base import open_binary, open_text, read_text, watch_reading

COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    "": lambda data: data,
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
}


_VOCABULARY = ["".join(random.Random(i).choices(string.ascii_lowercase, k=2 + i % 8)) for i in range(20000)]


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choices(_VOCABULARY, k=count))


def arxiv_jsonl(records: int, seed: int = 7) -> bytes:
    """``records`` arXiv-snapshot lines of random (poorly compressible) text."""
    rng = random.Random(seed)
    lines = []
    for i in range(records):
        authors = [[_words(rng, 1).title(), _words(rng, 1).title(), ""] for _ in range(rng.randint(1, 6))]
        record = {
            "id": f"{2000 + i // 1000}.{i:05d}",
            "authors": ", ".join(f"{first} {last}" for last, first, _ in authors),
            "title": _words(rng, 8).capitalize(),
            "abstract": _words(rng, 120),
            "doi": None,
            "versions": [{"version": "v1", "created": f"Mon, 2 Apr {1995 + i % 30} 19:18:42 GMT"}],
            "update_date": "2008-11-13",
            "authors_parsed": authors,
        }
        lines.append(json.dumps(record))
    return ("\n".join(lines) + "\n").encode()


def dblp_xml(records: int, seed: int = 11) -> bytes:
    """``records`` DBLP articles with entities, of random text."""
    rng = random.Random(seed)
    parts = ['<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\n<dblp>\n']
    for i in range(records):
        authors = "".join(f"<author>{_words(rng, 2).title()} M&uuml;ller</author>\n" for _ in range(3))
        parts.append(
            f'<article mdate="2020-03-12" key="journals/x/{i}">\n{authors}'
            f"<title>{_words(rng, 60)}.</title>\n<year>{1990 + i % 30}</year>\n"
            f"<journal>J. {_words(rng, 1)}</journal>\n</article>\n"
        )
    parts.append("</dblp>\n")
    return "".join(parts).encode("latin-1")


@pytest.fixture(scope="module")
def big_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A ~4 MB arXiv JSONL and a ~5 MB DBLP XML file, plain and gzipped."""
    folder = tmp_path_factory.mktemp("big")
    files = {}
    for name, data in (("arxiv.jsonl", arxiv_jsonl(4000)), ("dblp.xml", dblp_xml(10000))):
        for suffix in ("", ".gz"):
            path = folder / (name + suffix)
            path.write_bytes(COMPRESSORS[suffix](data))
            files[name + suffix] = path
    return files


def _read(path: Path, calls: list[tuple[int, int, Path]] | None) -> list[dict[str, object]]:
    progress = None if calls is None else lambda *call: calls.append(call)
    papers, _ = read_inputs([path], ReadOptions(undated_year=2026, progress=progress))
    return [paper.to_dict() for paper in papers]


@pytest.mark.parametrize("name", ["arxiv.jsonl", "arxiv.jsonl.gz", "dblp.xml", "dblp.xml.gz"])
def test_progress_moves_through_one_big_file(big_inputs: dict[str, Path], name: str):
    path = big_inputs[name]
    size = path.stat().st_size
    assert size > 2 * 1024 * 1024
    calls: list[tuple[int, int, Path]] = []
    with_progress = _read(path, calls)
    done = [call[0] for call in calls]
    assert {(total, where) for _, total, where in calls} == {(size, path)}
    assert done[0] == 0 and done[-1] == size
    assert done == sorted(set(done))  # strictly increasing
    assert len(done) >= 4  # steps inside the file, not only its start and end
    assert with_progress == _read(path, None)
    assert len(with_progress) > 1000


def test_progress_over_several_files_in_bytes(tmp_path: Path):
    (tmp_path / "a.jsonl").write_bytes(arxiv_jsonl(300))
    (tmp_path / "b.jsonl.xz").write_bytes(lzma.compress(arxiv_jsonl(200, seed=8)))
    (tmp_path / "c.bib").write_text("@article{k, author={Ann Lee and Bo Chen}, title={T}, year=2020}\n")
    (tmp_path / "notes.txt").write_text("nothing to read here\n")
    calls: list[tuple[int, int, Path]] = []
    papers, reports = read_inputs([tmp_path], ReadOptions(progress=lambda *call: calls.append(call)))
    assert [r.format for r in reports] == ["arxiv", "arxiv", "bibtex", "unrecognised"]
    assert len(papers) == 501
    sizes = [path.stat().st_size for path in sorted(tmp_path.iterdir())]
    total = sum(sizes)
    assert all(call[1] == total for call in calls)
    assert [call[0] for call in calls] == sorted(call[0] for call in calls)
    started: dict[Path, int] = {}
    for done, _, path in calls:
        started.setdefault(path, done)
    assert list(started.values()) == [0, sizes[0], sum(sizes[:2]), sum(sizes[:3])]
    assert calls[-1] == (total, total, tmp_path / "notes.txt")


def _streamed_text(path: Path) -> str:
    with open_text(path) as stream:
        return "".join(stream)


def _binary_lines(path: Path) -> str:
    with open_binary(path) as stream:
        return b"".join(stream).decode()


@pytest.mark.parametrize("suffix", list(COMPRESSORS))
@pytest.mark.parametrize("read", [_streamed_text, _binary_lines, read_text])
def test_watch_reading_reports_on_disk_bytes(tmp_path: Path, suffix: str, read: Callable[[Path], str]):
    path = tmp_path / f"works.jsonl{suffix}"
    data = arxiv_jsonl(500)
    path.write_bytes(COMPRESSORS[suffix](data))
    seen: list[int] = []
    with watch_reading(path, seen.append, step=4096, interval=3600):
        assert read(path) == data.decode()
    if read is read_text and suffix == "":
        assert seen == []  # read at once: read_inputs moves on once the reader is done
    else:
        assert seen == sorted(set(seen)) and seen[-1] == path.stat().st_size
        assert len(seen) > 3
    outside: list[int] = []
    with watch_reading(tmp_path / "other.jsonl", outside.append):
        read(path)
    assert outside == []


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files in /proc/self/fd")
@pytest.mark.parametrize("suffix", list(COMPRESSORS))
def test_open_binary_closes_the_file(tmp_path: Path, suffix: str):
    path = tmp_path / f"a.txt{suffix}"
    path.write_bytes(COMPRESSORS[suffix](b"hello\n"))
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(5):
        with watch_reading(path, lambda position: None):
            with open_binary(path) as stream:
                assert stream.read() == b"hello\n"
        with open_text(path) as text:
            assert text.read() == "hello\n"
    assert len(os.listdir("/proc/self/fd")) == before


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("quiet", [False, True])
def test_the_bar_shows_bytes_on_standard_error(monkeypatch: pytest.MonkeyPatch, quiet: bool):
    stderr = _Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.setenv("TERM", "xterm-256color")
    with file_progress(quiet) as update:
        update(0, 4_000_000, Path("dblp.xml.gz"))
        update(2_500_000, 4_000_000, Path("dblp.xml.gz"))
    shown = stderr.getvalue()
    if quiet:
        assert shown == ""
    else:
        assert "Reading dblp.xml.gz" in shown and "2.5/4.0 MB" in shown
