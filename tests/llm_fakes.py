"""Loopback servers and fakes for the connector tests (and for module tests that reuse them).

- `FakeModel`: a deterministic stand-in for the classroom model.
- `classroom_server(model, key=None, limits=None)`: `atelier serve` in a thread
  on a free 127.0.0.1 port, serving a classroom model or any room backend,
  `key` as its room code; yields the server (its `.url` ends in /v1).
- `scripted_server(*steps)`: a loopback server that answers each request with
  the next `Step` (status, body, headers, delay, trickle), records requests.
- `fresh_connector`: fixture that resets the connector's settings and hooks.
- `use_online(settings, url)`: point the connector at a loopback server, with short limits.
- `timed_failure(**options)`: send `MESSAGES`, return the French message and the wait.
- `fake_generate(calls)`: a stand-in for `connector.generate` that records each call.
- `assert_key_nowhere(key, *texts)`: the key leak check.

Everything listens on 127.0.0.1 and is shut down when the `with` block ends.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from typing import Any

import pytest

from widgets.llm import connector
from widgets.llm.chat_api import SERVED_MODEL
from widgets.llm.config import Limits
from widgets.llm.room_limits import RateLimits
from widgets.llm.server import RoomServer, make_server

FAKE_KEY = "cle-de-test-ne-doit-jamais-fuiter-123456"
FAST_LIMITS = Limits(
    connect_timeout_s=1.0,
    read_timeout_s=1.0,
    max_attempts=3,
    backoff_base_s=0.05,
    backoff_max_s=0.2,
    deadline_s=2.5,
)
MESSAGES = [
    {"role": "system", "content": "Vous êtes un agent d'accueil de la mairie."},
    {"role": "user", "content": "Le conseil municipal"},
]


class FakeModel:
    """Answers `mot0 mot1 …`, shifted by the seed: deterministic, instant, any prompt."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def stream(
        self,
        prompt: str,
        max_new_tokens: int = 60,
        temperature: float = 0.8,
        top_k: int | None = 40,
        seed: int | None = None,
    ) -> Iterator[str]:
        self.calls.append(
            {"prompt": prompt, "max_new_tokens": max_new_tokens, "temperature": temperature}
        )
        start = seed or 0
        for index in range(max_new_tokens):
            yield f" mot{start + index}"

    def generate(
        self,
        prompt: str,
        max_new_tokens: int = 60,
        temperature: float = 0.8,
        top_k: int | None = 40,
        seed: int | None = None,
    ) -> str:
        return "".join(self.stream(prompt, max_new_tokens, temperature, top_k, seed))


@contextmanager
def running(server: ThreadingHTTPServer) -> Iterator[ThreadingHTTPServer]:
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def classroom_server(
    model: Any, key: str | None = None, limits: RateLimits | None = None
) -> Iterator[RoomServer]:
    """`atelier serve` on a free loopback port (a model, or a backend with `answer`)."""
    with running(make_server(model, "127.0.0.1", 0, code=key, limits=limits)) as server:
        yield server


