"""Real tabular and tagged exports shipped by other bibliometrics projects
(../shared/data/peers): every file read with counts, ids and author lists
taken from the raw file (counted here with the csv module or a regular
expression) or from the peer project's own tests, never from coauthor."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from coauthor.cli import main
from coauthor.readers import ReadOptions, read_inputs
from coauthor.readers.scopus import split_short
from coauthor.records import Paper, ReadReport

OPTIONS = ReadOptions(2026)


def read(path: Path) -> tuple[list[Paper], ReadReport]:
    papers, reports = read_inputs([path], OPTIONS)
    (report,) = reports
    assert report.read == report.used + report.merged + sum(report.skipped.values())
    return papers, report


def csv_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    """Header and data rows of a CSV file, by the csv module."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.reader(handle) if any(cell.strip() for cell in row)]
    return rows[0], rows[1:]


@pytest.fixture(scope="module")
def peers(shared_data: Path) -> Path:
    return shared_data / "peers"


# --- Scopus ---------------------------------------------------------------------------------


def test_tethne_scopus_short_form(peers: Path) -> None:
    """Old layout: ``Pan, Y., Yu, C., ...`` and no full names. PROVENANCE:
    20 records, 90 authorships; no author may be bare initials."""
    path = peers / "tethne" / "tethne_tests_data_scopus.csv"
    header, rows = csv_rows(path)
    assert "Author full names" not in header
    papers, report = read(path)
    assert report.variant == "authors: short form"
    assert (report.read, report.used, len(papers)) == (20, 20, 20)
    assert sum(len(p.authors) for p in papers) == 90
    assert papers[0].authors == [
        "Pan, Y.",
        "Yu, C.",
        "Zhang, X.",
        "Chen, B.",
        "Wu, J.",
        "Tu, Y.",
        "Miao, Y.",
        "Luo, L.",
    ]
    assert papers[1].authors == ["Wang, B.", "Seiler, J.R.", "Mei, C."]
    assert not any(re.fullmatch(r"[A-Z]\.([A-Z]\.)*", a) for p in papers for a in p.authors)
    eid = header.index("EID")
    assert [p.id for p in papers] == [row[eid] for row in rows]
    assert [p.db_id for p in papers] == [f"scopus:{row[eid]}" for row in rows]
    assert not report.warnings


def test_litstudy_scopus_extra_field_rows(peers: Path) -> None:
    """58 rows, 9 "[No author name available]", first document's 10 authors
    starting "Phillips J.C." (PROVENANCE); most rows have one more field than
    the header: ids are still the EIDs (2-s2.0-...), never "Scopus"."""
    path = peers / "litstudy" / "tests_resources_scopus.csv"
    header, rows = csv_rows(path)
    longer = [row for row in rows if len(row) > len(header)]
    no_author = [row for row in rows if row[0] == "[No author name available]"]
    assert (len(rows), len(no_author)) == (58, 9)
    papers, report = read(path)
    assert (report.read, report.used, report.skipped["no authors"]) == (58, 49, 9)
    assert report.warnings["row has more fields than the header"] == len(longer) > 0
    assert report.variant == "authors: abbreviated"
    assert papers[0].authors == [
        "Phillips J.C.", "Braun R.", "Wang W.", "Gumbart J.", "Tajkhorshid E.", "Villa E.", "Chipot C.", "Skeel R.D.",
        "Kalé L.", "Schulten K.",
    ]  # fmt: skip
    eids = [re.search(r"2-s2\.0-\d+", ",".join(row[-2:]))[0] for row in rows if row[0] != "[No author name available]"]
    assert [p.id for p in papers] == eids
    assert papers[2].doi == "10.1038/s41598-022-04849-0"
    assert papers[2].author_ids[:2] == ["57204582693", "57201420436"]


def test_bibliometrix_scopus_full_names(peers: Path) -> None:
    path = peers / "bibliometrix" / "tests_testthat_fixtures_scopus_sample.csv"
    header, rows = csv_rows(path)
    full = header.index("Author full names")
    papers, report = read(path)
    assert report.variant == "authors: full names"
    assert (report.read, report.used) == (len(rows), len(rows))
    expected = [[re.sub(r"\s*\(\d+\)$", "", n.strip()) for n in row[full].split(";")] for row in rows]
    assert [p.authors for p in papers] == expected
    assert [p.id for p in papers] == [row[header.index("EID")] for row in rows]


