"""The gateway: one trainer key for the room, the guard and the footprint on the way.

A fake upstream on 127.0.0.1 (`scripted_server`) records what it receives:
the trainer's key arrives there and nowhere else, no original identifier of
the guard's own examples arrives there, a stopped prompt never reaches it.
Each failure of the upstream, provoked for real, gives the connector's French
message with a gateway status, within the deadline. `test_llm_gateway_room`
goes through a real `atelier serve` server and the learner's own connector.
"""

from __future__ import annotations

import json
import math
import time

import pytest
from llm_fakes import (
    FAKE_KEY,
    Step,
    assert_key_nowhere,
    closed_port_url,
    scripted_server,
)

from widgets.donnees_personnelles import names
from widgets.impact.payload import footprint_from_payload
from widgets.llm.chat_api import RequestError
from widgets.llm.config import ConfigError, Limits, load_config
from widgets.llm.gateway import MARGIN_S, GatewayBackend, resolve_endpoint, upstream_limits
from widgets.llm.interface import Secret

MODEL = "mistral-small-latest"
"""A model EcoLogits knows, so that every answer has a footprint."""
NIR = "2 84 05 2A 004 012 69"
EMAIL = "jeanne.martin@exemple.fr"
PHONE = "06 39 98 12 34"
PROMPT = f"Rédigez une réponse à Mme Jeanne Martin, NIR {NIR}, tél. {PHONE}, courriel {EMAIL}."
ORIGINALS = ("Jeanne", "Martin", NIR, NIR.replace(" ", ""), PHONE, EMAIL)


@pytest.fixture(autouse=True, scope="module")
def names_model_loaded() -> None:
    """spaCy's model loads once, before the first timed request (it takes seconds on a busy
    machine; the room server starts it in the background, see GatewayBackend)."""
    names.start_loading()
    names.wait(120)


GATEWAY_LIMITS = Limits(
    connect_timeout_s=1.0,
    read_timeout_s=1.0,
    max_attempts=3,
    backoff_base_s=0.05,
    backoff_max_s=0.2,
    deadline_s=1.5,
)


def upstream_answer(text: str = "Bonjour.", model: str = MODEL, tokens: int = 40) -> dict:
    return {
        "id": "chatcmpl-amont",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 12, "completion_tokens": tokens, "total_tokens": 12 + tokens},
    }


def request(content: str = "Bonjour", personal_data: str = "stop", **changes: object) -> dict:
    """A request as the server hands it to a backend (see `room_backend`)."""
    base = {
        "messages": [{"role": "user", "content": content}],
        "max_tokens": 100,
        "temperature": 0.2,
        "seed": None,
        "top_k": None,
        "stream": False,
        "learner": "127.0.0.1",
        "personal_data": personal_data,
    }
    return base | changes


def gateway(url: str, limits: Limits = GATEWAY_LIMITS) -> GatewayBackend:
    return GatewayBackend(url, MODEL, Secret(FAKE_KEY), limits=limits)


def refused(backend: GatewayBackend, sent: dict) -> tuple[RequestError, float]:
    started = time.monotonic()
    with pytest.raises(RequestError) as caught:
        backend.answer(sent)
    return caught.value, time.monotonic() - started


# ---------------------------------------------------------------- the way there and back


def test_the_trainer_key_reaches_the_upstream_and_the_answer_has_note_and_footprint() -> None:
    with scripted_server(Step(body=upstream_answer("Voici la réponse."))) as upstream:
        answer = gateway(upstream.url).answer(request("Rédigez un mot d'accueil."))
        (post,) = upstream.posts()
    assert post.headers["authorization"] == f"Bearer {FAKE_KEY}"
    assert post.body["model"] == MODEL
    assert post.body["messages"] == [{"role": "user", "content": "Rédigez un mot d'accueil."}]
    assert post.body["max_tokens"] == 100 and post.body["temperature"] == 0.2
    assert "atelier" not in post.body  # the room's own field stays in the room
    assert answer.text == "Voici la réponse."
    assert answer.usage == {"prompt_tokens": 12, "completion_tokens": 40, "total_tokens": 52}
    assert answer.finish == "stop"
    assert answer.note == f"Réponse de {MODEL} via le serveur de la salle"
    from ecologits.tracers.utils import llm_impacts

    expected = llm_impacts("mistralai", MODEL, 40, request_latency=math.inf)
    footprint = footprint_from_payload(json.loads(json.dumps(answer.footprint)))
    assert footprint is not None and footprint.tokens == 40
    assert footprint.energy_wh.low == pytest.approx(expected.energy.value * 1000)
    assert footprint.water_ml.high == pytest.approx(expected.wcf.value * 1000)


def test_an_answer_cut_at_max_tokens_says_length_and_a_model_unknown_to_ecologits_has_none() -> (
    None
):
    body = upstream_answer("mot " * 100, model="albert-large", tokens=100)
    with scripted_server(Step(body=body)) as upstream:
        answer = gateway(upstream.url).answer(request())
    assert answer.finish == "length"
    assert answer.footprint is None
    assert answer.note == "Réponse de albert-large via le serveur de la salle"


