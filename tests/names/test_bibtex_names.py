"""BibTeX names by the BibTeX rules (Patashnik's btxdoc, "Tame the BeaST"
§11: First von Last / von Last, Jr, First, braces protect, the von part is
the lower-case words), the biblatex extended name format (biblatex manual
§3.4), and the real BibTeX files of other projects."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from coauthor.names import parse_name
from coauthor.readers import read_inputs
from coauthor.readers.base import ReadOptions
from coauthor.readers.bibnames import parse_bibtex_name, split_names, token_case
from coauthor.readers.bibtex import read_bibtex

OPTIONS = ReadOptions(undated_year=2026)


@pytest.mark.parametrize(
    ("written", "first", "von", "last", "jr"),
    [
        # Tame the BeaST, §11: the examples of the name rules
        ("Jean de La Fontaine", "Jean", "de", "La Fontaine", ""),
        ("jean de la fontaine", "", "jean de la", "fontaine", ""),
        ("Jean {de} la fontaine", "Jean de", "la", "fontaine", ""),
        ("Jean De La Fontaine", "Jean De La", "", "Fontaine", ""),
        ("De La Fontaine, Jean", "Jean", "", "De La Fontaine", ""),
        ("de La Fontaine, Jean", "Jean", "de", "La Fontaine", ""),
        (
            "Charles Louis Xavier Joseph de la Vallée Poussin",
            "Charles Louis Xavier Joseph",
            "de la",
            "Vallée Poussin",
            "",
        ),
        ("Ford, Jr., Henry", "Henry", "", "Ford", "Jr."),
        ("van der Waals, Jr, Johannes Diderik", "Johannes Diderik", "van der", "Waals", "Jr"),
        # braces protect what they hold
        ("Nancy {Van Cleave}", "Nancy", "", "Van Cleave", ""),
        ("Don {De Smet}", "Don", "", "De Smet", ""),
        ("María José {Castro Bleda}", "María José", "", "Castro Bleda", ""),
        ("{Castro Bleda}, María José", "María José", "", "Castro Bleda", ""),
        ("Edwin V. {Bell, II}", "Edwin V.", "", "Bell, II", ""),
        # a special character takes the case of its letter
        (r"{\'E}douard Masterly", "Édouard", "", "Masterly", ""),
        (r"Jean {\'e}tienne Masterly", "Jean", "étienne", "Masterly", ""),
        # particles are any lower-case words, not a list
        ("Hans zur Linde", "Hans", "zur", "Linde", ""),
        ("dos Santos, Maria", "Maria", "dos", "Santos", ""),
    ],
)
def test_bibtex_name_parts(written: str, first: str, von: str, last: str, jr: str) -> None:
    name = parse_bibtex_name(written)
    assert (name.first, name.von, name.last, name.jr) == (first, von, last, jr)
    assert not name.organisation


@pytest.mark.parametrize(
    ("written", "given_name", "family"),
    [
        ("Nancy {Van Cleave}", "Nancy", "Van Cleave"),
        ("Don {De Smet}", "Don", "De Smet"),
        ("María José {Castro Bleda}", "María José", "Castro Bleda"),
        ("Hans zur Linde", "Hans", "Linde"),
    ],
)
def test_kept_names_read_back_with_the_same_family(written: str, given_name: str, family: str) -> None:
    """What the reader keeps (str of the name) parses to the BibTeX family
    name, whatever the resolver's own name rules."""
    (name,), _ = split_names(written)
    parts = parse_name(str(name))
    assert (parts.given, parts.family) == (given_name, family)


def test_suffix_written_last_is_not_a_family_name() -> None:
    """BibTeX reads ``John Smith Jr.`` as last name ``Jr.``; .bib files write
    it all the same, and the name is kept as written (family Smith)."""
    (name,), _ = split_names("John Smith Jr.")
    assert str(name) == "John Smith Jr."
    assert (parse_name(str(name)).family, parse_name(str(name)).suffix) == ("Smith", "Jr.")


def test_organisation_written_in_pieces_keeps_its_order() -> None:
    """tugboat.bib writes ``{\\LaTeX} {Project Team}``: two tokens, but the
    name of an organisation, kept as it reads."""
    (name,), _ = split_names(r"{\LaTeX} {Project Team}")
    assert str(name) == "LaTeX Project Team"


def test_braced_corporate_names_are_one_organisation() -> None:
    names, truncated = split_names(
        r"{Adobe Systems, Inc.} and {Barnes and Noble} and {{\LaTeX\,3} Project Team} and Ann Lee and others"
    )
    assert [str(n) for n in names] == ["Adobe Systems, Inc.", "Barnes and Noble", "LaTeX 3 Project Team", "Ann Lee"]
    assert [n.organisation for n in names] == [True, True, True, False] and truncated


def test_biblatex_extended_name_format() -> None:
    """biblatex §3.4: ``key=value`` names, parts braced when they hold commas
    or ``and``; an item of options alone configures the list."""
    value = (
        "useprefix=true and family=Beethoven, given=Ludwig, prefix=van, useprefix=false"
        " and given={Jean Pierre}, family={Serre}"
        " and family={Doe, Jr. and Sons}"
        " and family=Lee, given=Ann, suffix=Jr."
    )
    names, truncated = split_names(value)
    assert [(n.first, n.von, n.last, n.jr) for n in names] == [
        ("Ludwig", "van", "Beethoven", ""),
        ("Jean Pierre", "", "Serre", ""),
        ("", "", "Doe, Jr. and Sons", ""),
        ("Ann", "", "Lee", "Jr."),
    ]
    assert [n.organisation for n in names] == [False, False, True, False] and not truncated


