"""Merging variant names on co-author evidence (coauthor.names.variants,
rules ``variant-*`` of resolve()) on hand-built papers whose right answer
is worked out by hand from the module's rules."""

from __future__ import annotations

import random

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coauthor.names.resolve import resolve
from coauthor.names.variants import VARIANT_RULES, one_edit
from coauthor.records import Paper


def paper(pid: str, authors: list[str], orcids: list[str | None] | None = None) -> Paper:
    return Paper(pid, f"Title {pid}", authors, 2000 + int(pid[1:]), f"t:{pid}", author_orcids=orcids or [])


def ids_of(table: pd.DataFrame, name: str) -> list[str]:
    return table.loc[table["name"] == name, "author_id"].tolist()


def row(table: pd.DataFrame, name: str) -> pd.Series:
    rows = table[table["name"] == name]
    assert len(rows) == 1
    return rows.iloc[0]


MUELLER = [
    paper("p1", ["Hans Müller", "Ann Lee"]),
    paper("p2", ["Hans Müller", "Bo Chen"]),
    paper("p3", ["Hans Mueller", "Ann Lee"]),
]


def test_mueller_with_a_shared_coauthor_is_mueller() -> None:
    table = resolve(MUELLER)
    # by hand: both spellings wrote with Ann Lee; Hans Müller has 2 mentions, so Hans Mueller (1) takes the rule;
    # the display name is the accented spelling, id hans-muller
    assert ids_of(table, "Hans Müller") == ["hans-muller", "hans-muller"]
    assert ids_of(table, "Hans Mueller") == ["hans-muller"]
    mueller = row(table, "Hans Mueller")
    assert mueller["rule"] == "variant-transliteration"
    assert mueller["evidence"] == "~ Hans Müller; shared co-authors: Ann Lee"
    assert set(table.loc[table["name"] == "Hans Müller", "rule"]) == {"exact-name"}


def test_mueller_without_a_shared_coauthor_stays_apart() -> None:
    papers = [*MUELLER[:2], paper("p3", ["Hans Mueller", "Cy Dee"])]
    table = resolve(papers)
    assert set(ids_of(table, "Hans Müller")) == {"hans-muller"}
    assert ids_of(table, "Hans Mueller") == ["hans-mueller"]
    assert not table["rule"].str.startswith("variant-").any()


def test_strict_keeps_todays_behaviour() -> None:
    table = resolve(MUELLER, mode="strict")
    assert ids_of(table, "Hans Mueller") == ["hans-mueller"]
    assert set(table["rule"]) == {"exact-name"}


def test_off_keeps_names_as_written() -> None:
    assert ids_of(resolve(MUELLER, mode="off"), "Hans Mueller") == ["Hans Mueller"]


def test_two_orcids_are_never_merged() -> None:
    a, b = "0000-0002-1825-0097", "0000-0001-5109-3700"
    papers = [
        paper("p1", ["Hans Müller", "Ann Lee"], [a, None]),
        paper("p2", ["Hans Müller", "Bo Chen"], [a, None]),
        paper("p3", ["Hans Mueller", "Ann Lee"], [b, None]),
    ]
    table = resolve(papers)
    assert len(set(ids_of(table, "Hans Müller")) | set(ids_of(table, "Hans Mueller"))) == 2
    assert row(table, "Hans Mueller")["rule"] == "orcid"


def test_one_orcid_and_a_shared_coauthor_merge() -> None:
    a = "0000-0002-1825-0097"
    papers = [
        paper("p1", ["Hans Müller", "Ann Lee"], [a, None]),
        paper("p2", ["Hans Müller", "Bo Chen"], [a, None]),
        paper("p3", ["Hans Mueller", "Ann Lee"]),
    ]
    table = resolve(papers)
    assert len(set(ids_of(table, "Hans Müller")) | set(ids_of(table, "Hans Mueller"))) == 1
    assert row(table, "Hans Mueller")["rule"] == "variant-transliteration"


def test_two_names_on_one_paper_are_never_merged() -> None:
    papers = [*MUELLER, paper("p4", ["Hans Müller", "Hans Mueller", "Ann Lee"])]
    table = resolve(papers)
    assert ids_of(table, "Hans Mueller") == ["hans-mueller", "hans-mueller"]


TYPO = [
    paper("p1", ["Maria Schwarzenegger", "Cy Dee"]),
    paper("p2", ["Maria Schwarzenegger", "Ed Fu"]),
    paper("p3", ["Maria Schwarzeneger", "Cy Dee"]),
]


def test_a_typo_in_a_long_family_name_with_a_shared_coauthor_merges() -> None:
    table = resolve(TYPO)
    # by hand: schwarzeneger is schwarzenegger with one g dropped (not the first or last letter), 13 letters,
    # written once against twice: a typo's spelling
    typo = row(table, "Maria Schwarzeneger")
    assert typo["author_id"] == "maria-schwarzenegger"
    assert typo["rule"] == "variant-typo"
    assert typo["evidence"] == "~ Maria Schwarzenegger; shared co-authors: Cy Dee"


def test_a_typo_without_a_shared_coauthor_stays_apart() -> None:
    table = resolve([*TYPO[:2], paper("p3", ["Maria Schwarzeneger", "Gu Ho"])])
    assert ids_of(table, "Maria Schwarzeneger") == ["maria-schwarzeneger"]


