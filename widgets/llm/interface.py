"""What every backend of the connector takes and gives back.

A backend receives checked messages and `Options`, and returns a `Reply`
(with its `Usage` when the backend counts tokens) or raises a
`ConnectorError` whose message is one French sentence. A key travels as a
`Secret` and is revealed only when a client is built.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from widgets.errors import AtelierError

TextCallback = Callable[[str], None]


class ConnectorError(AtelierError):
    """A request to a language model failed; `message` says why, in French."""


class KeyNotStored(ConnectorError, TypeError):
    """Pickling (`%store`, a copy to disk) would write the key: refused, in French."""


@dataclass(frozen=True)
class Usage:
    """Token counts, when the backend reports them."""

    prompt_tokens: int | None = None
    completion_tokens: int | None = None


@dataclass(frozen=True)
class RoomInfo:
    """What the room server (`atelier serve`) adds to an answer, in its `atelier` field.

    `note` says where the answer comes from (« Réponse de albert-large via le
    serveur de la salle »); `footprint` is the server's footprint estimate, in
    the shape of `widgets.impact.payload`, or None when it could not tell.
    """

    note: str = ""
    footprint: dict[str, Any] | None = None


@dataclass(frozen=True)
class Reply:
    text: str
    backend: str
    model: str
    duration_s: float
    usage: Usage = Usage()
    room: RoomInfo | None = None
    """Set for answers of the room server that carried an `atelier` field."""


PERSONAL_DATA_CHOICES = ("stop", "pseudonymise")
"""What to do with personal data in a prompt: stop it, or pseudonymise it and restore the
answer. The online backend tells the room server which one the learner chose."""


@dataclass(frozen=True)
class Options:
    max_tokens: int = 300
    temperature: float = 0.7
    seed: int | None = None
    stream: bool = False
    personal_data: str = "stop"


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
        raise KeyNotStored(
            "Une clé ne s'enregistre pas : elle reste en mémoire le temps de la séance, "
            "saisissez-la de nouveau à la prochaine."
        )


class Backend(Protocol):
    label: str
    model: str

    def generate(
        self, messages: list[dict[str, str]], options: Options, on_text: TextCallback | None
    ) -> Reply: ...
