"""A LiveFigure that re-renders only the artists a slider moves (blitting).

A full render of the two-panel figure of module 09 (about 200 points, two
legends) takes 50 to 100 ms, over the 30 ms budget of a slider. Here
everything that never moves is rendered once and kept as pixels; each
refresh pastes those pixels back, draws the few moving artists on top and
encodes the PNG with fast compression: a few milliseconds.
"""

from __future__ import annotations

import io

from matplotlib.artist import Artist
from PIL import Image

from widgets.plotting import LiveFigure

PNG_COMPRESSION = 1
"""zlib level: 1 encodes about twice as fast as the default for a few percent more bytes."""


class BlittedFigure(LiveFigure):
    """Static background rendered once; the artists passed to `animate` drawn on each refresh."""

    def __init__(self, caption: str, **options: float) -> None:
        super().__init__(caption, **options)
        self._moving: list[Artist] = []
        self._background = None

    def animate(self, *artists: Artist) -> None:
        """Leave these artists out of the background: they are redrawn on every refresh."""
        for artist in artists:
            artist.set_animated(True)
            self._moving.append(artist)

    def png(self) -> bytes:
        if self._background is None:
            self.canvas.draw()
            self.figure.set_layout_engine("none")  # keep the first layout, as LiveFigure does
            self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        else:
            self.canvas.restore_region(self._background)
        for artist in self._moving:
            self.figure.draw_artist(artist)
        width, height = self.canvas.get_width_height()
        pixels = Image.frombuffer(
            "RGBA", (width, height), self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1
        )
        buffer = io.BytesIO()
        pixels.convert("RGB").save(buffer, format="png", compress_level=PNG_COMPRESSION)
        return buffer.getvalue()
