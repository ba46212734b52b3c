"""The gateway behind a real `atelier serve`, seen from the learner's connector and module 03's
comparison: the answer, its note and its footprint arrive; the learner's choice for personal
data travels in the `atelier` field; the upstream's failures arrive as the gateway's French
messages, within the learner's deadline, without a second round of retries."""

from __future__ import annotations

import json
import time

import pytest
from llm_fakes import (
    FAKE_KEY,
    FakeModel,
    Step,
    assert_key_nowhere,
    classroom_server,
    fresh_connector,
    scripted_server,
)
from test_llm_gateway import (
    GATEWAY_LIMITS,
    MODEL,
    ORIGINALS,
    PROMPT,
    names_model_loaded,
    upstream_answer,
)

from widgets.impact.reply import footprint_of
from widgets.llm import connector
from widgets.llm.config import Limits
from widgets.llm.gateway import GatewayBackend, upstream_limits
from widgets.llm.interface import Secret
from widgets.prompts.views.comparison import BeforeAfter

__all__ = ["fresh_connector", "names_model_loaded"]

LEARNER_LIMITS = Limits(
    connect_timeout_s=1.0,
    read_timeout_s=3.0,
    max_attempts=3,
    backoff_base_s=0.05,
    backoff_max_s=0.2,
    deadline_s=3.5,
)


def learner_in_room(settings: connector.Settings, room_url: str) -> None:
    """The learner chose « Serveur de la salle », at the trainer's address."""
    settings.choose("atelier", base_url=room_url)
    settings.limits = LEARNER_LIMITS


def test_through_the_room_server_the_learner_reads_the_answer_note_and_footprint(
    fresh_connector: connector.Settings,
) -> None:
    with scripted_server(Step(body=upstream_answer("Bienvenue à la mairie."))) as upstream:
        backend = GatewayBackend(
            upstream.url, MODEL, Secret(FAKE_KEY), limits=upstream_limits(LEARNER_LIMITS)
        )
        with classroom_server(backend) as room:
            learner_in_room(fresh_connector, room.url)
            reply = connector.generate("Rédigez un mot d'accueil.")
            pieces: list[str] = []
            streamed = connector.generate(
                "Rédigez un mot d'accueil.", stream=True, on_text=pieces.append
            )
        posts = upstream.posts()
    assert reply.text == "Bienvenue à la mairie." == streamed.text == "".join(pieces)
    for answer in (reply, streamed):
        assert answer.room.note == f"Réponse de {MODEL} via le serveur de la salle"
        footprint = footprint_of(answer)
        assert footprint is not None and footprint.model == MODEL and footprint.tokens == 40
    assert [post.headers["authorization"] for post in posts] == [f"Bearer {FAKE_KEY}"] * 2


def test_through_the_room_server_the_learners_choice_stops_or_pseudonymises(
    fresh_connector: connector.Settings,
) -> None:
    echoed = upstream_answer("Bonjour [PERSONNE_1].")
    with scripted_server(Step(body=echoed)) as upstream:
        backend = GatewayBackend(upstream.url, MODEL, Secret(FAKE_KEY), limits=GATEWAY_LIMITS)
        with classroom_server(backend) as room:
            learner_in_room(fresh_connector, room.url)
            with pytest.raises(connector.ConnectorError) as stopped:
                connector.generate(PROMPT)
            assert upstream.posts() == []
            reply = connector.generate(PROMPT, personal_data="pseudonymise")
        (post,) = upstream.posts()
    assert stopped.value.message.startswith("Envoi arrêté par le serveur de la salle")
    assert reply.text == "Bonjour Jeanne Martin."
    sent = json.dumps(post.body, ensure_ascii=False)
    assert all(original not in sent for original in ORIGINALS)


def test_through_the_room_server_an_upstream_failure_reaches_the_learner_in_time(
    fresh_connector: connector.Settings,
) -> None:
    with scripted_server(Step(status=401), Step(delay_s=20)) as upstream:
        backend = GatewayBackend(
            upstream.url, MODEL, Secret(FAKE_KEY), limits=upstream_limits(LEARNER_LIMITS)
        )
        with classroom_server(backend) as room:
            learner_in_room(fresh_connector, room.url)
            messages = []
            for _ in range(2):
                started = time.monotonic()
                with pytest.raises(connector.ConnectorError) as caught:
                    connector.generate("Bonjour")
                messages.append((caught.value.message, time.monotonic() - started))
        posts = upstream.posts()
    (key_refused, first), (timed_out, second) = messages
    assert "a refusé la clé (erreur 401)" in key_refused and first < 1
    assert "n'a pas répondu à temps" in timed_out
    assert second < LEARNER_LIMITS.read_timeout_s  # the gateway's message, not the learner's
    assert len(posts) == 2  # the learner's connector did not retry what the gateway reported
    assert_key_nowhere(FAKE_KEY, key_refused, timed_out)


