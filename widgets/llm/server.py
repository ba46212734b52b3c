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
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TextIO

from widgets.errors import AtelierError
from widgets.french import format_number
from widgets.llm.backends import ClassroomModel, Secret, prompt_from_messages
from widgets.llm.config import is_loopback

SERVED_MODEL = "modele-de-la-classe"
"""The one model id this server knows; presets.toml's « atelier » preset names it too."""
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_MAX_TOKENS = 256
DEFAULT_TEMPERATURE = 1.0
MAX_TOKENS = 4_096
MAX_BODY_BYTES = 16_000_000
"""Room for 1 MB of text even when JSON escapes every character (6 bytes each)."""
SOCKET_TIMEOUT_S = 30
ROLES = ("system", "developer", "user", "assistant", "tool")
PATHS = "GET /v1/models, POST /v1/chat/completions"


class ServeError(AtelierError):
    """`atelier serve` cannot start; the message says what to do, in French."""


class _RequestError(Exception):
    def __init__(self, status: int, message: str, code: str, param: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.code, self.param = status, message, code, param


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


# ---------------------------------------------------------------- request checks


def _number(body: dict[str, Any], name: str, low: float, high: float, default: float) -> float:
    value = body.get(name, default)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise _RequestError(
            400, f"« {name} » doit être un nombre entre {low:g} et {high:g}.", "invalid_value", name
        )
    return value


def _integer(body: dict[str, Any], name: str, low: int, high: int) -> int | None:
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _RequestError(
            400, f"« {name} » doit être un entier entre {low} et {high}.", "invalid_value", name
        )
    return value


def _content(message: dict[str, Any], index: int) -> str:
    content = message.get("content")
    if content is None and message.get("role") == "assistant":
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list) and all(
        isinstance(part, dict) and part.get("type") == "text" and isinstance(part.get("text"), str)
        for part in content
    ):
        return "".join(part["text"] for part in content)
    raise _RequestError(
        400,
        f"messages[{index}].content doit être un texte (ou une liste de parties de type text).",
        "invalid_value",
        f"messages[{index}].content",
    )


