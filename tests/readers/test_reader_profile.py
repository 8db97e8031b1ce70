"""The profile-page reader on the seeds and on hand-made pages with the hard cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from coauthor.readers import ReadOptions, detect_format, read_inputs
from coauthor.readers.profile import read_profile

OPTIONS = ReadOptions(undated_year=2026)


def by_title(papers):
    return {p.title: p for p in papers}


def test_lines_layout_hard_cases(test_data: Path) -> None:
    papers, report = read_profile(test_data / "profile" / "lines_hard.txt", OPTIONS)
    titles = by_title(papers)
    assert report.format == "profile-lines"
    assert report.read == 6
    assert dict(report.skipped) == {"meta line not understood": 1, "title and authors could not be split": 1}
    assert [where for where, _ in report.errors] == [
        f"{test_data / 'profile' / 'lines_hard.txt'}:10",
        f"{test_data / 'profile' / 'lines_hard.txt'}:13",
    ]
    cnn = titles["Location Augmentation for CNN"]
    assert cnn.authors == ["Zhenyi Wang", "Olga Veksler"]
    assert (cnn.year, cnn.month, cnn.day, cnn.year_inferred, cnn.category) == (2018, 7, 18, False, "CV")
    gpt = titles["Benchmarking GPT-4"]
    assert gpt.authors == ["Ann Lee", "Zhenyi Wang", "Bo Chen"]
    assert gpt.authors_truncated and gpt.inferred_authors == []  # owner shown
    assert (gpt.year, gpt.month, gpt.day, gpt.year_inferred, gpt.has_code) == (2026, 3, 5, True, True)
    commas = titles["Faster, Smaller, Better: Distilling BERT, RoBERTa and XLNet"]
    assert commas.authors == ["José Álvarez", "Zhenyi Wang"]
    assert not commas.authors_truncated
    wild = titles["Graph Networks for Knowledge Graphs in the Wild"]
    assert wild.authors == ["Nees Jan van Eck", "Seán O'Brien", "Joseph DiPalma"]
    assert wild.inferred_authors == ["Zhenyi Wang"]  # the owner, common to the complete lists
    assert wild.source.endswith("lines_hard.txt:16")


def test_blocks_layout_header_owner_score_and_affiliation(test_data: Path) -> None:
    papers, report = read_profile(test_data / "profile" / "blocks_hard.txt", OPTIONS)
    assert report.format == "profile-blocks"
    assert (report.read, len(papers), dict(report.skipped)) == (3, 2, {"author line not understood": 1})
    mira, dark = papers
    assert mira.title == "MIRA: A Bilingual Benchmark, with Commas, for Audit 2"
    assert mira.authors == ["Mengyu Xu", "Qiaoxin Yang", "Qianqian Wang"]
    assert mira.inferred_authors == ["Ann Lee"]  # from the page header
    assert (mira.score, mira.category, mira.affiliation) == (71.4, "AI", "deepmind")
    assert (mira.year, mira.month, mira.day, mira.year_inferred) == (2026, 5, 27, True)
    assert mira.abstract == "An abstract that spans two lines of text."
    assert dark.authors == ["Ann Lee", "Bo Chen"] and dark.inferred_authors == [] and dark.has_code


def test_owner_option_overrides(test_data: Path) -> None:
    papers, _ = read_profile(test_data / "profile" / "blocks_hard.txt", ReadOptions(2026, owner="Bo Chen"))
    assert papers[0].inferred_authors == ["Bo Chen"]


def test_seeds_every_record_accounted(seeds: Path) -> None:
    papers, reports = read_inputs([seeds], OPTIONS)
    by_file = {Path(r.file).name[:3]: r for r in reports}
    lines_page = (seeds / "000_1de495348cc0664e.txt").read_text(encoding="utf-8").splitlines()
    abstract_lines = [
        line for line in (seeds / "001_7e7f3217be61904a.txt").read_text(encoding="utf-8").splitlines() if line
    ]
    blocks_text = (seeds / "003_0a3c593a1ec29b0b.txt").read_text(encoding="utf-8")
    assert by_file["000"].read == len(lines_page) // 3 == 37
    assert by_file["001"].read == len(abstract_lines) == 10
    assert by_file["003"].read == int(blocks_text.split("\n\n")[2].split()[0])  # "28 Papers" in the header
    for report in reports:
        assert report.read == report.used + report.merged + sum(report.skipped.values())
    assert len(papers) == 37 + 28
    assert by_file["001"].merged == 8 and dict(by_file["001"].skipped) == {
        "no authors (abstract matches no paper read)": 2
    }


def test_seeds_titles_and_authors_match_the_page(seeds: Path) -> None:
    """Every three-line record: title + ", ".join(authors) (+ " et al.") gives back line 2 exactly."""
    papers, _ = read_inputs([seeds / "000_1de495348cc0664e.txt"], OPTIONS)
    lines = (seeds / "000_1de495348cc0664e.txt").read_text(encoding="utf-8").splitlines()
    for paper, line in zip(papers, lines[1::3], strict=True):
        assert paper.title + ", ".join(paper.authors) + (" et al." if paper.authors_truncated else "") == line
        assert paper.title and paper.title[-1] != " "


@pytest.mark.parametrize(
    ("title", "authors", "inferred"),
    [
        ("Location Augmentation for CNN", ["Zhenyi Wang", "Olga Veksler"], []),
        (
            "Seeing to Ground: Visual Attention for Hallucination-Resilient MDLLMs",
            ["Vishal Narnaware", "Animesh Gupta", "Kevin Zhai"],
            ["Zhenyi Wang"],
        ),
        (
            "Space4HGNN: A Novel, Modularized and Reproducible Platform to Evaluate Heterogeneous Graph Neural Network",
            ["Tianyu Zhao", "Cheng Yang", "Yibo Li"],
            ["Zhenyi Wang"],
        ),
        (
            "Architecture, Dataset and Model-Scale Agnostic Data-free Meta-Learning",
            ["Zixuan Hu", "Li Shen", "Zhenyi Wang"],
            [],
        ),
        ("Knowledge Infused Decoding", ["Ruibo Liu", "Guoqing Zheng", "Shashank Gupta"], ["Chongyang Gao"]),
        (
            "MIRA: A Bilingual Benchmark for Medical Information Response Audit",
            ["Mengyu Xu", "Qiaoxin Yang", "Qianqian Wang"],
            ["Chongyang Gao"],
        ),
    ],
)
def test_seed_hard_cases(seeds: Path, title: str, authors: list[str], inferred: list[str]) -> None:
    papers, _ = read_inputs([seeds], OPTIONS)
    paper = by_title(papers)[title]
    assert paper.authors == authors
    assert paper.inferred_authors == inferred


def test_seed_metadata_fields(seeds: Path) -> None:
    papers = by_title(read_inputs([seeds], OPTIONS)[0])
    mira = papers["MIRA: A Bilingual Benchmark for Medical Information Response Audit"]
    assert (mira.score, mira.category, mira.year, mira.year_inferred) == (71.4, "AI", 2026, True)
    kid = papers["Knowledge Infused Decoding"]
    assert (kid.affiliation, kid.has_code, kid.year, kid.month, kid.day) == ("deepmind", True, 2022, 4, 6)
    sam = papers["Medical SAM3: A Foundation Model for Universal Prompt-Driven Medical Image Segmentation"]
    assert (sam.year, sam.month, sam.day, sam.year_inferred, sam.category) == (2026, 1, 15, True, "CV")
    free = papers["FREE: Faster and Better Data-Free Meta-Learning"]
    # its abstract-only copy escapes "%" differently ("1.42\\% $\\sim$"): still linked
    assert len(free.also_in) == 1 and free.also_in[0].endswith("001_7e7f3217be61904a.txt:19")


def test_undated_year_option(seeds: Path) -> None:
    papers = by_title(read_inputs([seeds], ReadOptions(undated_year=2024))[0])
    assert papers["CoRe: Context-Robust Remasking for Diffusion Language Models"].year == 2024


def test_detect_format(seeds: Path) -> None:
    assert detect_format(seeds / "000_1de495348cc0664e.txt").name == "profile"
    assert detect_format(seeds / "001_7e7f3217be61904a.txt").name == "abstracts"
