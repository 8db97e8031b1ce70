"""Fuzzing the readers: random bytes and mutated valid files, read as each
format (forced, as ``--input-format`` does) and sniffed. The only exception
a reader may raise is :class:`~coauthor.errors.CoauthorError`, the
documented input error; anything else is a bug.

``test_hostile_fuzz.py`` runs a few examples per reader in CI;
``benchmarks/fuzz.py`` runs 10,000 per reader and records the figure.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import strategies as st

from coauthor.errors import CoauthorError
from coauthor.readers import FORMATS, ReadOptions, read_inputs

TEST_DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"

MEDLINE = """PMID- 26524502
OWN - NLM
DP  - 2016 Jan 15
TI  - Bioinformatic survey of ABC transporters in dermatophytes.
PG  - 466-75
LID - 10.1016/j.gene.2015.10.064 [doi]
FAU - Gaspar, Anna
AU  - Gaspar A
FAU - Lee, Bo
AU  - Lee B
JT  - Gene

"""
ZOTERO = """<rdf:RDF
 xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns:z="http://www.zotero.org/namespaces/export#"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:bib="http://purl.org/net/biblio#"
 xmlns:foaf="http://xmlns.com/foaf/0.1/">
    <bib:Article rdf:about="#item_382">
        <z:itemType>journalArticle</z:itemType>
        <bib:authors><rdf:Seq>
            <rdf:li><foaf:Person><foaf:surname>May</foaf:surname>
                <foaf:givenname>David S.</foaf:givenname></foaf:Person></rdf:li>
            <rdf:li><foaf:Person><foaf:surname>Lee</foaf:surname>
                <foaf:givenname>Ann</foaf:givenname></foaf:Person></rdf:li>
        </rdf:Seq></bib:authors>
        <dc:title>The Role of Populational Differentiation</dc:title>
        <dc:date>1971</dc:date>
    </bib:Article>
</rdf:RDF>
"""


def _sample(relative: str) -> bytes:
    return (TEST_DATA / relative).read_bytes()


#: One valid file per format, to mutate.
SAMPLES: dict[str, bytes] = {
    "bibtex": _sample("bibtex/ugly.bib"),
    "openalex": _sample("json/ugly.openalex.jsonl"),
    "arxiv": _sample("json/ugly.arxiv.jsonl"),
    "crossref": _sample("json/ugly.crossref.jsonl"),
    "csl-json": _sample("json/ugly.csl.json"),
    "ris": _sample("ris/library.ris"),
    "scopus": _sample("csv/scopus.csv"),
    "wos": _sample("wos/savedrecs_plain.txt"),
    "medline": MEDLINE.encode(),
    "csv": _sample("csv/papers.csv"),
    "dblp": _sample("dblp/dblp_sample.xml"),
    "zotero-rdf": ZOTERO.encode(),
    "abstracts": (SEEDS / "001_7e7f3217be61904a.txt").read_bytes()[:4000],
    "profile": _sample("profile/blocks_hard.txt"),
}
READERS = sorted(FORMATS)


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` with a few edits: bytes flipped, spans cut, repeated or
    replaced by junk, the file cut short."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        kind = draw(st.sampled_from(["flip", "cut", "repeat", "insert", "truncate"]))
        start = draw(st.integers(0, len(data) - 1))
        end = min(len(data), start + draw(st.integers(1, 200)))
        if kind == "flip":
            data[start] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[start:end]
        elif kind == "repeat":
            data[start:start] = data[start:end] * draw(st.integers(2, 20))
        elif kind == "insert":
            data[start:start] = draw(st.binary(min_size=1, max_size=64))
        else:
            del data[start:]
    return bytes(data)


def inputs(fmt: str) -> st.SearchStrategy[bytes]:
    """What the fuzzer feeds the ``fmt`` reader: random bytes, or its sample mutated."""
    return st.one_of(st.binary(max_size=2048), mutated(SAMPLES[fmt]))


def read_once(fmt: str, data: bytes, folder: Path) -> str:
    """Read ``data`` as ``fmt`` (forced) and sniffed; ``"ok"`` or
    ``"error"`` (a CoauthorError); any other exception propagates."""
    path = folder / "input"
    path.write_bytes(data)
    outcome = "ok"
    for forced in (fmt, None):
        try:
            read_inputs([path], ReadOptions(undated_year=2026), forced)
        except CoauthorError:
            outcome = "error"
    return outcome


def scratch() -> Path:
    """A folder for the fuzzed files."""
    return Path(tempfile.mkdtemp(prefix="coauthor-fuzz-"))
