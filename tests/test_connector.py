"""The connector end to end: `atelier serve` and misbehaving loopback servers, for real.

Every failure is provoked by a real HTTP server on 127.0.0.1 (or a closed
port), through the official `openai` client, and each test asserts the
French message and how long the learner waited.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from llm_fakes import (
    FAST_LIMITS,
    FakeModel,
    Step,
    classroom_server,
    closed_port_url,
    completion,
    fresh_connector,
    scripted_server,
    use_online,
)

from widgets.errors import AtelierError
from widgets.llm import connector
from widgets.llm.config import ConfigError, Limits, load_config
from widgets.llm.connector import ConnectorError, Reply, generate
from widgets.llm.server import SERVED_MODEL, ClassroomServer

__all__ = ["fresh_connector"]

MESSAGES = [
    {"role": "system", "content": "Vous êtes un agent d'accueil de la mairie."},
    {"role": "user", "content": "Le conseil municipal"},
]


def timed_failure(**options: object) -> tuple[str, float]:
    started = time.monotonic()
    with pytest.raises(ConnectorError) as caught:
        generate(MESSAGES, **options)
    return caught.value.message, time.monotonic() - started


# ---------------------------------------------------------------- configuration


def test_default_worst_case_is_within_thirty_seconds() -> None:
    limits = load_config().limits
    assert limits.deadline_s <= 30
    assert limits.worst_case_s() <= 30
    assert limits.max_attempts >= 2, "429 must be retried at least once"
    uncut = Limits(deadline_s=1000)
    assert uncut.worst_case_s() > 30, "the deadline is what keeps the default bound"


def test_presets_have_the_expected_endpoints() -> None:
    config = load_config()
    urls = {preset.id: preset.base_url for preset in config.presets}
    assert urls["albert"] == "https://albert.api.etalab.gouv.fr/v1"
    assert urls["mistral"] == "https://api.mistral.ai/v1"
    assert urls["openai"] == "https://api.openai.com/v1"
    assert urls["ollama"] == "http://127.0.0.1:11434/v1"
    assert urls["llamacpp"] == "http://127.0.0.1:8080/v1"
    assert urls["atelier"] == "http://127.0.0.1:8765/v1"
    assert config.preset("atelier").model == SERVED_MODEL
    assert config.default == "classe" and config.preset("autre").is_custom
    for preset in config.presets:
        if not preset.is_classroom and preset.key_required:
            assert preset.key_env.endswith("_API_KEY")


def test_a_trainer_changes_a_model_name_in_a_small_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    override = tmp_path / "modeles.toml"
    override.write_text('[presets.albert]\nmodel = "albert-small"\n', encoding="utf-8")
    monkeypatch.setenv("ATELIER_IA_MODELES", str(override))
    config = load_config()
    assert config.preset("albert").model == "albert-small"
    assert config.preset("albert").base_url == "https://albert.api.etalab.gouv.fr/v1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[presets.albert\nmodel = 1", "mal écrit"),
        ("[presets.albert]\nmodel = 3\n", "pas le bon type"),
        ('[presets.albert]\nmodele = "x"\n', "champ inconnu"),
        ('[presets.neuf]\nmodel = "x"\n', "il manque"),
        ('[presets.neuf]\nlabel="N"\nkind="autre"\nmodel="x"\nprovider="p"\n', "kind vaut"),
        ('[presets.albert]\nbase_url = "ftp://x"\n', "http://"),
        ("[limits]\ndeadline_s = -1\n", "positif"),
        ('default = "inconnu"\n', "n'existe pas"),
    ],
)
def test_a_broken_trainer_file_gets_a_french_message(
    tmp_path: Path, text: str, expected: str
) -> None:
    override = tmp_path / "modeles.toml"
    override.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(override)
    assert expected in caught.value.message


def test_a_missing_trainer_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="ATELIER_IA_MODELES"):
        load_config(tmp_path / "absent.toml")


# ---------------------------------------------------------------- classroom backend


def test_the_default_is_the_classroom_model(fresh_connector: connector.Settings) -> None:
    assert fresh_connector.preset.is_classroom
    assert not fresh_connector.leaves_machine
    assert "aucun texte ne sort" in fresh_connector.destination_note()
    reply = generate(MESSAGES, max_tokens=5, seed=3)
    assert isinstance(reply, Reply)
    assert reply.text == " mot3 mot4 mot5 mot6 mot7"
    assert reply.backend == "Modèle de la classe (sur cet ordinateur)"
    assert reply.model == SERVED_MODEL and reply.duration_s >= 0


def test_classroom_streaming_sends_each_piece(fresh_connector: connector.Settings) -> None:
    pieces: list[str] = []
    reply = generate("Le maire", max_tokens=4, stream=True, on_text=pieces.append)
    assert pieces == [" mot0", " mot1", " mot2", " mot3"]
    assert reply.text == "".join(pieces)


def test_the_real_classroom_model_answers_through_the_connector() -> None:
    connector.clear_hooks()
    settings = connector.reset_settings()
    try:
        first = generate("Le conseil municipal", max_tokens=12, seed=7)
        again = generate("Le conseil municipal", max_tokens=12, seed=7)
        assert first.text and first.text == again.text
        assert settings.preset.is_classroom
    finally:
        connector.reset_settings()


# ---------------------------------------------------------------- end to end with atelier serve


def test_online_path_end_to_end_against_atelier_serve(
    fresh_connector: connector.Settings,
) -> None:
    from widgets.llm.classroom import get_model

    with classroom_server(get_model()) as server:
        fresh_connector.choose("atelier", base_url=server.url)
        reply = generate(MESSAGES, max_tokens=15, seed=11)
        offline = connector.reset_settings()
        local = generate(MESSAGES, max_tokens=15, seed=11)
        assert offline.preset.is_classroom
    assert reply.text == local.text, "the server serves the same model, same seed, same text"
    assert reply.backend == "Serveur de la salle (atelier serve)"
    assert reply.model == SERVED_MODEL
    assert reply.usage.completion_tokens is not None and 0 < reply.usage.completion_tokens <= 15
    assert reply.usage.prompt_tokens is not None and reply.usage.prompt_tokens > 0


def test_online_streaming_end_to_end(fresh_connector: connector.Settings) -> None:
    with classroom_server(FakeModel()) as server:
        fresh_connector.choose("atelier", base_url=server.url)
        pieces: list[str] = []
        reply = generate(MESSAGES, max_tokens=6, seed=2, stream=True, on_text=pieces.append)
    assert pieces == [f" mot{i}" for i in range(2, 8)]
    assert reply.text == "".join(pieces)


def test_without_stream_on_text_gets_the_whole_answer(
    fresh_connector: connector.Settings,
) -> None:
    with classroom_server(FakeModel()) as server:
        fresh_connector.choose("atelier", base_url=server.url)
        seen: list[str] = []
        reply = generate("Bonjour", max_tokens=2, on_text=seen.append)
    assert seen == [reply.text]


def test_check_connection_reports_in_french(fresh_connector: connector.Settings) -> None:
    with classroom_server(FakeModel()) as server:
        fresh_connector.choose("atelier", base_url=server.url)
        report = connector.check_connection()
    assert report.startswith("Connexion réussie : Serveur de la salle")


def test_the_request_carries_the_preset_parameter_names(
    fresh_connector: connector.Settings,
) -> None:
    with scripted_server(Step()) as server:
        fresh_connector.choose("mistral", model="mistral-small-latest")
        fresh_connector.base_url = server.url
        fresh_connector.set_key("cle-de-test")
        generate(MESSAGES, max_tokens=9, temperature=0.2, seed=5)
    body = server.posts()[0].body
    assert body["random_seed"] == 5 and "seed" not in body
    assert body["max_tokens"] == 9 and body["temperature"] == 0.2
    assert body["messages"] == MESSAGES and body["model"] == "mistral-small-latest"
    assert server.posts()[0].headers["authorization"] == "Bearer cle-de-test"


# ---------------------------------------------------------------- failures, provoked for real


def test_closed_port_says_no_server_answers(fresh_connector: connector.Settings) -> None:
    use_online(fresh_connector, closed_port_url())
    message, seconds = timed_failure()
    assert message.startswith("Aucun serveur ne répond à l'adresse http://127.0.0.1:")
    assert "atelier serve" in message
    assert seconds < 2


def test_no_network_says_check_the_internet_connection(
    fresh_connector: connector.Settings,
) -> None:
    # 192.0.2.1 is a documentation address; the tests' guard refuses any
    # connection outside loopback, as a machine without network would.
    fresh_connector.choose("autre", base_url="http://192.0.2.1/v1", model="m")
    fresh_connector.limits = FAST_LIMITS
    message, seconds = timed_failure()
    assert message.startswith("Impossible de joindre le service à cette adresse (192.0.2.1)")
    assert "connexion à internet" in message
    assert seconds < 3


def test_a_stalled_server_ends_in_a_timeout_message(fresh_connector: connector.Settings) -> None:
    with scripted_server(Step(delay_s=20)) as server:
        use_online(fresh_connector, server.url)
        message, seconds = timed_failure()
    assert "n'a pas répondu à temps" in message
    assert seconds < FAST_LIMITS.deadline_s + 0.5


def test_a_trickling_server_cannot_hold_the_notebook_past_the_deadline(
    fresh_connector: connector.Settings,
) -> None:
    with scripted_server(Step(trickle=True)) as server:
        use_online(fresh_connector, server.url)
        message, seconds = timed_failure()
    assert "n'a pas répondu à temps" in message
    assert FAST_LIMITS.read_timeout_s < seconds < FAST_LIMITS.deadline_s + 0.5


def test_429_is_retried_after_retry_after_then_answers(
    fresh_connector: connector.Settings,
) -> None:
    busy = Step(429, {"error": {"message": "rate limited"}}, headers={"Retry-After": "1"})
    with scripted_server(busy, Step(body=completion("Voici la lettre."))) as server:
        use_online(fresh_connector, server.url)
        fresh_connector.limits = Limits(1, 2, 3, 0.05, 0.2, 5)
        started = time.monotonic()
        reply = generate(MESSAGES)
        seconds = time.monotonic() - started
    posts = server.posts()
    assert len(posts) == 2, "one refusal, one retry"
    assert posts[1].at - posts[0].at >= 0.95, "Retry-After: 1 was honoured"
    assert reply.text == "Voici la lettre."
    assert seconds < 3


def test_429_every_time_gives_up_after_a_few_attempts(
    fresh_connector: connector.Settings,
) -> None:
    with scripted_server(Step(429, {"error": {"message": "slow down"}})) as server:
        use_online(fresh_connector, server.url)
        message, seconds = timed_failure()
    assert len(server.posts()) == FAST_LIMITS.max_attempts
    gaps = [b.at - a.at for a, b in zip(server.posts(), server.posts()[1:], strict=False)]
    assert all(gap >= FAST_LIMITS.backoff_base_s * 0.5 for gap in gaps), "exponential back-off"
    assert "reçoit trop de demandes (erreur 429, 3 essai(s))" in message
    assert "attendez une minute" in message
    assert seconds < FAST_LIMITS.deadline_s


def test_a_retry_after_longer_than_the_budget_stops_at_once(
    fresh_connector: connector.Settings,
) -> None:
    step = Step(429, {"error": {"message": "quota"}}, headers={"Retry-After": "120"})
    with scripted_server(step) as server:
        use_online(fresh_connector, server.url)
        message, seconds = timed_failure()
    assert len(server.posts()) == 1
    assert "il demande d'attendre 120 secondes" in message
    assert seconds < 1


def test_a_500_is_reported_without_retry(fresh_connector: connector.Settings) -> None:
    with scripted_server(Step(500, {"error": {"message": "boom"}})) as server:
        use_online(fresh_connector, server.url)
        message, seconds = timed_failure()
    assert len(server.posts()) == 1
    assert "a rencontré une erreur de son côté (erreur 500)" in message
    assert seconds < 1


def test_a_503_is_retried_then_reported(fresh_connector: connector.Settings) -> None:
    with scripted_server(Step(503, "Service Unavailable", content_type="text/plain")) as server:
        use_online(fresh_connector, server.url)
        message, seconds = timed_failure()
    assert len(server.posts()) == FAST_LIMITS.max_attempts
    assert "est indisponible pour le moment (erreur 503" in message
    assert seconds < FAST_LIMITS.deadline_s


@pytest.mark.parametrize(
    "step",
    [
        Step(body="{pas du json", content_type="application/json"),
        Step(body="<html>portail captif</html>", content_type="text/html"),
        Step(body={"id": "x", "object": "chat.completion"}),
        Step(body={"choices": [{"message": {"content": None}}]}),
        Step(body={"choices": []}),
        Step(body="[1, 2, 3]"),
    ],
    ids=["broken-json", "html", "no-choices", "null-content", "empty-choices", "list"],
)
def test_a_malformed_reply_is_called_unreadable(
    fresh_connector: connector.Settings, step: Step
) -> None:
    with scripted_server(step) as server:
        use_online(fresh_connector, server.url)
        message, seconds = timed_failure()
    assert message.startswith("La réponse du service à cette adresse est illisible")
    assert server.url in message
    assert seconds < 1


@pytest.mark.parametrize(
    "stream_body",
    [
        "data: {pas du json\n\n",
        'data: {"choices": [{"delta": {"content": 12}}]}\n\n',
        'data: {"object": "x"}\n\n',
        '{"choices": [{"message": {"content": "pas un flux"}}]}',
    ],
)
def test_a_malformed_stream_is_called_unreadable(
    fresh_connector: connector.Settings, stream_body: str
) -> None:
    with scripted_server(Step(body=stream_body, content_type="text/event-stream")) as server:
        use_online(fresh_connector, server.url)
        message, _seconds = timed_failure(stream=True, on_text=lambda _text: None)
    assert "est illisible" in message


def test_an_error_inside_a_stream_is_reported(fresh_connector: connector.Settings) -> None:
    body = 'data: {"error": {"message": "overloaded"}}\n\n'
    with scripted_server(Step(body=body, content_type="text/event-stream")) as server:
        use_online(fresh_connector, server.url)
        message, _seconds = timed_failure(stream=True)
    assert "a signalé une erreur pendant la réponse" in message


def test_a_refused_key_says_where_the_key_came_from(
    fresh_connector: connector.Settings,
) -> None:
    with scripted_server(Step(401, {"error": {"message": "Invalid API key"}})) as server:
        use_online(fresh_connector, server.url)
        fresh_connector.set_key("mauvaise-cle")
        message, seconds = timed_failure()
    assert message.startswith("Le service à cette adresse a refusé la clé (erreur 401)")
    assert "saisie dans le champ « Clé »" in message
    assert seconds < 1


def test_a_401_without_any_key_asks_for_one(fresh_connector: connector.Settings) -> None:
    with scripted_server(Step(401, {"error": {"message": "Missing key"}})) as server:
        use_online(fresh_connector, server.url)
        message, _seconds = timed_failure()
    assert "demande une clé (erreur 401)" in message and "ATELIER_IA_CLE" in message


def test_a_forbidden_model_gets_a_403_message(fresh_connector: connector.Settings) -> None:
    with scripted_server(Step(403, {"error": {"message": "forbidden"}})) as server:
        use_online(fresh_connector, server.url, model="gros-modele")
        message, _seconds = timed_failure()
    assert "refuse l'accès avec cette clé (erreur 403)" in message and "gros-modele" in message


def test_a_retired_model_lists_the_models_the_server_offers(
    fresh_connector: connector.Settings,
) -> None:
    missing = Step(404, {"error": {"message": "The model `vieux-modele` does not exist"}})
    with scripted_server(missing, models=["albert-large", "albert-small"]) as server:
        use_online(fresh_connector, server.url, model="vieux-modele")
        message, seconds = timed_failure()
    assert message.startswith("Le modèle « vieux-modele » n'existe pas (ou plus)")
    assert "modèles proposés : albert-large, albert-small" in message
    assert [seen.method for seen in server.seen] == ["POST", "GET"]
    assert seconds < 1


def test_a_retired_model_on_atelier_serve(fresh_connector: connector.Settings) -> None:
    with classroom_server(FakeModel()) as server:
        use_online(fresh_connector, server.url, model="gpt-3.5-turbo")
        message, _seconds = timed_failure()
    assert f"modèles proposés : {SERVED_MODEL}" in message


def test_a_400_naming_an_unknown_model_is_also_a_missing_model(
    fresh_connector: connector.Settings,
) -> None:
    invalid = Step(400, {"error": {"message": "Invalid model: mistral-tiny"}})
    with scripted_server(invalid, models=["mistral-small-latest"]) as server:
        use_online(fresh_connector, server.url, model="mistral-tiny")
        message, _seconds = timed_failure()
    assert "« mistral-tiny » n'existe pas (ou plus)" in message


def test_a_404_without_a_model_list_says_so(fresh_connector: connector.Settings) -> None:
    with scripted_server(Step(404, {"error": {"message": "nope"}}), models=None) as server:
        use_online(fresh_connector, server.url, model="m")
        message, _seconds = timed_failure()
    assert "répond « introuvable » (erreur 404)" in message
    assert "la liste des modèles n'a pas pu être obtenue" in message


def test_a_404_on_a_known_model_means_a_wrong_address(
    fresh_connector: connector.Settings,
) -> None:
    with scripted_server(Step(404, "Not Found", content_type="text/plain"), models=["m"]) as srv:
        use_online(fresh_connector, srv.url, model="m")
        message, _seconds = timed_failure()
    assert "ne mène pas à une API Chat Completions" in message and "/v1" in message


def test_other_refusals_quote_the_server_briefly(fresh_connector: connector.Settings) -> None:
    step = Step(400, {"error": {"message": "temperature too high " + "x" * 500}})
    with scripted_server(step, models=[SERVED_MODEL]) as server:
        use_online(fresh_connector, server.url)
        message, _seconds = timed_failure()
    assert message.startswith("Le service à cette adresse a refusé la demande (erreur 400)")
    assert "temperature too high" in message and len(message) < 400


def test_a_too_long_request_gets_a_413_message(fresh_connector: connector.Settings) -> None:
    with scripted_server(Step(413, "too large", content_type="text/plain")) as server:
        use_online(fresh_connector, server.url)
        message, _seconds = timed_failure()
    assert "trop long" in message and "413" in message


def test_a_missing_key_stops_before_sending(fresh_connector: connector.Settings) -> None:
    fresh_connector.choose("albert")
    message, seconds = timed_failure()
    assert "Il faut une clé pour utiliser l'API Albert" in message
    assert "ALBERT_API_KEY" in message and seconds < 0.5


def test_custom_address_needs_an_address_and_a_model(
    fresh_connector: connector.Settings,
) -> None:
    fresh_connector.choose("autre")
    assert "Indiquez l'adresse" in timed_failure()[0]
    with pytest.raises(ConfigError, match="http://"):
        fresh_connector.choose("autre", base_url="pas une adresse")
    with pytest.raises(ConfigError, match="mot de passe"):
        fresh_connector.choose("autre", base_url="https://moi:secret@exemple.fr/v1")
    fresh_connector.choose("autre", base_url="http://127.0.0.1:1/v1", model=" ")
    assert "nom du modèle" in timed_failure()[0]


# ---------------------------------------------------------------- hooks


def test_before_send_can_change_the_messages(fresh_connector: connector.Settings) -> None:
    def pseudonymise(messages: list[dict[str, str]]) -> list[dict[str, str]]:
        return [{**m, "content": m["content"].replace("Dupont", "[NOM]")} for m in messages]

    remove = connector.register_before_send(pseudonymise)
    connector.register_before_send(pseudonymise)
    with scripted_server(Step()) as server:
        use_online(fresh_connector, server.url)
        generate("Lettre à Mme Dupont")
    assert server.posts()[0].body["messages"][0]["content"] == "Lettre à Mme [NOM]"
    remove()
    assert connector._before_send == []


def test_before_send_can_stop_a_request(fresh_connector: connector.Settings) -> None:
    def guard(messages: list[dict[str, str]]) -> None:
        raise AtelierError("Ce texte contient un numéro de sécurité sociale : rien n'est envoyé.")

    connector.register_before_send(guard)
    with scripted_server(Step()) as server:
        use_online(fresh_connector, server.url)
        with pytest.raises(AtelierError, match="rien n'est envoyé"):
            generate("1 84 12 75 123 456 78")
    assert server.seen == []


def test_before_send_sees_every_backend_and_after_answer_gets_the_reply(
    fresh_connector: connector.Settings,
) -> None:
    sent: list[list[dict[str, str]]] = []
    answered: list[tuple[list[dict[str, str]], Reply]] = []
    connector.register_before_send(lambda messages: sent.append(messages))
    connector.register_after_answer(lambda messages, reply: answered.append((messages, reply)))
    reply = generate("Bonjour", max_tokens=2)
    with classroom_server(FakeModel()) as server:
        fresh_connector.choose("atelier", base_url=server.url)
        online = generate("Bonsoir", max_tokens=2)
    assert [m[0]["content"] for m in sent] == ["Bonjour", "Bonsoir"]
    assert answered == [([{"role": "user", "content": "Bonjour"}], reply), (sent[1], online)]


def test_after_answer_is_not_called_on_failure(fresh_connector: connector.Settings) -> None:
    answered: list[object] = []
    connector.register_after_answer(lambda messages, reply: answered.append(reply))
    use_online(fresh_connector, closed_port_url())
    timed_failure()
    assert answered == []


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("messages", "expected"),
    [
        ([], "liste"),
        (42, "liste"),
        ([{"role": "user"}], "deux champs"),
        ([{"role": "robot", "content": "x"}], '"role"'),
        ([{"role": "user", "content": 3}], "texte"),
        ([{"role": "user", "content": "   "}], "vide"),
        ("", "vide"),
        ("x" * 1_000_000, "trop long"),
    ],
)
def test_bad_messages_get_a_french_sentence(
    fresh_connector: connector.Settings, messages: object, expected: str
) -> None:
    with pytest.raises(ConnectorError) as caught:
        generate(messages)  # type: ignore[arg-type]
    assert expected in caught.value.message


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"max_tokens": 0}, "entre 1 et"),
        ({"max_tokens": 2.5}, "entier"),
        ({"max_tokens": True}, "entier"),
        ({"temperature": float("nan")}, "comprise entre 0 et 2"),
        ({"temperature": 3}, "comprise entre 0 et 2"),
        ({"temperature": "chaud"}, "nombre"),
        ({"seed": "1"}, "graine"),
        ({"on_text": "print"}, "fonction"),
    ],
)
def test_bad_options_get_a_french_sentence(
    fresh_connector: connector.Settings, options: dict[str, object], expected: str
) -> None:
    with pytest.raises(ConnectorError) as caught:
        generate("Bonjour", **options)  # type: ignore[arg-type]
    assert expected in caught.value.message


FIXTURE_OK = [HealthCheck.function_scoped_fixture]
ODD_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "So", "Zs"]), max_size=50),
    st.sampled_from(["", " ", "😀🏛️" * 100, "\x00\x07\x1b[31m", "\ud800 isolé", "é" * 200_000]),
)


@pytest.fixture(scope="module")
def shared_server() -> Iterator[ClassroomServer]:
    with classroom_server(FakeModel()) as server:
        yield server


ODD_MESSAGES = st.lists(
    st.fixed_dictionaries(
        {"role": st.sampled_from(["system", "user", "assistant"]), "content": ODD_TEXT}
    ),
    min_size=1,
    max_size=3,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(messages=ODD_MESSAGES, stream=st.booleans())
def test_odd_messages_get_a_reply_or_a_french_error_online(
    fresh_connector: connector.Settings,
    shared_server: ClassroomServer,
    messages: list[dict[str, str]],
    stream: bool,
) -> None:
    use_online(fresh_connector, shared_server.url)
    try:
        reply = generate(messages, max_tokens=3, stream=stream)
    except ConnectorError as error:
        assert error.message and error.message[0].isupper()
        assert "Traceback" not in error.message
    else:
        assert reply.text == " mot0 mot1 mot2"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(messages=ODD_MESSAGES)
def test_odd_messages_get_a_reply_or_a_french_error_offline(
    fresh_connector: connector.Settings, messages: list[dict[str, str]]
) -> None:
    try:
        reply = generate(messages, max_tokens=3)
    except ConnectorError as error:
        assert error.message[0].isupper()
    else:
        assert reply.text == " mot0 mot1 mot2"


# ---------------------------------------------------------------- settings panel


def test_the_panel_starts_on_the_classroom_model(fresh_connector: connector.Settings) -> None:
    from widgets.llm.settings_view import SettingsPanel

    panel = SettingsPanel()
    assert panel.choice.value == "classe"
    assert panel._online.layout.display == "none"
    assert "aucun texte ne sort de la machine" in panel.destination.value
    assert all(control.description for control in (panel.choice, panel.model, panel.key))
    panel.test.click()
    assert "Connexion réussie : Modèle de la classe" in panel.status.value


def test_the_panel_says_where_the_text_goes(fresh_connector: connector.Settings) -> None:
    from widgets.llm.settings_view import SettingsPanel

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
    from widgets.llm.settings_view import SettingsPanel

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
