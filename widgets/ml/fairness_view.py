"""Module 10 views: a threshold slider over the confusion matrices, and the score distributions.

Both views draw their figure once; a slider move only changes the numbers
written in the cells (or the position of the threshold line) and the HTML
next to the figure, from a `ScoreTable` where the scores are already sorted.
"""

from __future__ import annotations

import ipywidgets as ipw
import numpy as np
from matplotlib.patches import Rectangle

from widgets.datasets import control
from widgets.french import format_number
from widgets.ml.fairness import GROUP_NAMES, Confusion, ScoreTable
from widgets.ml.fairness_html import (
    count,
    disparity_html,
    group_title,
    percent,
    report_table,
    summary_html,
)
from widgets.viewkit.figure import LINE_STYLES, OKABE_ITO, LiveFigure

START_THRESHOLD = 0.5
CORRECT_COLOUR = "#cfe3f2"  # light tint of the Okabe-Ito blue
ERROR_COLOUR = "#f6d3bf"  # light tint of the Okabe-Ito vermillion
HATCH_COLOUR = "#e5a582"
SHORT_NAMES = {"francaise": "française", "hors_ue": "hors UE"}

# (row, column) of each cell: rows are what the control would find, columns the decision.
CELLS = {
    "controlled_frauds": (0, 0, "fraudes trouvées", False),
    "missed_frauds": (0, 1, "fraudes manquées", True),
    "controlled_honest": (1, 0, "fausses alertes", True),
    "spared_honest": (1, 1, "laissés tranquilles", False),
}


def threshold_slider(value: float = START_THRESHOLD) -> ipw.FloatSlider:
    return ipw.FloatSlider(
        value=value,
        min=0.0,
        max=1.0,
        step=0.01,
        description="Seuil de contrôle",
        tooltip="Les foyers dont le score atteint ce seuil sont contrôlés",
        readout_format=".2f",
        continuous_update=True,
        style={"description_width": "initial"},
        layout=ipw.Layout(width="460px"),
    )


class ThresholdExplorer(ipw.VBox):
    """Slider, three confusion matrices (overall and per group), the table and the ratios."""

    def __init__(self, table: ScoreTable, start: float = START_THRESHOLD) -> None:
        self.table = table
        self.slider = threshold_slider(start)
        self.figure = LiveFigure(
            "Chaque carré compte des foyers : en ligne, ce que le contrôle trouverait ; "
            "en colonne, la décision prise avec le score. Les cases hachurées sont les erreurs.",
            width=9.6,
            height=3.0,
            dpi=80,
            ncols=3,
        )
        self.counts: list[dict[str, object]] = []
        panels = [("Ensemble", table.scores.size)] + [
            (group_title(group), int((table.groups == group).sum())) for group in control.GROUPS
        ]
        for ax, (name, households) in zip(self.figure.axes, panels, strict=True):
            self._draw_matrix(ax)
            ax.set_title(f"{name} ({count(households)} foyers)", fontsize=11)
        self.summary = ipw.HTML()
        self.details = ipw.HTML()
        self.update(start)
        self.slider.observe(lambda change: self.update(change["new"]), names="value")
        super().__init__([self.slider, self.summary, self.figure.widget, self.details])

    def _draw_matrix(self, ax) -> None:
        texts = {}
        for name, (row, column, label, error) in CELLS.items():
            ax.add_patch(
                Rectangle(
                    (column, 1 - row),
                    1,
                    1,
                    facecolor=ERROR_COLOUR if error else CORRECT_COLOUR,
                    edgecolor="#333333",
                    hatch="//" if error else None,
                    hatchcolor=HATCH_COLOUR,
                    linewidth=1,
                )
            )
            texts[name] = ax.text(
                column + 0.5, 1.58 - row, "", ha="center", va="center", fontsize=15, weight="bold"
            )
            ax.text(column + 0.5, 1.25 - row, label, ha="center", va="center", fontsize=9)
            self.figure.animate(texts[name])
        ax.set_xlim(0, 2)
        ax.set_ylim(0, 2)
        ax.set_xticks([0.5, 1.5], ["Contrôlé", "Non contrôlé"])
        ax.set_yticks([1.5, 0.5], ["Fraude\nconstatée", "Pas de\nfraude"])
        ax.tick_params(length=0)
        ax.set_xlabel("Décision prise avec le score")
        for spine in ax.spines.values():
            spine.set_visible(False)
        self.counts.append(texts)

    def update(self, threshold: float) -> None:
        report = self.table.report(threshold)
        panels: list[Confusion] = [report.overall] + [
            report.by_group[group] for group in control.GROUPS
        ]
        for confusion, texts in zip(panels, self.counts, strict=True):
            for cell, text in texts.items():
                text.set_text(count(getattr(confusion, cell)))
        self.figure.refresh()
        self.summary.value = summary_html(report)
        self.details.value = report_table(report) + disparity_html(report)


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
        for index, group in enumerate(control.GROUPS):
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
        self.note.value = (
            f'<p aria-live="polite">Seuil : {format_number(report.threshold, 2)}. '
            "Honnêtes contrôlés : "
            + ", ".join(
                f"{percent(report.by_group[group].false_alarm_rate, 0)} ({GROUP_NAMES[group]})"
                for group in control.GROUPS
            )
            + ". Fraudes trouvées : "
            + ", ".join(
                f"{percent(report.by_group[group].recall, 0)} ({GROUP_NAMES[group]})"
                for group in control.GROUPS
            )
            + ".</p>"
        )
