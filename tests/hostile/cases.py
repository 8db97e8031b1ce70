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
TEST_DATA = Path(__file__).resolve().parents[1] / "data"

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
    exit: int | tuple[int, ...] = 1
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


def gzip_file(name: str, data: bytes, module: str = "gzip") -> Make:
    """``data`` compressed with ``module`` (gzip, bz2, lzma)."""
    import bz2
    import gzip
    import lzma

    compress = {"gzip": gzip.compress, "bz2": bz2.compress, "lzma": lzma.compress}[module]
    return lambda folder: bytes_file(name, compress(data))(folder)


def fifo(name: str) -> Make:
    def make(folder: Path) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(folder / name)

    return make


def symlink(name: str, to: str) -> Make:
    def make(folder: Path) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).symlink_to(to)

    return make


def sample(relative: str) -> bytes:
    """A valid file of the test data, to build hostile variants on."""
    return (TEST_DATA / relative).read_bytes()


def macro_bomb() -> str:
    """BibTeX macros each ten times the last: 10**10 characters if expanded."""
    text, last = '@string{m0 = "xxxxxxxxxx"}\n', "m0"
    for level in range(1, 10):
        text += f"@string{{m{level} = {' # '.join([last] * 10)}}}\n"
        last = f"m{level}"
    return text + f"@article{{k, author={{Ann Lee and Bo Chen}}, title={last}, year=2020}}\n"


def billion_laughs() -> str:
    lol = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE dblp [{lol}]>\n<dblp><article key="a/b">'
        "<author>Ann Lee</author><author>Bo Chen</author><title>&l9;</title><year>2020</year></article></dblp>\n"
    )


def xxe() -> str:
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE dblp [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<dblp>'
        '<article key="a/b"><author>Ann Lee</author><author>Bo &x;</author><title>T</title>'
        "<year>2020</year></article></dblp>\n"
    )


def no_text_of(name: str, secret: str) -> Callable[[Path], None]:
    """A check: file ``name`` of the case does not hold ``secret``."""

    def check(folder: Path) -> None:
        assert secret not in (folder / name).read_text(encoding="utf-8")

    return check


def valid_outputs(*names: str) -> Callable[[Path], None]:
    """A check: each file is valid UTF-8 and, for .graphml/.gexf, XML 1.0
    that networkx reads."""

    def check(folder: Path) -> None:
        import networkx as nx

        for name in names:
            text = (folder / name).read_bytes().decode("utf-8")  # raises on a lone surrogate
            assert "\x0b" not in text and "\x00" not in text
            if name.endswith(".graphml"):
                assert nx.read_graphml(folder / name).number_of_nodes() > 0
            if name.endswith(".gexf"):
                assert nx.read_gexf(folder / name).number_of_nodes() > 0

    return check


def foreign_graph(
    name: str, writer: str = "networkx", weight: tuple[str, str] | None = None, directed: bool = False
) -> Make:
    """Zachary's karate club as another program writes it: networkx (nodes
    with ``label``) or igraph (``name``), edges with ``weight``; ``weight``
    replaces the first weight text ``old`` by ``new``."""

    def make(folder: Path) -> None:
        import igraph
        import networkx as nx

        path = folder / name
        if writer == "igraph":
            g = igraph.Graph.Famous("Zachary")
            g.vs["name"] = [f"Person {i}" for i in range(g.vcount())]
            g.es["weight"] = [1.5] * g.ecount()
            g.write_graphml(str(path))
        else:
            karate = nx.karate_club_graph()
            graph = nx.DiGraph() if directed else nx.Graph()
            graph.add_nodes_from((f"n{n}", {"label": f"Person {n}"}) for n in karate)
            graph.add_edges_from((f"n{u}", f"n{v}", {"weight": float(w)}) for u, v, w in karate.edges(data="weight"))
            nx.write_graphml(graph, path)
        if weight is not None:
            old, new = weight
            path.write_text(path.read_text().replace(f">{old}<", f">{new}<", 1))

    return make


def analysed(authors: int) -> Callable[[Path], None]:
    """A check: the analysis of the case holds ``authors`` authors, each named."""

    def check(folder: Path) -> None:
        import pandas as pd

        table = pd.read_csv(folder / "t" / "centrality.csv")
        assert len(table) == authors and table["name"].str.startswith("Person ").all()

    return check


