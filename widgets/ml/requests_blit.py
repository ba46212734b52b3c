"""Redraw only what changes in a LiveFigure: matplotlib's « blitting », then a PNG.

A full redraw of a figure with many labels (a 9 × 9 confusion matrix has 81
numbers) costs far more than the 30 ms an update may take. Here the still
parts (axes, labels, numbers) are drawn once and kept as pixels; each
update pastes them back, draws the few moving artists on top and encodes
the result. The figure is never rebuilt: the same artists only change.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import numpy as np
from matplotlib.artist import Artist
from matplotlib.image import imsave

from widgets.plotting import LiveFigure


class BlittedFigure:
    """A LiveFigure whose `moving` artists are redrawn over a saved background."""

    def __init__(self, live: LiveFigure, moving: Sequence[Artist]) -> None:
        self.live = live
        self.moving = list(moving)
        for artist in self.moving:
            artist.set_animated(True)
        live.png()  # first full render: fixes the layout; animated artists are left out
        canvas = live.canvas
        self._background = canvas.copy_from_bbox(live.figure.bbox)

    def refresh(self) -> None:
        """Paste the background, draw the moving artists, show the new image."""
        canvas = self.live.canvas
        canvas.restore_region(self._background)
        for artist in self.moving:
            self.live.figure.draw_artist(artist)
        self.live.image.value = self.png()

    def png(self) -> bytes:
        pixels = np.asarray(self.live.canvas.buffer_rgba())
        buffer = io.BytesIO()
        imsave(buffer, pixels, format="png", pil_kwargs={"compress_level": 3})
        return buffer.getvalue()
