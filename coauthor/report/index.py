"""The report's front page: ``index.html`` shows the summary, every figure,
the top authors, communities and indicators, and links every file of the report, so a
user opens one file and sees everything. Plain HTML and CSS, no script,
relative links only (the folder can be zipped and mailed); every value is
escaped."""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from coauthor._version import __version__
from coauthor.atomic import write_text_atomic
from coauthor.pipeline import Analysis

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; max-width: 1180px; margin: 2em auto; padding: 0 1em; color: #222 }
h1 { font-size: 1.6em } h2 { margin-top: 2em; border-bottom: 1px solid #ddd }
table { border-collapse: collapse; font-size: 0.92em } td, th { padding: 3px 10px; border-bottom: 1px solid #eee }
th { text-align: left; background: #f6f6f6 } td.n { text-align: right; font-variant-numeric: tabular-nums }
figure { margin: 1.5em 0 } figure img { max-width: 100%; border: 1px solid #eee }
.summary { display: flex; gap: 2em; flex-wrap: wrap } .summary div { font-size: 1.3em }
.summary span { display: block; font-size: 0.65em; color: #666 } .note { color: #666 }
"""


def write_index(result: Analysis, out_dir: str | os.PathLike[str], files: Sequence[Path], title: str) -> Path:
    """Write ``out_dir/index.html`` for the report whose files are ``files``."""
    out = Path(out_dir)
    graph = result.graph
    papers = len(result.papers) if result.papers is not None else None
    groups = result.communities
    parts = [
        f"<h1>{_e(title)}</h1>",
        '<div class="summary">',
        *(
            f"<div>{_e(value)}<span>{_e(label)}</span></div>"
            for label, value in (
                ("papers", "—" if papers is None else f"{papers:,}"),
                ("authors", f"{graph.number_of_nodes():,}"),
                ("co-author links", f"{graph.number_of_edges():,}"),
                ("communities", f"{groups['community'].nunique():,}"),
                ("modularity", f"{groups.attrs.get('modularity', 0.0):.3f}"),
            )
        ),
        "</div>",
        _notes(result),
        '<p><a href="map.html">Open the interactive map</a> (works offline).</p>',
        "<h2>Figures</h2>",
        *(
            f'<figure><img src="{_e(p.relative_to(out).as_posix())}" alt="{_e(p.stem)}" loading="lazy">'
            f"<figcaption>{_e(p.stem.replace('-', ' '))}</figcaption></figure>"
            for p in files
            if p.suffix == ".png"
        ),
        "<h2>Top authors</h2>",
        _table(result.centrality.head(20).reset_index(), {"author_id", "name"}),
        "<h2>Communities</h2>",
        _table(_community_summary(result), {"top authors"}),
        *_indicators_section(result.indicators),
        "<h2>Files</h2>",
        "<ul>",
        *(
            f'<li><a href="{_e(p.relative_to(out).as_posix())}">{_e(p.relative_to(out).as_posix())}</a></li>'
            for p in files
            if p.name != "index.html"
        ),
        "</ul>",
        f'<p class="note">Made by coauthor {_e(__version__)}; the same inputs and options give the same files.</p>',
    ]
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width"><title>{_e(title)}</title>'
        f"<style>{STYLE}</style></head><body>\n" + "\n".join(parts) + "\n</body></html>\n"
    )
    target = out / "index.html"
    write_text_atomic(target, page)
    return target


def _notes(result: Analysis) -> str:
    """What the data can and cannot say, from the build's own counts."""
    notes = []
    if result.papers is not None:
        cut = sum(p.authors_truncated for p in result.papers)
        inferred = sum(bool(p.inferred_authors) for p in result.papers)
        undated = sum(p.year_inferred for p in result.papers)
        if cut:
            notes.append(f'{cut} papers list only some authors ("et al."): co-author counts are lower bounds.')
        if inferred:
            notes.append(f"{inferred} papers gained the profile owner as an inferred author.")
        if undated:
            notes.append(f"{undated} papers had no year printed; their year was assumed.")
        skipped = sum(sum(r.skipped.values()) for r in result.reports)
        if skipped:
            notes.append(f"{skipped} records were skipped (see <code>coauthor inspect --errors</code>).")
    notes += [f"Not drawn: {name} ({reason})." for name, reason in result.not_written.items()]
    over = result.graph.graph.get("papers_over_author_cap")
    if over:
        notes.append(f"{over} papers with more than {result.graph.graph['max_authors']} authors make no links.")
    return "".join(f'<p class="note">{n}</p>' for n in notes)


def _indicators_section(table: pd.DataFrame) -> list[str]:
    """The indicators as a table (value, note, definition and source of
    each), or nothing when the analysis has none."""
    if table.empty:
        return []
    shown = pd.DataFrame(
        {
            "indicator": table["name"],
            "value": [_number(v) for v in table["value"]],
            "note": table["note"],
            "definition": table["definition"],
            "source": table["citation"],
        }
    )
    intro = (
        '<p class="note">Papers: every paper with an author; graph: the graph analysed, after the filters. '
        'Per year: <a href="indicators_by_year.csv">indicators_by_year.csv</a>.</p>'
    )
    return ["<h2>Indicators</h2>", intro, _table(shown, {"indicator", "note", "definition", "source"})]


def _number(value: float) -> str:
    """A value as the page shows it: whole numbers with thousands
    separators, others to 4 significant digits, none as a dash."""
    if value != value:
        return "—"
    return f"{int(value):,}" if float(value).is_integer() and abs(value) >= 1 else f"{value:.4g}"


def _community_summary(result: Analysis) -> pd.DataFrame:
    groups = result.communities.join(result.centrality["pagerank"])
    rows = []
    for number, members in groups.groupby("community"):
        top = members.sort_values(["pagerank", "name"], ascending=[False, True])["name"].head(3)
        rows.append({"community": number, "authors": len(members), "top authors": ", ".join(top)})
        if len(rows) == 20:
            break
    return pd.DataFrame(rows)


def _table(table: pd.DataFrame, text_columns: set[str]) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in table.columns)
    body = []
    for row in table.itertuples(index=False):
        cells = []
        for column, value in zip(table.columns, row, strict=True):
            text = f"{value:.4g}" if isinstance(value, float) else str(value)
            css = "" if column in text_columns else ' class="n"'
            cells.append(f"<td{css}>{_e(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)
