"""The confident invention: the model's answers to a factual question, next to the corpus."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.llm.classroom import get_model
from widgets.llm.html import EMPTY_QUESTION_HTML, inquiry_html
from widgets.llm.invention import DEFAULT_PROMPT, DEFAULT_TERMS, ask
from widgets.llm.views.controls import prompt_box, text_of
from widgets.viewkit.controls import LABEL_STYLE, fitted


def invention_demo(prompt: str = DEFAULT_PROMPT, terms: str = DEFAULT_TERMS) -> ipw.VBox:
    """Ask the model a question of fact, then check its answers against the corpus."""
    model = get_model()
    box = prompt_box(prompt, "Question de fait à compléter")
    search = ipw.Text(
        value=terms,
        description=(
            "Mots cherchés dans le corpus (séparés par des virgules ; un début de mot suffit)"
        ),
        tooltip="Les phrases du corpus qui contiennent tous ces mots sont affichées",
        style=LABEL_STYLE,
        layout=ipw.Layout(width="95%"),
    )
    button = ipw.Button(
        description="Demander au modèle",
        tooltip="Tirer de nouvelles réponses et les comparer au corpus",
        button_style="primary",
        layout=fitted(),
    )
    result = ipw.HTML()
    state = {"first_seed": 1}

    def run(_button: object = None) -> None:
        text = text_of(box)
        if not text.strip():
            result.value = EMPTY_QUESTION_HTML
            return
        inquiry = ask(model, text, text_of(search), first_seed=state["first_seed"])
        result.value = inquiry_html(text, inquiry)
        state["first_seed"] += len(inquiry.answers)

    button.on_click(run)
    run()
    return ipw.VBox([box, search, button, result])
