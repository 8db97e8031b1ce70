"""Reader of DBLP XML (dump and person files)."""

from __future__ import annotations

import bz2
import io
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coauthor.errors import CoauthorError
from coauthor.readers import FORMATS, detect_format
from coauthor.readers.base import ReadOptions, read_head
from coauthor.readers.dblp import EntityFilter, read_dblp, sniff_dblp
from coauthor.records import Paper, ReadReport

DATA = Path(__file__).resolve().parents[1] / "data" / "dblp"
OPTIONS = ReadOptions()
HEADER = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\n<dblp>\n'


def accounted(papers: list[Paper], report: ReadReport) -> bool:
    return report.read == len(papers) + sum(report.skipped.values())


def test_sample_papers() -> None:
    path = DATA / "dblp_sample.xml"
    papers, _ = read_dblp(path, OPTIONS)
    assert [(p.id, p.year, p.authors, p.doi, p.source) for p in papers] == [
        (
            "journals/jiis/MullerB19",
            2019,
            ["Jürgen Müller", "Anna van der Berg", "René François"],
            "10.1016/j.joi.2019.01.004",
            f"{path}:4",
        ),
        (
            "conf/kdd/Wang0W21",
            2021,
            ["Wei Wang 0001", "Wei Wang 0002", "Wei Wang"],
            "10.1145/3447548.3467000",
            f"{path}:16",
        ),
        ("phd/de/Gimenez2018", 2018, ["José Giménez"], None, f"{path}:43"),
        (
            "books/sp/17/OBrien17",
            2017,
            ["Siobhán O'Brien", "Åsa Lindqvist"],
            "10.1007/978-3-319-00000-0_7",
            f"{path}:49",
        ),
    ]
    assert [p.title for p in papers] == [
        "Weighted co-authorship networks: H2 counting & more.",
        "Three Wei Wangs walk into a graph.",
        "Fractional counting of co-authorship.",
        'Collaboration in "small" teams — a chapter.',
    ]


def test_venue_is_the_journal_or_booktitle() -> None:
    papers, _ = read_dblp(DATA / "dblp_sample.xml", OPTIONS)
    assert [p.venue for p in papers] == ["J. Informetrics", "KDD", None, "Handbook of Team Science"]


def test_orcids_and_homonym_ids() -> None:
    papers, _ = read_dblp(DATA / "dblp_sample.xml", OPTIONS)
    assert papers[0].author_orcids == ["0000-0002-1825-0097", None, None]
    assert papers[0].author_ids == []
    assert papers[1].author_orcids == ["0000-0001-5109-3700", None, None]
    assert papers[1].author_ids == ["Wei Wang 0001", "Wei Wang 0002", None]
    assert papers[1].arxiv_id == "2101.01234"
    assert papers[2].author_orcids == [] and papers[2].author_ids == []


def test_person_pages_and_editor_only_records_are_skipped() -> None:
    path = DATA / "dblp_sample.xml"
    papers, report = read_dblp(path, OPTIONS)
    assert report.format == "dblp"
    assert report.errors == [
        (f"{path}:29", "no authors (editors only)"),
        (f"{path}:37", "person page (www), not a paper"),
    ]
    assert report.read == 6 and accounted(papers, report)
    assert "Feida Zhu" not in {a for p in papers for a in p.authors}


def test_person_file() -> None:
    path = DATA / "person.xml"
    papers, report = read_dblp(path, OPTIONS)
    assert [(p.id, p.authors, p.title) for p in papers] == [
        ("journals/tkde/Wang0C20", ["Wei Wang 0001", "Li Chen"], "Graphs of Wei Wangs."),
        ("conf/www/ChenW19", ["Li Chen", "Wei Wang 0001"], "Homonyms on the web."),
    ]
    assert papers[0].doi == "10.1109/tkde.2020.0000001"
    assert report.read == 2 and not report.skipped


def test_truncated_file_keeps_what_was_read() -> None:
    path = DATA / "truncated.xml"
    papers, report = read_dblp(path, OPTIONS)
    assert [(p.id, p.authors) for p in papers] == [("journals/x/Schafer19", ["Jörg Schäfer", "Amélie Dubois"])]
    assert report.errors == [(f"{path}:12", "XML ends early at line 12")]
    assert report.read == 2 and accounted(papers, report)


