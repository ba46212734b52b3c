"""Next-token probability bars for a prompt the learner types."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.llm.classroom import get_model
from widgets.llm.html import notes_html
from widgets.llm.views.bars import ProbabilityBars
from widgets.llm.views.controls import prompt_box, text_of
from widgets.llm.wording import (
    context_sentence,
    leaders_sentence,
    prompt_notes,
    share_sentence,
    token_labels,
)

DEFAULT_PROMPT = "Le conseil municipal de Clairval-sur-Ondine"
TOP = 10


def next_token_bars(prompt: str = DEFAULT_PROMPT) -> ipw.VBox:
    """Type the start of a sentence; see the probabilities of the next token."""
    model = get_model()
    box = prompt_box(prompt)
    bars = ProbabilityBars(
        "Les dix tokens que le modèle juge les plus probables juste après votre texte, "
        "avec leur probabilité (␣ marque une espace).",
        count=TOP,
        xlabel="Probabilité du token suivant (%)",
    )
    status = ipw.HTML()

    def redraw(_change: object = None) -> None:
        text = text_of(box)
        prediction = model.predict(text)
        ids = prediction.top_ids(TOP)
        labels = token_labels(model.tokenizer, ids)
        probabilities = prediction.probabilities[ids]
        bars.show(labels, probabilities)
        sentences = (
            context_sentence(prediction),
            leaders_sentence(labels, probabilities),
            share_sentence(prediction, ids, model.vocab_size),
        )
        status.value = notes_html(prompt_notes(text, prediction), " ".join(sentences))

    box.observe(redraw, names="value")
    redraw()
    return ipw.VBox([box, bars.widget, status])
