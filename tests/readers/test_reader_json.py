"""The JSON family of readers: Crossref, OpenAlex, CSL-JSON and the arXiv
snapshot, on the real shared files and on hand-written fixtures."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coauthor.errors import CoauthorError, InputError
from coauthor.readers import FORMATS, arxiv, crossref, csljson, detect_format, openalex, read_inputs
from coauthor.readers.base import ReadOptions
from coauthor.readers.jsonworks import MALFORMED, UNTITLED, date_parts, normalize_doi, normalize_orcid
from coauthor.records import Paper

CROSSREF_FILE = "crossref/crossref_works_from_habanero_cassettes.json"
ARXIV_FILE = "arxiv/arxiv-metadata-oai-snapshot.first200.jsonl"
MODULES = (crossref, openalex, csljson, arxiv)
OPTIONS = ReadOptions()


@pytest.fixture
def json_data(test_data: Path) -> Path:
    return test_data / "json"


def orcid_is_valid(orcid: str) -> bool:
    """ISO 7064 mod 11-2, written out as a weighted sum (independent of the
    reader's loop)."""
    digits = orcid.rsplit("/", 1)[-1].replace("-", "")
    weighted = sum(int(d) * 2 ** (15 - i) for i, d in enumerate(digits[:15]))
    check = (12 - weighted % 11) % 11
    return digits[15] == ("X" if check == 10 else str(check))


def accounted(papers: list[Paper], report) -> bool:
    return report.read == len(papers) + sum(report.skipped.values())


# --- Crossref, real file ------------------------------------------------------


@pytest.fixture
def crossref_real(shared_data: Path) -> tuple[list[dict], list[Paper], object]:
    path = shared_data / CROSSREF_FILE
    works = json.loads(path.read_text(encoding="utf-8"))
    papers, report = crossref.read_crossref(path, OPTIONS)
    return works, papers, report


def test_crossref_real_counts(crossref_real) -> None:
    works, papers, report = crossref_real
    assert report.read == len(works) == 463
    assert len(papers) == 463 and not report.skipped
    authorships = [a for w in works for a in w["author"]]
    assert len(authorships) == 1728
    nameless = [a for a in authorships if not ({"given", "family", "name"} & a.keys())]
    assert len(nameless) == 1  # one authorship of 10.31390/gradschool_theses.6125 has no name at all
    assert sum(len(p.authors) for p in papers) == 1728 - len(nameless)


def test_crossref_real_orcids(crossref_real) -> None:
    works, papers, _ = crossref_real
    in_file = [a["ORCID"] for w in works for a in w["author"] if "ORCID" in a]
    assert len(in_file) == 292
    kept = [o for p in papers for o in p.author_orcids if o]
    assert len(kept) == sum(orcid_is_valid(o) for o in in_file)
    for paper in papers:
        assert not paper.author_orcids or len(paper.author_orcids) == len(paper.authors)
    first = next(w for w in works if any("ORCID" in a for a in w["author"]))
    paper = next(p for p in papers if p.doi == first["DOI"].lower())
    position = next(i for i, a in enumerate(first["author"]) if "ORCID" in a)
    assert paper.author_orcids[position] == first["author"][position]["ORCID"].rsplit("/", 1)[-1]


def test_crossref_real_fields(crossref_real) -> None:
    works, papers, _ = crossref_real
    organisations = [a["name"] for w in works for a in w["author"] if "name" in a]
    assert len(organisations) == 2
    names = {name for p in papers for name in p.authors}
    assert set(organisations) <= names  # kept whole, as one name
    by_doi = {p.doi: p for p in papers}
    assert len(by_doi) == 463 and all(p.id == p.doi == p.doi.lower() for p in papers)
    assert all(p.year is not None for p in papers)
    chapter = by_doi["10.1007/978-1-4842-6700-4_5"]
    assert (chapter.title, chapter.authors, chapter.year) == ("Adding Additional Widget Sizes", ["Stewart Lynch"], 2020)
    assert not any("<" in p.title or "\n" in p.title for p in papers)
    assert "Donald Hora Jr." in names


# --- arXiv, real file ---------------------------------------------------------


@pytest.fixture
def arxiv_real(shared_data: Path) -> tuple[list[dict], list[Paper], object]:
    path = shared_data / ARXIV_FILE
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    papers, report = arxiv.read_arxiv(path, OPTIONS)
    return records, papers, report


def test_arxiv_real(arxiv_real) -> None:
    records, papers, report = arxiv_real
    assert report.read == len(records) == 200 and len(papers) == 200
    by_id = {p.arxiv_id: p for p in papers}
    first = by_id["0704.0001"]
    assert "Bal\\'azs" in records[0]["authors"]
    assert first.authors == ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"]
    assert (first.id, first.year, first.month, first.day) == ("arXiv:0704.0001", 2007, 4, 2)
    assert first.doi == "10.1103/physrevd.76.013009"
    assert first.source.endswith(":1")
    assert by_id["0704.0062"].authors == ["Rastislav Šrámek", "Broňa Brejová", "Tomáš Vinař"]
    assert "Neal J. Evans II" in by_id["0704.0009"].authors
    assert "The BABAR Collaboration" in by_id["0704.0020"].authors
    for record in records:  # years come from v1, not from update_date
        paper = by_id[record["id"]]
        assert paper.year == int(record["versions"][0]["created"].split()[3])
        assert len(paper.authors) == len(record["authors_parsed"])
        assert "\n" not in paper.title and "  " not in paper.title


# --- one bibliography in three formats ----------------------------------------


def test_round_trip_same_authors(json_data: Path) -> None:
    read = {
        "crossref": crossref.read_crossref(json_data / "roundtrip.crossref.json", OPTIONS)[0],
        "openalex": openalex.read_openalex(json_data / "roundtrip.openalex.json", OPTIONS)[0],
        "csl-json": csljson.read_csl_json(json_data / "roundtrip.csl.json", OPTIONS)[0],
    }
    as_lists = {fmt: [(p.doi, p.year, p.title, p.authors) for p in papers] for fmt, papers in read.items()}
    assert as_lists["crossref"] == as_lists["openalex"] == as_lists["csl-json"]
    authors = [p.authors for p in read["crossref"]]
    assert authors == [
        ["José Ángel Núñez-García", "Ludwig van der Berg", "Wei Zhang"],
        ["Élodie Lefèvre", "Open Research Data Consortium", "José Ángel Núñez-García"],
        ["Maria de la Cruz", "Ludwig van der Berg", "Robert Smith Jr."],
        ["Wei Zhang", "Zoë O'Connor", "Élodie Lefèvre"],
    ]
    assert [p.author_orcids for p in read["crossref"]] == [p.author_orcids for p in read["openalex"]]
    assert read["openalex"][1].author_ids == ["A5000000104", None, "A5000000101"]
    assert [p.id for p in read["openalex"]] == ["W4000000001", "W4000000002", "W4000000003", "W4000000004"]


def test_round_trip_merges_by_doi(json_data: Path) -> None:
    files = [json_data / f"roundtrip.{fmt}.json" for fmt in ("crossref", "openalex", "csl")]
    papers, reports = read_inputs(files)
    assert [r.format for r in reports] == ["crossref", "openalex", "csl-json"]
    assert len(papers) == 4
    assert [(r.read, r.used, r.merged) for r in reports] == [(4, 4, 0), (4, 0, 4), (4, 0, 4)]


# --- ugly fixtures ------------------------------------------------------------


def test_crossref_ugly_json_lines(json_data: Path) -> None:
    path = json_data / "ugly.crossref.jsonl"
    papers, report = crossref.read_crossref(path, OPTIONS)
    assert report.read == 6 and accounted(papers, report)
    assert dict(report.skipped) == {
        "no authors": 1,
        "invalid JSON: Unterminated string": 1,
        "not a JSON object": 1,
    }
    assert [where for where, _ in report.errors] == [f"{path}:{n}" for n in (3, 4, 5, 6)]
    assert report.errors[-1] == (f"{path}:6", f"warning: {UNTITLED}")
    first, single, untitled = papers
    # line 6: "title": [""] but a DOI and an author: a paper, with a warning
    assert (untitled.id, untitled.title, untitled.authors, untitled.year) == ("10.5555/ugly.6", "", ["Cy Dee"], 2020)
    assert dict(report.warnings) == {UNTITLED: 1}
    assert first.authors == ["Stravopodis", "Ann Lee", "Bo Chen"]  # family name alone
    assert first.author_orcids == [None, None, "0000-0001-5109-3700"]  # bad check digit dropped
    assert first.title == "Feeding habits of Eleutheronema tetradactylum, in coastal waters"
    assert first.venue == "Journal of Collaboration Studies"  # container-title
    assert (first.year, first.month, first.day) == (2016, 12, 2)  # issued [[null]]: created
    assert (single.id, single.authors, single.source) == (
        "10.5555/ugly.2",
        ["Concrete Technology Associates"],
        f"{path}:2",
    )
    assert (single.year, single.month, single.day) == (2018, 2, None)  # 30 February dropped


@pytest.mark.parametrize("name", ["ugly.openalex.jsonl", "ugly.openalex.jsonl.gz"])
def test_openalex_ugly(json_data: Path, name: str) -> None:
    path = json_data / name
    papers, report = openalex.read_openalex(path, OPTIONS)
    assert report.read == 4 and accounted(papers, report)  # the blank line is no record
    assert dict(report.skipped) == {"no authors": 1, "invalid JSON: Expecting value": 1}
    truncated, dateless = papers
    assert truncated.authors == ["SMITH, J.", "Ana María Pérez"]  # raw_author_name first
    assert truncated.author_orcids == [None, "0000-0002-1694-233X"]
    assert truncated.author_ids == [None, "A5000000201"]
    assert truncated.authors_truncated and truncated.title == "Fallback display name"
    assert (truncated.doi, truncated.year, truncated.month, truncated.day) == ("10.5555/ugly.oa1", 2015, 5, 4)
    assert (dateless.year, dateless.month, dateless.source) == (2014, None, f"{path}:5")


def test_csl_ugly(json_data: Path) -> None:
    path = json_data / "ugly.csl.json"
    papers, report = csljson.read_csl_json(path, OPTIONS)
    assert report.read == 5 and accounted(papers, report)
    assert report.errors == [(f"{path}:item 3", "no authors"), (f"{path}:item 4", "not a JSON object")]
    letters, memoires, spring = papers
    assert letters.authors == ["Ludwig van Beethoven", "Plato", "World Health Organization"]
    assert (letters.year, letters.month) == (2018, 7)  # date-parts as strings
    assert memoires.authors == ["Charles de Gaulle"]
    assert (memoires.year, memoires.month, memoires.day) == (2019, 3, 5)  # issued.raw
    assert (spring.authors, spring.year) == (["Lee"], 2016)  # issued.literal
    assert letters.id.startswith("p-") and letters.doi is None


def test_arxiv_ugly(json_data: Path) -> None:
    papers, report = arxiv.read_arxiv(json_data / "ugly.arxiv.jsonl", OPTIONS)
    assert report.read == 3 and accounted(papers, report)
    assert dict(report.skipped) == {"no authors": 1, "invalid JSON: Expecting value": 1}
    (paper,) = papers
    assert paper.authors == ["G. Rösner", "C.-P. Yuan", "Neal J. Evans II"]
    assert (paper.title, paper.year, paper.doi) == ("A title over two lines", 2009, "10.5555/arxiv.1")


def test_truncated_document_is_an_input_error(json_data: Path) -> None:
    with pytest.raises(InputError) as caught:
        csljson.read_csl_json(json_data / "truncated.csl.json", OPTIONS)
    assert caught.value.where == f"{json_data / 'truncated.csl.json'}:17"
    assert caught.value.reason.startswith("invalid JSON")


def test_gzip_reads_like_plain(json_data: Path) -> None:
    plain, _ = crossref.read_crossref(json_data / "roundtrip.crossref.json", OPTIONS)
    packed, _ = crossref.read_crossref(json_data / "roundtrip.crossref.json.gz", OPTIONS)
    assert [p.authors for p in plain] == [p.authors for p in packed]


def test_broken_gzip_is_an_input_error(tmp_path: Path, json_data: Path) -> None:
    data = gzip.compress((json_data / "ugly.openalex.jsonl").read_bytes())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError):
        openalex.read_openalex(path, OPTIONS)