SMALL_CSV = "id,title,year,authors\n1,A study,2020,Ann Lee;Bo Chen;Cy Dee\n2,Another,2021,Ann Lee;Bo Chen\n"
seeds = str(SEEDS)


# --- the cases ------------------------------------------------------------------

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

JUNK = bytes(range(256)) * 64
#: Text junk (valid UTF-8): quotes, separators, braces, tags, controls, far code points.
JUNK_TEXT = ('",;\t{}[]<>&@%#\\\x0b\x1b\u00e9\u4e2d\U0001f600 \n' * 300).encode()
CROSSREF_HOSTILE = (
    '{"DOI": "10.1/x", "member": "1", "title": ["T\\u000b itle"], "issued": {"date-parts": [[2020]]}, '
    '"author": [{"given": "Ann\\ud800", "family": "Lee\\u0001", "sequence": "first"}, '
    '{"given": "Bo", "family": "Chen", "sequence": "additional"}]}\n'
)
OPENALEX_LINE = sample("json/ugly.openalex.jsonl").decode().splitlines()[0]
LONG_BIB = (
    "@article{k, author={"
    + "A" * 100_000
    + " Lee and Bo Chen and Cy Dee}, title={"
    + "T " * 500_000
    + "}, year=2020}\n@article{k2, author={Bo Chen and Cy Dee}, title={U}, year=2021}\n"
)
BIB_NAMES = (
    "@article{a, author={Ann Lee and Bo Chen}, title={T}, year=2020}\n"
    "@article{b, author={Ann Lee and Cy Dee}, title={U}, year=99999}\n"
)
ZEROS = b"id,title,year,authors\n" + b"0" * (80 << 20)
WARNED = r"warning \d+: "

