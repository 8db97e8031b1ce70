"""The BibTeX reader on a hand-written fixture of ugly cases, on Beebe's real
bibliographies, and on arbitrary text (it raises CoauthorError or nothing)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coauthor.errors import CoauthorError, InputError
from coauthor.readers import FORMATS, ReadOptions, detect_format
from coauthor.readers.bibtex import evaluate, read_bibtex, sniff_bibtex, split_names
from coauthor.readers.latex import latex_to_text

OPTIONS = ReadOptions(undated_year=2026)
NOT_ENTRIES = {"string", "comment", "preamble"}


def line_of(path: Path, key: str) -> str:
    """``path:line`` of the entry ``key``, found independently of the reader."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if re.match(rf"@\w+\s*[{{(]\s*{re.escape(key)}\s*,", line):
            return f"{path}:{number}"
    raise AssertionError(f"{key} not in {path}")


def count_entries(text: str) -> int:
    """Entries counted by a regex over the file, not by the parser."""
    types = re.findall(r"^@(\w+)\s*[{(]", text, re.MULTILINE)
    return sum(1 for t in types if t.lower() not in NOT_ENTRIES)


@pytest.fixture
def ugly(test_data: Path) -> Path:
    return test_data / "bibtex" / "ugly.bib"


def test_ugly_fixture_papers(ugly: Path) -> None:
    papers, _ = read_bibtex(ugly, OPTIONS)
    by_id = {p.id: p for p in papers}
    assert list(by_id) == ["muller2019", "knuth1984", "corp2020", "biblatex2021", "after2018", "paren2017"]

    muller = by_id["muller2019"]
    assert muller.authors == ["Jörg Müller", "Émile François", "Søren Østergaard", "Pablo Díaz"]
    assert muller.title == "On TeX and Metafont: Accents in Names"
    assert (muller.year, muller.month, muller.day) == (2019, 3, None)
    assert muller.doi == "10.1109/tpami.2019.abc"
    assert muller.abstract == "We show that 50% of names carry áccents."
    assert muller.source == line_of(ugly, "muller2019")

    knuth = by_id["knuth1984"]
    assert knuth.authors == [
        "Knuth, Donald E.",
        "Bell, Jr, Edwin V.",
        "van Eck, Nees Jan",
        "Ludwig van Beethoven",
        "D. E. Knuth",
    ]
    assert knuth.title == "IEEE Transactions on Pattern Analysis and the TeXbook"  # @String macros and #
    assert (knuth.year, knuth.month, knuth.doi) == (1984, 10, None)

    corp = by_id["corp2020"]
    assert corp.authors == ["Barnes and Noble", "Edwin V. Bell, II", "The LaTeX Project Team"]
    assert corp.authors_truncated
    assert (corp.title, corp.year, corp.month) == ("Braced Corporate Authors", 2020, 12)

    biblatex = by_id["biblatex2021"]
    assert biblatex.authors == ["Zhang, Wei", "José Álvarez"]
    assert (biblatex.year, biblatex.month, biblatex.day) == (2021, 3, 4)
    assert biblatex.doi == "10.5555/abc-123"

    after = by_id["after2018"]  # the first of two entries with this key, right after a broken one
    assert after.authors == ["Alice After", "Bob Later"]
    assert (after.title, after.year, after.month) == ("Good Entry After the Broken One", 2018, None)
    assert after.source == line_of(ugly, "after2018")

    paren = by_id["paren2017"]  # ( ) delimiters; a repeated field keeps its first value, as in BibTeX
    assert (paren.authors, paren.title, paren.year) == (["Paren, Pat"], "Round (brackets) as delimiters", 2017)
    assert not any(p.authors_truncated for p in papers if p is not corp)


def test_ugly_fixture_accounting(ugly: Path) -> None:
    papers, report = read_bibtex(ugly, OPTIONS)
    assert report.format == "bibtex"
    assert report.read == 12  # @Preamble, @Comment, @String and %%% lines are not records
    assert report.read == len(papers) + sum(report.skipped.values())
    assert (report.used, report.merged) == (0, 0)  # the collector counts those
    assert dict(report.skipped) == {
        "no authors (editor only)": 1,
        "no authors": 2,
        "BibTeX syntax error": 2,
        "duplicate citation key": 1,
    }
    text = ugly.read_text(encoding="utf-8")
    duplicate_line = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith("@Article{after2018")][1]
    assert report.errors == [
        (line_of(ugly, "ugly2020"), "no authors (editor only)"),
        (line_of(ugly, "noauthor2020"), "no authors"),  # crossref never supplies authors
        (line_of(ugly, "broken2018"), "BibTeX syntax error"),  # missing closing brace
        (line_of(ugly, "gluedvalue2017"), "BibTeX syntax error"),  # two pieces without '#'
        (f"{ugly}:{duplicate_line}", "duplicate citation key"),
        (line_of(ugly, "orgonly2015"), "no authors"),
    ]
    assert count_entries(text) == report.read


def test_detected_and_registered(ugly: Path) -> None:
    assert list(FORMATS).index("bibtex") < list(FORMATS).index("abstracts")
    assert detect_format(ugly).name == "bibtex"
    assert not sniff_bibtex("Jane Doe\nPaper title\nemail me @ home{now}\n")


def test_seeds_are_not_bibtex(seeds: Path) -> None:
    for path in sorted(seeds.glob("*")):
        assert not sniff_bibtex(path.read_text(encoding="utf-8", errors="replace")[:65536]), path


def written(text: str) -> tuple[list[str], bool]:
    names, truncated = split_names(text)
    return [str(name) for name in names], truncated


def test_split_names_and_values() -> None:
    assert written(r"{TUG Working Group on a {\TeX} Directory Structure}") == (
        ["TUG Working Group on a TeX Directory Structure"],
        False,
    )
    assert written("Ann Lee AND Bo Chen\n and  others") == (["Ann Lee", "Bo Chen"], True)
    assert written("Anderson, Sandra and Andy Band") == (["Anderson, Sandra", "Andy Band"], False)
    assert evaluate('"a" # {b} # 1999 # nomacro', {}) == "ab1999"
    assert latex_to_text(r"{\LaTeX} {Project Team}") == "LaTeX Project Team"
    assert latex_to_text(r"Ko\-{\l}o\-dziej, Han \nth{21}") == "Kołodziej, Han 21st"


def test_latin1_and_gzip(tmp_path: Path) -> None:
    entry = '@Article{k, author = "José Müller and {Bell Laboratories}", title = "Ünïcode", year = 1990}\n'
    latin1 = tmp_path / "old.bib"
    latin1.write_bytes(entry.encode("latin-1"))
    zipped = tmp_path / "new.bib.gz"
    zipped.write_bytes(gzip.compress(("\ufeff" + entry).encode("utf-8")))
    for path in (latin1, zipped):
        papers, _ = read_bibtex(path, OPTIONS)
        assert [(p.authors, p.title, p.year) for p in papers] == [
            (["José Müller", "Bell Laboratories"], "Ünïcode", 1990)
        ]
        assert papers[0].source == f"{path}:1"


def test_not_bibtex_is_input_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.bib"
    path.write_text("Just some notes.\nNo entries here.\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a BibTeX file"):
        read_bibtex(path, OPTIONS)
    broken = tmp_path / "broken.bib.gz"
    broken.write_bytes(gzip.compress(b"@Article{k, author={A}}")[:-12])
    with pytest.raises(InputError):
        read_bibtex(broken, OPTIONS)


# --- Beebe's bibliographies (shared/data/bibtex) -----------------------------------------


def test_tugboat(shared_data: Path) -> None:
    path = shared_data / "bibtex" / "tugboat.bib"
    papers, report = read_bibtex(path, OPTIONS)
    text = path.read_text(encoding="utf-8")
    assert report.read == count_entries(text) == 4839
    assert report.read == len(papers) + sum(report.skipped.values())
    by_id = {p.id: p for p in papers}
    assert by_id["Emch:TB1-1-22"].authors == ["Gérard Emch", "Arnold Pizer"]
    assert by_id["Bell:TB8-1-54"].authors == ["Edwin V. Bell, II"]
    assert by_id["Baldwin:TB13-3-272"].authors == ["Harry L. Baldwin, Jr."]
    assert by_id["Nagy:TB10-1-108"].authors == ["Dezső Nagy"]
    assert by_id["TWGTDS:TB16-4-401"].authors == ["TUG Working Group on a TeX Directory Structure"]
    assert by_id["Thanh:TB18-4-249"].authors == ["Hàn Thế Thành", "Sebastian Rahtz"]
    fried = by_id["Fried:TB27-1-13"]
    assert fried.authors == ["Katalin Fried"] and fried.authors_truncated
    assert by_id["Anonymous:TB2-2-2"].title == "Addresses of officers, authors and others"
    assert by_id["Emch:TB1-1-22"].source == line_of(path, "Emch:TB1-1-22")
    lines = text.splitlines()  # every source is the line its entry starts on
    assert all(lines[int(p.source.rsplit(":", 1)[1]) - 1].startswith("@") for p in papers)
    names = {name for p in papers for name in p.authors}
    assert not [n for n in names if re.search(r"[\\{}~$]", n) or n != " ".join(n.split())]
    assert sum(1 for n in names if not n.isascii()) > 100


@pytest.mark.parametrize(
    ("name", "used", "skipped"),
    [
        ("typeset.bib", 797, {"no authors": 60, "no authors (editor only)": 42}),
        ("font.bib", 925, {"no authors": 17, "no authors (editor only)": 44}),
        ("texbook3.bib", 786, {"no authors": 21, "no authors (editor only)": 52}),
    ],
)
def test_other_beebe_files(shared_data: Path, name: str, used: int, skipped: dict[str, int]) -> None:
    path = shared_data / "bibtex" / name
    papers, report = read_bibtex(path, OPTIONS)
    assert report.read == count_entries(path.read_text(encoding="utf-8"))
    assert (len(papers), dict(report.skipped)) == (used, skipped)
    lines = path.read_text(encoding="utf-8").splitlines()
    for where in [p.source for p in papers] + [where for where, _ in report.errors]:
        assert lines[int(where.rsplit(":", 1)[1]) - 1].startswith("@"), where


# --- property tests --------------------------------------------------------------------------

#: Text made of BibTeX's own punctuation and words, to reach deeper than random text.
BIB_TEXT = st.lists(
    st.sampled_from([*'{}"#@,=()\\%~$ \nab', " and ", "others", "@Article{", "\\'e", "{\\o}", "AND"]),
    max_size=60,
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(author=st.one_of(st.text(max_size=80), BIB_TEXT))
def test_any_author_value_never_crashes(tmp_path: Path, author: str) -> None:
    path = tmp_path / "a.bib"
    path.write_text(f"@Article{{k,\n  author = {{{author}}},\n  title = {{T}},\n}}\n", encoding="utf-8")
    try:
        papers, report = read_bibtex(path, OPTIONS)
    except CoauthorError:
        return
    assert report.read == len(papers) + sum(report.skipped.values())
    for paper in papers:
        assert all(name and name == " ".join(name.split()) for name in paper.authors)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=300), BIB_TEXT, st.binary(max_size=200)))
def test_any_file_never_crashes(tmp_path: Path, text: str | bytes) -> None:
    path = tmp_path / "f.bib"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        papers, report = read_bibtex(path, OPTIONS)
    except CoauthorError:
        return
    assert report.read == len(papers) + sum(report.skipped.values())
