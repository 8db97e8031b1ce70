"""NameForm and compatible(): each field and rule on names worked out by hand."""

from __future__ import annotations

import pytest

from coauthor.names.forms import NameForm, compatible, name_form


def form(name: str) -> NameForm:
    return name_form(name)


@pytest.mark.parametrize(
    ("name", "family", "particle", "suffix", "given"),
    [
        ("Zhu, Jun-Yan", "zhu", "", "", (("jun", "yan"),)),
        ("Jun‐Yan Zhu", "zhu", "", "", (("jun", "yan"),)),  # U+2010 hyphen
        ("J. A. Smith", "smith", "", "", (("j.",), ("a.",))),
        ("J.A. Smith", "smith", "", "", (("j.",), ("a.",))),  # dots between initials: two names
        ("J.-P. Ann Martin", "martin", "", "", (("j.", "p."), ("ann",))),
        ("J.‐P. Martin", "martin", "", "", (("j.", "p."),)),  # U+2010 hyphen between initials
        ("JA Ann Smith", "smith", "", "", (("j.",), ("a.",), ("ann",))),  # names after run-together initials
        ("Smith JA", "smith", "", "", (("j.",), ("a.",))),  # run-together initials
        ("Smith J", "smith", "", "", (("j.",),)),  # one letter is an initial, dot or not
        ("Chr. Müller", "muller", "", "", (("chr.",),)),
        ("Maria de la Cruz", "cruz", "de la", "", (("maria",),)),
        ("John Smith Jr.", "smith", "", "jr", (("john",),)),
        ("Wei Wang 0001", "wang", "", "0001", (("wei",),)),
        ("Xiong (Bill) Yu", "yu", "", "", (("xiong",),)),  # bracketed nickname left out
        ("Xiong [Bill] Yu", "yu", "", "", (("xiong",),)),
        (r"Andr\'e Weil", "weil", "", "", (("andre",),)),  # LaTeX accent decoded
        ("O'Brien, Ann-", "obrien", "", "", (("ann",),)),  # an empty piece is dropped
        ("Madonna", "madonna", "", "", ()),
    ],
)
def test_fields(name: str, family: str, particle: str, suffix: str, given: tuple[tuple[str, ...], ...]) -> None:
    assert form(name) == NameForm(family, particle, suffix, given)


def test_unparsable_name_keeps_every_letter() -> None:
    assert form("0001") == NameForm("", "", "", ())
    assert form("123, Ab") == NameForm("ab", "", "", ())


def test_organisation_folded_whole() -> None:
    assert name_form("LaTeX 3 Project Team", True) == NameForm("latex3projectteam", "", "", ())
    assert name_form("Équipe R&D", organisation=True).family == "equiperd"
    assert name_form("+++", True).family == "+++"  # nothing to fold: the name itself
    assert name_form("LaTeX Project Team", True) != name_form("LaTeX 3 Project Team", True)


def test_key_and_block() -> None:
    assert form("Zhu, Jun-Yan").key == "zhu||junyan|" == form("Junyan Zhu").key
    assert form("Anna van der Berg II").key == "berg|van der|anna|ii"
    assert form("Zhu, Jun-Yan").block == ("zhu", "j")
    assert form("Madonna").block == ("madonna", "")


def test_initials() -> None:
    assert form("John Smith").initials() == frozenset("j")
    assert form("Bill Smith").initials() == frozenset("bw")  # bill: william
    assert form("Alex Smith").initials() == frozenset("a")  # alexander, alexandra: still a
    assert form("Madonna").initials() == frozenset()


def test_initials_only() -> None:
    assert form("J. Smith").initials_only
    assert form("Smith J").initials_only
    assert not form("John Smith").initials_only
    assert not form("John A. Smith").initials_only
    assert form("Madonna").initials_only  # no given name


def test_east_asian() -> None:
    assert form("Yiran Chen").east_asian
    assert form("Y. Chen").east_asian
    assert not form("Andrew Hwang").east_asian  # a Western given name
    assert not form("Bill Wang").east_asian  # a nickname is Western too
    assert not form("John Smith").east_asian
    assert form("Wang").east_asian  # no given name to say otherwise


def test_specificity() -> None:
    # full first name, full pieces, pieces, particle + suffix, letters
    assert form("John A. Smith Jr.").specificity == (1, 1, 2, 1, 6)
    assert form("J. van Berg").specificity == (0, 0, 1, 1, 2)
    assert form("Anna van der Berg II").specificity == (1, 1, 1, 2, 4)
    assert form("Jun-Yan Zhu").specificity == (1, 2, 2, 0, 6)
    assert form("Madonna").specificity == (0, 0, 0, 0, 0)


def test_id_key() -> None:
    assert form("Zhu, Jun-Yan").id_key == "jun-yan-zhu"
    assert form("Wei Wang 0001").id_key == "wei-wang-0001"
    assert form("J. A. van der Berg").id_key == "j-a-van-der-berg"
    assert form("Madonna").id_key == "madonna"


def test_index_keys() -> None:
    assert form("J. Smith").index_keys() == frozenset()
    assert form("Jun-Yan Zhu").index_keys() == {"jun", "juny"}
    assert form("Bill Smith").index_keys() == {"bill", "will"}
    assert form("Christopher Smith").index_keys() == {"chri"}
    assert form("Alex Smith").index_keys() == {"alex"}  # alexander, alexandra: both stem alex


