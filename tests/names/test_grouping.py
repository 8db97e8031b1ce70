"""The grouping rules through resolve(): each rule's name and evidence text,
worked out by hand from the rules in coauthor.names.grouping's docstring."""

from __future__ import annotations

from coauthor.names.resolve import resolve
from coauthor.records import Paper

ORCID_A, ORCID_B = "0000-0002-1825-0097", "0000-0001-5109-3700"


def papers_of(*author_lists: list[str]) -> list[Paper]:
    return [Paper(f"p{i}", f"T{i}", authors, 2000 + i, f"t:{i}") for i, authors in enumerate(author_lists)]


def decided(papers: list[Paper], name: str, **options: object) -> tuple[str, str, str]:
    """(author_id, rule, evidence) of the first mention written ``name``."""
    table = resolve(papers, **options)  # type: ignore[arg-type]
    row = table[table["name"] == name].iloc[0]
    return row["author_id"], row["rule"], row["evidence"]


def test_compatible_variant() -> None:
    assert decided(papers_of(["Matt Post"], ["Matthew Post"]), "Matt Post") == (
        "matthew-post",
        "compatible-variant",
        "~ Matthew Post",
    )
    assert decided(papers_of(["Matt Post"], ["Matthew Post"]), "Matthew Post") == ("matthew-post", "exact-name", "")


def test_initials_unique() -> None:
    assert decided(papers_of(["J. Smith"], ["John Smith"]), "J. Smith") == (
        "john-smith",
        "initials-unique",
        "~ John Smith",
    )


def test_strict_stops_at_equal_names() -> None:
    papers = papers_of(["J. Smith"], ["John Smith"], ["Smith, John"])
    table = resolve(papers, mode="strict")
    assert table[["author_id", "rule", "evidence"]].values.tolist() == [
        ["j-smith", "exact-name", ""],
        ["john-smith", "exact-name", ""],
        ["john-smith", "exact-name", ""],
    ]


def test_ambiguous_lists_five_names_then_dots() -> None:
    given = ["John", "James", "Jack", "Jason", "Jeremy", "Joseph"]
    five = papers_of(["J. Smith"], *[[f"{g} Smith"] for g in given[:5]])
    assert decided(five, "J. Smith")[1:] == (
        "separate",
        "ambiguous: Jack Smith; James Smith; Jason Smith; Jeremy Smith; John Smith",
    )
    six = papers_of(["J. Smith"], *[[f"{g} Smith"] for g in given])
    assert decided(six, "J. Smith")[1:] == (
        "separate",
        "ambiguous: Jack Smith; James Smith; Jason Smith; Jeremy Smith; John Smith; ...",
    )


def test_initials_coauthors_evidence() -> None:
    papers = papers_of(["J. Smith", "Ann Lowe", "Bo Stone"], ["John Smith", "Bo Stone", "Ann Lowe"], ["James Smith"])
    assert decided(papers, "J. Smith") == (
        "john-smith",
        "initials-coauthors",
        "~ John Smith; shared co-authors: Ann Lowe; Bo Stone",
    )


def test_variant_coauthors() -> None:
    papers = papers_of(["Chris Smith", "Eve Stone"], ["Christopher Smith"], ["Christina Smith", "Eve Stone"])
    assert decided(papers, "Chris Smith") == (
        "christina-smith",
        "variant-coauthors",
        "~ Christina Smith; shared co-authors: Eve Stone",
    )


def test_no_shared_coauthors_stays_apart() -> None:
    papers = papers_of(["Chris Smith", "Eve Stone"], ["Christopher Smith", "Bo Lowe"], ["Christina Smith"])
    assert decided(papers, "Chris Smith") == (
        "chris-smith",
        "separate",
        "ambiguous: Christina Smith; Christopher Smith",
    )


def test_east_asian_initials_stay_apart_with_the_lookalikes_named() -> None:
    papers = papers_of(["Y. Chen"], ["Yiran Chen"], ["Yu Chen"], ["Bo Chen"])
    assert decided(papers, "Y. Chen") == ("y-chen", "separate", "initials of an East Asian name: Yiran Chen; Yu Chen")
    assert decided(papers_of(["Y. Chen"], ["Bo Chen"]), "Y. Chen") == ("y-chen", "exact-name", "")


