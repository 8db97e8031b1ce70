"""One bibliography written by hand in six formats reads back the same, and
every entry of the shared real data is accounted for."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from coauthor.cli import main
from coauthor.names import ascii_fold, parse_name
from coauthor.readers import ReadOptions, read_inputs

FORMATS = {
    "bib.bib": "bibtex",
    "bib.ris": "ris",
    "bib.csv": "csv",
    "bib.crossref.json": "crossref",
    "bib.csl.json": "csl-json",
    "bib.openalex.json": "openalex",
}


def person(name: str) -> tuple[str, str, str]:
    """A name compared across formats: folded given names, particle + family, suffix."""
    parts = parse_name(name)

    def fold(text: str) -> str:
        return " ".join(ascii_fold(text).lower().replace(".", "").split())

    return fold(parts.given), fold(f"{parts.particle} {parts.family}"), fold(parts.suffix)


def test_six_formats_give_identical_author_lists(test_data: Path) -> None:
    lists = {}
    for file_name, fmt in FORMATS.items():
        papers, reports = read_inputs([test_data / "roundtrip" / file_name], ReadOptions(2026))
        assert reports[0].format.startswith(fmt)
        lists[fmt] = {p.doi: (p.year, [person(a) for a in p.authors]) for p in papers}
    reference = lists.pop("bibtex")
    assert len(reference) == 4
    assert reference["10.5555/coauthor.2021.003"][1] == [
        ("maria", "de la cruz", ""), ("ludwig", "van der berg", ""), ("robert", "smith", "jr"),
    ]  # fmt: skip
    for fmt, found in lists.items():
        assert found == reference, fmt


def test_six_formats_merge_into_four_papers(test_data: Path) -> None:
    papers, reports = read_inputs([test_data / "roundtrip"], ReadOptions(2026))
    assert len(papers) == 4
    assert sum(r.merged for r in reports) == 20  # five later copies of each of the four papers
    assert all(len(p.also_in) == 5 for p in papers)


def count_bibtex_entries(path: Path) -> int:
    """Entries counted by a route independent of the reader: @type{ or @type( at a
    line start, leaving out @string, @comment and @preamble."""
    text = path.read_text(encoding="utf-8", errors="replace")
    kinds = re.findall(r"^@\s*(\w+)\s*[{(]", text, flags=re.MULTILINE)
    return sum(kind.lower() not in {"string", "comment", "preamble"} for kind in kinds)


def test_inspect_accounts_for_every_entry_of_the_shared_data(shared_data: Path) -> None:
    result = CliRunner().invoke(main, ["inspect", str(shared_data), "--json", "-q"])
    assert result.exit_code == 0, result.output
    reports = {Path(r["file"]).name: r for r in json.loads(result.output)}
    for report in reports.values():
        assert report["read"] == report["used"] + report["merged"] + sum(report["skipped"].values())
    for bib in (shared_data / "bibtex").glob("*.bib"):
        assert reports[bib.name]["read"] == count_bibtex_entries(bib), bib.name
    arxiv = shared_data / "arxiv" / "arxiv-metadata-oai-snapshot.first200.jsonl"
    assert reports[arxiv.name]["read"] == sum(1 for line in arxiv.open(encoding="utf-8") if line.strip())
    crossref = shared_data / "crossref" / "crossref_works_from_habanero_cassettes.json"
    assert reports[crossref.name]["read"] == len(json.loads(crossref.read_text(encoding="utf-8")))
    assert {reports[n]["format"] for n in ("README.md", "PROVENANCE.md")} == {"unrecognised"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Smith, Robert, Jr.", ("robert", "smith", "jr")), ("Smith, Jr., Robert", ("robert", "smith", "jr"))],
)
def test_suffix_orders(name: str, expected: tuple[str, str, str]) -> None:
    assert person(name) == expected
