"""`atelier serve`'s HTTP side: an OpenAI-compatible API in front of one room backend.

A trainer starts it on one computer and the whole room uses it (preset
« Serveur de la salle »); the tests start it on a free loopback port. The
backend (`room_backend`) answers: the classroom model, the gateway to an
online model, a recorded session.

Served: `GET`/`HEAD /v1/models`, `GET`/`HEAD /v1/models/<id>`,
`POST /v1/chat/completions` (JSON, or server-sent events with
`"stream": true`), `OPTIONS` on each (with `Allow`, no CORS). Nothing else:
no file, no page. Every refusal is a 4xx in OpenAI's error shape with a
French message, including what the standard library's parser refuses
(garbage request line, headers too big, HTTP/2 preface, unknown method); a
room code (Bearer) when one is set; per-learner and per-room rate limits.
The server keeps no request text: it logs the method, path, status and time.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from widgets.french import format_number
from widgets.llm.chat_api import (
    PATHS,
    SERVED_MODEL,
    RequestError,
    atelier_field,
    completion_payload,
    encoded,
    error_payload,
    model_card,
    parse_chat_request,
    room_fields,
    stream_events,
)
from widgets.llm.classroom_backend import ClassroomModel
from widgets.llm.interface import Secret
from widgets.llm.room_backend import ClassroomBackend, RoomAnswer, RoomBackend
from widgets.llm.room_limits import RateLimiter, RateLimits
from widgets.llm.room_request import read_json

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
SOCKET_TIMEOUT_S = 30
"""How long an idle connection (or a request line, or headers) may wait."""
LISTEN_BACKLOG = 128
"""Connections waiting to be accepted: the default 5 reset 2 % of a room of 30."""
_WORDS = re.compile(r"\s*\S+|\s+")

_PROTOCOL_ERRORS = {
    400: (400, "Requête HTTP illisible : première ligne ou en-tête mal formé.", "bad_request"),
    414: (414, "Adresse demandée trop longue.", "uri_too_long"),
    431: (431, "En-têtes trop longs ou trop nombreux.", "headers_too_large"),
    501: (405, "Méthode non prise en charge : GET, HEAD, POST ou OPTIONS.", "method_not_allowed"),
    505: (400, "Version HTTP non prise en charge : ce serveur parle HTTP/1.1.", "bad_version"),
}
"""What the standard library's parser refuses, in French; never a 5xx for the client's mistake."""


def allowed_methods(path: str) -> str | None:
    """The methods a path answers to, or None when it is not part of the API."""
    if path == "*":
        return "GET, HEAD, POST, OPTIONS"
    if path == "/v1/chat/completions":
        return "POST, OPTIONS"
    if path == "/v1/models" or path.startswith("/v1/models/"):
        return "GET, HEAD, OPTIONS"
    return None


def normalised_code(code: str) -> str:
    """What learners type is compared without spaces or case: « kt fmwa » is « KTFMWA »."""
    return "".join(code.split()).upper()


class RoomServer(ThreadingHTTPServer):
    """One backend for the room; each request runs in its own thread."""

    daemon_threads = True
    block_on_close = False
    request_queue_size = LISTEN_BACKLOG

    def __init__(
        self,
        address: tuple[str, int],
        backend: RoomBackend,
        *,
        code: str | None = None,
        limits: RateLimits | None = None,
        log: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(address, _Handler)
        self.backend = backend
        self.code = Secret(normalised_code(code)) if code else None
        self.limiter = RateLimiter(limits) if limits is not None else None
        self.log = log

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}/v1"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A failure outside any request's own handling: one French line, no traceback."""
        if self.log is not None:
            self.log(f"Connexion de {client_address[0]} interrompue par une erreur inattendue.")


