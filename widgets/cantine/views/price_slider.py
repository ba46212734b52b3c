"""A slider for the price of a meal, and what it costs the commune in a year."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.cantine.budget import canteen_year
from widgets.cantine.html import summary_html
from widgets.viewkit.controls import LABEL_STYLE


def price_slider(start_price: float = 3.20) -> ipw.VBox:
    """The slider and its live summary; the summary is recomputed on each move.

    The browser would write the slider's readout with a decimal point (« 3.20 »): the
    summary writes the price instead, the French way (« 3,20 € »)."""
    canteen_year(start_price)  # refuses an odd starting price in French
    slider = ipw.FloatSlider(
        value=start_price,
        min=2.50,
        max=5.50,
        step=0.05,
        description="Prix d'un repas (€)",
        tooltip="Le prix d'un repas, de 2,50 € à 5,50 €, par pas de 5 centimes",
        readout=False,
        continuous_update=True,
        style=LABEL_STYLE,
        layout=ipw.Layout(width="420px"),
    )
    summary = ipw.HTML(summary_html(canteen_year(slider.value)))

    def redraw(change: dict) -> None:
        summary.value = summary_html(canteen_year(change["new"]))

    slider.observe(redraw, names="value")
    return ipw.VBox([slider, summary])
