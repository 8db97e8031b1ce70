"""The Crossref and CSL-JSON exports shipped by other projects
(``../shared/data/peers/commonmeta``): every work they hold is read, with
counts, author lists and DOIs taken from the raw files with ``json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coauthor.readers import read_inputs
from coauthor.readers.base import ReadOptions

OPTIONS = ReadOptions(undated_year=2026)


def commonmeta(shared_data: Path, name: str) -> Path:
    return shared_data / "peers" / "commonmeta" / name


def full_name(person: dict) -> str:
    """The name as the raw record writes it: the non-empty parts in order."""
    parts = [person.get(k) for k in ("literal", "given", "non-dropping-particle", "family", "suffix", "name")]
    return " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())


@pytest.mark.parametrize("name", ["crossref-list.json", "crossref-list_missing_doi.json"])
def test_saved_crossref_message_reads_every_item(shared_data: Path, name: str) -> None:
    path = commonmeta(shared_data, name)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert list(raw) == ["items"]  # the saved `message` of a list response, without its envelope
    works = raw["items"]
    with_authors = [w for w in works if w.get("author")]
    assert (len(works), len(with_authors)) == (20, 11)
    papers, (report,) = read_inputs([path], OPTIONS)
    assert (report.format, report.read, report.used, report.merged) == ("crossref", 20, 11, 0)
    assert dict(report.skipped) == {"no authors": 9}
    assert [p.authors for p in papers] == [[full_name(a) for a in w["author"]] for w in with_authors]
    assert [p.doi for p in papers] == [(w.get("DOI") or "").lower() or None for w in with_authors]
    dvorak = next(p for p in papers if p.doi == "10.1002/fedr.4910730105")
    assert (dvorak.authors, dvorak.year) == (["František Dvořák"], 1966)
    bombylius = next(p for p in papers if p.doi == "10.1002/mmnd.4800470110")
    assert bombylius.authors == ["Abdullah Hasbenli", "Vadim F. Zaitzev"]
    assert (bombylius.year, bombylius.month, bombylius.day) == (2000, 6, 26)


def test_missing_doi_gets_a_title_id(shared_data: Path) -> None:
    papers, _ = read_inputs([commonmeta(shared_data, "crossref-list_missing_doi.json")], OPTIONS)
    first = papers[0]
    assert first.doi is None and first.id.startswith("p-")
    assert first.title == "Hydrocarbon Potential of Columbia Plateau--an Overview: ABSTRACT"


def test_one_crossref_work(shared_data: Path) -> None:
    path = commonmeta(shared_data, "crossref.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    papers, (report,) = read_inputs([path], OPTIONS)
    assert (report.format, report.read, report.used) == ("crossref", 1, 1)
    (paper,) = papers
    assert paper.doi == raw["DOI"].lower() == "10.7554/elife.01567"
    assert paper.authors == [full_name(a) for a in raw["author"]]
    assert paper.authors == [
        "Martial Sankar",
        "Kaisa Nieminen",
        "Laura Ragni",
        "Ioannis Xenarios",
        "Christian S Hardtke",
    ]
    assert paper.year == 2014


def test_csl_list(shared_data: Path) -> None:
    path = commonmeta(shared_data, "csl-list.json")
    items = json.loads(path.read_text(encoding="utf-8"))
    papers, (report,) = read_inputs([path], OPTIONS)
    assert (report.format, report.read, report.used, len(items)) == ("csl-json", 17, 17, 17)
    assert [p.authors for p in papers] == [[full_name(a) for a in item["author"]] for item in items]
    assert sum(len(p.authors) for p in papers) == sum(len(item["author"]) for item in items) == 55
    assert [p.doi for p in papers] == [(item.get("DOI") or "").lower() or None for item in items]
    assert papers[4].authors == [
        "Shelley Hannigan",
        "Jo-Anne Raphael",
        "Peta White",
        "Leicha Bragg",
        "John Cripps Clark",
    ]
    assert [p.year for p in papers] == [int(item["issued"]["date-parts"][0][0]) for item in items]


def test_citeproc_single_items(shared_data: Path) -> None:
    papers, reports = read_inputs(
        [commonmeta(shared_data, "citeproc.json"), commonmeta(shared_data, "citeproc-no-author.json")], OPTIONS
    )
    assert [(r.format, r.read, r.used) for r in reports] == [("csl-json", 1, 1), ("csl-json", 1, 0)]
    assert dict(reports[1].skipped) == {"no authors": 1}
    (paper,) = papers
    assert (paper.authors, paper.doi, paper.year) == (["Martin Fenner"], "10.5438/4k3m-nyvg", 2016)