def test_the_comparison_shows_the_note_and_the_footprint_of_a_room_answer(
    fresh_connector: connector.Settings,
) -> None:
    with scripted_server(Step(body=upstream_answer("Madame, Monsieur,"))) as upstream:
        backend = GatewayBackend(upstream.url, MODEL, Secret(FAKE_KEY), limits=GATEWAY_LIMITS)
        with classroom_server(backend) as room:
            learner_in_room(fresh_connector, room.url)
            view = BeforeAfter()
            view.send()
    for side in (view.before, view.after):
        assert "via le serveur de la salle" in side.answer.value
        assert "Empreinte estimée de cette réponse (40 tokens, mistral-small-latest)" in (
            side.answer.value
        )


def test_only_the_room_preset_carries_the_learners_choice(
    fresh_connector: connector.Settings,
) -> None:
    with scripted_server(Step(body=upstream_answer())) as fake_room:
        learner_in_room(fresh_connector, fake_room.url)
        connector.generate("Bonjour")
        connector.generate("Bonjour [PERSONNE_1]", personal_data="pseudonymise")
        fresh_connector.choose("autre", base_url=fake_room.url, model="m")
        connector.generate("Bonjour")
        bodies = [post.body for post in fake_room.posts()]
    assert bodies[0]["atelier"] == {"donnees_personnelles": "arreter"}
    assert bodies[1]["atelier"] == {"donnees_personnelles": "pseudonymiser"}
    assert "atelier" not in bodies[2]


@pytest.mark.parametrize("choice", ["arreter", "", None, 1, "PSEUDONYMISE"])
def test_a_wrong_personal_data_choice_is_refused_in_french(
    fresh_connector: connector.Settings, choice: object
) -> None:
    with pytest.raises(connector.ConnectorError) as caught:
        connector.generate("Bonjour", personal_data=choice)  # type: ignore[arg-type]
    assert caught.value.message.startswith('personal_data vaut "stop"')


def test_an_odd_atelier_field_in_an_answer_costs_nothing(
    fresh_connector: connector.Settings,
) -> None:
    odd = [
        {"note": 3, "empreinte": "beaucoup"},
        {"note": "Réponse\ud800 de x\n\n via   le serveur", "empreinte": {"tokens": True}},
        "pas un objet",
    ]
    steps = [Step(body=upstream_answer() | {"atelier": field}) for field in odd]
    with scripted_server(*steps) as fake_room:
        learner_in_room(fresh_connector, fake_room.url)
        replies = [connector.generate("Bonjour") for _ in odd]
    assert replies[0].room.note == "" and replies[0].room.footprint is None
    assert footprint_of(replies[0]).model == MODEL  # unlabelled: estimated as any answer
    assert replies[1].room.note == "Réponse\ufffd de x via le serveur"
    assert footprint_of(replies[1]) is None
    assert replies[2].room is None and replies[2].text == "Bonjour."


def test_the_learner_sees_no_footprint_for_an_unknown_model_and_the_classroom_stand_in_else(
    fresh_connector: connector.Settings,
) -> None:
    with scripted_server(Step(body=upstream_answer(model="albert-large"))) as upstream:
        backend = GatewayBackend(upstream.url, MODEL, Secret(FAKE_KEY), limits=GATEWAY_LIMITS)
        with classroom_server(backend) as room:
            learner_in_room(fresh_connector, room.url)
            online = connector.generate("Bonjour")
    with classroom_server(FakeModel()) as room:
        learner_in_room(fresh_connector, room.url)
        offline = connector.generate("Bonjour", max_tokens=5)
    assert online.room.note == "Réponse de albert-large via le serveur de la salle"
    assert footprint_of(online) is None
    assert offline.room.note == "" and footprint_of(offline).stand_in_for


def test_the_comparisons_pseudonymise_button_goes_through_the_room_with_the_learners_choice(
    fresh_connector: connector.Settings,
) -> None:
    echoed = upstream_answer("Madame [PERSONNE_1], votre demande est reçue.")
    with scripted_server(Step(body=echoed)) as upstream:
        backend = GatewayBackend(upstream.url, MODEL, Secret(FAKE_KEY), limits=GATEWAY_LIMITS)
        with classroom_server(backend) as room:
            learner_in_room(fresh_connector, room.url)
            view = BeforeAfter()
            view.after.prompt.value = PROMPT
            view.send()
            stopped_here = view.after.answer.value
            posts_before = len(upstream.posts())
            view.after.pseudonymise.click()
        posts = upstream.posts()
    assert "Rien n'a été envoyé" in stopped_here  # the learner's own guard, before the room's
    assert posts_before == 1  # only the vague prompt left
    answer = view.after.answer.value
    assert "Madame Jeanne Martin, votre demande est reçue." in answer
    assert "via le serveur de la salle" in answer and "Empreinte estimée" in answer
    sent = json.dumps(posts[-1].body, ensure_ascii=False)
    assert all(original not in sent for original in ORIGINALS)
