"""Module 10 view: where the scores of each group fall, and a threshold line that moves."""

from __future__ import annotations

import ipywidgets as ipw
import numpy as np
from matplotlib.ticker import FuncFormatter

from widgets.controles.dataset import GROUPS
from widgets.controles.html import distributions_note, group_title
from widgets.controles.thresholds import ScoreTable
from widgets.controles.views.slider import START_THRESHOLD, threshold_slider
from widgets.french import format_number
from widgets.palette import OKABE_ITO
from widgets.viewkit.figure import LINE_STYLES, LiveFigure


class ScoreDistributions(ipw.VBox):
    """Where the scores of each group fall, for households with and without a fraud found."""

    BINS = np.linspace(0.0, 1.0, 11)

    def __init__(self, table: ScoreTable, start: float = START_THRESHOLD) -> None:
        self.table = table
        self.slider = threshold_slider(start)
        self.figure = LiveFigure(
            "Répartition des scores de chaque groupe, en haut pour les foyers honnêtes, "
            "en bas pour les foyers avec une fraude constatée ; la zone grisée, à droite du "
            "trait vertical (le seuil), contient les foyers contrôlés.",
            width=7.2,
            height=4.2,
            dpi=80,
            nrows=2,
        )
        self.lines = []
        self.shades = []
        panels = ((False, "Foyers honnêtes"), (True, "Fraude constatée"))
        for ax, (fraud, title) in zip(self.figure.axes, panels, strict=True):
            self._draw_histograms(ax, fraud, title)
        self.figure.axes[1].set_xlabel("Score de risque (de 0 à 1)")
        self.note = ipw.HTML()
        self.update(start)
        self.slider.observe(lambda change: self.update(change["new"]), names="value")
        super().__init__([self.slider, self.figure.widget, self.note])

    def _draw_histograms(self, ax, fraud: bool, title: str) -> None:
        for index, group in enumerate(GROUPS):
            mask = (self.table.groups == group) & (self.table.frauds == fraud)
            heights, _ = np.histogram(self.table.scores[mask], bins=self.BINS)
            shares = 100 * heights / max(mask.sum(), 1)
            ax.stairs(
                shares,
                self.BINS,
                color=OKABE_ITO[index],
                linestyle=LINE_STYLES[index],
                linewidth=2,
                hatch="xx" if index else None,
                fill=bool(index),
                alpha=0.35 if index else 1.0,
                label=group_title(group),
            )
            ax.stairs(shares, self.BINS, color=OKABE_ITO[index], linestyle=LINE_STYLES[index])
        ax.set_title(title, fontsize=11, loc="left")
        ax.set_ylabel("Part du groupe (%)")
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: format_number(value, 1)))
        shade = ax.axvspan(START_THRESHOLD, 1.0, color="#999999", alpha=0.2, lw=0)
        line = ax.axvline(START_THRESHOLD, color="black", linewidth=2)
        self.figure.animate(shade, line)
        self.shades.append(shade)
        self.lines.append(line)
        ax.legend(loc="upper left", fontsize=9, frameon=False)

    def update(self, threshold: float) -> None:
        report = self.table.report(threshold)
        for line, shade in zip(self.lines, self.shades, strict=True):
            line.set_xdata([report.threshold, report.threshold])
            shade.set_x(report.threshold)
            shade.set_width(1.0 - report.threshold)
        self.figure.refresh()
        self.note.value = distributions_note(report)
