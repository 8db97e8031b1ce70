"""Fetch works from open scholarly APIs (OpenAlex, Crossref, DBLP) into a
file the readers take, through an on-disk HTTP cache, resumably.

``import coauthor`` does not import this package, and importing it does not
import the HTTP stack (requests) until :func:`fetch_works` or
:class:`Client` is asked for: only ``coauthor fetch`` touches the network.

>>> sorted(APIS)
['crossref', 'dblp', 'openalex']
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from coauthor.fetch import crossref, dblp, openalex
from coauthor.fetch.base import Api, Page, Query

#: The APIs, by name (one module each).
APIS: dict[str, Api] = {module.API.name: module.API for module in (openalex, crossref, dblp)}

_LAZY = {
    "Client": "coauthor.fetch.client",
    "default_cache_dir": "coauthor.fetch.client",
    "FetchProgress": "coauthor.fetch.engine",
    "FetchResult": "coauthor.fetch.engine",
    "fetch_works": "coauthor.fetch.engine",
}

__all__ = ["APIS", "Api", "Client", "FetchProgress", "FetchResult", "Page", "Query", "default_cache_dir", "fetch_works"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'coauthor.fetch' has no attribute {name!r}")
