"""The calculator: a model (or a parameter count), the answer's length, the electricity mix.

Every control change recomputes the estimate (EcoLogits, cached per
request) and rewrites one HTML block: the table and the comparisons.
Slider values are written in the labels, the French way, as in module 10.
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.french import format_number
from widgets.impact.amounts import significant
from widgets.impact.catalogue import catalogue
from widgets.impact.estimate import Footprint, estimate_by_size, estimate_named
from widgets.impact.html import calculator_html
from widgets.viewkit.controls import LABEL_STYLE

BY_SIZE = "taille"
"""The menu entry for an open-weight model chosen by its parameter count."""
START_MODEL = "mistral-small-latest"
START_TOKENS = 400
START_BILLIONS = 7.0
SLIDER_LOOK = {"readout": False, "style": LABEL_STYLE}
"""The browser writes a readout with a decimal point: the label carries the value instead."""


def tokens_label(value: int) -> str:
    return f"Longueur de la réponse : {format_number(value)} tokens"


def billions_label(value: float) -> str:
    return f"Taille du modèle : {significant(value, 3, trim=True)} milliards de paramètres"


class Calculator:
    """Menus and sliders wired to the estimate; `widget` is what the notebook shows."""

    def __init__(self) -> None:
        names = [(model.label, key) for key, model in catalogue().models.items()]
        self.model = ipw.Dropdown(
            options=[*names, ("Autre modèle à poids ouverts : choisir sa taille", BY_SIZE)],
            value=START_MODEL,
            description="Modèle",
            style=LABEL_STYLE,
            layout=ipw.Layout(width="560px"),
        )
        self.billions = ipw.FloatLogSlider(
            value=START_BILLIONS,
            base=10,
            min=0,
            max=3,
            step=0.05,
            description=billions_label(START_BILLIONS),
            tooltip="Nombre de paramètres du modèle, en milliards",
            layout=ipw.Layout(width="560px"),
            **SLIDER_LOOK,
        )
        self.billions.layout.display = "none"
        self.tokens = ipw.IntSlider(
            value=START_TOKENS,
            min=10,
            max=2_000,
            step=10,
            description=tokens_label(START_TOKENS),
            tooltip="Nombre de tokens écrits par le modèle dans sa réponse",
            layout=ipw.Layout(width="560px"),
            **SLIDER_LOOK,
        )
        self.zone = ipw.Dropdown(
            options=[(name, code) for code, name in catalogue().zones.items()],
            value="FRA",
            description="Électricité du centre de données",
            style=LABEL_STYLE,
        )
        self.result = ipw.HTML()
        for control in (self.model, self.billions, self.tokens, self.zone):
            control.observe(lambda _change: self.update(), names="value")
        self.update()
        self.widget = ipw.VBox([self.model, self.billions, self.tokens, self.zone, self.result])

    def footprint(self) -> Footprint:
        if self.model.value == BY_SIZE:
            return estimate_by_size(self.billions.value, self.tokens.value, self.zone.value)
        return estimate_named(self.model.value, self.tokens.value, self.zone.value)

    def update(self) -> None:
        self.tokens.description = tokens_label(self.tokens.value)
        self.billions.description = billions_label(self.billions.value)
        self.billions.layout.display = "" if self.model.value == BY_SIZE else "none"
        self.result.value = calculator_html(self.footprint())