def test_api_envelopes(tmp_path: Path) -> None:
    work = {"DOI": "10.5555/X", "title": ["T"], "author": [{"given": "A", "family": "B", "sequence": "first"}]}
    shapes = {
        "single.json": work,
        "message.json": {"status": "ok", "message-type": "work", "message": work},
        "list.json": [work, work],
        "items.jsonl": json.dumps({"message": {"items": [work, work]}}),
        "saved-message.json": {"items": [work, work, work]},  # the `message` of a list response, saved alone
    }
    counts = {}
    for name, value in shapes.items():
        path = tmp_path / name
        path.write_text(value if isinstance(value, str) else json.dumps(value, indent=1))
        papers, report = crossref.read_crossref(path, OPTIONS)
        counts[name] = (report.read, [p.source.removeprefix(str(path)) for p in papers])
    assert counts == {
        "single.json": (1, [":1"]),
        "message.json": (1, [":1"]),
        "list.json": (2, [":item 1", ":item 2"]),
        "items.jsonl": (2, [":1:item 1", ":1:item 2"]),
        "saved-message.json": (3, [":item 1", ":item 2", ":item 3"]),
    }


def openalex_work(number: int, title: str) -> dict:
    """An OpenAlex work as the API documents it (docs.openalex.org, Work object)."""
    return {
        "id": f"https://openalex.org/W{number}",
        "doi": f"https://doi.org/10.5555/OA.{number}",
        "title": title,
        "display_name": title,
        "publication_year": 2021,
        "authorships": [
            {"author_position": "first", "author": {"id": "https://openalex.org/A1", "display_name": "Ann Lee"}},
            {"author_position": "last", "author": {"id": "https://openalex.org/A2", "display_name": "Bo Chen"}},
        ],
    }


