"""`atelier serve` against malformed requests sent over raw sockets: a 4xx, in time, every time.

Each case of the corpus is written byte by byte (no HTTP client would send
most of them); the server must answer with a 4xx (never a 5xx, never
silence), in OpenAI's error shape with a French message, within a few
seconds, and still answer a good request afterwards.
"""

from __future__ import annotations

import http.client
import io
import json
import socket
import time
from collections.abc import Iterator
from contextlib import suppress

import pytest
from llm_fakes import FakeModel, classroom_server

from widgets.llm.chat_api import SERVED_MODEL
from widgets.llm.room_request import BODY_BASE_S
from widgets.llm.server import RoomServer

ANSWER_WITHIN_S = 5.0
CHAT = "/v1/chat/completions"
GOOD = {"model": SERVED_MODEL, "messages": [{"role": "user", "content": "Le maire"}]}


@pytest.fixture(scope="module")
def server() -> Iterator[RoomServer]:
    with classroom_server(FakeModel()) as running:
        yield running


def post(body: bytes | str, *headers: str, path: str = CHAT) -> bytes:
    data = body.encode("utf-8", "surrogatepass") if isinstance(body, str) else body
    lines = [f"POST {path} HTTP/1.1", "Host: salle", *headers]
    if not any(header.lower().startswith(("content-length", "transfer")) for header in headers):
        lines.append(f"Content-Length: {len(data)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + data


def chat(**fields: object) -> bytes:
    return post(json.dumps({**GOOD, **fields}))


def raw_json(text: str) -> bytes:
    """A body written by hand: what `json.dumps` would never produce."""
    return post(text)


def get(path: str, method: str = "GET", *headers: str) -> bytes:
    return "\r\n".join([f"{method} {path} HTTP/1.1", "Host: salle", *headers, "", ""]).encode()


def exchange(
    server: RoomServer, data: bytes, *, method: str = "POST", close_write: bool = False
) -> tuple[http.client.HTTPResponse, bytes, float]:
    """Send `data`, read one response; the response, its body and the seconds it took."""
    host, port = server.server_address[:2]
    started = time.monotonic()
    with socket.create_connection((host, port), timeout=ANSWER_WITHIN_S + 5) as raw:
        with suppress(BrokenPipeError, ConnectionResetError):
            raw.sendall(data)  # the server may answer and close before reading everything
        if close_write:
            raw.shutdown(socket.SHUT_WR)
        response = http.client.HTTPResponse(raw, method=method)
        response.begin()
        body = response.read()
    return response, body, time.monotonic() - started


NESTED = "[" * 100_000 + "]" * 100_000
NESTED_OBJECTS = '{"a":' * 50_000 + "1" + "}" * 50_000
MANY_MESSAGES = [{"role": "user", "content": "x"}] * 10_000

CORPUS: dict[str, tuple[bytes, int]] = {
    # -- the request line
    "ligne illisible": (b"N'IMPORTE QUOI\r\n\r\n", 400),
    "octets de contrôle": (b"\x00\x01\x02\xff\r\n\r\n", 400),
    "ligne vide": (b"\r\n\r\n", 400),
    "un seul mot": (b"GET\r\n\r\n", 400),
    "quatre mots": (b"GET /v1/models HTTP/1.1 en-trop\r\n\r\n", 400),
    "HTTP/0.9": (b"GET /v1/models\r\n", 400),
    "HTTP/2.0": (b"GET /v1/models HTTP/2.0\r\nHost: salle\r\n\r\n", 400),
    "préface HTTP/2": (b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 400),
    "version inventée": (b"GET /v1/models HTTP/9.x\r\nHost: salle\r\n\r\n", 400),
    "pas HTTP": (b"GET /v1/models FTP/1.1\r\nHost: salle\r\n\r\n", 400),
    "méthode inconnue": (get("/v1/models", "BREW"), 405),
    "ligne trop longue": (get("/v1/" + "a" * 70_000), 414),
    # -- headers
    "en-tête trop long": (get("/v1/models", "GET", "X-Long: " + "b" * 70_000), 431),
    "150 en-têtes": (get("/v1/models", "GET", *(f"X-{i}: {i}" for i in range(150))), 431),
    # -- the body's length
    "POST sans longueur": (b"POST /v1/chat/completions HTTP/1.1\r\nHost: salle\r\n\r\n{}", 411),
    "Content-Length en deux morceaux": (post(b"{}", "Content-Length: 1 1"), 400),
    "corps découpé (chunked)": (post(b"2\r\n{}\r\n0\r\n\r\n", "Transfer-Encoding: chunked"), 411),
    "Content-Length en double": (post(b"{}", "Content-Length: 2", "Content-Length: 2"), 400),
    "Content-Length contradictoires": (post(b"{}", "Content-Length: 2", "Content-Length: 9"), 400),
    "Content-Length négatif": (post(b"{}", "Content-Length: -1"), 400),
    "Content-Length en lettres": (post(b"{}", "Content-Length: deux"), 400),
    "Content-Length avec un signe": (post(b"{}", "Content-Length: +2"), 400),
    "Content-Length en exposant": (post(b"{}", "Content-Length: 2e0"), 400),
    "Content-Length exposant ²": (post(b"{}", "Content-Length: ²"), 400),
    "Content-Length immense": (post(b"{}", "Content-Length: 99999999999"), 413),
    "corps vide": (post(b""), 400),
    # -- the body's JSON
    "UTF-8 invalide": (post(b'{"model": "\xff\xfe"}'), 400),
    "UTF-8 tronqué": (post(b'{"model": "\xc3"}'), 400),
    "marque d'ordre (BOM)": (raw_json("\ufeff" + json.dumps(GOOD)), 400),
    "JSON imbriqué (listes)": (raw_json(NESTED), 400),
    "JSON imbriqué (objets)": (raw_json(NESTED_OBJECTS), 400),
    "NaN": (raw_json(json.dumps(GOOD)[:-1] + ', "temperature": NaN}'), 400),
    "Infinity": (raw_json(json.dumps(GOOD)[:-1] + ', "max_tokens": Infinity}'), 400),
    "-Infinity": (raw_json(json.dumps(GOOD)[:-1] + ', "seed": -Infinity}'), 400),
    "entier de 5 000 chiffres": (
        raw_json(json.dumps(GOOD)[:-1] + ', "seed": 1' + "0" * 5000 + "}"),
        400,
    ),
    "nombre immense (1e999)": (raw_json(json.dumps(GOOD)[:-1] + ', "temperature": 1e999}'), 400),
    "null": (raw_json("null"), 400),
    "un texte": (raw_json('"Bonjour"'), 400),
    "JSON coupé": (raw_json('{"model": "modele-de-la-classe", "messages": [{"role"'), 400),
    # -- the request's fields
    "max_tokens en texte": (chat(max_tokens="10"), 400),
    "temperature en texte": (chat(temperature="0.5"), 400),
    "seed en texte": (chat(seed="1"), 400),
    "seed 2**64": (chat(seed=2**64), 400),
    "seed décimale": (chat(seed=1.5), 400),
    "max_tokens 10**30": (chat(max_tokens=10**30), 400),
    "max_tokens faux, l'autre juste": (chat(max_completion_tokens=1, max_tokens="x"), 400),
    "top_k nul": (chat(top_k=0), 400),
    "stream en texte": (chat(stream="true"), 400),
    "n = 2": (chat(n=2), 400),
    "n = true": (chat(n=True), 400),
    "model nombre": (chat(model=42), 400),
    "model vide": (chat(model=""), 400),
    "model inconnu, demi-caractère": (raw_json(json.dumps({**GOOD, "model": "x\ud800"})), 404),
    "messages objet": (chat(messages={}), 400),
    "messages vide": (chat(messages=[]), 400),
    "message null": (chat(messages=[None]), 400),
    "rôle inconnu": (chat(messages=[{"role": "pirate", "content": "x"}]), 400),
    "rôle en liste": (chat(messages=[{"role": ["user"], "content": "x"}]), 400),
    "contenu absent": (chat(messages=[{"role": "user"}]), 400),
    "contenu objet": (chat(messages=[{"role": "user", "content": {"a": 1}}]), 400),
    "10 000 messages": (chat(messages=MANY_MESSAGES), 400),
    "user nombre": (chat(user=42), 400),
    "user trop long": (chat(user="x" * 1000), 400),
    "atelier texte": (chat(atelier="oui"), 400),
    "atelier choix inconnu": (chat(atelier={"donnees_personnelles": "publier"}), 400),
    # -- paths and methods
    "POST sur /v1/models": (post(json.dumps(GOOD), path="/v1/models"), 405),
    "GET sur les réponses": (get(CHAT), 405),
    "PUT sur les réponses": (get(CHAT, "PUT", "Content-Length: 0"), 405),
    "DELETE à la racine": (get("/", "DELETE"), 404),
    "remontée de dossiers": (get("/../../etc/passwd"), 404),
    "une page": (get("/index.html"), 404),
    "adresse absolue": (get("http://ailleurs.example/v1/models"), 404),
    "OPTIONS inconnu": (get("/inconnu", "OPTIONS"), 404),
    "modèle inconnu": (get("/v1/models/gpt-4o"), 404),
}


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 40


@pytest.mark.parametrize(("data", "status"), CORPUS.values(), ids=CORPUS.keys())
def test_a_malformed_request_gets_a_french_4xx_in_time(
    server: RoomServer, data: bytes, status: int
) -> None:
    response, body, seconds = exchange(server, data)
    assert response.status == status, body[:300]
    assert seconds < ANSWER_WITHIN_S
    error = json.loads(body)["error"]
    assert set(error) == {"message", "type", "param", "code"}
    assert error["type"] == "invalid_request_error"
    assert "Traceback" not in error["message"] and error["message"].endswith((".", ")"))
    if status == 405:
        assert response.getheader("Allow")
    good, answer, _seconds = exchange(server, chat(max_tokens=2))
    assert good.status == 200 and json.loads(answer)["choices"][0]["message"]["content"]


def test_a_body_shorter_than_announced_is_refused_within_seconds(server: RoomServer) -> None:
    data = post(b'{"model": "modele', "Content-Length: 1000")
    response, body, seconds = exchange(server, data)
    assert response.status == 408
    assert "reçus sur les 1000 annoncés" in json.loads(body)["error"]["message"]
    assert BODY_BASE_S - 0.5 < seconds < BODY_BASE_S + 2


def test_a_body_cut_by_the_client_is_refused_at_once(server: RoomServer) -> None:
    data = post(b'{"model": "modele', "Content-Length: 1000")
    response, body, seconds = exchange(server, data, close_write=True)
    assert response.status == 400 and seconds < 1
    assert "la connexion a été fermée" in json.loads(body)["error"]["message"]


def test_a_negative_seed_is_served(server: RoomServer) -> None:
    response, body, _seconds = exchange(server, chat(seed=-1, max_tokens=2))
    assert response.status == 200
    assert json.loads(body)["choices"][0]["message"]["content"] == " mot-1 mot0"


def test_a_lone_surrogate_in_the_prompt_is_answered(server: RoomServer) -> None:
    body = json.dumps({**GOOD, "messages": [{"role": "user", "content": "B\ud800"}]})
    response, _answer, _seconds = exchange(server, raw_json(body))
    assert response.status == 200
    model: FakeModel = server.backend.model  # type: ignore[attr-defined]
    assert model.calls[-1]["prompt"] == "B\ufffd"


class Unclosable(io.BufferedReader):
    def close(self) -> None:
        """`HTTPResponse` closes its file after the body: the next response reads on."""


class SharedReader:
    """What `HTTPResponse` takes for a socket: each response reads on from the same buffer."""

    def __init__(self, raw: socket.socket) -> None:
        self.file = Unclosable(raw.makefile("rb", buffering=0))  # type: ignore[arg-type]

    def makefile(self, mode: str) -> io.BufferedReader:
        return self.file


def test_pipelined_requests_are_answered_in_order(server: RoomServer) -> None:
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=10) as raw:
        raw.sendall(get("/v1/models") + chat(max_tokens=1, seed=7) + get("/v1/models/x"))
        shared = SharedReader(raw)  # one buffer for the three responses
        statuses = []
        for _ in range(3):
            response = http.client.HTTPResponse(shared, method="GET")  # type: ignore[arg-type]
            response.begin()
            body = response.read()
            statuses.append((response.status, body))
    assert [status for status, _body in statuses] == [200, 200, 404]
    assert json.loads(statuses[1][1])["choices"][0]["message"]["content"] == " mot7"


