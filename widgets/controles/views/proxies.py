"""Module 10 view: the same score with and without nationality, and what carries it."""

from __future__ import annotations

import ipywidgets as ipw
import numpy as np

from widgets.controles.dataset import GROUPS
from widgets.controles.html import (
    SHORT_GROUP_NAMES,
    proxies_summary,
    proxies_table,
    times,
    variants_table,
)
from widgets.controles.proxies import ProxyStudy
from widgets.controles.views.slider import START_THRESHOLD, threshold_slider
from widgets.french import format_percent
from widgets.palette import OKABE_ITO
from widgets.viewkit.figure import LiveFigure

BAR_WIDTH = 0.36


class ProxyDemo(ipw.VBox):
    """False-alarm rates per group for three versions of the model, at the chosen threshold."""

    def __init__(self, proxies: ProxyStudy, start: float = START_THRESHOLD) -> None:
        self.proxies = proxies
        self.slider = threshold_slider(start)
        self.figure = LiveFigure(
            "Pour chaque version du modèle, la part des foyers honnêtes de chaque groupe qui "
            "seraient contrôlés au seuil choisi ; au-dessus, le rapport entre les deux groupes.",
            width=7.6,
            height=3.6,
            dpi=80,
        )
        ax = self.figure.ax
        positions = np.arange(len(proxies.variants))
        self.bars = {}
        self.bar_labels = {}
        for index, group in enumerate(GROUPS):
            offset = (index - 0.5) * BAR_WIDTH
            self.bars[group] = ax.bar(
                positions + offset,
                np.zeros(len(positions)),
                BAR_WIDTH,
                color=OKABE_ITO[index] if index == 0 else "#f6d3bf",
                edgecolor=OKABE_ITO[index],
                hatch="//" if index else None,
                label=f"Foyers honnêtes, {SHORT_GROUP_NAMES[group]}",
            )
            self.bar_labels[group] = [
                ax.text(x + offset, 0, "", ha="center", va="bottom", fontsize=9) for x in positions
            ]
        self.ratio_labels = [
            ax.text(x, 133, "", ha="center", va="top", fontsize=10, weight="bold")
            for x in positions
        ]
        ax.set_xticks(positions, [variant.name for variant in proxies.variants])
        ax.set_ylim(0, 135)
        ax.set_yticks(range(0, 101, 20))
        ax.set_ylabel("Honnêtes contrôlés (% du groupe)")
        ax.legend(
            loc="upper center", bbox_to_anchor=(0.5, 0.91), ncols=2, fontsize=9, frameon=False
        )
        for group in GROUPS:
            self.figure.animate(*self.bars[group], *self.bar_labels[group])
        self.figure.animate(*self.ratio_labels)
        self.comparison = ipw.HTML()
        explanation = ipw.HTML(proxies_summary(proxies) + proxies_table(proxies))
        self.update(start)
        self.slider.observe(lambda change: self.update(change["new"]), names="value")
        super().__init__([self.slider, self.figure.widget, self.comparison, explanation])

    def update(self, threshold: float) -> None:
        reports = [variant.table.report(threshold) for variant in self.proxies.variants]
        for group in GROUPS:
            for bar, label, report in zip(
                self.bars[group], self.bar_labels[group], reports, strict=True
            ):
                rate = report.by_group[group].false_alarm_rate or 0.0
                bar.set_height(100 * rate)
                label.set_position((bar.get_x() + bar.get_width() / 2, 100 * rate + 1))
                label.set_text(format_percent(rate, 0))
        for label, report in zip(self.ratio_labels, reports, strict=True):
            label.set_text(f"rapport {times(report.false_alarm_ratio)}")
        self.figure.refresh()
        self.comparison.value = variants_table(self.proxies, reports[0].threshold)
