"""The main job: records in, graph, tables, figures, map and index page out,
in one folder (:mod:`~coauthor.report.make`, re-exported here; the front
page is :mod:`~coauthor.report.index`)."""

from coauthor.report.make import (
    ANALYSIS_FILES,
    DEFAULT_EXPORTS,
    OLD_TABLE_NAMES,
    REPORT_FILES,
    REPORT_TABLES,
    analyze,
    make_report,
    write_analysis,
)

__all__ = [
    "ANALYSIS_FILES",
    "DEFAULT_EXPORTS",
    "OLD_TABLE_NAMES",
    "REPORT_FILES",
    "REPORT_TABLES",
    "analyze",
    "make_report",
    "write_analysis",
]
