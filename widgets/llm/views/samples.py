"""Several continuations of the same prompt, side by side: one prompt, several answers."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.arguments import read_count
from widgets.llm.classroom import get_model
from widgets.llm.html import sample_column_html, summary_html
from widgets.llm.views.controls import prompt_box, temperature_slider, text_of
from widgets.llm.wording import distinct_sentence
from widgets.viewkit.controls import fitted

DEFAULT_PROMPT = "Madame, Monsieur, suite à votre demande,"
NEW_TOKENS = 40


MAX_COLUMNS = 6
"""More columns than this would not fit side by side."""


def samples_side_by_side(prompt: str = DEFAULT_PROMPT, count: int = 3) -> ipw.VBox:
    """The same prompt drawn `count` times with different seeds, in columns."""
    count = read_count(count, 1, MAX_COLUMNS, "le nombre de tirages")
    model = get_model()
    box = prompt_box(prompt)
    slider = temperature_slider(0.8, maximum=1.5)
    again = ipw.Button(
        description="Nouveaux tirages",
        tooltip="Tirer de nouvelles suites pour le même début de texte",
        icon="refresh",
        layout=fitted(),
    )
    columns = [ipw.HTML(layout=ipw.Layout(width=f"{100 // count}%")) for _ in range(count)]
    summary = ipw.HTML()
    state = {"first_seed": 1}

    def redraw(_change: object = None) -> None:
        text, temperature = text_of(box), float(slider.value)
        seeds = range(state["first_seed"], state["first_seed"] + count)
        texts = [model.generate(text, NEW_TOKENS, temperature, top_k=40, seed=s) for s in seeds]
        for column, seed, drawn in zip(columns, seeds, texts, strict=True):
            column.value = sample_column_html(seed, text, drawn)
        note = "" if text.strip() else "Le texte est vide : le modèle commence un document. "
        summary.value = summary_html(note, distinct_sentence(texts, temperature))

    def draw_again(_button: ipw.Button) -> None:
        state["first_seed"] += count
        redraw()

    box.observe(redraw, names="value")
    slider.observe(redraw, names="value")
    again.on_click(draw_again)
    redraw()
    return ipw.VBox([box, ipw.HBox([slider, again]), ipw.HBox(columns), summary])