def test_identified_people() -> None:
    one = [
        Paper("p0", "T", ["Wei Wang"], 2000, "t:0", author_orcids=[ORCID_A]),
        Paper("p1", "T", ["Wei Wang"], 2001, "t:1"),
    ]
    table = resolve(one)
    assert table[["author_id", "rule", "evidence"]].values.tolist() == [
        ["wei-wang", "orcid", ORCID_A],
        ["wei-wang", "exact-name", "same name as Wei Wang"],
    ]
    two = [
        Paper("p0", "T", ["Wei Wang"], 2000, "t:0", author_orcids=[ORCID_A]),
        Paper("p1", "T", ["Wei Wang"], 2001, "t:1", author_orcids=[ORCID_B]),
        Paper("p2", "T", ["Wei Wang"], 2002, "t:2"),
    ]
    row = resolve(two).iloc[2]
    assert (row["rule"], row["evidence"]) == (
        "separate",
        "several identified people have this name: Wei Wang; Wei Wang",
    )
    assert row["author_id"] == "wei-wang-3"


def test_identified_person_on_the_same_paper_is_another_person() -> None:
    papers = [Paper("p0", "T", ["Wei Wang", "Wei  Wang"], 2000, "t:0", author_orcids=[ORCID_A, None])]
    assert resolve(papers)["author_id"].tolist() == ["wei-wang"]  # one key on one paper: listed twice


def test_spellings_of_one_key_are_one_unit() -> None:
    """J. Smith fits John and James, so it is kept apart, and Smith J with it (one key)."""
    papers = papers_of(["J. Smith"], ["John Smith"], ["James Smith"], ["Smith J"])
    table = resolve(papers)
    assert table["author_id"].tolist() == ["j-smith", "john-smith", "james-smith", "j-smith"]


def test_an_identified_person_with_two_family_names_is_found_under_each() -> None:
    """One ORCID written Ann Lee and Ann Smith (a name change): a later
    plain Ann Smith, and a plain Ann Lee, join that person by rule 1 (the
    form of the other family comes first in the person's forms)."""
    papers = [
        Paper("p0", "T", ["Ann Lee"], 2000, "t:0", author_orcids=[ORCID_A]),
        Paper("p1", "T", ["Ann Smith"], 2001, "t:1", author_orcids=[ORCID_A]),
        Paper("p2", "T", ["Ann Smith"], 2002, "t:2"),
        Paper("p3", "T", ["Ann Lee"], 2003, "t:3"),
    ]
    table = resolve(papers)
    assert table["author_id"].nunique() == 1
    assert table["rule"].tolist() == ["orcid", "orcid", "exact-name", "exact-name"]


def test_east_asian_initials_list_five_lookalikes_then_dots() -> None:
    """W. Wang beside six Wangs whose given names start with W: kept apart,
    the first five named (sorted), then '...'."""
    given = ["Wu", "Wing", "Wen", "Wei", "Wan", "Wah"]
    papers = papers_of(*[[f"{g} Wang"] for g in given], ["W. Wang"])
    _, rule, evidence = decided(papers, "W. Wang")
    assert rule == "separate"
    assert evidence == "initials of an East Asian name: Wah Wang; Wan Wang; Wei Wang; Wen Wang; Wing Wang; ..."


def test_a_group_keeps_the_papers_of_every_mention() -> None:
    """Johnny Smith writes p0 with a J. Smith; John Smith (p1, p2) joins
    Johnny as a variant. J. Smith, on Johnny's own paper, cannot be him: it
    stays apart, although it would fit John Smith's papers alone."""
    papers = papers_of(["Johnny Smith", "J. Smith"], ["John Smith"], ["John Smith"])
    table = resolve(papers)
    assert table[["name", "author_id"]].values.tolist() == [
        ["Johnny Smith", "johnny-smith"], ["J. Smith", "j-smith"], ["John Smith", "johnny-smith"],
        ["John Smith", "johnny-smith"],
    ]  # fmt: skip


def test_coauthors_of_every_joined_mention_count() -> None:
    """John Smith (with Bo Chen) joins Johnny Smith; J. Smith fits Johnny's
    group and James Smith, and shares Bo Chen with the group only through
    the mention that joined it."""
    papers = papers_of(["Johnny Smith"], ["John Smith", "Bo Chen"], ["James Smith"], ["J. Smith", "Bo Chen"])
    assert decided(papers, "J. Smith") == (
        "johnny-smith", "initials-coauthors", "~ Johnny Smith; shared co-authors: Bo Chen",
    )  # fmt: skip


def test_the_most_frequent_of_equally_specific_names_starts_the_group() -> None:
    """Bill and Will (both nicknames of William, equally specific): Will,
    written twice, is taken first and names the author; Bill joins it."""
    papers = papers_of(["Bill Smith"], ["Will Smith"], ["Will Smith"])
    assert decided(papers, "Bill Smith") == ("will-smith", "compatible-variant", "~ Will Smith")
