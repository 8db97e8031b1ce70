"""Name resolution: every rule of issue 5 in both directions, the seeds, the
Crossref ORCIDs, the alias round trip and properties (hypothesis)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coauthor.aliases import aliases_text, parse_aliases, read_aliases
from coauthor.errors import InputError, OptionError
from coauthor.readers import ReadOptions, read_inputs
from coauthor.records import Paper
from coauthor.resolve import resolve

SHARED = ["paper_id", "position", "name", "author_id", "author_name"]


def papers_of(*author_lists: list[str], orcids: dict[str, str] | None = None) -> list[Paper]:
    """One paper per author list (years 2000, 2001, ...); ``orcids`` maps a
    name to the ORCID it carries on every paper."""
    orcids = orcids or {}
    return [
        Paper(f"p{i}", f"T{i}", authors, 2000 + i, f"t:{i}",
              author_orcids=[orcids.get(a) for a in authors] if orcids else [])
        for i, authors in enumerate(author_lists)
    ]  # fmt: skip


def ids_of(papers: list[Paper], **options: object) -> dict[str, set[str]]:
    """name as written -> the author ids it got."""
    table = resolve(papers, **options)  # type: ignore[arg-type]
    return table.groupby("name")["author_id"].agg(set).to_dict()


def one_id(ids: dict[str, set[str]], name: str) -> str:
    (only,) = ids[name]
    return only


# (names, each on its own paper; pairs that must be one person; pairs that must not)
CASES = [
    ("accents", ["José Giménez", "Jose Gimenez", r"Gim{\'e}nez, José"], "all", []),
    ("hyphen in given name", ["Jun-Yan Zhu", "Junyan Zhu"], "all", []),
    ("name order", ["Zhu, Jun-Yan", "Jun-Yan Zhu"], "all", []),
    ("particles", ["van Eck, Nees Jan", "Nees Jan van Eck", "van Eck, N.J."], "all", []),
    ("initials vs full", ["J. Smith", "John Smith"], "all", []),
    ("family first initials", ["Smith J", "Smith JA", "John A. Smith"], "all", []),
    ("nickname prefix", ["Matt Post", "Matthew Post"], "all", []),
    ("nickname other initial", ["Bill Clinton", "William Clinton", "W. J. Clinton"], "all", []),
    ("middle name present or absent", ["John A. Smith", "John Smith", "John Adam Smith"], "all", []),
    ("different first names", ["John Doe", "Jack Doe"], [], "all"),
    ("one letter apart (East Asian)", ["Cheng Yang", "Cheng Yan"], [], "all"),
    ("conflicting middle initials", ["J. A. Smith", "J. B. Smith"], [], "all"),
    ("male and female forms", ["Paul Martin", "Paula Martin"], [], "all"),
    ("Alexander and Alexandra", ["Alexander Grey", "Alexandra Grey"], [], "all"),
    ("Jr and Sr", ["John Smith Jr.", "John Smith Sr."], [], "all"),
    ("different particles", ["Anna van der Berg", "Anna van den Berg"], [], "all"),
    ("DBLP homonyms", ["Wei Wang 0001", "Wei Wang 0002", "Wei Wang"], [], "all"),
    ("East Asian initials", ["Y. Chen", "Yiran Chen"], [], "all"),
    ("East Asian prefix", ["Li Qi", "Lin Qi"], [], "all"),
    ("East Asian middle present", ["Yu Zhang", "Yu Shrike Zhang"], [], "all"),
    ("Western given name, East Asian family", ["Tony J. Huang", "Tony Jun Huang"], "all", []),
    ("Jean and Jean-Pierre", ["Jean Dupont", "Jean-Pierre Dupont"], [], "all"),
    ("compound initials", ["J.-P. Dupont", "Jean-Pierre Dupont"], "all", []),
    ("bracketed nickname", ["Xiong (Bill) Yu", "Xiong Yu"], "all", []),
]


@pytest.mark.parametrize(("case", "names", "merged", "apart"), CASES, ids=[c[0] for c in CASES])
def test_rules(case: str, names: list[str], merged: object, apart: object) -> None:
    ids = ids_of(papers_of(*[[n] for n in names]))
    distinct = {one_id(ids, n) for n in names}
    if merged == "all":
        assert len(distinct) == 1, ids
    if apart == "all":
        assert len(distinct) == len(names), ids


def test_no_chain_through_initials() -> None:
    """J. Smith fits John and James: it stays apart, flagged, and John and James stay two."""
    table = resolve(papers_of(["J. Smith"], ["John Smith"], ["James Smith"]))
    ids = table.set_index("name")["author_id"]
    assert len(set(ids)) == 3
    flagged = table.set_index("name").loc["J. Smith"]
    assert (
        flagged["rule"] == "separate" and "James Smith" in flagged["evidence"] and "John Smith" in flagged["evidence"]
    )


def test_initials_attach_by_shared_coauthors() -> None:
    table = resolve(papers_of(["J. Smith", "Ann Lee"], ["John Smith", "Ann Lee"], ["James Smith", "Bo Chen"]))
    row = table[table["name"] == "J. Smith"].iloc[0]
    assert row["author_id"] == "john-smith" and row["rule"] == "initials-coauthors"
    assert "Ann Lee" in row["evidence"]


def test_suffixed_names_seed_their_own_people() -> None:
    """Jr. and Sr. are two people; the plain name fits both and follows the co-authors (Al / Albert Gore)."""
    papers = papers_of(["Robert Kane Jr.", "Tom Brady"], ["Robert Kane Sr.", "Al Gore"], ["Robert Kane", "Albert Gore"])
    ids = ids_of(papers)
    assert one_id(ids, "Robert Kane") == one_id(ids, "Robert Kane Sr.") != one_id(ids, "Robert Kane Jr.")


def test_two_names_on_one_paper_are_two_people() -> None:
    ids = ids_of(papers_of(["J. Smith", "John Smith"]))
    assert one_id(ids, "J. Smith") != one_id(ids, "John Smith")


def test_identifiers_decide() -> None:
    papers = papers_of(["Jane Doe"], ["Jane Smith"], ["Wei Wang"], ["Wei Wang"], ["J. Doe"],
                       orcids={"Jane Doe": "0000-0002-1825-0097", "Jane Smith": "0000-0002-1825-0097"})  # fmt: skip
    papers[2].author_orcids = ["0000-0001-5109-3700"]
    papers[3].author_orcids = ["0000-0002-1694-233X"]
    table = resolve(papers)
    by_paper = table.set_index("paper_id")
    assert by_paper.loc["p0", "author_id"] == by_paper.loc["p1", "author_id"]  # one ORCID, a name change
    assert by_paper.loc["p2", "author_id"] != by_paper.loc["p3", "author_id"]  # two ORCIDs, one name
    assert set(by_paper.loc[["p2", "p3"], "author_id"]) == {"wei-wang", "wei-wang-2"}
    assert by_paper.loc["p0", "rule"] == "orcid"
    assert by_paper.loc["p4", "author_id"] == by_paper.loc["p0", "author_id"]  # J. Doe: the one Jane Doe


def test_modes() -> None:
    papers = papers_of(["J. Smith"], ["John Smith"], ["Smith, John"])
    assert len(set(resolve(papers, mode="off")["author_id"])) == 3
    assert resolve(papers, mode="off")["author_id"].tolist() == ["J. Smith", "John Smith", "Smith, John"]
    strict = resolve(papers, mode="strict")["author_id"].tolist()
    assert strict == ["j-smith", "john-smith", "john-smith"]
    assert len(set(resolve(papers)["author_id"])) == 1
    with pytest.raises(OptionError, match="unknown name resolution 'loose'"):
        resolve(papers, mode="loose")


def test_display_name_is_the_most_complete_frequent_variant() -> None:
    table = resolve(papers_of(["J. Smith"], ["John Smith"], ["John Smith"], ["John A. Smith"], ["Smith, John A."]))
    assert set(table["author_name"]) == {"John A. Smith"}
    assert set(table["author_id"]) == {"john-a-smith"}


def test_table_columns_and_parts() -> None:
    table = resolve(papers_of(["van Eck, N.J.", "Nees Jan van Eck"]))
    assert list(table.columns[:6]) == ["paper_id", "position", "name", "author_id", "author_name", "rule"]
    row = table.iloc[0]
    assert (row["given"], row["family"], row["particle"], row["initials"]) == ("N.J.", "Eck", "van", "NJ")


def test_seed_names_on_both_pages_are_one_person(seeds: Path) -> None:
    papers, _ = read_inputs([seeds], ReadOptions(undated_year=2026))
    table = resolve(papers)
    pages = {p.id: {p.source.split(":")[0], *(s.split(":")[0] for s in p.also_in)} for p in papers}
    files = table.assign(file=table["paper_id"].map(pages)).explode("file")
    both = files.groupby("name")["file"].nunique()
    shared = sorted(both[both > 1].index)
    assert {"Zhenyi Wang", "Li Shen", "Enneng Yang"} <= set(shared)
    assert (table[table["name"].isin(shared)].groupby("name")["author_id"].nunique() == 1).all()
    assert table["author_id"].nunique() == 92  # the seeds have no variants: one node per name, as before


def test_crossref_orcids(shared_data: Path) -> None:
    papers, _ = read_inputs([shared_data / "crossref"])
    table = resolve(papers)
    orcid = table.dropna(subset=["orcid"])
    assert len(orcid) == 292
    assert (orcid.groupby("orcid")["author_id"].nunique() == 1).all()  # one ORCID, one person
    assert (orcid.groupby("author_id")["orcid"].nunique() == 1).all()  # two ORCIDs, two people
    assert orcid["author_id"].nunique() == orcid["orcid"].nunique()


# --- alias files -----------------------------------------------------------------------------


def test_alias_file_rules(tmp_path: Path) -> None:
    path = tmp_path / "aliases.txt"
    path.write_text("label\treplace by\nJ. Smith\tJohn Smith\nAnn Lee\t\nBo Chen\tchen-bo\n", encoding="utf-8")
    table = resolve(papers_of(["J. Smith", "Ann Lee", "Bo Chen"], ["John Smith", "Jim Smith"]), read_aliases(path))
    assert "Ann Lee" not in set(table["name"])  # removed
    ids = table.set_index("name")["author_id"]
    assert ids["J. Smith"] == ids["John Smith"] == "john-smith" and ids["Bo Chen"] == "chen-bo"
    assert set(table.loc[table["name"].isin(["J. Smith", "Bo Chen"]), "rule"]) == {"alias"}


def test_alias_pin_to_an_existing_id_joins_that_person() -> None:
    aliases = parse_aliases("J. Smith\tjohn-smith\n", "a.txt")
    ids = ids_of(papers_of(["J. Smith"], ["John Smith"], ["James Smith"]), aliases=aliases)
    assert one_id(ids, "J. Smith") == one_id(ids, "John Smith") == "john-smith"


def test_alias_wins_over_identifiers() -> None:
    papers = papers_of(["Wei Wang"], ["Wei Wang"])
    papers[0].author_orcids, papers[1].author_orcids = ["0000-0001-5109-3700"], ["0000-0002-1694-233X"]
    aliases = parse_aliases("0000-0002-1694-233X\twei-wang\n", "a.txt")
    assert set(resolve(papers, aliases)["author_id"]) == {"wei-wang"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("J. Smith John Smith\n", "a.txt:1: expected 'label<TAB>replace by'"),
        ("label\treplace by\n\tJohn Smith\n", "a.txt:2: empty label"),
        ("A B\tx\tY\n", "a.txt:1: more than one tab"),
        ("J. Smith\tJohn Smith\nSmith, J.\tJames Smith\n", "a.txt:2: 'Smith, J.' is already given another"),
    ],
)
def test_bad_alias_lines(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_aliases(text, "a.txt")


def test_unreadable_alias_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the alias file"):
        read_aliases(tmp_path / "missing.txt")


def assert_round_trip(papers: list[Paper], aliases_in: str = "") -> None:
    aliases = parse_aliases(aliases_in, "in.txt") if aliases_in else None
    first = resolve(papers, aliases)
    exported = aliases_text(first, aliases)
    again = resolve(papers, parse_aliases(exported, "out.txt"))
    pd.testing.assert_frame_equal(first[SHARED], again[SHARED])
    assert aliases_text(again, parse_aliases(exported, "out.txt")) == exported


def test_export_aliases_round_trip_on_real_data(shared_data: Path) -> None:
    papers, _ = read_inputs([shared_data / "crossref", shared_data / "bibtex" / "texbook3.bib"])
    assert_round_trip(papers)
    assert_round_trip(papers, "Donald E. Knuth\tknuth\nBarbara Beeton\t\nL. Yang\tLi Yang\n")


def test_exported_aliases_list_merges_only() -> None:
    papers = papers_of(["J. Smith", "Ann Lee"], ["John Smith"], ["Bo Chen"])
    text = aliases_text(resolve(papers))
    assert text == "label\treplace by\nJ. Smith\tjohn-smith\nJohn Smith\tjohn-smith\n"


# --- properties --------------------------------------------------------------------------------

FAMILIES = ["Smith", "Wang", "van Eck", "Giménez", "Post"]
GIVEN = ["John", "James", "J.", "J. A.", "Jack", "Matt", "Matthew", "M.", "Wei", "W.", "Nees Jan", "N. J."]
ORCIDS = ["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X"]

name_strategy = st.builds(
    lambda given, family, inverted: f"{family}, {given}" if inverted else f"{given} {family}",
    st.sampled_from(GIVEN), st.sampled_from(FAMILIES), st.booleans(),
)  # fmt: skip
author_list = st.lists(st.tuples(name_strategy, st.sampled_from([None, None, None, *ORCIDS])), min_size=1, max_size=4)


def build(lists: list[list[tuple[str, str | None]]]) -> list[Paper]:
    return [
        Paper(f"p{i:03d}", "T", [n for n, _ in authors], 2000 + i % 20, f"h:{i}",
              author_orcids=[o for _, o in authors])
        for i, authors in enumerate(lists)
    ]  # fmt: skip


def by_mention(table: pd.DataFrame) -> pd.DataFrame:
    return table[SHARED].sort_values(["paper_id", "position"]).reset_index(drop=True)


@settings(max_examples=60, deadline=None)
@given(st.lists(author_list, min_size=1, max_size=12), st.randoms(use_true_random=False))
def test_resolution_is_deterministic_and_order_free(lists: list, random) -> None:  # type: ignore[no-untyped-def]
    papers = build(lists)
    first = by_mention(resolve(papers))
    shuffled = papers[:]
    random.shuffle(shuffled)
    pd.testing.assert_frame_equal(first, by_mention(resolve(shuffled)))
    pd.testing.assert_frame_equal(first, by_mention(resolve(papers)))


@settings(max_examples=60, deadline=None)
@given(st.lists(author_list, min_size=1, max_size=12))
def test_never_merges_two_orcids(lists: list) -> None:  # type: ignore[no-untyped-def]
    table = resolve(build(lists))
    assert (table.dropna(subset=["orcid"]).groupby("author_id")["orcid"].nunique() <= 1).all()


@settings(max_examples=60, deadline=None)
@given(st.lists(author_list, min_size=1, max_size=12))
def test_exported_aliases_reproduce_the_table(lists: list) -> None:  # type: ignore[no-untyped-def]
    assert_round_trip(build(lists))
