"""A text control and the HTML it produces, recomputed each time the text changes.

The search box and the « réponse avec ses sources » widget differ only in
their control and in what they draw: each passes its control and a `render`
function, which turns the text into HTML and may refuse it with an AtelierError.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as ipw

from widgets.errors import AtelierError
from widgets.verifier.html import notice_html


class LiveText:
    """`box` (the learner's text) above `results`; `widget` is what the notebook shows."""

    def __init__(self, box: ipw.Text | ipw.Textarea, render: Callable[[str], str]) -> None:
        self.box = box
        self.render = render
        self.results = ipw.HTML()
        self.box.observe(lambda _change: self.update(), names="value")
        self.widget = ipw.VBox([self.box, self.results])
        self.update()

    def update(self) -> None:
        """Draw again; what the engine refuses becomes its French sentence."""
        try:
            self.results.value = self.render(self.box.value)
        except AtelierError as error:
            self.results.value = notice_html(error.message)
