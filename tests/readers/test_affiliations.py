"""Affiliations read from every reader that carries them: expected values
from the raw files (counted here with simple regular expressions of their
own) or written by hand."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from coauthor.readers import read_inputs
from coauthor.readers.affiliations import country_code, parse_address
from coauthor.records import Affiliation, Paper


def read(path: Path) -> list[Paper]:
    return read_inputs([path])[0]


def countries(papers: list[Paper]) -> set[str]:
    return {a.country for p in papers for a in p.affiliations() if a.country}


@pytest.mark.parametrize(
    ("text", "code"),
    [("USA", "US"), ("Peoples R China", "CN"), ("England", "GB"), ("Scotland", "GB"), ("Wales", "GB"),
     ("North Ireland", "GB"), ("South Korea", "KR"), ("Turkey", "TR"), ("U Arab Emirates", "AE"), ("Russia", "RU"),
     ("NORWAY.", "NO"), ("TN 37830", "US"), ("Farmington, CT 06032 USA", "US"), ("Sarawak", None), ("", None)],
)  # fmt: skip
def test_country_as_wos_and_scopus_write_it(text: str, code: str | None) -> None:
    assert country_code(text.split(",")[-1]) == code


def test_institution_and_country_of_an_address() -> None:
    wos = parse_address("Zhejiang Chinese Med Univ, Sch Basic Med, Hangzhou 310053, Zhejiang, Peoples R China.", True)
    assert wos == Affiliation("Zhejiang Chinese Med Univ", None, "CN")
    scopus = parse_address(
        "Department of Clinical Medicine, Hunan Normal University Health Science Center, Changsha, China"
    )
    assert scopus == Affiliation("Hunan Normal University Health Science Center", None, "CN")


def wos_c1_lines(path: Path) -> list[str]:
    """The address lines of every C1 field of a WoS plain-text file."""
    lines, inside = [], False
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith("C1 "):
            inside = True
            lines.append(line[3:])
        elif inside and line.startswith("   "):
            lines.append(line[3:])
        else:
            inside = False
    return lines


def raw_wos_countries(path: Path) -> set[str]:
    """Distinct countries of the C1 addresses: the text after the last comma,
    any US state or ZIP ending as USA, the four UK nations as UK."""
    found = set()
    for line in wos_c1_lines(path):
        if re.match(r"^[^,\[]+, (?:1[5-9]|20)\d\d, ", line):  # a cited reference that lost its CR tag
            continue
        last = line.rstrip(".").split(",")[-1].strip().upper()
        if re.search(r"\bUSA$", last) or re.fullmatch(r"[A-Z]{2}(?: \d{5})?", last):
            last = "USA"
        found.add("UK" if last in {"ENGLAND", "SCOTLAND", "WALES", "NORTH IRELAND"} else last)
    return found


WOS_FILES = [
    "bibliometrix/tests_testthat_fixtures_wos_sample.txt",
    "tethne/tethne_tests_data_wos2.txt",
    "tethne/tethne_tests_data_wos3.txt",
    "metaknowledge/metaknowledge_tests_ManyAuthors.isi",
]


@pytest.mark.parametrize("name", WOS_FILES)
def test_wos_countries_are_those_of_the_c1_text(shared_data: Path, name: str) -> None:
    path = shared_data / "peers" / name
    assert len(countries(read(path))) == len(raw_wos_countries(path))


def test_wos_papers_without_c1(shared_data: Path) -> None:
    path = shared_data / "peers" / "metaknowledge" / "metaknowledge_tests_ManyAuthors.isi"
    text = path.read_text(encoding="utf-8-sig")
    records = text.count("\nER")
    with_c1 = len(re.findall(r"^C1 ", text, flags=re.MULTILINE))
    papers = read(path)
    assert len(papers) == records == 500
    assert sum(not p.affiliations() for p in papers) == records - with_c1 == 41


def test_wos_c1_gives_each_named_author_their_address(shared_data: Path) -> None:
    papers = read(shared_data / "peers" / "bibliometrix" / "tests_testthat_fixtures_wos_sample.txt")
    paper = next(p for p in papers if "Aria, Massimo" in p.authors)
    by_author = dict(zip(paper.authors, paper.author_affiliations, strict=True))
    assert by_author["Aria, Massimo"] == (Affiliation("Univ Napoli Federico II", None, "IT"),)
    assert by_author["Cuccurullo, Corrado"] == (Affiliation("Univ Campania Luigi Vanvitelli", None, "IT"),)


def test_wos_tab_layout_c1_cell(tmp_path: Path) -> None:
    path = tmp_path / "savedrecs.txt"
    header = "PT\tAU\tAF\tTI\tPY\tC1\tUT"
    row = ("J\tLee, A; Chen, B\tLee, Ann; Chen, Bo\tT\t2020\t"
           "[Lee, Ann] Univ Oslo, Oslo, Norway; [Chen, Bo] CERN, Geneva, Switzerland\tWOS:1")  # fmt: skip
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    (paper,) = read(path)
    assert [[a.country for a in g] for g in paper.author_affiliations] == [["NO"], ["CH"]]


def raw_scopus_countries(path: Path) -> set[str]:
    """Distinct last parts of the ';'-separated addresses of the Affiliations column."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        e.strip().rstrip(".").split(",")[-1].strip() for r in rows for e in r["Affiliations"].split(";") if e.strip()
    }


@pytest.mark.parametrize(
    "name",
    ["tethne/tethne_tests_data_scopus.csv", "litstudy/tests_resources_scopus.csv",
     "bibliometrix/tests_testthat_fixtures_scopus_sample.csv"],
)  # fmt: skip
def test_scopus_countries_are_those_of_the_affiliations_column(shared_data: Path, name: str) -> None:
    path = shared_data / "peers" / name
    assert len(countries(read(path))) == len(raw_scopus_countries(path))


