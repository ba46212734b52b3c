"""The controls the language-model widgets share, labelled in French."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.arguments import read_text
from widgets.french import format_number
from widgets.text import printable
from widgets.viewkit.controls import LABEL_STYLE


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


def temperature_label(value: float) -> str:
    """The slider's label with its value written the French way (« 0,80 », not « 0.80 »)."""
    return f"Température : {format_number(value, 2)}"


def temperature_slider(value: float, maximum: float = 2.0) -> ipw.FloatSlider:
    """The browser writes a readout with a decimal point: the label carries the value instead."""
    slider = ipw.FloatSlider(
        value=value,
        min=0.0,
        max=maximum,
        step=0.05,
        description=temperature_label(value),
        tooltip="0 : toujours le token le plus probable ; plus haut : des choix plus variés",
        readout=False,
        continuous_update=True,
        style=LABEL_STYLE,
        layout=ipw.Layout(width="460px"),
    )
    slider.observe(
        lambda change: setattr(slider, "description", temperature_label(change["new"])),
        names="value",
    )
    return slider


def text_of(box: ipw.Text | ipw.Textarea) -> str:
    """What the learner typed, made printable (a lone surrogate cannot reach the browser)."""
    return printable(box.value) if isinstance(box.value, str) else ""
