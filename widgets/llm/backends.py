"""The two kinds of backend behind the connector, and what they hand back.

- `ClassroomBackend`: the offline classroom model, in this kernel.
- `OpenAICompatibleBackend`: any Chat Completions endpoint, through the
  official `openai` client. Each attempt runs in a worker thread that the
  caller waits on with a deadline, so no server, however slow, holds the
  notebook longer than `Limits.deadline_s`; 429 and 502–504 are retried
  with exponential back-off (honouring Retry-After) within that deadline.

A key travels as a `Secret` and is revealed only when the client is built,
inside the worker. Every failure becomes a `ConnectorError` built outside
the `except` block, so it carries no chained exception that holds the
request (and its Authorization header).
"""

from __future__ import annotations

import email.utils
import hmac
import json
import queue
import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from widgets.errors import AtelierError
from widgets.llm.config import Limits, Preset, host_of, is_loopback

MAX_PROMPT_CHARS = 2_000
"""The classroom model only looks at the end of a prompt; longer text is cut from the start."""
MODELS_LISTED = 15
RETRIED_STATUSES = (429, 502, 503, 504)

TextCallback = Callable[[str], None]


class ConnectorError(AtelierError):
    """A request to a language model failed; `message` says why, in French."""


@dataclass(frozen=True)
class Usage:
    """Token counts, when the backend reports them."""

    prompt_tokens: int | None = None
    completion_tokens: int | None = None


@dataclass(frozen=True)
class Reply:
    text: str
    backend: str
    model: str
    duration_s: float
    usage: Usage = Usage()


@dataclass(frozen=True)
class Options:
    max_tokens: int = 300
    temperature: float = 0.7
    seed: int | None = None
    stream: bool = False