def test_openalex_page_and_list(tmp_path: Path) -> None:
    page = {
        "meta": {"count": 2, "page": 1, "per_page": 25},
        "results": [openalex_work(1, "T1"), openalex_work(2, "T2")],
    }
    shapes = {"page.json": page, "list.json": page["results"], "one.json": openalex_work(1, "T1")}
    for name, value in shapes.items():
        (tmp_path / name).write_text(json.dumps(value, indent=2))
    read = {name: openalex.read_openalex(tmp_path / name, OPTIONS) for name in shapes}
    assert {name: [p.id for p in papers] for name, (papers, _) in read.items()} == {
        "page.json": ["W1", "W2"],
        "list.json": ["W1", "W2"],
        "one.json": ["W1"],
    }
    assert all(detect_format(tmp_path / name).name == "openalex" for name in shapes)


def test_openalex_work_without_title_is_a_paper(tmp_path: Path) -> None:
    """A work whose title is empty or null but has a DOI and authors is kept
    (warned about); without a DOI it is skipped "no title"."""
    untitled, null, bare = openalex_work(1, ""), openalex_work(2, ""), openalex_work(3, "")
    null["title"] = null["display_name"] = None
    del bare["doi"]
    path = tmp_path / "works.jsonl"
    path.write_text("\n".join(json.dumps(w) for w in (untitled, null, bare)) + "\n")
    papers, report = openalex.read_openalex(path, OPTIONS)
    assert [(p.id, p.doi, p.title, p.authors) for p in papers] == [
        ("W1", "10.5555/oa.1", "", ["Ann Lee", "Bo Chen"]),
        ("W2", "10.5555/oa.2", "", ["Ann Lee", "Bo Chen"]),
    ]
    assert dict(report.skipped) == {"no title": 1} and dict(report.warnings) == {UNTITLED: 2}