def closed_port_url() -> str:
    """An address where nothing listens (connection refused at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def completion(text: str = "Bonjour.", model: str = "modele-test") -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4},
    }


@dataclass
class Step:
    """How a scripted server answers one request."""

    status: int = 200
    body: bytes | str | dict[str, Any] = field(default_factory=completion)
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    trickle: bool = False
    """Send headers, then one byte every 0.3 s until the test ends."""
    content_type: str = "application/json"


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: Any
    at: float


class ScriptedServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, steps: list[Step], models: list[str] | None) -> None:
        super().__init__(("127.0.0.1", 0), _ScriptedHandler)
        self.steps = steps
        self.models = models
        self.seen: list[Seen] = []
        self.released = threading.Event()
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def posts(self) -> list[Seen]:
        return [seen for seen in self.seen if seen.method == "POST"]


class _ScriptedHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: ScriptedServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _record(self, body: Any) -> None:
        with self.server.lock:
            self.server.seen.append(
                Seen(
                    self.command,
                    self.path,
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                    time.monotonic(),
                )
            )

    def _reply(self, step: Step) -> None:
        body = step.body
        if isinstance(body, dict):
            body = json.dumps(body)
        data = body.encode() if isinstance(body, str) else body
        if step.delay_s:
            self.server.released.wait(step.delay_s)
        self.send_response(step.status)
        self.send_header("Content-Type", step.content_type)
        for name, value in step.headers.items():
            self.send_header(name, value)
        if step.trickle:
            self.send_header("Content-Length", "1000000")
            self.end_headers()
            while not self.server.released.wait(0.3):
                self.wfile.write(b" ")
                self.wfile.flush()
            return
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._record(None)
        if self.path.rstrip("/").endswith("/models") and self.server.models is not None:
            cards = [
                {"id": name, "object": "model", "owned_by": "test"} for name in self.server.models
            ]
            self._reply(Step(body={"object": "list", "data": cards}))
        else:
            self._reply(Step(status=404, body={"error": {"message": "not found"}}))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw)
        except ValueError:
            body = raw
        self._record(body)
        with self.server.lock:
            step = self.server.steps.pop(0) if len(self.server.steps) > 1 else self.server.steps[0]
        with suppress(BrokenPipeError, ConnectionResetError):
            self._reply(step)


@contextmanager
def scripted_server(*steps: Step, models: list[str] | None = None) -> Iterator[ScriptedServer]:
    """Answers POSTs with `steps` in turn (the last one repeats); GET /models lists `models`."""
    server = ScriptedServer(list(steps) or [Step()], models)
    try:
        with running(server):
            yield server
    finally:
        server.released.set()


@pytest.fixture
def fresh_connector(monkeypatch: pytest.MonkeyPatch) -> Iterator[connector.Settings]:
    """Settings from the shipped presets, no hooks, no keys from the real environment."""
    for name in (
        "ALBERT_API_KEY",
        "MISTRAL_API_KEY",
        "OPENAI_API_KEY",
        "OLLAMA_API_KEY",
        "LLAMACPP_API_KEY",
        "ATELIER_SERVE_CLE",
        "ATELIER_IA_CLE",
        "ATELIER_IA_MODELES",
    ):
        monkeypatch.delenv(name, raising=False)
    connector.clear_hooks()
    settings = connector.reset_settings()
    settings.classroom_model = FakeModel
    yield settings
    connector.clear_hooks()
    connector.reset_settings()


def use_online(settings: connector.Settings, url: str, model: str = SERVED_MODEL) -> None:
    """Point the connector at a loopback server with short timeouts."""
    settings.choose("autre", base_url=url, model=model)
    settings.limits = FAST_LIMITS


def timed_failure(**options: object) -> tuple[str, float]:
    """Send `MESSAGES`, expect a `ConnectorError`: its French message and the seconds waited."""
    started = time.monotonic()
    with pytest.raises(connector.ConnectorError) as caught:
        connector.generate(MESSAGES, **options)  # type: ignore[arg-type]
    return caught.value.message, time.monotonic() - started


def fake_generate(calls: list[dict[str, Any]]) -> Any:
    """Answers at once with a numbered reply holding HTML, as a careless model might."""

    def generate(
        messages, *, max_tokens=300, temperature=0.7, seed=None, stream=False, on_text=None
    ):
        calls.append({"messages": messages, "max_tokens": max_tokens, "seed": seed})
        return SimpleNamespace(
            text=f"Réponse n° {len(calls)} <b>échappée</b>",
            backend="Faux modèle",
            model="faux-1",
            duration_s=0.25,
        )

    return generate


def assert_key_nowhere(key: str, *texts: str) -> None:
    for text in texts:
        assert key not in text, f"la clé apparaît dans : {text[:300]!r}"


def everything_said_about(*objects: object) -> list[str]:
    """What a learner, a log or a saved notebook could show of these objects.

    repr and str of each object and of its attributes, the full traceback
    text of exceptions (with their chained causes), and the state of every
    live ipywidget (what « Save widget state » writes into a notebook).
    """
    import traceback

    import ipywidgets as ipw

    texts = []
    for item in objects:
        texts += [repr(item), str(item)]
        if hasattr(item, "__dict__"):
            texts.append(repr(vars(item)))
        if isinstance(item, BaseException):
            texts.append("".join(traceback.format_exception(item)))
    texts.append(json.dumps(ipw.Widget.get_manager_state(), default=repr))
    return texts
