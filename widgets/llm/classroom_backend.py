"""The offline classroom model behind the connector's interface: nothing leaves the machine.

The classroom model is a next-token model, not a chat model: it has no
notion of roles and reads only the last few words, so a conversation
becomes the end of its last user message (`prompt_from_messages`), which
`atelier serve` uses too.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Protocol

from widgets.errors import AtelierError
from widgets.llm.config import Preset
from widgets.llm.interface import ConnectorError, Options, Reply, TextCallback

MAX_PROMPT_CHARS = 2_000
"""The classroom model only looks at the end of a prompt; longer text is cut from the start."""


class ClassroomModel(Protocol):
    def generate(
        self, prompt: str, max_new_tokens: int, temperature: float, top_k: int, seed: int | None
    ) -> str: ...

    def stream(
        self, prompt: str, max_new_tokens: int, temperature: float, top_k: int, seed: int | None
    ) -> Iterator[str]: ...


def prompt_from_messages(messages: list[dict[str, str]]) -> str:
    """What the classroom model continues: the last user message, or else the last message."""
    users = [message for message in messages if message.get("role") == "user"]
    last = (users or messages)[-1]["content"] if messages else ""
    return last[-MAX_PROMPT_CHARS:]


def default_classroom_model() -> ClassroomModel:
    from widgets.llm.classroom import get_model

    return get_model()


class ClassroomBackend:
    """The offline model, trained in this kernel on first use."""

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
            # A stand-in model's setting errors may carry a French `message` too.
            detail = getattr(error, "message", None)
            if detail is None:
                raise
            failure = ConnectorError(f"Le modèle de la classe refuse ce réglage : {detail}")
        else:
            return Reply(text, self.label, self.model, time.perf_counter() - start)
        raise failure
