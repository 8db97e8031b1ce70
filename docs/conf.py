"""Sphinx configuration: the README's tour as the first page, the public API
from the numpydoc docstrings, every command from the click code.

Build: ``pip install -e '.[docs]' && sphinx-build -W --keep-going -b html docs docs/_build/html``.
"""

from __future__ import annotations

import re
from importlib.metadata import version as _version
from typing import Any

project = "coauthor"
author = "the coauthor authors"
release = _version("coauthor")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "numpydoc",
    "sphinx_click",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build"]

# the README's own links: #figures and friends are its headings
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]

autodoc_member_order = "bysource"
autodoc_typehints = "none"  # the Parameters sections give the types
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False

smartquotes = False  # options read --author-sep, not an en dash

html_theme = "alabaster"
# the README is long: its sections beside it
html_sidebars = {"index": ["about.html", "searchfield.html", "navigation.html", "localtoc.html"]}
html_title = f"coauthor {release}"


#: Markdown files of the repository outside docs/ that the docs show as pages
#: (each page includes its file): the README and docs/scaling.md link to them
#: by their path in the repository, which these links are turned into.
PAGES = {"benchmarks/RESULTS.md": "results.md", "benchmarks/MUTATION.md": "mutation.md"}
_LINK = re.compile(r"\]\((?:\.\./)?(" + "|".join(map(re.escape, PAGES)) + r")(#[^)]*)?\)")


def _link_pages(text: str) -> str:
    return _LINK.sub(lambda m: f"]({PAGES[m[1]]}{m[2] or ''})", text)


def _source_read(app: Any, docname: str, source: list[str]) -> None:
    source[0] = _link_pages(source[0])


def _include_read(app: Any, path: Any, parent: str, content: list[str]) -> None:
    content[0] = _link_pages(content[0])


def setup(app: Any) -> None:
    app.connect("source-read", _source_read)
    app.connect("include-read", _include_read)
