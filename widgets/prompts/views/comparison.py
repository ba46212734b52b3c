"""Before and after: the vague prompt and the structured one, sent to the same model.

The answers come from the backend chosen in the settings panel (by default
the offline classroom model). The connector is imported only when the
button is clicked, so that module 03's coach works without it; tests pass
their own `generate`. A failure shows its French message in place of the
answer, never a traceback. Nothing is sent when the simple personal-data
check finds something in a prompt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as ipw

from widgets.errors import AtelierError
from widgets.french import format_number
from widgets.prompts.checklist import assess_prompt
from widgets.prompts.fields import MAX_FIELD_CHARS, assemble
from widgets.prompts.gallery import gallery, task
from widgets.prompts.html import answer_html, message_html, needs_html, score_line
from widgets.viewkit.controls import LABEL_STYLE, fitted

Generate = Callable[..., Any]
MAX_PROMPT_CHARS = MAX_FIELD_CHARS

_UNEXPECTED = (
    "La demande n'a pas abouti pour une raison inattendue. Réessayez ; si cela se reproduit, "
    "revenez au modèle de la classe dans le panneau des réglages."
)


def connector_generate(messages: list[dict], **options: Any) -> Any:
    """The course's connector, imported on first use."""
    try:
        from widgets.llm.connector import generate
    except ImportError:
        raise AtelierError(
            "Le connecteur des modèles de langue n'est pas installé dans cet environnement : "
            "prévenez la personne qui anime la formation."
        ) from None
    return generate(messages, **options)


class Side:
    """One column: a prompt, its score, and the model's answer."""

    def __init__(self, title: str, tooltip: str) -> None:
        self.title = title
        self.prompt = ipw.Textarea(
            description=f"{title} :",
            tooltip=tooltip,
            rows=8,
            continuous_update=True,
            style=LABEL_STYLE,
            layout=ipw.Layout(width="98%"),
        )
        self.score = ipw.HTML()
        self.answer = ipw.HTML()
        self.prompt.observe(lambda _change: self.rescore(), names="value")
        self.widget = ipw.VBox(
            [self.prompt, self.score, self.answer],
            layout=ipw.Layout(width="50%", min_width="300px"),
        )

    def rescore(self) -> None:
        try:
            self.score.value = score_line(assess_prompt(self.prompt.value))
        except Exception:  # a learner never meets a traceback from the coach
            self.score.value = message_html("Le coach n'a pas pu analyser ce prompt.")

    def refusal(self) -> str | None:
        """Why this prompt must not be sent, in French, or None."""
        text = self.prompt.value if isinstance(self.prompt.value, str) else ""
        if not text.strip():
            return "Le prompt est vide : écrivez-le avant de l'envoyer."
        if len(text) > MAX_PROMPT_CHARS:
            return (
                f"Le prompt compte {format_number(len(text))} caractères : au-delà de "
                f"{format_number(MAX_PROMPT_CHARS)}, raccourcissez-le avant de l'envoyer."
            )
        if not assess_prompt(text).result("personal_data").met:
            return (
                "Ce prompt contient une donnée personnelle (voir le score ci-dessus) : "
                "retirez-la avant de l'envoyer. Rien n'a été envoyé."
            )
        return None


class BeforeAfter:
    """Choose a task, adjust both prompts if you like, send them, read both answers."""

    def __init__(
        self,
        generate: Generate | None = None,
        task_id: str | None = None,
        max_tokens: int = 300,
    ) -> None:
        self._generate = generate or connector_generate
        self.max_tokens = max_tokens
        self.selector = ipw.Dropdown(
            options=[(entry.title, entry.id) for entry in gallery()],
            value=task_id or gallery()[0].id,
            description="Tâche :",
            tooltip="Choisir la tâche de mairie dont on compare les deux prompts",
            style=LABEL_STYLE,
            layout=ipw.Layout(width="520px"),
        )
        self.before = Side("Avant : prompt vague", "Le prompt vague de la galerie, modifiable")
        self.after = Side(
            "Après : prompt structuré", "Le prompt structuré de la galerie, modifiable"
        )
        self.button = ipw.Button(
            description="Envoyer les deux prompts",
            tooltip="Envoyer le prompt vague puis le prompt structuré au modèle choisi",
            icon="paper-plane",
            layout=fitted(),
        )
        self.status = ipw.HTML()
        self.needs = ipw.HTML()
        self.selector.observe(lambda _change: self.load_task(), names="value")
        self.button.on_click(lambda _button: self.send())
        self.widget = ipw.VBox(
            [
                self.selector,
                self.needs,
                ipw.HBox(
                    [self.before.widget, self.after.widget],
                    layout=ipw.Layout(flex_flow="row wrap"),
                ),
                self.button,
                self.status,
            ]
        )
        self.load_task()

    def load_task(self) -> None:
        entry = task(self.selector.value)
        self.before.prompt.value = entry.vague
        self.after.prompt.value = assemble(entry.fields)
        self.needs.value = needs_html(entry.needs)
        for side in (self.before, self.after):
            side.rescore()
            side.answer.value = ""
        self.status.value = ""

    def send(self) -> None:
        """Send both prompts, one after the other; never raises.

        No seed is fixed: a second click gives other answers, as module 02
        showed, which is why exercises grade the prompt and never an answer.
        """
        self.button.disabled = True
        try:
            for side in (self.before, self.after):
                side.answer.value = ""
            for number, side in enumerate((self.before, self.after), start=1):
                self.status.value = message_html(
                    f"Envoi du prompt {number} sur 2 en cours… (au plus une trentaine de "
                    "secondes avec un modèle en ligne)",
                    ok=True,
                )
                side.answer.value = self._answer(side)
            self.status.value = message_html(
                "Les deux réponses sont arrivées : comparez-les avec la liste de ce dont une "
                "bonne réponse a besoin.",
                ok=True,
            )
        finally:
            self.button.disabled = False

    def _answer(self, side: Side) -> str:
        refusal = side.refusal()
        if refusal:
            return message_html(refusal)
        try:
            reply = self._generate(
                [{"role": "user", "content": side.prompt.value}],
                max_tokens=self.max_tokens,
            )
            return answer_html(reply)
        except AtelierError as error:
            return message_html(error.message)
        except Exception:  # a learner never meets a traceback from the comparison
            return message_html(_UNEXPECTED)
