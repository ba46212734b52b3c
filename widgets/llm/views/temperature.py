"""A temperature slider: the probabilities after temperature, and a continuation drawn with them."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.french import format_percent
from widgets.llm.classroom import get_model
from widgets.llm.sampling import apply_temperature
from widgets.llm.views.bars import ProbabilityBars
from widgets.llm.views.controls import (
    continuation_html,
    prompt_box,
    temperature_slider,
    text_of,
)
from widgets.llm.views.next_token import TOP, labels_for, leaders_sentence
from widgets.llm.views.text import context_sentence, notes_html, prompt_notes

DEFAULT_PROMPT = "Après en avoir délibéré, le conseil municipal"
NEW_TOKENS = 30


def temperature_sentence(temperature: float, top_share: float, shown_share: float) -> str:
    if temperature == 0:
        how = "À la température 0, le modèle prend toujours le token le plus probable."
    elif temperature < 1:
        how = "Sous 1, les tokens déjà probables le deviennent encore plus."
    elif temperature == 1:
        how = "À 1, le modèle tire au sort avec ses probabilités telles quelles."
    else:
        how = "Au-dessus de 1, les chances s'égalisent : des tokens rares peuvent sortir."
    return (
        f"{how} Le token en tête reçoit {format_percent(top_share)} des chances ; "
        f"les {TOP} tokens affichés en reçoivent {format_percent(shown_share)}."
    )


def temperature_explorer(prompt: str = DEFAULT_PROMPT, temperature: float = 0.8) -> ipw.VBox:
    """Move the temperature: the bars are redrawn and a new continuation is drawn."""
    model = get_model()
    box = prompt_box(prompt)
    slider = temperature_slider(temperature)
    again = ipw.Button(
        description="Autre tirage",
        tooltip="Tirer une autre suite avec la même température",
        icon="refresh",
    )
    bars = ProbabilityBars(
        "Probabilités des dix tokens les plus probables après votre texte, une fois la "
        "température appliquée (␣ marque une espace).",
        count=TOP,
        xlabel="Probabilité après température (%)",
    )
    sentence = ipw.HTML()
    continuation = ipw.HTML()
    state = {"seed": 1, "text": None, "prediction": None, "ids": None}

    def read_prompt() -> None:
        text = text_of(box)
        if text != state["text"]:
            state["text"] = text
            state["prediction"] = model.predict(text)
            state["ids"] = state["prediction"].top_ids(TOP)

    def redraw(_change: object = None) -> None:
        read_prompt()
        text, prediction, ids = state["text"], state["prediction"], state["ids"]
        temperature = float(slider.value)
        reshaped = apply_temperature(prediction.probabilities, temperature)
        labels = labels_for(model, ids)
        bars.show(labels, reshaped[ids])
        sentence.value = notes_html(
            prompt_notes(text, prediction),
            " ".join(
                (
                    context_sentence(prediction),
                    temperature_sentence(
                        temperature, float(reshaped.max()), float(reshaped[ids].sum())
                    ),
                    leaders_sentence(labels, reshaped[ids]),
                )
            ),
        )
        drawn = model.generate(text, NEW_TOKENS, temperature, top_k=None, seed=state["seed"])
        continuation.value = (
            f"<p><strong>Suite tirée</strong> (tirage n° {state['seed']}, "
            f"{NEW_TOKENS} tokens) :<br>{continuation_html(text, drawn)}</p>"
        )

    def draw_again(_button: ipw.Button) -> None:
        state["seed"] += 1
        redraw()

    box.observe(redraw, names="value")
    slider.observe(redraw, names="value")
    again.on_click(draw_again)
    redraw()
    return ipw.VBox([box, ipw.HBox([slider, again]), bars.widget, sentence, continuation])
