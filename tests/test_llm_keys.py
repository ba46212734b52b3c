"""A key given to the connector is used, and found nowhere else.

The fake key goes in through the settings panel's password field and
through an environment variable; requests succeed and fail (401, with a
server that even quotes the key back, 404, 500, timeout, closed port); then
logs at DEBUG level (the openai and httpx loggers included), stdout and
stderr, exception texts and tracebacks, reprs of every object involved, the
state of every widget and the files written are searched for the key.
"""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

import pytest
from llm_fakes import (
    FAKE_KEY,
    FAST_LIMITS,
    FakeModel,
    Step,
    assert_key_nowhere,
    classroom_server,
    closed_port_url,
    everything_said_about,
    fresh_connector,
    scripted_server,
)

from widgets.errors import AtelierError
from widgets.llm import connector
from widgets.llm.chat_api import SERVED_MODEL
from widgets.llm.connector import ConnectorError, generate
from widgets.llm.views.settings import SettingsPanel

__all__ = ["fresh_connector"]

ECHO_401 = Step(401, {"error": {"message": f"Incorrect API key provided: {FAKE_KEY}."}})
FAILURES = [
    ECHO_401,
    Step(403, {"error": {"message": f"key {FAKE_KEY} may not use this model"}}),
    Step(404, {"error": {"message": "no such model"}}),
    Step(400, {"error": {"message": f"Bad request from {FAKE_KEY}"}}),
    Step(500, f"internal error for {FAKE_KEY}", content_type="text/plain"),
    Step(200, "{broken", content_type="application/json"),
    Step(delay_s=5),
]


def failures_with(panel: SettingsPanel | None) -> list[object]:
    """Send requests that fail in every way, with the key typed for each address."""
    seen: list[object] = []
    settings = connector.get_settings()
    for step in FAILURES:
        with scripted_server(step, models=[SERVED_MODEL, "autre"]) as server:
            if panel is None:
                settings.choose("autre", base_url=server.url, model=SERVED_MODEL)
                settings.set_key(FAKE_KEY)
            else:
                panel.url.value = server.url
                panel.key.value = FAKE_KEY
                assert panel.key.value == ""
            settings.limits = FAST_LIMITS
            with pytest.raises(ConnectorError) as caught:
                generate("Bonjour", max_tokens=2)
            seen.append(caught.value)
            if panel is not None:
                panel.test.click()
                seen.append(panel.status.value)
            post = server.posts()[0]
            assert post.headers["authorization"] == f"Bearer {FAKE_KEY}", "the key was sent"
    settings.choose("autre", base_url=closed_port_url(), model=SERVED_MODEL)
    settings.set_key(FAKE_KEY)
    with pytest.raises(ConnectorError) as caught:
        generate("Bonjour")
    seen.append(caught.value)
    return seen


