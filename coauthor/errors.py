"""The one exception family coauthor raises for known failures.

The CLI turns every :class:`CoauthorError` into a one-line ``Error: ...``
message and a non-zero exit; library users catch it like any exception.
"""

from __future__ import annotations


class CoauthorError(Exception):
    """Base class of every error coauthor reports to the user.

    Catch it to handle every known failure at once; the CLI prints it as
    one line, ``Error: <message>``, and exits with status 1.

    Parameters
    ----------
    message : str
        What went wrong, where, and how to fix it when that is known.

    Examples
    --------
    >>> import coauthor
    >>> try:
    ...     coauthor.read_inputs(["no/such/folder"])
    ... except coauthor.CoauthorError as error:
    ...     print(error)
    no/such/folder: no such file or folder
    """


class InputError(CoauthorError):
    """An input file cannot be read: missing, empty, unknown format, broken.

    The message names the file (and the line when known) and the reason,
    e.g. ``seeds/x.txt:12: meta line not understood``.

    Parameters
    ----------
    where : str
        The file, or ``file:line``; kept as ``where``.
    reason : str
        Why it cannot be read; kept as ``reason``.

    Examples
    --------
    >>> error = InputError("refs.bib:12", "unbalanced braces")
    >>> str(error), error.where, isinstance(error, CoauthorError)
    ('refs.bib:12: unbalanced braces', 'refs.bib:12', True)
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class OptionError(CoauthorError):
    """An option value that the library cannot use (bad range, unknown name).

    Parameters
    ----------
    message : str
        The value, why it cannot be used and the values that can.
    option : str, optional
        The parameter the message is about (``years``, ``min_papers``):
        the message then starts with it, and the CLI names its own option
        instead (``--years``); kept as ``option``, the rest as ``message``.

    Examples
    --------
    >>> OptionError("'2030-2020': the first year is after the last", option="years").args[0]
    "years '2030-2020': the first year is after the last"
    >>> import networkx as nx
    >>> from coauthor import communities
    >>> communities(nx.path_graph(3), method="astrology")
    Traceback (most recent call last):
    coauthor.errors.OptionError: unknown community method 'astrology' (use one of: leiden, ...)
    """

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(f"{option} {message}" if option else message)
        self.message = message
        self.option = option


class OutputError(CoauthorError):
    """An output cannot be written: full disk, no permission, a parent that
    is a file. The message names the target and the reason, e.g.
    ``cannot write report/graph.graphml: No space left on device``.

    Parameters
    ----------
    where : str
        The file or folder that cannot be written; kept as ``where``.
    reason : str
        Why (the operating system's words); kept as ``reason``.

    Examples
    --------
    >>> error = OutputError("report/graph.graphml", "No space left on device")
    >>> str(error), error.reason
    ('cannot write report/graph.graphml: No space left on device', 'No space left on device')
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"cannot write {where}: {reason}")
        self.where = where
        self.reason = reason
