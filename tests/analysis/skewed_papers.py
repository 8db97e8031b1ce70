"""A seeded bibliography for the analysis tests: hubs, repeated pairs
(weights above 1) and several components."""

from __future__ import annotations

import numpy as np

from coauthor.records import Paper

GIVEN = "Ada Ben Cleo Dev Emil Fay Gus Hana Ivo Jun Kai Lea Milo Nia Omar Pia Quin Rosa Sven Tara".split()
FAMILY = "Abbott Brandt Costa Dubois Evans Fischer Garcia Horvat".split()


def random_papers(seed: int, count: int) -> list[Paper]:
    """``count`` papers of 1-8 authors drawn (Zipf) from a population of 150."""
    rng = np.random.default_rng(seed)
    papers = []
    for i in range(count):
        drawn = [int(rng.zipf(1.6)) % 150 for _ in range(int(rng.integers(1, 9)))]
        authors = sorted({f"{GIVEN[k % 20]} {FAMILY[k // 20]}" for k in drawn})
        papers.append(Paper(f"p{i}", f"T{i}", authors, 2000 + i % 20, f"r:{i}"))
    return papers
