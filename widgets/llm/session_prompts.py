"""The prompts of a session, and playing them the day before to write the session file.

The prompts come from the course's own data, exactly as the notebooks send
them, so that the replay finds them: module 03's comparison (« Avant, après »,
`widgets/prompts/views/comparison.py`) sends each task of the gallery
(`gallery.toml`) twice, the vague prompt and the structured one assembled
field by field, as one user message, with the connector's default settings
(`interface.Options`: 300 tokens, temperature 0.7). A path (« parcours ») is
a list of modules; `prompts_for_modules` gives the prompts of the modules
that send prompts to a model (today, module 03 only), and the command line
reads a path's modules from the syllabus.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from widgets.llm.chat_api import RequestError
from widgets.llm.interface import Options
from widgets.llm.record import RecordingBackend
from widgets.llm.room_backend import RoomBackend
from widgets.prompts.fields import assemble
from widgets.prompts.gallery import gallery
from widgets.text import printable

PREPARATION_LEARNER = "preparation-de-la-seance"
MAX_FAILURES_IN_A_ROW = 3
"""After three failures in a row the upstream is down or refuses the key: stop waiting."""

Progress = Callable[[int, int, str], None]
"""Called after each prompt with (prompts done, prompts in all, the prompt's French title)."""


@dataclass(frozen=True)
class SessionPrompt:
    """One prompt of the session, with the settings the notebook sends it with."""

    title: str
    messages: tuple[tuple[str, str], ...]
    max_tokens: int = Options.max_tokens
    temperature: float = Options.temperature

    def request(self) -> dict[str, Any]:
        """The request a backend receives for it (see `room_backend`)."""
        return {
            "messages": [{"role": role, "content": text} for role, text in self.messages],
            "max_tokens": self.max_tokens,
            "temperature": self.temperature,
            "seed": None,
            "top_k": None,
            "stream": False,
            "learner": PREPARATION_LEARNER,
            "personal_data": "stop",
        }


@dataclass(frozen=True)
class Preparation:
    """What `prepare_session` did: answers recorded, failures (title, French message)."""

    path: Path
    recorded: int
    total: int
    failures: tuple[tuple[str, str], ...]
    stopped_early: bool

    def lines(self) -> list[str]:
        """The French report `atelier seance preparer` prints at the end."""
        if not self.total:
            return ["Aucun prompt à enregistrer : ces modules n'envoient rien à un modèle."]
        lines = [
            f"{self.recorded} réponse(s) enregistrée(s) sur {self.total} dans "
            f"« {printable(str(self.path))} »."
        ]
        lines += [f"Non enregistré : {title}. {message}" for title, message in self.failures]
        if self.stopped_early:
            lines.append(
                f"Arrêt après {MAX_FAILURES_IN_A_ROW} échecs de suite : vérifiez la clé, le "
                "réseau et le nom du modèle, puis relancez (le fichier est complété)."
            )
        elif self.recorded == self.total:
            command = f"atelier serve --rejouer {shlex.quote(printable(str(self.path)))}"
            lines.append(f"En salle, sans Wi-Fi : {command}")
        return lines


def gallery_prompts() -> list[SessionPrompt]:
    """Module 03's comparison: each task of the gallery, its vague then its structured prompt."""
    prompts = []
    for entry in gallery():
        prompts.append(SessionPrompt(f"{entry.title} (prompt vague)", (("user", entry.vague),)))
        structured = (("user", assemble(entry.fields)),)
        prompts.append(SessionPrompt(f"{entry.title} (prompt structuré)", structured))
    return prompts


MODULE_PROMPTS: dict[str, Callable[[], list[SessionPrompt]]] = {"03-prompts": gallery_prompts}
"""The modules whose notebook sends the course's own prompts to the chosen model."""


def prompts_for_modules(modules: Iterable[str]) -> list[SessionPrompt]:
    """The prompts of these modules (a path's steps), in order, each prompt once."""
    prompts: list[SessionPrompt] = []
    seen = set()
    for module in modules:
        for prompt in MODULE_PROMPTS.get(module, list)():
            if prompt not in seen:
                seen.add(prompt)
                prompts.append(prompt)
    return prompts


def prepare_session(
    backend: RoomBackend,
    prompts: list[SessionPrompt],
    path: Path,
    progress: Progress | None = None,
) -> Preparation:
    """Play `prompts` against `backend` (the gateway) and record the answers in `path`.

    Each answer is written as soon as it arrives, so an interrupted
    preparation keeps what it got; an existing session file is continued.
    A prompt the backend refuses is reported and skipped; after
    `MAX_FAILURES_IN_A_ROW` refusals in a row, the preparation stops. Raises
    `SessionFileError` when the file cannot be read or written.
    """
    recorder = RecordingBackend(backend, path)
    failures: list[tuple[str, str]] = []
    recorded = in_a_row = 0
    for done, prompt in enumerate(prompts, start=1):
        try:
            recorder.answer(prompt.request())
        except RequestError as error:
            failures.append((prompt.title, error.message))
            in_a_row += 1
        else:
            recorded += 1
            in_a_row = 0
        recorder.flush()  # a file that cannot be written stops the preparation at once
        if progress is not None:
            progress(done, len(prompts), prompt.title)
        if in_a_row >= MAX_FAILURES_IN_A_ROW and done < len(prompts):
            return Preparation(recorder.path, recorded, len(prompts), tuple(failures), True)
    return Preparation(recorder.path, recorded, len(prompts), tuple(failures), False)
