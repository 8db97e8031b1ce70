"""Authors that are not people: placeholders (``Anonymous``, ``et al.``,
``Editors``) are skipped authorships, counted; organisations are kept,
marked ``kind=organisation`` and ranked after the persons unless
``--organisations keep`` (or left out with ``drop``)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from coauthor.cli import main
from coauthor.filters import GraphOptions
from coauthor.names import NOBODY, ORGANISATION, PERSON, author_kind
from coauthor.pipeline import analyze
from coauthor.plot.kinds import _ranked_people
from coauthor.readers import read_inputs
from coauthor.readers.base import ReadOptions
from coauthor.resolve import resolve

OPTIONS = ReadOptions(undated_year=2026)
PEOPLE = {"ann-lee", "bo-chen", "cy-diaz"}
BODIES = {"world-health-organization", "latex-project-team", "latex-3-project-team"}


def person(given_name: str, family: str) -> dict:
    return {"given": given_name, "family": family}


def literal(name: str) -> dict:
    return {"literal": name}


WORKS = [  # CSL-JSON items (the CSL schema: a name is given/family or literal)
    {"type": "article", "title": "W1", "issued": {"date-parts": [[2019]]},
     "author": [person("Ann", "Lee"), person("Bo", "Chen"), literal("World Health Organization")]},
    {"type": "article", "title": "W2", "issued": {"date-parts": [[2020]]},
     "author": [person("Ann", "Lee"), literal("World Health Organization"), literal("[Anonymous]")]},
    {"type": "article", "title": "W3", "issued": {"date-parts": [[2020]]}, "author": [literal("Anonymous")]},
    {"type": "article", "title": "W4", "issued": {"date-parts": [[2021]]},
     "author": [person("Bo", "Chen"), person("Cy", "Diaz"), {"family": "et al."}]},
    {"type": "article", "title": "W5", "issued": {"date-parts": [[2021]]},
     "author": [literal("LaTeX Project Team"), literal("LaTeX 3 Project Team"), person("Ann", "Lee")]},
    {"type": "article", "title": "W6", "issued": {"date-parts": [[2022]]},
     "author": [literal("Organizers"), literal("Editors")]},
]  # fmt: skip
#: The co-authorships of WORKS worked out by hand (placeholders left out).
EDGES = [
    ("ann-lee", "bo-chen", 1),
    ("ann-lee", "world-health-organization", 2),
    ("bo-chen", "world-health-organization", 1),
    ("bo-chen", "cy-diaz", 1),
    ("latex-3-project-team", "latex-project-team", 1),
    ("ann-lee", "latex-project-team", 1),
    ("ann-lee", "latex-3-project-team", 1),
]


@pytest.fixture
def works(tmp_path: Path) -> Path:
    path = tmp_path / "works.json"
    path.write_text(json.dumps(WORKS, indent=1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Anonymous", NOBODY), ("[Anonymous]", NOBODY), ("[No author name available]", NOBODY),
        ("et al.", NOBODY), ("Et Al", NOBODY), ("Organizers", NOBODY), ("Editors", NOBODY), ("...", NOBODY),
        ("LaTeX Project Team", ORGANISATION), ("LaTeX 3 Project Team", ORGANISATION),
        ("The ATLAS Collaboration", ORGANISATION), ("World Health Organization", ORGANISATION),
        ("Ann Lee", PERSON), ("凯撒", PERSON), ("William H. Press", PERSON), ("Anna Group-Smith", PERSON),
    ],
)  # fmt: skip
def test_author_kind(name: str, kind: str) -> None:
    assert author_kind(name) == kind


def test_placeholders_are_skipped_authorships(works: Path) -> None:
    papers, (report,) = read_inputs([works], OPTIONS)
    assert (report.read, report.used, dict(report.skipped)) == (6, 4, {"no authors": 2})  # W3 and W6
    assert dict(report.warnings) == {
        f"authorship skipped: not a person ({name})": 1
        for name in ("[Anonymous]", "Anonymous", "et al.", "Organizers", "Editors")
    }
    by_title = {p.title: p for p in papers}
    assert by_title["W2"].authors == ["Ann Lee", "World Health Organization"]  # keeps its other authors
    assert by_title["W4"].authors == ["Bo Chen", "Cy Diaz"] and by_title["W4"].authors_truncated
    assert by_title["W5"].organisations == (0, 1)  # CSL literal names
    result = CliRunner().invoke(main, ["inspect", str(works), "-q"])
    assert "warning 1: authorship skipped: not a person ([Anonymous])" in result.output


def test_organisations_keep_their_digits(works: Path) -> None:
    papers, _ = read_inputs([works], OPTIONS)
    table = resolve(papers)
    kinds = dict(zip(table["author_id"], table["kind"], strict=True))
    assert kinds == {**dict.fromkeys(PEOPLE, PERSON), **dict.fromkeys(BODIES, ORGANISATION)}


def expected_pagerank() -> dict[str, float]:
    graph = nx.Graph()
    graph.add_weighted_edges_from(EDGES)
    return nx.pagerank(graph, weight="weight")


def centrality_rows(out: Path) -> list[dict[str, str]]:
    with (out / "centrality.csv").open(encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


@pytest.mark.parametrize("mode", ["separate", "keep", "drop", None])
def test_organisations_option(works: Path, tmp_path: Path, mode: str | None) -> None:
    out = tmp_path / "tables"
    args = ["analyze", str(works), "-o", str(out), "-q"]
    result = CliRunner().invoke(main, args + (["--organisations", mode] if mode else []))
    assert result.exit_code == 0, result.output
    rows = centrality_rows(out)
    assert {row["author_id"]: row["kind"] for row in rows} == {
        **dict.fromkeys(PEOPLE, PERSON),
        **({} if mode == "drop" else dict.fromkeys(BODIES, ORGANISATION)),
    }
    rank = expected_pagerank()
    by_rank = sorted(rank, key=lambda a: (-round(rank[a], 12), a))
    order = [row["author_id"] for row in rows]
    if mode == "keep":
        assert order == by_rank
    elif mode == "drop":
        assert order[0] == "bo-chen" and set(order) == PEOPLE  # Ann Lee's only other co-authors were bodies
    else:  # separate, the default: persons first, each group by PageRank
        assert order == [a for a in by_rank if a in PEOPLE] + [a for a in by_rank if a in BODIES]


def test_graph_marks_organisations(works: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.graphml"
    assert CliRunner().invoke(main, ["graph", str(works), "-o", str(out), "-q"]).exit_code == 0
    graph = nx.read_graphml(out)
    assert {n: d["kind"] for n, d in graph.nodes(data=True)} == {
        **dict.fromkeys(PEOPLE, PERSON),
        **dict.fromkeys(BODIES, ORGANISATION),
    }
    assert {(min(u, v), max(u, v), int(d["weight"])) for u, v, d in graph.edges(data=True)} == {
        (min(u, v), max(u, v), w) for u, v, w in EDGES
    }


def test_crossref_name_author_is_an_organisation(tmp_path: Path) -> None:
    """Crossref REST API: an author with ``name`` and no ``family`` is an organisation."""
    work = {
        "DOI": "10.5555/org.1",
        "title": ["Report"],
        "author": [
            {"given": "Ann", "family": "Lee", "sequence": "first"},
            {"name": "Barnes and Noble", "sequence": "additional"},
        ],
    }
    path = tmp_path / "work.json"
    path.write_text(json.dumps({"status": "ok", "message-type": "work", "message": work}), encoding="utf-8")
    papers, _ = read_inputs([path], OPTIONS)
    assert papers[0].organisations == (1,)
    kinds = resolve(papers).set_index("name")["kind"].to_dict()
    assert kinds == {"Ann Lee": PERSON, "Barnes and Noble": ORGANISATION}


def test_timeline_activity_strip_ranks_people_only(tmp_path: Path) -> None:
    """The activity strip of the timeline figure ranks persons: a team that
    wrote more papers than anyone is left out unless --organisations keep."""
    bib = tmp_path / "team.bib"
    entries = [f"@article{{t{i}, author = {{{{LaTeX Project Team}}}}, title = {{Team {i}}}, year = {2000 + i}}}"
               for i in range(4)]  # fmt: skip
    pair = "author = {Ann Lee and Bo Chen}"
    entries += [f"@article{{p{i}, {pair}, title = {{Pair {i}}}, year = 2001}}" for i in range(2)]
    bib.write_text("\n".join(entries) + "\n", encoding="utf-8")
    ranked = _ranked_people(analyze([bib]))
    assert set(ranked["name"]) == {"Ann Lee", "Bo Chen"}
    kept = _ranked_people(analyze([bib], graph_options=GraphOptions(organisations="keep")))
    assert "LaTeX Project Team" in set(kept["name"])
