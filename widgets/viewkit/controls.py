"""What labelled controls share across the course's views."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.french import format_number

LABEL_STYLE = {"description_width": "initial"}
"""Show a control's French label whole, however long, instead of cutting it."""


def fitted() -> ipw.Layout:
    """A layout as wide as the control's French label, so the label is never cut.

    One new layout per control: a layout shared by several widgets would tie them together.
    """
    return ipw.Layout(width="auto")


def french_slider(
    name: str, value: float, low: float, high: float, step: float, tooltip: str
) -> ipw.FloatSlider:
    """A slider whose label carries its value written the French way (« Seuil : 0,60 »).

    The browser writes a slider's own readout with a decimal point (« 0.60 »), so the
    readout is hidden and the label is rewritten on every move.
    """

    def label(number: float) -> str:
        return f"{name} : {format_number(number, 2)}"

    slider = ipw.FloatSlider(
        value=value,
        min=low,
        max=high,
        step=step,
        description=label(value),
        tooltip=tooltip,
        readout=False,
        continuous_update=True,
        style=LABEL_STYLE,
        layout=ipw.Layout(width="460px"),
    )
    slider.observe(lambda change: setattr(slider, "description", label(change["new"])), "value")
    return slider
