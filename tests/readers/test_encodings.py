"""Text encodings: UTF-8 (with or without a byte-order mark) read as such,
other encodings detected (and warned about), ``--encoding`` forcing one; the
sniffer sees the decoded text too."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from coauthor.cli import main
from coauthor.errors import InputError, OptionError
from coauthor.readers import read_inputs
from coauthor.readers.base import ReadOptions, TextEncoding, detect_encoding

OPTIONS = ReadOptions(undated_year=2026)
GUESSED = "encoding guessed: {} (not UTF-8; --encoding NAME sets it)"


def inspect_json(*args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["inspect", "--json", "-q", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_gbk_bibtex_from_bibtexparser(shared_data: Path) -> None:
    """bibtexparser's own GBK test file: its author is 凯撒 (the test's fact),
    its journal the raw bytes decoded as GBK."""
    path = shared_data / "peers" / "bibtexparser" / "tests_resources_gbk_test.bib"
    journal = path.read_bytes().decode("gbk").split("journal = {")[1].split("}")[0]
    assert journal == "测试期刊"
    papers, (report,) = read_inputs([path], OPTIONS)
    assert [(p.authors, p.venue, p.id) for p in papers] == [(["凯撒"], journal, "凯撒2013")]
    assert report.encoding == "gb18030"  # GB18030 is the superset of GBK: the same text
    assert dict(report.warnings) == {GUESSED.format("gb18030"): 1}
    (row,) = inspect_json(str(path))
    assert (row["encoding"], row["warnings"]) == ("gb18030", {GUESSED.format("gb18030"): 1})
    (forced,) = inspect_json(str(path), "--encoding", "GBK")
    assert (forced["encoding"], forced["warnings"], forced["used"]) == ("gbk", {}, 1)


def test_forced_encoding_that_does_not_fit_is_one_line(shared_data: Path) -> None:
    path = shared_data / "peers" / "bibtexparser" / "tests_resources_gbk_test.bib"
    result = CliRunner().invoke(main, ["inspect", str(path), "--encoding", "utf-8", "-q"])
    assert result.exit_code == 1
    assert result.output == f"Error: {path}:1: not utf-8 text (the encoding forced with --encoding)\n"
    result = CliRunner().invoke(main, ["inspect", str(path), "--encoding", "klingon", "-q"])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert result.output.startswith("Error: unknown encoding 'klingon'")


def test_utf8_with_bom_is_utf8_without_warning(shared_data: Path) -> None:
    path = shared_data / "peers" / "rispy" / "example_bom.ris"
    assert path.read_bytes().startswith(codecs.BOM_UTF8)
    _, (report,) = read_inputs([path], OPTIONS)
    assert (report.format, report.encoding, dict(report.warnings)) == ("ris", "utf-8", {})
    assert report.read == 1


def test_every_reader_names_the_encoding(seeds: Path, test_data: Path) -> None:
    files = [seeds, test_data / "bibtex" / "ugly.bib", test_data / "dblp" / "dblp_sample.xml", test_data / "wos"]
    files += [test_data / "json" / f"roundtrip.{kind}.json" for kind in ("crossref", "openalex", "csl")]
    files += [test_data / "json" / "ugly.arxiv.jsonl", test_data / "ris" / "library.ris", test_data / "csv"]
    rows = inspect_json(*map(str, files))
    formats = {"profile-lines", "profile-blocks", "abstracts", "bibtex", "crossref", "openalex", "csl-json", "arxiv"}
    assert {row["format"] for row in rows} >= formats | {"dblp", "ris", "wos-tab", "wos-plain", "csv", "scopus"}
    encodings = {row["format"]: row["encoding"] for row in rows if row["format"] != "unrecognised"}
    # DBLP XML is decoded by its declaration: <?xml version="1.0" encoding="ISO-8859-1"?>
    assert (
        (test_data / "dblp" / "dblp_sample.xml").read_bytes().startswith(b'<?xml version="1.0" encoding="ISO-8859-1"')
    )
    assert encodings.pop("dblp") == "iso8859-1"
    assert set(encodings.values()) == {"utf-8"}


LATIN1_BIB = """@article{muller2001,
  author = {Jürgen Müller and François Lefèvre and José Gómez},
  title = {Über die Größe der Wärmeleitfähigkeit in dünnen Schichten},
  journal = {Zeitschrift für Physik},
  year = 2001
}

