"""The settings panel: the right controls for each backend, where the text goes, the key field."""

from __future__ import annotations

from llm_fakes import FAST_LIMITS, closed_port_url, fresh_connector

from widgets.llm import connector
from widgets.llm.connector import reset_settings
from widgets.llm.views.settings import KeyField, SettingsPanel

__all__ = ["fresh_connector"]


def test_the_panel_starts_on_the_classroom_model(fresh_connector: connector.Settings) -> None:
    panel = SettingsPanel()
    assert panel.choice.value == "classe"
    assert panel._online.layout.display == "none"
    assert "aucun texte ne sort de la machine" in panel.destination.value
    assert all(control.description for control in (panel.choice, panel.model, panel.key))
    panel.test.click()
    assert "Connexion réussie : Modèle de la classe" in panel.status.value


def test_the_panel_says_where_the_text_goes(fresh_connector: connector.Settings) -> None:
    panel = SettingsPanel()
    panel.choice.value = "albert"
    assert panel._online.layout.display is None and panel.url.layout.display == "none"
    assert "envoyé à l'API Albert (albert.api.etalab.gouv.fr)" in panel.destination.value
    assert "hors de cet ordinateur" in panel.destination.value
    assert panel.model.value == "albert-large" and "albert-small" in panel.model.options
    assert "ALBERT_API_KEY" in panel.key_note.value and panel.forget.disabled
    panel.model.value = "albert-small"
    assert fresh_connector.model == "albert-small"
    panel.choice.value = "ollama"
    assert "au serveur Ollama" in panel.destination.value
    assert "rien ne sort de la machine" in panel.destination.value


def test_the_panel_takes_a_custom_address(fresh_connector: connector.Settings) -> None:
    panel = SettingsPanel()
    panel.choice.value = "autre"
    assert panel.url.layout.display is None
    panel.url.value = "albert.fr"
    assert "✖" in panel.status.value and "http://" in panel.status.value
    url = closed_port_url()
    panel.url.value = url
    panel.model.value = "mon-modele"
    assert (fresh_connector.base_url, fresh_connector.model) == (url, "mon-modele")
    fresh_connector.limits = FAST_LIMITS
    panel.test.click()
    assert "✖" in panel.status.value and "Aucun serveur ne répond" in panel.status.value
    panel.key.value = "cle-de-test"
    assert not panel.forget.disabled
    panel.forget.click()
    assert fresh_connector.key() is None and panel.forget.disabled


def test_choosing_a_backend_shows_only_what_it_needs() -> None:
    reset_settings()
    panel = SettingsPanel()
    assert panel.choice.layout.display is None  # the chooser is always visible
    assert panel._online.layout.display == "none"  # classroom model: nothing to fill in
    panel.choice.value = "albert"
    assert panel._online.layout.display is None
    assert panel.model.layout.display is None and panel.key.layout.display is None
    assert panel.url.layout.display == "none"
    reset_settings()


def test_key_field_is_never_echoed() -> None:
    assert KeyField().trait_metadata("value", "echo_update") is False