def test_two_spellings_written_as_often_are_two_names_not_a_typo() -> None:
    # Anderson / Andersen: both spellings twice, so neither is rarer; the same shared co-author
    papers = [
        paper("p1", ["James Anderson", "Cy Dee"]),
        paper("p2", ["James Anderson", "Ed Fu"]),
        paper("p3", ["James Andersen", "Cy Dee"]),
        paper("p4", ["James Andersen", "Gu Ho"]),
    ]
    table = resolve(papers)
    assert set(ids_of(table, "James Anderson")) == {"james-anderson"}
    assert set(ids_of(table, "James Andersen")) == {"james-andersen"}


@pytest.mark.parametrize(
    ("common", "rare"),
    [
        ("Jon Smith", "Jon Smyth"),  # 5 letters: too short for a typo
        ("Ana Gimenez", "Ana Jimenez"),  # the first letter
        ("Ivan Petrov", "Ivan Petrova"),  # the last letter
        ("Paul Martinez", "Paula Martinez"),  # a given name of 4 letters, and the last letter
        ("Francesco Rossetti", "Francesca Rossetti"),  # the last letter of a given name
        ("Haifeng Zhuang", "Haipeng Zhuang"),  # East Asian: one letter tells two names apart
    ],
)
def test_names_one_letter_apart_that_are_often_two_people_never_merge(common: str, rare: str) -> None:
    papers = [paper("p1", [common, "Cy Dee"]), paper("p2", [common, "Ed Fu"]), paper("p3", [rare, "Cy Dee"])]
    table = resolve(papers)
    assert ids_of(table, common)[0] != ids_of(table, rare)[0]


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        ("Leila Akhmadeeva", "Leyla Akhmadeeva", "variant-given-typo"),
        ("Philip Taylor", "Phillip Taylor", "variant-given-typo"),
        ("J.-P. Serre", "Jean Pierre Serre", "variant-hyphenation"),
        ("E. Van Herwijnen", "Eric van Herwijnen", "variant-particle"),
        ("Stephan v. Bechtolsheim", "Stephan von Bechtolsheim", "variant-particle"),
        ("Jürgen Müller", "Juergen Mueller", "variant-transliteration"),
        ("Søren Kierkegaard", "Soeren Kierkegaard", "variant-transliteration"),
    ],
)
def test_each_variant_rule_with_a_shared_coauthor(first: str, second: str, rule: str) -> None:
    papers = [paper("p1", [first, "Cy Dee"]), paper("p2", [first, "Ed Fu"]), paper("p3", [second, "Cy Dee"])]
    table = resolve(papers)
    assert ids_of(table, first)[0] == ids_of(table, second)[0]
    assert row(table, second)["rule"] == rule
    assert row(table, second)["evidence"] == f"~ {first}; shared co-authors: Cy Dee"
    assert rule in VARIANT_RULES


def test_already_folded_variants_are_exact_names() -> None:
    # accents, the dotless i, ß and hyphens in given names fold for every name: no co-author needed
    papers = [
        paper("p1", ["Jiří Matoušek"]),
        paper("p2", ["Jiri Matousek"]),
        paper("p3", ["Jiřı Matoušek"]),
        paper("p4", ["Jean-Pierre Straße"]),
        paper("p5", ["Jean Pierre Strasse"]),
        paper("p6", ["Jeanpierre Strasse"]),
    ]
    table = resolve(papers)
    assert table["author_id"].tolist() == ["jiri-matousek"] * 3 + ["jean-pierre-strasse"] * 3
    assert set(table["rule"]) == {"exact-name"}


def test_a_name_backed_towards_two_people_stays_apart() -> None:
    # Hans Mueller shares Ann Lee with a Hans Müller and Bo Chen with a Hans Muller who wrote with him: two people
    papers = [
        paper("p1", ["Hans Müller", "Ann Lee"]),
        paper("p2", ["Hans Muller", "Bo Chen", "Hans Müller"]),
        paper("p3", ["Hans Mueller", "Ann Lee"]),
        paper("p4", ["Hans Mueller", "Bo Chen"]),
    ]
    table = resolve(papers)
    assert set(ids_of(table, "Hans Mueller")) == {"hans-mueller"}


@pytest.mark.parametrize(
    ("p", "q", "expected"),
    [
        ("philip", "phillip", True),  # a letter added
        ("leila", "leyla", True),  # changed
        ("tetsuro", "tesuro", True),  # dropped
        ("mueller", "meuller", True),  # two neighbours swapped
        ("paul", "paula", False),  # the last letter
        ("gimenez", "jimenez", False),  # the first letter
        ("miller", "mueller", False),  # two edits
        ("smith", "smith", False),  # equal
    ],
)
def test_one_edit(p: str, q: str, expected: bool) -> None:
    assert one_edit(p, q) is expected
    assert one_edit(q, p) is expected


POOL = [
    "Hans Müller",
    "Hans Mueller",
    "Maria Schwarzenegger",
    "Maria Schwarzeneger",
    "Leila Akhmadeeva",
    "Leyla Akhmadeeva",
    "J.-P. Serre",
    "Jean Pierre Serre",
    "Ann Lee",
    "Bo Chen",
    "Cy Dee",
]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(POOL), min_size=1, max_size=4, unique=True), min_size=2, max_size=10),
    st.randoms(use_true_random=False),
)
def test_merging_does_not_depend_on_the_order_of_the_papers(author_lists: list[list[str]], rng: random.Random) -> None:
    papers = [paper(f"p{i}", authors) for i, authors in enumerate(author_lists)]
    shuffled = papers[:]
    rng.shuffle(shuffled)
    columns = ["paper_id", "position", "author_id", "rule", "evidence"]
    first = resolve(papers)[columns].sort_values(["paper_id", "position"]).reset_index(drop=True)
    second = resolve(shuffled)[columns].sort_values(["paper_id", "position"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(first, second)
