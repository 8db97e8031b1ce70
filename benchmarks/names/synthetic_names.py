"""Seeded synthetic bibliographies with realistic name collisions, for
timing and scoring name resolution.

Teams come from :func:`benchmarks.synthetic.authorships` (recurring
co-authors, heavy-tailed productivity). Each author is a person with a
name drawn from frequency-skewed lists, so names collide as in real data:
many people share a common Western family name and first initial, and
East Asian names (a quarter of the people) collide even in full. Each
mention is written in one of the ways real records write it: in full, with
initials, ``Last, First``, a nickname, without accents or without a middle
initial; the true person is kept as the label.

>>> papers, truth = synthetic_papers(200, seed=3)
>>> sum(len(p.authors) for p in papers) == len(truth)
True
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synthetic import authorships

from coauthor.records import Paper

WESTERN_GIVEN = (
    "James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony "
    "Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan "
    "Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander "
    "Frank Patrick Raymond Jack Dennis Jerry Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah "
    "Karen Lisa Nancy Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa "
    "Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole "
    "Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie "
    "Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah "
    "Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail Alice Julia Judy "
    "Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte "
    "Marie Kayla Alexis Lori José François Jürgen Søren Zoë Renée André Björn Łukasz Sébastien"
).split()
WESTERN_FAMILY = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson "
    "Anderson Thomas Taylor Moore Jackson Martin Thompson White Harris Sanchez Clark Ramirez Lewis Robinson "
    "Walker Young Allen King Wright Scott Torres Hill Flores Green Adams Nelson Baker Hall Rivera Campbell "
    "Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris "
    "Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox "
    "Ward Richardson Watson Brooks Chavez Wood Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders "
    "Patel Myers Long Ross Foster Jimenez Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz "
    "Hoffmann Dubois Durand Lefèvre Moreau Rossi Russo Ferrari Esposito Bianchi Romano Novak Horvat Kowalski "
    "Nowak Wiśniewski Jansen Visser Smit Bakker Andersen Nielsen Hansen Johansson Larsson Gimenez Giménez Muñoz"
).split()
PARTICLED = ("van Dijk", "van der Berg", "de Vries", "van Eck", "de la Cruz", "von Neumann", "di Stefano")
EAST_ASIAN_FAMILY = (
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Song "
    "Tang Han Feng Deng Cao Peng Kim Lee Park Choi Jung Kang Nguyen Tran Le Pham"
).split()
SYLLABLES = (
    "wei jun yan hui ming jing li hong xiao yu lin hua ping qing feng yi xin jie chen yong bo tao hao lei kai "
    "zhi rui yue lan fang ying min jian yang na jia wen qiang chao gang"
).split()
NICKNAMES = {
    "Robert": "Bob", "William": "Bill", "Matthew": "Matt", "Christopher": "Chris", "Daniel": "Dan",
    "Michael": "Mike", "Thomas": "Tom", "Joseph": "Joe", "Richard": "Rick", "Steven": "Steve",
    "Elizabeth": "Liz", "Katherine": "Kate", "Samantha": "Sam", "Alexander": "Alex", "Jennifer": "Jen",
}  # fmt: skip


def _zipf_choice(rng: np.random.Generator, items: list[str] | tuple[str, ...], size: int) -> np.ndarray:
    weights = 1 / np.arange(1, len(items) + 1) ** 0.9
    return rng.choice(np.array(items, dtype=object), size=size, p=weights / weights.sum())


def rare_names(rng: np.random.Generator, size: int) -> np.ndarray:
    """Invented family names (``Doravek``, ``Milsen``): the long tail that
    real populations have and short lists lack."""
    onsets = np.array([*"bdfghklmnprstvwz", "br", "ch", "kr", "st", "tr"], dtype=object)
    vowels = np.array([*"aeiou", "ei", "ou"], dtype=object)
    codas = np.array(["", "n", "r", "s", "l", "k", "vek", "sen", "berg", "ton", "ski", "ard"], dtype=object)
    parts = [rng.choice(onsets, size) + rng.choice(vowels, size) for _ in range(2)]
    return np.array([(a + b + c).capitalize() for a, b, c in zip(*parts, rng.choice(codas, size), strict=True)])


def people(count: int, seed: int) -> pd.DataFrame:
    """``count`` people: given, middle initial (or ""), family, East Asian flag.
    Western family names: 60% from the common list, 40% from a long tail."""
    rng = np.random.default_rng(seed)
    asian = rng.random(count) < 0.25
    given = _zipf_choice(rng, WESTERN_GIVEN, count)
    family = _zipf_choice(rng, WESTERN_FAMILY, count)
    rare = rng.random(count) < 0.4
    family[rare] = rare_names(rng, int(rare.sum()))
    particled = rng.random(count) < 0.02
    family[particled] = rng.choice(np.array(PARTICLED, dtype=object), size=int(particled.sum()))
    middle = np.where(rng.random(count) < 0.4, rng.choice(list("ABCDEFGHJKLMNPRSTW"), size=count), "")
    n = int(asian.sum())
    syllables = rng.choice(np.array(SYLLABLES, dtype=object), size=(n, 2))
    two = rng.random(n) < 0.7
    given[asian] = [
        (a + b if t else a).capitalize() for a, b, t in zip(syllables[:, 0], syllables[:, 1], two, strict=True)
    ]
    family[asian] = _zipf_choice(rng, EAST_ASIAN_FAMILY, n)
    middle[asian] = ""
    return pd.DataFrame({"given": given, "middle": middle, "family": family, "asian": asian})


def render(rng: np.random.Generator, person: pd.DataFrame) -> list[str]:
    """One name as written per row of ``person``, in a realistic mix of styles."""
    style = rng.random(len(person))
    names = []
    for (given, middle, family, asian), s in zip(person.itertuples(index=False, name=None), style, strict=True):
        middle_part = f" {middle}." if middle and s < 0.75 else ""
        if s < 0.62:
            names.append(f"{given}{middle_part} {family}")
        elif s < 0.72:
            names.append(f"{family}, {given}{middle_part}")
        elif s < 0.84:
            names.append(f"{given[0]}.{' ' + middle + '.' if middle else ''} {family}")
        elif s < 0.88:
            names.append(f"{family} {given[0]}{middle}")
        elif s < 0.93 and not asian:
            names.append(f"{NICKNAMES.get(given, given)} {family}")
        elif s < 0.97:
            names.append(f"{given} {family}")
        else:
            names.append(_unaccent(f"{given}{middle_part} {family}"))
    return names


def _unaccent(text: str) -> str:
    from coauthor.names import ascii_fold

    return ascii_fold(text).replace("ł", "l").replace("Ł", "L")


def synthetic_papers(papers: int, seed: int = 42) -> tuple[list[Paper], pd.DataFrame]:
    """``papers`` synthetic papers (about 4.5 authorships each) and the truth:
    one row per authorship with ``paper_id``, ``position``, ``name`` and
    ``person`` (the true person's number)."""
    table = authorships(papers, seed=seed)
    table = table[table.groupby("paper_id")["position"].transform("size") <= 50]  # no hyperauthorship here
    person = table["author_id"].str[1:].astype(np.int64).to_numpy()
    population = people(int(person.max()) + 1, seed)
    rng = np.random.default_rng(seed + 1)
    names = render(rng, population.iloc[person].reset_index(drop=True))
    truth = pd.DataFrame({"paper_id": table["paper_id"].to_numpy(), "name": names, "person": person})
    truth["position"] = truth.groupby("paper_id").cumcount()
    years = table["year"].to_numpy()
    result = []
    starts = np.flatnonzero(np.r_[True, truth["paper_id"].to_numpy()[1:] != truth["paper_id"].to_numpy()[:-1]])
    ends = np.r_[starts[1:], len(truth)]
    for start, end in zip(starts, ends, strict=True):
        paper = truth["paper_id"].iat[start]
        result.append(Paper(paper, paper, names[start:end], int(years[start]), f"synthetic:{paper}"))
    return result, truth
