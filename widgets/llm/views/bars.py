"""Horizontal probability bars, drawn once and then updated in place.

The likeliest token is at the top; each bar carries its token on the left
and its percentage in writing at its end, so that colour carries no
meaning on its own.

Speed: these bars follow a slider, within 30 ms. Matplotlib renders text
glyph by glyph, and text is most of the cost of a redraw, so labels are
plain text artists rather than axis ticks (tick machinery costs as much
again), glyphs are drawn without hinting, and the PNG is compressed
lightly.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from matplotlib import rc_context

from widgets.llm.views.text import percent, plot_safe
from widgets.plotting import OKABE_ITO, LiveFigure

MAX_LABEL = 16


def short_percent(probability: float) -> str:
    """A percentage with few glyphs: one decimal below 10 %, none above."""
    return percent(probability, 1 if probability < 0.1 else 0)


class QuickFigure(LiveFigure):
    """A LiveFigure rendered faster: no glyph hinting, light PNG compression."""

    def png(self) -> bytes:
        buffer = io.BytesIO()
        with rc_context({"text.hinting": "no_hinting"}):
            self.canvas.print_png(buffer, pil_kwargs={"compress_level": 1})
        self.figure.set_layout_engine("none")
        return buffer.getvalue()


class ProbabilityBars:
    """`count` bars whose labels, lengths and written percentages change on `show`."""

    def __init__(self, caption: str, count: int = 10, xlabel: str = "Probabilité (%)") -> None:
        self.count = count
        self.figure = QuickFigure(caption, width=6.4, height=0.28 * count + 0.9, dpi=80)
        self.figure.figure.set_layout_engine("none")
        ax = self.figure.ax
        ax.set_position((0.24, 0.17, 0.72, 0.79))
        positions = list(range(count))
        self.bars = ax.barh(
            positions, [0.0] * count, color=OKABE_ITO[0], edgecolor="black", linewidth=0.6
        )
        self.values = [ax.text(0, y, "", va="center", ha="left", fontsize=9) for y in positions]
        labels_at = ax.get_yaxis_transform()
        self.labels = [
            ax.text(-0.02, y, "", va="center", ha="right", fontsize=9, transform=labels_at)
            for y in positions
        ]
        ax.set_ylim(count - 0.5, -0.5)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_xlabel(xlabel)
        ax.spines[["top", "right"]].set_visible(False)

    @property
    def widget(self):
        return self.figure.widget

    def show(self, labels: Sequence[str], probabilities: Sequence[float]) -> None:
        """Draw these labels and probabilities (at most `count`, the likeliest first)."""
        highest = max((float(p) for p in probabilities), default=0.0)
        right = max(100 * highest * 1.25, 1.0)
        for index in range(self.count):
            if index < len(labels):
                label, probability = plot_safe(labels[index]), float(probabilities[index])
            else:
                label, probability = "", 0.0
            if len(label) > MAX_LABEL:
                label = label[: MAX_LABEL - 1] + "…"
            self.labels[index].set_text(label)
            self.bars[index].set_width(100 * probability)
            self.values[index].set_position((100 * probability + right * 0.01, index))
            self.values[index].set_text(short_percent(probability) if label else "")
        self.figure.ax.set_xlim(0, right)
        self.figure.refresh()
