"""Replay mode: answers from a session file, without internet.

The trainer records the session the day before (`record.py`, or `atelier
seance preparer`); in the room, this backend answers a prompt it finds in
the file (see `session_file` for what « the same prompt » means) with the
recorded text, usage and footprint, and says when and with which model the
answer was recorded. A prompt that was not recorded gets the fallback's
answer (the classroom model), labelled as such: a learner always knows
which model wrote what they read. Nothing here opens a network connection.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from widgets.french import numeric_date
from widgets.llm.room_backend import RoomAnswer, RoomBackend
from widgets.llm.session_file import Recording, Session

UNRECORDED_NOTE = "Réponse du modèle de la classe : ce prompt n'a pas été enregistré"


def recorded_note(entry: Recording) -> str:
    """« Réponse enregistrée le 01/12/2026 avec le modèle albert-large »."""
    return (
        f"Réponse enregistrée le {numeric_date(entry.recorded_at.date())} "
        f"avec le modèle {entry.model}"
    )


class ReplayBackend:
    """Answers from the session file at `path`; `fallback` answers the rest."""

    def __init__(self, path: Path, fallback: RoomBackend) -> None:
        self.path = Path(path)
        self.session = Session.load(self.path)
        self.fallback = fallback
        self.description = (
            f"la séance enregistrée dans « {self.path.name} » "
            f"({self.session.count} réponses), sans internet ; pour un prompt non "
            f"enregistré : {fallback.description}"
        )

    def answer(self, request: dict[str, Any]) -> RoomAnswer:
        entry = self.session.find(request)
        if entry is not None:
            return RoomAnswer(
                entry.text,
                entry.finish,
                entry.usage,
                recorded_note(entry),
                entry.footprint,
                model=entry.model,
            )
        answer = self.fallback.answer(request)
        return RoomAnswer(
            answer.text, answer.finish, answer.usage, UNRECORDED_NOTE, answer.footprint
        )
