"""Reader for DBLP XML: the full ``dblp.xml`` dump and per-person files
(``<dblpperson>``, as served by ``dblp.org/pid/....xml``).

The file is streamed with :func:`lxml.etree.iterparse` and each record is
cleared once read, so memory stays flat on the multi-GB dump. ``dblp.xml`` is
ISO-8859-1 and uses character entities (``&uuml;``) declared in
``dblp.dtd``; the DTD is neither needed nor loaded (no file, no network): a
streaming filter turns every HTML entity name into its numeric reference
(:data:`html.entities.name2codepoint`) before lxml sees it; an unknown
entity is kept as literal text (``&foo;``).

Records are ``article``, ``inproceedings``, ``proceedings``, ``book``,
``incollection``, ``phdthesis``, ``mastersthesis`` (papers), ``www`` (person
pages: counted as read, skipped) and ``data`` (research data: counted,
skipped). The text encoding is the one the XML declaration names, which lxml
decodes by (``--encoding`` does not apply). ``<author>`` names are kept as written with their homonym suffix
(``Wei Wang 0001``); their ``orcid`` attribute goes to ``author_orcids``;
``author_ids`` holds the name itself when it has a 4-digit suffix (DBLP's
disambiguated person), else None. ``key`` is the id, ``<title>`` the title
(text of sub-elements such as ``<i>`` included), ``<year>`` the year,
``<journal>`` or ``<booktitle>`` the venue, the
first ``doi.org`` link of ``<ee>`` the DOI (an ``arxiv.org`` link gives
``arxiv_id``). Records with editors but no authors are skipped.

Broken XML loses nothing silently: the papers read before the break are
kept, and the break itself is counted as one more record read and skipped,
at its line: "XML ends early at line N" for a file cut short, "XML broken at
line N: ..." otherwise. What follows the break is not read.
"""

from __future__ import annotations

import codecs
import re
from html.entities import name2codepoint
from pathlib import Path
from typing import IO

from lxml import etree

from coauthor.readers.base import Format, ReadOptions, open_binary
from coauthor.readers.fields import doi_from_url, first_year, parallel, record_id
from coauthor.readers.tagged import READ_ERRORS
from coauthor.records import Paper, ReadReport

PAPER_TAGS = ("article", "inproceedings", "proceedings", "book", "incollection", "phdthesis", "mastersthesis")
OTHER_TAGS = {"www": "person page (www), not a paper", "data": "research data (data), not a paper"}
_SNIFF = re.compile(r"<!DOCTYPE\s+dblp\b|dblp\.dtd|<dblp[\s>]|<dblpperson[\s>]")
_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{0,31});")
_XML_ENTITIES = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})
_HOMONYM = re.compile(r"\s\d{4}$")
_VENUE_TAGS = frozenset({"journal", "booktitle"})
_ARXIV = re.compile(r"arxiv\.org/abs/([^\s?#]+?)(?:v\d+)?$", re.IGNORECASE)
_CHUNK = 1 << 16


def sniff_dblp(head: str) -> bool:
    """True for a DBLP XML file (``dblp`` root or doctype, or ``dblpperson``).

    >>> sniff_dblp('<?xml version="1.0"?>\\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\\n<dblp>')
    True
    """
    return _SNIFF.search(head) is not None


def decode_entities(data: bytes) -> bytes:
    """HTML entity names in ``data`` as numeric references, unknown names as text.

    >>> decode_entities(b"M&uuml;ller &amp; Fran&ccedil;ois &bogus;")
    b'M&#252;ller &amp; Fran&#231;ois &amp;bogus;'
    """

    def replace(match: re.Match[bytes]) -> bytes:
        name = match.group(1)
        if name in _XML_ENTITIES:
            return match.group(0)
        code = name2codepoint.get(name.decode("ascii"))
        return b"&#%d;" % code if code is not None else b"&amp;" + name + b";"

    return _ENTITY.sub(replace, data)


class EntityFilter:
    """A binary stream that passes ``raw`` through :func:`decode_entities`,
    holding back an entity cut at a chunk's end; counts the lines passed on
    and whether the end of ``raw`` was reached."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.pending = b""
        self.ready = b""
        self.at_end = False
        self.lines = 0

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes of filtered text (``b""`` at the end)."""
        size = size if size and size > 0 else _CHUNK
        while not self.ready and not self.at_end:
            chunk = self.raw.read(_CHUNK)
            data = self.pending + chunk
            self.pending = b""
            if not chunk:
                self.at_end = True
            else:
                amp = data.rfind(b"&", max(0, len(data) - 40))
                if amp != -1 and b";" not in data[amp:]:
                    data, self.pending = data[:amp], data[amp:]
            self.ready = decode_entities(data)
            self.lines += self.ready.count(b"\n")
        out, self.ready = self.ready[:size], self.ready[size:]
        return out