def test_developer_and_tool_roles_leave_as_roles_every_service_knows() -> None:
    messages = [
        {"role": "developer", "content": "Soyez bref."},
        {"role": "user", "content": "Bonjour"},
        {"role": "tool", "content": "12 °C"},
    ]
    with scripted_server(Step(body=upstream_answer())) as upstream:
        gateway(upstream.url).answer(request(messages=messages))
        (post,) = upstream.posts()
    assert [m["role"] for m in post.body["messages"]] == ["system", "user", "user"]


def test_emoji_and_a_lone_surrogate_leave_as_printable_text() -> None:
    with scripted_server(Step(body=upstream_answer("Reçu 👍"))) as upstream:
        answer = gateway(upstream.url).answer(request("Bonjour 😀🏛️ \ud800 fin"))
        (post,) = upstream.posts()
    assert post.body["messages"][0]["content"] == "Bonjour 😀🏛️ \ufffd fin"
    assert answer.text == "Reçu 👍"


# ---------------------------------------------------------------- personal data


def test_stopped_personal_data_never_reaches_the_upstream_and_no_value_is_quoted() -> None:
    with scripted_server(Step(body=upstream_answer())) as upstream:
        error, _ = refused(gateway(upstream.url), request(PROMPT, "stop"))
        assert upstream.posts() == []
    assert error.status == 400 and error.code == "personal_data_found"
    for kind in ("numéro de sécurité sociale (NIR)", "numéro de téléphone", "adresse électronique"):
        assert f"1 {kind}" in error.message
    assert "nom de personne" in error.message
    assert "Rien n'a été envoyé au service à cette adresse." in error.message
    for original in ORIGINALS:
        assert original not in error.message


def test_pseudonymised_no_original_reaches_the_upstream_and_the_answer_gets_them_back() -> None:
    echoed = upstream_answer("Madame [PERSONNE_1], votre dossier [NIR_1] est complet.")
    with scripted_server(Step(body=echoed)) as upstream:
        answer = gateway(upstream.url).answer(request(PROMPT, "pseudonymise"))
        (post,) = upstream.posts()
    sent = json.dumps(post.body, ensure_ascii=False)
    for original in ORIGINALS:
        assert original not in sent
    assert "[PERSONNE_1]" in sent and "[NIR_1]" in sent
    assert answer.text == f"Madame Jeanne Martin, votre dossier {NIR} est complet."


def test_a_prompt_without_personal_data_leaves_unchanged_whatever_the_choice() -> None:
    with scripted_server(Step(body=upstream_answer())) as upstream:
        backend = gateway(upstream.url)
        backend.answer(request("La mairie ouvre à 9 h.", "stop"))
        backend.answer(request("La mairie ouvre à 9 h.", "pseudonymise"))
        posts = upstream.posts()
    assert [p.body["messages"][0]["content"] for p in posts] == ["La mairie ouvre à 9 h."] * 2


# ---------------------------------------------------------------- the upstream's failures


FAILURES = [
    pytest.param(Step(delay_s=20), 504, "n'a pas répondu à temps", 1, id="timeout"),
    pytest.param(Step(trickle=True), 504, "n'a pas répondu à temps", 1, id="trickle"),
    pytest.param(Step(status=401), 502, "a refusé la clé (erreur 401)", 1, id="401"),
    pytest.param(
        Step(status=429, headers={"Retry-After": "0"}), 429, "trop de demandes", 3, id="429"
    ),
    pytest.param(Step(status=503), 503, "indisponible pour le moment (erreur 503", 3, id="503"),
    pytest.param(Step(status=500), 502, "erreur de son côté (erreur 500)", 1, id="500"),
    pytest.param(Step(body="{pas du json"), 502, "est illisible", 1, id="broken-json"),
    pytest.param(Step(body={"choices": []}), 502, "est illisible", 1, id="no-choice"),
]


@pytest.mark.parametrize(("step", "status", "said", "attempts"), FAILURES)
def test_each_upstream_failure_gives_the_connectors_french_message_within_the_deadline(
    step: Step, status: int, said: str, attempts: int
) -> None:
    with scripted_server(step) as upstream:
        error, seconds = refused(gateway(upstream.url), request())
        posts = upstream.posts()
    assert error.status == status and error.code.startswith("upstream_")
    assert said in error.message and "service à cette adresse" in error.message
    assert len(posts) == attempts
    assert seconds < GATEWAY_LIMITS.deadline_s + 0.5
    assert_key_nowhere(FAKE_KEY, error.message, repr(error))


def test_a_refused_connection_says_no_server_answers() -> None:
    error, seconds = refused(gateway(closed_port_url()), request())
    assert error.status == 502 and error.code == "upstream_unreachable"
    assert error.message.startswith("Aucun serveur ne répond à l'adresse http://127.0.0.1:")
    assert seconds < 1


def test_no_network_says_check_the_internet_connection() -> None:
    # 192.0.2.1 is a documentation address; the tests' guard refuses it, as a room without
    # internet would.
    error, seconds = refused(gateway("http://192.0.2.1/v1"), request())
    assert error.status == 502 and error.code == "upstream_unreachable"
    assert error.message.startswith("Impossible de joindre le service à cette adresse (192.0.2.1)")
    assert seconds < GATEWAY_LIMITS.deadline_s + 0.5


