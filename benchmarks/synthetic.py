"""Seeded synthetic bibliographies for benchmarks: heavy-tailed authors per
paper (most papers have 2-6 authors, a few have hundreds), heavy-tailed
productivity (a few authors write many papers), and teams that recur.

>>> table = authorships(1000, seed=1)
>>> sorted(table.columns)
['author_id', 'author_name', 'inferred', 'name', 'paper_id', 'position', 'year']
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def authors_per_paper(papers: int, rng: np.random.Generator) -> np.ndarray:
    """Authors per paper: 1 + a discretised lognormal (median ~4), with a
    1-in-2,000 tail of 100-3,000-author papers (hyperauthorship)."""
    sizes = 1 + np.floor(rng.lognormal(mean=1.1, sigma=0.6, size=papers)).astype(np.int64)
    huge = rng.random(papers) < 1 / 2000
    sizes[huge] = rng.integers(100, 3000, size=int(huge.sum()))
    return sizes


def authorships(papers: int, authors: int | None = None, seed: int = 42) -> pd.DataFrame:
    """An authorship table (the shape name resolution returns, with the
    canonical ``author_name``) for ``papers`` papers among ``authors`` authors (default 0.6 per
    paper). Each paper draws a lead author by a Zipf-like productivity, then
    co-authors mostly from the lead's neighbourhood of ids (recurring teams)."""
    rng = np.random.default_rng(seed)
    authors = authors or int(papers * 0.6)
    sizes = authors_per_paper(papers, rng)
    total = int(sizes.sum())
    paper_of = np.repeat(np.arange(papers), sizes)
    lead = (rng.pareto(1.2, size=papers) * authors / 50).astype(np.int64) % authors
    offsets = rng.normal(0, 30, size=total).astype(np.int64)
    far = rng.random(total) < 0.15
    offsets[far] = rng.integers(0, authors, size=int(far.sum()))
    member = (lead[paper_of] + offsets) % authors
    position = np.arange(total) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    table = pd.DataFrame({"paper": paper_of, "author": member, "position": position})
    table = table.drop_duplicates(["paper", "author"])
    years = 1990 + (np.arange(papers) * 35 // papers)
    return pd.DataFrame({
        "paper_id": "p" + table["paper"].astype(str),
        "position": table["position"].to_numpy(),
        "name": "Author " + table["author"].astype(str),
        "inferred": False,
        "author_id": "a" + table["author"].astype(str).str.zfill(7),
        "author_name": "Author " + table["author"].astype(str),
        "year": pd.array(years[table["paper"].to_numpy()], dtype="Int64"),
    })  # fmt: skip
