"""The settings panel shows the right controls, and never echoes a key to the browser."""

from __future__ import annotations

from widgets.llm.connector import reset_settings
from widgets.llm.settings_view import KeyField, SettingsPanel


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
