"""The threshold slider every view of module 10 starts with."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.viewkit.controls import LABEL_STYLE

START_THRESHOLD = 0.5


def threshold_slider(value: float = START_THRESHOLD) -> ipw.FloatSlider:
    return ipw.FloatSlider(
        value=value,
        min=0.0,
        max=1.0,
        step=0.01,
        description="Seuil de contrôle",
        tooltip="Les foyers dont le score atteint ce seuil sont contrôlés",
        readout_format=".2f",
        continuous_update=True,
        style=LABEL_STYLE,
        layout=ipw.Layout(width="460px"),
    )
