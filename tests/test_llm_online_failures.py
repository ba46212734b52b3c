"""Every way an online model can fail, provoked for real, and the French sentence it gives.

Each failure comes from a real HTTP server on 127.0.0.1 (or a closed port),
through the official `openai` client, and each test asserts the French
message and how long the learner waited.
"""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest
from llm_fakes import (
    FAST_LIMITS,
    MESSAGES,
    FakeModel,
    Step,
    classroom_server,
    closed_port_url,
    completion,
    fresh_connector,
    scripted_server,
    timed_failure,
    use_online,
)

from widgets.llm import connector
from widgets.llm.chat_api import SERVED_MODEL
from widgets.llm.config import ConfigError, Limits
from widgets.llm.connector import generate
from widgets.llm.online_failures import after, server_detail

__all__ = ["fresh_connector"]


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


# ---------------------------------------------------------------- the wording, without a server


@pytest.mark.parametrize(
    ("preposition", "noun", "expected"),
    [
        ("à", "le serveur Ollama", "au serveur Ollama"),
        ("de", "le service à cette adresse", "du service à cette adresse"),
        ("à", "les serveurs", "aux serveurs"),
        ("de", "les serveurs", "des serveurs"),
        ("à", "l'API Albert", "à l'API Albert"),
        ("de", "Mistral AI", "de Mistral AI"),
    ],
)
def test_prepositions_are_contracted_as_french_requires(preposition, noun, expected) -> None:
    assert after(preposition, noun) == expected


def test_the_server_s_explanation_is_short_and_never_holds_the_key() -> None:
    error = SimpleNamespace(body={"error": {"message": "Bad key sk-123  for\nyou " + "x" * 300}})
    detail = server_detail(error, "sk-123")
    assert detail.startswith("Bad key *** for you x") and detail.endswith("…")
    assert len(detail) == 201
    assert server_detail(SimpleNamespace(body={"detail": "Trop tard"}), None) == "Trop tard"
    assert server_detail(SimpleNamespace(body=None), None) == ""
