"""`atelier serve`: the classroom model behind an OpenAI-compatible HTTP API.

A trainer starts it on one computer and the whole room uses one shared
model without internet (preset « Serveur de la salle »); the tests start it
on a free loopback port to exercise the online code path end to end.

Implemented: `GET /v1/models`, `GET /v1/models/<id>`, `POST /v1/chat/completions`
(JSON, or server-sent events with `"stream": true`), errors in OpenAI's
JSON shape with French messages, an optional Bearer key. Standard library
only; the model is injected, so tests can serve a fake one.
"""

from __future__ import annotations

import json
import sys
import threading
import time
import uuid
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TextIO

from widgets.errors import AtelierError
from widgets.french import format_number
from widgets.llm.chat_api import (
    PATHS,
    SERVED_MODEL,
    RequestError,
    completion_payload,
    error_payload,
    model_card,
    parse_chat_request,
    stream_events,
    usage_of,
)
from widgets.llm.classroom_backend import ClassroomModel, prompt_from_messages
from widgets.llm.config import is_loopback
from widgets.llm.interface import Secret

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
MAX_BODY_BYTES = 16_000_000
"""Room for 1 MB of text even when JSON escapes every character (6 bytes each)."""
SOCKET_TIMEOUT_S = 30


class ServeError(AtelierError):
    """`atelier serve` cannot start; the message says what to do, in French."""


class ClassroomServer(ThreadingHTTPServer):
    """Serves one model; generations run one at a time (the model is fast)."""

    daemon_threads = True
    block_on_close = False

    def __init__(
        self,
        address: tuple[str, int],
        model: ClassroomModel,
        *,
        key: str | None = None,
        top_k: int = 40,
        log: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(address, _Handler)
        self.model = model
        self.key = Secret(key) if key else None
        self.top_k = top_k
        self.log = log
        self.generation_lock = threading.Lock()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}/v1"


def make_server(
    model: ClassroomModel,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    key: str | None = None,
    top_k: int = 40,
    log: Callable[[str], None] | None = None,
) -> ClassroomServer:
    """Bind the server (port 0: a free port) without starting it; `serve_forever` starts it."""
    return ClassroomServer((host, port), model, key=key, top_k=top_k, log=log)


