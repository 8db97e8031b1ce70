"""The documentation covers the public API and every command: each name of
``coauthor.__all__`` has a numpydoc docstring with the sections a reader
needs (checked with numpydoc's own parser), the API page lists it, and every
click command has help text."""

from __future__ import annotations

import doctest
import inspect
from pathlib import Path

import click
import pytest
from numpydoc.docscrape import NumpyDocString

import coauthor
import coauthor.errors
from coauthor.cli import main

API_PAGE = Path(__file__).resolve().parents[1] / "docs" / "api.md"
DOCUMENTED = [name for name in coauthor.__all__ if inspect.isfunction(getattr(coauthor, name))] + [
    name for name in coauthor.__all__ if inspect.isclass(getattr(coauthor, name))
]


def _parameters(obj: object) -> list[str]:
    """The parameters a caller passes, from the signature (none where
    Python gives no signature, as for an exception without ``__init__``)."""
    try:
        signature = inspect.signature(obj)  # type: ignore[arg-type]
    except ValueError:
        return []
    return [p.name for p in signature.parameters.values() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]


def _documented_names(doc: NumpyDocString) -> set[str]:
    """Names of the Parameters section: ``month, day : int`` documents both."""
    return {name.strip() for parameter in doc["Parameters"] for name in parameter.name.split(",")}


def test_every_public_function_and_class_is_checked():
    # a name of __all__ that is neither (FORMATS, __version__) is data, documented on the API page
    assert set(coauthor.__all__) - set(DOCUMENTED) == {"FORMATS", "__version__"}


@pytest.mark.parametrize("name", DOCUMENTED)
def test_numpydoc_sections(name):
    obj = getattr(coauthor, name)
    doc = NumpyDocString(inspect.getdoc(obj) or "")
    assert doc["Summary"], f"{name}: no summary line"
    assert doc["Parameters"], f"{name}: no Parameters section"
    assert set(_parameters(obj)) <= _documented_names(doc), f"{name}: parameters not documented"
    assert _documented_names(doc) <= set(_parameters(obj)) or not _parameters(obj), (
        f"{name}: documents no such parameter"
    )
    if inspect.isfunction(obj):
        assert doc["Returns"], f"{name}: no Returns section"
    assert any(">>>" in line for line in doc["Examples"]), f"{name}: no Examples section with a doctest"


@pytest.mark.parametrize("name", DOCUMENTED)
def test_raises_names_coauthor_errors(name):
    """A Raises section names exceptions coauthor defines, so a reader can catch them."""
    doc = NumpyDocString(inspect.getdoc(getattr(coauthor, name)) or "")
    for raised in doc["Raises"]:
        error = getattr(coauthor.errors, raised.type, None)
        assert inspect.isclass(error) and issubclass(error, coauthor.CoauthorError), f"{name} raises {raised.type}"


def test_the_api_page_lists_every_public_name():
    page = API_PAGE.read_text(encoding="utf-8")
    missing = [name for name in coauthor.__all__ if f"coauthor.{name}\n" not in page]
    assert not missing, f"docs/api.md does not document {missing}"


def test_the_api_page_examples_run():
    """The page's own examples (FORMATS has no docstring of its own) run as the docstrings' do."""
    result = doctest.testfile(str(API_PAGE), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted and not result.failed


def _commands(group: click.Group, prefix: str = "coauthor") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in sorted(group.commands.items()):
        found.append((f"{prefix} {name}", command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, f"{prefix} {name}"))
    return found


COMMANDS = _commands(main)


def test_the_command_tree_is_walked():
    names = [name for name, _ in COMMANDS]
    assert {"coauthor report", "coauthor analyze", "coauthor inspect", "coauthor fetch openalex"} <= set(names)


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_has_help(name, command):
    assert (command.help or "").strip(), f"{name} has no help text"
    assert command.get_short_help_str().strip(), f"{name} has no short help"


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_option_has_help(name, command):
    undocumented = [
        param.opts[0]
        for param in command.params
        if isinstance(param, click.Option) and not param.hidden and not (param.help or "").strip()
    ]
    assert not undocumented, f"{name}: options without help {undocumented}"
