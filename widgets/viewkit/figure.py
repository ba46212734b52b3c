"""Figures for widgets: drawn once, then updated in place and shown as an image.

A `LiveFigure` owns a matplotlib Figure with an Agg canvas (no pyplot, no
global state, no backend to configure) and an ipywidgets Image. A view
creates its artists once, then on each slider move changes their data and
calls `refresh()`, which re-renders the same figure to PNG: the figure is
never rebuilt. Every figure carries a one-sentence French caption under it,
and `OKABE_ITO` gives colours that colour-blind readers can tell apart.
Import this module only where a figure is needed: matplotlib is heavy.

Speed: a slider must answer within 30 ms, and a full render of a figure
with many labels takes far more (50 to 100 ms for two panels with legends
or a 9 × 9 matrix of numbers on a Binder-sized machine): matplotlib lays
out and rasterises text glyph by glyph, which is most of the cost. So a
view passes the few artists a slider moves to `animate`; the rest (axes,
ticks, legends, labels) is rendered once and kept as pixels (the
« background »), and each refresh pastes those pixels back, draws only the
animated artists on top and encodes the PNG with `widgets.viewkit.png` (matplotlib's
« blitting »). When something in the background changes (new labels), the
view calls `invalidate_background()`: the next refresh renders it again.
"""

from __future__ import annotations

import io
from contextlib import AbstractContextManager, nullcontext

import ipywidgets as ipw
import numpy as np
from matplotlib import rc_context
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from widgets.viewkit.png import encode_png

LINE_STYLES = ("-", "--", ":", "-.")

UNHINTED_TEXT = {"text.hinting": "no_hinting"}
"""Glyphs drawn without hinting: about a quarter faster to rasterise, for
edges a little softer. Worth it where text is redrawn on every update."""


class LiveFigure:
    """A figure shown as an image widget, re-rendered in place on `refresh()`.

    `layout` is "constrained" (computed on the first render, then kept) or
    "none" for a view that places its axes itself. `unhinted_text` draws
    every glyph without hinting (see `UNHINTED_TEXT`).
    """

    def __init__(
        self,
        caption: str,
        width: float = 6.4,
        height: float = 3.6,
        dpi: int = 90,
        nrows: int = 1,
        ncols: int = 1,
        layout: str = "constrained",
        unhinted_text: bool = False,
    ) -> None:
        self.figure = Figure(figsize=(width, height), dpi=dpi, layout=layout)
        self.canvas = FigureCanvasAgg(self.figure)
        axes = self.figure.subplots(nrows, ncols, squeeze=False)
        self.axes = [ax for row in axes for ax in row]
        # The caption under the image is also its text alternative (see viewkit.session).
        self.image = ipw.Image(format="png", layout=ipw.Layout(max_width="100%"))
        self.caption = ipw.HTML(f'<p style="margin:0.2em 0 0.8em 0"><em>{caption}</em></p>')
        self.widget = ipw.VBox([self.image, self.caption])
        self.unhinted_text = unhinted_text
        self._animated: list[Artist] = []
        self._background = None

    @property
    def ax(self):
        return self.axes[0]

    def animate(self, *artists: Artist) -> None:
        """Leave these artists out of the background: they are redrawn on every refresh.

        They are left out of the layout too: computed once, it must not depend
        on where the moving artists happen to stand at the first render.
        """
        for artist in artists:
            artist.set_animated(True)
            artist.set_in_layout(False)
            self._animated.append(artist)
        self._background = None

    def invalidate_background(self) -> None:
        """Something outside the animated artists changed: render the background again next time."""
        self._background = None

    def png(self) -> bytes:
        """The figure as PNG: a full render if nothing is animated, else blitted."""
        if not self._animated:
            buffer = io.BytesIO()
            with self._text_style():
                self.canvas.print_png(buffer)
            self._freeze_layout()
            return buffer.getvalue()
        with self._text_style():
            if self._background is None:
                self.canvas.draw()
                self._freeze_layout()
                self._background = self.canvas.copy_from_bbox(self.figure.bbox)
            else:
                self.canvas.restore_region(self._background)
            for artist in self._animated:
                self.figure.draw_artist(artist)
        return encode_png(np.asarray(self.canvas.buffer_rgba()))

    def refresh(self) -> None:
        """Re-render the existing figure into the image widget."""
        self.image.value = self.png()

    def _freeze_layout(self) -> None:
        # The layout is computed on the first render, then kept: recomputing it
        # on every slider move would double the time of an update.
        self.figure.set_layout_engine("none")

    def _text_style(self) -> AbstractContextManager:
        return rc_context(UNHINTED_TEXT) if self.unhinted_text else nullcontext()
