"""The controls the language-model widgets share, labelled in French."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.viewkit.controls import LABEL_STYLE


def prompt_box(value: str, description: str = "Début du texte") -> ipw.Textarea:
    return ipw.Textarea(
        value=value,
        description=description,
        placeholder="Écrivez le début d'une phrase ; le modèle cherche la suite.",
        tooltip="Le début de texte que le modèle doit continuer",
        continuous_update=True,
        style=LABEL_STYLE,
        layout=ipw.Layout(width="95%", height="3.2em"),
    )


def temperature_slider(value: float, maximum: float = 2.0) -> ipw.FloatSlider:
    return ipw.FloatSlider(
        value=value,
        min=0.0,
        max=maximum,
        step=0.05,
        description="Température",
        tooltip="0 : toujours le token le plus probable ; plus haut : des choix plus variés",
        readout_format=".2f",
        continuous_update=True,
        style=LABEL_STYLE,
        layout=ipw.Layout(width="420px"),
    )


def text_of(box: ipw.Text | ipw.Textarea) -> str:
    return box.value if isinstance(box.value, str) else ""
