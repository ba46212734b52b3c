"""`atelier serve` for a room: the backend interface, room code, rate limits, command line."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from llm_fakes import FakeModel, classroom_server

from conftest import ROOT
from curriculum import cli
from widgets.llm.chat_api import SERVED_MODEL, RequestError
from widgets.llm.room_backend import RoomAnswer
from widgets.llm.room_limits import RateLimiter, RateLimits
from widgets.llm.room_start import (
    CODE_ENV,
    CODE_LENGTH,
    CODE_LETTERS,
    RoomOptions,
    ServeError,
    banner,
    build_backend,
    room_code,
)
from widgets.llm.server import RoomServer

SERVE = "import sys; from curriculum.cli import main; sys.exit(main())"
FOOTPRINT = {"energie_wh": 0.42, "gco2e": 0.03}


class Recorder:
    """A backend that keeps what it receives and answers with a note and a footprint."""

    description = "un faux modèle pour les tests"

    def __init__(self, failure: RequestError | None = None) -> None:
        self.requests: list[dict[str, Any]] = []
        self.failure = failure

    def answer(self, request: dict[str, Any]) -> RoomAnswer:
        self.requests.append(request)
        if self.failure is not None:
            raise self.failure
        return RoomAnswer("Le conseil se réunit.", "stop", None, "Réponse de test", FOOTPRINT)


def post(server: RoomServer, body: object, **headers: str) -> tuple[int, dict[str, str], bytes]:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=10)
    try:
        connection.request("POST", "/v1/chat/completions", json.dumps(body).encode(), headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def ask(**extra: object) -> dict[str, Any]:
    return {"model": SERVED_MODEL, "messages": [{"role": "user", "content": "Bonjour"}], **extra}


# ---------------------------------------------------------------- the backend interface


def test_the_backend_gets_the_learner_and_the_personal_data_choice() -> None:
    backend = Recorder()
    with classroom_server(backend) as server:
        post(server, ask(max_tokens=5, seed=-3))
        post(server, ask(user="Camille", atelier={"donnees_personnelles": "pseudonymiser"}))
        post(server, ask(atelier={"donnees_personnelles": "arreter"}))
    first, second, third = backend.requests
    assert (first["learner"], first["personal_data"]) == ("127.0.0.1", "stop")
    assert (first["max_tokens"], first["seed"]) == (5, -3)
    assert (second["learner"], second["personal_data"]) == ("Camille", "pseudonymise")
    assert third["personal_data"] == "stop"


def test_the_note_and_footprint_travel_in_the_atelier_field() -> None:
    with classroom_server(Recorder()) as server:
        status, _headers, raw = post(server, ask())
        _status, _headers, stream = post(server, ask(stream=True))
    completion = json.loads(raw)
    assert status == 200
    assert completion["atelier"] == {"note": "Réponse de test", "empreinte": FOOTPRINT}
    assert completion["choices"][0]["message"]["content"] == "Le conseil se réunit."
    events = [event[6:] for event in stream.decode().split("\n\n") if event]
    assert events[-1] == "[DONE]"
    chunks = [json.loads(event) for event in events[:-1]]
    assert "".join(chunk["choices"][0]["delta"].get("content", "") for chunk in chunks) == (
        "Le conseil se réunit."
    )
    assert [("atelier" in chunk) for chunk in chunks] == [False] * (len(chunks) - 1) + [True]
    assert chunks[-1]["atelier"]["empreinte"] == FOOTPRINT


def test_a_backend_refusal_reaches_the_learner_as_it_is() -> None:
    refusal = RequestError(400, "Données personnelles repérées : un nom.", "donnees_personnelles")
    with classroom_server(Recorder(refusal)) as server:
        status, _headers, raw = post(server, ask())
    assert status == 400
    assert json.loads(raw)["error"]["message"] == "Données personnelles repérées : un nom."


# ---------------------------------------------------------------- room code and limits


def test_the_room_code_is_read_as_learners_type_it() -> None:
    with classroom_server(FakeModel(), key="KTFMWA") as server:
        assert post(server, ask(max_tokens=1), Authorization="Bearer kt fmwa")[0] == 200
        status, headers, raw = post(server, ask(), Authorization="Bearer KTFMWB")
    assert status == 401 and headers["WWW-Authenticate"] == "Bearer"
    assert "code que le formateur a écrit au tableau" in json.loads(raw)["error"]["message"]


def test_guessing_the_code_is_limited() -> None:
    limits = RateLimits(per_learner=3, per_room=100)
    with classroom_server(FakeModel(), key="KTFMWA", limits=limits) as server:
        statuses = [post(server, ask(), Authorization=f"Bearer ESSAI{i}")[0] for i in range(4)]
        assert post(server, ask(max_tokens=1), Authorization="Bearer KTFMWA")[0] == 200
    assert statuses == [401, 401, 401, 429]


def test_a_learner_beyond_the_limit_gets_a_429_with_retry_after() -> None:
    limits = RateLimits(per_learner=2, per_room=100)
    with classroom_server(FakeModel(), limits=limits) as server:
        answers = [post(server, ask(max_tokens=1, user="Camille")) for _ in range(3)]
        other = post(server, ask(max_tokens=1, user="Dominique"))
    assert [status for status, _h, _b in answers] == [200, 200, 429]
    _status, headers, raw = answers[2]
    error = json.loads(raw)["error"]
    wait = int(headers["Retry-After"])
    assert 55 <= wait <= 60
    assert f"réessayez dans {wait} secondes" in error["message"]
    assert error["code"] == "rate_limit_exceeded" and other[0] == 200


def test_the_room_limit_counts_everyone() -> None:
    limits = RateLimits(per_learner=10, per_room=3)
    with classroom_server(FakeModel(), limits=limits) as server:
        statuses = [post(server, ask(max_tokens=1, user=f"p{i}"))[0] for i in range(4)]
        _status, _headers, raw = post(server, ask(max_tokens=1, user="p9"))
    assert statuses == [200, 200, 200, 429]
    assert "La salle a envoyé 3 demandes en une minute" in json.loads(raw)["error"]["message"]


def test_the_limits_free_up_after_a_minute() -> None:
    now = [1000.0]
    limiter = RateLimiter(RateLimits(per_learner=2, per_room=3), clock=lambda: now[0])
    limiter.admit("a")
    now[0] += 30
    limiter.admit("a")
    with pytest.raises(RequestError) as caught:
        limiter.admit("a")
    assert (caught.value.status, caught.value.retry_after) == (429, 30)
    limiter.admit("b")
    with pytest.raises(RequestError):
        limiter.admit("c")  # the room's three are used
    now[0] += 30.5
    limiter.admit("a")  # its first request, and the room's, are more than a minute old
    with pytest.raises(RequestError) as caught:
        limiter.admit("c")  # the room's three are used again: a, b (30.5 s ago) and a
    assert caught.value.retry_after == 30


# ---------------------------------------------------------------- starting the server


def test_on_the_network_a_code_is_drawn_and_shown_once() -> None:
    code, note = room_code(RoomOptions(network=True), "0.0.0.0", {})
    assert code is not None and len(code) == CODE_LENGTH and set(code) <= set(CODE_LETTERS)
    assert f"Code de la salle : {code} — écrivez-le au tableau" in note
    assert not set("ILOQ0") & set(CODE_LETTERS)


def test_a_code_comes_from_the_environment_or_a_file_and_is_never_said(tmp_path: Path) -> None:
    code, note = room_code(RoomOptions(), "127.0.0.1", {CODE_ENV: " salle-42 "})
    assert code == "salle-42" and "salle-42" not in note and CODE_ENV in note
    path = tmp_path / "code.txt"
    path.write_text("\n  mairie-2026  \n", encoding="utf-8")
    code, note = room_code(RoomOptions(code_file=path), "127.0.0.1", {CODE_ENV: "autre"})
    assert code == "mairie-2026" and "mairie-2026" not in note
    assert room_code(RoomOptions(), "127.0.0.1", {})[0] is None


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(None, "introuvable"), ("", "est vide"), ("ab", "trop court"), ("a\x07b" * 3, "texte simple")],
)
def test_a_bad_code_file_is_explained(tmp_path: Path, content: str | None, fragment: str) -> None:
    path = tmp_path / "code.txt"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ServeError, match=fragment):
        room_code(RoomOptions(code_file=path), "127.0.0.1", {})


@pytest.mark.parametrize(
    ("arguments", "fragment"),
    [
        (["--cle", "secret-123"], "liste des processus"),
        (["--cle-amont", "sk-123"], "ATELIER_CLE_AMONT"),
        (["--rejouer", "seance.json", "--amont", "albert", "--modele", "m"], "pas les deux"),
        (["--rejouer", "seance.json", "--enregistrer", "x.json"], "ne vont pas ensemble"),
        (["--modele", "albert-large"], "indiquez aussi --amont"),
        (["--enregistrer", "x.json"], "aucun garde-fou"),
        (["--amont", "albert"], "Indiquez le modèle en ligne"),
        (["--rejouer", "absent.json"], "Fichier de séance introuvable"),
        (["--code-fichier", "absent.txt"], "Fichier du code de la salle introuvable"),
        (["--limite-salle", "0"], "« 0 » : une limite est un nombre entier positif"),
        (["--limite-participant", "vingt"], "« vingt » : une limite est un nombre entier"),
        (["--host", "0.0.0.0"], "--reseau"),
    ],
)
def test_misuses_of_serve_are_explained_in_french(
    arguments: list[str],
    fragment: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    if "seance.json" in arguments:
        (tmp_path / "seance.json").write_text("{}", encoding="utf-8")
    assert cli.main(["serve", *arguments]) == cli.USAGE
    error = capsys.readouterr().err
    assert fragment in error and "Traceback" not in error
    assert "secret-123" not in error and "sk-123" not in error


def test_the_banner_says_what_is_kept_on_disk(tmp_path: Path) -> None:
    with classroom_server(FakeModel()) as server:
        plain = banner(server, Recorder(), RoomOptions(), "Sans code.")
        recording = banner(server, Recorder(), RoomOptions(record=tmp_path / "s.json"), "")
    assert "Aucun texte de demande n'est écrit sur le disque" in " ".join(plain)
    assert f"Mode enregistrement : chaque prompt et sa réponse sont écrits dans « {tmp_path}" in (
        " ".join(recording)
    )
    assert "Réponses : un faux modèle pour les tests." in plain
    assert "20 demandes par minute et par participant, 300 pour toute la salle" in " ".join(plain)


def test_record_mode_wraps_the_classroom_model(tmp_path: Path) -> None:
    from widgets.llm.record import RecordingBackend

    path = tmp_path / "seance.json"
    backend = build_backend(RoomOptions(record=path), {}, FakeModel)
    assert isinstance(backend, RecordingBackend) and path.exists()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


GATEWAY = ["--amont", "http://127.0.0.1:9/v1", "--modele", "modele-en-ligne"]


@pytest.mark.parametrize("extra", [[], GATEWAY], ids=["modèle de la classe", "passerelle"])
def test_the_process_list_never_shows_the_code_or_the_key(extra: list[str]) -> None:
    code, key = "CODE-SECRET-7319", "sk-cle-amont-du-formateur-8842"
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE, "serve", "--port", str(port), *extra],
        cwd=ROOT,
        env={**os.environ, CODE_ENV: code, "ATELIER_CLE_AMONT": key},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = [process.stdout.readline() for _ in range(6)]  # type: ignore[union-attr]
        command_line = Path(f"/proc/{process.pid}/cmdline").read_bytes()
        assert str(port).encode() in command_line
        assert code.encode() not in command_line and key.encode() not in command_line
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/v1/models")
        assert connection.getresponse().status == 401
        connection.close()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/v1/models", headers={"Authorization": f"Bearer {code}"})
        assert connection.getresponse().status == 200
        connection.close()
        time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    said = "".join(lines) + out + err
    assert code not in said and code.lower() not in said and key not in said
    assert f"Code de la salle lu dans la variable d'environnement {CODE_ENV}." in said
    assert "Aucun texte de demande n'est écrit sur le disque" in said
    assert "Traceback" not in err
