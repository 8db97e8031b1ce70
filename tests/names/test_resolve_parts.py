"""The resolver's smaller parts: identifier kinds, display names, and
identifiers that would join two ORCIDs (hand-worked tables)."""

from __future__ import annotations

import pandas as pd
import pytest

from coauthor.names.resolve import display_names, identifier_kind, resolve
from coauthor.records import Paper

ORCID_A, ORCID_B = "0000-0002-1825-0097", "0000-0002-1694-233X"


@pytest.mark.parametrize(
    ("identifier", "kind"),
    [
        (ORCID_A, "orcid"),
        (ORCID_B, "orcid"),  # check digit X
        ("0000-0002-1825-009", "author-id"),  # a digit short
        ("x0000-0002-1825-0097", "author-id"),
        ("0000-0002-1825-00977", "author-id"),
        ("A5023888391", "openalex-id"),
        ("A", "author-id"),
        ("a5023888391", "author-id"),
        ("A50238x", "author-id"),
        ("Wei Wang 0001", "dblp-id"),
        ("Wei\t0001", "dblp-id"),
        ("Wei Wang 00012", "author-id"),
        ("Wang0001", "author-id"),
        ("Wei Wang 0001 x", "author-id"),
        ("57193345", "scopus-id"),
        ("5719334a", "author-id"),
        ("", "author-id"),
    ],
)
def test_identifier_kind(identifier: str, kind: str) -> None:
    assert identifier_kind(identifier) == kind


def test_display_names_from_author_name() -> None:
    table = pd.DataFrame({"author_id": ["b", "a", "b"], "author_name": ["Bo", "Ann", "Bo"], "name": ["x", "y", "z"]})
    shown = display_names(table)
    assert shown.to_dict() == {"b": "Bo", "a": "Ann"}
    assert list(shown.index) == ["b", "a"]  # first seen first


def test_display_names_most_frequent_then_first_spelling() -> None:
    table = pd.DataFrame(
        {
            "author_id": ["b", "a", "a", "b", "a", "c", "c", "c"],
            "name": ["Bob", "J. Smith", "John Smith", "Bo", "John Smith", "Cy", "Cy X", "Cy X"],
        }
    )
    shown = display_names(table)
    assert shown.to_dict() == {"a": "John Smith", "b": "Bob", "c": "Cy X"}  # b: a tie, the first written
    assert list(shown.index) == ["a", "b", "c"]
    assert shown.index.name == "author_id"


def test_display_names_tie_goes_to_the_first_written_whatever_the_spelling() -> None:
    table = pd.DataFrame({"author_id": ["a", "a"], "name": ["Zed Smith", "Al Smith"]})
    assert display_names(table).to_dict() == {"a": "Zed Smith"}


def test_an_author_id_shared_by_two_orcids_does_not_join_them() -> None:
    """(ORCID A, id X) and (ORCID B, id X): the pairs are taken in sorted order, so X joins B's
    person (0000-0002-1694-233X sorts first) and A, with its other mention, stays another."""
    papers = [
        Paper("p0", "T", ["Jane Doe"], 2000, "t:0", author_orcids=[ORCID_A], author_ids=["A111"]),
        Paper("p1", "T", ["Jane Doe"], 2001, "t:1", author_orcids=[ORCID_B], author_ids=["A111"]),
        Paper("p2", "T", ["Jane Doe"], 2002, "t:2", author_ids=["A111"]),
        Paper("p3", "T", ["Jane Doe"], 2003, "t:3", author_orcids=[ORCID_A]),
    ]
    ids = resolve(papers).set_index("paper_id")["author_id"]
    assert ids["p1"] == ids["p2"] != ids["p0"] == ids["p3"]
    assert set(ids) == {"jane-doe", "jane-doe-2"}


def test_two_author_ids_on_one_orcid_do_not_join() -> None:
    papers = [
        Paper("p0", "T", ["Jane Doe"], 2000, "t:0", author_orcids=[ORCID_A], author_ids=["A111"]),
        Paper("p1", "T", ["Jane Doe"], 2001, "t:1", author_orcids=[ORCID_A], author_ids=["A222"]),
        Paper("p2", "T", ["Jane Doe"], 2002, "t:2", author_ids=["A222"]),
    ]
    ids = resolve(papers).set_index("paper_id")["author_id"]
    assert ids["p0"] == ids["p1"] != ids["p2"]


def test_identifier_rules_and_evidence() -> None:
    papers = [
        Paper("p0", "T", ["Jane Doe", "Wei Wang"], 2000, "t:0", author_ids=["A5023888391", "Wei Wang 0001"]),
        Paper("p1", "T", ["Bo Li"], 2001, "t:1", author_ids=["57193345"], author_orcids=[ORCID_B]),
    ]
    table = resolve(papers)
    assert table[["rule", "evidence"]].values.tolist() == [
        ["openalex-id", "A5023888391"],
        ["dblp-id", "Wei Wang 0001"],
        ["orcid", ORCID_B],  # the ORCID first
    ]
