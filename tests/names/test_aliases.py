"""Alias files line by line: what each line becomes, and lookup's order."""

from __future__ import annotations

from pathlib import Path

import pytest

from coauthor.errors import InputError
from coauthor.names.aliases import Alias, Aliases, aliases_text, parse_aliases, read_aliases
from coauthor.names.forms import name_form
from coauthor.names.resolve import resolve
from coauthor.records import Paper


def key(name: str) -> str:
    return name_form(name).key


def test_each_kind_of_line() -> None:
    aliases = parse_aliases(
        "label\treplace by\n"
        "\n"
        "  J. Smith \t John Smith \n"  # spaces around either side are dropped
        "Smith, Ann\tann-smith-2\n"  # an author id: pinned
        "Bo Chen\t\n"  # empty: removed
        "https://orcid.org/0000-0002-1825-0097\tjane-doe\n"
        "HTTP://ORCID.ORG/0000-0001-5109-3700\tWei Wang\n"
        "A5023888391\tx\n"  # OpenAlex id
        "123456\ty\n"  # Scopus id
        "A123\tz\n"  # too short for OpenAlex: a name
        "12345\tv\n",  # too short for Scopus: a name
        "a.txt",
    )
    assert aliases.by_name == {
        key("J. Smith"): Alias(replace="John Smith"),
        key("Ann Smith"): Alias(author_id="ann-smith-2"),
        key("Bo Chen"): Alias(replace=""),
        key("A123"): Alias(author_id="z"),
        key("12345"): Alias(author_id="v"),
    }
    assert aliases.by_id == {
        "0000-0002-1825-0097": Alias(author_id="jane-doe"),
        "0000-0001-5109-3700": Alias(replace="Wei Wang"),
        "A5023888391": Alias(author_id="x"),
        "123456": Alias(author_id="y"),
    }
    assert aliases.removed == ["Bo Chen"]


def test_header_only_on_the_first_line_any_case() -> None:
    assert parse_aliases("Label\tReplace By\nJ. Smith\tJohn Smith\n", "a.txt").by_name == {
        key("J. Smith"): Alias(replace="John Smith")
    }
    later = parse_aliases("J. Smith\tJohn Smith\nlabel\treplace by\n", "a.txt")
    assert later.by_name[key("label")] == Alias(replace="replace by")


def test_a_label_repeated_with_the_same_replacement_is_fine() -> None:
    aliases = parse_aliases("J. Smith\tJohn Smith\nSmith, J.\tJohn Smith\n", "a.txt")
    assert aliases.by_name == {key("J. Smith"): Alias(replace="John Smith")}


def test_repeated_identifier_label_with_another_replacement() -> None:
    with pytest.raises(InputError, match=r"^a\.txt:2: '123456' is already given another replacement above$"):
        parse_aliases("123456\tx\n123456\ty\n", "a.txt")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x\ty\nJ. Smith John Smith\n", r"^a\.txt:2: expected 'label<TAB>replace by' \(a tab between the two\)$"),
        ("\tJohn Smith\n", r"^a\.txt:1: empty label; write the name to replace before the tab$"),
        ("A B\tx\tY\n", r"^a\.txt:1: more than one tab; expected 'label<TAB>replace by'$"),
    ],
)
def test_whole_messages(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_aliases(text, "a.txt")


def test_truthiness() -> None:
    assert not Aliases()
    assert Aliases(by_id={"123456": Alias(author_id="x")})
    assert Aliases(by_name={"k": Alias(replace="")})
    assert not Aliases(removed=["x"])


def test_lookup_order() -> None:
    aliases = parse_aliases("0000-0002-1825-0097\ta\n123456\tb\nJ. Smith\tc\n", "a.txt")
    assert aliases.lookup("J. Smith", "0000-0002-1825-0097", "123456") == Alias(author_id="a")
    assert aliases.lookup("J. Smith", "0000-0001-5109-3700", "123456") == Alias(author_id="b")  # unknown ORCID
    assert aliases.lookup("Smith J", None, "999999") == Alias(author_id="c")
    assert aliases.lookup("John Smith", None, None) is None


def test_read_aliases_skips_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "aliases.txt"
    path.write_bytes("\ufefflabel\treplace by\nJosé Smith\tjose-smith\n".encode())
    assert read_aliases(path).by_name == {key("Jose Smith"): Alias(author_id="jose-smith")}


def test_aliases_text_lines() -> None:
    """One line per ORCID, one per name of a person that is more than one plain name (A. Lowe merged
    into Ann Lowe; Wei Wang's mention without the ORCID), none for a plain name (Bo Chen is removed,
    Jane Doe only identified), the removals last; sorted by author id, then label."""
    x, y = "0000-0002-1825-0097", "0000-0001-5109-3700"
    papers = [
        Paper("p0", "T", ["Jane Doe", "Ann Lowe"], 2000, "t:0", author_orcids=[x, None]),
        Paper("p1", "T", ["Jane Smith", "Bo Chen"], 2001, "t:1", author_orcids=[x, None]),
        Paper("p2", "T", ["Wei Wang", "A. Lowe"], 2002, "t:2", author_orcids=[y, None]),
        Paper("p3", "T", ["Wei Wang", "Eve Stone"], 2003, "t:3"),
    ]
    aliases = parse_aliases("Bo Chen\t\n", "a.txt")
    assert aliases_text(resolve(papers, aliases), aliases) == (
        f"label\treplace by\nA. Lowe\tann-lowe\nAnn Lowe\tann-lowe\n{x}\tjane-doe\n{y}\twei-wang\n"
        "Wei Wang\twei-wang\nBo Chen\t\n"
    )
    assert aliases_text(resolve(papers)).endswith("Wei Wang\twei-wang\n")  # no removals without aliases


def test_aliases_text_writes_openalex_ids_and_every_removal() -> None:
    """An OpenAlex id (no ORCID) is a line of its own, as an ORCID would be;
    two removals are two lines."""
    openalex = "https://openalex.org/A5023888391"
    papers = [
        Paper("p0", "T", ["Ann Lee", "Bo Chen"], 2000, "t:0", author_ids=[openalex, None]),
        Paper("p1", "T", ["Ann Lee", "Cy Dee"], 2001, "t:1"),
    ]
    aliases = parse_aliases("Bo Chen\t\nCy Dee\t\n", "a.txt")
    assert aliases_text(resolve(papers, aliases), aliases) == (
        f"label\treplace by\nAnn Lee\tann-lee\n{openalex}\tann-lee\nBo Chen\t\nCy Dee\t\n"
    )
