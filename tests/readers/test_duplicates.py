"""The duplicate rule of read_inputs: records with different DOIs or
different ids of one database are never one paper; records without a title
never merge on their authors alone; true copies still merge."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from coauthor.readers import read_inputs

WOS_HEADER = "PT\tAU\tAF\tTI\tPY\tDI\tUT\n"


def wos_tab(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """A tab-delimited WoS file of one paper's copies: (title, DOI, UT) per row, same author and year."""
    lines = [f"J\tLee, A\tLee, Ann\t{title}\t2020\t{doi}\t{ut}\n" for title, doi, ut in rows]
    path.write_text(WOS_HEADER + "".join(lines), encoding="utf-8")
    return path


def scopus_csv(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """The same as a Scopus CSV: (title, DOI, EID) per row."""
    lines = [f'"Lee A.","{title}",2020,"J","{doi}","{eid}"\n' for title, doi, eid in rows]
    path.write_text("Authors,Title,Year,Source title,DOI,EID\n" + "".join(lines), encoding="utf-8")
    return path


def groups(path: Path) -> list[list[int]]:
    """The rows (0-based) that became each paper, as read_inputs merged them."""
    papers, reports = read_inputs([path])
    assert reports[0].read == reports[0].used + reports[0].merged
    return [[int(source.rsplit(":", 1)[1]) - 2 for source in [p.source, *p.also_in]] for p in papers]


ids = st.sampled_from(["", "000000000000001", "000000000000002", "000000000000003"])
dois = st.sampled_from(["", "10.1000/a", "10.1000/b", "10.1000/B"])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["A study", "A Study!"]), dois, ids), min_size=1, max_size=8),
    st.sampled_from(["wos", "scopus"]),
)
def test_different_dois_or_database_ids_never_merge(rows: list[tuple[str, str, str]], database: str) -> None:
    """WoS UTs (``WOS:...``) or Scopus EIDs (``2-s2.0-...``), some missing."""
    prefix, write = ("WOS:", wos_tab) if database == "wos" else ("2-s2.0-", scopus_csv)
    rows = [(title, doi, f"{prefix}{number}" if number else "") for title, doi, number in rows]
    with tempfile.TemporaryDirectory() as folder:
        found = groups(write(Path(folder) / "records.txt", rows))
    assert sorted(i for group in found for i in group) == list(range(len(rows)))  # nothing lost
    for group in found:
        assert len({rows[i][1].lower() for i in group} - {""}) <= 1, group
        assert len({rows[i][2] for i in group} - {""}) <= 1, group
    # Copies with the same UT and DOI are one paper.
    by_paper = {i: n for n, group in enumerate(found) for i in group}
    for i, (_, doi_i, ut_i) in enumerate(rows):
        for j, (_, doi_j, ut_j) in enumerate(rows):
            if ut_i and (ut_i, doi_i.lower()) == (ut_j, doi_j.lower()):
                assert by_paper[i] == by_paper[j], (i, j)


def test_copies_without_ids_merge_and_untitled_never_do(tmp_path: Path) -> None:
    assert len(groups(wos_tab(tmp_path / "a.txt", [("A study", "", "")] * 3))) == 1
    assert len(groups(wos_tab(tmp_path / "b.txt", [("", "", "")] * 3))) == 3


def test_same_doi_different_ut_and_title_stay_two_papers(tmp_path: Path) -> None:
    rows = [("Shifts of leaky modes", "10.1364/x.1", "WOS:000229693800018"),
            ("A second paper", "10.1364/x.1", "WOS:000229693800019")]  # fmt: skip
    assert groups(wos_tab(tmp_path / "w.txt", rows)) == [[0], [1]]


def test_same_ut_in_two_files_merges_even_without_doi(tmp_path: Path) -> None:
    one = wos_tab(tmp_path / "one.txt", [("A study", "10.1/a", "WOS:000000000000009")])
    two = wos_tab(tmp_path / "two.txt", [("A study (corrected title)", "", "WOS:000000000000009")])
    papers, reports = read_inputs([one, two])
    assert len(papers) == 1 and reports[1].merged == 1


def test_metaknowledge_records_sharing_a_doi(shared_data: Path) -> None:
    """testFile.isi holds two records with DOI 10.1364/OL.27.001421 and
    different UTs (two papers), and two with DOI 10.1364/JOSAB.22.001290
    where the second has no UT (the same paper, listed twice)."""
    path = shared_data / "peers" / "metaknowledge" / "metaknowledge_tests_testFile.isi"
    text = path.read_text(encoding="utf-8")
    records = text.count("\nER\n")
    papers, reports = read_inputs([path])
    by_doi: dict[str, list[str | None]] = {}
    for paper in papers:
        by_doi.setdefault(paper.doi or "", []).append(paper.db_id)
    assert sorted(by_doi["10.1364/ol.27.001421"]) == ["wos:000177484300017", "wos:000177484FG0017"]
    assert by_doi["10.1364/josab.22.001290"] == ["wos:000229693800018"]
    assert (reports[0].read, reports[0].merged, len(papers)) == (records, 1, records - 1)
