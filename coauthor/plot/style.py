"""Shared look of the figures: colour-blind-safe palette, caption, saving."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from coauthor.atomic import atomic_path
from coauthor.errors import OptionError

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: Okabe & Ito (2008) colour-blind-safe palette, then grey for "other".
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
OTHER_COLOUR = "#BBBBBB"
FIGURE_FORMATS = (".png", ".svg", ".pdf")


def community_colour(community: int) -> str:
    """Colour of community ``community`` (0 = largest); grey past the palette."""
    return PALETTE[community] if 0 <= community < len(PALETTE) else OTHER_COLOUR


def add_caption(ax: Axes, text: str) -> None:
    """A small grey line under the axes (below the x-axis label when there is
    one) saying what data and options were used."""
    label = ax.xaxis.label
    below = label if ax.axison and label.get_text() else "axes fraction"
    ax.annotate(
        text,
        xy=(0, 0),
        xycoords=("axes fraction", below),
        xytext=(0, -8),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=8,
        color="#555555",
    )


def save_figure(fig: Figure, path: str | os.PathLike[str], dpi: int = 150) -> None:
    """Save ``fig`` atomically; the format comes from the extension. No
    creation date is embedded, so the same figure gives the same bytes."""
    suffix = Path(path).suffix.lower()
    if suffix not in FIGURE_FORMATS:
        raise OptionError(f"{path}: unknown figure format '{suffix}' (use {', '.join(FIGURE_FORMATS)})")
    metadata = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format=suffix[1:], dpi=dpi, bbox_inches="tight", metadata=metadata[suffix[1:]])
