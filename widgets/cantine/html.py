"""The canteen's summary under the slider, as HTML (plain Python)."""

from __future__ import annotations

from widgets.cantine.budget import CanteenYear
from widgets.french import format_euros, format_number


def summary_html(year: CanteenYear) -> str:
    share = min(year.cost / year.budget, 1.0) if year.budget else 1.0
    if year.within_budget:
        verdict = f"reste {format_euros(year.margin)} : le budget est respecté ✔"
    else:
        verdict = f"dépassement de {format_euros(-year.margin)} : le budget est dépassé ✘"
    return (
        '<div aria-live="polite" style="line-height:1.6">'
        f"Prix d'un repas : <strong>{format_euros(year.price_per_meal)}</strong><br>"
        f"Repas servis dans l'année : <strong>{format_number(year.meals)}</strong><br>"
        f"Coût annuel des repas : <strong>{format_euros(year.cost)}</strong><br>"
        f"Budget voté : {format_euros(year.budget)}, {verdict}"
        f'<div role="img" aria-label="Part du budget utilisée : {round(share * 100)} %" '
        'style="width:320px;height:14px;border:1px solid #333;margin-top:4px">'
        f'<div style="width:{share * 100:.1f}%;height:100%;background:#0072B2"></div></div>'
        "</div>"
    )
