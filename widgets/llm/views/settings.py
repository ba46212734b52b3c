"""The settings panel: which language model answers, and the key for an online one.

A thin view over `connector.Settings`. The key field is emptied as soon as
its value is read: the key then lives only in the settings object, never
in a widget (whose state a notebook may save).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as ipw
from traitlets import Unicode

from widgets.errors import AtelierError
from widgets.llm.connector import Settings, check_connection, get_settings
from widgets.llm.html import note_html, status_html
from widgets.viewkit.controls import LABEL_STYLE, fitted


def _wide() -> ipw.Layout:
    """A layout of its own for each control: hiding one must not hide the others."""
    return ipw.Layout(width="32em")


class KeyField(ipw.Password):
    """A password field whose value is never echoed back to the browser.

    ipywidgets 8 sends every value typed in one view back to all the views
    ("echo_update"); for a key, that would put it in the page again.
    """

    value = Unicode(help="Clé saisie (jamais renvoyée au navigateur)").tag(
        sync=True, echo_update=False
    )


class SettingsPanel:
    """Controls wired to the shared settings; `widget` is what the notebook shows."""

    def __init__(self) -> None:
        self.settings: Settings = get_settings()
        presets = self.settings.config.presets
        self.choice = ipw.Dropdown(
            options=[(preset.label, preset.id) for preset in presets],
            value=self.settings.preset_id,
            description="Modèle de langage :",
            tooltip="Choisir le modèle qui répond aux demandes",
            style=LABEL_STYLE,
            layout=_wide(),
        )
        self.destination = ipw.HTML()
        self.model = ipw.Combobox(
            description="Nom du modèle :",
            tooltip="Nom du modèle chez ce service (modifiable)",
            placeholder="nom du modèle",
            ensure_option=False,
            continuous_update=False,
            style=LABEL_STYLE,
            layout=_wide(),
        )
        self.url = ipw.Text(
            description="Adresse (URL) :",
            tooltip="Adresse de l'API, par exemple http://127.0.0.1:8765/v1",
            placeholder="https://exemple.fr/v1",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=_wide(),
        )
        self.key = KeyField(
            description="Clé :",
            tooltip="Collez la clé puis appuyez sur Entrée ; elle ne sera jamais affichée",
            placeholder="collez la clé puis appuyez sur Entrée",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=_wide(),
        )
        self.key_note = ipw.HTML()
        self.forget = ipw.Button(
            description="Oublier la clé",
            tooltip="Effacer de la mémoire la clé saisie pour ce service",
            layout=fitted(),
        )
        self.test = ipw.Button(
            description="Tester la connexion",
            tooltip="Envoyer une toute petite demande au modèle choisi",
            button_style="primary",
            layout=fitted(),
        )
        self.status = ipw.HTML(status_html("Réglage actuel : " + self.settings.preset.label + "."))
        self._online = ipw.VBox([self.model, self.url, self.key, self.key_note, self.forget])
        self.widget = ipw.VBox(
            [self.choice, self.destination, self._online, self.test, self.status]
        )
        self._quiet = False
        self._show_preset()
        self.choice.observe(self._on_choice, names="value")
        self.model.observe(self._on_address, names="value")
        self.url.observe(self._on_address, names="value")
        self.key.observe(self._on_key, names="value")
        self.forget.on_click(self._on_forget)
        self.test.on_click(self._on_test)

    # -- display

    def _show_preset(self) -> None:
        settings, preset = self.settings, self.settings.preset
        self._quiet = True
        try:
            self.model.options = preset.models
            self.model.value = settings.model
            self.url.value = settings.base_url
        finally:
            self._quiet = False
        self._online.layout.display = "none" if preset.is_classroom else None
        self.url.layout.display = None if preset.is_custom else "none"
        self._show_notes()

    def _show_notes(self) -> None:
        settings = self.settings
        leaves = settings.leaves_machine
        self.destination.value = note_html(settings.destination_note(), "⚠ " if leaves else "🔒 ")
        try:
            note = settings.key_note()
        except AtelierError as error:
            note = error.message
        self.key_note.value = note_html(note)
        self.forget.disabled = settings.key_origin() != "saisie dans le champ « Clé »"

    # -- events

    def _on_choice(self, change: dict[str, Any]) -> None:
        self.settings.choose(change["new"])
        self._show_preset()
        self.status.value = status_html(f"Réglage choisi : {self.settings.preset.label}.")

    def _on_address(self, _change: dict[str, Any]) -> None:
        if self._quiet:
            return
        try:
            self.settings.choose(
                self.settings.preset_id, model=self.model.value, base_url=self.url.value
            )
        except AtelierError as error:
            self.status.value = status_html(error.message, ok=False)
            return
        self._show_notes()
        self.status.value = status_html("Réglage mis à jour.")

    def _on_key(self, change: dict[str, Any]) -> None:
        if not change["new"]:
            return
        typed = change["new"]
        self.key.value = ""
        try:
            self.settings.set_key(typed)
        except AtelierError as error:
            self.status.value = status_html(error.message, ok=False)
        else:
            self.status.value = status_html("Clé gardée en mémoire pour ce service.", ok=True)
        self._show_notes()

    def _on_forget(self, _button: ipw.Button) -> None:
        self.settings.forget_key()
        self._show_notes()
        self.status.value = status_html("Clé oubliée.")

    def _on_test(self, _button: ipw.Button) -> None:
        self.status.value = status_html("Test en cours… (30 secondes au plus)")
        try:
            report = check_connection()
        except AtelierError as error:
            self.status.value = status_html(error.message, ok=False)
        else:
            self.status.value = status_html(report, ok=True)
        self._show_notes()


def settings_panel() -> ipw.VBox:
    """The panel a notebook shows to choose the language model (shared by the whole kernel)."""
    return SettingsPanel().widget