READER_CASES = [
    Case(
        "bib-macro-bomb",
        ["inspect", "b.bib"],
        text_file("b.bib", macro_bomb()),
        error=r"^Error: b\.bib:\d+: @string m\d expands past 1,048,576 characters",
    ),
    Case(
        "bib-long-title-and-names-report",
        ["report", "b.bib", "-q", "-o", "rep"],
        text_file("b.bib", LONG_BIB),
        exit=0,
        left=("rep", "rep/*"),
    ),
    Case("bib-binary-junk", ["inspect", "b.bib"], bytes_file("b.bib", b"@article{k,\n" + JUNK), exit=0),
    Case(
        "bib-unclosed-brace",
        ["inspect", "b.bib"],
        text_file("b.bib", "@article{k, author={Ann Lee and Bo, title={T"),
        exit=0,
    ),
    Case(
        "bib-year-99999",
        ["analyze", "b.bib", "-q", "-o", "t"],
        text_file("b.bib", BIB_NAMES),
        exit=0,
        left=("t", "t/*.csv"),
    ),
    Case(
        "ris-control-chars",
        ["graph", "r.ris", "-q", "-o", "g.graphml"],
        text_file("r.ris", "TY  - JOUR\nAU  - Lee,\x0b Ann\x01\nAU  - Chen, Bo\nTI  - T\x1b[31m\nPY  - 2020\nER  - \n"),
        exit=0,
        left=("g.graphml",),
        check=valid_outputs("g.graphml"),
    ),
    Case(
        "ris-huge-name",
        ["records", "r.ris", "-o", "r.jsonl"],
        text_file("r.ris", "TY  - JOUR\nAU  - " + "Lee" * 200_000 + ", Ann\nAU  - Chen, Bo\nTI  - T\nER  - \n"),
        exit=0,
        left=("r.jsonl",),
        check=valid_outputs("r.jsonl"),
    ),
    Case(
        "ris-junk",
        ["inspect", "--input-format", "ris", "r.ris"],
        bytes_file("r.ris", b"TY  - JOUR\n" + JUNK),
        exit=(0, 1),
        error=r"^Error: r\.ris:\d+: ",
    ),
    Case(
        "csv-invalid-utf8",
        ["records", "p.csv", "-o", "r.jsonl"],
        bytes_file("p.csv", b"id,title,year,authors\n1,T\xed\xa0\x80,2020,Ann\xff Lee;Bo Chen\n"),
        exit=(0, 1),
        error=r"^Error: p\.csv:2: ",
        left=("r.jsonl",),
    ),
    Case(
        "csv-nul-bytes",
        ["inspect", "p.csv"],
        bytes_file("p.csv", b"id,title,year,authors\n1,T\x00,2020,A\x00 Lee;B\n"),
        exit=0,
    ),
    Case(
        "csv-huge-field",
        ["inspect", "p.csv"],
        text_file("p.csv", "id,title,year,authors\n1," + "T" * (1 << 21) + ",2020,Ann Lee;Bo Chen\n2,U,2021,Ann Lee\n"),
        exit=0,
    ),
    Case(
        "csv-one-huge-line",
        ["inspect", "p.csv"],
        bytes_file("p.csv", b"id,title,year,authors," + b"a" * (8 << 20)),
        error=r"^Error: p\.csv",
    ),
    Case("scopus-junk-rows", ["inspect", "s.csv"], bytes_file("s.csv", sample("csv/scopus.csv") + JUNK_TEXT), exit=0),
    Case("wos-truncated", ["inspect", "w.txt"], bytes_file("w.txt", sample("wos/savedrecs_plain.txt")[:700]), exit=0),
    Case(
        "crossref-surrogates",
        ["graph", "c.json", "-q", "-o", "g.graphml"],
        text_file("c.json", CROSSREF_HOSTILE),
        exit=0,
        left=("g.graphml",),
        check=valid_outputs("g.graphml"),
    ),
    Case(
        "crossref-surrogates-records",
        ["records", "c.json", "-o", "r.jsonl"],
        text_file("c.json", CROSSREF_HOSTILE),
        exit=0,
        left=("r.jsonl",),
        check=valid_outputs("r.jsonl"),
    ),
    Case(
        "crossref-surrogates-report",
        ["report", "c.json", "-q", "-o", "rep"],
        text_file("c.json", CROSSREF_HOSTILE),
        exit=0,
        left=("rep", "rep/*"),
        check=valid_outputs("rep/graph.graphml", "rep/graph.gexf", "rep/index.html"),
    ),
    Case(
        "openalex-deep-nesting",
        ["inspect", "--input-format", "openalex", "o.json"],
        text_file("o.json", '[{"id": "W1", "authorships": ' + "[" * 200_000 + "]" * 200_000 + "}]"),
        exit=(0, 1),
        error=r"^Error: o\.json",
    ),
    Case(
        "openalex-junk-lines",
        ["inspect", "o.jsonl"],
        bytes_file("o.jsonl", OPENALEX_LINE.encode() + b"\n" + JUNK_TEXT),
        exit=(0, 1),
        error=r"^Error: o\.jsonl:",
    ),
    Case(
        "openalex-wrong-types",
        ["records", "o.jsonl"],
        text_file(
            "o.jsonl",
            OPENALEX_LINE
            + "\n"
            + OPENALEX_LINE.replace('"publication_year": 2015', '"publication_year": [1e400]').replace(
                "W4000000005", "W4000000006"
            )
            + "\n",
        ),
        exit=0,
    ),
    Case(
        "csl-huge-year",
        ["records", "c.json"],
        text_file(
            "c.json",
            '[{"id": "a", "type": "article", "title": "T", "author": [{"family": "Lee", "given": "Ann"},'
            ' {"family": "Chen", "given": "Bo"}], "issued": {"date-parts": [[1e400, 99, -4]]}}]',
        ),
        exit=0,
    ),
    Case(
        "arxiv-wrong-types",
        ["inspect", "a.jsonl"],
        text_file(
            "a.jsonl",
            '{"id": "1", "authors": "x", "title": "T", "versions": [], "authors_parsed": '
            '[[1, null], {"a": 1}, "Lee", [["x"]]]}\n',
        ),
        exit=0,
    ),
    Case("dblp-billion-laughs", ["inspect", "d.xml"], text_file("d.xml", billion_laughs()), exit=0),
    Case(
        "dblp-external-entity",
        ["records", "d.xml", "-o", "r.jsonl"],
        text_file("d.xml", xxe()),
        exit=0,
        left=("r.jsonl",),
        check=no_text_of("r.jsonl", "root:"),
    ),
    Case("dblp-truncated", ["inspect", "d.xml"], bytes_file("d.xml", sample("dblp/dblp_sample.xml")[:900]), exit=0),
    Case(
        "profile-control-chars",
        ["records", "p.txt", "-o", "r.jsonl"],
        bytes_file("p.txt", sample("profile/blocks_hard.txt").replace(b"\n", b"\x0b\n", 5)),
        exit=0,
        left=("r.jsonl",),
        check=valid_outputs("r.jsonl"),
    ),
    Case(
        "gzip-bomb",
        ["inspect", "p.csv.gz"],
        gzip_file("p.csv.gz", ZEROS),
        error=r"^Error: p\.csv\.gz: decompresses more than 200 times its size",
    ),
    Case(
        "bz2-bomb",
        ["inspect", "p.csv.bz2"],
        gzip_file("p.csv.bz2", ZEROS, "bz2"),
        error=r"^Error: p\.csv\.bz2: decompresses more than 200 times its size",
    ),
    Case(
        "xz-bomb",
        ["inspect", "p.csv.xz"],
        gzip_file("p.csv.xz", ZEROS, "lzma"),
        error=r"^Error: p\.csv\.xz: decompresses more than 200 times its size",
    ),
    Case(
        "gzip-size-limit",
        ["inspect", "--limit", "decompressed=1000", "p.csv.gz"],
        gzip_file("p.csv.gz", SMALL_CSV.encode() * 100),
        error=r"^Error: p\.csv\.gz: decompresses to more than 1,000",
    ),
    Case(
        "gzip-truncated",
        ["inspect", "p.csv.gz"],
        lambda f: (
            gzip_file("p.csv.gz", JUNK_TEXT + SMALL_CSV.encode())(f)
            or (f / "p.csv.gz").write_bytes((f / "p.csv.gz").read_bytes()[:-40])
        ),
        error=r"^Error: p\.csv\.gz",
    ),
    Case(
        "gzip-garbage",
        ["inspect", "p.csv.gz"],
        bytes_file("p.csv.gz", b"\x1f\x8b\x08\x00" + JUNK),
        error=r"^Error: p\.csv\.gz: cannot decompress",
    ),
    Case("empty-file", ["inspect", "e.csv"], a_file("e.csv"), error=r"^Error: e\.csv: empty file$"),
    Case("nul-file", ["inspect", "n.bib"], bytes_file("n.bib", b"\x00" * 100_000), error=r"^Error: n\.bib:1: unknown"),
    Case(
        "abstracts-only",
        ["graph", "a.txt", "-q", "-o", "g.graphml"],
        text_file("a.txt", "Abstract: a\nAbstract: b\n"),
        error=r"^Error: a\.txt: no paper with authors",
    ),
]

