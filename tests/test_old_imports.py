"""Every module path of coauthor before one package per stage (commit
9ebfa7e) still imports, and every public name of those old modules is the
very object of the new layout: the old module *is* the new one (so
``monkeypatch.setattr("coauthor.resolve.x", ...)`` patches the real code),
or, where the old name is now a package, the package re-exports it.

The names below were listed once from the old files (their top-level
definitions and ``__all__``, and what the code base imported from them),
not from the new code.
"""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

#: Old module -> (the module that holds its code now, its public names at 9ebfa7e).
OLD_MODULES: dict[str, tuple[str, str]] = {
    "coauthor.aliases": (
        "coauthor.names.aliases",
        "AUTHOR_ID Alias Aliases HEADER aliases_text parse_aliases read_aliases",
    ),
    "coauthor.nameforms": ("coauthor.names.forms", "MIN_PREFIX NameForm compatible name_form"),
    "coauthor.namedata": ("coauthor.names.data", "CANONICAL EAST_ASIAN_FAMILIES NICKNAMES WESTERN_GIVEN"),
    "coauthor.grouping": ("coauthor.names.grouping", "Coauthors Decision EVIDENCE_NAMES Unit group_units"),
    "coauthor.resolve": (
        "coauthor.names.resolve",
        "RESOLVE_MODES TABLE_COLUMNS authorship_table display_names identifier_kind resolve",
    ),
    "coauthor.namereport": (
        "coauthor.names.report",
        "HOMONYM_GAP_YEARS MAX_AUTHORS_FOR_EVIDENCE NameReport name_report",
    ),
    "coauthor.names": (
        "coauthor.names.parse",
        "ET_AL LIST_CUT NOBODY NOT_A_PERSON NameParts ORGANISATION ORGANISATION_WORDS PARTICLES PERSON "
        "SUFFIXES ascii_fold author_kind is_author_list is_particle looks_like_name name_key parse_name "
        "split_author_list split_title_authors",
    ),
    "coauthor.graph": (
        "coauthor.graph.build",
        "DEFAULT_MAX_AUTHORS EDGE_COLUMNS GraphTables UNDATED WEIGHTINGS build_tables check_weighting "
        "coauthorship_graph graph_from_authorships ordered_subgraph subgraph_tables tables_to_networkx",
    ),
    "coauthor.filters": (
        "coauthor.graph.filters",
        "GraphOptions ORGANISATION_MODES authorships_of filter_graph find_author neighbourhood "
        "papers_in_years parse_years read_focus_file years_text",
    ),
    "coauthor.export": (
        "coauthor.exporters.rows",
        "EXPORT_FORMATS FLOAT_FORMAT GRAPH_SUFFIXES RECORD_FORMATS read_graphml records_text table_text "
        "write_graph write_graphml write_table",
    ),
    "coauthor.html": (
        "coauthor.plot.html",
        "LABELLED MAX_HTML_EDGES MAX_HTML_NODES SCALE html_map map_data script_json vis_network_js write_html",
    ),
    "coauthor.report": (
        "coauthor.report.make",
        "ANALYSIS_FILES DEFAULT_EXPORTS OLD_TABLE_NAMES REPORT_FILES REPORT_TABLES analyze make_report write_analysis",
    ),
    "coauthor.report_index": ("coauthor.report.index", "STYLE write_index"),
    "coauthor.cli_options": (
        "coauthor.cli.options",
        "Command FiniteFloat SEED SIZE_MEASURES analysis_options figure_options filter_options graph_options "
        "max_nodes_option method_option name_options output_option resolve_options seed_option size_by_option",
    ),
    "coauthor.progress": ("coauthor.cli.progress", "file_progress short_name stage_progress"),
    "coauthor.cli": ("coauthor.cli.job", "Job job_options read_options"),
    "coauthor.fetch.cli": (
        "coauthor.cli.fetch",
        "FetchOptions YEAR crossref_command dblp_command fetch fetch_options fetch_progress openalex_command",
    ),
    "coauthor.spark.cli": ("coauthor.cli.spark", "COMMANDS run_with_spark"),
}

#: Old modules whose name is now a package: it re-exports the old names.
PACKAGES = {"coauthor.names", "coauthor.graph", "coauthor.report", "coauthor.cli"}

#: The commands of the old coauthor/cli.py: function name -> command name.
#: (``names``, ``graph``, ``report`` and ``plot`` are now also the modules
#: of coauthor.cli that hold them, so they are reached through ``main``.)
OLD_COMMANDS = {
    "inspect": "inspect", "records": "records", "names": "names", "graph": "graph", "export": "export",
    "analyze_command": "analyze", "sensitivity": "sensitivity", "report": "report", "plot": "plot",
    "html_command": "html", "fetch": "fetch",
}  # fmt: skip


def _needs(old: str) -> None:
    if old == "coauthor.spark.cli":
        pytest.importorskip("pyspark", reason="coauthor.spark.cli imports pyspark (pip install 'coauthor[spark]')")


@pytest.mark.parametrize("old", sorted(OLD_MODULES))
def test_old_module_path_imports_as_the_new_code(old: str) -> None:
    _needs(old)
    new, listed = OLD_MODULES[old]
    names = listed.split()
    old_module, new_module = importlib.import_module(old), importlib.import_module(new)
    if old not in PACKAGES:
        assert old_module is new_module
        assert old_module.__spec__.name == new  # importing under the old name leaves the module its own spec
        assert sys.modules[old] is new_module
    for name in names:
        assert getattr(old_module, name) is getattr(new_module, name), f"{old}.{name}"


@pytest.mark.parametrize("old", sorted(OLD_MODULES))
def test_old_names_import_with_from(old: str) -> None:
    """``from <old> import <name>`` (what callers wrote) gives the new object."""
    _needs(old)
    new, listed = OLD_MODULES[old]
    names = listed.split()
    scope: dict[str, object] = {}
    exec(f"from {old} import {', '.join(names)}", scope)
    new_module = importlib.import_module(new)
    assert [scope[n] is getattr(new_module, n) for n in names] == [True] * len(names)


def test_old_commands_are_the_commands_of_main() -> None:
    from coauthor.cli import main

    assert sorted(main.commands) == sorted(OLD_COMMANDS.values())
    for function, command in OLD_COMMANDS.items():
        assert main.commands[command].callback.__name__ in (function, f"{function.removesuffix('_command')}")


def test_names_moved_out_of_a_package_still_import() -> None:
    from coauthor.exporters import graph_for_export
    from coauthor.pipeline import graph_for_export as new

    assert graph_for_export is new
    with pytest.raises(ImportError, match="cannot import name 'nothing'"):
        from coauthor.exporters import nothing  # noqa: F401


def test_patching_an_old_path_patches_the_code_that_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The way tests patch: by the old dotted path; the new module sees it."""
    from coauthor.names import resolve as new_resolve

    monkeypatch.setattr("coauthor.resolve.RESOLVE_MODES", ("only",))
    assert new_resolve.RESOLVE_MODES == ("only",)


def test_old_paths_import_in_a_fresh_interpreter() -> None:
    """Before anything else is imported (no import order to lean on), the
    way a user's script starts."""
    code = "import coauthor.resolve, coauthor.filters, coauthor.html; from coauthor.export import write_table; " \
           "import coauthor.names.resolve as n, coauthor.graph.filters as f; " \
           "assert coauthor.resolve is n and coauthor.filters is f; print('ok')"  # fmt: skip
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (run.returncode, run.stdout, run.stderr) == (0, "ok\n", "")