class Secret:
    """A key held in memory: its repr, str and pickling never show it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def matches(self, other: str) -> bool:
        return hmac.compare_digest(self._value.encode(), other.encode())

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("une clé ne s'enregistre pas")


class Backend(Protocol):
    label: str
    model: str

    def generate(
        self, messages: list[dict[str, str]], options: Options, on_text: TextCallback | None
    ) -> Reply: ...


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def after(preposition: str, noun: str) -> str:
    """« de » or « à » before a noun phrase, contracted as French requires (du, au)."""
    contracted = {("de", "le "): "du ", ("à", "le "): "au ", ("de", "les "): "des "}
    contracted[("à", "les ")] = "aux "
    for (word, article), merged in contracted.items():
        if preposition == word and noun.startswith(article):
            return merged + noun[len(article) :]
    return f"{preposition} {noun}"


def prompt_from_messages(messages: list[dict[str, str]]) -> str:
    """What the classroom model continues: the last user message, or else the last message.

    It is a next-token model, not a chat model: it has no notion of roles,
    and it reads only the last few words, so only the end is kept.
    """
    users = [message for message in messages if message.get("role") == "user"]
    last = (users or messages)[-1]["content"] if messages else ""
    return last[-MAX_PROMPT_CHARS:]


# ---------------------------------------------------------------- classroom


class ClassroomModel(Protocol):
    def generate(
        self, prompt: str, max_new_tokens: int, temperature: float, top_k: int, seed: int | None
    ) -> str: ...

    def stream(
        self, prompt: str, max_new_tokens: int, temperature: float, top_k: int, seed: int | None
    ) -> Iterator[str]: ...


def default_classroom_model() -> ClassroomModel:
    from widgets.llm.classroom import get_model

    return get_model()


class ClassroomBackend:
    """The offline model: nothing leaves the machine."""

    def __init__(
        self, preset: Preset, model_factory: Callable[[], ClassroomModel] | None = None
    ) -> None:
        self.label = preset.label
        self.model = preset.model
        self._top_k = preset.top_k
        self._factory = model_factory or default_classroom_model

    def generate(
        self, messages: list[dict[str, str]], options: Options, on_text: TextCallback | None
    ) -> Reply:
        start = time.perf_counter()
        prompt = prompt_from_messages(messages)
        arguments = {
            "max_new_tokens": options.max_tokens,
            "temperature": options.temperature,
            "top_k": self._top_k,
            "seed": options.seed,
        }
        model = self._factory()
        try:
            if options.stream:
                pieces = []
                for piece in model.stream(prompt, **arguments):
                    pieces.append(piece)
                    if on_text is not None:
                        on_text(piece)
                text = "".join(pieces)
            else:
                text = model.generate(prompt, **arguments)
        except AtelierError:
            raise
        except ValueError as error:
            # The classroom model's own setting errors carry a French `message`.
            detail = getattr(error, "message", None)
            if detail is None:
                raise
            failure = ConnectorError(f"Le modèle de la classe refuse ce réglage : {detail}")
        else:
            return Reply(text, self.label, self.model, time.perf_counter() - start)
        raise failure


# ---------------------------------------------------------------- online


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


def _server_detail(error: Exception, secret: str | None) -> str:
    """A short excerpt of the server's own explanation, with the key blotted out."""
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        text = inner.get("message") if isinstance(inner, dict) else inner
        text = text if isinstance(text, str) else body.get("detail")
    else:
        text = body
    if not isinstance(text, str) or not text.strip():
        return ""
    if secret:
        text = text.replace(secret, "***")
    text = " ".join(text.split())
    return text[:200] + ("…" if len(text) > 200 else "")


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
        self._key_origin = key_origin
        self._limits = limits

    def __repr__(self) -> str:
        return f"OpenAICompatibleBackend({self.label!r}, {self.base_url!r}, {self.model!r})"

    # -- public

    def generate(
        self, messages: list[dict[str, str]], options: Options, on_text: TextCallback | None
    ) -> Reply:
        start = time.monotonic()
        deadline = start + self._limits.deadline_s
        failure = self._missing_setting()
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

    def _missing_setting(self) -> ConnectorError | None:
        if not self.base_url:
            return ConnectorError(
                "Indiquez l'adresse du service dans les réglages (champ « Adresse »)."
            )
        if not self.model.strip():
            return ConnectorError("Indiquez le nom du modèle dans les réglages.")
        if self._key is None and self._preset.key_required:
            where = f"la variable d'environnement {self._preset.key_env}"
            return ConnectorError(
                f"Il faut une clé pour utiliser {self._preset.provider} : saisissez-la dans "
                f"le champ « Clé » des réglages, ou demandez qu'on définisse {where}."
            )
        return None

    def _with_retries(
        self,
        messages: list[dict[str, str]],
        options: Options,
        on_text: TextCallback | None,
        deadline: float,
    ) -> _Answer:
        import openai

        refused = 0
        started = time.monotonic()
        for attempt in range(1, self._limits.max_attempts + 1):
            try:
                work = self._attempt(messages, options, deadline)
                return self._run_until(work, deadline, on_text)
            except openai.APIStatusError as error:
                if error.status_code not in RETRIED_STATUSES:
                    failure = self._status_failure(error, deadline)
                    break
                refused += 1
                wait = _retry_after_s(error)
                if wait is None:
                    wait = self._limits.backoff_s(attempt) * random.uniform(0.5, 1.0)
                too_long = time.monotonic() + wait >= deadline
                if attempt == self._limits.max_attempts or too_long:
                    asked = wait if too_long else 0.0
                    failure = self._busy_failure(error.status_code, refused, asked)
                    break
                time.sleep(wait)
            except _Deadline:
                failure = self._timeout_failure(started)
                break
            except openai.APITimeoutError:
                failure = self._timeout_failure(started)
                break
            except openai.APIConnectionError:
                failure = self._unreachable_failure()
                break
            except (_Malformed, openai.APIResponseValidationError):
                failure = self._malformed_failure()
                break
            except (_Remote, openai.APIError):
                failure = ConnectorError(
                    f"{capitalised(self._preset.provider)} a signalé une erreur pendant la "
                    "réponse : réessayez dans quelques minutes."
                )
                break
            except Exception as error:
                failure = ConnectorError(
                    f"La demande {after('à', self._preset.provider)} a échoué de façon inattendue "
                    f"({type(error).__name__}) : vérifiez l'adresse {self.base_url}."
                )
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

    # -- French messages

    def _timeout_failure(self, started: float) -> ConnectorError:
        waited = max(1, round(time.monotonic() - started))
        return ConnectorError(
            f"{capitalised(self._preset.provider)} n'a pas répondu à temps ({waited} secondes "
            "d'attente) : le service est peut-être surchargé ; réessayez plus tard ou "
            "choisissez le modèle de la classe."
        )

    def _unreachable_failure(self) -> ConnectorError:
        if is_loopback(self.base_url):
            return ConnectorError(
                f"Aucun serveur ne répond à l'adresse {self.base_url} : lancez-le d'abord "
                "(par exemple avec « atelier serve »), ou choisissez le modèle de la classe."
            )
        return ConnectorError(
            f"Impossible de joindre {self._preset.provider} ({host_of(self.base_url)}) : "
            "vérifiez la connexion à internet, ou choisissez le modèle de la classe, "
            "qui marche sans réseau."
        )

    def _malformed_failure(self) -> ConnectorError:
        return ConnectorError(
            f"La réponse {after('de', self._preset.provider)} est illisible (ce n'est pas "
            f"une réponse de type Chat Completions) : vérifiez l'adresse {self.base_url}."
        )

    def _busy_failure(self, status: int, refused: int, wait_asked: float) -> ConnectorError:
        provider = capitalised(self._preset.provider)
        if status != 429:
            return ConnectorError(
                f"{provider} est indisponible pour le moment (erreur {status}, {refused} "
                "essai(s)) : réessayez dans quelques minutes, ou choisissez le modèle de la classe."
            )
        later = (
            f"il demande d'attendre {round(wait_asked)} secondes avant de réessayer"
            if wait_asked >= 1
            else "attendez une minute avant de réessayer"
        )
        return ConnectorError(
            f"{provider} reçoit trop de demandes (erreur 429, {refused} essai(s)) : {later}."
        )

    def _status_failure(self, error: Any, deadline: float) -> ConnectorError:
        status = error.status_code
        provider = capitalised(self._preset.provider)
        secret = self._key.reveal() if self._key else None
        detail = _server_detail(error, secret)
        if status == 401 and self._key is None:
            return ConnectorError(
                f"{provider} demande une clé (erreur 401) : saisissez-la dans le champ « Clé » "
                f"des réglages, ou faites définir la variable {self._preset.key_env}."
            )
        if status == 401:
            return ConnectorError(
                f"{provider} a refusé la clé (erreur 401) : vérifiez la clé {self._key_origin}, "
                "sans espace ni caractère en trop."
            )
        if status == 403:
            return ConnectorError(
                f"{provider} refuse l'accès avec cette clé (erreur 403) : elle n'a peut-être "
                f"pas les droits sur le modèle « {self.model} »."
            )
        if status in (400, 404, 422):
            missing = self._model_failure(status, deadline)
            if missing is not None:
                return missing
        if status == 413:
            return ConnectorError(
                f"Le texte envoyé est trop long pour {self._preset.provider} (erreur 413) : "
                "raccourcissez-le."
            )
        if status >= 500:
            return ConnectorError(
                f"{provider} a rencontré une erreur de son côté (erreur {status}) : réessayez "
                "dans quelques minutes, ou choisissez le modèle de la classe."
            )
        said = f" ; il explique : « {detail} »" if detail else ""
        return ConnectorError(f"{provider} a refusé la demande (erreur {status}){said}.")

    def _model_failure(self, status: int, deadline: float) -> ConnectorError | None:
        """Retired or misspelt model names are the usual 404: say so, and list the real ones."""
        offered = self.list_models(deadline)
        if offered is None:
            if status != 404:
                return None
            return ConnectorError(
                f"{capitalised(self._preset.provider)} répond « introuvable » (erreur 404) : "
                f"le nom du modèle « {self.model} » ou l'adresse {self.base_url} est faux, "
                "et la liste des modèles n'a pas pu être obtenue."
            )
        if self.model in offered:
            if status != 404:
                return None
            return ConnectorError(
                f"L'adresse {self.base_url} ne mène pas à une API Chat Completions (erreur 404) : "
                "vérifiez qu'elle se termine par /v1."
            )
        names = ", ".join(offered[:MODELS_LISTED]) + (" …" if len(offered) > MODELS_LISTED else "")
        listing = f"modèles proposés : {names}" if offered else "ce serveur ne propose aucun modèle"
        return ConnectorError(
            f"Le modèle « {self.model} » n'existe pas (ou plus) chez {self._preset.provider} ; "
            f"{listing} (choisissez-en un dans les réglages, ou faites mettre à jour presets.toml)."
        )
