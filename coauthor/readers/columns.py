"""The column names of the CSV exports of bibliographic databases, for the
generic table reader: which column holds the title, year, DOI, id and
authors in an IEEE Xplore, SpringerLink, Lens, OpenAlex or Dimensions
export, and how its author names are separated.

>>> layout = table_layout(["document title", "authors", "publication year", "doi", "pdf link"])
>>> layout.source, layout.title, layout.year, layout.author_sep
('IEEE Xplore', 'document title', 'publication year', ';')
>>> table_layout(["title", "authors", "year"]).source is None
True
"""

from __future__ import annotations

from dataclasses import dataclass

#: Header names (case-folded) of each field, the first present wins.
TITLE_COLUMNS = ("title", "document title", "item title", "article title", "display_name")
YEAR_COLUMNS: tuple[str, ...] = ("year", "publication year", "publication_year", "pubyear", "publication date")
YEAR_COLUMNS += ("date published", "publication_date", "date", "issued")  # dates: their first four digits
DOI_COLUMNS = ("doi", "item doi")
VENUE_COLUMNS = ("venue", "publication title", "source title", "primary_location.source.display_name", "journal")
VOLUME_COLUMNS = ("volume", "journal volume")
ISSUE_COLUMNS = ("issue", "journal issue", "issue number")
AUTHOR_COLUMNS = ("authors", "author", "author/s", "authorships.author.display_name")


@dataclass(frozen=True)
class TableLayout:
    """Where one table keeps each field. ``source`` names the database whose
    export it is (None: a table of coauthor's own shape); ``author_sep``
    separates names unless ``glued`` (SpringerLink writes names one after
    the other with nothing between them: :mod:`coauthor.readers.glued`
    splits them); ``database`` prefixes the id
    column's values in ``db_id``; ``missing`` lists the fields (title, year)
    no column holds."""

    source: str | None
    authors: str
    author_sep: str | None
    title: str | None
    year: str | None
    doi: str | None
    id: str | None
    database: str | None = None
    venue: str | None = None
    volume: str | None = None
    issue: str | None = None
    author_ids: str | None = None
    author_orcids: str | None = None
    institutions: str | None = None
    countries: str | None = None
    glued: bool = False

    @property
    def missing(self) -> list[str]:
        return [name for name, column in (("title", self.title), ("year", self.year)) if column is None]


def _first(header: list[str], names: tuple[str, ...]) -> str | None:
    return next((name for name in names if name in header), None)


def _source(header: list[str]) -> str | None:
    columns = set(header)
    if "authorships.author.display_name" in columns:
        return "OpenAlex"
    if "lens id" in columns:
        return "Lens"
    if {"publication id", "pubyear"} <= columns or "dimensions url" in columns:
        return "Dimensions"
    if {"item title", "item doi"} <= columns:
        return "SpringerLink"
    if "document title" in columns and ({"pdf link", "ieee terms", "document identifier"} & columns):
        return "IEEE Xplore"
    return None


def _openalex_column(header: list[str], openalex: bool, name: str) -> str | None:
    return name if openalex and name in header else None


def table_layout(header: list[str], author_sep: str | None = None) -> TableLayout:
    """The layout of a table with this (case-folded) header; ``author_sep``
    is the separator given for a table of coauthor's own shape."""
    source = _source(header)
    authors = _first(header, AUTHOR_COLUMNS) or "authors"
    sep = {"OpenAlex": "|", "IEEE Xplore": ";", "Lens": ";", "Dimensions": ";"}.get(source or "", author_sep or ";")
    ids = {"OpenAlex": ("id", "openalex"), "Lens": ("lens id", "lens"), "Dimensions": ("publication id", "dimensions")}
    id_column, database = ids.get(source or "", ("id", None))
    openalex = source == "OpenAlex"
    return TableLayout(
        source=source,
        authors=authors,
        author_sep=None if source == "SpringerLink" else sep,
        title=_first(header, TITLE_COLUMNS),
        year=_first(header, YEAR_COLUMNS),
        doi=_first(header, DOI_COLUMNS),
        id=id_column if id_column in header else None,
        database=database,
        venue=_first(header, VENUE_COLUMNS),
        volume=_first(header, VOLUME_COLUMNS),
        issue=_first(header, ISSUE_COLUMNS),
        author_ids="authorships.author.id" if openalex and "authorships.author.id" in header else None,
        author_orcids="authorships.author.orcid" if openalex and "authorships.author.orcid" in header else None,
        institutions=_openalex_column(header, openalex, "authorships.institutions.display_name"),
        countries=_openalex_column(header, openalex, "authorships.countries"),
        glued=source == "SpringerLink",
    )