def test_a_key_typed_in_the_panel_is_used_and_never_shown(
    fresh_connector: connector.Settings,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    caplog.set_level(logging.DEBUG)
    panel = SettingsPanel()
    with classroom_server(FakeModel(), key=FAKE_KEY) as server:
        panel.choice.value = "autre"
        panel.url.value = server.url
        panel.model.value = SERVED_MODEL
        panel.key.value = FAKE_KEY
        assert panel.key.value == "", "the password field is emptied once read"
        assert "saisie dans le champ « Clé »" in panel.key_note.value
        panel.test.click()
        assert "Connexion réussie" in panel.status.value
        answers = [
            generate("Bonjour", max_tokens=2),
            generate("Bonjour", max_tokens=2, stream=True, on_text=print),
        ]
    objects = [*answers, *failures_with(panel), fresh_connector, fresh_connector.backend()]
    out, err = capfd.readouterr()
    assert_key_nowhere(FAKE_KEY, *everything_said_about(*objects, *panel.widget.children))
    assert_key_nowhere(FAKE_KEY, caplog.text, out, err)
    assert_key_nowhere(
        FAKE_KEY, *(p.read_text("latin-1") for p in tmp_path.rglob("*") if p.is_file())
    )
    assert "***" in answers_and_messages(objects), "the key quoted by the server was blotted out"


def answers_and_messages(objects: list[object]) -> str:
    return " ".join(getattr(item, "message", str(item)) for item in objects)


def test_a_key_from_the_environment_is_used_and_never_shown(
    fresh_connector: connector.Settings,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("ALBERT_API_KEY", FAKE_KEY)
    objects: list[object] = []
    with classroom_server(FakeModel(), key=FAKE_KEY) as server:
        # A trainer's file points the Albert preset at the room's server.
        override = tmp_path / "modeles.toml"
        override.write_text(
            f'[presets.albert]\nbase_url = "{server.url}"\nmodel = "{SERVED_MODEL}"\n',
            encoding="utf-8",
        )
        monkeypatch.setenv("ATELIER_IA_MODELES", str(override))
        settings = connector.reset_settings()
        settings.classroom_model = FakeModel
        panel = SettingsPanel()
        panel.choice.value = "albert"
        assert "lue dans la variable d'environnement ALBERT_API_KEY" in panel.key_note.value
        assert settings.leaves_machine is False
        objects.append(generate("Bonjour", max_tokens=2))
        panel.test.click()
        assert "Connexion réussie" in panel.status.value
        objects.append(panel.status.value)
    with scripted_server(ECHO_401) as refusing:
        settings.choose("albert", base_url=refusing.url)
        settings.limits = FAST_LIMITS
        with pytest.raises(ConnectorError) as caught:
            generate("Bonjour")
        assert "variable d'environnement ALBERT_API_KEY" in caught.value.message
        objects.append(caught.value)
    out, err = capfd.readouterr()
    said = everything_said_about(*objects, settings, settings.backend(), *panel.widget.children)
    assert_key_nowhere(FAKE_KEY, *said, caplog.text, out, err)


def test_the_settings_refuse_to_be_pickled_with_a_key(
    fresh_connector: connector.Settings,
) -> None:
    fresh_connector.choose("albert")
    fresh_connector.set_key(FAKE_KEY)
    with pytest.raises(TypeError):
        pickle.dumps(fresh_connector)
    assert FAKE_KEY not in repr(fresh_connector.key())
    assert FAKE_KEY not in repr(vars(fresh_connector))


def test_a_typed_key_stays_with_its_address(fresh_connector: connector.Settings) -> None:
    fresh_connector.choose("albert")
    fresh_connector.set_key(FAKE_KEY)
    assert fresh_connector.key() is not None
    fresh_connector.choose("mistral")
    assert fresh_connector.key() is None, "a key typed for Albert is never sent to Mistral"
    fresh_connector.choose("autre", base_url="http://127.0.0.1:1/v1")
    fresh_connector.set_key(FAKE_KEY)
    fresh_connector.choose("autre", base_url="http://127.0.0.1:2/v1")
    assert fresh_connector.key() is None, "nor to another address"
    fresh_connector.choose("albert")
    fresh_connector.forget_key()
    assert fresh_connector.key() is None


@pytest.mark.parametrize(
    "bad", ["", "   ", "sk-avec espace", "sk-accentuée", "sk\nnouvelle-ligne", "x" * 500]
)
def test_a_malformed_key_is_refused_without_being_quoted(
    fresh_connector: connector.Settings, bad: str
) -> None:
    with pytest.raises(AtelierError) as caught:
        fresh_connector.set_key(bad)
    assert bad.strip() == "" or bad not in caught.value.message
    panel = SettingsPanel()
    panel.choice.value = "albert"
    panel.key.value = bad
    assert panel.key.value == ""
    if bad:
        assert bad not in panel.status.value and "✖" in panel.status.value


def test_a_malformed_key_in_the_environment_is_refused_without_being_quoted(
    fresh_connector: connector.Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MISTRAL_API_KEY", "sk-mal\tformée")
    fresh_connector.choose("mistral")
    with pytest.raises(ConnectorError) as caught:
        generate("Bonjour")
    assert "MISTRAL_API_KEY" in caught.value.message and "formée" not in caught.value.message
