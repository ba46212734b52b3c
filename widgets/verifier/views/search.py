"""The search box: type a question, read the closest passages of the commune's documents."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.verifier.html import hits_html, notice_html
from widgets.verifier.search import PassageIndex, default_index
from widgets.verifier.views.live_text import LiveText
from widgets.viewkit.controls import LABEL_STYLE

RESULTS = 5


class PassageSearch(LiveText):
    """A question box and the passages found, updated when the learner presses Enter."""

    def __init__(self, question: str = "", index: PassageIndex | None = None) -> None:
        self.index = index or default_index()
        box = ipw.Text(
            value=question,
            description="Votre question :",
            placeholder="Par exemple : prix du mètre cube d'eau en 2022",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=ipw.Layout(width="95%"),
        )
        super().__init__(box, self._render)

    def _render(self, question: str) -> str:
        if not question.strip():
            return notice_html("Tapez une question, puis appuyez sur Entrée.")
        return hits_html(question, self.index.search(question, k=RESULTS))
