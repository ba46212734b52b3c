"""Any OpenAI-compatible Chat Completions endpoint, through the official `openai` client.

Albert, Mistral, OpenAI, Ollama, `atelier serve`… Each attempt runs in a
worker thread that the caller waits on with a deadline, so no server,
however slow, holds the notebook longer than `Limits.deadline_s`; 429 and
502–504 are retried with exponential back-off (honouring Retry-After)
within that deadline.

The key is revealed only when the client is built, inside the worker.
Every failure becomes a `ConnectorError` built outside the `except` block
(see `online_failures`), so it carries no chained exception that holds the
request (and its Authorization header); `request` says its kind too
(`OnlineFailure`), for the room server's gateway.

With the preset « Serveur de la salle », a request also carries the
learner's choice for personal data (`"atelier": {"donnees_personnelles":
...}`), an answer's `atelier` field (the server's note and footprint) comes
back in `Reply.room`, and the server's own French message is shown when it
relays a failure of the online model behind it (it has already retried).
"""

from __future__ import annotations

import contextlib
import email.utils
import json
import queue
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from widgets.llm.config import Limits, Preset
from widgets.llm.interface import (
    ConnectorError,
    Options,
    Reply,
    RoomInfo,
    Secret,
    TextCallback,
    Usage,
)
from widgets.llm.online_failures import Failures
from widgets.llm.room_protocol import (
    FIELD,
    ROOM_PRESET,
    event_room_info,
    relayed_message,
    request_field,
    room_info,
)

RETRIED_STATUSES = (429, 502, 503, 504)


class OnlineFailure(ConnectorError):
    """A failed request (`request`): the French message, the kind of failure, the server's
    HTTP status when it sent one. `kind` is one of missing, timeout, unreachable, busy,
    refused, malformed, remote, unexpected, relayed. `generate` raises a plain
    `ConnectorError` with the same message, as every backend does."""

    def __init__(self, message: str, kind: str, status: int | None = None) -> None:
        super().__init__(message)
        self.kind, self.status = kind, status


def _failed(error: ConnectorError, kind: str, status: int | None = None) -> OnlineFailure:
    return OnlineFailure(error.message, kind, status)


class _Malformed(Exception):
    """The server answered, but not with a Chat Completions reply."""


class _Remote(Exception):
    """An error the server sent inside a stream."""


class _Deadline(Exception):
    pass


@dataclass(frozen=True)
class _Answer:
    text: str
    model: str
    usage: Usage
    room: RoomInfo | None = None