COMPATIBLE = [
    ("J. Smith", "John Smith"),
    ("John Smith", "John Smith"),
    ("Smith, John", "John Smith"),
    ("J. A. Smith", "John Smith"),  # a middle name missing on one side
    ("John Smith Jr.", "John Smith"),
    ("John Smith Jr.", "John Smith Jr."),
    ("Wei Wang 0001", "Wei Wang 0001"),
    ("Anna van Berg", "Anna Berg"),  # particle missing on one side
    ("Matt Post", "Matthew Post"),  # nickname
    ("Bob Smith", "Rob Smith"),  # both nicknames of robert
    ("W. Smith", "Bill Smith"),  # bill: william
    ("Alex Smith", "Alexander Smith"),  # prefix of 4 letters, 5 more
    ("Chris Jones", "Christina Jones"),
    ("Chr. Smith", "Christopher Smith"),
    ("J. Martin", "Jean-Paul Martin"),  # one initial for a hyphenated name
    ("J.-P. Martin", "Jean-Paul Martin"),
    ("Jun-Yan Zhu", "Junyan Zhu"),
    ("Yiran Chen", "Yiran Chen"),
    ("Wei Li Wang", "Wei Li Wang"),
    ("Bill Wang", "Will Wang"),  # Western given names: both nicknames of william
    ("William Smith", "Bill Smith"),  # a nickname, no prefix
    ("Jean-P. Martin", "Jean-Paul Martin"),  # piece by piece: equal, then an initial
    ("Mary-Ann Smith", "Maryann J. Smith"),  # one name hyphenated or not, a middle initial on one side
    ("Alex Smith", "Alexis Smith"),  # a prefix of 4 letters, 2 more (alexis is no nickname target)
    ("R. Kane", "Bob. Kane"),  # an abbreviated nickname: bob is robert
    ("C. Smith", "Chr. Smith"),  # two abbreviations: either may be the initial (was one-way only)
    ("The. Smith", "Ted. Smith"),  # ... of the same length too: ted is theodore
]

INCOMPATIBLE = [
    ("J. A. Smith", "J. B. Smith"),
    ("John Smith", "Jane Smith"),
    ("John Smith", "John Smyth"),
    ("Smith", "John Smith"),  # no given name
    ("John Smith Jr.", "John Smith Sr."),
    ("Wei Wang 0001", "Wei Wang"),  # DBLP homonym numbers
    ("Wei Wang", "Wei Wang 0002"),
    ("Wei Wang 0001", "Wei Wang 0002"),
    ("Anna van Berg", "Anna de Berg"),
    ("Paul Smith", "Paula Smith"),  # prefix, but only one letter more
    ("Jo Smith", "Joseph Smith"),  # prefix too short
    ("Jean Martin", "Jean-Paul Martin"),  # the short one is not an initial
    ("J. Martin", "Paul-Jean Martin"),
    ("J. Smith", "Bill Smith"),
    ("B. Smith", "William Smith"),  # an initial stands for a name or what a nickname is short for
    ("Y. Chen", "Yiran Chen"),  # East Asian: never on initials
    ("Wei Wang", "Wei Li Wang"),  # East Asian: as many given names
    ("Yi Chen", "Yiran Chen"),  # East Asian: no prefixes
    ("Xiao Chen", "Xiaoming Chen"),  # ... even of 4 letters
    ("Wei-Ming Wang", "Wei-Mingxin Wang"),  # ... nor piece by piece
    ("T. Huang", "Tony Huang"),  # East Asian on one side is enough: never on initials
    ("Bob Smith", "Rick Smith"),  # nicknames of two different names
    ("John Smith", "Bill Smith"),
]


@pytest.mark.parametrize(("a", "b"), COMPATIBLE)
def test_compatible(a: str, b: str) -> None:
    assert compatible(form(a), form(b))
    assert compatible(form(b), form(a))


@pytest.mark.parametrize(("a", "b"), INCOMPATIBLE)
def test_incompatible(a: str, b: str) -> None:
    assert not compatible(form(a), form(b))
    assert not compatible(form(b), form(a))


@pytest.mark.parametrize(
    ("a", "b"), [("Y. Chen", "Yiran Chen"), ("Wei Wang", "Wei Li Wang"), ("Yiran Chen", "Yiran Xiao Chen")]
)
def test_east_asian_rule_off(a: str, b: str) -> None:
    """Without the East Asian rule, initials and missing middle names agree."""
    assert not compatible(form(a), form(b))
    assert compatible(form(a), form(b), east_asian_rule=False)
    assert compatible(form(b), form(a), east_asian_rule=False)


def test_east_asian_rule_off_still_needs_agreeing_names() -> None:
    assert not compatible(form("Wei Wang"), form("Wen Wang"), east_asian_rule=False)
    assert compatible(form("Yi Chen"), form("Yiran Chen"), east_asian_rule=False) is False  # prefix too short
    assert compatible(form("Xiao Chen"), form("Xiaoming Chen"), east_asian_rule=False)  # 4-letter prefix


def test_compatible_is_symmetric() -> None:
    """Over every pair of the names above (same family or not), either order gives the same answer."""
    names = sorted({name for pair in COMPATIBLE + INCOMPATIBLE for name in pair})
    for a in names:
        for b in names:
            assert compatible(form(a), form(b)) == compatible(form(b), form(a)), (a, b)
