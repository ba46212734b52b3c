"""The controls the language-model widgets share, labelled in French."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.arguments import read_text
from widgets.text import printable
from widgets.viewkit.controls import LABEL_STYLE, french_slider


def prompt_box(value: str, description: str = "Début du texte") -> ipw.Textarea:
    return ipw.Textarea(
        value=read_text(value, "le début du texte"),
        description=description,
        placeholder="Écrivez le début d'une phrase ; le modèle cherche la suite.",
        tooltip="Le début de texte que le modèle doit continuer",
        continuous_update=True,
        style=LABEL_STYLE,
        layout=ipw.Layout(width="95%", height="3.2em"),
    )


def temperature_slider(value: float, maximum: float = 2.0) -> ipw.FloatSlider:
    return french_slider(
        "Température",
        value,
        0.0,
        maximum,
        0.05,
        "0 : toujours le token le plus probable ; plus haut : des choix plus variés",
    )


def text_of(box: ipw.Text | ipw.Textarea) -> str:
    """What the learner typed, made printable (a lone surrogate cannot reach the browser)."""
    return printable(box.value) if isinstance(box.value, str) else ""