def test_json_lines_with_a_broken_first_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "0704.0001", "title": "T", "authors_parsed": [["Lee", "Ann", ""]]})
    path = tmp_path / "cut.jsonl"
    path.write_text('{"id": "0704.0000", "title": "Cut\n' + good + "\n" + good + "\n")
    papers, report = arxiv.read_arxiv(path, OPTIONS)
    assert (report.read, len(papers), report.errors) == (3, 2, [(f"{path}:1", "invalid JSON: Unterminated string")])
    assert [p.source for p in papers] == [f"{path}:2", f"{path}:3"]


@pytest.mark.parametrize(("content", "where"), [("", ":1"), ("  \n", ":1"), ("42", ":1"), ('[{"a": 1},\n', ":2")])
def test_not_a_document_of_works(tmp_path: Path, content: str, where: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    for module in MODULES:
        with pytest.raises(InputError) as caught:
            module.FORMAT.read(path, OPTIONS)
        assert caught.value.where == f"{path}{where}"


# --- sniffing -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("roundtrip.crossref.json", "crossref"),
        ("roundtrip.crossref.json.gz", "crossref"),
        ("ugly.crossref.jsonl", "crossref"),
        ("roundtrip.openalex.json", "openalex"),
        ("ugly.openalex.jsonl.gz", "openalex"),
        ("roundtrip.csl.json", "csl-json"),
        ("ugly.csl.json", "csl-json"),
        ("ugly.arxiv.jsonl", "arxiv"),
    ],
)
def test_sniffing_fixtures(json_data: Path, name: str, fmt: str) -> None:
    assert detect_format(json_data / name).name == fmt


