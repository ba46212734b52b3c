"""The connector: the classroom backend, `atelier serve` end to end, hooks, and bad input.

Requests go through the official `openai` client to a real HTTP server on
127.0.0.1; failures provoked on purpose are in test_llm_online_failures.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from llm_fakes import (
    MESSAGES,
    FakeModel,
    Step,
    classroom_server,
    closed_port_url,
    fresh_connector,
    scripted_server,
    timed_failure,
    use_online,
)

from widgets.errors import AtelierError
from widgets.llm import connector
from widgets.llm.chat_api import SERVED_MODEL
from widgets.llm.connector import ConnectorError, Reply, generate
from widgets.llm.server import RoomServer

__all__ = ["fresh_connector"]


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
def shared_server() -> Iterator[RoomServer]:
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
    shared_server: RoomServer,
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
