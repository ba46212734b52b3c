"""The gallery of town-hall tasks above the coach: choosing a task fills the fields."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.prompts.checklist import assess_prompt
from widgets.prompts.gallery import gallery, task
from widgets.prompts.html import details_html
from widgets.prompts.views.coach import PromptCoach
from widgets.viewkit.controls import LABEL_STYLE, fitted


class GalleryCoach:
    """A list of town-hall tasks above a coach: choosing one fills the fields."""

    def __init__(self, coach: PromptCoach | None = None) -> None:
        self.coach = coach or PromptCoach()
        self.selector = ipw.Dropdown(
            options=[("(choisissez une tâche)", "")]
            + [(entry.title, entry.id) for entry in gallery()],
            value="",
            description="Tâche de la galerie :",
            tooltip="Choisir une tâche de mairie remplit les champs du coach avec un exemple",
            style=LABEL_STYLE,
            layout=ipw.Layout(width="520px"),
        )
        self.clear_button = ipw.Button(
            description="Vider les champs",
            tooltip="Effacer les sept champs du coach pour écrire votre propre prompt",
            layout=fitted(),
        )
        self.details = ipw.HTML()
        self.selector.observe(self._on_select, names="value")
        self.clear_button.on_click(lambda _button: self._clear())
        self.widget = ipw.VBox(
            [ipw.HBox([self.selector, self.clear_button]), self.details, self.coach.widget]
        )

    def choose(self, task_id: str) -> None:
        self.selector.value = task_id

    def _clear(self) -> None:
        self.selector.value = ""
        self.coach.clear()

    def _on_select(self, change: dict) -> None:
        if not change["new"]:
            self.details.value = ""
            return
        entry = task(change["new"])
        self.coach.fill(entry.fields)
        self.details.value = details_html(entry.vague, entry.needs, assess_prompt(entry.vague))
