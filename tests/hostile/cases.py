"""The hostile cases: files made on the fly, the command run on them, and
what must come of it (exit code, the one error line, the files left).

Every case runs through ``driver.py`` in a forked child; ``test_suite.py``
checks the figures it reports. Files are generated here, never checked in.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import resource
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

Make = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    """One hostile case. ``args``: the coauthor command line, run in the
    case's folder. ``exit``: the exit code it must end with; ``error``: a
    regular expression the single ``Error:`` line must match (None: no error
    expected). ``fault``: an output fault applied to the child before it
    runs (``FAULTS``). ``left``: glob patterns of the files the command may
    add to its folder (relative paths); nothing else may appear."""

    name: str
    args: list[str]
    make: Make = lambda folder: None
    exit: int = 1
    error: str | None = None
    fault: str | None = None
    left: tuple[str, ...] = ()
    check: Callable[[Path], None] | None = field(default=None, compare=False)


def files_under(folder: Path) -> set[str]:
    """Every file and folder under ``folder``, hidden ones too, as relative paths."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def stray(new: set[str], left: tuple[str, ...]) -> set[str]:
    """The paths of ``new`` that no pattern of ``left`` allows (a folder is
    allowed when a pattern allows something inside it)."""

    def allowed(path: str) -> bool:
        return any(fnmatch.fnmatch(path, p) or p.startswith(path + "/") for p in left)

    return {path for path in new if not allowed(path)}


# --- faults, applied in the child just before the command runs ---------------


