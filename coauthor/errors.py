"""The one exception family coauthor raises for known failures.

The CLI turns every :class:`CoauthorError` into a one-line ``Error: ...``
message and a non-zero exit; library users catch it like any exception.
"""

from __future__ import annotations


class CoauthorError(Exception):
    """Base class of every error coauthor reports to the user."""


class InputError(CoauthorError):
    """An input file cannot be read: missing, empty, unknown format, broken.

    The message names the file (and the line when known) and the reason,
    e.g. ``seeds/x.txt:12: meta line not understood``.
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class OptionError(CoauthorError):
    """An option value that the library cannot use (bad range, unknown name)."""


class OutputError(CoauthorError):
    """An output cannot be written: full disk, no permission, a parent that
    is a file. The message names the target and the reason, e.g.
    ``cannot write report/graph.graphml: No space left on device``.
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"cannot write {where}: {reason}")
        self.where = where
        self.reason = reason