def test_sniffing_real_files(shared_data: Path) -> None:
    assert detect_format(shared_data / CROSSREF_FILE).name == "crossref"
    assert detect_format(shared_data / ARXIV_FILE).name == "arxiv"


def test_each_sniffer_claims_only_its_own(json_data: Path) -> None:
    own = {
        crossref: "roundtrip.crossref.json",
        openalex: "roundtrip.openalex.json",
        csljson: "roundtrip.csl.json",
        arxiv: "ugly.arxiv.jsonl",
    }
    for module, name in own.items():
        head = (json_data / name).read_text(encoding="utf-8")
        assert [m.FORMAT.name for m in MODULES if m.FORMAT.sniff(head)] == [module.FORMAT.name]


@pytest.mark.parametrize(
    "head",
    [
        json.dumps({"name": "pkg", "type": "module", "author": "Ann Lee <ann@example.org>"}),
        json.dumps({"type": "FeatureCollection", "features": []}),
        json.dumps(Paper("p-1", "T", ["Ann Lee"], 2020, "f:1", doi="10.5555/x").to_dict()),
        "@article{x, author = {Lee, Ann}, issued = {2020}}",
        "",
    ],
)
def test_other_text_is_not_claimed(head: str) -> None:
    assert not [m.FORMAT.name for m in MODULES if m.FORMAT.sniff(head)]


def test_registered_before_abstracts() -> None:
    names = list(FORMATS)
    for module in MODULES:
        assert FORMATS[module.FORMAT.name] is module.FORMAT
        assert names.index(module.FORMAT.name) < names.index("abstracts")


# --- helpers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("http://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097"),
        ("https://orcid.org/0000-0002-1694-233x", "0000-0002-1694-233X"),
        ("000000021825009 7", None),
        ("0000-0002-1825-0098", None),
        ("0000-0002-1825", None),
        (None, None),
    ],
)
def test_normalize_orcid(raw: object, expected: str | None) -> None:
    assert normalize_orcid(raw) == expected


def test_normalize_doi_and_dates() -> None:
    assert normalize_doi("doi:10.1000/ABC") == "10.1000/abc"
    assert normalize_doi("http://dx.doi.org/10.1000/x") == "10.1000/x"
    assert normalize_doi("not a doi") is None
    assert date_parts({"date-parts": [[2001, 2, 29]]}) == (2001, 2, None)
    assert date_parts({"date-parts": [[True]], "raw": "ca. 1999"}) == (1999, None, None)
    assert date_parts("2020") == (None, None, None)


# --- properties: nothing but CoauthorError, every record accounted for -------

KEYS = [
    "author", "authorships", "authors_parsed", "given", "family", "name", "literal", "suffix",
    "non-dropping-particle", "dropping-particle", "ORCID", "orcid", "id", "display_name", "raw_author_name",
    "title", "DOI", "doi", "ids", "issued", "published", "created", "date-parts", "raw", "publication_year",
    "publication_date", "is_authors_truncated", "versions", "version", "update_date", "message", "items",
    "results", "type",
]  # fmt: skip
LEAVES = [
    "", " ", "v1", "Ann Lee", "http://orcid.org/0000-0002-1825-0097", "0000-0002-1825-009X", "10.1/x",
    "https://doi.org/10.5/A B", "Mon, 2 Apr 2007 19:18:42 GMT", "2019-02-30", "9999-99-99", "W12",
    "https://openalex.org/A1", "<i>x</i> &amp;", "\u0663\u0660\u0660\u0667",
]  # fmt: skip
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(LEAVES)
    | st.text(max_size=12)
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=4), inner, max_size=6)
    ),
    max_leaves=40,
)