# ---------------------------------------------------------------- handler


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "AtelierIA"
    sys_version = ""
    timeout = SOCKET_TIMEOUT_S
    server: ClassroomServer

    def log_message(self, format: str, *args: Any) -> None:
        """The standard log line would go to stderr for every request: ours is shorter."""

    def _log(self, status: int, started: float) -> None:
        if self.server.log is not None:
            seconds = format_number(time.perf_counter() - started, 2)
            path = self.path.split("?")[0][:80]
            self.server.log(
                f"{time.strftime('%H:%M:%S')}  {self.command} {path}  {status}  {seconds} s"
            )

    # -- replies

    def _send_json(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if status == 401:
            self.send_header("WWW-Authenticate", "Bearer")
        if status >= 400:
            # The request body may be unread: this connection cannot carry another request.
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(data)

    def _send_error(self, error: RequestError) -> None:
        self._send_json(error.status, error_payload(error))

    # -- routing

    def _handle(self, route: Callable[[], int]) -> None:
        started = time.perf_counter()
        try:
            status = route()
        except RequestError as error:
            status = error.status
            self._send_error(error)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
            return
        except Exception as error:
            status = 500
            message = f"Erreur interne du serveur ({type(error).__name__}) : voyez son terminal."
            self._send_error(RequestError(500, message, "internal_error"))
            if self.server.log is not None:
                self.server.log(f"Erreur interne : {type(error).__name__}: {error}")
        self._log(status, started)

    def do_GET(self) -> None:
        self._handle(self._get)

    def do_POST(self) -> None:
        self._handle(self._post)

    def _other(self) -> int:
        raise RequestError(405, f"Méthode non prise en charge ; chemins servis : {PATHS}.", "405")

    def do_PUT(self) -> None:
        self._handle(self._other)

    def do_DELETE(self) -> None:
        self._handle(self._other)

    def do_PATCH(self) -> None:
        self._handle(self._other)

    def _check_key(self) -> None:
        if self.server.key is None:
            return
        header = self.headers.get("Authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not self.server.key.matches(given.strip()):
            raise RequestError(
                401,
                "Clé absente ou incorrecte : ce serveur demande la clé donnée par le formateur.",
                "invalid_api_key",
            )

    def _path(self) -> str:
        return self.path.split("?")[0].rstrip("/")

    def _get(self) -> int:
        path = self._path()
        if path == "/v1/models" or path == f"/v1/models/{SERVED_MODEL}":
            self._check_key()
            card = model_card()
            self._send_json(200, {"object": "list", "data": [card]} if path.endswith("s") else card)
            return 200
        if path.startswith("/v1/models/"):
            self._check_key()
            name = path.removeprefix("/v1/models/")[:100]
            raise RequestError(
                404, f"Le modèle « {name} » n'existe pas sur ce serveur.", "model_not_found"
            )
        raise RequestError(404, f"Chemin inconnu ; chemins servis : {PATHS}.", "not_found")

    def _read_json(self) -> object:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            raise RequestError(411, "Envoyez le corps avec un Content-Length.", "length_required")
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0:
            raise RequestError(400, "En-tête Content-Length invalide.", "invalid_length")
        if length > MAX_BODY_BYTES:
            raise RequestError(
                413,
                f"Requête trop volumineuse (au plus {MAX_BODY_BYTES // 1_000_000} Mo).",
                "request_too_large",
            )
        raw = self.rfile.read(length)
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise RequestError(
                400, "Le corps de la requête n'est pas du JSON valide.", "invalid_json"
            ) from None

    def _post(self) -> int:
        if self._path() != "/v1/chat/completions":
            raise RequestError(404, f"Chemin inconnu ; chemins servis : {PATHS}.", "not_found")
        self._check_key()
        request = parse_chat_request(self._read_json())
        pieces, usage = self._generate(request)
        finish = (
            "length" if usage and usage["completion_tokens"] >= request["max_tokens"] else "stop"
        )
        if request["stream"]:
            self._send_stream(pieces, finish)
        else:
            self._send_completion("".join(pieces), finish, usage)
        return 200

    # -- generation

    def _generate(self, request: dict[str, Any]) -> tuple[list[str], dict[str, int] | None]:
        prompt = prompt_from_messages(request["messages"])
        top_k = request["top_k"] or self.server.top_k
        model = self.server.model
        try:
            with self.server.generation_lock:
                pieces = list(
                    model.stream(
                        prompt,
                        max_new_tokens=request["max_tokens"],
                        temperature=request["temperature"],
                        top_k=top_k,
                        seed=request["seed"],
                    )
                )
        except (AtelierError, ValueError, TypeError) as error:
            message = getattr(error, "message", None)
            if message is None:
                raise
            failure = RequestError(400, f"Réglage refusé : {message}", "invalid_value")
        else:
            return pieces, usage_of(model, prompt, "".join(pieces))
        raise failure

    def _send_completion(self, text: str, finish: str, usage: dict[str, int] | None) -> None:
        identity = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        self._send_json(200, completion_payload(identity, int(time.time()), text, finish, usage))

    def _send_stream(self, pieces: list[str], finish: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        identity = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        created = int(time.time())
        for event in stream_events(identity, created, pieces, finish):
            self.wfile.write(event)
            self.wfile.flush()


# ---------------------------------------------------------------- command line


def run(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    key: str | None = None,
    allow_network: bool = False,
    model_factory: Callable[[], ClassroomModel] | None = None,
    out: TextIO = sys.stdout,
) -> None:
    """Serve until Ctrl+C. Raises `ServeError` (French) when it cannot start."""
    if not is_loopback(host) and not allow_network:
        raise ServeError(
            f"Par prudence, le serveur n'écoute que sur cet ordinateur (127.0.0.1), pas sur "
            f"« {host} » : pour le partager avec la salle, ajoutez --reseau (et de préférence "
            "--cle)."
        )
    if not 0 <= port <= 65_535:
        raise ServeError("Le port doit être un nombre entre 1 et 65535, par exemple 8765.")
    print("Préparation du modèle de la classe…", file=out, flush=True)
    if model_factory is None:
        from widgets.llm.classroom import get_model

        model_factory = get_model
    model = model_factory()
    try:
        server = make_server(
            model, host, port, key=key, log=lambda line: print(line, file=out, flush=True)
        )
    except OSError:
        raise ServeError(
            f"Impossible d'écouter sur {host}:{port} : le port est peut-être déjà utilisé "
            "(choisissez-en un autre avec --port) ou l'adresse n'est pas celle de cet ordinateur."
        ) from None
    print(f"Modèle de la classe servi sur {server.url} — Ctrl+C pour arrêter", file=out, flush=True)
    if allow_network and key is None:
        print(
            "Attention : sans --cle, toute personne du réseau peut utiliser ce serveur.",
            file=out,
            flush=True,
        )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        print("Serveur arrêté.", file=out, flush=True)
