"""Alias files: the user's word on who is who, in VOSviewer's thesaurus
format (tab-separated ``label<TAB>replace by``, an optional header line
``label<TAB>replace by``).

* ``J. Smith<TAB>John Smith``: read the name ``J. Smith`` as ``John Smith``
  (then resolved as usual);
* ``J. Smith<TAB>``: an empty replacement removes the name from every paper;
* ``J. Smith<TAB>john-smith-2``: a replacement written as an author id
  (lower-case letters and digits joined by ``-``) pins the name to that id;
  the author whose id it would have been is the same person.

Labels are compared as names (case, accents, punctuation and name order
folded: ``Smith, J.`` is ``J. Smith``); a label that is an ORCID or an author
id of the records (OpenAlex, Scopus, DBLP) applies to the mentions carrying
it, before any name label.

>>> aliases = parse_aliases("label\\treplace by\\nJ. Smith\\tJohn Smith\\nSmith, Ann\\tann-smith\\n", "a.txt")
>>> aliases.lookup("Smith J", None, None), aliases.lookup("Ann Smith", None, None)
(Alias(replace='John Smith', author_id=None), Alias(replace=None, author_id='ann-smith'))
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

import pandas as pd

from coauthor.errors import InputError
from coauthor.names.forms import name_form
from coauthor.readers.base import regular_text

HEADER = "label\treplace by"
AUTHOR_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ORCID_URL = re.compile(r"^https?://orcid\.org/", re.IGNORECASE)


@dataclass(frozen=True)
class Alias:
    """One line's decision: a name to read instead (``replace``; ``""``
    removes the mention) or an ``author_id`` to pin."""

    replace: str | None = None
    author_id: str | None = None


@dataclass
class Aliases:
    """An alias file read: name labels by their folded key, identifier
    labels as written, and the labels of removed names (kept for export)."""

    by_name: dict[str, Alias] = field(default_factory=dict)
    by_id: dict[str, Alias] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.by_name or self.by_id)

    def lookup(self, name: str, orcid: str | None, external_id: str | None) -> Alias | None:
        """The alias for one mention: its ORCID's, else its author id's, else its name's."""
        for identifier in (orcid, external_id):
            if identifier and identifier in self.by_id:
                return self.by_id[identifier]
        return self.by_name.get(name_form(name).key)


def read_aliases(path: str | os.PathLike[str]) -> Aliases:
    """Read an alias file; :class:`InputError` naming ``file:line`` for a bad line."""
    return parse_aliases(regular_text(path, "the alias file", "utf-8-sig"), str(path))


def parse_aliases(text: str, where: str) -> Aliases:
    """Parse alias lines; ``where`` names the file in errors. Labels that
    look like an ORCID, an OpenAlex or a Scopus author id are identifier
    labels; DBLP ids are names (``Wei Wang 0001``)."""
    aliases = Aliases()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or (number == 1 and line.strip().lower() == HEADER):
            continue
        if "\t" not in line:
            raise InputError(f"{where}:{number}", "expected 'label<TAB>replace by' (a tab between the two)")
        label, replace = (part.strip() for part in line.split("\t", 1))
        if "\t" in replace:
            raise InputError(f"{where}:{number}", "more than one tab; expected 'label<TAB>replace by'")
        if not label:
            raise InputError(f"{where}:{number}", "empty label; write the name to replace before the tab")
        alias = Alias(author_id=replace) if AUTHOR_ID.fullmatch(replace) else Alias(replace=replace)
        identifier = _ORCID_URL.sub("", label)
        if _looks_like_identifier(identifier):
            target, key = aliases.by_id, identifier
        else:
            target, key = aliases.by_name, name_form(label).key
        if key in target and target[key] != alias:
            raise InputError(f"{where}:{number}", f"'{label}' is already given another replacement above")
        target[key] = alias
        if replace == "":
            aliases.removed.append(label)
    return aliases


def _looks_like_identifier(label: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]|A\d{4,}|\d{6,}", label))


def aliases_text(table: pd.DataFrame, aliases: Aliases | None = None) -> str:
    """A resolved table's grouping as an alias file that, read back on the
    same records, gives the same table: one line per identifier
    (``ORCID<TAB>author_id``), one per name as written of every person that
    is more than one plain name (merged, identified, numbered ``-2``,
    flagged ``separate`` or set by an alias), and the removals of
    ``aliases``. Sorted by author id, then label."""
    identifier = table["orcid"].where(table["orcid"].notna(), table["external_id"])
    ids_per_identifier = table.groupby(identifier)["author_id"].nunique()
    single = set(ids_per_identifier.index[ids_per_identifier == 1])
    lines = {(a, i) for a, i in zip(table["author_id"], identifier, strict=True) if i in single}
    persons = table.groupby("author_id")
    plain = (
        persons["rule"].transform(lambda rules: rules.isin(["exact-name", "as-written"]).all())
        & persons["name"].transform(lambda names: names.map(_key).nunique() == 1)
        & identifier.isna().groupby(table["author_id"]).transform("all")
        & (table["author_id"] == table["author_name"].map(_natural_id))
    )
    named = ~plain & ~identifier.isin(single)
    lines |= set(zip(table.loc[named, "author_id"], table.loc[named, "name"], strict=True))
    body = "".join(f"{label}\t{author_id}\n" for author_id, label in sorted(lines))
    removed = "".join(f"{label}\t\n" for label in (aliases.removed if aliases else []))
    return f"{HEADER}\n{body}{removed}"


def _key(name: str) -> str:
    return name_form(name).key


def _natural_id(name: str) -> str:
    return name_form(name).id_key
