"""A LiveFigure that redraws only the artists a slider moves (blitting).

A full render of a figure with hatched cells, ticks and legends takes
about 80 ms on a Binder-sized machine, over the 30 ms budget of a slider.
Here the static part is rendered once and kept as pixels; each refresh
restores those pixels, draws the few moving artists (numbers, a line, a
shaded band) on top, and encodes the PNG with fast compression.
"""

from __future__ import annotations

import io

import numpy as np
from matplotlib.artist import Artist
from PIL import Image

from widgets.plotting import LiveFigure

PNG_COMPRESSION = 1
"""zlib level: 1 encodes about twice as fast as the default for a few percent more bytes."""


class BlitFigure(LiveFigure):
    """Static background rendered once; `moving` artists drawn over it on each refresh."""

    def __init__(self, caption: str, **options: float) -> None:
        super().__init__(caption, **options)
        self.moving: list[Artist] = []
        self._background = None

    def animate(self, *artists: Artist) -> None:
        """Mark artists as moving: left out of the background, drawn on each refresh."""
        for artist in artists:
            artist.set_animated(True)
            self.moving.append(artist)

    def png(self) -> bytes:
        if self._background is None:
            self.canvas.draw()
            self.figure.set_layout_engine("none")
            self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        else:
            self.canvas.restore_region(self._background)
        for artist in self.moving:
            self.figure.draw_artist(artist)
        pixels = np.asarray(self.canvas.buffer_rgba())[:, :, :3]
        buffer = io.BytesIO()
        Image.fromarray(pixels).save(buffer, format="png", compress_level=PNG_COMPRESSION)
        return buffer.getvalue()
