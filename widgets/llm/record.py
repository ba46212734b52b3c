"""Record mode: answer with another backend and write each prompt and answer to a session file.

This backend KEEPS PROMPTS ON DISK, by design: the session file holds the
text of every prompt it answers, so that `replay.py` can answer the same
prompts the next day without internet. `atelier serve` says so when it
starts in record mode, and every answer's note says so to the learner.

What is never written: a prompt the inner backend refuses (the gateway
raises `RequestError` when the personal-data guard stops a prompt, before
any answer exists), and a prompt sent for pseudonymisation (`personal_data`
« pseudonymise »), whose answer carries the restored personal data.

Learners' requests arrive from several threads. Each answer is added to
the list under a lock, then the whole file is rewritten atomically before
the answer returns, so no entry is lost and a reader never sees half a file;
answers that arrive while a write runs are saved together by the next one
(30 learners would otherwise queue behind 30 writes). An existing session
file is continued, not replaced.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from widgets.llm.chat_api import SERVED_MODEL
from widgets.llm.room_backend import ClassroomBackend, RoomAnswer, RoomBackend
from widgets.llm.session_file import (
    SessionFileError,
    entry_line,
    read_session,
    recording,
    write_lines,
)

RECORDED_NOTE = (
    "Mode enregistrement : ce prompt et sa réponse sont gardés sur l'ordinateur de la "
    "formatrice ou du formateur, pour rejouer la séance sans internet."
)
NOT_RECORDED_PSEUDONYMISED = (
    "Mode enregistrement : ce prompt, envoyé pseudonymisé, n'est pas gardé, pour qu'aucune "
    "donnée personnelle ne soit écrite sur le disque."
)
UNKNOWN_MODEL = "modèle non précisé"


def now() -> datetime:
    """The local date and time, with its offset (the date the replay label shows)."""
    return datetime.now().astimezone()


class RecordingBackend:
    """Answers with `inner` and appends each prompt and answer to the session file at `path`.

    `model` is the name written in the file (« albert-large »); by default the
    inner backend's `model` attribute when it is a text (the gateway's
    upstream model), « modele-de-la-classe » for the classroom model.
    """

    def __init__(
        self,
        inner: RoomBackend,
        path: Path,
        *,
        model: str | None = None,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self.inner = inner
        self.path = Path(path)
        self.model = model or _model_name(inner)
        self.clock = clock
        existing = read_session(self.path) if self.path.exists() else []
        self._lines = [entry_line(entry) for entry in existing]
        write_lines(self.path, self._lines)  # fails now, not at the first answer
        self._written = len(self._lines)
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self.description = (
            f"{inner.description} ; chaque prompt et sa réponse sont enregistrés "
            f"dans « {self.path.name} »"
        )

    @property
    def count(self) -> int:
        """How many answers the file holds."""
        with self._lock:
            return len(self._lines)

    def answer(self, request: dict[str, Any]) -> RoomAnswer:
        answer = self.inner.answer(request)  # a refusal raises: nothing is recorded
        if request.get("personal_data") == "pseudonymise":
            return replace(answer, note=_joined(answer.note, NOT_RECORDED_PSEUDONYMISED))
        entry = recording(
            request,
            model=self.model,
            recorded_at=self.clock(),
            text=answer.text,
            finish=answer.finish,
            usage=answer.usage,
            footprint=answer.footprint,
        )
        line = entry_line(entry)
        with self._lock:
            self._lines.append(line)
            wanted = len(self._lines)
        try:
            self.flush(wanted)
        except SessionFileError as error:
            return replace(answer, note=_joined(answer.note, _unwritten(error)))
        return replace(answer, note=_joined(answer.note, RECORDED_NOTE))

    def flush(self, wanted: int | None = None) -> None:
        """Write the file if its first `wanted` entries (all, by default) are not on disk yet.

        One write saves every entry added while the previous one ran. Raises
        `SessionFileError`; the entries stay in memory for the next write.
        """
        with self._write_lock:
            with self._lock:
                snapshot = list(self._lines)
            if self._written >= (len(snapshot) if wanted is None else wanted):
                return
            write_lines(self.path, snapshot)
            self._written = len(snapshot)


def _model_name(inner: RoomBackend) -> str:
    if isinstance(inner, ClassroomBackend):
        return SERVED_MODEL
    name = getattr(inner, "model", None)
    return name if isinstance(name, str) and name else UNKNOWN_MODEL


def _unwritten(error: SessionFileError) -> str:
    """The entry stays in memory: the next successful write saves it too."""
    return f"Mode enregistrement : la réponse n'a pas encore pu être gardée. {error.message}"


def _joined(first: str, second: str) -> str:
    return f"{first} {second}" if first else second