@article{gomez2003,
  author = {José Gómez and Søren Kierkegaard},
  title = {Señales y sistemas: análisis de la información en redes eléctricas},
  journal = {Revista Española de Física},
  year = 2003
}
"""


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_latin1_bibtex_is_detected(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "old.bib"
    path.write_bytes(LATIN1_BIB.encode(codec))
    papers, (report,) = read_inputs([path], OPTIONS)
    assert [p.authors for p in papers] == [
        ["Jürgen Müller", "François Lefèvre", "José Gómez"],
        ["José Gómez", "Søren Kierkegaard"],
    ]
    assert papers[0].title == "Über die Größe der Wärmeleitfähigkeit in dünnen Schichten"
    assert report.encoding in {"cp1252", "iso8859-1", "cp1250"}  # identical on these letters
    assert list(report.warnings) == [GUESSED.format(report.encoding)]


def crossref_work(given_name: str, family: str) -> dict:
    return {
        "DOI": "10.5555/enc.1",
        "title": ["Über Netze"],
        "author": [{"given": given_name, "family": family, "sequence": "first"}],
    }


def test_utf16_json_is_sniffed_and_read(tmp_path: Path) -> None:
    """A UTF-16 file (Windows tools save them) is sniffed on its decoded text:
    read as Latin-1 it starts with two odd bytes and no reader would know it."""
    path = tmp_path / "works.json"
    path.write_bytes(json.dumps([crossref_work("Zoë", "Brontë")], ensure_ascii=False).encode("utf-16"))
    papers, (report,) = read_inputs([path], OPTIONS)
    assert (report.format, report.encoding, dict(report.warnings)) == ("crossref", "utf-16", {})
    assert [(p.authors, p.title) for p in papers] == [(["Zoë Brontë"], "Über Netze")]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark(tmp_path: Path, codec: str) -> None:
    """Valid UTF-8 byte for byte (NUL is a UTF-8 character), but no text holds NUL."""
    path = tmp_path / "works.json"
    path.write_bytes(json.dumps([crossref_work("Zoë", "Brontë")], ensure_ascii=False).encode(codec))
    papers, (report,) = read_inputs([path], OPTIONS)
    assert (report.format, report.encoding) == ("crossref", codec)
    assert [p.authors for p in papers] == [["Zoë Brontë"]]
    assert list(report.warnings) == [GUESSED.format(codec)]


def test_gbk_ris_lines(tmp_path: Path) -> None:
    """A line-by-line reader decodes each line in the detected encoding."""
    text = "TY  - JOUR\nAU  - 王小明\nAU  - 李华\nTI  - 协作网络的中心性分析与社区结构研究\nPY  - 2019\nER  - \n"
    path = tmp_path / "cn.ris"
    path.write_bytes((text * 3).encode("gbk"))
    papers, reports = read_inputs([path], OPTIONS)
    assert reports[0].format == "ris" and reports[0].encoding == "gb18030"
    assert papers[0].authors == ["王小明", "李华"]
    assert papers[0].title == "协作网络的中心性分析与社区结构研究"


def test_utf8_after_the_sniffed_head_is_not_utf8(tmp_path: Path) -> None:
    """The start of the file says UTF-8, a Latin-1 byte comes after 64 KiB: a
    whole-file reader detects again on all of it rather than failing."""
    filler = "".join(f"@misc{{k{i}, author = {{Ann Lee}}, title = {{Title {i}}}, year = 2001}}\n" for i in range(1200))
    path = tmp_path / "late.bib"
    path.write_bytes(
        filler.encode() + "@misc{late, author = {José Gómez}, title = {Última}, year = 2002}\n".encode("latin-1")
    )
    assert path.stat().st_size > 65536
    papers, (report,) = read_inputs([path], OPTIONS)
    assert papers[-1].authors == ["José Gómez"] and report.warnings
    assert report.used == 1201


def test_option_names_a_codec() -> None:
    assert ReadOptions(encoding="UTF8").encoding == "utf-8"
    with pytest.raises(OptionError):
        ReadOptions(encoding="no-such-codec")


def test_undecodable_stream_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "works.jsonl"
    line = json.dumps(crossref_work("Ann", "Lee"))
    path.write_bytes((line + "\n").encode() * 2 + "Zoë".encode("utf-16-le") + b"\xff\n")
    with pytest.raises(InputError) as caught:
        read_inputs([path], ReadOptions(encoding="utf-8"))
    assert caught.value.where.startswith(f"{path}:")  # the line of the chunk being decoded
    assert caught.value.reason == "not utf-8 text (the encoding forced with --encoding)"


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=200), bom=st.booleans()
)
def test_utf8_is_never_guessed(text: str, bom: bool) -> None:
    data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    assert detect_encoding(data) == TextEncoding("utf-8-sig" if bom else "utf-8")
    cut = data[: max(0, len(data) - 1)]
    assert not detect_encoding(cut, complete=False).guessed  # a character cut at the end of a sample
