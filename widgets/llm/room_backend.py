"""What answers the room's requests behind `atelier serve` (plain Python, no Jupyter).

The HTTP server (`server.py`) checks each request and hands it to one
backend: the classroom model (here), the gateway to an online model
(`gateway.py`), the replay of a recorded session (`replay.py`), or a backend
wrapped in the recorder (`record.py`). A backend returns a `RoomAnswer` or
raises `RequestError` (an HTTP status and a French message the learner
reads).

A request is the dict `chat_api.parse_chat_request` returns: `messages`
(role and text), `max_tokens`, `temperature`, `seed` (or None), `top_k` (or
None), `stream`, and `learner`, a short identifier of who asks (the
request's `user` field, else the client's address) for per-learner limits.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Protocol

from widgets.errors import AtelierError
from widgets.llm.chat_api import RequestError, usage_of
from widgets.llm.classroom_backend import ClassroomModel, prompt_from_messages


@dataclass(frozen=True)
class RoomAnswer:
    """One answer for the room.

    `note` is a French label the learner's notebook shows under the answer
    (« Réponse enregistrée le 01/12/2026 avec le modèle albert-large »);
    `footprint` is the EcoLogits estimate of an online answer, as
    `widgets.impact` computes it, or None. Both travel in the response's
    `atelier` field, which OpenAI clients ignore.
    """

    text: str
    finish: str = "stop"
    usage: dict[str, int] | None = None
    note: str = ""
    footprint: dict[str, Any] | None = field(default=None)
    model: str = ""
    """The model that wrote the answer, when it is not the classroom model; the response's
    `model` field says it, so the learner's notebook names the right one."""


class RoomBackend(Protocol):
    description: str
    """One French sentence for the start banner (« le modèle de la classe, hors ligne »)."""

    def answer(self, request: dict[str, Any]) -> RoomAnswer: ...


class ClassroomBackend:
    """The classroom model: offline, one generation at a time (it is fast)."""

    description = "le modèle de la classe, sur cet ordinateur, sans internet"

    def __init__(self, model: ClassroomModel, top_k: int = 40) -> None:
        self.model = model
        self.top_k = top_k
        self._lock = threading.Lock()

    def answer(self, request: dict[str, Any]) -> RoomAnswer:
        prompt = prompt_from_messages(request["messages"])
        try:
            with self._lock:
                pieces = list(
                    self.model.stream(
                        prompt,
                        max_new_tokens=request["max_tokens"],
                        temperature=request["temperature"],
                        top_k=request["top_k"] or self.top_k,
                        seed=request["seed"],
                    )
                )
        except (AtelierError, ValueError, TypeError) as error:
            message = getattr(error, "message", None)
            if message is None:
                raise
            raise RequestError(400, f"Réglage refusé : {message}", "invalid_value") from None
        text = "".join(pieces)
        usage = usage_of(self.model, prompt, text)
        finish = (
            "length" if usage and usage["completion_tokens"] >= request["max_tokens"] else "stop"
        )
        return RoomAnswer(text, finish, usage)
