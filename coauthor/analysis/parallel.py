"""Shortest-path work split over processes: sampled betweenness and
closeness send chunks of source authors to a pool of workers that each hold
one copy of the igraph graph.

The chunks are fixed by the sources alone (``CHUNK_SOURCES`` each) and their
results are added up in chunk order, so the numbers are the same bytes
whatever the number of processes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TYPE_CHECKING

import numpy as np

from coauthor.errors import OptionError

if TYPE_CHECKING:
    import igraph

#: Source authors per task: small enough to keep both cores busy to the end,
#: large enough that a task (one igraph call) outweighs sending its result.
CHUNK_SOURCES = 64

#: The graph a worker process computes on (set once, when the worker starts).
_graph: igraph.Graph | None = None


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity, where the system says).

    >>> available_cpus() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def resolve_jobs(jobs: int | None) -> int:
    """The number of processes for ``jobs``: None means every available CPU.

    >>> resolve_jobs(1)
    1
    """
    if jobs is None:
        return available_cpus()
    if jobs < 1:
        raise OptionError(f"jobs must be at least 1 (got {jobs})")
    return jobs


def chunks(sources: Sequence[int], size: int | None = None) -> list[list[int]]:
    """``sources`` cut into consecutive lists of at most ``size`` (default
    ``CHUNK_SOURCES``, read when called).

    >>> chunks([1, 2, 3, 4, 5], 2)
    [[1, 2], [3, 4], [5]]
    """
    size = CHUNK_SOURCES if size is None else size
    return [list(sources[start : start + size]) for start in range(0, len(sources), size)]


Task = tuple[str, list[int], list[int] | None, str | None]


class PathPool:
    """Runs betweenness and distance-sum tasks on one igraph graph, in
    ``jobs`` worker processes (in this process when ``jobs`` is 1)."""

    def __init__(self, graph: igraph.Graph, executor: ProcessPoolExecutor | None) -> None:
        self.graph, self.executor = graph, executor

    def betweenness(self, sources: Sequence[int], weights: str | None) -> np.ndarray:
        """Unnormalised betweenness counted over paths from ``sources`` only,
        summed chunk by chunk in a fixed order."""
        tasks: list[Task] = [("betweenness", chunk, None, weights) for chunk in chunks(sources)]
        return _sum(self._run(tasks), self.graph.vcount())

    def distance_sums(self, sources: Sequence[int], targets: list[int], weights: str | None) -> np.ndarray:
        """For each of ``targets``, the sum of its path lengths to ``sources``."""
        tasks: list[Task] = [("distances", chunk, targets, weights) for chunk in chunks(sources)]
        return _sum(self._run(tasks), len(targets))

    def _run(self, tasks: list[Task]) -> list[np.ndarray]:
        if self.executor is None or len(tasks) < 2:
            return [_compute(self.graph, task) for task in tasks]
        return list(self.executor.map(_in_worker, tasks))


@contextmanager
def path_pool(graph: igraph.Graph, jobs: int | None) -> Iterator[PathPool]:
    """A :class:`PathPool` on ``graph`` with ``jobs`` processes (None: every
    CPU); the workers stop when the block ends. Workers are forked where the
    system can (no copy of the graph is sent), else started and sent the
    graph once each."""
    count = resolve_jobs(jobs)
    if count == 1:
        yield PathPool(graph, None)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(count, mp_context=context, initializer=_start_worker, initargs=(graph,)) as executor:
        yield PathPool(graph, executor)


def _sum(parts: list[np.ndarray], size: int) -> np.ndarray:
    total = np.zeros(size)
    for part in parts:  # in chunk order: the same float sums for any number of processes
        total += part
    return total


def _start_worker(graph: igraph.Graph) -> None:
    global _graph
    _graph = graph


def _in_worker(task: Task) -> np.ndarray:
    assert _graph is not None, "worker started without its graph"
    return _compute(_graph, task)


def _compute(graph: igraph.Graph, task: Task) -> np.ndarray:
    kind, sources, targets, weights = task
    if kind == "betweenness":
        return np.asarray(graph.betweenness(weights=weights, sources=sources), dtype=float)
    rows = np.asarray(graph.distances(source=sources, target=targets, weights=weights), dtype=float)
    return rows.sum(axis=0)


DistanceSums = Callable[[Sequence[int], list[int]], np.ndarray]