def test_a_401_tells_the_learner_to_warn_the_trainer_not_to_type_a_key() -> None:
    with scripted_server(Step(status=401)) as upstream:
        error, _ = refused(gateway(upstream.url), request())
    assert "prévenez la personne qui anime la séance" in error.message
    assert "champ « Clé »" not in error.message


# ---------------------------------------------------------------- the key goes nowhere else


def test_the_key_appears_in_no_answer_no_error_no_repr_even_when_the_upstream_echoes_it() -> None:
    echo = upstream_answer(f"Vous m'avez envoyé la clé {FAKE_KEY}.", model=f"modele-{FAKE_KEY}")
    explained = {"error": {"message": f"Clé {FAKE_KEY} inconnue, détail."}}
    with scripted_server(Step(body=echo), Step(status=400, body=explained)) as upstream:
        backend = gateway(upstream.url)
        answer = backend.answer(request())
        error, _ = refused(backend, request())
    assert "***" in answer.text and "***" in answer.note
    assert "***" in error.message  # the upstream's explanation is quoted, key blotted out
    assert_key_nowhere(
        FAKE_KEY,
        repr(answer),
        json.dumps(answer.footprint),
        error.message,
        repr(error),
        repr(backend),
        repr(vars(backend)),
        backend.description,
    )


# ---------------------------------------------------------------- setting it up


def test_a_preset_name_or_an_address_names_the_upstream() -> None:
    config = load_config()
    albert, url = resolve_endpoint("albert", config)
    assert albert.id == "albert" and url == "https://albert.api.etalab.gouv.fr/v1"
    ollama, url = resolve_endpoint("http://127.0.0.1:11434/v1/", config)
    assert ollama.id == "ollama" and url == "http://127.0.0.1:11434/v1"
    other, url = resolve_endpoint(" http://10.0.0.5:8000/v1 ", config)
    assert other.is_custom and url == "http://10.0.0.5:8000/v1"


@pytest.mark.parametrize(
    ("endpoint", "model", "key", "said"),
    [
        ("classe", MODEL, None, "n'est pas un service en ligne"),
        ("autre", MODEL, None, "n'est pas un service en ligne"),
        ("atelier", MODEL, None, "ne peut pas relayer vers lui-même"),
        ("albrt", MODEL, None, "ni un service de presets.toml (albert, mistral"),
        ("", MODEL, None, "Le service n'est ni"),
        (None, MODEL, None, "Le service n'est ni"),
        ("ftp://exemple.fr/v1", MODEL, None, "doit commencer par http://"),
        ("http://moi:secret@exemple.fr/v1", MODEL, None, "ni mot de passe"),
        ("http://10.0.0.5:8000/v1", "  ", Secret(FAKE_KEY), "Indiquez le modèle"),
        ("http://10.0.0.5:8000/v1", None, Secret(FAKE_KEY), "Indiquez le modèle"),
        ("albert", 3, Secret(FAKE_KEY), "s'écrit comme du texte"),
        ("albert", "albert-large", None, "L'API Albert demande une clé"),
        ("albert", "albert-large", FAKE_KEY, "jamais en texte clair"),
    ],
)
def test_a_wrong_setting_is_refused_in_french(endpoint, model, key, said) -> None:
    with pytest.raises(ConfigError) as caught:
        GatewayBackend(endpoint, model, key)
    assert said in caught.value.message
    assert_key_nowhere(FAKE_KEY, caught.value.message)


def test_a_local_upstream_needs_no_key_and_the_banner_names_it() -> None:
    backend = GatewayBackend("ollama", " ", None)
    assert backend.model == "mistral"  # the preset's own model
    assert backend.description.startswith(
        "le modèle « mistral » du serveur Ollama (127.0.0.1:11434)"
    )


def test_the_gateway_gives_up_before_the_learners_connector_stops_waiting() -> None:
    shipped = load_config().limits
    limits = upstream_limits(shipped)
    learner_waits = min(shipped.read_timeout_s, shipped.deadline_s)
    assert limits.deadline_s == learner_waits - MARGIN_S
    assert limits.read_timeout_s <= limits.deadline_s
    assert limits.worst_case_s() <= learner_waits - MARGIN_S


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"messages": [{"role": "user", "content": "   "}]}, "Le message est vide"),
        ({"messages": [{"role": "user", "content": "x" * 100_001}]}, "Le texte est trop long"),
        ({"max_tokens": 5000}, "max_tokens doit être compris entre 1 et 4096"),
        ({"seed": 2**63}, "La graine (seed) est un nombre bien trop grand"),
    ],
)
def test_a_request_the_connector_would_refuse_is_a_400_and_sends_nothing(
    changes: dict, said: str
) -> None:
    with scripted_server(Step(body=upstream_answer())) as upstream:
        error, _ = refused(gateway(upstream.url), request(**changes))
        assert upstream.posts() == []
    assert error.status == 400 and said in error.message