def parse_chat_request(body: object) -> dict[str, Any]:
    """The checked settings of a Chat Completions request, or a `_RequestError`."""
    if not isinstance(body, dict):
        raise _RequestError(400, "Le corps de la requête doit être un objet JSON.", "invalid_body")
    model = body.get("model")
    if not isinstance(model, str) or not model:
        raise _RequestError(400, "Indiquez « model » (un texte).", "missing_model", "model")
    if model != SERVED_MODEL:
        raise _RequestError(
            404,
            f"Le modèle « {model[:100]} » n'existe pas ; ce serveur sert « {SERVED_MODEL} ».",
            "model_not_found",
            "model",
        )
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        raise _RequestError(
            400, "« messages » doit être une liste non vide.", "invalid_value", "messages"
        )
    flat = []
    for index, message in enumerate(messages):
        if not isinstance(message, dict) or message.get("role") not in ROLES:
            raise _RequestError(
                400,
                f"messages[{index}] doit avoir un « role » parmi {', '.join(ROLES)}.",
                "invalid_value",
                f"messages[{index}].role",
            )
        flat.append({"role": message["role"], "content": _content(message, index)})
    if body.get("n", 1) != 1:
        raise _RequestError(400, "Ce serveur ne donne qu'une réponse à la fois (n = 1).", "n", "n")
    stream = body.get("stream", False)
    if not isinstance(stream, bool):
        raise _RequestError(400, "« stream » vaut true ou false.", "invalid_value", "stream")
    limit = _integer(body, "max_completion_tokens", 1, MAX_TOKENS)
    limit = limit or _integer(body, "max_tokens", 1, MAX_TOKENS) or DEFAULT_MAX_TOKENS
    return {
        "messages": flat,
        "max_tokens": limit,
        "temperature": _number(body, "temperature", 0, 2, DEFAULT_TEMPERATURE),
        "seed": _integer(body, "seed", -(2**63), 2**63 - 1),
        "top_k": _integer(body, "top_k", 1, 100_000),
        "stream": stream,
    }


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

    def _send_error(self, error: _RequestError) -> None:
        kind = "authentication_error" if error.status == 401 else "invalid_request_error"
        payload = {
            "error": {
                "message": error.message,
                "type": kind if error.status < 500 else "server_error",
                "param": error.param,
                "code": error.code,
            }
        }
        self._send_json(error.status, payload)

    # -- routing

    def _handle(self, route: Callable[[], int]) -> None:
        started = time.perf_counter()
        try:
            status = route()
        except _RequestError as error:
            status = error.status
            self._send_error(error)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
            return
        except Exception as error:
            status = 500
            message = f"Erreur interne du serveur ({type(error).__name__}) : voyez son terminal."
            self._send_error(_RequestError(500, message, "internal_error"))
            if self.server.log is not None:
                self.server.log(f"Erreur interne : {type(error).__name__}: {error}")
        self._log(status, started)

    def do_GET(self) -> None:
        self._handle(self._get)

    def do_POST(self) -> None:
        self._handle(self._post)

    def _other(self) -> int:
        raise _RequestError(405, f"Méthode non prise en charge ; chemins servis : {PATHS}.", "405")

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
            raise _RequestError(
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
            card = {
                "id": SERVED_MODEL,
                "object": "model",
                "created": 0,
                "owned_by": "atelier-ia",
            }
            self._send_json(200, {"object": "list", "data": [card]} if path.endswith("s") else card)
            return 200
        if path.startswith("/v1/models/"):
            self._check_key()
            name = path.removeprefix("/v1/models/")[:100]
            raise _RequestError(
                404, f"Le modèle « {name} » n'existe pas sur ce serveur.", "model_not_found"
            )
        raise _RequestError(404, f"Chemin inconnu ; chemins servis : {PATHS}.", "not_found")

    def _read_json(self) -> object:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            raise _RequestError(411, "Envoyez le corps avec un Content-Length.", "length_required")
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0:
            raise _RequestError(400, "En-tête Content-Length invalide.", "invalid_length")
        if length > MAX_BODY_BYTES:
            raise _RequestError(
                413,
                f"Requête trop volumineuse (au plus {MAX_BODY_BYTES // 1_000_000} Mo).",
                "request_too_large",
            )
        raw = self.rfile.read(length)
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise _RequestError(
                400, "Le corps de la requête n'est pas du JSON valide.", "invalid_json"
            ) from None

    def _post(self) -> int:
        if self._path() != "/v1/chat/completions":
            raise _RequestError(404, f"Chemin inconnu ; chemins servis : {PATHS}.", "not_found")
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
            failure = _RequestError(400, f"Réglage refusé : {message}", "invalid_value")
        else:
            return pieces, _usage(model, prompt, "".join(pieces))
        raise failure

    def _send_completion(self, text: str, finish: str, usage: dict[str, int] | None) -> None:
        payload: dict[str, Any] = {
            "id": f"chatcmpl-{uuid.uuid4().hex[:24]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": SERVED_MODEL,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": finish,
                }
            ],
        }
        if usage is not None:
            payload["usage"] = usage
        self._send_json(200, payload)

    def _send_stream(self, pieces: list[str], finish: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        identity = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        created = int(time.time())
        for event in _stream_events(identity, created, pieces, finish):
            self.wfile.write(event)
            self.wfile.flush()


def _usage(model: Any, prompt: str, text: str) -> dict[str, int] | None:
    """Token counts with the model's own tokenizer, when it has one."""
    encode = getattr(getattr(model, "tokenizer", None), "encode", None)
    if encode is None:
        return None
    prompt_tokens, completion_tokens = len(encode(prompt)), len(encode(text))
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
    }


def _stream_events(identity: str, created: int, pieces: list[str], finish: str) -> Iterator[bytes]:
    def event(delta: dict[str, str], reason: str | None) -> bytes:
        chunk = {
            "id": identity,
            "object": "chat.completion.chunk",
            "created": created,
            "model": SERVED_MODEL,
            "choices": [{"index": 0, "delta": delta, "finish_reason": reason}],
        }
        return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode()

    yield event({"role": "assistant", "content": ""}, None)
    for piece in pieces:
        yield event({"content": piece}, None)
    yield event({}, finish)
    yield b"data: [DONE]\n\n"


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
