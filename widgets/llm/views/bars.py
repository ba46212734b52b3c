"""Horizontal probability bars, drawn once and then updated in place.

The likeliest token is at the top; each bar carries its token on the left
and its percentage in writing at its end, so that colour carries no
meaning on its own.

Speed (see `widgets.viewkit.figure`): the bars and their percentages are the
animated artists, drawn over a background that holds the token labels,
the baseline and the axis title; that background is rendered again only
when the labels change (a new prompt). There are no ticks (each bar has
its value written on it) and glyphs are drawn without hinting.
"""

from __future__ import annotations

from collections.abc import Sequence

from widgets.llm.wording import plot_safe, short_percent
from widgets.palette import OKABE_ITO
from widgets.viewkit.figure import LiveFigure

MAX_LABEL = 16


class ProbabilityBars:
    """`count` bars whose labels, lengths and written percentages change on `show`."""

    def __init__(self, caption: str, count: int = 10, xlabel: str = "Probabilité (%)") -> None:
        self.count = count
        self.figure = LiveFigure(
            caption,
            width=6.4,
            height=0.28 * count + 0.9,
            dpi=80,
            layout="none",
            unhinted_text=True,
        )
        ax = self.figure.ax
        ax.set_position((0.24, 0.17, 0.72, 0.79))
        ax.set_axis_off()
        ax.set_ylim(count - 0.5, -0.5)
        positions = list(range(count))
        self.bars = list(
            ax.barh(positions, [0.0] * count, color=OKABE_ITO[0], edgecolor="black", lw=0.6)
        )
        self.values = [ax.text(0, y, "", va="center", ha="left", fontsize=9) for y in positions]
        self.figure.animate(*self.bars, *self.values)
        at_left = ax.get_yaxis_transform()
        self.labels = [
            ax.text(-0.02, y, "", va="center", ha="right", fontsize=9, transform=at_left)
            for y in positions
        ]
        ax.plot([0, 0], [0, 1], color="black", linewidth=0.8, transform=ax.transAxes)
        ax.text(0.5, -0.04, xlabel, ha="center", va="top", fontsize=10, transform=ax.transAxes)
        self._shown_labels: list[str] | None = None
        self._shown_values: list[float] | None = None

    @property
    def widget(self):
        return self.figure.widget

    def show(self, labels: Sequence[str], probabilities: Sequence[float]) -> None:
        """Draw these labels and probabilities (at most `count`, the likeliest first)."""
        shown = []
        for index in range(self.count):
            label = plot_safe(labels[index]) if index < len(labels) else ""
            shown.append(label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…")
        values = [float(p) for p in probabilities[: self.count]]
        values += [0.0] * (self.count - len(values))
        if shown == self._shown_labels and values == self._shown_values:
            return  # a keystroke that changes nothing the model reads, such as a final space
        self._shown_values = values
        if shown != self._shown_labels:
            for text, label in zip(self.labels, shown, strict=True):
                text.set_text(label)
            self.figure.invalidate_background()
            self._shown_labels = shown
        right = max(100 * max(values) * 1.25, 1.0)
        self.figure.ax.set_xlim(0, right)
        for index, value in enumerate(values):
            self.bars[index].set_width(100 * value)
            self.values[index].set_position((100 * value + right * 0.01, index))
            self.values[index].set_text(short_percent(value) if shown[index] else "")
        self.figure.refresh()