INPUT_CASES = [
    Case("fifo-explicit", ["inspect", "f"], fifo("f"), error=r"^Error: f: not a regular file"),
    Case("fifo-in-folder", ["inspect", "d"], both(fifo("d/f"), text_file("d/p.csv", SMALL_CSV)), exit=0),
    Case("dev-zero", ["inspect", "/dev/zero"], error=r"^Error: /dev/zero: not a regular file"),
    Case(
        "symlink-loop-explicit",
        ["inspect", "a"],
        both(symlink("a", "b"), symlink("b", "a")),
        exit=2,
        error=r"^Error: .*'a'",
    ),
    Case(
        "symlink-loop-in-folder",
        ["inspect", "d"],
        both(symlink("d/a", "b"), symlink("d/b", "a"), text_file("d/p.csv", SMALL_CSV)),
        exit=0,
    ),
    Case(
        "fifo-focus-list",
        ["graph", seeds, "-q", "-o", "g.graphml", "--focus", "f"],
        fifo("f"),
        error=r"^Error: f: cannot read the focus list \(not a regular file",
    ),
    Case(
        "fifo-alias-file",
        ["names", seeds, "--aliases", "f"],
        fifo("f"),
        error=r"^Error: f: cannot read the alias file \(not a regular file",
    ),
    Case(
        "folder-link-to-parent",
        ["inspect", "d"],
        both(symlink("d/sub/up", ".."), text_file("d/p.csv", SMALL_CSV)),
        exit=0,
    ),
]

