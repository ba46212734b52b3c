"""A picture of the train/test split: one bar cut in two, with the counts written on it."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.demandes.html import split_table
from widgets.demandes.model import SplitSummary, TrainedModel
from widgets.french import format_number, format_percent
from widgets.palette import OKABE_ITO
from widgets.viewkit.figure import LiveFigure


def _label(name: str, count: int, total: int) -> str:
    return f"{name}\n{format_number(count)} messages ({format_percent(count / total, 0)})"


def split_figure(split: SplitSummary) -> LiveFigure:
    figure = LiveFigure(
        caption=(
            f"Les {format_number(split.total)} messages sont partagés au hasard : la grande "
            "partie sert à entraîner le modèle, la petite partie (hachurée) est mise de côté "
            "pour le tester sur des messages qu'il n'a jamais vus."
        ),
        width=7.0,
        height=1.9,
    )
    ax = figure.ax
    ax.barh([0], [split.train], color=OKABE_ITO[0], edgecolor="black", height=0.6)
    ax.barh(
        [0],
        [split.test],
        left=[split.train],
        color=OKABE_ITO[3],
        edgecolor="black",
        hatch="//",
        height=0.6,
    )
    ax.text(
        split.train / 2,
        0,
        _label("Entraînement", split.train, split.total),
        ha="center",
        va="center",
        color="white",
        fontweight="bold",
    )
    ax.text(
        split.train + split.test / 2,
        0,
        _label("Test", split.test, split.total),
        ha="center",
        va="center",
        color="black",
        fontweight="bold",
        fontsize=8,
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},
    )
    ax.set_xlim(0, split.total)
    ax.set_yticks([])
    ax.set_xlabel("Nombre de messages")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    figure.refresh()
    return figure


def split_picture(model: TrainedModel) -> ipw.VBox:
    """The split as a bar, and the counts per service beside it (same share on both sides)."""
    figure = split_figure(model.split)
    return ipw.VBox([figure.widget, ipw.HTML(split_table(model.split))])