def test_biblatex_file(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(
        "@article{a, author = {family=Beethoven, given=Ludwig, prefix=van, useprefix=true and Nancy {Van Cleave}},"
        " title = {T}, date = {2021-05}}\n",
        encoding="utf-8",
    )
    papers, report = read_bibtex(path, OPTIONS)
    assert report.read == 1
    assert papers[0].authors == ["Ludwig van Beethoven", "Nancy Van Cleave"]  # reads back with family Van Cleave
    assert (papers[0].year, papers[0].month) == (2021, 5)


def test_token_case() -> None:
    """BibTeX looks at the first letter outside braces, digits skipped."""
    assert [token_case(t) for t in ("von", "Von", "{von}", r"{\'e}cole", r"{\AA}ngstr{\"o}m", "{\\ss}x", "12")] == [
        "lower",
        "upper",
        None,
        "lower",
        "upper",
        "lower",
        None,
    ]


# --- property: the parts survive being written in either order ---------------

#: "Jr", "Sr" ... at the end of a name are read as its suffix by design ("Martin Luther King Jr");
#: "Ii", "Iv" are not (a generational number is a suffix only in capitals).
capitalised = st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True).filter(lambda w: w not in {"Jr", "Sr", "Jnr", "Snr"})
lowercase = st.from_regex(r"[a-z]{1,4}", fullmatch=True)


@given(
    first=st.lists(capitalised, min_size=1, max_size=3),
    von=st.lists(lowercase, max_size=2),
    last=st.lists(capitalised, min_size=1, max_size=2),
)
@example(first=["Aa"], von=[], last=["Ii"])  # once read as "Aa, the Second"
def test_written_either_way_the_parts_agree(first: list[str], von: list[str], last: list[str]) -> None:
    """``First von {Last}`` and ``von {Last}, First`` give the same parts, and
    the name kept reads back (with the resolver's parser) to the same family."""
    braced = "{" + " ".join(last) + "}" if len(last) > 1 else last[0]
    forward = parse_bibtex_name(" ".join([*first, *von, braced]))
    backward = parse_bibtex_name(" ".join([*von, braced]) + ", " + " ".join(first))
    expected = (" ".join(first), " ".join(von), " ".join(last))
    assert (forward.first, forward.von, forward.last) == expected
    assert (backward.first, backward.von, backward.last) == expected
    for name in (forward, backward):
        parts = parse_name(str(name))
        assert (parts.given, parts.particle, parts.family) == expected


# --- real files ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("folder", "name", "authors"),
    [
        (
            "commonmeta",
            "crossref.bib",
            ["Martial Sankar", "Kaisa Nieminen", "Laura Ragni", "Ioannis Xenarios", "Christian S Hardtke"],
        ),
        ("commonmeta", "pure.bib", ["Y. Toparlar"]),
        ("bibtexparser", "examples_bibtex.bib", ["Jean César"]),
    ],
)
def test_peer_bibtex_files(shared_data: Path, folder: str, name: str, authors: list[str]) -> None:
    path = shared_data / "peers" / folder / name
    raw = path.read_text(encoding="utf-8")
    written = re.search(r"author\s*=\s*[{\"](.*?)[}\"],\s*\n", raw).group(1)  # the one entry's author field
    assert written.split(" and ") == authors
    papers, (report,) = read_inputs([path], OPTIONS)
    assert (report.read, report.used, report.encoding) == (
        len(re.findall(r"^@(?!comment)", raw, re.M | re.I)),
        1,
        "utf-8",
    )
    assert papers[0].authors == authors


def test_tugboat_anonymous_and_organisations(shared_data: Path) -> None:
    """tugboat.bib: 1,699 entries are by "Anonymous" alone and 2 by
    "Organizers and Sponsors and Participants and Program" (counted in the
    raw file here): none of them names a person, so those papers are skipped
    "no authors" and each authorship is a warning; braced and "Team" names
    are organisations, and LaTeX 3 Project Team is not LaTeX Project Team."""
    path = shared_data / "bibtex" / "tugboat.bib"
    raw = path.read_text(encoding="utf-8")
    fields = [" ".join(v.split()) for v in re.findall(r'^\s*author\s*=\s*"((?:[^"\\]|\\.)*?)",?\s*$', raw, re.M | re.S)]
    anonymous = fields.count("Anonymous")
    roles = fields.count("Organizers and Sponsors and Participants and Program")
    assert (anonymous, roles) == (1699, 2)
    papers, (report,) = read_inputs([path], OPTIONS)
    assert report.skipped["no authors"] == anonymous + roles
    assert report.warnings["authorship skipped: not a person (Anonymous)"] == anonymous
    assert report.warnings["authorship skipped: not a person (Program)"] == roles
    assert report.read == report.used + report.merged + sum(report.skipped.values())
    team = [p for p in papers if "LaTeX 3 Project Team" in p.authors]
    assert len(team) == 1 and team[0].organisations == (team[0].authors.index("LaTeX 3 Project Team"),)
