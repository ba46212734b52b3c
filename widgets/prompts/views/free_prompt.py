"""A prompt written in one block, checked live by the same rules as the coach."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.prompts.checklist import assess_prompt
from widgets.prompts.html import checklist_html, message_html
from widgets.viewkit.controls import LABEL_STYLE

_UNEXPECTED = "Le coach n'a pas pu analyser ce texte. Vérifiez-le ou raccourcissez-le."


class FreePromptCheck:
    """A text area and the checklist of what is typed in it."""

    def __init__(self, text: str = "") -> None:
        self.text = ipw.Textarea(
            value=text,
            placeholder="Collez ou écrivez ici un prompt d'un seul bloc…",
            description="Votre prompt :",
            tooltip="Le coach analyse ce texte à chaque frappe, avec les mêmes règles",
            rows=8,
            continuous_update=True,
            style=LABEL_STYLE,
            layout=ipw.Layout(width="98%"),
        )
        self.checklist_view = ipw.HTML()
        self.text.observe(lambda _change: self.update(), names="value")
        self.widget = ipw.VBox([self.text, self.checklist_view])
        self.update()

    def update(self) -> None:
        try:
            self.checklist_view.value = checklist_html(assess_prompt(self.text.value), "Le coach")
        except Exception:  # a learner never meets a traceback from the coach
            self.checklist_view.value = message_html(_UNEXPECTED)