def test_metaknowledge_scopus(peers: Path) -> None:
    path = peers / "metaknowledge" / "metaknowledge_tests_scopus_testing.csv.scopus"
    header, rows = csv_rows(path)
    authors = header.index("Authors")
    nobody = ("[No author name available]", "Anon")  # row 16 is by "Anon": no person either
    no_author = sum(row[authors] in nobody for row in rows)
    papers, report = read(path)
    assert (report.read, report.skipped["no authors"]) == (len(rows), no_author) == (220, 4)
    assert report.warnings["authorship skipped: not a person (Anon)"] == 1
    assert papers[0].authors[:3] == ["Yagai T.", "Kimura Y.", "Kamada H."]
    assert len(papers[0].authors) == len(rows[0][authors].split(", ")) == 11
    assert sum(len(p.authors) for p in papers) == sum(
        len(row[authors].split(", ")) for row in rows if row[authors] not in nobody
    )


def test_inspect_names_the_layout_and_warnings(peers: Path) -> None:
    old = peers / "tethne" / "tethne_tests_data_scopus.csv"
    shifted = peers / "litstudy" / "tests_resources_scopus.csv"
    result = CliRunner().invoke(main, ["inspect", "-q", str(old), str(shifted)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{old}: scopus (authors: short form), utf-8, 20 read, 20 used")
    assert "warning 56: row has more fields than the header" in result.output


def test_scopus_author_that_is_only_initials_is_left_out_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "scopus.csv"
    path.write_text(
        'Authors,Title,Year,Source title,EID\n"Pan, Y., J., Yu, C.",A,2015,J,2-s2.0-1\n"C., D.",B,2016,J,2-s2.0-2\n',
        encoding="utf-8",
    )
    papers, report = read(path)
    assert [p.authors for p in papers] == [["Pan, Y.", "Yu, C."]]
    assert report.skipped == {"no authors (only initials)": 1}
    assert report.warnings == {"author is only initials (left out)": 3}
    assert (f"{path}:2", "warning: author is only initials (left out)") in report.errors


# --- IEEE Xplore, Lens, OpenAlex CSV, Dimensions (SpringerLink: test_springer_glued.py) -----


@pytest.mark.parametrize("name", ["tests_resources_ieee.csv", "notebooks_data_ieee_1.csv"])
def test_litstudy_ieee_titles_years_and_authors(peers: Path, name: str) -> None:
    path = peers / "litstudy" / name
    header, rows = csv_rows(path)
    col = {column: header.index(column) for column in ("Document Title", "Authors", "Publication Year", "DOI")}
    papers, report = read(path)
    assert (report.variant, report.read, report.used) == ("IEEE Xplore", len(rows), len(rows))
    assert not report.warnings
    assert [p.title for p in papers] == [" ".join(row[col["Document Title"]].split()) for row in rows]
    assert [p.year for p in papers] == [int(row[col["Publication Year"]]) for row in rows]
    assert [p.authors for p in papers] == [[n.strip() for n in row[col["Authors"]].split(";")] for row in rows]
    assert [p.doi for p in papers] == [row[col["DOI"]].lower() or None for row in rows]


def test_litstudy_ieee_known_records(peers: Path) -> None:
    papers, _ = read(peers / "litstudy" / "tests_resources_ieee.csv")
    assert papers[0].authors == ["P. Kogge", "J. Shalf"] and papers[0].year == 2013
    assert papers[1].authors == ["F. Berberich", "J. Liebmann", "J. -P. Nominé", "O. Pineda", "P. Segers", "V. Teodor"]
    assert papers[1].title == "European HPC Landscape" and papers[1].doi == "10.1109/escience.2019.00062"
    assert papers[0].venue == "Computing in Science & Engineering"


def test_bibliometrix_lens(peers: Path) -> None:
    path = peers / "bibliometrix" / "tests_testthat_fixtures_lens_sample.csv"
    header, rows = csv_rows(path)
    col = {column: header.index(column) for column in ("Lens ID", "Title", "Publication Year", "Author/s", "DOI")}
    papers, report = read(path)
    assert (report.variant, report.read, report.used, dict(report.warnings)) == ("Lens", 8, 8, {})
    assert [p.id for p in papers] == [row[col["Lens ID"]] for row in rows]
    assert [p.db_id for p in papers] == [f"lens:{row[col['Lens ID']]}" for row in rows]
    assert [p.title for p in papers] == [" ".join(row[col["Title"]].split()) for row in rows]
    assert [p.year for p in papers] == [int(row[col["Publication Year"]]) for row in rows]
    assert [p.authors for p in papers] == [[n.strip() for n in row[col["Author/s"]].split(";")] for row in rows]
    assert papers[0].authors[:3] == ["Petar Radanliev", "David De Roure", "Max Van Kleek"]


def test_bibliometrix_openalex_csv(peers: Path) -> None:
    path = peers / "bibliometrix" / "tests_testthat_fixtures_openalex_sample.csv"
    header, rows = csv_rows(path)
    col = {c: header.index(c) for c in ("id", "display_name", "publication_year", "authorships.author.display_name")}
    papers, report = read(path)
    assert (report.variant, report.read, report.used, dict(report.warnings)) == ("OpenAlex", 8, 8, {})
    assert [p.id for p in papers] == [row[col["id"]].rsplit("/", 1)[1] for row in rows]
    assert [p.title for p in papers] == [" ".join(row[col["display_name"]].split()) for row in rows]
    assert [p.year for p in papers] == [int(row[col["publication_year"]]) for row in rows]
    assert [p.authors for p in papers] == [row[col["authorships.author.display_name"]].split("|") for row in rows]
    first = papers[0]
    assert (first.authors, first.doi) == (["Massimo Aria", "Corrado Cuccurullo"], "10.1016/j.joi.2017.08.007")
    assert first.author_ids == ["A5069892096", "A5049136342"]
    assert first.author_orcids == ["0000-0002-8517-9411", "0000-0002-7401-8575"]


def test_dimensions_export_past_its_about_line(test_data: Path) -> None:
    """A Dimensions CSV (its published columns, the 'About the data' line above the header)."""
    papers, report = read(test_data / "csv" / "dimensions.csv")
    assert (report.format, report.variant, report.read, report.used, dict(report.warnings)) == (
        "csv", "Dimensions", 2, 2, {},
    )  # fmt: skip
    assert [p.authors for p in papers] == [
        ["Newman, Mark E. J.", "Barabási, Albert-László"],
        ["Aria, Massimo", "Cuccurullo, Corrado", "Newman, Mark E. J."],
    ]
    assert [(p.id, p.db_id, p.year, p.doi) for p in papers] == [
        ("pub.1000000001", "dimensions:pub.1000000001", 2019, "10.1000/dim.1"),
        ("pub.1000000002", "dimensions:pub.1000000002", 2021, "10.1000/dim.2"),
    ]
    assert papers[0].title == "Who writes with whom, and why" and papers[0].venue == "Journal of Informetrics"


def test_year_from_a_date_column(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "Title,Authors,Publication Date\nA study,Ann Lee; Bo Chen,2020-05-01\nB,Ann Lee,May\n", encoding="utf-8"
    )
    papers, report = read(path)
    assert [p.year for p in papers] == [2020, None]
    assert report.warnings == {"year not understood (left empty)": 1}
    assert (f"{path}:3", "warning: year not understood (left empty)") in report.errors


def test_table_without_title_or_year_columns_warns(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Article Name,Authors,When\nA study,Ann Lee; Bo Chen,2020\n", encoding="utf-8")
    papers, report = read(path)
    assert papers[0].authors == ["Ann Lee", "Bo Chen"]
    assert dict(report.warnings) == {
        "no title column (every title left empty)": 1, "no year column (every year left empty)": 1,
    }  # fmt: skip


# --- Web of Science plain text ---------------------------------------------------------------

WOS_FILES = [
    "metaknowledge/metaknowledge_tests_testFile.isi",
    "metaknowledge/metaknowledge_tests_ManyAuthors.isi",
    "metaknowledge/metaknowledge_tests_OnePaper.isi",
    "metaknowledge/metaknowledge_tests_OnePaper2.isi",
    "metaknowledge/metaknowledge_tests_OnePaperNoCites.isi",
    "metaknowledge/metaknowledge_tests_SimplePaper.isi",
    "metaknowledge/metaknowledge_tests_TwoPaper.isi",
    "metaknowledge/metaknowledge_tests_badFile.isi",
    "metaknowledge/docs_examples_savedrecs.txt",
    "tethne/tethne_tests_data_wos.txt",
    "tethne/tethne_tests_data_wos2.txt",
    "tethne/tethne_tests_data_wos3.txt",
    "tethne/tethne_tests_data_valentin.txt",
    "bibliometrix/tests_testthat_fixtures_wos_sample.txt",
    "rispy/example_wos.ris",
]


def wos_records(path: Path) -> list[dict[str, list[str]]]:
    """The records of a WoS plain-text file, split here: tag -> lines, a
    record ending at an ``ER`` line."""
    records: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] = {}
    tag = ""
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.rstrip() == "ER":
            records.append(current)
            current, tag = {}, ""
        elif re.match(r"[A-Z][A-Z0-9] ", line):
            tag = line[:2]
            current.setdefault(tag, []).append(line[3:].strip())
        elif line.startswith("   ") and tag:
            current[tag].append(line.strip())
    return records


@pytest.mark.parametrize("name", WOS_FILES)
def test_wos_plain_text_records_and_authors(peers: Path, name: str) -> None:
    path = peers / name
    records = wos_records(path)
    papers, report = read(path)
    assert report.format == "wos-plain"
    assert report.read == len(records) and not report.skipped
    assert report.read - report.merged == len(papers)
    uts = [r["UT"][0] for r in records if "UT" in r]
    assert len({p.db_id for p in papers if p.db_id}) == len(set(uts))
    if not report.merged:
        assert [p.authors for p in papers] == [r.get("AF") or r["AU"] for r in records]
        assert [p.id for p in papers] == [r["UT"][0] for r in records]


def test_metaknowledge_counts(peers: Path, tmp_path: Path) -> None:
    """metaknowledge's own tests: ManyAuthors.isi holds 500 records;
    testFile.isi's co-authorship network has 45 nodes, 46 edges and 9
    isolates (test_recordCollection.test_coAuth)."""
    papers, _ = read(peers / "metaknowledge" / "metaknowledge_tests_ManyAuthors.isi")
    assert len(papers) == 500
    path, out = peers / "metaknowledge" / "metaknowledge_tests_testFile.isi", tmp_path / "g.graphml"
    result = CliRunner().invoke(main, ["graph", "-q", str(path), "-o", str(out), "--resolve", "off"])
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out)
    assert (graph.number_of_nodes(), graph.number_of_edges(), nx.number_of_isolates(graph)) == (45, 46, 9)


def test_known_wos_records(peers: Path) -> None:
    papers, _ = read(peers / "tethne" / "tethne_tests_data_wos.txt")
    first = papers[0]
    assert first.authors[:3] == ["Marigomez, Ionan", "Garmendia, Larraitz", "Soto, Manu"]
    assert (first.id, first.db_id, first.doi) == (
        "WOS:000316281300006",
        "wos:000316281300006",
        "10.1007/s10646-013-1042-4",
    )
    papers, _ = read(peers / "rispy" / "example_wos.ris")
    assert papers[0].authors == ["Parkes-Loach, PS", "Majeed, AP", "Law, CJ", "Loach, PA"]


def test_metaknowledge_bad_file_says_it_may_be_cut(peers: Path) -> None:
    """badFile.isi is testFile.isi without two records and without its
    closing ``EF`` line: every record present is read, and the missing end
    is a warning at the last line."""
    path = peers / "metaknowledge" / "metaknowledge_tests_badFile.isi"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "EF" not in lines
    papers, report = read(path)
    assert report.read == lines.count("ER") == 32 and len(papers) == 32
    assert dict(report.warnings) == {"no EF line at the end (the file may be cut short)": 1}
    assert (f"{path}:{len(lines)}", "warning: no EF line at the end (the file may be cut short)") in report.errors


# --- RIS --------------------------------------------------------------------------------------

RIS_FILES = [
    *(f"rispy/example_{name}.ris" for name in (
        "basic", "bom", "custom_list_tags", "empty_tag", "extraneous_data", "full", "full_without_whitespace",
        "full_write", "multi_unknown_tags", "multiline", "single_unknown_tag", "starting_newlines", "urls",
        "utf_chars",
    )),
    "litstudy/tests_resources_example.ris",
    "litstudy/notebooks_data_exclude.ris",
    "commonmeta/crossref.ris",
    "commonmeta/pure.ris",
    "commonmeta/ris_bug.ris",
]  # fmt: skip


def ris_records(path: Path) -> list[list[str]]:
    """The author lines (AU, A1) of each record of a RIS file, split here at
    ``TY`` lines (one space before the dash counted too, as in ris_bug.ris)."""
    records: list[list[str]] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if re.match(r"TY  ?- ", line):
            records.append([])
        elif re.match(r"(AU|A1)  - ", line) and records:
            records[-1].append(line[6:].strip())
    return records


@pytest.mark.parametrize("name", RIS_FILES)
def test_ris_records_and_authors(peers: Path, name: str) -> None:
    path = peers / name
    records = ris_records(path)
    papers, report = read(path)
    assert report.format == "ris" and report.read == len(records) > 0
    assert report.skipped == ({"no authors (AU/A1)": sum(not r for r in records)} if not all(records) else {})
    if not report.merged:
        assert [p.authors for p in papers] == [r for r in records if r]


def test_known_ris_records(peers: Path) -> None:
    papers, _ = read(peers / "rispy" / "example_full.ris")
    assert [p.authors for p in papers] == [["Marx, Karl", "Lindgren, Astrid"], ["Marxus, Karlus", "Lindgren, Astrid"]]
    assert [p.year for p in papers] == [2014, 2006]  # A2 (Glattauer, Daniel) is an editor, not an author
    papers, report = read(peers / "rispy" / "example_urls.ris")  # the same record four times
    assert (report.read, report.merged, len(papers)) == (4, 3, 1)
    papers, _ = read(peers / "commonmeta" / "ris_bug.ris")  # "TY -  BOOK": one space before the dash
    assert papers[0].authors == ["Balakrishnan, Vishnuvardhan"] and papers[0].doi == "10.17918/ernk-6431"
    assert papers[0].year == 2018
    papers, _ = read(peers / "rispy" / "example_extraneous_data.ris")  # "Record #1 of 2" lines around records
    assert [p.title for p in papers] == ["Title of reference", "The title of the reference"]


# --- MEDLINE ----------------------------------------------------------------------------------


def test_metaknowledge_medline(peers: Path) -> None:
    path = peers / "metaknowledge" / "metaknowledge_tests_medline_test.medline"
    text = path.read_text(encoding="utf-8")
    pmids = re.findall(r"^PMID- (\d+)", text, re.MULTILINE)
    blocks = re.split(r"^(?=PMID- )", text, flags=re.MULTILINE)[1:]
    authors = [re.findall(r"^FAU - (.+)$", block, re.MULTILINE) for block in blocks]
    papers, report = read(path)
    assert (report.format, report.read) == ("medline", len(pmids)) == ("medline", 175)
    assert report.skipped == {"no authors": sum(not a for a in authors)} == {"no authors": 1}
    assert [p.authors for p in papers] == [a for a in authors if a]
    assert sum(len(p.authors) for p in papers) == 1275
    assert [p.db_id for p in papers] == [f"pubmed:{n}" for n, a in zip(pmids, authors, strict=True) if a]
    first = papers[0]
    assert first.authors == ["Gadzalski, Marek", "Ciesielska, Anita", "Staczek, Pawel"]
    assert (first.year, first.doi, first.title) == (
        2016, "10.1016/j.gene.2015.10.064", "Bioinformatic survey of ABC transporters in dermatophytes.",
    )  # fmt: skip


def test_proquest_is_not_read_and_says_so_in_one_line(peers: Path) -> None:
    """ProQuest text reports are not read: named, a one-line error and exit 1."""
    name = "metaknowledge/metaknowledge_tests_ProQuest_TestFile.testtxt"
    path = peers / name
    result = CliRunner().invoke(main, ["inspect", "-q", str(path)])
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 1
    assert result.output.startswith(f"Error: {path}:1: unknown input format (coauthor reads: bibtex,")


def test_ris_and_wos_authors_that_are_only_initials_are_left_out(tmp_path: Path) -> None:
    ris = tmp_path / "a.ris"
    ris.write_text("TY  - JOUR\nAU  - Lee, Ann\nAU  - J.\nTI  - A\nER  - \n", encoding="utf-8")
    papers, report = read(ris)
    assert papers[0].authors == ["Lee, Ann"] and report.warnings == {"author is only initials (left out)": 1}
    wos = tmp_path / "w.txt"
    wos.write_text("PT\tAU\tAF\tTI\tPY\tUT\nJ\tLee, A; J.\tLee, Ann; J.\tA\t2020\tWOS:1\n", encoding="utf-8")
    papers, report = read(wos)
    assert papers[0].authors == ["Lee, Ann"] and report.warnings == {"author is only initials (left out)": 1}


surnames = (
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzéøł -'", min_size=2, max_size=12)
    .map(str.strip)
    .filter(lambda s: len(s) >= 2 and s[0].isalpha())
    .map(lambda s: s[0].upper() + s[1:])
)
initials = st.lists(st.sampled_from("ABCDEFGHJKLMNPRSTW"), min_size=1, max_size=3).map(
    lambda letters: "".join(f"{x}." for x in letters)
)


@given(st.lists(st.tuples(surnames, initials), min_size=1, max_size=12))
def test_scopus_short_form_splits_back_into_its_names(names: list[tuple[str, str]]) -> None:
    """``Surname, I., Surname, I.`` (old Scopus) and ``Surname I., Surname I.``
    (newer) both give back exactly the names they were written from."""
    short = [f"{surname}, {letters}" for surname, letters in names]
    assert split_short(", ".join(short)) == (short, "short form")
    abbreviated = [f"{surname} {letters}" for surname, letters in names]
    assert split_short(", ".join(abbreviated)) == (abbreviated, "abbreviated")


# --- Zotero RDF -------------------------------------------------------------------------------


def test_tethne_zotero_rdf(peers: Path) -> None:
    """12 items (``z:itemType``); item_1133 repeats item_510 (same DOI,
    title and authors) and is merged into it; authors in ``bib:authors`` order."""
    path = peers / "tethne" / "tethne_tests_data_zotero_zotero.rdf"
    text = path.read_text(encoding="utf-8")
    items = re.findall(r"<z:itemType>(\w+)</z:itemType>", text)
    people = re.findall(r"<foaf:surname>([^<]*)</foaf:surname>\s*<foaf:givenname>([^<]*)</foaf:givenname>", text)
    papers, report = read(path)
    assert (report.format, report.read, report.used, report.merged) == ("zotero-rdf", len(items), 11, 1) == (
        "zotero-rdf", 12, 11, 1,
    )  # fmt: skip
    assert sum(len(p.authors) for p in papers) + 2 == len(people)  # the merged copy's two authors
    assert papers[0].authors == ["May, David S."] and papers[0].doi == "10.2307/2441258" and papers[0].year == 1971
    second = papers[1]
    assert second.authors == ["Peacock, J. Talmer", "McMillan, Calvin"]
    assert (second.title, second.venue, second.volume) == (
        "Ecotypic Differentiation in Prosopis (Mesquite)",
        "Ecology",
        "46",
    )
    assert second.also_in == [f"{path}:{text[: text.index('#item_1133')].count(chr(10)) + 1}"]


def test_zotero_rdf_not_xml_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "z.rdf"
    path.write_text('<rdf:RDF xmlns:z="http://www.zotero.org/namespaces/export#">\n<bib:Article>\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["inspect", "-q", str(path)])
    assert result.exit_code == 1 and result.output.startswith(f"Error: {path}:")
    assert len(result.output.splitlines()) == 1 and "XML not understood" in result.output


def test_metaknowledge_glued_tag_line_is_a_warning(peers: Path) -> None:
    """testFile.isi has ``AUGilles, H`` (tag glued to its value) at one line:
    read into the field above it, with a warning at that line; the record
    keeps its authors from ``AF``."""
    path = peers / "metaknowledge" / "metaknowledge_tests_testFile.isi"
    lines = path.read_text(encoding="utf-8").splitlines()
    glued = [n for n, line in enumerate(lines, start=1) if re.match(r"[A-Z][A-Z0-9][^ \n]", line) and line != "ER"]
    assert len(glued) == 1 and lines[glued[0] - 1] == "AUGilles, H"
    papers, report = read(path)
    reason = "line is neither a tag nor an indented continuation (read into the field above it)"
    assert dict(report.warnings) == {reason: 1} and (f"{path}:{glued[0]}", f"warning: {reason}") in report.errors
    record = next(p for p in papers if p.db_id == "wos:000177484FG0017")
    assert record.authors == ["Gilles, H", "Girard, S", "Hamel, J"]
