"""Before and after: the vague prompt and the structured one, sent to the same model.

The answers come from the backend chosen in the settings panel (by default
the offline classroom model). The connector is imported only when the
button is clicked, so that module 03's coach works without it; tests pass
their own `generate`. A failure shows its French message in place of the
answer, never a traceback. Module 04's guard sits on the connector: a prompt
bound for an online model that holds personal data is stopped, and the side
then offers « Pseudonymiser puis envoyer » (the originals are put back in
the answer shown); for the classroom model, the side says what was found.
Module 06's footprint shows under every answer; an answer of the room server
also shows its note (which model answered, through the server), and the
server is told the learner's choice (`personal_data`), so an injected
`generate` used with that button takes a `personal_data` keyword.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as ipw

from widgets.donnees_personnelles.html import pseudonymised_answer_html
from widgets.errors import AtelierError
from widgets.french import format_number
from widgets.impact.hook import last_footprint_html
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
    """The course's connector with the personal-data guard and the footprint on it,
    imported on first use."""
    try:
        from widgets.donnees_personnelles import hook
        from widgets.impact import hook as footprint_hook
        from widgets.llm.connector import generate
    except ImportError:
        raise AtelierError(
            "Le connecteur des modèles de langue n'est pas installé dans cet environnement : "
            "prévenez la personne qui anime la formation."
        ) from None
    hook.install()
    footprint_hook.install()
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
        self.pseudonymise = ipw.Button(
            description="Pseudonymiser puis envoyer",
            tooltip="Remplacer les données personnelles par des étiquettes, envoyer, puis "
            "remettre les originaux dans la réponse",
            icon="user-secret",
            layout=fitted(),
        )
        self.pseudonymise.layout.display = "none"
        self.prompt.observe(lambda _change: self.rescore(), names="value")
        self.widget = ipw.VBox(
            [self.prompt, self.score, self.answer, self.pseudonymise],
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
        for side in (self.before, self.after):
            side.pseudonymise.on_click(lambda _button, side=side: self.send_pseudonymised(side))
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
            side.pseudonymise.layout.display = "none"
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
                side.pseudonymise.layout.display = "none"
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
            return answer_html(reply) + room_note(reply) + last_footprint_html() + offline_note()
        except AtelierError as error:
            from widgets.donnees_personnelles.hook import PersonalDataStopped

            if isinstance(error, PersonalDataStopped):
                side.pseudonymise.layout.display = None
            return message_html(error.message)
        except Exception:  # a learner never meets a traceback from the comparison
            return message_html(_UNEXPECTED)

    def send_pseudonymised(self, side: Side) -> None:
        """Send this side's prompt pseudonymised; show the answer with the originals back."""
        from widgets.donnees_personnelles import hook

        replies: list[Any] = []

        def generate(messages: list[dict], **options: Any) -> Any:
            replies.append(self._generate(messages, **options))
            return replies[-1]

        side.pseudonymise.disabled = True
        try:
            text, mapping = hook.send_pseudonymised(
                [{"role": "user", "content": side.prompt.value}],
                generate,
                max_tokens=self.max_tokens,
                personal_data="pseudonymise",
            )
            side.answer.value = (
                pseudonymised_answer_html(text, len(mapping))
                + room_note(replies[-1])
                + last_footprint_html()
            )
            side.pseudonymise.layout.display = "none"
        except AtelierError as error:
            side.answer.value = message_html(error.message)
        except Exception:  # a learner never meets a traceback from the comparison
            side.answer.value = message_html(_UNEXPECTED)
        finally:
            side.pseudonymise.disabled = False


def room_note(reply: Any) -> str:
    """Where an answer of the room server comes from (« Réponse de albert-large via le
    serveur de la salle »); empty for any other answer."""
    room = getattr(reply, "room", None)
    note = getattr(room, "note", "")
    return message_html(note, ok=True) if isinstance(note, str) and note else ""


def offline_note() -> str:
    """What the guard saw in a prompt the classroom model read (nothing left the machine)."""
    from widgets.donnees_personnelles import hook

    found = hook.last_offline_findings()
    hook.forget_offline_findings()
    if not found:
        return ""
    return message_html(
        f"Le modèle de la classe reste sur cet ordinateur : rien n'a été arrêté. Mais ce "
        f"prompt contient {hook.describe(found)} : avec un modèle en ligne, il serait arrêté.",
    )