def test_a_bad_request_in_a_pipeline_closes_the_connection(server: RoomServer) -> None:
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=10) as raw:
        raw.sendall(post(b"{", "Content-Length: 1") + get("/v1/models"))
        response = http.client.HTTPResponse(raw, method="POST")
        response.begin()
        response.read()
        assert response.status == 400 and response.getheader("Connection") == "close"
        assert raw.recv(100) == b""


def test_http_1_0_is_answered_and_closed(server: RoomServer) -> None:
    data = b"GET /v1/models HTTP/1.0\r\n\r\n"
    response, body, _seconds = exchange(server, data, method="GET")
    assert response.status == 200 and json.loads(body)["data"][0]["id"] == SERVED_MODEL


def test_head_gives_the_headers_of_get_without_a_body(server: RoomServer) -> None:
    _full, body, _seconds = exchange(server, get("/v1/models"), method="GET")
    response, empty, _seconds = exchange(server, get("/v1/models", "HEAD"), method="HEAD")
    assert response.status == 200 and empty == b""
    assert response.getheader("Content-Length") == str(len(body))


def test_options_lists_the_methods_and_allows_no_other_site(server: RoomServer) -> None:
    for path, methods in [(CHAT, "POST, OPTIONS"), ("/v1/models", "GET, HEAD, OPTIONS")]:
        response, body, _seconds = exchange(server, get(path, "OPTIONS"), method="OPTIONS")
        assert (response.status, response.getheader("Allow"), body) == (204, methods, b"")
        headers = {name.lower() for name, _value in response.getheaders()}
        assert not any(name.startswith("access-control") for name in headers)


def test_a_get_with_a_body_does_not_smuggle_a_second_request(server: RoomServer) -> None:
    smuggled = get("/v1/models/inconnu")
    data = get("/v1/models", "GET", f"Content-Length: {len(smuggled)}") + smuggled
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=10) as raw:
        raw.sendall(data)
        response = http.client.HTTPResponse(raw, method="GET")
        response.begin()
        response.read()
        assert response.status == 200
        assert raw.recv(100) == b"", "the body was not read as a second request"
