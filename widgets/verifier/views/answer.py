"""« Réponse avec ses sources »: paste an answer, see each sentence and the passages behind it."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.verifier.html import checks_html
from widgets.verifier.search import PassageIndex, default_index
from widgets.verifier.support import check_answer
from widgets.verifier.views.live_text import LiveText
from widgets.viewkit.controls import LABEL_STYLE


class AnswerWithSources(LiveText):
    """A text area and, under it, every sentence checked against the commune's documents."""

    def __init__(self, answer: str = "", index: PassageIndex | None = None) -> None:
        self.index = index or default_index()
        box = ipw.Textarea(
            value=answer,
            description="Réponse à vérifier :",
            placeholder="Collez ici la réponse d'un assistant conversationnel.",
            continuous_update=False,
            rows=6,
            style=LABEL_STYLE,
            layout=ipw.Layout(width="95%"),
        )
        super().__init__(box, lambda text: checks_html(check_answer(text, self.index)))
