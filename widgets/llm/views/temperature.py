"""A temperature slider: the probabilities after temperature, and a continuation drawn with them."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.llm.classroom import get_model
from widgets.llm.html import drawn_html, notes_html
from widgets.llm.sampling import apply_temperature, check_temperature
from widgets.llm.views.bars import ProbabilityBars
from widgets.llm.views.controls import prompt_box, temperature_slider, text_of
from widgets.llm.wording import (
    context_sentence,
    leaders_sentence,
    prompt_notes,
    temperature_sentence,
    token_labels,
)
from widgets.viewkit.controls import fitted

DEFAULT_PROMPT = "Après en avoir délibéré, le conseil municipal"
NEW_TOKENS = 30
TOP = 10


def temperature_explorer(prompt: str = DEFAULT_PROMPT, temperature: float = 0.8) -> ipw.VBox:
    """Move the temperature: the bars are redrawn and a new continuation is drawn."""
    slider = temperature_slider(check_temperature(temperature))
    model = get_model()
    box = prompt_box(prompt)
    again = ipw.Button(
        description="Autre tirage",
        tooltip="Tirer une autre suite avec la même température",
        icon="refresh",
        layout=fitted(),
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
        labels = token_labels(model.tokenizer, ids)
        bars.show(labels, reshaped[ids])
        shares = (float(reshaped.max()), float(reshaped[ids].sum()))
        sentences = (
            context_sentence(prediction),
            temperature_sentence(temperature, *shares, shown=TOP),
            leaders_sentence(labels, reshaped[ids]),
        )
        sentence.value = notes_html(prompt_notes(text, prediction), " ".join(sentences))
        drawn = model.generate(text, NEW_TOKENS, temperature, top_k=None, seed=state["seed"])
        continuation.value = drawn_html(state["seed"], NEW_TOKENS, text, drawn)

    def draw_again(_button: ipw.Button) -> None:
        state["seed"] += 1
        redraw()

    box.observe(redraw, names="value")
    slider.observe(redraw, names="value")
    again.on_click(draw_again)
    redraw()
    return ipw.VBox([box, ipw.HBox([slider, again]), bars.widget, sentence, continuation])