def _completion_answer(body: str, requested_model: str) -> _Answer:
    try:
        data = json.loads(body)
        choice = data["choices"][0]
        text = choice["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise _Malformed from None
    if not isinstance(text, str):
        raise _Malformed
    usage = data.get("usage") if isinstance(data.get("usage"), dict) else {}
    counts = [usage.get(name) for name in ("prompt_tokens", "completion_tokens")]
    counts = [count if isinstance(count, int) else None for count in counts]
    model = data.get("model") if isinstance(data.get("model"), str) else requested_model
    return _Answer(text, model, Usage(*counts), room_info(data.get(FIELD)))


def _chunk_text(line: str) -> str | None:
    """The text carried by one server-sent-events line; None at `[DONE]`."""
    if not line.startswith("data:"):
        return ""
    payload = line[5:].strip()
    if payload == "[DONE]":
        return None
    try:
        data = json.loads(payload)
    except ValueError:
        raise _Malformed from None
    if not isinstance(data, dict):
        raise _Malformed
    if "error" in data:
        raise _Remote
    choices = data.get("choices")
    if not isinstance(choices, list):
        raise _Malformed
    if not choices:
        return ""
    delta = choices[0].get("delta") if isinstance(choices[0], dict) else None
    content = delta.get("content") if isinstance(delta, dict) else None
    if content is not None and not isinstance(content, str):
        raise _Malformed
    return content or ""


def _retry_after_s(error: Exception) -> float | None:
    response = getattr(error, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    milliseconds = headers.get("retry-after-ms")
    value = headers.get("retry-after")
    try:
        if milliseconds is not None:
            return max(0.0, float(milliseconds) / 1000)
        if value is not None:
            return max(0.0, float(value))
    except ValueError:
        pass
    if value:
        parsed = email.utils.parsedate_to_datetime(value) if "," in value else None
        if parsed is not None:
            return max(0.0, parsed.timestamp() - time.time())
    return None


class OpenAICompatibleBackend:
    """Any Chat Completions endpoint: Albert, Mistral, OpenAI, Ollama, `atelier serve`…"""

    def __init__(
        self,
        preset: Preset,
        *,
        base_url: str,
        model: str,
        key: Secret | None,
        key_origin: str,
        limits: Limits,
        http_client: Any = None,
    ) -> None:
        """`http_client`, an `openai.DefaultHttpxClient`, is shared by every request and keeps
        its connections open (the room's gateway); by default each request has its own."""
        self.label = preset.label
        self.model = model
        self.base_url = base_url
        self._preset = preset
        self._key = key
        self._limits = limits
        self._http = http_client
        self._failures = Failures(preset, base_url, model, key_origin)

    def __repr__(self) -> str:
        return f"OpenAICompatibleBackend({self.label!r}, {self.base_url!r}, {self.model!r})"

    # -- public

    def generate(
        self, messages: list[dict[str, str]], options: Options, on_text: TextCallback | None
    ) -> Reply:
        try:
            return self.request(messages, options, on_text)
        except OnlineFailure as failure:
            message = failure.message
        raise ConnectorError(message)

    def request(
        self, messages: list[dict[str, str]], options: Options, on_text: TextCallback | None
    ) -> Reply:
        """`generate`, failing with an `OnlineFailure` that says what kind of failure it is
        (the room server's gateway answers the room with a matching HTTP status)."""
        start = time.monotonic()
        missing = self._failures.missing_setting(has_key=self._key is not None)
        if missing is not None:
            raise OnlineFailure(missing.message, "missing")
        answer = self._with_retries(messages, options, on_text, start + self._limits.deadline_s)
        duration = time.monotonic() - start
        return Reply(answer.text, self.label, answer.model, duration, answer.usage, answer.room)

    def list_models(self, deadline: float | None = None) -> list[str] | None:
        """The model names the server offers (`GET /models`), or None if it will not say."""
        deadline = deadline or time.monotonic() + self._limits.deadline_s

        def work(_emit: TextCallback, _cancel: threading.Event) -> list[str]:
            with self._client(deadline) as client:
                body = client.models.with_raw_response.list().http_response.text
            data = json.loads(body)["data"]
            return [str(item["id"]) for item in data if isinstance(item, dict) and "id" in item]

        try:
            return self._run_until(work, deadline, None)
        except Exception:
            return None

    # -- one request, several attempts

    def _with_retries(
        self,
        messages: list[dict[str, str]],
        options: Options,
        on_text: TextCallback | None,
        deadline: float,
    ) -> _Answer:
        import openai

        failures = self._failures
        refused = 0
        started = time.monotonic()
        for attempt in range(1, self._limits.max_attempts + 1):
            try:
                work = self._attempt(messages, options, deadline)
                return self._run_until(work, deadline, on_text)
            except openai.APIStatusError as error:
                relayed = self._relayed(error)
                if relayed is not None:
                    failure = relayed
                    break
                if error.status_code not in RETRIED_STATUSES:
                    secret = self._key.reveal() if self._key else None
                    refusal = failures.refusal(error, secret, lambda: self.list_models(deadline))
                    failure = _failed(refusal, "refused", error.status_code)
                    break
                refused += 1
                wait = _retry_after_s(error)
                if wait is None:
                    wait = self._limits.backoff_s(attempt) * random.uniform(0.5, 1.0)
                too_long = time.monotonic() + wait >= deadline
                if attempt == self._limits.max_attempts or too_long:
                    asked = wait if too_long else 0.0
                    busy = failures.busy(error.status_code, refused, asked)
                    failure = _failed(busy, "busy", error.status_code)
                    break
                time.sleep(wait)
            except (_Deadline, openai.APITimeoutError):
                failure = _failed(failures.timeout(started), "timeout")
                break
            except openai.APIConnectionError:
                failure = _failed(failures.unreachable(), "unreachable")
                break
            except (_Malformed, openai.APIResponseValidationError):
                failure = _failed(failures.malformed(), "malformed")
                break
            except (_Remote, openai.APIError):
                failure = _failed(failures.remote(), "remote")
                break
            except Exception as error:
                failure = _failed(failures.unexpected(error), "unexpected")
                break
        raise failure

    def _relayed(self, error: Any) -> OnlineFailure | None:
        """The room server's own French message when its gateway reports a failure of the
        online model behind it, or stopped personal data: retrying would not help."""
        if self._preset.id != ROOM_PRESET:
            return None
        message = relayed_message(error, self._key.reveal() if self._key else None)
        return None if message is None else OnlineFailure(message, "relayed", error.status_code)

    def _client(self, deadline: float) -> Any:
        import openai

        remaining = max(0.1, deadline - time.monotonic())
        read = min(self._limits.read_timeout_s, remaining)
        client = openai.OpenAI(
            base_url=self.base_url,
            api_key=self._key.reveal() if self._key else "sans-cle",
            timeout=openai.Timeout(read, connect=min(self._limits.connect_timeout_s, read)),
            max_retries=0,
            http_client=self._http,
        )
        # Leaving the `with` block closes the client's connections, unless they are shared.
        return client if self._http is None else contextlib.nullcontext(client)

    def _request_body(self, messages: list[dict[str, str]], options: Options) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "temperature": options.temperature,
            "extra_body": {self._preset.max_tokens_field: options.max_tokens},
        }
        if options.seed is not None:
            body["extra_body"][self._preset.seed_field] = options.seed
        if self._preset.id == ROOM_PRESET:
            body["extra_body"][FIELD] = request_field(options.personal_data)
        return body

    def _attempt(
        self, messages: list[dict[str, str]], options: Options, deadline: float
    ) -> Callable[[TextCallback, threading.Event], _Answer]:
        body = self._request_body(messages, options)

        def work(emit: TextCallback, cancel: threading.Event) -> _Answer:
            with self._client(deadline) as client:
                if not options.stream:
                    raw = client.chat.completions.with_raw_response.create(**body)
                    return _completion_answer(raw.http_response.text, self.model)
                pieces: list[str] = []
                create = client.chat.completions.with_streaming_response.create
                events = 0
                room = None
                with create(stream=True, **body) as response:
                    for line in response.iter_lines():
                        if cancel.is_set():
                            break
                        events += line.startswith("data:")
                        if f'"{FIELD}"' in line:
                            room = event_room_info(line) or room
                        text = _chunk_text(line)
                        if text is None:
                            break
                        if text:
                            pieces.append(text)
                            emit(text)
                if not events and not cancel.is_set():
                    raise _Malformed  # a plain JSON body, or nothing, instead of events
                return _Answer("".join(pieces), self.model, Usage(), room)

        return work

    def _run_until(
        self,
        work: Callable[[TextCallback, threading.Event], Any],
        deadline: float,
        on_text: TextCallback | None,
    ) -> Any:
        """Run `work` in a daemon thread, relay its text to `on_text`, give up at the deadline."""
        events: queue.Queue[tuple[str, Any]] = queue.Queue()
        cancel = threading.Event()

        def run() -> None:
            try:
                events.put(("done", work(lambda text: events.put(("text", text)), cancel)))
            except BaseException as error:
                events.put(("error", error))

        threading.Thread(target=run, name="atelier-connecteur", daemon=True).start()
        try:
            while True:
                remaining = deadline - time.monotonic()
                try:
                    if remaining <= 0:
                        raise queue.Empty
                    kind, value = events.get(timeout=remaining)
                except queue.Empty:
                    raise _Deadline from None
                if kind == "text":
                    if on_text is not None:
                        on_text(value)
                elif kind == "done":
                    return value
                else:
                    raise value
        finally:
            # Deadline, error in on_text, or the learner interrupting the kernel:
            # the worker stops reading at its next piece of text.
            cancel.set()
