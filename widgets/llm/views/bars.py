"""Horizontal probability bars, drawn once and then updated in place.

The likeliest token is at the top; each bar carries its token on the left
and its percentage in writing at its end, so that colour carries no
meaning on its own.

Speed: these bars follow a slider, within 30 ms, and matplotlib renders
text glyph by glyph, which is most of the cost of a redraw. So:
- the token labels, the baseline and the axis title are drawn once into a
  background, kept as pixels, and drawn again only when the labels change
  (a new prompt); a slider move that only changes the probabilities
  restores that background and draws the bars and percentages on it
  (matplotlib's "blitting", with the bars marked as animated);
- there are no ticks (each bar has its value written on it), glyphs are
  drawn without hinting, and the PNG is compressed lightly.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from matplotlib import rc_context
from PIL import Image

from widgets.llm.views.text import percent, plot_safe
from widgets.plotting import OKABE_ITO, LiveFigure

MAX_LABEL = 16
_FAST_TEXT = {"text.hinting": "no_hinting"}


def short_percent(probability: float) -> str:
    """A percentage with few glyphs: one decimal below 10 %, none above."""
    return percent(probability, 1 if probability < 0.1 else 0)


class QuickFigure(LiveFigure):
    """A LiveFigure whose animated artists can be redrawn over a saved background."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.figure.set_layout_engine("none")
        self._background = None

    def draw_background(self) -> None:
        """Draw everything but the animated artists, and keep the pixels."""
        with rc_context(_FAST_TEXT):
            self.canvas.draw()
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)

    def refresh_animated(self, artists: Sequence) -> None:
        """Draw `artists` over the saved background and show the result."""
        if self._background is None:
            self.draw_background()
        self.canvas.restore_region(self._background)
        with rc_context(_FAST_TEXT):
            for artist in artists:
                artist.axes.draw_artist(artist)
        width, height = self.canvas.get_width_height()
        picture = Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(), "raw")
        buffer = io.BytesIO()
        picture.save(buffer, format="png", compress_level=1)
        self.image.value = buffer.getvalue()


class ProbabilityBars:
    """`count` bars whose labels, lengths and written percentages change on `show`."""

    def __init__(self, caption: str, count: int = 10, xlabel: str = "Probabilité (%)") -> None:
        self.count = count
        self.figure = QuickFigure(caption, width=6.4, height=0.28 * count + 0.9, dpi=80)
        ax = self.figure.ax
        ax.set_position((0.24, 0.17, 0.72, 0.79))
        ax.set_axis_off()
        ax.set_ylim(count - 0.5, -0.5)
        positions = list(range(count))
        self.bars = list(
            ax.barh(positions, [0.0] * count, color=OKABE_ITO[0], edgecolor="black", lw=0.6)
        )
        self.values = [ax.text(0, y, "", va="center", ha="left", fontsize=9) for y in positions]
        for artist in (*self.bars, *self.values):
            artist.set_animated(True)
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
            self.figure.draw_background()
            self._shown_labels = shown
        right = max(100 * max(values) * 1.25, 1.0)
        self.figure.ax.set_xlim(0, right)
        for index, value in enumerate(values):
            self.bars[index].set_width(100 * value)
            self.values[index].set_position((100 * value + right * 0.01, index))
            self.values[index].set_text(short_percent(value) if shown[index] else "")
        self.figure.refresh_animated([*self.bars, *self.values])