def some(**fields: st.SearchStrategy) -> st.SearchStrategy:
    """Objects with any subset of ``fields``, or (now and then) any JSON value."""
    shaped = st.fixed_dictionaries({}, optional=fields)
    return st.one_of(shaped, shaped, shaped, json_values)


text_leaves = st.sampled_from(LEAVES) | scalars
date_obj = some(
    **{
        "date-parts": st.lists(st.lists(text_leaves, max_size=4), max_size=2),
        "raw": text_leaves,
        "literal": text_leaves,
    }
)
name_keys = ("given", "family", "name", "literal", "suffix", "non-dropping-particle", "dropping-particle", "ORCID")
person = some(**dict.fromkeys(name_keys, text_leaves))
authorship = some(author=some(id=text_leaves, display_name=text_leaves, orcid=text_leaves), raw_author_name=text_leaves)
titles = st.sampled_from(["A title", "<i>Tagged</i> title", " "]) | text_leaves | st.lists(text_leaves, max_size=2)
work_fields = dict(
    display_name=text_leaves,
    DOI=text_leaves,
    doi=text_leaves,
    ids=some(doi=text_leaves),
    id=text_leaves,
    issued=date_obj,
    published=date_obj,
    created=date_obj,
    publication_year=text_leaves,
    publication_date=text_leaves,
    is_authors_truncated=text_leaves,
    versions=st.lists(some(version=text_leaves, created=text_leaves), max_size=3),
    update_date=text_leaves,
)
author_lists = {
    "author": st.lists(person, min_size=1, max_size=4),
    "authorships": st.lists(authorship, min_size=1, max_size=4),
    "authors_parsed": st.lists(st.lists(text_leaves, max_size=4) | json_values, min_size=1, max_size=4),
}
works = st.one_of(
    *(st.fixed_dictionaries({key: value, "title": titles}, optional=work_fields) for key, value in author_lists.items())
)
records = works | st.dictionaries(st.sampled_from(KEYS), json_values, max_size=8)
envelopes = (
    works.map(lambda w: {"message": w})
    | st.lists(works, max_size=3).map(lambda ws: {"message": {"items": ws}})
    | st.lists(works, max_size=3).map(lambda ws: {"results": ws})
)
PARSERS = (crossref.parse_crossref, openalex.parse_openalex, csljson.parse_csl, arxiv.parse_arxiv)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def read_all(path: Path) -> None:
    for module in MODULES:
        try:
            papers, report = module.FORMAT.read(path, OPTIONS)
        except CoauthorError:
            continue
        assert accounted(papers, report)
        assert MALFORMED not in report.skipped
        for paper in papers:
            assert paper.authors and all(paper.authors) and (paper.title or paper.doi)
            assert not paper.author_orcids or len(paper.author_orcids) == len(paper.authors)


@FUZZ
@given(record=records)
def test_parsers_never_raise(record: dict) -> None:
    for parse in PARSERS:
        assert isinstance(parse(record, "f:1"), (Paper, str))


@FUZZ
@given(
    values=st.lists(json_values | records | envelopes, max_size=4), layout=st.sampled_from(["json", "jsonl", "pretty"])
)
def test_readers_raise_only_coauthor_errors_on_json(tmp_path: Path, values: list, layout: str) -> None:
    path = tmp_path / "fuzz.json"
    if layout == "jsonl":
        text = "\n".join(json.dumps(v) for v in values)
    else:
        text = json.dumps(values if len(values) != 1 else values[0], indent=2 if layout == "pretty" else None)
    path.write_text(text, encoding="utf-8")
    read_all(path)


@FUZZ
@given(data=st.binary(max_size=200) | st.text(max_size=200).map(str.encode), gz=st.booleans())
def test_readers_raise_only_coauthor_errors_on_bytes(tmp_path: Path, data: bytes, gz: bool) -> None:
    path = tmp_path / "fuzz.bin"
    path.write_bytes(gzip.compress(data) if gz else data)
    read_all(path)


@FUZZ
@given(head=st.text(max_size=300))
def test_sniffers_never_raise(head: str) -> None:
    for module in MODULES:
        assert module.FORMAT.sniff(head) in (True, False)
