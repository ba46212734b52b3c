"""Any OpenAI-compatible Chat Completions endpoint, through the official `openai` client.

Albert, Mistral, OpenAI, Ollama, `atelier serve`… Each attempt runs in a
worker thread that the caller waits on with a deadline, so no server,
however slow, holds the notebook longer than `Limits.deadline_s`; 429 and
502–504 are retried with exponential back-off (honouring Retry-After)
within that deadline.

The key is revealed only when the client is built, inside the worker.
Every failure becomes a `ConnectorError` built outside the `except` block
(see `online_failures`), so it carries no chained exception that holds the
request (and its Authorization header).
"""

from __future__ import annotations

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
from widgets.llm.interface import ConnectorError, Options, Reply, Secret, TextCallback, Usage
from widgets.llm.online_failures import Failures

RETRIED_STATUSES = (429, 502, 503, 504)


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
    return _Answer(text, model, Usage(*counts))


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
    ) -> None:
        self.label = preset.label
        self.model = model
        self.base_url = base_url
        self._preset = preset
        self._key = key
        self._limits = limits
        self._failures = Failures(preset, base_url, model, key_origin)

    def __repr__(self) -> str:
        return f"OpenAICompatibleBackend({self.label!r}, {self.base_url!r}, {self.model!r})"

    # -- public

    def generate(
        self, messages: list[dict[str, str]], options: Options, on_text: TextCallback | None
    ) -> Reply:
        start = time.monotonic()
        deadline = start + self._limits.deadline_s
        failure = self._failures.missing_setting(has_key=self._key is not None)
        if failure is None:
            try:
                answer = self._with_retries(messages, options, on_text, deadline)
            except ConnectorError as error:
                failure = error
            else:
                duration = time.monotonic() - start
                return Reply(answer.text, self.label, answer.model, duration, answer.usage)
        raise ConnectorError(failure.message)

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
                if error.status_code not in RETRIED_STATUSES:
                    secret = self._key.reveal() if self._key else None
                    failure = failures.refusal(error, secret, lambda: self.list_models(deadline))
                    break
                refused += 1
                wait = _retry_after_s(error)
                if wait is None:
                    wait = self._limits.backoff_s(attempt) * random.uniform(0.5, 1.0)
                too_long = time.monotonic() + wait >= deadline
                if attempt == self._limits.max_attempts or too_long:
                    asked = wait if too_long else 0.0
                    failure = failures.busy(error.status_code, refused, asked)
                    break
                time.sleep(wait)
            except _Deadline:
                failure = failures.timeout(started)
                break
            except openai.APITimeoutError:
                failure = failures.timeout(started)
                break
            except openai.APIConnectionError:
                failure = failures.unreachable()
                break
            except (_Malformed, openai.APIResponseValidationError):
                failure = failures.malformed()
                break
            except (_Remote, openai.APIError):
                failure = failures.remote()
                break
            except Exception as error:
                failure = failures.unexpected(error)
                break
        raise failure

    def _client(self, deadline: float) -> Any:
        import openai

        remaining = max(0.1, deadline - time.monotonic())
        read = min(self._limits.read_timeout_s, remaining)
        return openai.OpenAI(
            base_url=self.base_url,
            api_key=self._key.reveal() if self._key else "sans-cle",
            timeout=openai.Timeout(read, connect=min(self._limits.connect_timeout_s, read)),
            max_retries=0,
        )

    def _request_body(self, messages: list[dict[str, str]], options: Options) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "temperature": options.temperature,
            "extra_body": {self._preset.max_tokens_field: options.max_tokens},
        }
        if options.seed is not None:
            body["extra_body"][self._preset.seed_field] = options.seed
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
                with create(stream=True, **body) as response:
                    for line in response.iter_lines():
                        if cancel.is_set():
                            break
                        events += line.startswith("data:")
                        text = _chunk_text(line)
                        if text is None:
                            break
                        if text:
                            pieces.append(text)
                            emit(text)
                if not events and not cancel.is_set():
                    raise _Malformed  # a plain JSON body, or nothing, instead of events
                return _Answer("".join(pieces), self.model, Usage())

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
