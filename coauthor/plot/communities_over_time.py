"""How communities continue, split, merge, appear and end across time
slices, as an alluvial diagram drawn with matplotlib alone."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from coauthor.plot.style import OTHER_COLOUR, PALETTE, add_caption, community_colour, shorten

if TYPE_CHECKING:
    from matplotlib.axes import Axes

BLOCK_WIDTH = 0.12
GAP = 0.025  # between blocks, as a share of the tallest column
OTHER = -1  # the block summing the communities past ``top``


@dataclass
class _Block:
    slice: int
    community: int
    size: int
    name: str
    tail: str
    event: str
    sources: list[int]
    author_id: str = ""
    bottom: float = 0.0
    height: float = 0.0
    colour: str = OTHER_COLOUR


def plot_communities_over_time(
    table: pd.DataFrame,
    ax: Axes,
    top: int = 10,
    caption: str = "",
    communities: Mapping[str, int] | None = None,
) -> Axes:
    """Alluvial diagram of ``table`` (the ``communities_over_time`` table:
    one row per community per slice, with ``event`` and
    ``from_communities``): one column of blocks per time slice, block height
    proportional to members, ribbons joining each community to the ones it
    came from (Jaccard overlap at least 0.1, among the authors active in
    both slices). A lineage keeps its colour through continuations; splits,
    merges and births are named next to the block, with "ends" where a
    community has no successor; a block too thin for a line of text is
    left unnamed, and a name is cut (with "…") where it would reach the
    next column. Only the ``top`` largest communities of a slice get their
    own block; the rest share a grey one. With ``communities`` (author id
    -> community of the whole graph), a block takes the colour its top
    author's community has on the network figure, so one community has one
    colour in every figure; otherwise a lineage's colour.
    """
    rows = table[table["event"] != "death"] if "event" in table.columns else table
    if rows.empty:
        ax.text(0.5, 0.5, "No time slices: communities over time need dated papers", ha="center", va="center")
        ax.set_axis_off()
        return ax
    deaths = table[table["event"] == "death"]
    ends = {(int(s) - 1, int(p)) for s, p in zip(deaths["slice"], deaths["from_communities"], strict=True)}
    columns = _columns(rows, top, ends)
    _stack(columns)
    _colour(columns)
    if communities is not None:
        for block in (b for column in columns for b in column if b.community != OTHER):
            block.colour = community_colour(communities[block.author_id]) if block.author_id in communities else (
                OTHER_COLOUR)  # fmt: skip
    by_slice = {column[0].slice: column for column in columns}
    for column in columns:
        previous = {b.community: b for b in by_slice.get(column[0].slice - 1, [])}
        _ribbons(ax, previous, column)
    for column in columns:
        for block in column:
            _draw_block(ax, block)
    slices = rows.drop_duplicates("slice").sort_values("slice")
    ax.set_xticks(
        slices["slice"].astype(int).tolist(),
        [f"{a}–{b}" for a, b in zip(slices["first_year"], slices["last_year"], strict=True)],
    )
    ax.set_xlim(columns[0][0].slice - 0.3, columns[-1][0].slice + 0.75)
    ax.set_ylim(-0.02, 1.02)
    _label_blocks(ax, [block for column in columns for block in column])
    ax.set_yticks([])
    ax.spines[["left", "top", "right"]].set_visible(False)
    ax.set_xlabel("Time slice (years)")
    ax.set_title("Communities over time: continuations, splits and merges")
    colour = (
        "colour: the community of the top author, as on the network (grey there: past its eight largest); "
        f"grey: also the communities past the {top} largest of a slice"
        if communities is not None
        else f"colour: lineage; grey: communities past the {top} largest"
    )
    add_caption(
        ax,
        f"Block height: members (authors with a co-author in the slice); ribbons: matched communities "
        f"(Jaccard ≥ 0.1 among authors active in both slices); {colour}. {caption}".strip(),
    )
    return ax


def _columns(rows: pd.DataFrame, top: int, ends: set[tuple[int, int]]) -> list[list[_Block]]:
    """Blocks per slice, each with its label: the top author's name and
    the size and event."""
    columns = []
    first = int(rows["slice"].min())
    for number, part in rows.groupby("slice", sort=True):
        part = part.sort_values("community")
        blocks = []
        for _, row in part.head(top).iterrows():
            sources = [int(s) for s in str(row["from_communities"]).split(";") if s.strip()]
            community = int(row["community"])
            event = {"birth": " new", "split": " split", "merge": " merge"}.get(row["event"], "")
            event = "" if number == first else event
            event += " → ends" if (number, community) in ends else ""
            tail = f" · {row['size']:,}{event}"
            name = str(row["top_author"])
            author_id = str(row.get("top_author_id", "") or "")
            block = _Block(int(number), community, int(row["size"]), name, tail, row["event"], sources, author_id)
            blocks.append(block)
        rest = part.iloc[top:]
        if len(rest):
            sources = sorted({int(s) for f in rest["from_communities"] for s in str(f).split(";") if s.strip()})
            blocks.append(
                _Block(
                    int(number),
                    OTHER,
                    int(rest["size"].sum()),
                    f"{len(rest):,} smaller",
                    f" · {int(rest['size'].sum()):,}",
                    "other",
                    sources,
                )
            )
        columns.append(blocks)
    return columns


def _stack(columns: list[list[_Block]]) -> None:
    """Heights proportional to size, one scale for all columns; blocks top
    down in community order."""
    tallest = max(sum(b.size for b in column) for column in columns)
    gaps = max(len(column) for column in columns) - 1
    scale = (1.0 - GAP * gaps) / tallest
    for column in columns:
        y = 1.0
        for block in column:
            block.height = block.size * scale
            block.bottom = y - block.height
            y = block.bottom - GAP


def _colour(columns: list[list[_Block]]) -> None:
    """Lineage colours: a continuation (or the largest child of a split, or
    a merge from its largest source) keeps its source's colour; anything
    else takes the next palette colour, round and round."""
    fresh = itertools.cycle(PALETTE)
    previous: dict[int, _Block] = {}
    for column in columns:
        taken: set[int] = set()
        for block in column:
            sources = [previous[s] for s in block.sources if s in previous and previous[s].community != OTHER]
            parent = max(sources, key=lambda b: (b.size, -b.community), default=None)
            if block.community == OTHER:
                block.colour = OTHER_COLOUR
            elif parent is not None and parent.community not in taken:
                block.colour = parent.colour
                taken.add(parent.community)
            else:
                block.colour = next(fresh)
        previous = {b.community: b for b in column}


def _ribbons(ax: Axes, previous: dict[int, _Block], column: list[_Block]) -> None:
    """One ribbon per (source, block) pair. Each source's right edge is
    shared among its children, each block's left edge among its sources, in
    proportion to their sizes and in vertical order, so ribbons do not
    cross at their ends."""
    pairs = []
    for block in column:
        for s in block.sources:
            source = previous.get(s) or previous.get(OTHER)
            if source is not None and (source, block) not in pairs:
                pairs.append((source, block))
    out_offset = {id(b): 0.0 for b in previous.values()}
    in_offset = {id(b): 0.0 for b in column}
    out_total = {id(b): sum(t.size for s, t in pairs if s is b) for b in previous.values()}
    in_total = {id(b): sum(s.size for s, t in pairs if t is b) for b in column}
    for source, target in sorted(pairs, key=lambda p: (-p[0].bottom, -p[1].bottom)):
        out = source.height * target.size / out_total[id(source)]
        top_out = source.bottom + source.height - out_offset[id(source)]
        out_offset[id(source)] += out
        into = target.height * source.size / in_total[id(target)]
        top_in = target.bottom + target.height - in_offset[id(target)]
        in_offset[id(target)] += into
        _ribbon(
            ax,
            source.slice + BLOCK_WIDTH / 2,
            top_out,
            out,
            target.slice - BLOCK_WIDTH / 2,
            top_in,
            into,
            target.colour,
        )


def _ribbon(ax: Axes, x0: float, top0: float, h0: float, x1: float, top1: float, h1: float, colour: str) -> None:
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path

    mid = (x0 + x1) / 2
    vertices = [
        (x0, top0),
        (mid, top0),
        (mid, top1),
        (x1, top1),
        (x1, top1 - h1),
        (mid, top1 - h1),
        (mid, top0 - h0),
        (x0, top0 - h0),
        (x0, top0),
    ]
    codes = [Path.MOVETO, *[Path.CURVE4] * 3, Path.LINETO, *[Path.CURVE4] * 3, Path.CLOSEPOLY]
    ax.add_patch(PathPatch(Path(vertices, codes), facecolor=colour, edgecolor="none", alpha=0.35, zorder=1))


def _draw_block(ax: Axes, block: _Block) -> None:
    from matplotlib.patches import Rectangle

    ax.add_patch(
        Rectangle(
            (block.slice - BLOCK_WIDTH / 2, block.bottom),
            BLOCK_WIDTH,
            block.height,
            facecolor=block.colour,
            edgecolor="white",
            lw=0.6,
            zorder=2,
        )
    )


#: Font size of the block labels, in points.
LABEL_SIZE = 8


def _label_blocks(ax: Axes, blocks: list[_Block]) -> None:
    """Name each block tall enough for a line of text, the name shortened
    until the label ends before the next column's blocks (measured with the
    figure's renderer, so it holds for any font and figure width)."""
    renderer = ax.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    line_px = 1.05 * LABEL_SIZE * ax.figure.dpi / 72  # a line of text, and a hair more
    for block in blocks:
        (left, bottom), (_, top) = ax.transData.transform(
            [(block.slice + 1 - BLOCK_WIDTH / 2, block.bottom), (block.slice, block.bottom + block.height)]
        )
        if top - bottom < line_px:
            continue
        text = ax.text(
            block.slice + BLOCK_WIDTH / 2 + 0.015,
            block.bottom + block.height / 2,
            block.name + block.tail,
            fontsize=LABEL_SIZE,
            va="center",
            ha="left",
            zorder=3,
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7},
        )
        for limit in range(len(block.name) - 1, 2, -1):
            if text.get_window_extent(renderer).x1 < left - 2:
                break
            text.set_text(shorten(block.name, limit) + block.tail)
        if text.get_window_extent(renderer).x1 >= left - 2:
            text.remove()
