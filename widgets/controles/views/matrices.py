"""Module 10 view: a threshold slider over three confusion matrices (overall and per group).

The matrices are drawn once; a slider move only rewrites the numbers in the
cells and the table and ratios under the figure.
"""

from __future__ import annotations

import ipywidgets as ipw
from matplotlib.patches import Rectangle

from widgets.controles.dataset import GROUPS
from widgets.controles.html import disparity_html, group_title, report_table, summary_html
from widgets.controles.thresholds import Confusion, ScoreTable
from widgets.controles.views.slider import START_THRESHOLD, threshold_slider
from widgets.french import format_number
from widgets.viewkit.figure import LiveFigure

CORRECT_COLOUR = "#cfe3f2"  # light tint of the Okabe-Ito blue
ERROR_COLOUR = "#f6d3bf"  # light tint of the Okabe-Ito vermillion
HATCH_COLOUR = "#e5a582"

# (row, column) of each cell: rows are what the control would find, columns the decision.
CELLS = {
    "controlled_frauds": (0, 0, "fraudes trouvées", False),
    "missed_frauds": (0, 1, "fraudes manquées", True),
    "controlled_honest": (1, 0, "fausses alertes", True),
    "spared_honest": (1, 1, "laissés tranquilles", False),
}


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
            (group_title(group), int((table.groups == group).sum())) for group in GROUPS
        ]
        for ax, (name, households) in zip(self.figure.axes, panels, strict=True):
            self._draw_matrix(ax)
            ax.set_title(f"{name} ({format_number(households)} foyers)", fontsize=11)
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
        panels: list[Confusion] = [report.overall] + [report.by_group[group] for group in GROUPS]
        for confusion, texts in zip(panels, self.counts, strict=True):
            for cell, text in texts.items():
                text.set_text(format_number(getattr(confusion, cell)))
        self.figure.refresh()
        self.summary.value = summary_html(report)
        self.details.value = report_table(report) + disparity_html(report)
