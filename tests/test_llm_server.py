"""`atelier serve`: an OpenAI-compatible server for the classroom model, on loopback."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import openai
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from llm_fakes import FakeModel, classroom_server

from conftest import ROOT
from curriculum import cli
from widgets.llm.chat_api import SERVED_MODEL, RequestError, parse_chat_request, stream_events
from widgets.llm.room_start import RoomOptions, ServeError, run
from widgets.llm.server import RoomServer

KEY = "cle-de-la-salle-42"
SERVE = "import sys; from curriculum.cli import main; sys.exit(main())"


@pytest.fixture(scope="module")
def server() -> Iterator[RoomServer]:
    with classroom_server(FakeModel()) as running:
        yield running


@pytest.fixture(scope="module")
def locked() -> Iterator[RoomServer]:
    with classroom_server(FakeModel(), key=KEY) as running:
        yield running


def request(
    server: RoomServer,
    method: str,
    path: str,
    body: object = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=10)
    data = body if isinstance(body, bytes) else None if body is None else json.dumps(body).encode()
    try:
        connection.request(method, path, body=data, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def chat(server: RoomServer, body: object, **headers: str) -> tuple[int, Any]:
    status, _headers, raw = request(server, "POST", "/v1/chat/completions", body, headers)
    return status, json.loads(raw)


def ask(content: str = "Le conseil municipal", **extra: object) -> dict[str, Any]:
    return {"model": SERVED_MODEL, "messages": [{"role": "user", "content": content}], **extra}


def client(server: RoomServer, key: str = "inutile") -> openai.OpenAI:
    return openai.OpenAI(base_url=server.url, api_key=key, max_retries=0, timeout=5)


# ---------------------------------------------------------------- the API


def test_models_lists_the_classroom_model(server: RoomServer) -> None:
    status, _headers, raw = request(server, "GET", "/v1/models")
    assert status == 200
    listing = json.loads(raw)
    assert listing["object"] == "list"
    assert [card["id"] for card in listing["data"]] == [SERVED_MODEL]
    assert [model.id for model in client(server).models.list()] == [SERVED_MODEL]
    assert client(server).models.retrieve(SERVED_MODEL).id == SERVED_MODEL


def test_chat_completion_has_the_openai_shape(server: RoomServer) -> None:
    status, body = chat(server, ask(max_tokens=3, seed=4, temperature=0.5))
    assert status == 200
    assert body["object"] == "chat.completion" and body["model"] == SERVED_MODEL
    assert body["id"].startswith("chatcmpl-")
    assert body["choices"] == [
        {
            "index": 0,
            "message": {"role": "assistant", "content": " mot4 mot5 mot6"},
            "finish_reason": "stop",
        }
    ]


def test_the_official_client_reads_a_completion(server: RoomServer) -> None:
    completion = client(server).chat.completions.create(
        model=SERVED_MODEL,
        messages=[{"role": "user", "content": "Bonjour"}],
        max_completion_tokens=2,
    )
    assert completion.choices[0].message.content == " mot0 mot1"


def test_the_official_client_reads_a_stream(server: RoomServer) -> None:
    stream = client(server).chat.completions.create(
        model=SERVED_MODEL,
        messages=[{"role": "user", "content": "Bonjour"}],
        max_tokens=3,
        stream=True,
    )
    chunks = list(stream)
    text = "".join(chunk.choices[0].delta.content or "" for chunk in chunks)
    assert text == " mot0 mot1 mot2"
    assert chunks[0].choices[0].delta.role == "assistant"
    assert chunks[-1].choices[0].finish_reason == "stop"


def test_the_stream_is_server_sent_events_ending_with_done(server: RoomServer) -> None:
    status, headers, raw = request(
        server, "POST", "/v1/chat/completions", ask(max_tokens=2, stream=True)
    )
    assert status == 200
    assert headers["Content-Type"].startswith("text/event-stream")
    events = [line for line in raw.decode().split("\n\n") if line]
    assert all(event.startswith("data: ") for event in events)
    assert events[-1] == "data: [DONE]"
    chunks = [json.loads(event[6:]) for event in events[:-1]]
    assert {chunk["object"] for chunk in chunks} == {"chat.completion.chunk"}
    assert len({chunk["id"] for chunk in chunks}) == 1


def test_the_real_model_reports_tokens_and_length(server: RoomServer) -> None:
    from widgets.llm.classroom import get_model

    with classroom_server(get_model()) as real:
        status, body = chat(real, ask(max_tokens=8, seed=1))
    assert status == 200
    usage = body["usage"]
    assert usage["completion_tokens"] > 0 and usage["prompt_tokens"] > 0
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]
    assert body["choices"][0]["finish_reason"] in ("length", "stop")


def test_content_as_a_list_of_text_parts_is_accepted(server: RoomServer) -> None:
    parts = [{"type": "text", "text": "Le "}, {"type": "text", "text": "maire"}]
    body = {"model": SERVED_MODEL, "messages": [{"role": "user", "content": parts}]}
    model: FakeModel = server.backend.model  # type: ignore[attr-defined]
    status, _body = chat(server, {**body, "max_tokens": 1})
    assert status == 200 and model.calls[-1]["prompt"] == "Le maire"


def test_one_megabyte_of_content_is_answered(server: RoomServer) -> None:
    status, body = chat(server, ask("é😀\x00" * 350_000, max_tokens=2))
    assert status == 200 and body["choices"][0]["message"]["content"] == " mot0 mot1"


# ---------------------------------------------------------------- errors


def error_of(status_and_body: tuple[int, Any]) -> tuple[int, dict[str, Any]]:
    status, body = status_and_body
    assert set(body) == {"error"}
    assert set(body["error"]) == {"message", "type", "param", "code"}
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return status, body["error"]


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        (b"{pas du json", 400, "JSON valide"),
        (b"\xff\xfe", 400, "JSON valide"),
        ([1, 2], 400, "objet JSON"),
        ({"messages": []}, 400, "model"),
        ({"model": "gpt-4o", "messages": []}, 404, "n'existe pas"),
        ({"model": SERVED_MODEL}, 400, "liste non vide"),
        ({"model": SERVED_MODEL, "messages": "Bonjour"}, 400, "liste non vide"),
        ({"model": SERVED_MODEL, "messages": [{"role": "robot", "content": "x"}]}, 400, "role"),
        ({"model": SERVED_MODEL, "messages": [{"role": "user", "content": 3}]}, 400, "texte"),
        (ask(temperature=5), 400, "temperature"),
        (ask(temperature="chaud"), 400, "temperature"),
        (ask(max_tokens=0), 400, "max_tokens"),
        (ask(max_tokens=10**9), 400, "max_tokens"),
        (ask(seed=1.5), 400, "seed"),
        (ask(n=2), 400, "une réponse à la fois"),
        (ask(stream="oui"), 400, "stream"),
    ],
)
def test_bad_requests_get_openai_style_french_errors(
    server: RoomServer, body: object, status: int, fragment: str
) -> None:
    got, error = error_of(chat(server, body))
    assert got == status
    assert fragment in error["message"]
    assert error["type"] == "invalid_request_error"


def test_unknown_model_has_the_model_not_found_code(server: RoomServer) -> None:
    _status, error = error_of(chat(server, {**ask(), "model": "gpt-3.5-turbo"}))
    assert error["code"] == "model_not_found" and error["param"] == "model"
    with pytest.raises(openai.NotFoundError):
        client(server).models.retrieve("gpt-3.5-turbo")


def test_unknown_paths_and_methods(server: RoomServer) -> None:
    assert request(server, "GET", "/v1/completions")[0] == 404
    assert request(server, "POST", "/v1/embeddings", {})[0] == 404
    assert request(server, "DELETE", "/v1/models")[0] == 405
    assert request(server, "GET", "/")[0] == 404


def test_a_body_too_large_is_refused_before_reading(server: RoomServer) -> None:
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=5) as raw:
        raw.sendall(
            b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n"
        )
        received = b""
        while chunk := raw.recv(4096):  # the server closes the connection after answering
            received += chunk
    answer = received.decode()
    assert answer.startswith("HTTP/1.1 413") and "trop volumineuse" in answer


def test_a_model_error_is_a_500_and_the_server_survives(server: RoomServer) -> None:
    class Broken(FakeModel):
        def stream(self, *args: object, **kwargs: object) -> Iterator[str]:
            raise RuntimeError("panne")

    class Strict(FakeModel):
        def stream(self, *args: object, **kwargs: object) -> Iterator[str]:
            error = ValueError("x")
            error.message = "la température doit être un nombre."  # type: ignore[attr-defined]
            raise error

    with classroom_server(Broken()) as broken:
        status, error = error_of(chat(broken, ask()))
        assert status == 500 and "Erreur interne" in error["message"]
        assert request(broken, "GET", "/v1/models")[0] == 200
    with classroom_server(Strict()) as strict:
        status, error = error_of(chat(strict, ask()))
        assert status == 400 and "Réglage refusé : la température" in error["message"]


def test_a_keyed_server_wants_the_bearer_key(locked: RoomServer) -> None:
    assert error_of(chat(locked, ask()))[0] == 401
    assert error_of(chat(locked, ask(), Authorization="Bearer mauvaise"))[0] == 401
    assert error_of(chat(locked, ask(), Authorization=KEY))[0] == 401
    assert request(locked, "GET", "/v1/models")[0] == 401
    assert chat(locked, ask(max_tokens=1), Authorization=f"Bearer {KEY}")[0] == 200
    with pytest.raises(openai.AuthenticationError):
        client(locked, "mauvaise").models.list()
    assert [model.id for model in client(locked, KEY).models.list()] == [SERVED_MODEL]
    assert KEY.upper() not in repr(locked.code) and KEY.upper() not in str(vars(locked))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3)
    ),
    max_leaves=10,
)
ODD = st.text(max_size=200) | st.sampled_from(["", "😀" * 500, "\x00\x1b\x7f", "\ud800"])


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    body=st.one_of(
        JSON,
        st.fixed_dictionaries(
            {
                "model": st.just(SERVED_MODEL),
                "messages": st.lists(
                    st.fixed_dictionaries(
                        {"role": st.sampled_from(["user", "system", "assistant"]), "content": ODD}
                    ),
                    max_size=3,
                ),
            },
            optional={"max_tokens": JSON, "temperature": JSON, "stream": JSON, "seed": JSON},
        ),
    )
)
def test_the_server_never_crashes_on_odd_requests(server: RoomServer, body: object) -> None:
    status, _headers, raw = request(server, "POST", "/v1/chat/completions", body)
    assert status in (200, 400, 404), raw[:300]
    if status != 200:
        error_of((status, json.loads(raw)))


# ---------------------------------------------------------------- command line


def test_serve_refuses_a_network_address_without_the_flag(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["serve", "--host", "0.0.0.0"]) == cli.USAGE
    error = capsys.readouterr().err
    assert "n'écoute que sur cet ordinateur" in error and "--reseau" in error


def test_serve_says_when_the_port_is_taken() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServeError, match="déjà utilisé"):
            run(RoomOptions(port=port), model_factory=FakeModel, out=open(os.devnull, "w"))  # noqa: SIM115


def test_serve_rejects_an_impossible_port(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--port", "70000"]) == cli.USAGE
    assert "Le port doit être" in capsys.readouterr().err


def test_atelier_serve_starts_answers_and_stops_on_ctrl_c() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE, "serve", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = [process.stdout.readline(), process.stdout.readline()]  # type: ignore[union-attr]
        assert lines[1].strip() == (
            f"Serveur de la salle sur http://127.0.0.1:{port}/v1 — Ctrl+C pour arrêter"
        )
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/v1/models")
        assert connection.getresponse().status == 200
        connection.close()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert "Serveur arrêté." in out and "Traceback" not in err


# ---------------------------------------------------------------- the format, without a server


def test_a_chat_request_is_checked_as_plain_data() -> None:
    parts = [{"type": "text", "text": "Le "}, {"type": "text", "text": "maire"}]
    body = {
        "model": SERVED_MODEL,
        "messages": [{"role": "system", "content": "Court."}, {"role": "user", "content": parts}],
        "max_completion_tokens": 7,
        "max_tokens": 99,
    }
    assert parse_chat_request(body) == {
        "messages": [
            {"role": "system", "content": "Court."},
            {"role": "user", "content": "Le maire"},
        ],
        "max_tokens": 7,
        "temperature": 1.0,
        "seed": None,
        "top_k": None,
        "stream": False,
    }
    with pytest.raises(RequestError) as caught:
        parse_chat_request({"model": "gpt-4o", "messages": []})
    assert (caught.value.status, caught.value.code, caught.value.param) == (
        404,
        "model_not_found",
        "model",
    )


def test_a_stream_is_a_role_then_each_piece_then_the_reason_then_done() -> None:
    events = list(stream_events("chatcmpl-1", 0, ["Le", " maire"], "length"))
    assert events[-1] == b"data: [DONE]\n\n"
    chunks = [json.loads(event.decode().removeprefix("data: ")) for event in events[:-1]]
    deltas = [chunk["choices"][0]["delta"] for chunk in chunks]
    assert deltas == [
        {"role": "assistant", "content": ""},
        {"content": "Le"},
        {"content": " maire"},
        {},
    ]
    assert [chunk["choices"][0]["finish_reason"] for chunk in chunks] == [
        None,
        None,
        None,
        "length",
    ]
