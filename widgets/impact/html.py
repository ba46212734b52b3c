"""Module 06's HTML: the calculator's results and the footprint shown under an answer.

Every value is a range (« 0,58 à 0,96 Wh ») when EcoLogits gives one; the
table has a caption and header cells for screen readers.
"""

from __future__ import annotations

from html import escape

from widgets.french import format_number
from widgets.impact.amounts import span_text
from widgets.impact.catalogue import catalogue
from widgets.impact.comparisons import sentences
from widgets.impact.estimate import Footprint, Span

TABLE_STYLE = "border-collapse:collapse;margin:0.4em 0;font-size:0.95em"
CELL_STYLE = "border:1px solid #999;padding:0.25em 0.6em;text-align:right"
HEAD_STYLE = "border:1px solid #999;padding:0.25em 0.6em;text-align:left;background:#f0f0f0"
BOX_STYLE = "border-left:4px solid #777;padding:0.3em 0.7em;margin:0.4em 0;font-size:0.95em"


def zone_name(code: str) -> str:
    return catalogue().zones.get(code, code)


def _row(name: str, value: Span, unit: str, detail: str = "") -> str:
    return (
        f'<tr><th scope="row" style="{HEAD_STYLE}">{name}</th>'
        f'<td style="{CELL_STYLE}">{span_text(value.low, value.high, unit)}</td>'
        f'<td style="{HEAD_STYLE};font-weight:normal">{detail}</td></tr>'
    )


def results_table(footprint: Footprint) -> str:
    """Energy, carbon (use and manufacturing) and water of one request, with ranges."""
    use = span_text(footprint.carbon_use_g.low, footprint.carbon_use_g.high, "g")
    made = span_text(
        footprint.carbon_manufacturing_g.low, footprint.carbon_manufacturing_g.high, "g"
    )
    caption = (
        f"Une réponse de {format_number(footprint.tokens)} tokens, {escape(footprint.model)}, "
        f"électricité : {zone_name(footprint.zone)}"
    )
    rows = (
        _row(
            "Énergie",
            footprint.energy_wh,
            "Wh",
            "électricité des serveurs, refroidissement compris",
        ),
        _row(
            "Carbone",
            footprint.carbon_g,
            "gCO2eq",
            f"dont {use} pour l'électricité et {made} pour la fabrication du matériel",
        ),
        _row(
            "Eau",
            footprint.water_ml,
            "mL",
            "eau consommée pour l'électricité et le refroidissement",
        ),
    )
    return (
        f'<table style="{TABLE_STYLE}"><caption style="text-align:left">{caption}</caption>'
        f'<tr><th scope="col" style="{HEAD_STYLE}">Impact</th>'
        f'<th scope="col" style="{HEAD_STYLE}">Estimation</th>'
        f'<th scope="col" style="{HEAD_STYLE}">Ce qui est compté</th></tr>'
        f"{''.join(rows)}</table>"
    )


def comparisons_list(footprint: Footprint) -> str:
    items = "".join(f"<li>{escape(line)}</li>" for line in sentences(footprint))
    return f'<p style="margin:0.4em 0 0.1em">Pour se représenter ces chiffres :</p><ul>{items}</ul>'


def calculator_html(footprint: Footprint) -> str:
    return results_table(footprint) + comparisons_list(footprint)


def _short(footprint: Footprint) -> str:
    energy = span_text(footprint.energy_wh.low, footprint.energy_wh.high, "Wh")
    carbon = span_text(footprint.carbon_g.low, footprint.carbon_g.high, "gCO2eq")
    water = span_text(footprint.water_ml.low, footprint.water_ml.high, "mL")
    return f"{energy}, {carbon}, {water} d'eau"


def footprint_html(footprint: Footprint | None) -> str:
    """The box under an answer: its estimated footprint, or why there is none."""
    if footprint is None:
        text = (
            "Empreinte non estimée : EcoLogits ne connaît pas ce modèle "
            "(ou la réponse ne dit pas combien de tokens ont été produits)."
        )
    elif footprint.stand_in_for:
        text = (
            f"Le modèle de la classe tourne sur cet ordinateur. La même réponse "
            f"({footprint.tokens} tokens) demandée à {escape(footprint.model)} coûterait environ "
            f"{_short(footprint)}, avec l'électricité de la France (estimation EcoLogits)."
        )
    else:
        text = (
            f"Empreinte estimée de cette réponse ({footprint.tokens} tokens, "
            f"{escape(footprint.model)}) : {_short(footprint)}, avec l'électricité du pays "
            f"où EcoLogits place les centres de données du fournisseur "
            f"({zone_name(footprint.zone)}). Estimation EcoLogits, sans l'entraînement du modèle."
        )
    return f'<div role="note" style="{BOX_STYLE}">{text}</div>'
