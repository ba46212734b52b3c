"""The Chat Completions format as `atelier serve` speaks it: checking a request, shaping a reply.

Plain data in, plain data out: the HTTP handler (`server`) reads the body,
`parse_chat_request` checks it or raises a `RequestError` (status, French
message, OpenAI error code), and the reply builders give the JSON of a
completion, of each server-sent event of a stream, and of an error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from widgets.llm.room_protocol import FIELD, PERSONAL_DATA_WIRE
from widgets.text import shortened

SERVED_MODEL = "modele-de-la-classe"
"""The one model id this server knows; presets.toml's « atelier » preset names it too."""
DEFAULT_MAX_TOKENS = 256
DEFAULT_TEMPERATURE = 1.0
MAX_TOKENS = 4_096
ROLES = ("system", "developer", "user", "assistant", "tool")
PATHS = "GET /v1/models, POST /v1/chat/completions"
MAX_MESSAGES = 1_000
MAX_LEARNER_CHARS = 64
PERSONAL_DATA = {wire: choice for choice, wire in PERSONAL_DATA_WIRE.items()}
"""The learner's choice in `"atelier": {"donnees_personnelles": ...}`, as backends name it."""
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class RequestError(Exception):
    """A request the server refuses: HTTP status, French message, OpenAI error code and param."""

    def __init__(
        self,
        status: int,
        message: str,
        code: str,
        param: str | None = None,
        *,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.message, self.code, self.param = status, message, code, param
        self.retry_after = retry_after
        """Seconds before trying again (a 429's `Retry-After` header)."""


def without_lone_surrogates(text: str) -> str:
    """JSON may escape half a character (`"\\ud800"`); it could not be written back as UTF-8."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _number(body: dict[str, Any], name: str, low: float, high: float, default: float) -> float:
    value = body.get(name, default)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise RequestError(
            400, f"« {name} » doit être un nombre entre {low:g} et {high:g}.", "invalid_value", name
        )
    return value


def _integer(body: dict[str, Any], name: str, low: int, high: int) -> int | None:
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise RequestError(
            400, f"« {name} » doit être un entier entre {low} et {high}.", "invalid_value", name
        )
    return value


def _content(message: dict[str, Any], index: int) -> str:
    content = message.get("content")
    if content is None and message.get("role") == "assistant":
        return ""
    if isinstance(content, str):
        return without_lone_surrogates(content)
    if isinstance(content, list) and all(
        isinstance(part, dict) and part.get("type") == "text" and isinstance(part.get("text"), str)
        for part in content
    ):
        return without_lone_surrogates("".join(part["text"] for part in content))
    raise RequestError(
        400,
        f"messages[{index}].content doit être un texte (ou une liste de parties de type text).",
        "invalid_value",
        f"messages[{index}].content",
    )


def parse_chat_request(body: object) -> dict[str, Any]:
    """The checked settings of a Chat Completions request, or a `RequestError`."""
    if not isinstance(body, dict):
        raise RequestError(400, "Le corps de la requête doit être un objet JSON.", "invalid_body")
    model = body.get("model")
    if not isinstance(model, str) or not model:
        raise RequestError(400, "Indiquez « model » (un texte).", "missing_model", "model")
    if model != SERVED_MODEL:
        raise RequestError(
            404,
            f"Le modèle « {without_lone_surrogates(shortened(model, 100))} » n'existe pas ; "
            f"ce serveur sert « {SERVED_MODEL} ».",
            "model_not_found",
            "model",
        )
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        raise RequestError(
            400, "« messages » doit être une liste non vide.", "invalid_value", "messages"
        )
    if len(messages) > MAX_MESSAGES:
        raise RequestError(
            400,
            f"Trop de messages ({len(messages)}) : au plus {MAX_MESSAGES} par demande.",
            "invalid_value",
            "messages",
        )
    flat = []
    for index, message in enumerate(messages):
        if not isinstance(message, dict) or message.get("role") not in ROLES:
            raise RequestError(
                400,
                f"messages[{index}] doit avoir un « role » parmi {', '.join(ROLES)}.",
                "invalid_value",
                f"messages[{index}].role",
            )
        flat.append({"role": message["role"], "content": _content(message, index)})
    n = body.get("n", 1)
    if isinstance(n, bool) or n not in (1, None):
        raise RequestError(400, "Ce serveur ne donne qu'une réponse à la fois (n = 1).", "n", "n")
    stream = body.get("stream", False)
    if not isinstance(stream, bool):
        raise RequestError(400, "« stream » vaut true ou false.", "invalid_value", "stream")
    newer = _integer(body, "max_completion_tokens", 1, MAX_TOKENS)
    older = _integer(body, "max_tokens", 1, MAX_TOKENS)
    return {
        "messages": flat,
        "max_tokens": newer or older or DEFAULT_MAX_TOKENS,
        "temperature": _number(body, "temperature", 0, 2, DEFAULT_TEMPERATURE),
        "seed": _integer(body, "seed", -(2**63), 2**63 - 1),
        "top_k": _integer(body, "top_k", 1, 100_000),
        "stream": stream,
    }


def room_fields(body: dict[str, Any], address: str) -> dict[str, str]:
    """`learner` (the `user` field, else the client's address) and `personal_data`.

    Call after `parse_chat_request`, which checks that `body` is an object.
    """
    user = body.get("user")
    if user is not None and (
        not isinstance(user, str) or not user.strip() or len(user) > MAX_LEARNER_CHARS
    ):
        raise RequestError(
            400,
            f"« user » doit être un texte court (au plus {MAX_LEARNER_CHARS} caractères).",
            "invalid_value",
            "user",
        )
    extra = body.get(FIELD, {})
    choice = (
        extra.get("donnees_personnelles", PERSONAL_DATA_WIRE["stop"])
        if isinstance(extra, dict)
        else None
    )
    if not isinstance(choice, str) or choice not in PERSONAL_DATA:
        raise RequestError(
            400,
            "« atelier » doit être un objet dont « donnees_personnelles » vaut "
            "« arreter » ou « pseudonymiser ».",
            "invalid_value",
            "atelier.donnees_personnelles",
        )
    learner = without_lone_surrogates(user.strip()) if user else address
    return {"learner": learner, "personal_data": PERSONAL_DATA[choice]}


def atelier_field(note: str, footprint: dict[str, Any] | None) -> dict[str, Any]:
    """The extra field of an answer (OpenAI clients ignore it): label and footprint."""
    return {"note": note, "empreinte": footprint}


def encoded(payload: dict[str, Any]) -> bytes:
    """JSON in UTF-8; a lone surrogate an upstream answer might hold becomes « ? »."""
    return json.dumps(payload, ensure_ascii=False).encode("utf-8", "replace")


def error_payload(error: RequestError) -> dict[str, Any]:
    """An error in OpenAI's JSON shape."""
    kind = "authentication_error" if error.status == 401 else "invalid_request_error"
    return {
        "error": {
            "message": error.message,
            "type": kind if error.status < 500 else "server_error",
            "param": error.param,
            "code": error.code,
        }
    }


def model_card() -> dict[str, Any]:
    return {"id": SERVED_MODEL, "object": "model", "created": 0, "owned_by": "atelier-ia"}


def usage_of(model: Any, prompt: str, text: str) -> dict[str, int] | None:
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


def completion_payload(
    identity: str,
    created: int,
    text: str,
    finish: str,
    usage: dict[str, int] | None,
    atelier: dict[str, Any] | None = None,
    model: str = SERVED_MODEL,
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "id": identity,
        "object": "chat.completion",
        "created": created,
        "model": model,
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
    if atelier is not None:
        payload[FIELD] = atelier
    return payload


def stream_events(
    identity: str,
    created: int,
    pieces: list[str],
    finish: str,
    atelier: dict[str, Any] | None = None,
    model: str = SERVED_MODEL,
) -> Iterator[bytes]:
    """The server-sent events of a streamed answer, ending with `data: [DONE]`.

    `atelier` travels in the last chunk, the one with the finish reason.
    """

    def event(delta: dict[str, str], reason: str | None) -> bytes:
        chunk: dict[str, Any] = {
            "id": identity,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": reason}],
        }
        if reason is not None and atelier is not None:
            chunk[FIELD] = atelier
        return b"data: " + encoded(chunk) + b"\n\n"

    yield event({"role": "assistant", "content": ""}, None)
    for piece in pieces:
        yield event({"content": piece}, None)
    yield event({}, finish)
    yield b"data: [DONE]\n\n"
