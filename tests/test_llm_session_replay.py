"""Replay: recorded answers with honest labels, the classroom model for the rest, no network."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from llm_fakes import (
    FakeModel,
    Step,
    completion,
    fresh_connector,
    scripted_server,
    use_online,
)
from test_llm_session_file import request

from widgets.llm import connector
from widgets.llm.record import RecordingBackend
from widgets.llm.replay import UNRECORDED_NOTE, ReplayBackend
from widgets.llm.room_backend import ClassroomBackend, RoomAnswer
from widgets.llm.session_file import SessionFileError, recording, write_session

__all__ = ["fresh_connector"]

USAGE = {"prompt_tokens": 20, "completion_tokens": 5, "total_tokens": 25}
FOOTPRINT = {"energie_kwh": 0.0004, "gco2eq": [0.01, 0.05]}


def session(tmp_path: Path, *entries: tuple[str, str, datetime, str]) -> Path:
    path = tmp_path / "seance.json"
    recordings = [
        recording(
            request(prompt),
            model=model,
            recorded_at=when,
            text=text,
            finish="stop",
            usage=USAGE,
            footprint=FOOTPRINT,
        )
        for prompt, text, when, model in entries
    ]
    write_session(path, recordings)
    return path


def classroom() -> ClassroomBackend:
    return ClassroomBackend(FakeModel())


EVENING = datetime(2026, 12, 1, 18, 4, tzinfo=timezone(timedelta(hours=1)))


def test_a_recorded_prompt_gets_its_answer_usage_and_footprint(tmp_path: Path) -> None:
    path = session(tmp_path, ("Rédigez la lettre.", "Madame, Monsieur,", EVENING, "albert-large"))
    model = FakeModel()
    replay = ReplayBackend(path, ClassroomBackend(model))
    answer = replay.answer(request("Rédigez la lettre."))
    assert answer == RoomAnswer(
        "Madame, Monsieur,",
        "stop",
        USAGE,
        "Réponse enregistrée le 01/12/2026 avec le modèle albert-large",
        FOOTPRINT,
        model="albert-large",  # the response names the model that wrote it
    )
    assert model.calls == []


@pytest.mark.parametrize(
    ("when", "shown"),
    [
        (datetime(2027, 1, 5, 9, 0, tzinfo=UTC), "05/01/2027"),
        (datetime(2026, 12, 31, 23, 30, tzinfo=timezone(timedelta(hours=1))), "31/12/2026"),
        (datetime(2026, 7, 14, 0, 15, tzinfo=timezone(timedelta(hours=2))), "14/07/2026"),
        (datetime(2026, 3, 9, 8, 0), "09/03/2026"),
    ],
    ids=[
        "jour-et-mois-a-un-chiffre",
        "saint-sylvestre-au-soir",
        "juste-apres-minuit",
        "sans-fuseau",
    ],
)
def test_the_label_shows_the_local_day_of_the_recording(
    tmp_path: Path, when: datetime, shown: str
) -> None:
    path = session(tmp_path, ("Bonjour", "Bonjour.", when, "mistral-small-latest"))
    note = ReplayBackend(path, classroom()).answer(request("Bonjour")).note
    assert note == f"Réponse enregistrée le {shown} avec le modèle mistral-small-latest"


def test_a_prompt_without_recording_gets_the_classroom_model_labelled(tmp_path: Path) -> None:
    path = session(tmp_path, ("Rédigez la lettre.", "Madame, Monsieur,", EVENING, "albert-large"))
    model = FakeModel()
    replay = ReplayBackend(path, ClassroomBackend(model))
    answer = replay.answer(request("Un prompt écrit en séance", max_tokens=3))
    assert answer.text == " mot0 mot1 mot2"
    assert answer.note == UNRECORDED_NOTE
    assert answer.note == "Réponse du modèle de la classe : ce prompt n'a pas été enregistré"
    assert answer.footprint is None
    assert len(model.calls) == 1


def test_other_settings_go_to_the_classroom_model(tmp_path: Path) -> None:
    path = session(tmp_path, ("Rédigez la lettre.", "Madame, Monsieur,", EVENING, "albert-large"))
    replay = ReplayBackend(path, classroom())
    assert replay.answer(request("Rédigez la lettre.", temperature=1.5)).note == UNRECORDED_NOTE


def test_emoji_and_lone_surrogates_replay(tmp_path: Path) -> None:
    prompt = "Annonce 🎉 pour la fête \ud83d de l'Ondine"
    path = session(tmp_path, (prompt, "Venez nombreux 🎶 \udc00 !", EVENING, "albert-large"))
    answer = ReplayBackend(path, classroom()).answer(request(prompt))
    assert answer.text == "Venez nombreux 🎶 \ufffd !"
    answer.text.encode("utf-8")


def test_the_banner_names_the_file_and_the_fallback(tmp_path: Path) -> None:
    when = EVENING
    path = session(tmp_path, ("a", "1", when, "m"), ("b", "2", when, "m"))
    replay = ReplayBackend(path, classroom())
    assert "« seance.json » (2 réponses), sans internet" in replay.description
    assert ClassroomBackend.description in replay.description


def test_a_bad_file_stops_the_replay_before_it_starts(tmp_path: Path) -> None:
    path = tmp_path / "ancienne.json"
    path.write_text('{"format": "atelier-ia-seance", "version": 0, "entrees": []}', "utf-8")
    with pytest.raises(SessionFileError, match="version 0, ancien"):
        ReplayBackend(path, classroom())


def cut_the_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """From now on every connection attempt, even to this computer, fails and is noted."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("pas de réseau dans ce test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


class ConnectorGateway:
    """A stand-in for the gateway: the course's connector, pointed at a loopback upstream."""

    description = "une passerelle de test"
    model = "albert-large"

    def answer(self, request: dict[str, Any]) -> RoomAnswer:
        reply = connector.generate(
            request["messages"],
            max_tokens=request["max_tokens"],
            temperature=request["temperature"],
        )
        prompt_tokens, completion_tokens = reply.usage.prompt_tokens, reply.usage.completion_tokens
        usage = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        }
        return RoomAnswer(reply.text, "stop", usage, "", {"gco2eq": 0.02})


def test_a_session_recorded_online_replays_with_everything_online_stopped(
    tmp_path: Path, fresh_connector: connector.Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "seance.json"
    prompt = "Rédigez la réponse à la plainte sur le bruit 📬."
    recorded_text = "Madame, Monsieur, nous avons bien reçu votre courrier."
    with scripted_server(Step(body=completion(recorded_text, model="albert-large"))) as upstream:
        use_online(fresh_connector, upstream.url, model="albert-large")
        RecordingBackend(ConnectorGateway(), path).answer(request(prompt))
        assert len(upstream.posts()) == 1
    attempts = cut_the_network(monkeypatch)
    replay = ReplayBackend(path, classroom())
    answer = replay.answer(request(prompt))
    assert answer.text == recorded_text
    assert answer.note.startswith("Réponse enregistrée le ")
    assert answer.note.endswith(" avec le modèle albert-large")
    assert answer.usage == {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4}
    assert answer.footprint == {"gco2eq": 0.02}
    assert replay.answer(request("Autre chose", max_tokens=2)).note == UNRECORDED_NOTE
    assert attempts == []
