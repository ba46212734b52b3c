"""Next-token probability bars for a prompt the learner types."""

from __future__ import annotations

import ipywidgets as ipw
import numpy as np

from widgets.french import format_percent
from widgets.llm.classroom import ClassroomModel, Prediction, get_model
from widgets.llm.views.bars import ProbabilityBars
from widgets.llm.views.controls import prompt_box, text_of
from widgets.llm.views.text import (
    context_sentence,
    notes_html,
    prompt_notes,
    quoted,
    token_label,
)

DEFAULT_PROMPT = "Le conseil municipal de Clairval-sur-Ondine"
TOP = 10


def labels_for(model: ClassroomModel, ids: np.ndarray) -> list[str]:
    tokenizer = model.tokenizer
    return [token_label(tokenizer.token(int(i)), tokenizer.token_bytes[int(i)]) for i in ids]


def leaders_sentence(labels: list[str], probabilities: np.ndarray, count: int = 3) -> str:
    """The first tokens and their probabilities in words, for those who do not see the bars."""
    leaders = ", ".join(
        f"{quoted(label)} {format_percent(float(p))}"
        for label, p in zip(labels[:count], probabilities[:count], strict=False)
    )
    return f"En tête : {leaders}."


def share_sentence(prediction: Prediction, shown: np.ndarray, vocab_size: int) -> str:
    share = float(prediction.probabilities[shown].sum())
    return (
        f"Ces {len(shown)} tokens réunissent {format_percent(share)} des chances ; les "
        f"{vocab_size - len(shown)} autres tokens du vocabulaire se partagent le reste."
    )


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
        labels, probabilities = labels_for(model, ids), prediction.probabilities[ids]
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