def make_server(
    backend: RoomBackend | ClassroomModel,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    code: str | None = None,
    limits: RateLimits | None = None,
    log: Callable[[str], None] | None = None,
) -> RoomServer:
    """Bind the server (port 0: a free port) without starting it; `serve_forever` starts it.

    A bare classroom model is served through `ClassroomBackend`. Without
    `limits`, no rate limit (tests); `atelier serve` always sets them.
    """
    if not hasattr(backend, "answer"):
        backend = ClassroomBackend(backend)  # type: ignore[arg-type]
    return RoomServer((host, port), backend, code=code, limits=limits, log=log)  # type: ignore[arg-type]


# ---------------------------------------------------------------- handler


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "AtelierIA"
    sys_version = ""
    # Headers and body go out in two writes: without this, a kept-alive connection
    # waits about 40 ms for the second (Nagle's algorithm with delayed ACKs).
    disable_nagle_algorithm = True
    timeout = SOCKET_TIMEOUT_S
    server: RoomServer
    _head = False

    def log_message(self, format: str, *args: Any) -> None:
        """The standard log line would go to stderr for every request: ours is shorter."""

    def _log(self, status: int, started: float) -> None:
        if self.server.log is not None:
            seconds = format_number(time.perf_counter() - started, 2)
            path = getattr(self, "path", "?").split("?")[0][:80]
            self.server.log(
                f"{time.strftime('%H:%M:%S')}  {self.command} {path}  {status}  {seconds} s"
            )

    # -- replies

    def _send_json(
        self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        data = encoded(payload)
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status >= 400:
            # The request body may be unread: this connection cannot carry another request.
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if not self._head:
            self.wfile.write(data)

    def _send_error(self, error: RequestError) -> None:
        headers = {}
        if error.status == 401:
            headers["WWW-Authenticate"] = "Bearer"
        if error.status == 405:
            headers["Allow"] = allowed_methods(self._path()) or "GET, HEAD, POST, OPTIONS"
        if error.retry_after is not None:
            headers["Retry-After"] = str(error.retry_after)
        self._send_json(error.status, error_payload(error), headers)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The standard library's refusals (before any `do_` method), in our shape and French."""
        status, text, error_code = _PROTOCOL_ERRORS.get(code, _PROTOCOL_ERRORS[400])
        self.request_version = "HTTP/1.1"  # a garbage line left it at 0.9: no status line
        self.close_connection = True
        try:
            self._send_error(RequestError(status, text, error_code))
        except OSError:
            return
        self._log(status, time.perf_counter())

    def parse_request(self) -> bool:
        self.command, self.request_version = None, "HTTP/1.1"
        self.requestline = str(self.raw_requestline, "iso-8859-1").rstrip("\r\n")
        if len(self.raw_requestline.split()) != 3:
            # Empty: the standard library would close without a word; two words (HTTP/0.9):
            # it would wait for headers that never come.
            self.send_error(400)
            return False
        return super().parse_request()

    # -- routing

    def _handle(self, route: Callable[[], int]) -> None:
        started = time.perf_counter()
        try:
            status = route()
        except RequestError as error:
            status = error.status
            self._reply_error(error)
        except (ConnectionError, TimeoutError):  # the learner left, or stopped reading
            self.close_connection = True
            return
        except Exception as error:
            status = 500
            message = f"Erreur interne du serveur ({type(error).__name__}) : voyez son terminal."
            self._reply_error(RequestError(500, message, "internal_error"))
            if self.server.log is not None:
                self.server.log(f"Erreur interne : {type(error).__name__}: {error}")
        self._log(status, started)

    def _reply_error(self, error: RequestError) -> None:
        try:
            self._send_error(error)
        except OSError:
            self.close_connection = True

    def do_GET(self) -> None:
        self._handle(self._get)

    def do_HEAD(self) -> None:
        self._head = True
        self._handle(self._get)

    def do_POST(self) -> None:
        self._handle(self._post)

    def do_OPTIONS(self) -> None:
        self._handle(self._options)

    def _other(self) -> int:
        if allowed_methods(self._path()) is None:
            raise RequestError(404, f"Chemin inconnu ; chemins servis : {PATHS}.", "not_found")
        raise RequestError(
            405, f"Méthode non prise en charge ; chemins servis : {PATHS}.", "method_not_allowed"
        )

    def do_PUT(self) -> None:
        self._handle(self._other)

    def do_DELETE(self) -> None:
        self._handle(self._other)

    def do_PATCH(self) -> None:
        self._handle(self._other)

    def _path(self) -> str:
        path = self.path.split("?")[0]
        return path if path == "/" else path.rstrip("/")

    def _close_if_body(self) -> None:
        """A GET with a body: the body is not read, so the connection cannot be reused."""
        if self.headers.get("Content-Length", "0").strip() != "0" or "Transfer-Encoding" in (
            self.headers
        ):
            self.close_connection = True

    def _check_code(self) -> None:
        if self.server.code is None:
            return
        header = self.headers.get("Authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not self.server.code.matches(normalised_code(given)):
            # Guessing the code counts against the guesser's own limit, not the room's.
            self._admit(f"code refusé : {self.client_address[0]}")
            raise RequestError(
                401,
                "Code de la salle absent ou incorrect : dans les réglages du modèle, choisissez "
                "« Serveur de la salle » et saisissez dans le champ « Clé » le code que le "
                "formateur a écrit au tableau.",
                "invalid_api_key",
            )

    def _admit(self, learner: str) -> None:
        if self.server.limiter is not None:
            self.server.limiter.admit(learner)

    def _options(self) -> int:
        self._close_if_body()
        methods = allowed_methods(self._path())
        if methods is None:
            raise RequestError(404, f"Chemin inconnu ; chemins servis : {PATHS}.", "not_found")
        self.send_response(204)
        self.send_header("Allow", methods)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return 204

    def _get(self) -> int:
        self._close_if_body()
        path = self._path()
        if path == "/v1/models" or path == f"/v1/models/{SERVED_MODEL}":
            self._check_code()
            card = model_card()
            self._send_json(200, {"object": "list", "data": [card]} if path.endswith("s") else card)
            return 200
        if path.startswith("/v1/models/"):
            self._check_code()
            name = path.removeprefix("/v1/models/")[:100]
            raise RequestError(
                404, f"Le modèle « {name} » n'existe pas sur ce serveur.", "model_not_found"
            )
        if path == "/v1/chat/completions":
            raise RequestError(
                405,
                "Cette adresse attend une demande POST (Chat Completions).",
                "method_not_allowed",
            )
        raise RequestError(404, f"Chemin inconnu ; chemins servis : {PATHS}.", "not_found")

    def _post(self) -> int:
        path = self._path()
        if path != "/v1/chat/completions":
            if allowed_methods(path) is not None:
                return self._other()
            raise RequestError(404, f"Chemin inconnu ; chemins servis : {PATHS}.", "not_found")
        self._check_code()
        body = read_json(self.headers, self.rfile, self.connection, self.timeout)
        request = parse_chat_request(body)
        request.update(room_fields(body, self.client_address[0]))  # type: ignore[arg-type]
        self._admit(request["learner"])
        answer = self.server.backend.answer(request)
        atelier = atelier_field(answer.note, answer.footprint)
        if request["stream"]:
            self._send_stream(answer, atelier)
        else:
            identity = f"chatcmpl-{uuid.uuid4().hex[:24]}"
            payload = completion_payload(
                identity,
                int(time.time()),
                answer.text,
                answer.finish,
                answer.usage,
                atelier,
                model=answer.model or SERVED_MODEL,
            )
            self._send_json(200, payload)
        return 200

    def _send_stream(self, answer: RoomAnswer, atelier: dict[str, Any]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        identity = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        pieces = _WORDS.findall(answer.text)
        model = answer.model or SERVED_MODEL
        for event in stream_events(
            identity, int(time.time()), pieces, answer.finish, atelier, model=model
        ):
            self.wfile.write(event)
            self.wfile.flush()