OPTION_CASES = [
    Case("opt-seed-negative", ["graph", seeds, "-o", "g.graphml", "--seed", "-7"], exit=2, error=r"'--seed'"),
    Case("opt-seed-huge", ["analyze", seeds, "-o", "t", "--seed", str(2**40)], exit=2, error=r"'--seed'"),
    Case(
        "opt-resolution-negative",
        ["graph", seeds, "-o", "g.graphml", "--resolution", "-1"],
        exit=2,
        error=r"'--resolution'",
    ),
    Case(
        "opt-resolution-nan",
        ["graph", seeds, "-o", "g.graphml", "--resolution", "nan"],
        exit=2,
        error=r"'--resolution'",
    ),
    Case(
        "opt-min-weight-nan",
        ["graph", seeds, "-o", "g.graphml", "--min-weight", "nan"],
        exit=2,
        error=r"'--min-weight'",
    ),
    Case("opt-undated-year", ["inspect", seeds, "--undated-year", "99999"], exit=2, error=r"'--undated-year'"),
    Case("opt-slice-zero", ["analyze", seeds, "-o", "t", "--slice", "0y"], error=r"--slice"),
    Case("opt-years-reversed", ["graph", seeds, "-o", "g.graphml", "--years", "2020-1990"], error=r"--years"),
    Case("opt-limit-unknown", ["inspect", seeds, "--limit", "bogus=3"], error=r"^Error: --limit bogus=3"),
    Case("opt-limit-not-a-number", ["inspect", seeds, "--limit", "name=-1"], error=r"^Error: --limit name=-1"),
    Case(
        "opt-hops-negative",
        ["graph", seeds, "-o", "g.graphml", "--ego", "Li Shen", "--hops", "-1"],
        exit=2,
        error=r"'--hops'",
    ),
    Case("opt-sensitivity-seed", ["sensitivity", seeds, "--seed", "-1"], exit=2, error=r"'--seed'"),
    Case(
        "opt-max-nodes-zero",
        ["plot", "network", seeds, "-o", "n.png", "--max-nodes", "0"],
        exit=2,
        error=r"'--max-nodes'",
    ),
    Case(
        "opt-fetch-since",
        ["fetch", "openalex", "--author", "A1", "-o", "x.jsonl", "--since", "-4"],
        exit=2,
        error=r"'--since'",
    ),
    Case(
        "opt-fetch-timeout-nan",
        ["fetch", "openalex", "--author", "A1", "-o", "x.jsonl", "--timeout", "nan"],
        exit=2,
        error=r"'--timeout'",
    ),
]
GRAPH_CASES = [
    Case(
        "graph-networkx-labels",
        ["analyze", "g.graphml", "-q", "-o", "t"],
        foreign_graph("g.graphml"),
        exit=0,
        left=("t", "t/*.csv"),
        check=analysed(34),
    ),
    Case(
        "graph-igraph-names",
        ["analyze", "g.graphml", "-q", "-o", "t"],
        foreign_graph("g.graphml", "igraph"),
        exit=0,
        left=("t", "t/*.csv"),
        check=analysed(34),
    ),
    Case(
        "graph-string-weight",
        ["analyze", "g.graphml", "-q", "-o", "t"],
        foreign_graph("g.graphml", weight=("4.0", "heavy")),
        error=r"^Error: g\.graphml:\d+: weight 'heavy' is not a number",
    ),
    Case(
        "graph-nan-weight",
        ["analyze", "g.graphml", "-q", "-o", "t"],
        foreign_graph("g.graphml", weight=("4.0", "NaN")),
        error=r"^Error: g\.graphml:\d+: edge weight nan is not a finite number >= 0$",
    ),
    Case(
        "graph-negative-weight",
        ["graph", "g.graphml", "-q", "-o", "h.graphml"],
        foreign_graph("g.graphml", weight=("4.0", "-2")),
        error=r"^Error: g\.graphml:\d+: edge weight -2\.0 is not a",
    ),
    Case(
        "graph-directed",
        ["analyze", "g.graphml", "-q", "-o", "t"],
        foreign_graph("g.graphml", directed=True),
        error=r"^Error: g\.graphml: a directed graph",
    ),
    Case(
        "graph-no-nodes",
        ["analyze", "g.graphml", "-q", "-o", "t"],
        text_file(
            "g.graphml",
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"/></graphml>',
        ),
        error=r"^Error: g\.graphml: the graph has no nodes",
    ),
    Case(
        "graph-billion-laughs",
        ["analyze", "g.graphml", "-q", "-o", "t"],
        text_file("g.graphml", billion_laughs().replace("dblp", "graphml")),
        error=r"^Error: g\.graphml",
    ),
    Case(
        "graph-min-papers-without-papers",
        ["analyze", "g.graphml", "-q", "-o", "t", "--min-papers", "2"],
        foreign_graph("g.graphml"),
        error=r"^Error: --min-papers needs the papers",
    ),
]

CASES = [*OUTPUT_CASES, *TEXT_CASES, *READER_CASES, *INPUT_CASES, *OPTION_CASES, *GRAPH_CASES]