def test_broken_xml_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    good = '<article key="a/1"><author>Ann Lee</author><title>One.</title><year>2020</year></article>\n'
    bad = '<article key="a/2"><author>Bo Chen</wrong><title>Two.</title></article>\n'
    path.write_text(HEADER + good + bad + good.replace("a/1", "a/3") + "</dblp>\n", encoding="latin-1")
    papers, report = read_dblp(path, OPTIONS)
    assert [p.id for p in papers] == ["a/1"]
    [(where, reason)] = report.errors
    assert where == f"{path}:5" and reason.startswith("XML broken at line 5: ")
    assert accounted(papers, report)


def test_compressed_and_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "dblp.xml.bz2"
    path.write_bytes(bz2.compress((DATA / "dblp_sample.xml").read_bytes()))
    assert detect_format(path).name == "dblp"
    papers, report = read_dblp(path, OPTIONS)
    assert len(papers) == 4 and report.read == 6


def test_sniff_is_specific() -> None:
    for name in ("dblp_sample.xml", "person.xml", "truncated.xml"):
        head = read_head(DATA / name)
        assert [n for n, fmt in FORMATS.items() if fmt.sniff(head)] == ["dblp"]
    assert not sniff_dblp('<?xml version="1.0"?>\n<rdf:RDF>\n')


class Trickle(io.RawIOBase):
    """A stream giving at most ``step`` bytes a read (entities cut anywhere)."""

    def __init__(self, data: bytes, step: int) -> None:
        self.data, self.step, self.pos = data, step, 0

    def read(self, size: int = -1) -> bytes:
        out = self.data[self.pos : self.pos + self.step]
        self.pos += len(out)
        return out


def test_entity_filter_across_chunk_boundaries() -> None:
    data = b"<a>J&uuml;rgen &amp; Fran&ccedil;ois &eacute;&eacute; &nope; x &amp y</a>\n"
    expected = b"<a>J&#252;rgen &amp; Fran&#231;ois &#233;&#233; &amp;nope; x &amp y</a>\n"
    for step in range(1, 12):
        stream = EntityFilter(Trickle(data, step))  # type: ignore[arg-type]
        out = b"".join(iter(lambda s=stream: s.read(7), b""))
        assert out == expected, step
        assert stream.lines == 1


def test_large_generated_file_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "dblp.xml"
    n = 20_000
    with path.open("w", encoding="latin-1") as out:
        out.write(HEADER)
        for i in range(n):
            out.write(
                f'<article mdate="2020-01-01" key="journals/x/P{i}">\n'
                f'<author orcid="0000-0000-0000-{i % 10000:04d}">Author {i % 97} M&uuml;ller</author>\n'
                f"<author>Wei Wang {i % 3 + 1:04d}</author>\n"
                f"<title>Paper <i>number</i> {i}.</title>\n<year>{2000 + i % 20}</year>\n"
                f"<ee>https://doi.org/10.1000/{i}</ee>\n</article>\n"
            )
            if i % 1000 == 0:
                out.write(f'<www key="homepages/{i}"><author>Person {i}</author><title>Home Page</title></www>\n')
        out.write("</dblp>\n")
    start = time.perf_counter()
    papers, report = read_dblp(path, OPTIONS)
    elapsed = time.perf_counter() - start
    assert len(papers) == n and report.read == n + 20 and accounted(papers, report)
    assert papers[-1].authors == ["Author 17 Müller", "Wei Wang 0002"]  # 19999 % 97, 19999 % 3 + 1
    assert papers[-1].id == f"journals/x/P{n - 1}" and papers[-1].doi == f"10.1000/{n - 1}"
    assert elapsed < 10, elapsed  # about 1 s; generous for slow machines


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(["", HEADER, HEADER + '<article key="k"><author>A</author>', "<dblpperson>"]),
    text=st.text(max_size=300),
    raw=st.binary(max_size=40),
)
def test_any_text_raises_only_coauthor_errors(prefix: str, text: str, raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dblp.xml"
        path.write_bytes((prefix + text).encode("utf-8") + raw)
        try:
            papers, report = read_dblp(path, OPTIONS)
        except CoauthorError:
            return
        assert accounted(papers, report)
