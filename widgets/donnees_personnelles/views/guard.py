"""Paste a text: its personal data highlighted by kind, the pseudonymised text, a restored answer.

The rules answer at each keystroke; spaCy's model loads in the background
with a visible French message, and the findings are redrawn when it is ready.
"""

from __future__ import annotations

import threading

import ipywidgets as ipw

from widgets.donnees_personnelles import names
from widgets.donnees_personnelles.guard import find_personal_data
from widgets.donnees_personnelles.html import (
    highlighted_html,
    status_html,
    summary_html,
    text_box_html,
)
from widgets.donnees_personnelles.pseudonym import pseudonymise_findings, restore
from widgets.errors import AtelierError
from widgets.viewkit.controls import LABEL_STYLE

EXAMPLE = (
    "Madame Jeanne Martin, née le 12 mars 1984, domiciliée 12 rue des Lilas, 69003 Lyon, "
    "demande une aide du CCAS. Tél. 06 39 98 12 34. Le dossier a été reçu le 3 avril 2025 "
    "à l'accueil de la mairie, place Jean Jaurès."
)
ANSWER_EXAMPLE = "Madame [PERSONNE_1], nous vous rappellerons au [TELEPHONE_1]."


class GuardView:
    """A text box, what the guard finds in it, and the way back from labels to originals."""

    def __init__(self, text: str = EXAMPLE, answer: str = ANSWER_EXAMPLE) -> None:
        self.mapping: dict[str, str] = {}
        self.text = ipw.Textarea(
            value=text,
            description="Texte à vérifier :",
            tooltip="Collez ici le texte que vous voudriez confier à une IA",
            rows=6,
            style=LABEL_STYLE,
            layout=ipw.Layout(width="98%"),
        )
        self.status = ipw.HTML()
        self.findings = ipw.HTML()
        self.summary = ipw.HTML()
        self.pseudonymised = ipw.HTML()
        self.answer = ipw.Textarea(
            value=answer,
            description="Réponse du modèle (avec étiquettes) :",
            tooltip="Une réponse qui cite les étiquettes ; elles sont remplacées ci-dessous",
            rows=3,
            style=LABEL_STYLE,
            layout=ipw.Layout(width="98%"),
        )
        self.restored = ipw.HTML()
        self.text.observe(lambda _change: self.refresh(), names="value")
        self.answer.observe(lambda _change: self.restore_answer(), names="value")
        self.widget = ipw.VBox(
            [
                self.text,
                self.status,
                self.findings,
                self.summary,
                self.pseudonymised,
                self.answer,
                self.restored,
            ]
        )
        self.refresh()
        if not names.ready():
            threading.Thread(target=self._refresh_when_loaded, daemon=True).start()

    def _refresh_when_loaded(self) -> None:
        names.wait()
        self.refresh()

    def refresh(self) -> None:
        """Redraw everything from the text; never raises."""
        self.status.value = status_html(names.status())
        text = self.text.value if isinstance(self.text.value, str) else ""
        try:
            found = find_personal_data(text, names_pass="if_ready")
        except AtelierError as error:
            self.findings.value = status_html(error.message)
            self.summary.value = self.pseudonymised.value = ""
            return
        except Exception:  # a learner never meets a traceback from the guard
            self.findings.value = status_html(
                "Le garde-fou n'a pas pu lire ce texte : raccourcissez-le et réessayez."
            )
            return
        self.findings.value = highlighted_html(text, found)
        self.summary.value = summary_html(found)
        safe, self.mapping = pseudonymise_findings(text, found)
        self.pseudonymised.value = text_box_html("Texte pseudonymisé (ce qui partirait)", safe)
        self.restore_answer()

    def restore_answer(self) -> None:
        answer = self.answer.value if isinstance(self.answer.value, str) else ""
        self.restored.value = text_box_html(
            "Réponse avec les originaux remis (sur cet ordinateur)", restore(answer, self.mapping)
        )
