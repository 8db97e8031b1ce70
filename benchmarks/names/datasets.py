"""Labelled data for scoring name resolution. Each loader returns the
papers to resolve (identifiers removed: resolution must find the people
from the names) and the truth, one row per labelled mention:
``paper_id``, ``position``, ``person``.

* ``crossref``: the 292 ORCID-carrying authorships of the Crossref works in
  ``../shared/data/crossref`` (the ORCID is the person);
* ``beebe``: Beebe's TeX bibliographies in ``../shared/data/bibtex``, the
  names of every (family, initial) block with several spellings labelled
  by hand in ``labels/beebe.tsv`` (how: its header comment);
* ``hard``: hand-written hard cases, ``labels/hard_cases.jsonl``;
* ``dblp``: DBLP XML from the seeded generator of ``benchmarks/dblp_scale.py``
  (teams of neighbouring people, papers at the lead's home venue), the
  people named from :func:`synthetic_names.people` and told apart as DBLP
  does, by a 4-digit suffix on every person of a shared name
  (``Wei Wang 0002``); read with coauthor's DBLP reader, the suffixes
  stripped (the suffixed name is the person);
* ``synthetic``: :mod:`synthetic_names` with the generator's truth.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd

from coauthor.readers import read_inputs
from coauthor.records import Paper

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared" / "data"
Labelled = tuple[list[Paper], pd.DataFrame]


def _blind(paper: Paper) -> Paper:
    return dataclasses.replace(paper, author_orcids=[], author_ids=[])


def _truth(rows: list[tuple[str, int, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["paper_id", "position", "person"])


def crossref() -> Labelled:
    papers, _ = read_inputs([SHARED / "crossref"])
    rows = [(p.id, i, o) for p in papers for i, o in enumerate(p.author_orcids) if o]
    return [_blind(p) for p in papers], _truth(rows)


def beebe() -> Labelled:
    papers, _ = read_inputs([SHARED / "bibtex"])
    labels = pd.read_csv(HERE / "labels" / "beebe.tsv", sep="\t", comment="#", keep_default_na=False)
    person = dict(zip(labels["name"], labels["person"], strict=True))
    rows = [(p.id, i, person[a]) for p in papers for i, a in enumerate(p.all_authors) if a in person]
    return papers, _truth(rows)


def hard() -> Labelled:
    papers, rows = [], []
    for line in (HERE / "labels" / "hard_cases.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        names = [name for name, _ in record["authors"]]
        papers.append(Paper(record["id"], record["id"], names, record["year"], f"hard_cases.jsonl:{record['id']}"))
        rows += [(record["id"], i, person) for i, (_, person) in enumerate(record["authors"])]
    return papers, _truth(rows)


def dblp(records: int = 20_000, seed: int = 5) -> Labelled:
    sys.path.insert(0, str(HERE.parent))
    from dblp_scale import entities, generate
    from synthetic_names import people

    def names_of(count: int) -> list[str]:
        population = people(count, seed)
        middle = population["middle"].map(lambda m: f" {m}." if m else "")
        full = (population["given"] + middle + " " + population["family"]).tolist()
        seen, shared = Counter[str](), Counter(full)
        suffixed = []
        for name in full:
            seen[name] += 1
            suffixed.append(entities(f"{name} {seen[name]:04d}" if shared[name] > 1 else name))
        return suffixed

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dblp.xml"
        generate(path, records, seed=seed, names_of=names_of, team_venues=True)
        papers, _ = read_inputs([path])
    rows = [(p.id, i, a) for p in papers for i, a in enumerate(p.authors)]
    stripped = [dataclasses.replace(_blind(p), authors=[_SUFFIX.sub("", a) for a in p.authors]) for p in papers]
    return stripped, _truth(rows)


_SUFFIX = re.compile(r" \d{4}$")


def synthetic(papers: int = 20_000, seed: int = 11) -> Labelled:
    from synthetic_names import synthetic_papers

    generated, truth = synthetic_papers(papers, seed=seed)
    return generated, truth[["paper_id", "position", "person"]].astype({"person": str})


DATASETS = {"crossref": crossref, "beebe": beebe, "hard": hard, "dblp": dblp, "synthetic": synthetic}
