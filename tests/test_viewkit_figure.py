"""The shared LiveFigure: full renders, animated artists over a kept background, the PNG encoder."""

from __future__ import annotations

import io

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from matplotlib import rcParams
from matplotlib.patches import Rectangle
from PIL import Image

from widgets.viewkit.figure import LiveFigure
from widgets.viewkit.png import encode_png

RED = (255, 0, 0)


def decoded(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def red_pixels(png: bytes) -> int:
    return int(np.all(decoded(png) == RED, axis=2).sum())


def black_columns(png: bytes) -> np.ndarray:
    return np.flatnonzero(np.all(decoded(png) < 80, axis=2).any(axis=0))


def blank_figure(**options) -> LiveFigure:
    figure = LiveFigure("Légende.", width=3.0, height=2.0, dpi=50, **options)
    figure.ax.set_axis_off()
    figure.ax.set_xlim(0, 1)
    figure.ax.set_ylim(0, 1)
    return figure


def test_a_figure_without_animated_artists_is_rendered_whole_each_time() -> None:
    figure = blank_figure()
    patch = figure.ax.add_patch(Rectangle((0.2, 0.2), 0.6, 0.6, color="white"))
    figure.refresh()
    assert red_pixels(figure.image.value) == 0
    assert figure.figure.get_layout_engine().__class__.__name__ == "PlaceHolderLayoutEngine"
    patch.set_color("red")
    figure.refresh()
    assert red_pixels(figure.image.value) > 0


def test_animated_artists_move_over_a_background_kept_until_invalidated() -> None:
    figure = blank_figure()
    patch = figure.ax.add_patch(Rectangle((0.2, 0.2), 0.6, 0.6, color="white"))
    line = figure.ax.axvline(0.1, color="black", linewidth=2)
    figure.animate(line)
    assert not line.get_in_layout()
    figure.refresh()
    first = figure.image.value
    assert red_pixels(first) == 0

    line.set_xdata([0.9, 0.9])
    patch.set_color("red")  # not animated: stays as it was in the background
    figure.refresh()
    moved = figure.image.value
    assert moved != first
    assert black_columns(moved).min() > black_columns(first).max()
    assert red_pixels(moved) == 0

    figure.invalidate_background()
    figure.refresh()
    assert red_pixels(figure.image.value) > 0
    assert np.array_equal(black_columns(figure.image.value), black_columns(moved))


def test_the_shown_png_is_the_canvas() -> None:
    figure = blank_figure(unhinted_text=True)
    label = figure.ax.text(0.5, 0.5, "Décision", ha="center")
    figure.animate(label)
    figure.refresh()
    label.set_text("Contrôlé")
    figure.refresh()
    drawn = np.asarray(figure.canvas.buffer_rgba())[:, :, :3]
    assert np.array_equal(decoded(figure.image.value), drawn)


def test_unhinted_text_leaves_the_global_settings_alone() -> None:
    before = rcParams["text.hinting"]
    figure = blank_figure(unhinted_text=True)
    figure.animate(figure.ax.text(0.5, 0.5, "Texte"))
    figure.ax.set_title("Titre")
    figure.refresh()
    figure.refresh()
    assert rcParams["text.hinting"] == before


@given(
    st.integers(1, 40),
    st.integers(1, 40),
    st.integers(0, 2**32 - 1),
)
def test_encoded_png_decodes_to_the_same_pixels(height: int, width: int, seed: int) -> None:
    rgba = np.random.default_rng(seed).integers(0, 256, (height, width, 4), dtype=np.uint8)
    picture = Image.open(io.BytesIO(encode_png(rgba)))
    assert picture.mode == "RGB" and picture.size == (width, height)
    assert np.array_equal(np.asarray(picture), rgba[:, :, :3])


def test_encoder_reads_a_canvas_buffer_directly() -> None:
    figure = blank_figure()
    figure.ax.add_patch(Rectangle((0.2, 0.2), 0.6, 0.6, color="red"))
    figure.canvas.draw()
    rgba = np.asarray(figure.canvas.buffer_rgba())
    assert np.array_equal(decoded(encode_png(rgba)), rgba[:, :, :3])