def test_scopus_authors_with_affiliations_old_and_new_layouts(shared_data: Path) -> None:
    new = read(shared_data / "peers" / "bibliometrix" / "tests_testthat_fixtures_scopus_sample.csv")
    first = new[0]
    assert first.authors[0].startswith("Liu")
    assert first.author_affiliations[0] == (Affiliation("Hunan Normal University Health Science Center", None, "CN"),)
    old = read(shared_data / "peers" / "tethne" / "tethne_tests_data_scopus.csv")  # "Pan, Y., Institute ..."
    assert len(old[0].author_affiliations) == len(old[0].authors)
    assert old[0].author_affiliations[0][0].country == "CN"


def test_crossref_affiliations(shared_data: Path) -> None:
    path = shared_data / "crossref" / "crossref_works_from_habanero_cassettes.json"
    works = json.loads(path.read_text(encoding="utf-8"))
    with_any = {w["DOI"].lower() for w in works if any(a.get("affiliation") for a in w.get("author", []))}
    papers = read(path)
    assert {p.doi for p in papers if p.author_affiliations} == with_any
    assert len(with_any) == 148
    lausanne = read(shared_data / "peers" / "commonmeta" / "crossref.json")[0]
    assert Affiliation("University of Lausanne", None, "CH") in lausanne.affiliations()


def test_crossref_ror_id(tmp_path: Path) -> None:
    work = {"DOI": "10.1/x", "title": ["T"], "message-type": "work", "author": [
        {"given": "Ann", "family": "Lee", "sequence": "first",
         "affiliation": [{"name": "Open Universiteit, Heerlen, NL",
                          "id": [{"id": "https://ror.org/018dfmf50", "id-type": "ROR", "asserted-by": "publisher"}]}]},
        {"given": "Bo", "family": "Chen", "sequence": "additional", "affiliation": []}]}  # fmt: skip
    path = tmp_path / "work.json"
    path.write_text(json.dumps({"message-type": "work", "message": work}), encoding="utf-8")
    (paper,) = read(path)
    assert paper.author_affiliations == ((Affiliation("Open Universiteit", "018dfmf50", "NL"),), ())


def test_openalex_institutions(tmp_path: Path) -> None:
    work = {"id": "https://openalex.org/W1", "title": "T", "publication_year": 2020, "authorships": [
        {"author": {"id": "https://openalex.org/A1", "display_name": "Ann Lee"},
         "institutions": [{"id": "https://openalex.org/I1", "display_name": "University of Oslo",
                           "ror": "https://ror.org/01xtthb56", "country_code": "NO"},
                          {"display_name": "CERN", "ror": "https://ror.org/01ggx4157", "country_code": "CH"}]},
        {"author": {"display_name": "Bo Chen"}, "institutions": [],
         "raw_affiliation_strings": ["Dept Physics, Univ Tokyo, Tokyo, Japan"]},
        {"author": {"display_name": "Cy Diaz"}, "institutions": []}]}  # fmt: skip
    path = tmp_path / "works.json"
    path.write_text(json.dumps({"results": [work]}), encoding="utf-8")
    (paper,) = read(path)
    assert paper.author_affiliations == (
        (Affiliation("University of Oslo", "01xtthb56", "NO"), Affiliation("CERN", "01ggx4157", "CH")),
        (Affiliation("Univ Tokyo", None, "JP"),),
        (),
    )


def test_ris_ad_is_the_papers_not_an_authors(tmp_path: Path) -> None:
    path = tmp_path / "refs.ris"
    path.write_text("TY  - JOUR\nAU  - Lee, Ann\nAU  - Chen, Bo\nTI  - T\nPY  - 2020\n"
                    "AD  - Dept Physics, University of Oslo, Oslo, Norway\nAD  - CERN, Geneva, Switzerland\nER  - \n",
                    encoding="utf-8")  # fmt: skip
    (paper,) = read(path)
    assert paper.author_affiliations == ()
    assert paper.unlinked_affiliations == (
        Affiliation("University of Oslo", None, "NO"),
        Affiliation("CERN", None, "CH"),
    )


def test_records_without_affiliations_have_none(seeds: Path) -> None:
    assert not any(p.affiliations() for p in read_inputs([seeds])[0])


def test_affiliation_names_are_made_safe_like_every_field(tmp_path: Path) -> None:
    path = tmp_path / "refs.ris"
    path.write_text("TY  - JOUR\nAU  - Lee, Ann\nTI  - T\nPY  - 2020\nAD  - Univ\x0b Oslo, Oslo, Norway\nER  - \n",
                    encoding="utf-8")  # fmt: skip
    papers, reports = read_inputs([path])
    assert papers[0].unlinked_affiliations == (Affiliation("Univ Oslo", None, "NO"),)
    assert reports[0].warnings["control characters dropped"] >= 1


def test_openalex_csv_institutions_and_countries(shared_data: Path) -> None:
    from coauthor.graph.levels import level_graph

    path = shared_data / "peers" / "bibliometrix" / "tests_testthat_fixtures_openalex_sample.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    codes = {c for r in rows for c in r["authorships.countries"].split("|") if c}
    names = {n for r in rows for n in r["authorships.institutions.display_name"].split("|") if n}
    papers = read(path)
    assert countries(papers) == codes and len(codes) == 7
    assert sorted(dict(level_graph(papers, "institution").nodes(data="name")).values()) == sorted(names)
    first = next(p for p in papers if "Massimo Aria" in p.authors)
    naples = Affiliation("University of Naples Federico II", None, "IT")
    campania = Affiliation('University of Campania "Luigi Vanvitelli"', None, "IT")
    assert first.author_affiliations == ((naples,), (campania,))
