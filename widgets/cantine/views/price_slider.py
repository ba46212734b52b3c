"""A slider for the price of a meal, and what it costs the commune in a year."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.canteen.engine import CanteenYear, canteen_year
from widgets.french import format_euros, format_number
from widgets.viewkit.controls import LABEL_STYLE


def summary_html(year: CanteenYear) -> str:
    share = min(year.cost / year.budget, 1.0) if year.budget else 1.0
    if year.within_budget:
        verdict = f"reste {format_euros(year.margin)} : le budget est respecté ✔"
    else:
        verdict = f"dépassement de {format_euros(-year.margin)} : le budget est dépassé ✘"
    return (
        '<div aria-live="polite" style="line-height:1.6">'
        f"Repas servis dans l'année : <strong>{format_number(year.meals)}</strong><br>"
        f"Coût annuel des repas : <strong>{format_euros(year.cost)}</strong><br>"
        f"Budget voté : {format_euros(year.budget)}, {verdict}"
        f'<div role="img" aria-label="Part du budget utilisée : {round(share * 100)} %" '
        'style="width:320px;height:14px;border:1px solid #333;margin-top:4px">'
        f'<div style="width:{share * 100:.1f}%;height:100%;background:#0072B2"></div></div>'
        "</div>"
    )


def price_slider(start_price: float = 3.20) -> ipw.VBox:
    """The slider and its live summary; the summary is recomputed on each move."""
    slider = ipw.FloatSlider(
        value=start_price,
        min=2.50,
        max=5.50,
        step=0.05,
        description="Prix d'un repas (€)",
        readout_format=".2f",
        continuous_update=True,
        style=LABEL_STYLE,
        layout=ipw.Layout(width="420px"),
    )
    summary = ipw.HTML(summary_html(canteen_year(slider.value)))

    def redraw(change: dict) -> None:
        summary.value = summary_html(canteen_year(change["new"]))

    slider.observe(redraw, names="value")
    return ipw.VBox([slider, summary])
