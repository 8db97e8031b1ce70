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
* ``synthetic``: :mod:`synthetic_names` with the generator's truth.
"""

from __future__ import annotations

import dataclasses
import json
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


def synthetic(papers: int = 20_000, seed: int = 11) -> Labelled:
    from synthetic_names import synthetic_papers

    generated, truth = synthetic_papers(papers, seed=seed)
    return generated, truth[["paper_id", "position", "person"]].astype({"person": str})


DATASETS = {"crossref": crossref, "beebe": beebe, "hard": hard, "synthetic": synthetic}
