"""The module paths of coauthor before one package per stage (0.1): each old
dotted name imports as the module that replaced it, the same object, so
``import coauthor.resolve`` and ``monkeypatch.setattr("coauthor.resolve.x",
...)`` reach the code in :mod:`coauthor.names.resolve`. The old modules
whose name is now a package (``coauthor.names``, ``coauthor.graph``,
``coauthor.report``, ``coauthor.cli``) re-export their names there instead.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType

#: Old dotted name -> the module that holds its code now.
MOVED = {
    "coauthor.aliases": "coauthor.names.aliases",
    "coauthor.cli_options": "coauthor.cli.options",
    "coauthor.export": "coauthor.exporters.rows",
    "coauthor.fetch.cli": "coauthor.cli.fetch",
    "coauthor.filters": "coauthor.graph.filters",
    "coauthor.grouping": "coauthor.names.grouping",
    "coauthor.html": "coauthor.plot.html",
    "coauthor.namedata": "coauthor.names.data",
    "coauthor.nameforms": "coauthor.names.forms",
    "coauthor.namereport": "coauthor.names.report",
    "coauthor.progress": "coauthor.cli.progress",
    "coauthor.report_index": "coauthor.report.index",
    "coauthor.resolve": "coauthor.names.resolve",
    "coauthor.spark.cli": "coauthor.cli.spark",
}

#: Names that moved out of a module that stayed: module -> name -> its module now.
MOVED_NAMES = {"coauthor.exporters": {"graph_for_export": "coauthor.pipeline"}}


def moved_name(module: str, name: str) -> object:
    """The object ``name`` that moved out of ``module`` (for that module's
    ``__getattr__``); AttributeError as usual for any other name."""
    new = MOVED_NAMES.get(module, {}).get(name)
    if new is None:
        raise AttributeError(f"module {module!r} has no attribute {name!r}")
    return getattr(importlib.import_module(new), name)


class _Alias(Loader):
    """Loads an old name as the new module itself."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.spec: ModuleSpec | None = None

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        module = importlib.import_module(self.target)
        self.spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        module.__spec__ = self.spec  # importing under the old name replaced it; the module keeps its own


class _OldNames(MetaPathFinder):
    """Finds the old dotted names of :data:`MOVED`."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        new = MOVED.get(fullname)
        return None if new is None else ModuleSpec(fullname, _Alias(new))


def install() -> None:
    """Put the finder first on ``sys.meta_path`` (once): before an editable
    install's finder, which would find a stale copy of an old file."""
    if not any(isinstance(finder, _OldNames) for finder in sys.meta_path):
        sys.meta_path.insert(0, _OldNames())
