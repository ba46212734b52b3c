"""Figures for widgets: drawn once, then updated in place and shown as an image.

A `LiveFigure` owns a matplotlib Figure with an Agg canvas (no pyplot, no
global state, no backend to configure) and an ipywidgets Image. A view
creates its artists once, then on each slider move changes their data and
calls `refresh()`, which re-renders the same figure to PNG: the figure is
never rebuilt. Every figure carries a one-sentence French caption under it,
and `OKABE_ITO` gives colours that colour-blind readers can tell apart.
Import this module only where a figure is needed: matplotlib is heavy.
"""

from __future__ import annotations

import io

import ipywidgets as ipw
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

OKABE_ITO = (
    "#0072B2",  # bleu
    "#D55E00",  # vermillon
    "#009E73",  # vert bleuté
    "#E69F00",  # orange
    "#56B4E9",  # bleu ciel
    "#CC79A7",  # rose pourpre
    "#F0E442",  # jaune
    "#000000",  # noir
)
"""Colour-blind-safe palette (Okabe and Ito). Pair colour with a marker, a
line style or a label: colour alone never carries meaning."""

LINE_STYLES = ("-", "--", ":", "-.")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")


class LiveFigure:
    """A figure shown as an image widget, re-rendered in place on `refresh()`."""

    def __init__(
        self,
        caption: str,
        width: float = 6.4,
        height: float = 3.6,
        dpi: int = 90,
        nrows: int = 1,
        ncols: int = 1,
    ) -> None:
        self.figure = Figure(figsize=(width, height), dpi=dpi, layout="constrained")
        self.canvas = FigureCanvasAgg(self.figure)
        axes = self.figure.subplots(nrows, ncols, squeeze=False)
        self.axes = [ax for row in axes for ax in row]
        self.image = ipw.Image(format="png", layout=ipw.Layout(max_width="100%"))
        self.caption = ipw.HTML(f'<p style="margin:0.2em 0 0.8em 0"><em>{caption}</em></p>')
        self.widget = ipw.VBox([self.image, self.caption])

    @property
    def ax(self):
        return self.axes[0]

    def png(self) -> bytes:
        buffer = io.BytesIO()
        self.canvas.print_png(buffer)
        # The layout is computed on the first render, then kept: recomputing it
        # on every slider move would double the time of an update.
        self.figure.set_layout_engine("none")
        return buffer.getvalue()

    def refresh(self) -> None:
        """Re-render the existing figure into the image widget."""
        self.image.value = self.png()

    def set_caption(self, caption: str) -> None:
        self.caption.value = f'<p style="margin:0.2em 0 0.8em 0"><em>{caption}</em></p>'
