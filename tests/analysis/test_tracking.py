"""Communities over time on a hand-made history of three 5-year slices
whose communities are cliques (any method finds them), every row worked
out by hand from the module's rules."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from coauthor.analysis.tracking import TRACK_COLUMNS, parse_slice, track_communities, year_slices
from coauthor.errors import OptionError
from coauthor.names.resolve import authorship_table
from coauthor.records import Paper

A, B, C, D, E, F, G = "Ada Abbott", "Ben Brandt", "Cleo Costa", "Dev Dubois", "Emil Evans", "Fay Fischer", "Gus Garcia"
H, II, J, K = "Hana Horvat", "Ivo Ito", "Jun Jansen", "Kai Kowalski"

#: 2001-05: {A,B,C} (A twice), {D,E}, {F,G}; 2006-10: {A,B,C}, {D,E,F,G}
#: (the two pairs merge), {J,K} (born); 2011-15: {A,B} and {C,H,I} (the
#: triangle splits), the others stop.
PAPERS = [
    Paper("p1", "T", [A, B, C], 2001, "f:1"),
    Paper("p2", "T", [D, E], 2002, "f:2"),
    Paper("p3", "T", [F, G], 2003, "f:3"),
    Paper("p4", "T", [A, B], 2004, "f:4"),
    Paper("p5", "T", [A, B, C], 2006, "f:5"),
    Paper("p6", "T", [D, E, F, G], 2007, "f:6"),
    Paper("p7", "T", [J, K], 2008, "f:7"),
    Paper("p8", "T", [A, B], 2011, "f:8"),
    Paper("p9", "T", [C, H, II], 2015, "f:9"),
    Paper("p0", "T", [K], None, "f:0"),
]


def rows(table: pd.DataFrame) -> list[tuple[object, ...]]:
    """(slice, community, size, top author id, event, from, jaccard) per row."""
    return [
        (r.slice, None if pd.isna(r.community) else int(r.community), r.size, r.top_author_id, r.event,
         r.from_communities, round(r.jaccard, 6))
        for r in table.itertuples()
    ]  # fmt: skip


def test_parse_slice() -> None:
    assert [parse_slice(t) for t in ("5y", "3", " 10Y ", "1")] == [5, 3, 10, 1]
    for text in ("0", "0y", "-1", "abc", "5yy", "", "2.5"):
        with pytest.raises(OptionError) as error:
            parse_slice(text)
        assert str(error.value) == f"slice_years '{text}': expected a number of years such as 5y"


def test_year_slices_end_with_the_last_year() -> None:
    def papers(*years: int | None) -> list[Paper]:
        return [Paper(f"p{i}", "T", [A], y, f"f:{i}") for i, y in enumerate(years)]

    assert year_slices(papers(2001, 2003, 2010, None), 5) == [(2001, 2005), (2006, 2010)]
    assert year_slices(papers(2000, 2010), 5) == [(1996, 2000), (2001, 2005), (2006, 2010)]
    assert year_slices(papers(2007), 3) == [(2005, 2007)]
    assert year_slices(papers(None), 5) == [] and year_slices([], 5) == []


def test_every_event_by_hand() -> None:
    """Slice 1: {D,E,F,G} overlaps {D,E} and {F,G} by 2 / 4 each (over the
    authors active in both slices): a merge of 1 and 2 at 0.5; the triangle
    continues (1.0); {J,K} is born. Slice 2: {C,H,I} meets the triangle in C
    of {C} ∪ {A,B,C}: 1/3; {A,B}: 2/3; both have the triangle as best
    predecessor: two splits; {D,E,F,G} and {J,K} end. Top author: most
    papers in the slice, then smallest id. The undated paper is left out."""
    table = track_communities(PAPERS, 5)
    assert list(table.columns) == TRACK_COLUMNS
    assert rows(table) == [
        (0, 0, 3, "ada-abbott", "birth", "", 0.0),
        (0, 1, 2, "dev-dubois", "birth", "", 0.0),
        (0, 2, 2, "fay-fischer", "birth", "", 0.0),
        (1, 0, 4, "dev-dubois", "merge", "1; 2", 0.5),
        (1, 1, 3, "ada-abbott", "continuation", "0", 1.0),
        (1, 2, 2, "jun-jansen", "birth", "", 0.0),
        (2, 0, 3, "cleo-costa", "split", "1", round(1 / 3, 6)),
        (2, 1, 2, "ada-abbott", "split", "1", round(2 / 3, 6)),
        (2, None, 0, "", "death", "0", 0.0),
        (2, None, 0, "", "death", "2", 0.0),
    ]
    assert table[["first_year", "last_year"]].drop_duplicates().values.tolist() == [
        [2001, 2005], [2006, 2010], [2011, 2015],
    ]  # fmt: skip
    assert table["top_author"].tolist()[:3] == [A, D, F] and str(table["community"].dtype) == "Int64"


def test_overlaps_at_the_threshold_count() -> None:
    """threshold 0.5: the merge (0.5) stays; {C,H,I} (1/3) is now born and
    {A,B} continues the triangle alone."""
    table = track_communities(PAPERS, 5, threshold=0.5)
    assert rows(table)[3:] == [
        (1, 0, 4, "dev-dubois", "merge", "1; 2", 0.5),
        (1, 1, 3, "ada-abbott", "continuation", "0", 1.0),
        (1, 2, 2, "jun-jansen", "birth", "", 0.0),
        (2, 0, 3, "cleo-costa", "birth", "", 0.0),
        (2, 1, 2, "ada-abbott", "continuation", "1", round(2 / 3, 6)),
        (2, None, 0, "", "death", "0", 0.0),
        (2, None, 0, "", "death", "2", 0.0),
    ]


def test_the_author_cap_reaches_each_slice() -> None:
    """max_authors=3: the 4-author paper makes no links, so D, E, F, G are
    alone in 2006-10 (left out) and both pairs end there."""
    table = track_communities(PAPERS, 5, max_authors=3)
    slice_1 = [row for row in rows(table) if row[0] == 1]
    assert slice_1 == [
        (1, 0, 3, "ada-abbott", "continuation", "0", 1.0),
        (1, 1, 2, "jun-jansen", "birth", "", 0.0),
        (1, None, 0, "", "death", "1", 0.0),
        (1, None, 0, "", "death", "2", 0.0),
    ]


def test_a_given_authorship_table_and_authors() -> None:
    """Renamed ids in the given table reach every row; keeping only some
    authors drops {J,K} (never born) and cuts {D,E,F,G} to {D,E,F}."""
    authorships = authorship_table(PAPERS)
    authorships["author_id"] = "x-" + authorships["author_id"]
    table = track_communities(PAPERS, 5, authorships=authorships)
    assert table["top_author_id"].tolist()[:3] == ["x-ada-abbott", "x-dev-dubois", "x-fay-fischer"]
    capped = track_communities(PAPERS, 5, authorships=authorships, max_authors=3)
    assert [row[4] for row in rows(capped) if row[0] == 1] == ["continuation", "birth", "death", "death"]
    keep = {f"x-{a}" for a in ("ada-abbott", "ben-brandt", "cleo-costa", "dev-dubois", "emil-evans", "fay-fischer")}
    cut = track_communities(PAPERS, 5, authorships=authorships, authors=keep)
    assert [row for row in rows(cut) if row[0] == 1] == [
        (1, 0, 3, "x-ada-abbott", "continuation", "0", 1.0),
        (1, 1, 3, "x-dev-dubois", "continuation", "1", round(2 / 3, 6)),
    ]


def test_the_resolution_reaches_each_slice() -> None:
    """At resolution 50 every author is best alone: no community of two or
    more, no row."""
    assert track_communities(PAPERS, 5, resolution=50.0).empty


def test_the_best_overlap_wins_wherever_it_comes() -> None:
    """2001-05: X = {A,B,C,D}, Y = {E,F,G}; 2006-10: Z1 = {A,B,C,E}, Z2 =
    {D,F,G}. Z1 meets X in 3 of {A..E} (0.6) and Y in 1 of 6; Z2 meets X in
    1 of 6 and Y in 2 of {D,E,F,G} (0.5): each continues its own best,
    whether that is the first or the second community compared."""
    papers = [
        Paper("x", "T", [A, B, C, D], 2001, "f:1"),
        Paper("y", "T", [E, F, G], 2002, "f:2"),
        Paper("z1", "T", [A, B, C, E], 2009, "f:3"),
        Paper("z2", "T", [D, F, G], 2010, "f:4"),
    ]
    assert rows(track_communities(papers, 5)) == [
        (0, 0, 4, "ada-abbott", "birth", "", 0.0),
        (0, 1, 3, "emil-evans", "birth", "", 0.0),
        (1, 0, 4, "ada-abbott", "continuation", "0", 0.6),
        (1, 1, 3, "dev-dubois", "continuation", "1", 0.5),
    ]


def test_death_rows_name_nobody() -> None:
    deaths = track_communities(PAPERS, 5).query("event == 'death'")
    assert deaths["top_author"].tolist() == ["", ""] and deaths["community"].isna().all()


def test_the_weighting_and_method_reach_each_slice() -> None:
    with pytest.raises(OptionError, match="bogus"):
        track_communities(PAPERS, 5, weight="bogus")
    with pytest.raises(OptionError, match="bogus"):
        track_communities(PAPERS, 5, weight="bogus", authorships=authorship_table(PAPERS))
    with pytest.raises(OptionError, match="walktrap"):
        track_communities(PAPERS, 5, method="walktrap")


def test_undated_authorships_are_in_no_slice() -> None:
    """An undated paper of J and K, with the authorship table given: they
    are a community only in 2006-10, where they wrote a dated paper."""
    papers = [*PAPERS, Paper("u", "T", [J, K], None, "f:u")]
    table = track_communities(papers, 5, authorships=authorship_table(papers))
    assert table.loc[table["top_author_id"] == "jun-jansen", "slice"].tolist() == [1]


def test_the_default_cap_is_50_authors() -> None:
    """A 51-author paper makes no links by default: its authors are alone
    and left out; only the pair is a community."""
    crowd = [f"{g} {f}" for g in ("Ada", "Ben", "Cleo") for f in FAMILY17][:51]
    papers = [Paper("big", "T", crowd, 2001, "f:1"), Paper("pair", "T", [J, K], 2002, "f:2")]
    assert rows(track_communities(papers, 5)) == [(0, 0, 2, "jun-jansen", "birth", "", 0.0)]


FAMILY17 = (
    "Abbott Brandt Costa Dubois Evans Fischer Garcia Horvat Ito Jansen Kowalski Larsen Moreau Novak Okafor Petrov Quist"
).split()


def test_the_seed_reaches_each_slice() -> None:
    """On random papers whose Leiden partitions depend on the seed: the same
    seed gives the same table, and some other seed another."""
    given = "Ada Ben Cleo Dev Emil Fay Gus Hana Ivo Jun Kai Lea Milo Nia Omar Pia Quin Rosa Sven Tara".split()
    rng = np.random.default_rng(5)
    papers = []
    for i in range(300):
        drawn = [int(rng.zipf(1.6)) % 150 for _ in range(int(rng.integers(1, 9)))]
        authors = sorted({f"{given[k % 20]} {FAMILY17[k // 20]}" for k in drawn})
        papers.append(Paper(f"p{i}", "T", authors, 2000 + i % 10, f"r:{i}"))
    first = track_communities(papers, 5, seed=1)
    pd.testing.assert_frame_equal(first, track_communities(papers, 5, seed=1))
    assert any(not first.equals(track_communities(papers, 5, seed=s)) for s in (2, 3, 4))