_XML_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']""")


def xml_encoding(head: bytes) -> str:
    """The encoding an XML document declares (lxml decodes by it), else UTF-8.

    >>> xml_encoding(b'<?xml version="1.0" encoding="ISO-8859-1"?>'), xml_encoding(b"<dblp>")
    ('iso8859-1', 'utf-8')
    """
    match = _XML_ENCODING.match(head)
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name if match else "utf-8"
    except LookupError:
        return match.group(1).decode("ascii").lower() if match else "utf-8"


def read_dblp(path: Path, options: ReadOptions) -> tuple[list[Paper], ReadReport]:
    """Read every record of a DBLP XML file: the papers and the report."""
    report = ReadReport(file=str(path), format="dblp")
    papers: list[Paper] = []
    with open_binary(path) as raw:
        report.encoding = xml_encoding(raw.peek(200)[:200] if hasattr(raw, "peek") else b"")
        stream = EntityFilter(raw)
        parser = etree.XMLPullParser(
            events=("end",),
            tag=(*PAPER_TAGS, *OTHER_TAGS),
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            huge_tree=True,
        )

        def take_events() -> None:
            for _, element in parser.read_events():
                report.read += 1
                where = f"{path}:{element.sourceline}"
                paper_or_reason = OTHER_TAGS.get(str(element.tag)) or _paper(element, where)
                if isinstance(paper_or_reason, str):
                    report.skip(paper_or_reason, where)
                else:
                    papers.append(paper_or_reason)
                _release(element)

        try:
            while chunk := stream.read(_CHUNK):
                try:
                    parser.feed(chunk)
                finally:
                    take_events()  # the records closed before a break are kept
            parser.close()
            take_events()
        except etree.LxmlError as exc:
            line = getattr(exc, "lineno", None) or stream.lines + 1
            at_end = stream.at_end and line >= stream.lines
            detail = getattr(exc, "msg", None) or str(exc)
            reason = f"XML ends early at line {line}" if at_end else f"XML broken at line {line}: {detail}"
            report.read += 1
            report.skip(reason, f"{path}:{line}")
        except READ_ERRORS as exc:
            line = stream.lines + 1
            report.read += 1
            report.skip(f"file cannot be read past line {line} ({exc})", f"{path}:{line}")
    return papers, report


def _release(element: etree._Element) -> None:
    """Free a record read: clear it and drop the siblings before it."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _text(element: etree._Element) -> str:
    """The text of ``element`` and its sub-elements, spaces collapsed."""
    text = (element.text or "") if len(element) == 0 else "".join(element.itertext())
    return " ".join(text.split())


def _paper(record: etree._Element, where: str) -> Paper | str:
    """The paper of one record element, or why it is skipped (one pass over
    its children: the dump holds millions of records)."""
    authors: list[str] = []
    orcids: list[str | None] = []
    links: list[str] = []
    title, year_text, venue, has_editor = "", None, "", False
    for child in record:
        tag = child.tag
        if tag == "author":
            name = _text(child)
            if name:
                authors.append(name)
                orcids.append(child.get("orcid") or None)
        elif tag == "ee":
            links.append(_text(child))
        elif tag == "title" and not title:
            title = _text(child)
        elif tag == "year" and year_text is None:
            year_text = child.text
        elif tag == "editor":
            has_editor = True
        elif tag in _VENUE_TAGS and not venue:
            venue = _text(child)
    if not authors:
        return "no authors (editors only)" if has_editor else "no authors"
    year = first_year(year_text)
    doi = next((d for d in map(doi_from_url, links) if d), None)
    arxiv = next((m.group(1) for m in map(_ARXIV.search, links) if m), None)
    return Paper(
        id=record_id(record.get("key"), title, year, doi, where),
        title=title,
        authors=authors,
        year=year,
        source=where,
        doi=doi,
        arxiv_id=arxiv,
        venue=venue or None,
        author_orcids=parallel(orcids),
        author_ids=parallel([name if _HOMONYM.search(name) else None for name in authors]),
    )


FORMAT = Format(
    "dblp",
    "DBLP XML (dblp.xml dump or person file), streamed; key as id, homonym suffixes kept",
    sniff_dblp,
    read_dblp,
)