def _file_size_limit(folder: Path) -> None:
    """Writes past 8 KiB fail with EFBIG, as a full disk fails with ENOSPC."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))


def _immutable_targets(folder: Path) -> None:
    """The final rename onto any target fails as on a ``chattr +i`` file."""
    real = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str], **kwargs: object) -> None:
        if Path(dst).name != ".incomplete":
            raise PermissionError(errno.EPERM, "Operation not permitted", str(dst))
        real(src, dst, **kwargs)  # type: ignore[arg-type]

    os.replace = replace  # type: ignore[assignment]


FAULTS: dict[str, Callable[[Path], None]] = {
    "file-size": _file_size_limit,
    "immutable": _immutable_targets,
}


def apply_fault(name: str | None, folder: Path) -> None:
    """Apply the fault called ``name`` (None: no fault); also caps the
    address space at 4 GiB, so that a runaway case fails instead of taking
    the machine down."""
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    if name is not None:
        FAULTS[name](folder)


# --- helpers to make files ----------------------------------------------------


def text_file(name: str, text: str) -> Make:
    def make(folder: Path) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")

    return make


def bytes_file(name: str, data: bytes) -> Make:
    def make(folder: Path) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)

    return make


def both(*makers: Make) -> Make:
    def make(folder: Path) -> None:
        for maker in makers:
            maker(folder)

    return make


def a_file(name: str) -> Make:
    """An empty file called ``name`` (where a folder is expected)."""
    return bytes_file(name, b"")


SMALL_CSV = "id,title,year,authors\n1,A study,2020,Ann Lee;Bo Chen;Cy Dee\n2,Another,2021,Ann Lee;Bo Chen\n"
seeds = str(SEEDS)


# --- the cases ------------------------------------------------------------------

# fmt: off  (one case a line or two: the tables read better than one argument a line)
WRITE_FAILED = r"(File too large|No space left on device)"
REPORT_INCOMPLETE = ("rep", "rep/.incomplete", "rep/*.csv", "rep/*.graphml", "rep/figures", "rep/figures/*.png")

OUTPUT_CASES = [
    Case("out-proc", ["graph", seeds, "-q", "-o", "/proc/x.graphml"], error=r"^Error: cannot write /proc/x\.graphml: "),
    Case(
        "out-parent-is-file",
        ["graph", seeds, "-q", "-o", "afile/g.graphml"],
        a_file("afile"),
        error=r"^Error: cannot write afile/g\.graphml: afile is a file, not a folder$",
    ),
    Case(
        "out-records-parent-is-file",
        ["records", seeds, "-o", "afile/r.jsonl"],
        a_file("afile"),
        error=r"^Error: cannot write afile/r\.jsonl: afile is a file, not a folder$",
    ),
    Case(
        "out-analyze-proc", ["analyze", seeds, "-q", "-o", "/proc/tables"], error=r"^Error: cannot write /proc/tables: "
    ),
    Case(
        "out-report-figures-is-file",
        ["report", "p.csv", "-q", "-o", "rep"],
        both(text_file("p.csv", SMALL_CSV), a_file("rep/figures")),
        error=r"^Error: cannot write rep/figures/network\.png: rep/figures is a file, not a folder$",
        left=("rep/.incomplete", "rep/*.csv", "rep/graph.graphml"),
    ),
    Case(
        "out-graph-full",
        ["graph", seeds, "-q", "-o", "g.graphml"],
        fault="file-size",
        error=rf"^Error: cannot write g\.graphml: {WRITE_FAILED}$",
    ),
    Case(
        "out-records-full",
        ["records", seeds, "-o", "r.jsonl"],
        fault="file-size",
        error=rf"^Error: cannot write r\.jsonl: {WRITE_FAILED}$",
    ),
    Case(
        "out-names-full",
        ["names", seeds, "-o", "n.csv"],
        fault="file-size",
        error=rf"^Error: cannot write n\.csv: {WRITE_FAILED}$",
    ),
    Case(
        "out-report-full",
        ["report", seeds, "-q", "-o", "rep"],
        fault="file-size",
        error=rf"^Error: cannot write rep/\S+: {WRITE_FAILED}$",
        left=REPORT_INCOMPLETE,
    ),
    Case(
        "out-export-full",
        ["export", seeds, "-q", "-o", "g.gexf"],
        fault="file-size",
        error=rf"^Error: cannot write g\.gexf: {WRITE_FAILED}$",
    ),
    Case(
        "out-graph-immutable",
        ["graph", "p.csv", "-q", "-o", "g.graphml"],
        both(text_file("p.csv", SMALL_CSV), text_file("g.graphml", "old")),
        fault="immutable",
        error=r"^Error: cannot write g\.graphml: Operation not permitted$",
    ),
    Case(
        "out-plot-immutable",
        ["plot", "network", "p.csv", "-q", "-o", "n.png"],
        text_file("p.csv", SMALL_CSV),
        fault="immutable",
        error=r"^Error: cannot write n\.png: Operation not permitted$",
    ),
    Case(
        "out-html-immutable",
        ["html", "p.csv", "-q", "-o", "m.html"],
        text_file("p.csv", SMALL_CSV),
        fault="immutable",
        error=r"^Error: cannot write m\.html: Operation not permitted$",
    ),
    Case(
        "out-report-immutable",
        ["report", "p.csv", "-q", "-o", "rep"],
        text_file("p.csv", SMALL_CSV),
        fault="immutable",
        error=r"^Error: cannot write rep/graph\.graphml: Operation not permitted$",
        left=("rep/.incomplete",),
    ),
]

MATHTEXT = (
    "id,title,year,authors\n1,On $\\frac{a}$,2020,A $\\foo{x}$ B;Carl Dee;Eve $x$ Ff\n"
    "2,U,2021,A $\\foo{x}$ B;Carl Dee\n"
)

TEXT_CASES = [
    Case(
        "mathtext-names-report",
        ["report", "$\\bad$.csv", "-q", "-o", "rep"],
        text_file("$\\bad$.csv", MATHTEXT),
        exit=0,
        left=("rep", "rep/*"),
    ),
    Case(
        "mathtext-ego",
        ["plot", "ego", "m.csv", "-q", "-o", "e.svg", "--author", "A $\\foo{x}$ B"],
        text_file("m.csv", MATHTEXT),
        exit=0,
        left=("e.svg",),
    ),
]

# fmt: on

CASES = [*OUTPUT_CASES, *TEXT_CASES]
