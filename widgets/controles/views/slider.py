"""The threshold slider every view of module 10 starts with."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.french import format_number
from widgets.viewkit.controls import LABEL_STYLE

START_THRESHOLD = 0.5


def threshold_label(value: float) -> str:
    """The slider's label with its value written the French way (« 0,60 », not « 0.60 »)."""
    return f"Seuil de contrôle : {format_number(value, 2)}"


def threshold_slider(value: float = START_THRESHOLD) -> ipw.FloatSlider:
    """The browser writes a readout with a decimal point: the label carries the value instead."""
    slider = ipw.FloatSlider(
        value=value,
        min=0.0,
        max=1.0,
        step=0.01,
        description=threshold_label(value),
        tooltip="Les foyers dont le score atteint ce seuil sont contrôlés",
        readout=False,
        continuous_update=True,
        style=LABEL_STYLE,
        layout=ipw.Layout(width="460px"),
    )
    slider.observe(
        lambda change: setattr(slider, "description", threshold_label(change["new"])),
        names="value",
    )
    return slider
