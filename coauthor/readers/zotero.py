"""Reader for Zotero RDF exports (``Export Collection... > Zotero RDF``)::

    <rdf:RDF xmlns:z="http://www.zotero.org/namespaces/export#" ...>
        <bib:Article rdf:about="#item_510">
            <z:itemType>journalArticle</z:itemType>
            <dcterms:isPartOf><bib:Journal>
                <dc:title>Ecology</dc:title><prism:volume>46</prism:volume>
                <dc:identifier>DOI 10.2307/1935256</dc:identifier>
            </bib:Journal></dcterms:isPartOf>
            <bib:authors><rdf:Seq><rdf:li><foaf:Person>
                <foaf:surname>Peacock</foaf:surname><foaf:givenname>J. Talmer</foaf:givenname>
            </foaf:Person></rdf:li></rdf:Seq></bib:authors>
            <dc:title>Ecotypic Differentiation in Prosopis (Mesquite)</dc:title>
            <dc:date>1965</dc:date>
        </bib:Article>
    </rdf:RDF>

Every element under ``rdf:RDF`` with a ``z:itemType`` (other than
attachments and notes, which are not papers) is a record, reported at its
line. Authors come from ``bib:authors`` in order (``Surname, Given`` of each
``foaf:Person``, the name of a ``foaf:Organization``); ``bib:editors`` and
``z:contributors`` are not authors. The DOI is a ``dc:identifier`` ``DOI
10...`` of the item or of the journal it is part of; the year the first four
digits of ``dc:date``. Items without authors are skipped with ``file:line``.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from coauthor.errors import InputError
from coauthor.readers.base import Format, ReadOptions, open_binary, tally
from coauthor.readers.fields import build_paper, clean_authors, drop_initials, first_year
from coauthor.readers.tagged import READ_ERRORS
from coauthor.records import Paper, ReadReport

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "z": "http://www.zotero.org/namespaces/export#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "prism": "http://prismstandard.org/namespaces/1.2/basic/",
    "bib": "http://purl.org/net/biblio#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}
NOT_PAPERS = frozenset({"attachment", "note"})
_SNIFF = re.compile(r"<rdf:RDF\b[^>]*zotero\.org/namespaces/export", re.DOTALL)
_DOI = re.compile(r"^\s*DOI\s*:?\s*(10\.\S+)", re.IGNORECASE)


def sniff_zotero(head: str) -> bool:
    """True for an RDF document that declares Zotero's export namespace.

    >>> sniff_zotero('<rdf:RDF\\n xmlns:z="http://www.zotero.org/namespaces/export#">')
    True
    """
    return _SNIFF.search(head) is not None


def read_zotero(path: Path, options: ReadOptions) -> tuple[list[Paper], ReadReport]:
    """Read every item of a Zotero RDF file: the papers and the report."""
    report = ReadReport(file=str(path), format="zotero-rdf")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        with open_binary(path) as stream:
            root = etree.parse(stream, parser).getroot()
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}:{exc.lineno or 1}", f"XML not understood ({exc.msg})") from exc
    except READ_ERRORS as exc:
        raise InputError(str(path), f"cannot read the file ({exc})") from exc
    items = [el for el in root if isinstance(el.tag, str) and el.findtext("z:itemType", namespaces=NS) is not None]
    outcomes = (
        (f"{path}:{item.sourceline}", _paper(item, f"{path}:{item.sourceline}", report))
        for item in items
        if item.findtext("z:itemType", namespaces=NS).strip() not in NOT_PAPERS
    )
    return tally(report, outcomes), report


def _paper(item: etree._Element, where: str, report: ReadReport) -> Paper | str:
    names = [_name(person) for person in item.iterfind("bib:authors/rdf:Seq/rdf:li/*", NS)]
    authors, truncated = clean_authors(name for name in names if name)
    if not authors:
        return "no authors (editors only)" if item.find("bib:editors", NS) is not None else "no authors"
    authors = drop_initials(authors, report, where)
    if not authors:
        return "no authors (only initials)"
    part_of = item.find("dcterms:isPartOf/*", NS)

    def text(path: str, element: etree._Element | None = item) -> str | None:
        value = element.findtext(path, namespaces=NS) if element is not None else None
        return " ".join(value.split()) or None if value else None

    return build_paper(
        where, authors, truncated, given_id=None, title=text("dc:title") or "", year=first_year(text("dc:date")),
        doi=_doi(item), abstract=text("dcterms:abstract"), venue=text("dc:title", part_of),
        volume=text("prism:volume", part_of) or text("prism:volume"),
        issue=text("prism:number", part_of) or text("prism:number"), pages=text("bib:pages"),
    )  # fmt: skip


def _name(person: etree._Element) -> str:
    """``Surname, Given`` of a foaf:Person, the name of an organisation."""
    surname = (person.findtext("foaf:surname", namespaces=NS) or "").strip()
    given = (
        person.findtext("foaf:givenname", namespaces=NS) or person.findtext("foaf:givenName", namespaces=NS) or ""
    ).strip()
    if surname:
        return f"{surname}, {given}" if given else surname
    return (person.findtext("foaf:name", namespaces=NS) or "").strip()


def _doi(item: etree._Element) -> str | None:
    for identifier in item.iterfind(".//dc:identifier", NS):
        match = _DOI.match(identifier.text or "")
        if match:
            return match.group(1)
    return None


FORMAT = Format(
    "zotero-rdf",
    "Zotero RDF export (bib:authors in order, editors left out)",
    sniff_zotero,
    read_zotero,
)
