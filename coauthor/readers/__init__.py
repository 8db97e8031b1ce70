"""Input formats: one registry that sniffing and the CLI's help both read, and
:func:`read_inputs`, which reads files or folders and accounts for every record.

>>> FORMATS["profile"].description
'author-profile pages of a paper aggregator (three-line or block layout)'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from coauthor.errors import InputError, OptionError
from coauthor.names.parse import LIST_CUT, NOBODY, author_kind
from coauthor.readers import (
    abstracts,
    arxiv,
    bibtex,
    crossref,
    csljson,
    dblp,
    medline,
    openalex,
    profile,
    ris,
    scopus,
    table,
    wos,
    zotero,
)
from coauthor.readers.base import (
    Format,
    ReadOptions,
    decoding,
    input_kind,
    note_encoding,
    read_head,
    reading_limits,
    watch_reading,
)
from coauthor.readers.duplicates import Duplicates, duplicate_keys, merge_into
from coauthor.readers.limits import Limits, clean_paper
from coauthor.records import Paper, ReadReport, fold_text, sharing_text

__all__ = ["FORMATS", "Format", "ReadOptions", "detect_format", "expand_inputs", "read_inputs"]

#: The registry: one entry per reader module (its ``FORMAT``), tried in this
#: order when sniffing. The CLI's help and ``--format`` read it.
FORMATS: dict[str, Format] = {
    module.FORMAT.name: module.FORMAT
    for module in (
        bibtex,
        openalex,
        arxiv,
        crossref,
        csljson,
        ris,
        scopus,
        wos,
        medline,
        table,
        dblp,
        zotero,
        abstracts,
        profile,
    )
}


def detect_format(path: Path) -> Format:
    """The format of ``path``, from its first bytes; InputError if none fits."""
    head = read_head(path)
    if not head.strip():
        raise InputError(str(path), "empty file")
    for fmt in FORMATS.values():
        if fmt.sniff(head):
            return fmt
    known = ", ".join(FORMATS)
    raise InputError(f"{path}:1", f"unknown input format (coauthor reads: {known})")


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> list[tuple[Path, bool]]:
    """Files as given (``True``: named explicitly); folders replaced by their
    files (recursive, sorted, hidden files left out; ``False``). Symbolic
    links to folders are not followed inside a folder (no loop can be met);
    entries of a folder that are not regular files (FIFOs, sockets, links
    that lead nowhere or in a loop) are listed, for :func:`read_inputs` to
    report as not read. InputError for an input that is neither a regular
    file nor a folder (a FIFO would block the read for ever)."""
    paths: list[tuple[Path, bool]] = []
    for item in inputs:
        path = Path(item)
        kind = input_kind(path)
        if kind == "folder":
            files = sorted(
                p
                for p in path.rglob("*")
                if input_kind(p) != "folder" and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                raise InputError(str(path), "folder holds no files")
            paths.extend((f, False) for f in files)
        elif kind == "file":
            paths.append((path, True))
        else:
            raise InputError(str(path), kind)
    return paths


UNRECOGNISED = "unrecognised"


def unrecognised_report(path: Path, error: InputError) -> ReadReport:
    """The report of a file met in a folder that no reader recognises: it is
    listed (format ``unrecognised``, nothing read) with the reason, not fatal."""
    report = ReadReport(file=str(path), format=UNRECOGNISED)
    report.errors.append((error.where, f"not read: {error.reason}"))
    return report


def read_inputs(
    inputs: Iterable[str | os.PathLike[str]],
    options: ReadOptions | None = None,
    fmt: str | None = None,
) -> tuple[list[Paper], list[ReadReport]]:
    """Read every input and account for every record.

    Each file's format is found from its content (or forced with ``fmt``)
    and its records read into papers. Authors that name nobody
    (``Anonymous``, ``et al.``: see :func:`coauthor.names.author_kind`) are
    left out of their paper, each counted in the report's warnings; a paper
    left without authors is skipped ("no authors"). Duplicates
    (:mod:`coauthor.readers.duplicates`: the same database id, else DOI,
    else folded title, year and first author's family name; never two DOIs
    or two ids of one database) are merged into the first paper read;
    author-less entries whose abstract matches a paper's are linked to it
    (merged); other author-less entries are skipped. A file met inside a
    folder that no reader recognises gets a report of format
    ``unrecognised`` saying why it was not read (so does an entry of a
    folder that is not a regular file). Each file's text is decoded in
    ``options.encoding`` or else the encoding detected from its bytes; the
    report names it, with a warning when it was guessed (not UTF-8). Every
    paper read is made safe for the writers and cut to ``options.limits``
    (:func:`~coauthor.readers.limits.clean_paper`). Paper ids are made
    unique (a second paper with a taken id gets ``~2``, ``~3``...).

    Parameters
    ----------
    inputs : iterable of str or os.PathLike
        Files, or folders (every file inside, recursively, sorted; hidden
        files left out). Gzip, bzip2 and xz files are decompressed.
    options : ReadOptions, optional
        How to read (see :class:`ReadOptions`). ``options.progress(done,
        total, path)``, when set, says how many bytes of the input files
        (as stored on disk: compressed bytes for compressed files) have
        been read, at the start of each file, while it is read (at most
        every MiB or 0.1 s) and once at the end; the CLI draws its
        progress bar with it.
    fmt : str, optional
        Read every input as this format (a key of :data:`FORMATS`) instead
        of detecting it.

    Returns
    -------
    papers : list of Paper
        The papers used, in reading order.
    reports : list of ReadReport
        One per file, in reading order: for each, ``read == used + merged +
        sum(skipped.values())``.

    Raises
    ------
    InputError
        For a file named in ``inputs`` that is missing, empty, not a regular
        file, of no known format or not of the format ``fmt``, for a folder
        that holds no files, for a record that breaks the format beyond
        skipping, or for an input past ``options.limits`` (such as a
        compression bomb).
    OptionError
        For a ``fmt`` that is not a known format.

    Examples
    --------
    Three BibTeX entries, the third the first one again (its DOI differs
    only in case):

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "refs.bib").write_text(
    ...     "@article{a, author = {Lee, Ann and Chen, Bo}, title = {Graphs}, year = 2020, doi = {10.1/x}}\\n"
    ...     "@article{b, author = {Ann Lee and Cy Diaz}, title = {Trees}, year = 2021}\\n"
    ...     "@article{c, author = {Lee, A. and Chen, B.}, title = {Graphs}, year = 2020, doi = {10.1/X}}\\n")
    >>> papers, reports = read_inputs([folder])
    >>> [paper.id for paper in papers], papers[0].authors
    (['a', 'b'], ['Lee, Ann', 'Chen, Bo'])
    >>> report = reports[0]
    >>> report.format, report.read, report.used, report.merged
    ('bibtex', 3, 2, 1)
    >>> read_inputs([folder / "missing.bib"])
    Traceback (most recent call last):
    coauthor.errors.InputError: ...missing.bib: no such file or folder
    """
    options = options or ReadOptions()
    forced = _format_named(fmt) if fmt else None
    intake = Intake(options)
    reports: list[ReadReport] = []
    files = expand_inputs(inputs)
    progress = _ByteProgress(options.progress, [path for path, _ in files])
    shared: dict[str, str] = {}  # one object per repeated name, venue... across the files
    for path, explicit in files:
        progress.start(path)
        reports.append(read_file(path, explicit, options, forced, intake.take, shared, progress.watching))
    progress.finish()
    return intake.finish(), reports


def read_file(
    path: Path,
    explicit: bool,
    options: ReadOptions,
    forced: Format | None,
    take: Callable[[Iterable[Paper], ReadReport], None],
    shared: dict[str, str] | None = None,
    watching: Callable[[Path], AbstractContextManager[None]] | None = None,
) -> ReadReport:
    """Read one file of :func:`read_inputs` (``explicit``: named, not met
    in a folder) and hand its papers and report to ``take``; returns the
    report (format ``unrecognised`` for a folder's file no reader reads).
    The Spark engine runs it on the executors, one file per task."""
    with reading_limits(options.limits), decoding(path, options.encoding) as text:
        try:
            if not explicit and input_kind(path) != "file":
                raise InputError(str(path), input_kind(path))
            reader = _forced_format(path, forced) if forced else detect_format(path)
        except InputError as error:
            if explicit:
                raise
            return unrecognised_report(path, error)
        with (watching or _unwatched)(path), sharing_text({} if shared is None else shared):
            read, report = reader.read(path, options)
        note_encoding(report, text.forced or text.found)
        take(read, report)
    return report


@contextmanager
def _unwatched(path: Path) -> Iterator[None]:
    yield


#: What :func:`prepare` found: a paper to settle, an entry without authors
#: (linked to a paper by its abstract at the end, else skipped), or a skip.
PREPARED, AUTHORLESS, SKIPPED = "prepared", "authorless", "skipped"


def prepare(paper: Paper, report: ReadReport, limits: Limits, nobody: dict[str, bool] | None = None) -> str:
    """The steps of :class:`Intake` that need no other paper: made safe and
    cut to ``limits``, authors that name nobody left out (a paper left
    without any skipped, in ``report``); :data:`PREPARED`,
    :data:`AUTHORLESS` or :data:`SKIPPED`."""
    clean_paper(paper, report, limits)
    if not paper.authors:
        return AUTHORLESS
    if not people_and_organisations(paper, report, nobody):
        report.skip("no authors", paper.source)
        return SKIPPED
    return PREPARED


class Intake:
    """Where every paper read goes, whatever it was read from: made safe
    and cut to the limits, authors that name nobody left out, duplicates
    merged into the first paper, ids made unique, author-less abstracts
    linked to their paper at the end; each counted in its report."""

    def __init__(self, options: ReadOptions) -> None:
        self.limits = options.limits
        self.papers: list[Paper] = []
        self.duplicates = Duplicates()
        self.taken: set[str] = set()
        self.authorless: list[tuple[Paper, ReadReport]] = []
        self.nobody: dict[str, bool] = {}  # per name: names nobody (Anonymous, et al.)

    def take(self, read: Iterable[Paper], report: ReadReport) -> None:
        """Use, merge or skip each paper of ``read``, counted in ``report``."""
        for paper in read:
            state = prepare(paper, report, self.limits, self.nobody)
            if state == AUTHORLESS:
                self.authorless.append((paper, report))
            elif state == PREPARED:
                self.settle(paper, report, duplicate_keys(paper))

    def settle(self, paper: Paper, report: ReadReport, keys: list[str]) -> bool:
        """Merge ``paper`` (a :data:`PREPARED` one, whose duplicate keys are
        ``keys``) into the paper it duplicates, or use it with a unique id;
        True when used."""
        kept = self.duplicates.find(paper, keys)
        if kept is not None:
            merge_into(kept, paper)
            self.duplicates.add(kept, keys)
            report.merged += 1
            return False
        self.duplicates.add(paper, keys)
        paper.id = _unique_id(paper.id, self.taken)
        self.papers.append(paper)
        report.used += 1
        return True

    def finish(self) -> list[Paper]:
        """The papers used, once the author-less abstracts are linked."""
        _link_abstracts(self.papers, self.authorless)
        return self.papers


class _ByteProgress:
    """``progress(done, total, path)`` over all the input files, in bytes on
    disk: at the start of each file, while a reader reads it (through
    :func:`~coauthor.readers.base.watch_reading`) and once at the end; never
    backwards and never the same call twice."""

    def __init__(self, progress: Callable[[int, int, Path], None] | None, paths: list[Path]) -> None:
        self.progress = progress
        self.sizes = [_size(path) for path in paths] if progress is not None else []
        self.total = sum(self.sizes)
        self.files = 0  # files started
        self.before = 0  # bytes of the files before the current one
        self.last: tuple[int, Path] | None = None

    def start(self, path: Path) -> None:
        if self.progress is None:
            return
        if self.files:
            self.before += self.sizes[self.files - 1]
        self.files += 1
        self._call(self.before, path)

    @contextmanager
    def watching(self, path: Path) -> Iterator[None]:
        if self.progress is None:
            yield
            return
        size = self.sizes[self.files - 1]
        with watch_reading(path, lambda position: self._call(self.before + min(position, size), path)):
            yield

    def finish(self) -> None:
        if self.last is not None:
            self._call(self.total, self.last[1])

    def _call(self, done: int, path: Path) -> None:
        if self.progress is None or (self.last is not None and done <= self.last[0] and path == self.last[1]):
            return
        self.last = (done, path)
        self.progress(done, self.total, path)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _forced_format(path: Path, forced: Format) -> Format:
    """``forced``, after checking that ``path`` looks like it."""
    head = read_head(path)
    if not head.strip():
        raise InputError(str(path), "empty file")
    if not forced.sniff(head):
        raise InputError(f"{path}:1", f"not {forced.name} input (the format forced with --input-format)")
    return forced


def _format_named(name: str) -> Format:
    if name not in FORMATS:
        raise OptionError(f"unknown format '{name}' (coauthor reads: {', '.join(FORMATS)})")
    return FORMATS[name]


def people_and_organisations(paper: Paper, report: ReadReport, nobody: dict[str, bool] | None = None) -> bool:
    """Leave out of ``paper`` the authors that name nobody, each counted in
    ``report.warnings`` as "authorship skipped: not a person (NAME)" (``et
    al.`` and ``others`` also mark the list as cut). False when no author is
    left. ``nobody`` caches the decision per name (one dict for a whole read)."""
    seen = {} if nobody is None else nobody
    flags = []
    for name in paper.authors:
        flag = seen.get(name)
        if flag is None:
            flag = seen[name] = author_kind(name) == NOBODY
        flags.append(flag)
    if True not in flags:
        return True
    keep = [i for i, skip in enumerate(flags) if not skip]
    for name in (name for name, skip in zip(paper.authors, flags, strict=True) if skip):
        report.warn(f"authorship skipped: not a person ({name})", paper.source)
        paper.authors_truncated |= fold_text(name) in LIST_CUT
    paper.authors = [paper.authors[i] for i in keep]
    paper.author_orcids = [paper.author_orcids[i] for i in keep] if paper.author_orcids else []
    paper.author_ids = [paper.author_ids[i] for i in keep] if paper.author_ids else []
    if paper.author_affiliations:
        kept = tuple(paper.author_affiliations[i] for i in keep)
        paper.author_affiliations = kept if any(kept) else ()
    paper.organisations = tuple(j for j, i in enumerate(keep) if i in paper.organisations)
    return bool(keep)


def _unique_id(paper_id: str, taken: set[str]) -> str:
    candidate, n = paper_id, 1
    while candidate in taken:
        n += 1
        candidate = f"{paper_id}~{n}"
    taken.add(candidate)
    return candidate


def _link_abstracts(papers: list[Paper], authorless: list[tuple[Paper, ReadReport]]) -> None:
    by_abstract = {fold_text(p.abstract): p for p in reversed(papers) if p.abstract}
    for entry, report in authorless:
        target = by_abstract.get(fold_text(entry.abstract or ""))
        if target is not None and entry.abstract:
            target.also_in.append(entry.source)
            report.merged += 1
        else:
            report.skip("no authors (abstract matches no paper read)", entry.source)
