"""Readers of RIS, generic CSV/TSV, Scopus CSV and Web of Science exports."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coauthor.errors import CoauthorError, InputError
from coauthor.readers import FORMATS, detect_format, read_inputs
from coauthor.readers.base import ReadOptions, decoding, read_head
from coauthor.readers.ris import read_ris, sniff_ris
from coauthor.readers.scopus import read_scopus, sniff_scopus
from coauthor.readers.table import read_csv, sniff_csv
from coauthor.readers.wos import read_wos, sniff_wos
from coauthor.records import Paper, ReadReport, paper_id

DATA = Path(__file__).resolve().parents[1] / "data"
OPTIONS = ReadOptions()
MY_FORMATS = {"ris", "csv", "scopus", "wos"}


def accounted(papers: list[Paper], report: ReadReport) -> bool:
    return report.read == len(papers) + sum(report.skipped.values())


def by_title(papers: list[Paper]) -> dict[str, Paper]:
    return {p.title: p for p in papers}


# --- RIS ---------------------------------------------------------------------------------


def test_ris_library_papers() -> None:
    path = DATA / "ris" / "library.ris"
    papers, _ = read_ris(path, OPTIONS)
    assert [(p.id, p.year, p.authors, p.doi) for p in papers] == [
        (
            "mueller2019",
            2019,
            ["Müller, Jürgen", "van der Berg, Anna", "Nguyễn, Thị Minh"],
            "10.1016/j.joi.2019.01.004",
        ),
        (
            paper_id("Measuring collaboration in small teams", 2020),
            2020,
            ["García-Márquez, José Luis", "O'Brien, Siobhán"],
            "10.1007/978-3-030-00000-0_7",
        ),
        (paper_id("Louvain communities of co-authors", 2021), 2021, ["Chen, Li", "Smith, John A."], None),
        (paper_id("A truncated author list", 2014), 2014, ["Tanaka, Hiroshi"], None),
    ]
    first = papers[0]
    assert first.title == "Weighted co-authorship networks, revisited: fractional counting and its discontents"
    assert first.source == f"{path}:1"
    assert first.abstract == "We compare full and fractional counting."
    assert papers[1].title == "Measuring collaboration in small teams"  # T1
    assert papers[2].title == "Louvain communities of co-authors"  # CT, year from DA
    assert papers[3].authors_truncated  # "et al." dropped; PY "n.d." gives way to Y1


def test_ris_skips_malformed_records_with_lines() -> None:
    path = DATA / "ris" / "library.ris"
    papers, report = read_ris(path, OPTIONS)
    assert report.format == "ris"
    assert report.errors == [
        (f"{path}:28", "no authors (editors only)"),
        (f"{path}:35", "no ER line before the next TY"),
        (f"{path}:46", "no TY line (record start)"),
        (f"{path}:51", "no authors (AU/A1)"),
        (f"{path}:64", "file ends before the ER line"),
    ]
    assert report.read == 9 and accounted(papers, report)


def test_ris_editors_never_become_authors() -> None:
    papers, _ = read_ris(DATA / "ris" / "library.ris", OPTIONS)
    names = {name for paper in papers for name in paper.authors}
    assert not names & {"Editor, Ernest", "Series, Sam", "Keller, Franz", "Hoffmann, Lena"}


def test_ris_crlf_and_gzip(tmp_path: Path) -> None:
    plain = DATA / "ris" / "roundtrip.ris"
    packed = tmp_path / "roundtrip.ris.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    papers, report = read_ris(packed, OPTIONS)
    assert [p.authors for p in papers] == [p.authors for p in read_ris(plain, OPTIONS)[0]]
    assert report.read == 3 and papers[0].source == f"{packed}:1" and papers[1].source == f"{packed}:9"


def test_ris_not_utf8_is_decoded_or_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.ris"
    path.write_bytes("TY  - JOUR\nAU  - Smith, J.\nER  - \nTY  - JOUR\nAU  - Müller, J.\nER  - \n".encode("latin-1"))
    papers, _ = read_ris(path, OPTIONS)  # the encoding detected (not UTF-8)
    assert [p.authors for p in papers] == [["Smith, J."], ["Müller, J."]]
    with decoding(path, "utf-8"), pytest.raises(InputError) as info:  # as --encoding utf-8 does
        read_ris(path, OPTIONS)
    assert info.value.where == f"{path}:5"


def test_ris_sniff() -> None:
    assert sniff_ris("\ufeffTY  - JOUR\nAU  - A, B\nER  - \n")
    assert not sniff_ris("PT J\nAU Smith, J\nER\n")
    assert not sniff_ris("title,authors\nx,y\n")


# --- generic CSV / TSV ------------------------------------------------------------------------


def test_csv_papers() -> None:
    path = DATA / "csv" / "papers.csv"
    papers, report = read_csv(path, OPTIONS)
    assert [(p.source, p.id, p.title, p.year, p.doi, p.authors) for p in papers] == [
        (
            f"{path}:2",
            paper_id("Graphs, weighted and unweighted", 2019),
            "Graphs, weighted and unweighted",
            2019,
            "10.1000/abc",
            ["Müller, Jürgen", "van der Berg, Anna"],
        ),
        (
            f"{path}:3",
            "paper-2",
            "A title that spans two lines",
            2020,
            None,
            ["Zhang Wei", "Li Na", "Siobhán O'Brien"],
        ),
        (
            f"{path}:6",
            paper_id('Title with "quotes", and commas', 2021),
            'Title with "quotes", and commas',
            2021,
            "10.1000/xyz",
            ["Nguyễn Thị Minh", "Smith, John A."],
        ),
        (f"{path}:9", f"{path}:9", "", 2016, None, ["Anonymous, A."]),
    ]
    # the quoted title spans lines 3-4, so the author-less row is on line 5
    assert report.errors == [(f"{path}:5", "no authors")]
    assert report.read == 5 and accounted(papers, report)


def test_tsv_and_semicolon_delimiters() -> None:
    tsv, tsv_report = read_csv(DATA / "csv" / "papers.tsv", OPTIONS)
    assert [p.authors for p in tsv] == [["José Giménez", "María de la Cruz", "Nees Jan van Eck"], ["Åsa Lindqvist"]]
    assert tsv[1].title == 'A paper by "one" author'
    semi, semi_report = read_csv(DATA / "csv" / "semicolon.csv", OPTIONS)
    assert [(p.title, p.authors) for p in semi] == [
        ("Semicolons; the European way", ["Schäfer, Jörg", "Dubois, Amélie"]),
        ("Second row", ["Łukasz Nowak"]),
    ]
    assert accounted(tsv, tsv_report) and accounted(semi, semi_report)


def test_csv_author_separator_option(tmp_path: Path) -> None:
    path = tmp_path / "pipes.csv"
    path.write_text("Title,AUTHORS\nPiped,Ann Lee | Bo Chen|Cy Diaz\n", encoding="utf-8")
    papers, _ = read_csv(path, ReadOptions(author_sep="|"))
    assert papers[0].authors == ["Ann Lee", "Bo Chen", "Cy Diaz"]


def test_csv_unclosed_quote_is_skipped_not_swallowed() -> None:
    path = DATA / "csv" / "broken_quote.csv"
    papers, report = read_csv(path, OPTIONS)
    assert [p.title for p in papers] == ["First good row", "Third good row"]
    assert papers[1].source == f"{path}:5"
    assert report.errors == [(f"{path}:3", "quotes do not pair up (the row runs over lines 3-4)")]
    assert accounted(papers, report)


def test_csv_without_authors_column_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("title,year\nx,2019\n", encoding="utf-8")
    assert not sniff_csv(path.read_text())
    with pytest.raises(InputError, match="authors"):
        read_csv(path, OPTIONS)


def test_csv_sniff() -> None:
    assert sniff_csv("Title;Year;Authors\nx;2019;A\n")
    assert sniff_csv("title\tauthors\n")
    assert not sniff_csv('"Authors","Title","Year","EID"\n')  # Scopus
    assert not sniff_csv("TY  - JOUR\n")


# --- Scopus --------------------------------------------------------------------------------


def test_scopus_full_names_and_ids() -> None:
    path = DATA / "csv" / "scopus.csv"
    papers, report = read_scopus(path, OPTIONS)
    assert [(p.id, p.year, p.doi, p.authors, p.author_ids) for p in papers] == [
        (
            "2-s2.0-85060000001",
            2019,
            "10.1016/j.joi.2019.01.004",
            ["Müller, Jürgen", "van der Berg, Anna", "Nguyễn, Thị Minh"],
            ["57190000001", "57190000002", "57190000003"],
        ),
        (
            "2-s2.0-85080000002",
            2020,
            "10.1007/s11192-020-03456-7",
            ["García-Márquez, José Luis", "O'Brien, Siobhán"],
            ["57200000011", "57200000012"],
        ),
        (
            "2-s2.0-85100000004",
            2021,
            "10.1002/asi.24500",
            ["Chen, Li", "Smith, John A."],
            ["57300000021", "57300000022"],
        ),
    ]
    assert papers[0].title == "Weighted co-authorship networks, revisited"
    assert papers[0].abstract == 'We compare "full" and fractional counting.'
    assert papers[1].abstract == "First paragraph of the abstract.\nSecond paragraph, after a line break."
    assert papers[2].abstract is None  # "[No abstract available]"
    # the abstract of line 3 spans two lines: the next row starts on line 5
    assert [p.source for p in papers] == [f"{path}:2", f"{path}:3", f"{path}:6"]
    assert report.errors == [(f"{path}:5", "no authors")]
    assert report.format == "scopus" and accounted(papers, report)


def test_scopus_old_export_comma_separated() -> None:
    papers, report = read_scopus(DATA / "csv" / "scopus_old.csv", OPTIONS)
    assert [(p.authors, p.author_ids) for p in papers] == [
        (["Smith J.", "Doe J.A.", "Van der Berg A."], ["7004000001", "7004000002", "7004000003"]),
        (["Giménez J."], ["7004000004"]),
    ]
    assert papers[0].title == "Old-style export, comma-separated authors"
    assert report.read == 2 and accounted(papers, report)


def test_scopus_sniff() -> None:
    assert sniff_scopus(read_head(DATA / "csv" / "scopus.csv"))
    assert sniff_scopus(read_head(DATA / "csv" / "scopus_old.csv"))
    assert not sniff_scopus("title,year,authors\n")


# --- Web of Science ------------------------------------------------------------------------


def test_wos_tab_delimited() -> None:
    path = DATA / "wos" / "savedrecs.txt"
    papers, report = read_wos(path, OPTIONS)
    assert report.format == "wos-tab"
    assert [(p.id, p.year, p.doi, p.authors) for p in papers] == [
        (
            "WOS:000460000100001",
            2019,
            "10.1016/j.joi.2019.01.004",
            ["Müller, Jürgen", "van der Berg, Anna", "Øberg, Kåre"],
        ),
        ("WOS:000630000000003", 2021, "10.1002/asi.24500", ["Chen, Li", "Smith, John A."]),
        ("WOS:000600000000004", 2020, None, ["Tanaka, H"]),  # AF empty: AU
    ]
    assert papers[0].title == 'Co-authorship networks: "fractional" counting, revisited'
    assert papers[0].author_orcids == ["0000-0002-1825-0097", None, "0000-0001-5109-3700"]
    assert papers[1].title == "Louvain communities of co-authors; a replication"  # year from EA
    assert report.errors == [(f"{path}:3", "no authors (editors only)")]
    assert accounted(papers, report)


def test_wos_tab_utf16(tmp_path: Path) -> None:
    source = DATA / "wos" / "savedrecs.txt"
    path = tmp_path / "savedrecs_win.txt"
    path.write_bytes(source.read_text(encoding="utf-8-sig").encode("utf-16"))
    assert detect_format(path).name == "wos"
    papers, report = read_wos(path, OPTIONS)
    assert [p.authors for p in papers] == [p.authors for p in read_wos(source, OPTIONS)[0]]
    assert report.errors == [(f"{path}:3", "no authors (editors only)")]


def test_wos_plain_text() -> None:
    path = DATA / "wos" / "savedrecs_plain.txt"
    papers, report = read_wos(path, OPTIONS)
    assert report.format == "wos-plain"
    assert [(p.id, p.year, p.doi, p.authors, p.source) for p in papers] == [
        (
            "WOS:000460000100001",
            2019,
            "10.1016/j.joi.2019.01.004",
            ["Müller, Jürgen", "van der Berg, Anna", "Nguyễn, Thị Minh"],
            f"{path}:3",
        ),
        (
            "WOS:000550000000004",
            2020,
            None,
            ["García-Márquez, José Luis", "O'Brien, Siobhán"],
            f"{path}:35",
        ),
        ("WOS:000630000000005", 2021, "10.1002/asi.24500", ["Chen, L", "Smith, JA"], f"{path}:50"),
    ]
    assert papers[0].title == "Weighted co-authorship networks, revisited: fractional counting and its discontents"
    assert papers[0].author_orcids == [None, "0000-0003-1415-9265", None]
    assert report.errors == [
        (f"{path}:22", "no authors (editors only)"),
        (f"{path}:30", "no ER line before the next PT"),
        (f"{path}:45", "no PT line (record start)"),
    ]
    assert report.read == 6 and accounted(papers, report)


def test_wos_sniff() -> None:
    assert sniff_wos(read_head(DATA / "wos" / "savedrecs.txt"))
    assert sniff_wos(read_head(DATA / "wos" / "savedrecs_plain.txt"))
    assert sniff_wos("PT J\nAU Smith, J\nTI x\nER\n")
    assert not sniff_wos("TY  - JOUR\n")
    assert not sniff_wos("title\tauthors\n")


# --- all together ---------------------------------------------------------------------------


def fixtures() -> list[Path]:
    return sorted(p for folder in ("ris", "csv", "wos") for p in (DATA / folder).iterdir())


@pytest.mark.parametrize("path", fixtures(), ids=lambda p: p.name)
def test_exactly_one_format_claims_each_fixture(path: Path) -> None:
    head = read_head(path)
    claims = [name for name, fmt in FORMATS.items() if fmt.sniff(head)]
    assert len(claims) == 1 and claims[0] in MY_FORMATS, claims


@pytest.mark.parametrize("path", fixtures(), ids=lambda p: p.name)
def test_every_record_is_accounted_for(path: Path) -> None:
    fmt = detect_format(path)
    papers, report = fmt.read(path, OPTIONS)
    assert accounted(papers, report)
    assert report.used == report.merged == 0  # the collector sets them


def test_read_inputs_over_all_fixtures() -> None:
    papers, reports = read_inputs([DATA / "ris", DATA / "csv", DATA / "wos"])
    for report in reports:
        assert report.read == report.used + report.merged + sum(report.skipped.values())
    assert len({p.id for p in papers}) == len(papers)


def test_round_trip_ris_and_csv_give_the_same_authors() -> None:
    ris, _ = read_ris(DATA / "ris" / "roundtrip.ris", OPTIONS)
    table, _ = read_csv(DATA / "csv" / "roundtrip.csv", OPTIONS)
    expected = [
        ["Giménez, José", "de la Cruz, María", "Smith, John A."],
        ["van Eck, Nees Jan", "Waltman, Ludo"],
        ["Müller, Jürgen", "Giménez, José"],
    ]
    assert [p.authors for p in ris] == expected
    assert [p.authors for p in table] == expected
    assert [(p.title, p.year, p.id) for p in ris] == [(p.title, p.year, p.id) for p in table]


# --- any input: only CoauthorError --------------------------------------------------------------

READERS = [read_ris, read_csv, read_scopus, read_wos]
PREFIXES = [
    "",
    "TY  - JOUR\n",
    "title,authors\n",
    '"Authors","Author full names","Title","Year","EID"\n',
    "PT\tAU\tAF\tTI\tPY\tUT\n",
    "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), text=st.text(max_size=300), raw=st.binary(max_size=40))
def test_any_text_raises_only_coauthor_errors(prefix: str, text: str, raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.txt"
        path.write_bytes((prefix + text).encode("utf-8") + raw)
        for read in READERS:
            try:
                papers, report = read(path, OPTIONS)
            except CoauthorError:
                continue
            assert accounted(papers, report)


def test_csv_quote_left_open_on_the_last_line_is_skipped(tmp_path: Path) -> None:
    open_at_end = tmp_path / "open.csv"
    open_at_end.write_text('title,authors\nGood,Ann Lee; Bo Chen\nBad,"Cy Diaz; Di Eck\n', encoding="utf-8")
    papers, report = read_csv(open_at_end, OPTIONS)
    assert [p.title for p in papers] == ["Good"]
    assert report.errors == [
        (f"{open_at_end}:1", "warning: no year column (every year left empty)"),
        (f"{open_at_end}:3", "a quote is not closed before the end of the file"),
    ]
    multi_line = tmp_path / "multi.csv"  # a quoted field that really holds a line break is fine
    multi_line.write_text('title,year,authors\n"Two\nlines",2020,"Ann Lee; Bo Chen"\n', encoding="utf-8")
    papers, report = read_csv(multi_line, OPTIONS)
    assert [p.title for p in papers] == ["Two lines"] and report.errors == []
