"""The threshold slider every view of module 10 starts with."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.viewkit.controls import french_slider

START_THRESHOLD = 0.5


def threshold_slider(value: float = START_THRESHOLD) -> ipw.FloatSlider:
    return french_slider(
        "Seuil de contrôle",
        value,
        0.0,
        1.0,
        0.01,
        "Les foyers dont le score atteint ce seuil sont contrôlés",
    )
