"""Names: from a name as written to the person behind it.

* :mod:`~coauthor.names.parse`: parsing and normalising one name, splitting
  author lists (re-exported here);
* :mod:`~coauthor.names.forms` and :mod:`~coauthor.names.data`: one name as
  the resolver compares it (nicknames, East Asian family names);
* :mod:`~coauthor.names.grouping`: grouping name variants into people;
* :mod:`~coauthor.names.resolve`: papers -> one row per authorship, each
  mention resolved to an author (the rules that decide two names are one
  person);
* :mod:`~coauthor.names.variants`: several names, one person: variant
  spellings (``Müller`` / ``Mueller``, a typo) joined on a shared co-author;
* :mod:`~coauthor.names.split`: one name, several people: splitting an
  author's mentions by evidence (co-authors, ids, venues, years);
* :mod:`~coauthor.names.aliases`: the user's alias file;
* :mod:`~coauthor.names.report`: the who-is-who table of what was merged.
"""

from coauthor.names.parse import (
    ET_AL,
    LIST_CUT,
    NOBODY,
    NOT_A_PERSON,
    ORGANISATION,
    ORGANISATION_WORDS,
    PARTICLES,
    PERSON,
    SUFFIXES,
    NameParts,
    ascii_fold,
    author_kind,
    is_author_list,
    is_particle,
    looks_like_name,
    name_key,
    parse_name,
    split_author_list,
    split_title_authors,
)

__all__ = [
    "ET_AL",
    "LIST_CUT",
    "NOBODY",
    "NOT_A_PERSON",
    "ORGANISATION",
    "ORGANISATION_WORDS",
    "PARTICLES",
    "PERSON",
    "SUFFIXES",
    "NameParts",
    "ascii_fold",
    "author_kind",
    "is_author_list",
    "is_particle",
    "looks_like_name",
    "name_key",
    "parse_name",
    "split_author_list",
    "split_title_authors",
]
